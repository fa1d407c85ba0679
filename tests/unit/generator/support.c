/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

#include "onlyonce/alloc.h"
#include "onlyonce/generator.h"

oo_catalog *load_test_catalog(void)
{
	oo_catalog *cat = NULL;
	oo_error err;

	oo_error_clear(&err);
	if (oo_catalog_load(&cat, TEST_CATALOG, &err) != OO_OK)
		fail_msg("cannot load %s: %s", TEST_CATALOG, err.message);
	return cat;
}

oo_form *new_form(const char *id)
{
	oo_form *form = NULL;

	assert_int_equal(oo_form_new(&form, id), OO_OK);
	form->languages[OO_LANG_NL] = 1;
	form->languages[OO_LANG_FR] = 1;
	form->default_language = OO_LANG_NL;
	assert_int_equal(oo_text_set(&form->title, OO_LANG_NL, "Terrasvergunning"), OO_OK);
	assert_int_equal(oo_text_set(&form->title, OO_LANG_FR, "Autorisation de terrasse"), OO_OK);
	return form;
}

void add_section(oo_form *form, const char *id, const char *title_nl)
{
	size_t index;

	assert_int_equal(oo_form_add_section(form, id, &index), OO_OK);
	assert_int_equal(oo_text_set(&form->sections[index].title, OO_LANG_NL, title_nl), OO_OK);
}

oo_field *add_field(oo_form *form, const char *id, oo_field_type type,
		    const char *concept, const char *label_nl)
{
	oo_field *f = NULL;

	assert_int_equal(oo_form_add_field(form, &f), OO_OK);
	f->id = oo_strdup(id);
	f->type = type;
	if (concept)
		f->concept = oo_strdup(concept);
	if (label_nl)
		assert_int_equal(oo_text_set(&f->label, OO_LANG_NL, label_nl), OO_OK);
	return f;
}

void add_option(oo_field *field, const char *value, const char *label_nl, const char *label_fr)
{
	oo_option *o = NULL;

	assert_int_equal(oo_field_add_option(field, value, &o), OO_OK);
	assert_int_equal(oo_text_set(&o->label, OO_LANG_NL, label_nl), OO_OK);
	if (label_fr)
		assert_int_equal(oo_text_set(&o->label, OO_LANG_FR, label_fr), OO_OK);
}

void set_condition(oo_field *field, const char *other, const char *equals)
{
	field->visible_if.field = oo_strdup(other);
	field->visible_if.equals = oo_strdup(equals);
}

oo_record *found_record(void)
{
	oo_record *rec = NULL;

	assert_int_equal(oo_record_new(&rec), OO_OK);
	oo_record_set_outcome(rec, OO_LOOKUP_FOUND);
	assert_int_equal(oo_record_set_source(rec, "Kruispuntbank van Ondernemingen (KBO)"), OO_OK);
	assert_int_equal(oo_record_set_retrieved(rec, "2026-12-04"), OO_OK);
	assert_int_equal(oo_record_set(rec, "enterprise.number", "0123.456.749"), OO_OK);
	assert_int_equal(oo_record_set(rec, "enterprise.legal_name", "Bakkerij De Zon"), OO_OK);
	assert_int_equal(oo_record_set(rec, "enterprise.start_date", "2010-05-01"), OO_OK);
	return rec;
}

char *render(const oo_form *form, const oo_catalog *cat, const oo_record *rec, oo_lang lang)
{
	oo_buf out = OO_BUF_INIT;
	oo_error err;

	oo_error_clear(&err);
	if (oo_render_html(&out, form, cat, rec, lang, &err) != OO_OK)
		fail_msg("render failed: %s", err.message);
	return oo_buf_detach(&out);
}
