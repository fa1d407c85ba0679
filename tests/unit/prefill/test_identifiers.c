/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "onlyonce/identifiers.h"

static void assert_normalizes(const char *input, const char *expected)
{
	char out[11];
	oo_error err;

	oo_error_clear(&err);
	assert_int_equal(oo_kbo_number_normalize(out, input, &err), OO_OK);
	assert_string_equal(out, expected);
}

static void assert_rejects(const char *input, const char *message)
{
	char out[11];
	oo_error err;

	oo_error_clear(&err);
	assert_int_equal(oo_kbo_number_normalize(out, input, &err), OO_EINVAL);
	assert_int_equal(err.code, OO_EINVAL);
	assert_string_equal(err.message, message);
	assert_string_equal(out, "");
}

static void normalize_accepts_typed_forms(void **state)
{
	(void)state;
	assert_normalizes("0314.595.348", "0314595348");
	assert_normalizes("0314 595 348", "0314595348");
	assert_normalizes("0314595348", "0314595348");
	assert_normalizes("BE0314595348", "0314595348");
	assert_normalizes("BE 0314.595.348", "0314595348");
	assert_normalizes("be0314595348", "0314595348");
	assert_normalizes(" 0314.595.348 ", "0314595348");
	assert_normalizes("0200.065.765", "0200065765");
}

static void normalize_prefixes_legacy_nine_digits(void **state)
{
	(void)state;
	assert_normalizes("314595348", "0314595348");
	assert_normalizes("314.595.348", "0314595348");
	assert_normalizes("BE314595348", "0314595348");
}

static void normalize_accepts_establishment_numbers(void **state)
{
	(void)state;
	assert_normalizes("2.147.812.701", "2147812701");
	assert_normalizes("2289324120", "2289324120");
}

/* 21478128 is a multiple of 97, so the check digits are 97, not 00. */
static void normalize_accepts_check_digits_97(void **state)
{
	(void)state;
	assert_normalizes("2.147.812.897", "2147812897");
	assert_rejects("2.147.812.800",
		       "invalid establishment unit number \"2.147.812.800\": the check digits should be 97");
}

static void normalize_rejects_wrong_check_digits(void **state)
{
	(void)state;
	assert_rejects("0404.221.000",
		       "invalid enterprise number \"0404.221.000\": the check digits should be 71");
	assert_rejects("0314595349",
		       "invalid enterprise number \"0314595349\": the check digits should be 48");
}

static void normalize_rejects_letters(void **state)
{
	(void)state;
	assert_rejects("0314.59A.348",
		       "invalid enterprise number \"0314.59A.348\": only digits, dots and spaces "
		       "may follow an optional BE prefix");
	assert_rejects("NL0314595348",
		       "invalid enterprise number \"NL0314595348\": only digits, dots and spaces "
		       "may follow an optional BE prefix");
	assert_rejects("0314-595-348",
		       "invalid enterprise number \"0314-595-348\": only digits, dots and spaces "
		       "may follow an optional BE prefix");
}

static void normalize_rejects_wrong_length(void **state)
{
	(void)state;
	assert_rejects("12345678",
		       "invalid enterprise number \"12345678\": expected 10 digits (or 9 for an old "
		       "number), found 8");
	assert_rejects("03145953480",
		       "invalid enterprise number \"03145953480\": expected 10 digits (or 9 for an old "
		       "number), found 11");
	assert_rejects("BE",
		       "invalid enterprise number \"BE\": expected 10 digits (or 9 for an old "
		       "number), found 0");
}

static void normalize_rejects_empty_input(void **state)
{
	(void)state;
	assert_rejects("", "missing enterprise number: expected 10 digits such as 0314.595.348");
	assert_rejects(NULL, "missing enterprise number: expected 10 digits such as 0314.595.348");
}

static void normalize_rejects_first_digit_nine(void **state)
{
	(void)state;
	assert_rejects("9.000.006.626",
		       "invalid enterprise number \"9.000.006.626\": a KBO number starts with 0 or 1 "
		       "(enterprise) or 2 to 8 (establishment unit), not 9");
}

static void normalize_cuts_long_value_in_message(void **state)
{
	char input[200];

	(void)state;
	memset(input, '1', sizeof(input) - 1);
	input[sizeof(input) - 1] = '\0';
	assert_rejects(input,
		       "invalid enterprise number \"1111111111111111111111111111111111111111...\": "
		       "expected 10 digits (or 9 for an old number), found 199");
}

static void is_enterprise_tells_kinds_apart(void **state)
{
	(void)state;
	assert_true(oo_kbo_number_is_enterprise("0314595348"));
	assert_true(oo_kbo_number_is_enterprise("1000000055"));
	assert_false(oo_kbo_number_is_enterprise("2147812897"));
	assert_false(oo_kbo_number_is_enterprise("8000000000"));
}

static void format_uses_display_forms(void **state)
{
	char out[14];

	(void)state;
	oo_kbo_number_format(out, "0314595348");
	assert_string_equal(out, "0314.595.348");
	oo_kbo_number_format(out, "2147812897");
	assert_string_equal(out, "2.147.812.897");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalize_accepts_typed_forms),
		cmocka_unit_test(normalize_prefixes_legacy_nine_digits),
		cmocka_unit_test(normalize_accepts_establishment_numbers),
		cmocka_unit_test(normalize_accepts_check_digits_97),
		cmocka_unit_test(normalize_rejects_wrong_check_digits),
		cmocka_unit_test(normalize_rejects_letters),
		cmocka_unit_test(normalize_rejects_wrong_length),
		cmocka_unit_test(normalize_rejects_empty_input),
		cmocka_unit_test(normalize_rejects_first_digit_nine),
		cmocka_unit_test(normalize_cuts_long_value_in_message),
		cmocka_unit_test(is_enterprise_tells_kinds_apart),
		cmocka_unit_test(format_uses_display_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
