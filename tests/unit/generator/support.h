/* SPDX-License-Identifier: EUPL-1.2 */
/* Builders for the forms, records and catalogue the generator tests use. */
#ifndef ONLYONCE_TEST_GENERATOR_SUPPORT_H
#define ONLYONCE_TEST_GENERATOR_SUPPORT_H

#include "onlyonce/catalog.h"
#include "onlyonce/form.h"
#include "onlyonce/record.h"

/* The small catalogue under tests/unit/generator/data. */
#define TEST_CATALOG ONLYONCE_SOURCE_DIR "/tests/unit/generator/data/concepts.json"

oo_catalog *load_test_catalog(void);

/* Creates a form declared in Dutch and French with a title. */
oo_form *new_form(const char *id);

/* Adds a section with a Dutch title. */
void add_section(oo_form *form, const char *id, const char *title_nl);

/* Adds a field; concept and label_nl may be NULL. Borrowed until the next
 * add. A concept field without its own type gets OO_FIELD_OTHER, as the
 * definition loader leaves it. */
oo_field *add_field(oo_form *form, const char *id, oo_field_type type,
		    const char *concept, const char *label_nl);

void add_option(oo_field *field, const char *value, const char *label_nl,
		const char *label_fr);

void set_condition(oo_field *field, const char *other, const char *equals);

/* A KBO record that found enterprise 0123.456.749 on 2026-12-04, with a
 * name and start date but no postcode. */
oo_record *found_record(void);

/* Returns the text of the page, failing the test on an error. Caller frees
 * with oo_free. */
char *render(const oo_form *form, const oo_catalog *cat, const oo_record *rec, oo_lang lang);

#endif
