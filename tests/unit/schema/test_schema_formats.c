/* SPDX-License-Identifier: EUPL-1.2 */
/* Tests of the "format" checks: the Belgian identifiers on published
 * worked examples, the standard formats a submission uses, and that
 * "format" asserts only when asked. */
#include "schema_test_util.h"

static int check(const char *format, const char *value)
{
	return oo_schema_format_check(format, value, strlen(value));
}

static void enterprise_number_accepts_published_numbers(void **state)
{
	(void)state;
	assert_int_equal(check("be-enterprise-number", "0314.595.348"), 1);
	assert_int_equal(check("be-enterprise-number", "0671516647"), 1);
	assert_int_equal(check("be-enterprise-number", "BE 0316.380.841"), 1);
	assert_int_equal(check("be-enterprise-number", "BE0200065765"), 1);
	assert_int_equal(check("be-enterprise-number", "314595348"), 1);
}

static void enterprise_number_rejects_bad_check_digits(void **state)
{
	(void)state;
	assert_int_equal(check("be-enterprise-number", "0404221000"), 0);
	assert_int_equal(check("be-enterprise-number", "0314.595.349"), 0);
	assert_int_equal(check("be-enterprise-number", "2.147.812.897"), 0);
	assert_int_equal(check("be-enterprise-number", "0314..595.348"), 0);
}

static void establishment_number_accepts_check_97(void **state)
{
	(void)state;
	/* 2147812897: the first 8 digits are divisible by 97, so the check is 97. */
	assert_int_equal(check("be-establishment-number", "2.147.812.897"), 1);
	assert_int_equal(check("be-establishment-number", "2147812701"), 1);
	assert_int_equal(check("be-establishment-number", "0314.595.348"), 0);
	assert_int_equal(check("be-establishment-number", "2.147.812.898"), 0);
}

static void insz_accepts_both_centuries_and_bis(void **state)
{
	(void)state;
	assert_int_equal(check("be-insz", "90020199704"), 1);
	assert_int_equal(check("be-insz", "90.02.01-997.04"), 1);
	assert_int_equal(check("be-insz", "03012522495"), 1);
	assert_int_equal(check("be-insz", "85073003328"), 1);
	assert_int_equal(check("be-insz", "17073003384"), 1);
	assert_int_equal(check("be-insz", "98472899765"), 1);
	assert_int_equal(check("be-insz", "01490700185"), 1);
}

static void insz_rejects_wrong_check_or_date(void **state)
{
	(void)state;
	assert_int_equal(check("be-insz", "90020199705"), 0);
	assert_int_equal(check("be-insz", "9002019970"), 0);
	assert_int_equal(check("be-insz", "90023199766"), 0);
}

static void iban_checks_national_and_iso_digits(void **state)
{
	(void)state;
	assert_int_equal(check("be-iban", "BE68 5390 0754 7034"), 1);
	assert_int_equal(check("be-iban", "BE68539007547034"), 1);
	assert_int_equal(check("be-iban", "BE68 5390 0754 7035"), 0);
	assert_int_equal(check("be-iban", "BE69 5390 0754 7034"), 0);
	assert_int_equal(check("be-iban", "NL68 5390 0754 7034"), 0);
	assert_int_equal(check("be-iban", "BE68 53900 7547034"), 0);
}

static void postcode_has_four_digits(void **state)
{
	(void)state;
	assert_int_equal(check("be-postcode", "9000"), 1);
	assert_int_equal(check("be-postcode", "1000"), 1);
	assert_int_equal(check("be-postcode", "0999"), 0);
	assert_int_equal(check("be-postcode", "900"), 0);
	assert_int_equal(check("be-postcode", "B-9000"), 0);
}

static void date_rejects_unpadded_parts(void **state)
{
	(void)state;
	assert_int_equal(check("date", "2026-03-01"), 1);
	assert_int_equal(check("date", "2026-3-1"), 0);
	assert_int_equal(check("date", "2026-02-29"), 0);
	assert_int_equal(check("date", "2028-02-29"), 1);
}

static void unknown_format_returns_minus_one(void **state)
{
	(void)state;
	assert_int_equal(check("no-such-format", "x"), -1);
}

static int valid_with_flags(const char *schema_text, const char *instance_text, unsigned flags)
{
	json_t *schema_json = parse_json(schema_text), *instance = parse_json(instance_text);
	oo_schema_options options = { NULL, NULL, flags };
	oo_schema *schema = NULL;
	oo_schema_result result;
	oo_error err;
	int valid;

	assert_int_equal(oo_schema_compile_with(&schema, schema_json, &options, &err), OO_OK);
	assert_int_equal(oo_schema_validate(schema, instance, &result, &err), OO_OK);
	valid = result.valid;
	oo_schema_result_clear(&result);
	oo_schema_free(schema);
	json_decref(instance);
	json_decref(schema_json);
	return valid;
}

static void format_asserts_only_when_asked(void **state)
{
	const char *schema = "{\"format\": \"date\"}";

	(void)state;
	assert_true(valid_with_flags(schema, "\"2026-3-1\"", 0));
	assert_false(valid_with_flags(schema, "\"2026-3-1\"", OO_SCHEMA_ASSERT_FORMATS));
	assert_true(valid_with_flags(schema, "\"2026-03-01\"", OO_SCHEMA_ASSERT_FORMATS));
}

static void format_error_names_value(void **state)
{
	json_t *schema_json = parse_json("{\"properties\": {\"n\": {\"format\": \"be-insz\"}}}");
	json_t *instance = parse_json("{\"n\": \"90020199705\"}");
	oo_schema_options options = { NULL, NULL, OO_SCHEMA_ASSERT_FORMATS };
	oo_schema *schema = NULL;
	oo_schema_result result;
	oo_error err;

	(void)state;
	assert_int_equal(oo_schema_compile_with(&schema, schema_json, &options, &err), OO_OK);
	assert_int_equal(oo_schema_validate(schema, instance, &result, &err), OO_OK);
	assert_int_equal(result.error_count, 1);
	assert_string_equal(result.errors[0].keyword_location, "/properties/n/format");
	assert_string_equal(result.errors[0].instance_location, "/n");
	assert_string_equal(result.errors[0].message, "value \"90020199705\" is not a valid \"be-insz\"");
	oo_schema_result_clear(&result);
	oo_schema_free(schema);
	json_decref(instance);
	json_decref(schema_json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(enterprise_number_accepts_published_numbers),
		cmocka_unit_test(enterprise_number_rejects_bad_check_digits),
		cmocka_unit_test(establishment_number_accepts_check_97),
		cmocka_unit_test(insz_accepts_both_centuries_and_bis),
		cmocka_unit_test(insz_rejects_wrong_check_or_date),
		cmocka_unit_test(iban_checks_national_and_iso_digits),
		cmocka_unit_test(postcode_has_four_digits),
		cmocka_unit_test(date_rejects_unpadded_parts),
		cmocka_unit_test(unknown_format_returns_minus_one),
		cmocka_unit_test(format_asserts_only_when_asked),
		cmocka_unit_test(format_error_names_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
