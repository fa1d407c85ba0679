/* SPDX-License-Identifier: EUPL-1.2 */
/* The autofill grammar (core/autocomplete.c), the OO301 rule that applies
 * it to definitions, and the renderer that leaves out a token the control
 * cannot hold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "support.h"

#include "onlyonce/alloc.h"
#include "onlyonce/autocomplete.h"
#include "onlyonce/check.h"

static oo_autocomplete_fault parse(const char *value)
{
	oo_autocomplete ac;

	return oo_autocomplete_parse(&ac, value);
}

static void grammar_accepts_valid_values(void **state)
{
	static const char *const valid[] = {
		"email", "given-name", "GIVEN-NAME", "on", "off", "bday-day",
		"section-shop postal-code", "shipping address-line1", "billing country-name",
		"work tel", "mobile tel-national", "home email", "username webauthn",
		"section-a billing work email webauthn", " \tfamily-name\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++)
		assert_int_equal(parse(valid[i]), OO_AUTOCOMPLETE_OK);
}

static void grammar_reads_every_part(void **state)
{
	oo_autocomplete ac;

	(void)state;
	assert_int_equal(oo_autocomplete_parse(&ac, "section-seat billing work tel webauthn"),
			 OO_AUTOCOMPLETE_OK);
	assert_string_equal(ac.field_name, "tel");
	assert_string_equal(ac.mode, "billing");
	assert_string_equal(ac.contact, "work");
	assert_int_equal(ac.has_section, 1);
	assert_int_equal(ac.webauthn, 1);
	assert_int_equal(ac.on_off, 0);
	assert_int_equal(oo_autocomplete_parse(&ac, "off"), OO_AUTOCOMPLETE_OK);
	assert_null(ac.field_name);
	assert_int_equal(ac.on_off, 2);
}

static void grammar_rejects_each_fault(void **state)
{
	char long_value[OO_AUTOCOMPLETE_MAX + 2];

	(void)state;
	memset(long_value, 'a', sizeof(long_value) - 1);
	long_value[sizeof(long_value) - 1] = '\0';
	assert_int_equal(parse(NULL), OO_AUTOCOMPLETE_EMPTY);
	assert_int_equal(parse(" \t "), OO_AUTOCOMPLETE_EMPTY);
	assert_int_equal(parse(long_value), OO_AUTOCOMPLETE_TOO_LONG);
	assert_int_equal(parse("firstname"), OO_AUTOCOMPLETE_UNKNOWN_NAME);
	assert_int_equal(parse("webauthn"), OO_AUTOCOMPLETE_UNKNOWN_NAME);
	assert_int_equal(parse("email work"), OO_AUTOCOMPLETE_UNKNOWN_NAME);
	assert_int_equal(parse("work billing tel"), OO_AUTOCOMPLETE_BAD_ORDER);
	assert_int_equal(parse("section- email"), OO_AUTOCOMPLETE_BAD_ORDER);
	assert_int_equal(parse("a b c d e f"), OO_AUTOCOMPLETE_BAD_ORDER);
	assert_int_equal(parse("work given-name"), OO_AUTOCOMPLETE_NOT_CONTACT);
	assert_int_equal(parse("off email"), OO_AUTOCOMPLETE_ON_OFF_ALONE);
}

static void grammar_value_at_limit_parses(void **state)
{
	char value[OO_AUTOCOMPLETE_MAX + 1];
	size_t prefix = OO_AUTOCOMPLETE_MAX - strlen(" email");

	(void)state;
	memcpy(value, "section-", 8);
	memset(value + 8, 'x', prefix - 8);
	strcpy(value + prefix, " email");
	assert_int_equal(strlen(value), OO_AUTOCOMPLETE_MAX);
	assert_int_equal(parse(value), OO_AUTOCOMPLETE_OK);
}

static oo_autocomplete_fault on_control(const char *value, oo_field_type type)
{
	oo_autocomplete ac;

	assert_int_equal(oo_autocomplete_parse(&ac, value), OO_AUTOCOMPLETE_OK);
	return oo_autocomplete_check_control(&ac, type);
}

static void control_groups_follow_input_type(void **state)
{
	(void)state;
	assert_int_equal(on_control("tel", OO_FIELD_TEL), OO_AUTOCOMPLETE_OK);
	assert_int_equal(on_control("tel-national", OO_FIELD_TEL), OO_AUTOCOMPLETE_OK);
	assert_int_equal(on_control("tel-national", OO_FIELD_TEXT), OO_AUTOCOMPLETE_OK);
	assert_int_equal(on_control("email", OO_FIELD_EMAIL), OO_AUTOCOMPLETE_OK);
	assert_int_equal(on_control("bday", OO_FIELD_DATE), OO_AUTOCOMPLETE_OK);
	assert_int_equal(on_control("bday-year", OO_FIELD_NUMBER), OO_AUTOCOMPLETE_OK);
	assert_int_equal(on_control("street-address", OO_FIELD_TEXTAREA), OO_AUTOCOMPLETE_OK);
	assert_int_equal(on_control("off", OO_FIELD_RADIO), OO_AUTOCOMPLETE_OK);

	assert_int_equal(on_control("email", OO_FIELD_TEL), OO_AUTOCOMPLETE_WRONG_CONTROL);
	assert_int_equal(on_control("postal-code", OO_FIELD_NUMBER), OO_AUTOCOMPLETE_WRONG_CONTROL);
	assert_int_equal(on_control("street-address", OO_FIELD_TEXT), OO_AUTOCOMPLETE_WRONG_CONTROL);
	assert_int_equal(on_control("given-name", OO_FIELD_RADIO), OO_AUTOCOMPLETE_WRONG_CONTROL);
	assert_int_equal(on_control("bday", OO_FIELD_EMAIL), OO_AUTOCOMPLETE_WRONG_CONTROL);
}

static void agreement_accepts_parts_of_concept_token(void **state)
{
	(void)state;
	assert_true(oo_autocomplete_agrees("given-name", "given-name"));
	assert_true(oo_autocomplete_agrees("tel-national", "tel"));
	assert_true(oo_autocomplete_agrees("bday-day", "bday"));
	assert_true(oo_autocomplete_agrees("street-address", "address-line1"));
	assert_false(oo_autocomplete_agrees("family-name", "given-name"));
	assert_false(oo_autocomplete_agrees("telephone", "tel"));
	assert_false(oo_autocomplete_agrees(NULL, "tel"));
}

/* Runs the rules on form and returns the OO301 findings in *sev (their
 * count is returned); the highest severity wins. */
