/* SPDX-License-Identifier: EUPL-1.2 */
/* The one internal model of a form. A definition loaded from JSON and a
 * form extracted from an existing HTML page both become an oo_form, so the
 * rules, the renderer and the audit work on the same structure. */
#ifndef ONLYONCE_FORM_H
#define ONLYONCE_FORM_H

#include <stddef.h>

#include "onlyonce/status.h"
#include "onlyonce/text.h"

typedef enum {
	OO_FIELD_TEXT = 0,
	OO_FIELD_TEXTAREA,
	OO_FIELD_NUMBER,
	OO_FIELD_DATE,
	OO_FIELD_EMAIL,
	OO_FIELD_TEL,
	OO_FIELD_RADIO,      /* one choice from options */
	OO_FIELD_SELECT,     /* one choice from options, as a drop-down */
	OO_FIELD_CHECKBOX,   /* one yes/no box */
	OO_FIELD_CHECKBOXES, /* several choices from options */
	OO_FIELD_FILE,       /* an attachment */
	OO_FIELD_HIDDEN,     /* only in extracted HTML forms */
	OO_FIELD_OTHER       /* an extracted control of another type */
} oo_field_type;

/* Returns the definition keyword of type ("text", "radio", ...). */
const char *oo_field_type_name(oo_field_type type);

/* Returns the type for a keyword, or -1 when it is unknown. */
int oo_field_type_from_name(const char *name);

typedef struct {
	char *value;
	oo_text label;
} oo_option;

/* A condition under which a field is shown: the field named by field has
 * the value equals (for a checkbox "true" or "false"). */
typedef struct {
	char *field;
	char *equals;
} oo_condition;

typedef struct {
	char *id;             /* unique within the form; the HTML name and id */
	oo_field_type type;
	char *concept;        /* concept id from the catalogue, or NULL */
	char *document;       /* for file fields: the document concept requested, or NULL */
	oo_text label;
	oo_text hint;
	oo_text purpose;      /* why the field is asked (data minimisation) */
	int required;
	int prefill;          /* 1: take the value from the authentic source, read-only */
	char *autocomplete;   /* explicit token; NULL means the concept's token */
	char *pattern;        /* ECMA-262 regular expression for the value */
	int has_min, has_max;
	double min, max;      /* number: value bounds */
	long min_length;      /* -1 when not set */
	long max_length;      /* -1 when not set */
	oo_option *options;
	size_t option_count;
	oo_condition visible_if; /* field is NULL when the field is always shown */
	size_t section;       /* index into oo_form.sections */

	/* Where the field sits in its source. */
	char *location;       /* JSON Pointer (definitions) or element path (HTML) */
	int line;
	int column;

	/* Filled only for fields extracted from existing forms. */
	char *name;           /* the control's name attribute */
	char *placeholder;
	char *context;        /* nearest fieldset legend, heading or table row text */
	int label_source;     /* how the label was found: see OO_LABEL_* */
	char *html_autocomplete; /* autocomplete attribute as written, or NULL */
} oo_field;

enum {
	OO_LABEL_NONE = 0,
	OO_LABEL_FOR,          /* <label for=id> */
	OO_LABEL_WRAPPING,     /* <label> around the control */
	OO_LABEL_ARIA,         /* aria-label */
	OO_LABEL_ARIA_BY,      /* aria-labelledby */
	OO_LABEL_LEGEND,       /* fieldset legend of a radio or checkbox group */
	OO_LABEL_TITLE,        /* title attribute */
	OO_LABEL_PLACEHOLDER,  /* only a placeholder: itself a finding */
	OO_LABEL_DEFINITION    /* a definition's label, or inherited from the concept */
};

typedef struct {
	char *id;
	oo_text title;
	char *location;
} oo_section;

typedef enum {
	OO_IDENTIFY_NONE = 0,
	OO_IDENTIFY_ENTERPRISE,
	OO_IDENTIFY_PERSON,
	OO_IDENTIFY_BOTH
} oo_identification;

typedef struct {
	char *id;
	char *file;           /* path the form came from */
	oo_text title;
	oo_text description;
	int languages[OO_LANG_COUNT]; /* 1 for each declared language */
	oo_lang default_language;

	/* Process metadata. */
	oo_text owner;
	oo_text legal_basis;
	int advance_days;     /* application filed at least this many days ahead; 0 if none */
	int handling_days;    /* decision within this many days; 0 if none */
	char *advance_field;  /* the date field the advance limit applies to */

	oo_identification identification;
	int login_identifies; /* extracted forms: behind a login that carries the number */

	oo_section *sections;
	size_t section_count;
	oo_field *fields;
	size_t field_count;
} oo_form;

/* Creates an empty form with the given id (may be NULL). Caller frees with
 * oo_form_free. */
oo_status oo_form_new(oo_form **out, const char *id);

/* Appends a section and stores its index in *index. Takes a copy of id. */
oo_status oo_form_add_section(oo_form *form, const char *id, size_t *index);

/* Appends a zeroed field (min_length and max_length -1, section set to the
 * last section or 0) and returns it in *out, borrowed until the next add. */
oo_status oo_form_add_field(oo_form *form, oo_field **out);

/* Appends an option to field. */
oo_status oo_field_add_option(oo_field *field, const char *value, oo_option **out);

/* Returns the field with that id, or NULL. */
const oo_field *oo_form_find_field(const oo_form *form, const char *id);

void oo_form_free(oo_form *form);

#endif
