/* SPDX-License-Identifier: EUPL-1.2 */
/* Declarations shared by the files of the audit module only. */
#ifndef ONLYONCE_AUDIT_PRIVATE_H
#define ONLYONCE_AUDIT_PRIVATE_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "onlyonce/audit.h"
#include "onlyonce/buf.h"

/* Longest label, context or option text kept from a page, in bytes. A longer
 * text is cut at a character boundary. */
#define OO_AUDIT_TEXT_MAX 1024

/* Writes into encoding (size bytes) the encoding that html declares in
 * its first 1024 bytes (byte-order mark, XML declaration, <meta charset>
 * or http-equiv content-type). Latin-1 labels become "windows-1252", as
 * browsers read them. Without a declaration it is "UTF-8" when the bytes
 * are valid UTF-8, else "windows-1252". */
#define OO_AUDIT_ENCODING_MAX 40
void oo_audit__detect_charset(const char *html, size_t len, char *encoding, size_t size);

/* Element helpers of html.c. Returned strings are new (oo_free) unless
 * noted; NULL means absent or out of memory, told apart by the caller
 * through the attribute's presence where it matters. */
int oo_audit__is(const xmlNode *node, const char *name);
char *oo_audit__attr(const xmlNode *node, const char *name);
int oo_audit__has_attr(const xmlNode *node, const char *name);
int oo_audit__attr_is(const xmlNode *node, const char *name, const char *value);

/* Collects the text below node with runs of white space collapsed to one
 * space and trimmed, skipping the text of form controls, scripts and styles.
 * Returns "" when there is none and NULL when memory runs out. */
char *oo_audit__text(const xmlNode *node);

/* Builds the element path of node, such as "/html/body/form[1]/input[3]":
 * each step names the element and its 1-based position among siblings of
 * the same name (html and body have no index because they are unique). */
char *oo_audit__path(const xmlNode *node);

/* Returns the node after node in document order, below top (NULL for the
 * whole document), entering node's children only when descend is set. */
xmlNode *oo_audit__next(const xmlNode *node, const xmlNode *top, int descend);

/* Lookup of elements by id and of labels by their for attribute, built once
 * per page so that each control costs a binary search. */
typedef struct {
	char *key;            /* the attribute value, owned by the index */
	xmlNode *node;        /* borrowed from the document */
} oo_audit__entry;

typedef struct {
	oo_audit__entry *ids;    /* sorted by key */
	size_t id_count;
	oo_audit__entry *labels; /* sorted by the for attribute */
	size_t label_count;
} oo_audit__index;

oo_status oo_audit__index_build(oo_audit__index *index, xmlDoc *doc);
xmlNode *oo_audit__index_id(const oo_audit__index *index, const char *id);
xmlNode *oo_audit__index_label(const oo_audit__index *index, const char *id);
void oo_audit__index_free(oo_audit__index *index);

/* How a field's accessible name was found (label.c). */
typedef struct {
	char *text;        /* label text, with a trailing "*" removed, or NULL */
	int source;        /* OO_LABEL_* */
	int required_mark; /* the label carried "*" or "(verplicht)" */
} oo_audit__label;

/* Finds the label of one control, in the order of the HTML Accessibility
 * API Mappings: aria-labelledby, aria-label, label for, wrapping label,
 * title, then placeholder. When none is found, text holds the text beside
 * the control (previous table cell or sibling) with source OO_LABEL_NONE. */
oo_status oo_audit__label_control(oo_audit__label *out, const xmlNode *control,
				  const oo_audit__index *index);

/* Finds the label of a radio or checkbox group whose first member is first:
 * the legend of a fieldset that holds only this group, or the aria-label or
 * aria-labelledby of an enclosing role=radiogroup or role=group element. */
oo_status oo_audit__label_group(oo_audit__label *out, const xmlNode *first,
				const char *name, const oo_audit__index *index,
				const xmlNode **labelled_by);

/* Builds the context text of a control: legends of the enclosing fieldsets
 * (except skip, the fieldset that labels a group), the enclosing table's row
 * header and caption, then headings, innermost first, joined by " / ". */
char *oo_audit__context(const xmlNode *control, const xmlNode *skip,
			const char *headings);

/* Returns 1 when text marks a required field ("*", "(verplicht)",
 * "(obligatoire)"). */
int oo_audit__required_mark(const char *text);

void oo_audit__label_clear(oo_audit__label *label);

/* Adds the label findings of one extracted field (OO201, OO202, OO205,
 * OO207) to findings. has_name is 0 when the control has no name
 * attribute, so its value is never submitted. */
oo_status oo_audit__label_findings(oo_findings *findings, const char *path, oo_lang lang,
				   const oo_field *f, int has_name);

/* Appends s in double quotes, cut after 60 bytes with an ellipsis. */
void oo_audit__quote(oo_buf *buf, const char *s);

/* Returns the label of f, else its name, else its type keyword. Borrowed. */
const char *oo_audit__field_label(const oo_field *f);

/* Adds a copy of base with the location, line and id of field (when not
 * NULL) and the texts of message and fix, which it frees in every case. */
oo_status oo_audit__add_finding(oo_findings *findings, const oo_finding *base,
				const oo_field *field, oo_buf *message, oo_buf *fix);

/* Returns how a report names an authentic source ("KBO", "the
 * Rijksregister"), or the id itself when it is unknown. Static string. */
const char *oo_audit__source_name(const char *source);

/* What an optimised form does with an audited field. */
typedef enum {
	OO_AUDIT_KEEP = 0,
	OO_AUDIT_REMOVE,   /* the login proves it, or the form asked it before */
	OO_AUDIT_PREFILL,  /* take it from KBO or the Rijksregister, read-only */
	OO_AUDIT_FETCH     /* an attachment the government fetches itself */
} oo_audit__action;

/* Decides the action for the field at index of an audited form. */
oo_audit__action oo_audit__field_action(const oo_form *form, size_t index,
					const oo_catalog *cat);

/* Counts of one form's visible fields by action: the summary of a report. */
typedef struct {
	size_t fields, remove, prefill, fetch;
} oo_audit__summary;

oo_audit__summary oo_audit__summarise(const oo_form *form, const oo_catalog *cat);

/* Returns the field with id field_id of the form that came from file, or
 * NULL. Borrowed from forms. */
const oo_field *oo_audit__finding_field(oo_form *const *forms, size_t count,
					const char *file, const char *field_id);

/* Appends template with "{1}" replaced by value; escapes both for HTML
 * when html is set. */
void oo_audit__put_template(oo_buf *out, const char *template, const char *value, int html);

#endif
