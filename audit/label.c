/* SPDX-License-Identifier: EUPL-1.2 */
/* Finds the accessible name of a form control and the headings around it.
 * The order is the one browsers use for an accessible name: aria-labelledby,
 * aria-label, label elements, title, then placeholder. */
#include "audit_private.h"

#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"

int oo_audit__required_mark(const char *text)
{
	return text && (strchr(text, '*') || strstr(text, "(verplicht)") ||
			strstr(text, "(obligatoire)") || strstr(text, "(Pflichtfeld)"));
}

/* Removes a trailing "*" with its spaces, as a required marker is not part
 * of the label a report quotes. */
static void strip_required_star(char *text)
{
	size_t len = strlen(text);

	while (len > 0 && (text[len - 1] == '*' || text[len - 1] == ' '))
		text[--len] = '\0';
}

/* Takes ownership of text. Empty texts do not count as a label. */
static int set_label(oo_audit__label *out, char *text, int source)
{
	if (!text || !*text) {
		oo_free(text);
		return 0;
	}
	out->required_mark = oo_audit__required_mark(text);
	strip_required_star(text);
	out->text = text;
	out->source = source;
	return 1;
}

/* Joins the texts of the elements whose ids aria-labelledby lists. */
static char *labelled_by_text(const xmlNode *node, const oo_audit__index *index)
{
	char *ids = oo_audit__attr(node, "aria-labelledby");
	char *save = NULL, *id, *text;
	oo_buf buf = OO_BUF_INIT;

	if (!ids)
		return NULL;
	for (id = strtok_r(ids, " \t\n\r", &save); id; id = strtok_r(NULL, " \t\n\r", &save)) {
		text = oo_audit__text(oo_audit__index_id(index, id));
		if (text && *text) {
			if (buf.len)
				oo_buf_putc(&buf, ' ');
			oo_buf_puts(&buf, text);
		}
		oo_free(text);
	}
	oo_free(ids);
	if (!buf.len)
		return NULL;
	return oo_buf_detach(&buf);
}

static const xmlNode *wrapping_label(const xmlNode *control)
{
	const xmlNode *n;

	for (n = control->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		if (oo_audit__is(n, "label"))
			return n;
		if (oo_audit__is(n, "form"))
			break;
	}
	return NULL;
}

static int is_control(const xmlNode *n)
{
	return oo_audit__is(n, "input") || oo_audit__is(n, "select") ||
	       oo_audit__is(n, "textarea");
}

/* Returns the visible text next to a control that no markup ties to it:
 * the previous cell of its table row, else the nearest sibling text
 * before it (after it for a radio button or checkbox, whose text follows). */
static char *beside_text(const xmlNode *control, int after)
{
	const xmlNode *cell = control->parent;
	const xmlNode *s;
	char *text;

	if (cell && (oo_audit__is(cell, "td") || oo_audit__is(cell, "th"))) {
		for (s = cell->prev; s; s = s->prev)
			if (oo_audit__is(s, "td") || oo_audit__is(s, "th"))
				return oo_audit__text(s);
	}
	for (s = after ? control->next : control->prev; s; s = after ? s->next : s->prev) {
		if (is_control(s))
			break;
		if (s->type == XML_TEXT_NODE || s->type == XML_ELEMENT_NODE) {
			text = s->type == XML_TEXT_NODE ? oo_strdup((const char *)s->content)
							: oo_audit__text(s);
			if (!text || strspn(text, " \t\r\n") < strlen(text))
				return text;
			oo_free(text);
		}
	}
	return NULL;
}

/* Finds a label element that names control, by for= or by wrapping it. */
static int label_element(oo_audit__label *out, const xmlNode *control,
			 const oo_audit__index *index)
{
	char *id = oo_audit__attr(control, "id");
	const xmlNode *label = id ? oo_audit__index_label(index, id) : NULL;

	oo_free(id);
	if (label && set_label(out, oo_audit__text(label), OO_LABEL_FOR))
		return 1;
	label = wrapping_label(control);
	return label && set_label(out, oo_audit__text(label), OO_LABEL_WRAPPING);
}

