/* SPDX-License-Identifier: EUPL-1.2 */
/* The submission schema: compared as a whole with the JSON expected for
 * small forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/generator.h"
#include "support.h"

static oo_catalog *catalog;

static int load_catalog(void **state)
{
	(void)state;
	catalog = load_test_catalog();
	return 0;
}

static int free_catalog(void **state)
{
	(void)state;
	oo_catalog_free(catalog);
	return 0;
}

static void assert_schema(const oo_form *form, const char *expected_text)
{
	json_t *actual = NULL;
	json_t *expected;
	json_error_t jerr;
	oo_error err;

	expected = json_loads(expected_text, 0, &jerr);
	if (!expected)
		fail_msg("expected JSON is invalid: %s at line %d", jerr.text, jerr.line);
	oo_error_clear(&err);
	assert_int_equal(oo_submission_schema(&actual, form, catalog, &err), OO_OK);
	if (!json_equal(actual, expected)) {
		char *dump = json_dumps(actual, JSON_INDENT(2) | JSON_SORT_KEYS);

		fail_msg("schema differs from the expected one; got:\n%s", dump);
	}
	json_decref(actual);
	json_decref(expected);
}

static void schema_types_each_field(void **state)
{
	oo_form *form = new_form("terras");
	oo_field *f;

	(void)state;
	f = add_field(form, "enterprise_number", OO_FIELD_OTHER, "enterprise.number", NULL);
	f->prefill = 1;
	f->required = 1;
	oo_text_set(&f->purpose, OO_LANG_NL, "Identificeert de aanvrager.");
	f = add_field(form, "kind", OO_FIELD_RADIO, NULL, "Soort aanvraag");
	f->required = 1;
	add_option(f, "nieuw", "Nieuw", NULL);
	add_option(f, "verlenging", "Verlenging", NULL);
	f = add_field(form, "previous_permit", OO_FIELD_TEXT, NULL, "Vorige vergunning");
	f->required = 1;
	f->min_length = 3;
	f->max_length = 20;
	set_condition(f, "kind", "verlenging");
	f = add_field(form, "area", OO_FIELD_NUMBER, NULL, "Oppervlakte");
	f->has_min = f->has_max = 1;
	f->min = 1;
	f->max = 12.5;
	f = add_field(form, "first_day", OO_FIELD_DATE, NULL, "Eerste dag");
	f = add_field(form, "furniture", OO_FIELD_CHECKBOXES, NULL, "Meubilair");
	add_option(f, "tafels", "Tafels", NULL);
	add_option(f, "stoelen", "Stoelen", NULL);
	f = add_field(form, "heaters", OO_FIELD_CHECKBOX, NULL, "Terrasverwarming");
	f = add_field(form, "heater_count", OO_FIELD_NUMBER, NULL, "Aantal toestellen");
	f->required = 1;
	set_condition(f, "heaters", "true");
	f = add_field(form, "email", OO_FIELD_OTHER, "contact.email", NULL);
	f->prefill = 1;
	f = add_field(form, "market", OO_FIELD_SELECT, NULL, "Markt");
	add_option(f, "centrum", "Centrum", NULL);
	f = add_field(form, "insurance", OO_FIELD_FILE, NULL, "Verzekeringsattest");
	f->required = 1;

	assert_schema(form,
		"{"
		" \"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
		" \"$id\": \"https://onlyonce.be/forms/terras.submission.schema.json\","
		" \"title\": \"Terrasvergunning\","
		" \"type\": \"object\","
		" \"properties\": {"
		"  \"enterprise_number\": {\"title\": \"Ondernemingsnummer\","
		"   \"description\": \"Identificeert de aanvrager.\", \"type\": \"string\","
		"   \"pattern\": \"^[01][0-9]{3}\\\\.?[0-9]{3}\\\\.?[0-9]{3}$\","
		"   \"format\": \"be-enterprise-number\", \"readOnly\": true},"
		"  \"kind\": {\"title\": \"Soort aanvraag\", \"enum\": [\"nieuw\", \"verlenging\"]},"
		"  \"previous_permit\": {\"title\": \"Vorige vergunning\", \"type\": \"string\","
		"   \"minLength\": 3, \"maxLength\": 20},"
		"  \"area\": {\"title\": \"Oppervlakte\", \"type\": \"number\", \"minimum\": 1,"
		"   \"maximum\": 12.5},"
		"  \"first_day\": {\"title\": \"Eerste dag\", \"type\": \"string\", \"format\": \"date\","
		"   \"pattern\": \"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"},"
		"  \"furniture\": {\"title\": \"Meubilair\", \"type\": \"array\","
		"   \"items\": {\"enum\": [\"tafels\", \"stoelen\"]}, \"uniqueItems\": true},"
		"  \"heaters\": {\"title\": \"Terrasverwarming\", \"type\": \"boolean\"},"
		"  \"heater_count\": {\"title\": \"Aantal toestellen\", \"type\": \"number\"},"
		"  \"email\": {\"title\": \"E-mailadres\", \"type\": \"string\", \"format\": \"email\"},"
		"  \"market\": {\"title\": \"Markt\", \"enum\": [\"centrum\"]},"
		"  \"insurance\": {\"title\": \"Verzekeringsattest\", \"type\": \"string\"}"
		" },"
		" \"required\": [\"enterprise_number\", \"kind\", \"insurance\"],"
		" \"allOf\": ["
		"  {\"if\": {\"properties\": {\"kind\": {\"const\": \"verlenging\"}}, \"required\": [\"kind\"]},"
		"   \"then\": {\"required\": [\"previous_permit\"]}},"
		"  {\"if\": {\"properties\": {\"heaters\": {\"const\": true}}, \"required\": [\"heaters\"]},"
		"   \"then\": {\"required\": [\"heater_count\"]}}"
		" ],"
		" \"additionalProperties\": false"
		"}");
	oo_form_free(form);
}

static void schema_condition_on_checkboxes_uses_contains(void **state)
{
	oo_form *form = new_form("evenement");
	oo_field *f;

	(void)state;
	f = add_field(form, "needs", OO_FIELD_CHECKBOXES, NULL, "Nodig");
	add_option(f, "stroom", "Stroom", NULL);
	f = add_field(form, "power", OO_FIELD_NUMBER, NULL, "Vermogen");
	f->required = 1;
	set_condition(f, "needs", "stroom");
	oo_text_set(&form->title, OO_LANG_NL, NULL);

	assert_schema(form,
		"{"
		" \"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
		" \"$id\": \"https://onlyonce.be/forms/evenement.submission.schema.json\","
		" \"title\": \"Autorisation de terrasse\","
		" \"type\": \"object\","
		" \"properties\": {"
		"  \"needs\": {\"title\": \"Nodig\", \"type\": \"array\","
		"   \"items\": {\"enum\": [\"stroom\"]}, \"uniqueItems\": true},"
		"  \"power\": {\"title\": \"Vermogen\", \"type\": \"number\"}"
		" },"
		" \"allOf\": ["
		"  {\"if\": {\"properties\": {\"needs\": {\"contains\": {\"const\": \"stroom\"}}},"
		"   \"required\": [\"needs\"]}, \"then\": {\"required\": [\"power\"]}}"
		" ],"
		" \"additionalProperties\": false"
		"}");
	oo_form_free(form);
}

static void schema_titles_use_default_language(void **state)
{
	oo_form *form = new_form("fr");
	oo_field *f;

	(void)state;
	form->default_language = OO_LANG_FR;
	f = add_field(form, "name", OO_FIELD_OTHER, "enterprise.legal_name", NULL);
	oo_text_set(&f->purpose, OO_LANG_NL, "Naam op de vergunning.");
	oo_text_set(&f->purpose, OO_LANG_FR, "Nom sur l'autorisation.");
	f = add_field(form, "size", OO_FIELD_NUMBER, NULL, "Grootte");
	oo_text_set(&f->label, OO_LANG_FR, "Taille");

	assert_schema(form,
		"{"
		" \"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
		" \"$id\": \"https://onlyonce.be/forms/fr.submission.schema.json\","
		" \"title\": \"Autorisation de terrasse\","
		" \"type\": \"object\","
		" \"properties\": {"
		"  \"name\": {\"title\": \"D\\u00e9nomination de l'entreprise\","
		"   \"description\": \"Nom sur l'autorisation.\", \"type\": \"string\"},"
		"  \"size\": {\"title\": \"Taille\", \"type\": \"number\"}"
		" },"
		" \"additionalProperties\": false"
		"}");
	oo_form_free(form);
}

static void schema_rejects_form_without_id(void **state)
{
	oo_form *form = NULL;
	json_t *schema = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_form_new(&form, NULL), OO_OK);
	assert_int_equal(oo_submission_schema(&schema, form, catalog, &err), OO_EINVAL);
	assert_null(schema);
	oo_form_free(form);
}

static void schema_reports_memory_failure(void **state)
{
	oo_form *form = new_form("terras");
	json_t *schema = NULL;
	oo_field *f;
	oo_status rc;
	oo_error err;

	(void)state;
	f = add_field(form, "name", OO_FIELD_TEXT, NULL, "Naam");
	oo_alloc_fail_after(1, 1);
	rc = oo_submission_schema(&schema, form, catalog, &err);
	oo_alloc_fail_after(0, 0);
	assert_int_equal(rc, OO_ENOMEM);
	assert_null(schema);
	(void)f;
	oo_form_free(form);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(schema_types_each_field),
		cmocka_unit_test(schema_condition_on_checkboxes_uses_contains),
		cmocka_unit_test(schema_titles_use_default_language),
		cmocka_unit_test(schema_rejects_form_without_id),
		cmocka_unit_test(schema_reports_memory_failure),
	};

	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