static size_t run_oo301(const oo_form *form, const oo_catalog *cat, oo_severity *sev)
{
	oo_findings *list = NULL;
	oo_error err;
	size_t i, count = 0;

	oo_error_clear(&err);
	assert_int_equal(oo_findings_new(&list), OO_OK);
	assert_int_equal(oo_rules_run(form, cat, NULL, list, &err), OO_OK);
	*sev = OO_SEVERITY_INFO;
	for (i = 0; i < oo_findings_count(list); i++) {
		const oo_finding *f = oo_findings_at(list, i);

		if (strcmp(f->code, "OO301") != 0)
			continue;
		assert_string_equal(f->rule, "autocomplete-invalid-token");
		if (f->severity > *sev)
			*sev = f->severity;
		count++;
	}
	oo_findings_free(list);
	return count;
}

static size_t check_token(const char *concept, oo_field_type type, const char *token,
			  oo_severity *sev)
{
	oo_catalog *cat = load_test_catalog();
	oo_form *form = new_form("autocomplete");
	oo_field *f;
	size_t count;

	add_section(form, "s", "Sectie");
	add_field(form, "enterprise_number", OO_FIELD_OTHER, "enterprise.number", NULL);
	f = add_field(form, "asked", type, concept, concept ? NULL : "Vraag");
	f->autocomplete = oo_strdup(token);
	count = run_oo301(form, cat, sev);
	oo_form_free(form);
	oo_catalog_free(cat);
	return count;
}

static void rule_malformed_token_on_personal_data_is_error(void **state)
{
	oo_severity sev;

	(void)state;
	assert_int_equal(check_token("person.family_name", OO_FIELD_OTHER, "lastname", &sev), 1);
	assert_int_equal(sev, OO_SEVERITY_ERROR);
}