oo_status oo_audit__label_control(oo_audit__label *out, const xmlNode *control,
				  const oo_audit__index *index)
{
	int after = oo_audit__attr_is(control, "type", "checkbox") ||
		    oo_audit__attr_is(control, "type", "radio");

	memset(out, 0, sizeof(*out));
	if (set_label(out, labelled_by_text(control, index), OO_LABEL_ARIA_BY) ||
	    set_label(out, oo_audit__attr(control, "aria-label"), OO_LABEL_ARIA) ||
	    label_element(out, control, index) ||
	    set_label(out, oo_audit__attr(control, "title"), OO_LABEL_TITLE) ||
	    set_label(out, oo_audit__attr(control, "placeholder"), OO_LABEL_PLACEHOLDER) ||
	    set_label(out, beside_text(control, after), OO_LABEL_NONE))
		return OO_OK;
	out->source = OO_LABEL_NONE;
	return OO_OK;
}

/* Returns 1 when every control below fieldset (other than hidden inputs and
 * buttons) has the given name, so that its legend names the group alone. */
static int fieldset_holds_only(const xmlNode *fieldset, const char *name)
{
	const xmlNode *n;
	int same = 1;

	for (n = fieldset->children; n && same; n = oo_audit__next(n, fieldset, 1)) {
		if (!is_control(n) || oo_audit__attr_is(n, "type", "hidden") ||
		    oo_audit__attr_is(n, "type", "submit") || oo_audit__attr_is(n, "type", "button"))
			continue;
		same = oo_audit__attr_is(n, "name", name);
	}
	return same;
}

static const xmlNode *first_child_named(const xmlNode *node, const char *name)
{
	const xmlNode *c;

	for (c = node->children; c; c = c->next)
		if (oo_audit__is(c, name))
			return c;
	return NULL;
}

static int group_container(oo_audit__label *out, const xmlNode *first,
			   const oo_audit__index *index)
{
	const xmlNode *n;

	for (n = first->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		if (oo_audit__is(n, "form"))
			break;
		if (!oo_audit__attr_is(n, "role", "radiogroup") && !oo_audit__attr_is(n, "role", "group"))
			continue;
		return set_label(out, labelled_by_text(n, index), OO_LABEL_ARIA_BY) ||
		       set_label(out, oo_audit__attr(n, "aria-label"), OO_LABEL_ARIA);
	}
	return 0;
}

oo_status oo_audit__label_group(oo_audit__label *out, const xmlNode *first,
				const char *name, const oo_audit__index *index,
				const xmlNode **labelled_by)
{
	const xmlNode *n, *legend;

	memset(out, 0, sizeof(*out));
	*labelled_by = NULL;
	for (n = first->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		if (oo_audit__is(n, "form"))
			break;
		if (!oo_audit__is(n, "fieldset"))
			continue;
		legend = first_child_named(n, "legend");
		if (legend && name && fieldset_holds_only(n, name) &&
		    set_label(out, oo_audit__text(legend), OO_LABEL_LEGEND)) {
			*labelled_by = n;
			return OO_OK;
		}
		break;
	}
	if (group_container(out, first, index) ||
	    set_label(out, beside_text(first, 0), OO_LABEL_NONE))
		return OO_OK;
	out->source = OO_LABEL_NONE;
	return OO_OK;
}

void oo_audit__label_clear(oo_audit__label *label)
{
	oo_free(label->text);
	memset(label, 0, sizeof(*label));
}

static void add_part(oo_buf *buf, char *text)
{
	if (text && *text && buf->len < OO_AUDIT_TEXT_MAX) {
		if (buf->len)
			oo_buf_puts(buf, " / ");
		oo_buf_puts(buf, text);
	}
	oo_free(text);
}

/* Adds the row header of the row that holds cell, unless it is the cell
 * itself or contains the control's own label. */
static void add_row_header(oo_buf *buf, const xmlNode *cell)
{
	const xmlNode *c;

	for (c = cell->parent ? cell->parent->children : NULL; c; c = c->next) {
		if (c == cell || !oo_audit__is(c, "th"))
			continue;
		if (!first_child_named(c, "label"))
			add_part(buf, oo_audit__text(c));
		return;
	}
}

char *oo_audit__context(const xmlNode *control, const xmlNode *skip,
			const char *headings)
{
	const xmlNode *n, *child;
	oo_buf buf = OO_BUF_INIT;

	for (n = control->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		if (oo_audit__is(n, "fieldset") && n != skip &&
		    (child = first_child_named(n, "legend")))
			add_part(&buf, oo_audit__text(child));
		else if (oo_audit__is(n, "td") || oo_audit__is(n, "th"))
			add_row_header(&buf, n);
		else if (oo_audit__is(n, "table") && (child = first_child_named(n, "caption")))
			add_part(&buf, oo_audit__text(child));
	}
	if (headings && *headings)
		add_part(&buf, oo_strdup(headings));
	return oo_buf_detach(&buf);
}
