/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_check.h"
#include "onlyonce/alloc.h"

void page_parse(parsed_page *page, char *html)
{
	memset(page, 0, sizeof(*page));
	assert_non_null(html);
	page->html = html;
	page->doc = htmlReadMemory(html, (int)strlen(html), "page.html", "UTF-8",
				   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	assert_non_null(page->doc);
	page->xpath = xmlXPathNewContext(page->doc);
	assert_non_null(page->xpath);
}

void page_free(parsed_page *page)
{
	if (page->xpath)
		xmlXPathFreeContext(page->xpath);
	if (page->doc)
		xmlFreeDoc(page->doc);
	oo_free(page->html);
	memset(page, 0, sizeof(*page));
}

static xmlXPathObjectPtr eval(parsed_page *page, const char *expr)
{
	xmlXPathObjectPtr result = xmlXPathEvalExpression((const xmlChar *)expr, page->xpath);

	if (!result)
		fail_msg("invalid XPath expression: %s", expr);
	return result;
}

int page_count(parsed_page *page, const char *expr)
{
	xmlXPathObjectPtr result = eval(page, expr);
	int n = result->nodesetval ? result->nodesetval->nodeNr : 0;

	xmlXPathFreeObject(result);
	return n;
}

char *page_string(parsed_page *page, const char *expr)
{
	char wrapped[1024];
	xmlXPathObjectPtr result;
	char *copy;

	snprintf(wrapped, sizeof(wrapped), "normalize-space(%s)", expr);
	result = eval(page, wrapped);
	copy = strdup(result->stringval ? (const char *)result->stringval : "");
	xmlXPathFreeObject(result);
	return copy;
}

/* Quotes a value for an XPath literal; ids here never hold both quotes. */
static void id_exists(parsed_page *page, const char *id, const char *where)
{
	char expr[512];

	snprintf(expr, sizeof(expr), strchr(id, '\'') ? "//*[@id=\"%s\"]" : "//*[@id='%s']", id);
	if (page_count(page, expr) != 1)
		fail_msg("%s names id \"%s\", which %s", where, id,
			 page_count(page, expr) ? "occurs more than once" : "does not exist");
}

static void check_tokens(parsed_page *page, const char *attr_expr, const char *what)
{
	xmlXPathObjectPtr result = eval(page, attr_expr);
	int i;

	for (i = 0; result->nodesetval && i < result->nodesetval->nodeNr; i++) {
		xmlChar *value = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
		char *copy = strdup((const char *)value);
		char *save = NULL;
		char *token;

		if (strlen(copy) == 0)
			fail_msg("empty %s attribute", what);
		for (token = strtok_r(copy, " ", &save); token; token = strtok_r(NULL, " ", &save))
			id_exists(page, token, what);
		free(copy);
		xmlFree(value);
	}
	xmlXPathFreeObject(result);
}

static void check_unique_ids(parsed_page *page)
{
	xmlXPathObjectPtr result = eval(page, "//@id");
	int i;

	for (i = 0; result->nodesetval && i < result->nodesetval->nodeNr; i++) {
		xmlChar *value = xmlNodeGetContent(result->nodesetval->nodeTab[i]);

		id_exists(page, (const char *)value, "an id attribute");
		xmlFree(value);
	}
	xmlXPathFreeObject(result);
}

static void check_fragment_links(parsed_page *page)
{
	xmlXPathObjectPtr result = eval(page, "//a/@href[starts-with(., '#')]");
	int i;

	for (i = 0; result->nodesetval && i < result->nodesetval->nodeNr; i++) {
		xmlChar *value = xmlNodeGetContent(result->nodesetval->nodeTab[i]);

		id_exists(page, (const char *)value + 1, "a link");
		xmlFree(value);
	}
	xmlXPathFreeObject(result);
}

void page_assert_idrefs(parsed_page *page)
{
	check_unique_ids(page);
	check_tokens(page, "//@for", "for");
	check_tokens(page, "//@aria-describedby", "aria-describedby");
	check_tokens(page, "//@aria-labelledby", "aria-labelledby");
	check_fragment_links(page);
}

void page_assert_labelled(parsed_page *page)
{
	xmlXPathObjectPtr result = eval(page, "//input | //select | //textarea");
	int i;

	for (i = 0; result->nodesetval && i < result->nodesetval->nodeNr; i++) {
		xmlNodePtr node = result->nodesetval->nodeTab[i];
		xmlChar *id = xmlGetProp(node, (const xmlChar *)"id");
		xmlChar *type = xmlGetProp(node, (const xmlChar *)"type");
		char expr[512];
		char *text;

		if (!id)
			fail_msg("a <%s> has no id, so no label can name it", node->name);
		snprintf(expr, sizeof(expr), "string(//label[@for='%s'])", (const char *)id);
		text = page_string(page, expr);
		if (!*text)
			fail_msg("control \"%s\" has no label with text", (const char *)id);
		free(text);
		if (type && (xmlStrcmp(type, (const xmlChar *)"radio") == 0 ||
			     xmlStrcmp(type, (const xmlChar *)"checkbox") == 0)) {
			/* A lone checkbox is labelled by its own label; a group
			 * needs the fieldset's legend for its question. */
			snprintf(expr, sizeof(expr),
				 "//input[@id='%s'][not(@data-oo-boolean)][not(ancestor::fieldset/legend)]",
				 (const char *)id);
			if (page_count(page, expr))
				fail_msg("choice \"%s\" sits outside a fieldset with a legend",
					 (const char *)id);
		}
		xmlFree(id);
		xmlFree(type);
	}
	xmlXPathFreeObject(result);
}
