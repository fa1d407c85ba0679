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
	oo_text_set(&f->purpose, OO_LANG_NL, "Nodig voor de aanvraag.");
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

static oo_field *add_choice(oo_form *form, const char *id, const char *const *values)
{
	oo_field *f = add_field(form, id, OO_FIELD_RADIO, NULL, 0);
	oo_option *o;

	for (; *values; values++) {
		assert_int_equal(oo_field_add_option(f, *values, &o), OO_OK);
		oo_text_set(&o->label, OO_LANG_NL, *values);
	}
	return f;
}

static void show_if(oo_field *f, const char *field, const char *equals)
{
	f->visible_if.field = oo_strdup(field);
	f->visible_if.equals = oo_strdup(equals);
}

static void rules_report_birth_date_derivable_from_insz(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_PERSON);
	oo_findings *list;
	const oo_finding *f;

	(void)state;
	add_field(form, "insz", OO_FIELD_TEXT, "person.insz", 1);
	add_field(form, "born", OO_FIELD_DATE, "person.birth_date", 0);
	list = run(form);
	assert_int_equal(oo_findings_count(list), 1);
	f = oo_findings_at(list, 0);
	assert_string_equal(f->code, "OO108");
	assert_string_equal(f->rule, "derivable-data");
	assert_string_equal(f->message,
			    "field \"born\" asks person.birth_date by hand, but it follows from person.insz in field \"insz\"");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_accept_prefilled_derivable_datum(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_PERSON);
	oo_findings *list;

	(void)state;
	add_field(form, "insz", OO_FIELD_TEXT, "person.insz", 1);
	add_field(form, "born", OO_FIELD_DATE, "person.birth_date", 1);
	list = run(form);
	assert_int_equal(oo_findings_count(list), 0);
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_blank_purpose(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_NONE);
	oo_findings *list;
	oo_field *f;

	(void)state;
	f = add_field(form, "remark", OO_FIELD_TEXTAREA, NULL, 0);
	oo_text_set(&f->purpose, OO_LANG_NL, " \t");
	list = run(form);
	assert_int_equal(oo_findings_count(list), 1);
	assert_string_equal(oo_findings_at(list, 0)->code, "OO109");
	assert_string_equal(oo_findings_at(list, 0)->field, "remark");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_conditions_never_true(void **state)
{
	static const char *const yes_no[] = { "ja", "nee", NULL };
	oo_form *form = new_form(OO_IDENTIFY_NONE);
	oo_findings *list;

	(void)state;
	add_choice(form, "music", yes_no);
	add_field(form, "tent", OO_FIELD_CHECKBOX, NULL, 0);
	add_field(form, "people", OO_FIELD_NUMBER, NULL, 0);
	show_if(add_field(form, "a", OO_FIELD_TEXT, NULL, 0), "music", "misschien");
	show_if(add_field(form, "b", OO_FIELD_TEXT, NULL, 0), "tent", "yes");
	show_if(add_field(form, "c", OO_FIELD_TEXT, NULL, 0), "people", "veel");
	show_if(add_field(form, "d", OO_FIELD_TEXT, NULL, 0), "music", "ja");
	show_if(add_field(form, "e", OO_FIELD_TEXT, NULL, 0), "tent", "false");
	show_if(add_field(form, "f", OO_FIELD_TEXT, NULL, 0), "people", "12.5");
	list = run(form);
	assert_int_equal(count_code(list, "OO004"), 3);
	assert_int_equal(oo_findings_count(list), 3);
	assert_string_equal(oo_findings_at(list, 0)->field, "a");
	assert_string_equal(oo_findings_at(list, 0)->location, "/sections/0/fields/x/visible_if");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_each_condition_cycle_once(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_NONE);
	oo_findings *list;

	(void)state;
	show_if(add_field(form, "a", OO_FIELD_TEXT, NULL, 0), "c", "x");
	show_if(add_field(form, "b", OO_FIELD_TEXT, NULL, 0), "a", "x");
	show_if(add_field(form, "c", OO_FIELD_TEXT, NULL, 0), "b", "x");
	show_if(add_field(form, "self", OO_FIELD_TEXT, NULL, 0), "self", "x");
	show_if(add_field(form, "tail", OO_FIELD_TEXT, NULL, 0), "a", "x");
	list = run(form);
	assert_int_equal(count_code(list, "OO005"), 2);
	assert_int_equal(oo_findings_count(list), 2);
	assert_string_equal(oo_findings_at(list, 0)->message,
			    "the conditions of these fields depend on each other, so none of them is ever shown: "
			    "\"a\" -> \"c\" -> \"b\" -> \"a\"");
	assert_string_equal(oo_findings_at(list, 1)->field, "self");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_texts_missing_in_declared_language(void **state)
{
	static const char *const values[] = { "a", NULL };
	oo_form *form = new_form(OO_IDENTIFY_NONE);
	oo_findings *list;
	oo_field *f;

	(void)state;
	form->languages[OO_LANG_NL] = form->languages[OO_LANG_FR] = 1;
	oo_text_set(&form->title, OO_LANG_NL, "Titel");
	oo_text_set(&form->title, OO_LANG_FR, "Titre");
	oo_text_set(&form->owner, OO_LANG_NL, "Gemeente");
	f = add_choice(form, "kind", values);
	oo_text_set(&f->label, OO_LANG_NL, "Soort");
	oo_text_set(&f->label, OO_LANG_FR, "Type");
	oo_text_set(&f->purpose, OO_LANG_FR, "Nécessaire.");
	list = run(form);
	assert_int_equal(count_code(list, "OO006"), 2);
	assert_int_equal(oo_findings_count(list), 2);
	assert_string_equal(oo_findings_at(list, 0)->location, "/process/owner");
	assert_string_equal(oo_findings_at(list, 0)->message, "/process/owner has no text in fr");
	assert_string_equal(oo_findings_at(list, 1)->location, "/sections/0/fields/x/options/0/label");
	assert_string_equal(oo_findings_at(list, 1)->message, "field \"kind\" has no option label in fr");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_duplicate_option_value_and_label(void **state)
{
	static const char *const values[] = { "a", "b", "a", NULL };
	oo_form *form = new_form(OO_IDENTIFY_NONE);
	oo_findings *list;
	oo_field *f;

	(void)state;
	f = add_choice(form, "kind", values);
	oo_text_set(&f->options[1].label, OO_LANG_NL, "a");
	list = run(form);
	assert_int_equal(count_code(list, "OO007"), 3);
	assert_string_equal(oo_findings_at(list, 0)->message,
			    "field \"kind\" has two options labelled \"a\" in nl (options 1 and 2)");
	assert_string_equal(oo_findings_at(list, 1)->message,
			    "field \"kind\" has option value \"a\" twice (options 1 and 3)");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_handling_beyond_advance_limit(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_NONE);
	oo_findings *list;

	(void)state;
	add_field(form, "day", OO_FIELD_TEXT, NULL, 0);
	form->advance_days = 10;
	form->handling_days = 14;
	form->advance_field = oo_strdup("day");
	list = run(form);
	assert_int_equal(count_code(list, "OO008"), 1);
	assert_int_equal(count_code(list, "OO011"), 1);
	assert_int_equal(oo_findings_count(list), 2);
	assert_string_equal(oo_findings_at(list, 0)->location, "/process/handling_days");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_accept_handling_within_advance_limit(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_NONE);
	oo_findings *list;

	(void)state;
	add_field(form, "day", OO_FIELD_DATE, NULL, 0);
	form->advance_days = 45;
	form->handling_days = 14;
	form->advance_field = oo_strdup("day");
	list = run(form);
	assert_int_equal(oo_findings_count(list), 0);
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_report_autocomplete_against_concept(void **state)
{
	oo_form *form = new_form(OO_IDENTIFY_PERSON);
	oo_findings *list;

	(void)state;
	add_field(form, "insz", OO_FIELD_TEXT, "person.insz", 1);
	add_field(form, "name", OO_FIELD_TEXT, "person.family_name", 1)->autocomplete = oo_strdup("email");
	add_field(form, "given", OO_FIELD_TEXT, "person.given_names", 1)->autocomplete =
		oo_strdup("section-a given-name");
	add_field(form, "place", OO_FIELD_TEXT, "person.birth_place", 1)->autocomplete = oo_strdup("bday");
	add_field(form, "mail", OO_FIELD_EMAIL, "contact.email", 1)->autocomplete = oo_strdup("on");
	list = run(form);
	assert_int_equal(count_code(list, "OO206"), 2);
	assert_int_equal(oo_findings_count(list), 2);
	assert_string_equal(oo_findings_at(list, 0)->field, "name");
	assert_string_equal(oo_findings_at(list, 1)->message,
			    "field \"place\" asks person.birth_place, but its autocomplete \"bday\" names person.birth_date");
	oo_findings_free(list);
	oo_form_free(form);
}

static void rules_table_has_unique_codes_and_names(void **state)
{
	size_t count, i, j;
	const oo_rule_info *rules = oo_rules_list(&count);

	(void)state;
	assert_true(count > 20);
	for (i = 0; i < count; i++) {
		assert_ptr_equal(oo_rules_find(rules[i].code), &rules[i]);
		assert_ptr_equal(oo_rules_find(rules[i].name), &rules[i]);
		assert_non_null(rules[i].summary);
		for (j = 0; j < i; j++)
			assert_true(strcmp(rules[i].code, rules[j].code) < 0 || strcmp(rules[i].code, rules[j].code) > 0);
	}
	assert_null(oo_rules_find("OO999"));
	assert_null(oo_rules_find(NULL));
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
		cmocka_unit_test(rules_report_birth_date_derivable_from_insz),
		cmocka_unit_test(rules_accept_prefilled_derivable_datum),
		cmocka_unit_test(rules_report_blank_purpose),
		cmocka_unit_test(rules_report_conditions_never_true),
		cmocka_unit_test(rules_report_each_condition_cycle_once),
		cmocka_unit_test(rules_report_texts_missing_in_declared_language),
		cmocka_unit_test(rules_report_duplicate_option_value_and_label),
		cmocka_unit_test(rules_report_handling_beyond_advance_limit),
		cmocka_unit_test(rules_accept_handling_within_advance_limit),
		cmocka_unit_test(rules_report_autocomplete_against_concept),
		cmocka_unit_test(rules_table_has_unique_codes_and_names),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