static void rule_unknown_token_without_personal_data_warns(void **state)
{
	oo_severity sev;

	(void)state;
	assert_int_equal(check_token(NULL, OO_FIELD_TEXT, "licence-plate", &sev), 1);
	assert_int_equal(sev, OO_SEVERITY_WARNING);
}

static void rule_token_on_wrong_control_is_reported(void **state)
{
	oo_severity sev;

	(void)state;
	assert_int_equal(check_token("contact.email", OO_FIELD_OTHER, "tel", &sev), 1);
	assert_int_equal(sev, OO_SEVERITY_ERROR);
	assert_int_equal(check_token(NULL, OO_FIELD_TEL, "tel-national", &sev), 0);
}

static void rule_off_on_personal_concept_is_error(void **state)
{
	oo_severity sev;

	(void)state;
	assert_int_equal(check_token("person.family_name", OO_FIELD_OTHER, "off", &sev), 1);
	assert_int_equal(sev, OO_SEVERITY_ERROR);
	assert_int_equal(check_token(NULL, OO_FIELD_TEXT, "off", &sev), 0);
}

static void rule_valid_token_passes(void **state)
{
	oo_severity sev;

	(void)state;
	assert_int_equal(check_token("contact.email", OO_FIELD_OTHER, "work email", &sev), 0);
	assert_int_equal(check_token(NULL, OO_FIELD_TEXT, "section-shop address-line1", &sev), 0);
}

/* A tel-national token stays, on a text input with a telephone keyboard,
 * because HTML allows the parts of a number only on text inputs. */
static void render_leaves_out_token_control_cannot_hold(void **state)
{
	oo_catalog *cat = load_test_catalog();
	oo_form *form = new_form("autocomplete");
	oo_field *f;
	char *html;

	(void)state;
	add_section(form, "s", "Sectie");
	f = add_field(form, "amount", OO_FIELD_NUMBER, NULL, "Bedrag");
	f->autocomplete = oo_strdup("postal-code");
	f = add_field(form, "phone", OO_FIELD_TEL, NULL, "Telefoon");
	f->autocomplete = oo_strdup("work tel-national");
	html = render(form, cat, NULL, OO_LANG_NL);
	assert_null(strstr(html, "autocomplete=\"postal-code\""));
	assert_non_null(strstr(html, "type=\"text\" autocomplete=\"work tel-national\" inputmode=\"tel\""));
	oo_free(html);
	oo_form_free(form);
	oo_catalog_free(cat);
}

/* The v flag that browsers compile patterns with rejects a "-" at the start
 * of a class and an unescaped "(" inside one. */
static void render_escapes_pattern_for_v_flag(void **state)
{
	oo_form *form = new_form("pattern");
	oo_field *f;
	char *html;

	(void)state;
	add_section(form, "s", "Sectie");
	f = add_field(form, "code", OO_FIELD_TEXT, NULL, "Code");
	f->pattern = oo_strdup("^[0-9]{2}[-.\\s]?[a(-]\\[[^-x]$");
	html = render(form, NULL, NULL, OO_LANG_NL);
	assert_non_null(strstr(html, "pattern=\"^[0-9]{2}[\\-.\\s]?[a\\(\\-]\\[[^\\-x]$\""));
	oo_free(html);
	oo_form_free(form);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grammar_accepts_valid_values),
		cmocka_unit_test(grammar_reads_every_part),
		cmocka_unit_test(grammar_rejects_each_fault),
		cmocka_unit_test(grammar_value_at_limit_parses),
		cmocka_unit_test(control_groups_follow_input_type),
		cmocka_unit_test(agreement_accepts_parts_of_concept_token),
		cmocka_unit_test(rule_malformed_token_on_personal_data_is_error),
		cmocka_unit_test(rule_unknown_token_without_personal_data_warns),
		cmocka_unit_test(rule_token_on_wrong_control_is_reported),
		cmocka_unit_test(rule_off_on_personal_concept_is_error),
		cmocka_unit_test(rule_valid_token_passes),
		cmocka_unit_test(render_leaves_out_token_control_cannot_hold),
		cmocka_unit_test(render_escapes_pattern_for_v_flag),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
