/* SPDX-License-Identifier: EUPL-1.2 */
/* Shared between the files of the generator: how a field looks once its
 * concept is applied, and the state of one page being rendered. */
#ifndef ONLYONCE_GENERATOR_HTML_INTERNAL_H
#define ONLYONCE_GENERATOR_HTML_INTERNAL_H

#include "onlyonce/generator.h"

#include "strings.h"

/* A field with the concept's defaults applied. Pointers are borrowed from
 * the field and the catalogue. */
typedef struct {
	const oo_field *field;
	const oo_concept *concept; /* NULL without a concept or when the catalogue lacks it */
	oo_field_type type;        /* the field's type, else the concept's input type */
	const char *autocomplete;  /* the field's token, else the concept's, or NULL */
	const char *pattern;       /* the field's pattern, else the concept's, or NULL */
	int date_parts;            /* 1: a birth date asked as day, month and year */
	int prefill;               /* 1: the value comes read-only from an authentic source */
} oo_field_view;

/* Fills view for field; cat may be NULL. */
void oo_generator__view(oo_field_view *view, const oo_field *field, const oo_catalog *cat);

/* Returns the label in lang: the field's own, else the concept's, falling
 * back to another language and finally to the field id. */
const char *oo_generator__label(const oo_field_view *view, oo_lang lang);

/* Returns the label of the option of field with that value, or value itself. */
const char *oo_generator__option_label(const oo_field *field, const char *value, oo_lang lang);

/* State of one page being rendered. */
typedef struct {
	oo_buf *out;
	const oo_form *form;
	const oo_catalog *cat;
	const oo_record *record;   /* the lookup, or NULL when none was made */
	int record_found;          /* record's outcome is FOUND */
	oo_lang lang;
	const oo_strings *s;
	const oo_field_error *errors;
	size_t error_count;
} oo_html_page;

/* Returns the first error for field id, or NULL. */
const oo_field_error *oo_generator__error_for(const oo_html_page *page, const char *id);

/* Returns the name of the record's source as the page shows it, for a
 * value of concept (NULL for the page as a whole). Borrowed. */
const char *oo_generator__source_name(const oo_html_page *page, const oo_concept *concept);

/* Returns the source's value shown read-only in the field, or NULL. Sets
 * *missing when the lookup covered the field but holds no value for it. */
const char *oo_generator__prefill_value(const oo_html_page *page, const oo_field_view *view,
					int *missing);

/* Appends the form group of one field, wrapped with its condition when it
 * has visible_if. */
void oo_generator__put_field(const oo_html_page *page, const oo_field *field);

/* Appends id, then suffix when it is not NULL, escaped. */
void oo_generator__put_id(oo_buf *out, const char *id, const char *suffix);

#endif
