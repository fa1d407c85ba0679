/* SPDX-License-Identifier: EUPL-1.2 */
/* Reads a rendered page back with the libxml2 HTML parser and checks the
 * GOV.UK contract on it: unique ids, resolving idrefs, labelled controls. */
#ifndef ONLYONCE_TEST_HTML_CHECK_H
#define ONLYONCE_TEST_HTML_CHECK_H

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

typedef struct {
	char *html;                 /* the rendered text, owned */
	htmlDocPtr doc;
	xmlXPathContextPtr xpath;
} parsed_page;

/* Parses html (taking ownership; freed with oo_free) and fails the test
 * when it is not a parseable document. */
void page_parse(parsed_page *page, char *html);
void page_free(parsed_page *page);

/* Returns the number of nodes expr selects. */
int page_count(parsed_page *page, const char *expr);

/* Returns the string value of expr (an XPath string() expression is
 * usual), whitespace-normalised; caller frees with free(). */
char *page_string(parsed_page *page, const char *expr);

/* Fails the test when an id occurs twice or when a for, aria-describedby,
 * aria-labelledby or href="#..." names an id that does not exist. */
void page_assert_idrefs(parsed_page *page);

/* Fails the test when an input, select or textarea has no <label for> with
 * text, or when a radio or checkbox group is outside a fieldset with a
 * legend. */
void page_assert_labelled(parsed_page *page);

#endif
