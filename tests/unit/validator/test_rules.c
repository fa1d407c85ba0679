/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/check.h"

static oo_catalog *catalog;

static int setup(void **state)
{
	oo_error err;

	(void)state;
	return oo_catalog_load(&catalog, ONLYONCE_SOURCE_DIR "/schemas/concepts.json", &err);
}

static int teardown(void **state)
{
	(void)state;
	oo_catalog_free(catalog);
	return 0;
}

static oo_field *add_field(oo_form *form, const char *id, oo_field_type type,
			   const char *concept, int prefill)
{
	oo_field *f = NULL;

	assert_int_equal(oo_form_add_field(form, &f), OO_OK);
	f->id = oo_strdup(id);
	f->type = type;
	f->concept = concept ? oo_strdup(concept) : NULL;
	f->prefill = prefill;
	f->location = oo_strdup("/sections/0/fields/x");
	f->line = 7;
	f->column = 9;
	return f;
}

static oo_form *new_form(oo_identification who)
{
	oo_form *form = NULL;

	assert_int_equal(oo_form_new(&form, "t"), OO_OK);
	form->file = oo_strdup("t.form.json");
	form->identification = who;
	oo_form_add_section(form, "s", NULL);
	return form;
}

/* Runs the rules and returns the findings; the caller frees them. */
static oo_findings *run(const oo_form *form)
{
	oo_findings *list = NULL;
	oo_error err;

	assert_int_equal(oo_findings_new(&list), OO_OK);
	assert_int_equal(oo_rules_run(form, catalog, NULL, list, &err), OO_OK);
	return list;
}

static int count_code(const oo_findings *list, const char *code)
{
	size_t i;
	int n = 0;

	for (i = 0; i < oo_findings_count(list); i++)
		n += strcmp(oo_findings_at(list, i)->code, code) == 0;
	return n;
}

static void rules_accept_prefilled_enterprise_form(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_ENTERPRISE);
	oo_findings *list;

	(void)state;
	add_field(form, "number", OO_FIELD_TEXT, "enterprise.number", 0);
	add_field(form, "name", OO_FIELD_TEXT, "enterprise.legal_name", 1);
	add_field(form, "email", OO_FIELD_EMAIL, "contact.email", 0);
	list = run(form);
	assert_int_equal(oo_findings_count(list), 0);
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_authentic_datum_by_hand(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_ENTERPRISE);
	oo_findings *list;
	const oo_finding *f;

	(void)state;
	add_field(form, "number", OO_FIELD_TEXT, "enterprise.number", 0);
	add_field(form, "name", OO_FIELD_TEXT, "enterprise.legal_name", 0);
	list = run(form);
	assert_int_equal(oo_findings_count(list), 1);
	f = oo_findings_at(list, 0);
	assert_string_equal(f->code, "OO101");
	assert_string_equal(f->rule, "authentic-data-by-hand");
	assert_int_equal(f->severity, OO_SEVERITY_ERROR);
	assert_string_equal(f->file, "t.form.json");
	assert_string_equal(f->location, "/sections/0/fields/x");
	assert_int_equal(f->line, 7);
	assert_int_equal(f->column, 9);
	assert_string_equal(f->concept, "enterprise.legal_name");
	assert_string_equal(f->source, "kbo");
	assert_string_equal(f->message,
			    "field \"name\" asks enterprise.legal_name by hand (prefill is false), but KBO holds it");
	assert_non_null(f->fix);
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_concept_twice_and_duplicate_id(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_ENTERPRISE);
	oo_findings *list;

	(void)state;
	add_field(form, "number", OO_FIELD_TEXT, "enterprise.number", 0);
	add_field(form, "name", OO_FIELD_TEXT, "enterprise.legal_name", 1);
	add_field(form, "name", OO_FIELD_TEXT, "enterprise.legal_name", 1);
	list = run(form);
	assert_int_equal(count_code(list, "OO102"), 1);
	assert_int_equal(count_code(list, "OO103"), 1);
	assert_int_equal(oo_findings_count(list), 2);
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_fetchable_attachment_only(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_ENTERPRISE);
	oo_findings *list;
	oo_field *f;

	(void)state;
	add_field(form, "number", OO_FIELD_TEXT, "enterprise.number", 0);
	f = add_field(form, "extract", OO_FIELD_FILE, NULL, 0);
	f->document = oo_strdup("document.kbo_extract");
	f = add_field(form, "insurance", OO_FIELD_FILE, NULL, 0);
	f->document = oo_strdup("document.insurance_certificate");
	list = run(form);
	assert_int_equal(oo_findings_count(list), 1);
	assert_string_equal(oo_findings_at(list, 0)->code, "OO104");
	assert_string_equal(oo_findings_at(list, 0)->field, "extract");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_prefill_without_identification(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_NONE);
	oo_findings *list;

	(void)state;
	add_field(form, "name", OO_FIELD_TEXT, "enterprise.legal_name", 1);
	add_field(form, "form", OO_FIELD_TEXT, "enterprise.legal_form", 1);
	list = run(form);
	assert_int_equal(oo_findings_count(list), 1);
	assert_string_equal(oo_findings_at(list, 0)->code, "OO105");
	assert_string_equal(oo_findings_at(list, 0)->field, "name");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_accept_login_as_identification(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_ENTERPRISE);
	oo_findings *list;

	(void)state;
	form->login_identifies = 1;
	add_field(form, "name", OO_FIELD_TEXT, "enterprise.legal_name", 1);
	list = run(form);
	assert_int_equal(oo_findings_count(list), 0);
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_unknown_concept_and_field(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_ENTERPRISE);
	oo_findings *list;
	oo_field *f;

	(void)state;
	add_field(form, "number", OO_FIELD_TEXT, "enterprise.number", 0);
	add_field(form, "x", OO_FIELD_TEXT, "enterprise.shoe_size", 1);
	f = add_field(form, "y", OO_FIELD_TEXT, NULL, 0);
	f->visible_if.field = oo_strdup("nowhere");
	f->visible_if.equals = oo_strdup("1");
	form->advance_field = oo_strdup("missing_date");
	list = run(form);
	assert_int_equal(count_code(list, "OO002"), 1);
	assert_int_equal(count_code(list, "OO003"), 2);
	oo_findings_free(list);
	oo_form_free(form);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules_accept_prefilled_enterprise_form),
		cmocka_unit_test(rules_report_authentic_datum_by_hand),
		cmocka_unit_test(rules_report_concept_twice_and_duplicate_id),
		cmocka_unit_test(rules_report_fetchable_attachment_only),
		cmocka_unit_test(rules_report_prefill_without_identification),
		cmocka_unit_test(rules_accept_login_as_identification),
		cmocka_unit_test(rules_report_unknown_concept_and_field),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
