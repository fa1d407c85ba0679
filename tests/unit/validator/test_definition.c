/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/check.h"
#include "onlyonce/json.h"

static const char doc_text[] =
	"{\n"
	"  \"id\": \"demo\", \"version\": \"1.0\", \"languages\": [\"fr\", \"nl\"],\n"
	"  \"title\": {\"nl\": \"Demo\", \"fr\": \"Démo\"},\n"
	"  \"process\": {\"owner\": {\"nl\": \"Gemeente\"}, \"legal_basis\": {\"nl\": \"Reglement\"},\n"
	"              \"advance_days\": 45, \"advance_field\": \"start\", \"handling_days\": 14},\n"
	"  \"applicant\": {\"type\": \"enterprise\", \"login\": true},\n"
	"  \"sections\": [\n"
	"    {\"id\": \"s1\", \"title\": {\"nl\": \"Eén\"}, \"fields\": [\n"
	"      {\"id\": \"name\", \"concept\": \"enterprise.legal_name\", \"purpose\": {\"nl\": \"p\"}},\n"
	"      {\"id\": \"kind\", \"type\": \"radio\", \"label\": {\"nl\": \"Soort\"}, \"required\": true,\n"
	"       \"options\": [{\"value\": \"a\", \"label\": {\"nl\": \"A\"}}, {\"value\": \"b\", \"label\": {\"nl\": \"B\"}}],\n"
	"       \"purpose\": {\"nl\": \"p\"}}\n"
	"    ]},\n"
	"    {\"id\": \"s2\", \"title\": {\"nl\": \"Twee\"}, \"fields\": [\n"
	"      {\"id\": \"start\", \"type\": \"date\", \"label\": {\"nl\": \"Start\"}, \"purpose\": {\"nl\": \"p\"},\n"
	"       \"visible_if\": {\"field\": \"kind\", \"equals\": \"b\"}},\n"
	"      {\"id\": \"size\", \"type\": \"number\", \"label\": {\"nl\": \"m²\"}, \"minimum\": 1, \"maximum\": 500,\n"
	"       \"prefill\": false, \"purpose\": {\"nl\": \"p\"}}\n"
	"    ]}\n"
	"  ]\n"
	"}\n";

static oo_form *load(void)
{
	json_t *doc = NULL;
	oo_form *form = NULL;
	oo_error err;

	assert_int_equal(oo_json_parse(&doc, doc_text, strlen(doc_text), "demo.json", &err), OO_OK);
	assert_int_equal(oo_definition_from_json(&form, doc, doc_text, strlen(doc_text),
						 "demo.json", &err), OO_OK);
	json_decref(doc);
	return form;
}

static void definition_reads_process_and_languages(void **state)
{
	oo_form *form = load();

	(void)state;
	assert_string_equal(form->id, "demo");
	assert_string_equal(form->file, "demo.json");
	assert_int_equal(form->default_language, OO_LANG_FR);
	assert_true(form->languages[OO_LANG_NL]);
	assert_false(form->languages[OO_LANG_DE]);
	assert_int_equal(form->advance_days, 45);
	assert_int_equal(form->handling_days, 14);
	assert_string_equal(form->advance_field, "start");
	assert_int_equal(form->identification, OO_IDENTIFY_ENTERPRISE);
	assert_true(form->login_identifies);
	assert_string_equal(oo_text_exact(&form->title, OO_LANG_FR), "Démo");
	oo_form_free(form);
}

static void definition_reads_fields_with_locations(void **state)
{
	oo_form *form = load();
	const oo_field *f;

	(void)state;
	assert_int_equal(form->section_count, 2);
	assert_int_equal(form->field_count, 4);
	f = &form->fields[0];
	assert_string_equal(f->concept, "enterprise.legal_name");
	assert_true(f->prefill);
	assert_int_equal(f->type, OO_FIELD_OTHER);
	assert_string_equal(f->location, "/sections/0/fields/0");
	assert_int_equal(f->line, 9);
	assert_int_equal(f->column, 7);
	f = &form->fields[1];
	assert_int_equal(f->type, OO_FIELD_RADIO);
	assert_true(f->required);
	assert_int_equal(f->option_count, 2);
	assert_string_equal(f->options[1].value, "b");
	assert_false(f->prefill);
	f = &form->fields[2];
	assert_int_equal(f->section, 1);
	assert_string_equal(f->visible_if.field, "kind");
	assert_string_equal(f->visible_if.equals, "b");
	assert_string_equal(f->location, "/sections/1/fields/0");
	assert_int_equal(f->line, 15);
	f = &form->fields[3];
	assert_true(f->has_min);
	assert_true(f->has_max);
	assert_true(f->min == 1.0);
	assert_true(f->max == 500.0);
	assert_int_equal(f->max_length, -1);
	oo_form_free(form);
}

static void definition_load_survives_allocation_failures(void **state)
{
	json_t *doc = NULL;
	oo_error err;
	unsigned long n;
	int succeeded = 0;

	(void)state;
	assert_int_equal(oo_json_parse(&doc, doc_text, strlen(doc_text), "demo.json", &err), OO_OK);
	for (n = 1; n < 400 && !succeeded; n++) {
		oo_form *form = NULL;
		oo_status rc;

		oo_alloc_fail_after(n, 0);
		rc = oo_definition_from_json(&form, doc, doc_text, strlen(doc_text), "demo.json", &err);
		oo_alloc_fail_after(0, 0);
		if (rc == OO_OK) {
			succeeded = 1;
		} else {
			assert_int_equal(rc, OO_ENOMEM);
			assert_null(form);
		}
		oo_form_free(form);
	}
	assert_true(succeeded);
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(definition_reads_process_and_languages),
		cmocka_unit_test(definition_reads_fields_with_locations),
		cmocka_unit_test(definition_load_survives_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
