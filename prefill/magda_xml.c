/* SPDX-License-Identifier: EUPL-1.2 */
/* Safe parsing of MAGDA SOAP documents and namespace-agnostic navigation. */
#include "magda_xml.h"

#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "onlyonce/alloc.h"
#include "onlyonce/prefill.h"

/* The first error libxml2 reports; later ones are often its consequences. */
typedef struct {
	int seen;
	int line;
	int column;
	char message[256];
} first_error;

/* Structured error handler: stores the first error instead of printing it,
 * because the library never writes to stderr. */
static void keep_first_error(void *data, xmlErrorPtr error)
{
	xmlParserCtxtPtr ctxt = data;
	first_error *first = ctxt ? ctxt->_private : NULL;
	size_t len;

	if (!first || first->seen || !error || error->level == XML_ERR_WARNING)
		return;
	first->seen = 1;
	first->line = error->line;
	first->column = error->int2;
	strncpy(first->message, error->message ? error->message : "unknown error",
		sizeof(first->message) - 1);
	len = strlen(first->message);
	while (len > 0 && (first->message[len - 1] == '\n' || first->message[len - 1] == ' '))
		first->message[--len] = '\0';
}

static oo_status parse_error(const first_error *first, oo_error *err)
{
	if (!first->seen)
		return oo_error_set(err, OO_EPARSE, NULL, 0, 0,
				    "malformed XML in MAGDA response");
	return oo_error_set(err, OO_EPARSE, NULL, first->line, first->column,
			    "malformed XML in MAGDA response at line %d: %s",
			    first->line, first->message);
}

oo_status oo_magda__read(xmlDoc **out, const char *xml, size_t len, oo_error *err)
{
	xmlParserCtxtPtr ctxt;
	first_error first;
	xmlDoc *doc;

	*out = NULL;
	if (!xml)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "missing MAGDA response");
	if (len > OO_MAGDA_MAX_SIZE)
		return oo_error_set(err, OO_ELIMIT, NULL, 0, 0,
				    "MAGDA response of %zu bytes exceeds the limit of %zu bytes",
				    len, OO_MAGDA_MAX_SIZE);

	memset(&first, 0, sizeof(first));
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory parsing MAGDA response");
	ctxt->_private = &first;
	ctxt->sax->serror = keep_first_error;
	/* No XML_PARSE_NOENT or XML_PARSE_DTDLOAD: entities stay unexpanded
	 * and no external DTD or entity is read; XML_PARSE_NONET blocks any
	 * network access that remains. */
	doc = xmlCtxtReadMemory(ctxt, xml, (int)len, NULL, NULL,
				XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlFreeParserCtxt(ctxt);
	if (!doc)
		return parse_error(&first, err);

	if (doc->intSubset || doc->extSubset) {
		xmlFreeDoc(doc);
		return oo_error_set(err, OO_EPARSE, NULL, 0, 0,
				    "MAGDA response contains a DOCTYPE, which SOAP 1.1 forbids in a message");
	}
	*out = doc;
	return OO_OK;
}

static int has_name(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

xmlNode *oo_magda__child(const xmlNode *parent, const char *name)
{
	xmlNode *node;

	if (!parent)
		return NULL;
	for (node = parent->children; node; node = node->next)
		if (has_name(node, name))
			return node;
	return NULL;
}

xmlNode *oo_magda__next(const xmlNode *node, const char *name)
{
	xmlNode *sibling;

	if (!node)
		return NULL;
	for (sibling = node->next; sibling; sibling = sibling->next)
		if (has_name(sibling, name))
			return sibling;
	return NULL;
}

xmlNode *oo_magda__path(const xmlNode *node, const char *path)
{
	char step[64];
	const char *slash;
	size_t len;

	while (node && *path) {
		slash = strchr(path, '/');
		len = slash ? (size_t)(slash - path) : strlen(path);
		if (len >= sizeof(step))
			return NULL;
		memcpy(step, path, len);
		step[len] = '\0';
		node = oo_magda__child(node, step);
		path += slash ? len + 1 : len;
	}
	return (xmlNode *)node;
}

/* libxml2 limits element nesting to 256 levels unless XML_PARSE_HUGE is
 * set, which bounds the recursion. */
xmlNode *oo_magda__find(const xmlNode *root, const char *name)
{
	xmlNode *child, *found;

	if (!root)
		return NULL;
	if (has_name(root, name))
		return (xmlNode *)root;
	for (child = root->children; child; child = child->next) {
		if (child->type != XML_ELEMENT_NODE)
			continue;
		if ((found = oo_magda__find(child, name)))
			return found;
	}
	return NULL;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void put_char(char *dst, size_t cap, size_t at, char c)
{
	if (at + 1 < cap)
		dst[at] = c;
}

size_t oo_magda__text_copy(char *dst, size_t cap, const xmlNode *node)
{
	const xmlNode *child;
	const char *p;
	size_t len = 0;
	int pending_space = 0;

	for (child = node ? node->children : NULL; child; child = child->next) {
		if (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE)
			continue;
		for (p = (const char *)child->content; p && *p; p++) {
			if (is_space(*p)) {
				pending_space = len > 0;
				continue;
			}
			if (pending_space)
				put_char(dst, cap, len++, ' ');
			pending_space = 0;
			put_char(dst, cap, len++, *p);
		}
	}
	if (cap)
		dst[len < cap ? len : cap - 1] = '\0';
	return len;
}

oo_status oo_magda__text(char **out, const xmlNode *node)
{
	size_t len = oo_magda__text_copy(NULL, 0, node);

	*out = NULL;
	if (len == 0)
		return OO_OK;
	*out = oo_malloc(len + 1);
	if (!*out)
		return OO_ENOMEM;
	oo_magda__text_copy(*out, len + 1, node);
	return OO_OK;
}

int oo_magda__text_is(const xmlNode *node, const char *value)
{
	char text[64];
	size_t len = oo_magda__text_copy(text, sizeof(text), node);

	return len < sizeof(text) && strcmp(text, value) == 0;
}

const char *oo_magda__attr(const xmlNode *node, const char *name)
{
	const xmlAttr *attr;

	if (!node || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (attr = node->properties; attr; attr = attr->next) {
		if (strcmp((const char *)attr->name, name) != 0)
			continue;
		if (attr->children && attr->children->type == XML_TEXT_NODE)
			return (const char *)attr->children->content;
		return "";
	}
	return NULL;
}

static const char *skip_spaces(const char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* Dates are yyyy-mm-dd, so comparing their first 10 bytes orders them;
 * MAGDA's open end date 9999-12-31 sorts after every real date. */
int oo_magda__is_active(const xmlNode *node, const char *today)
{
	const char *begin = oo_magda__attr(node, "DatumBegin");
	const char *end = oo_magda__attr(node, "DatumEinde");

	if (begin && *skip_spaces(begin) && strncmp(skip_spaces(begin), today, 10) > 0)
		return 0;
	if (end && *skip_spaces(end) && strncmp(skip_spaces(end), today, 10) <= 0)
		return 0;
	return 1;
}

void oo_magda__today(char out[11])
{
	time_t now = time(NULL);
	struct tm local;

	if (!localtime_r(&now, &local) || strftime(out, 11, "%Y-%m-%d", &local) != 10)
		memcpy(out, "1970-01-01", 11);
}
