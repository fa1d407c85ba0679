/* SPDX-License-Identifier: EUPL-1.2 */
/* Element helpers over a libxml2 HTML tree: attributes, visible text,
 * element paths and the id and label lookup of a page. */
#include "audit_private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"

int oo_audit__is(const xmlNode *node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE &&
	       strcasecmp((const char *)node->name, name) == 0;
}

int oo_audit__has_attr(const xmlNode *node, const char *name)
{
	return node && xmlHasProp(node, (const xmlChar *)name) != NULL;
}

/* xmlGetProp allocates with libxml2's allocator; copying into our own keeps
 * one allocator per string and lets fault injection reach this path. */
char *oo_audit__attr(const xmlNode *node, const char *name)
{
	xmlChar *value;
	char *copy;

	if (!node || node->type != XML_ELEMENT_NODE)
		return NULL;
	value = xmlGetProp(node, (const xmlChar *)name);
	if (!value)
		return NULL;
	copy = oo_strdup((const char *)value);
	xmlFree(value);
	return copy;
}

int oo_audit__attr_is(const xmlNode *node, const char *name, const char *value)
{
	xmlChar *v;
	int same;

	if (!node || node->type != XML_ELEMENT_NODE)
		return 0;
	v = xmlGetProp(node, (const xmlChar *)name);
	if (!v)
		return 0;
	same = strcasecmp((const char *)v, value) == 0;
	xmlFree(v);
	return same;
}

/* The text of these elements is not part of a label: a select's options,
 * a textarea's default value, scripts and styles. */
static int text_skipped(const xmlNode *node)
{
	static const char *const skipped[] = {
		"select", "textarea", "script", "style", "template", "button", "noscript",
	};
	size_t i;

	for (i = 0; i < sizeof(skipped) / sizeof(skipped[0]); i++)
		if (oo_audit__is(node, skipped[i]))
			return 1;
	return 0;
}

/* Appends s with white space runs collapsed, up to OO_AUDIT_TEXT_MAX bytes. */
static void append_collapsed(oo_buf *buf, const char *s, int *space)
{
	for (; *s && buf->len < OO_AUDIT_TEXT_MAX; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			*space = 1;
			continue;
		}
		/* U+00A0 no-break space counts as white space in labels. */
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			*space = 1;
			s++;
			continue;
		}
		if (*space && buf->len > 0)
			oo_buf_putc(buf, ' ');
		*space = 0;
		oo_buf_putc(buf, (char)c);
	}
}

/* Walks below node without recursion, because a page's nesting depth is
 * only bounded by its size. */
static void collect_text(oo_buf *buf, const xmlNode *top)
{
	const xmlNode *node;
	int space = 0;

	for (node = top->children; node; node = oo_audit__next(node, top, !text_skipped(node))) {
		if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
			append_collapsed(buf, (const char *)node->content, &space);
		else if (oo_audit__is(node, "br") || oo_audit__is(node, "p") || oo_audit__is(node, "div"))
			space = 1;
	}
}

/* Cuts s at len bytes, moving back to the start of a UTF-8 sequence. */
static void cut_utf8(char *s, size_t len)
{
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	s[len] = '\0';
}

char *oo_audit__text(const xmlNode *node)
{
	oo_buf buf = OO_BUF_INIT;

	if (node)
		collect_text(&buf, node);
	if (buf.len > OO_AUDIT_TEXT_MAX)
		cut_utf8(buf.data, OO_AUDIT_TEXT_MAX);
	return oo_buf_detach(&buf);
}

static size_t sibling_position(const xmlNode *node)
{
	const xmlNode *s;
	size_t pos = 1;

	for (s = node->prev; s; s = s->prev)
		if (s->type == XML_ELEMENT_NODE && xmlStrcmp(s->name, node->name) == 0)
			pos++;
	return pos;
}

char *oo_audit__path(const xmlNode *node)
{
	const xmlNode **steps = NULL;
	const xmlNode *n;
	size_t depth = 0, i;
	oo_buf buf = OO_BUF_INIT;

	for (n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		depth++;
	steps = oo_malloc((depth ? depth : 1) * sizeof(*steps));
	if (!steps)
		return NULL;
	for (i = 0, n = node; i < depth; i++, n = n->parent)
		steps[i] = n;
	for (i = depth; i-- > 0;) {
		const char *name = (const char *)steps[i]->name;

		if (strcmp(name, "html") == 0 || strcmp(name, "body") == 0)
			oo_buf_printf(&buf, "/%s", name);
		else
			oo_buf_printf(&buf, "/%s[%zu]", name, sibling_position(steps[i]));
	}
	oo_free(steps);
	return oo_buf_detach(&buf);
}

static int entry_compare(const void *a, const void *b)
{
	return strcmp(((const oo_audit__entry *)a)->key, ((const oo_audit__entry *)b)->key);
}

static oo_status entry_push(oo_audit__entry **items, size_t *count, size_t *cap,
			    const xmlNode *node, const char *attr)
{
	char *key = oo_audit__attr(node, attr);

	if (!key)
		return oo_audit__has_attr(node, attr) ? OO_ENOMEM : OO_OK;
	if (*count == *cap) {
		size_t grown = *cap ? *cap * 2 : 64;
		oo_audit__entry *resized = oo_realloc(*items, grown * sizeof(**items));

		if (!resized) {
			oo_free(key);
			return OO_ENOMEM;
		}
		*items = resized;
		*cap = grown;
	}
	(*items)[*count].key = key;
	(*items)[*count].node = (xmlNode *)node;
	(*count)++;
	return OO_OK;
}

/* Returns the element after node in document order, staying below top. */
xmlNode *oo_audit__next(const xmlNode *node, const xmlNode *top, int descend)
{
	if (descend && node->children)
		return node->children;
	while (node && node != top && !node->next)
		node = node->parent;
	if (!node || node == top)
		return NULL;
	return node->next;
}


oo_status oo_audit__index_build(oo_audit__index *index, xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *node;
	size_t id_cap = 0, label_cap = 0;
	oo_status rc = OO_OK;

	memset(index, 0, sizeof(*index));
	for (node = root; node && rc == OO_OK; node = oo_audit__next(node, NULL, 1)) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		rc = entry_push(&index->ids, &index->id_count, &id_cap, node, "id");
		if (rc == OO_OK && oo_audit__is(node, "label"))
			rc = entry_push(&index->labels, &index->label_count, &label_cap, node, "for");
	}
	if (rc != OO_OK) {
		oo_audit__index_free(index);
		return rc;
	}
	/* qsort is not stable, so among duplicate ids the lookup may find any;
	 * a page with duplicate ids is broken for browsers too. */
	if (index->id_count)
		qsort(index->ids, index->id_count, sizeof(*index->ids), entry_compare);
	if (index->label_count)
		qsort(index->labels, index->label_count, sizeof(*index->labels), entry_compare);
	return OO_OK;
}

static xmlNode *lookup(const oo_audit__entry *items, size_t count, const char *key)
{
	oo_audit__entry probe = { (char *)key, NULL };
	const oo_audit__entry *hit;

	if (!key || !count)
		return NULL;
	hit = bsearch(&probe, items, count, sizeof(*items), entry_compare);
	return hit ? hit->node : NULL;
}

xmlNode *oo_audit__index_id(const oo_audit__index *index, const char *id)
{
	return lookup(index->ids, index->id_count, id);
}

xmlNode *oo_audit__index_label(const oo_audit__index *index, const char *id)
{
	return lookup(index->labels, index->label_count, id);
}

void oo_audit__index_free(oo_audit__index *index)
{
	size_t i;

	for (i = 0; i < index->id_count; i++)
		oo_free(index->ids[i].key);
	for (i = 0; i < index->label_count; i++)
		oo_free(index->labels[i].key);
	oo_free(index->ids);
	oo_free(index->labels);
	memset(index, 0, sizeof(*index));
}
