/* SPDX-License-Identifier: EUPL-1.2 */
/* oo_schema_validate_text: its JSON parser (what it accepts and rejects,
 * strings, numbers, nesting) and agreement with oo_schema_validate. */
#include "schema_test_util.h"

#include "onlyonce/json.h"

/* Validates text against schema_text; returns the status, fills *result. */
static oo_status check_text(const char *schema_text, const char *text, size_t len,
			    oo_schema_result *result, oo_error *err)
{
	oo_schema *schema = compile_text(schema_text);
	oo_status rc = oo_schema_validate_text(schema, text, len, result, err);

	oo_schema_free(schema);
	return rc;
}

static int text_valid(const char *schema_text, const char *text)
{
	oo_schema_result result;
	oo_error err;
	int valid;

	assert_int_equal(check_text(schema_text, text, strlen(text), &result, &err), OO_OK);
	valid = result.valid;
	oo_schema_result_clear(&result);
	return valid;
}

static oo_status text_status(const char *text, oo_error *err)
{
	oo_schema_result result;
	oo_status rc = check_text("true", text, strlen(text), &result, err);

	if (rc == OO_OK)
		oo_schema_result_clear(&result);
	else
		assert_int_equal(result.error_count, 0);
	return rc;
}

static void text_rejects_invalid_json(void **state)
{
	static const char *const invalid[] = {
		"", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "[1] x", "01", "1.", "-",
		"1e", "tru", "\"abc", "\"a\tb\"", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"",
		"\"\xc3\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "[1e400]", "{\"a\":1,\"a\":2}",
		"'a'", "[1 2]",
	};
	oo_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		if (text_status(invalid[i], &err) != OO_EPARSE)
			fail_msg("accepted invalid JSON: %s", invalid[i]);
	}
}

static void text_error_names_line_and_column(void **state)
{
	oo_error err;

	(void)state;
	assert_int_equal(text_status("{\n  \"a\": 1,\n  \"a\": 2\n}", &err), OO_EPARSE);
	assert_int_equal(err.line, 4);
	assert_int_equal(err.column, 1);
	assert_string_equal(err.message, "invalid JSON: duplicate object key \"a\"");
}

static void text_nesting_limit_is_enforced(void **state)
{
	char deep[2 * OO_JSON_MAX_DEPTH + 8];
	oo_error err;
	int i;

	(void)state;
	for (i = 0; i <= OO_JSON_MAX_DEPTH; i++) {
		deep[i] = '[';
		deep[2 * OO_JSON_MAX_DEPTH + 1 - i] = ']';
	}
	deep[2 * OO_JSON_MAX_DEPTH + 2] = '\0';
	assert_int_equal(text_status(deep, &err), OO_ELIMIT);
	assert_int_equal(text_status(deep + 1, &err) == OO_OK ? 0 : 1, 1);
	deep[2 * OO_JSON_MAX_DEPTH + 1] = '\0';
	assert_int_equal(text_status(deep + 1, &err), OO_OK);
}

static void text_accepts_any_top_level_value(void **state)
{
	(void)state;
	assert_true(text_valid("{\"type\": \"integer\"}", " 42 "));
	assert_true(text_valid("{\"type\": \"null\"}", "null"));
	assert_true(text_valid("{\"const\": \"x\"}", "\"x\""));
	assert_false(text_valid("{\"type\": \"object\"}", "[]"));
}

static void text_needs_no_terminating_nul(void **state)
{
	oo_schema_result result;
	oo_error err;
	const char *text = "[1,2]3";

	(void)state;
	assert_int_equal(check_text("{\"maxItems\": 2}", text, 5, &result, &err), OO_OK);
	assert_true(result.valid);
	oo_schema_result_clear(&result);
	assert_int_equal(check_text("{\"type\": \"integer\"}", text, 1, &result, &err), OO_EPARSE);
}

static void text_unescapes_strings(void **state)
{
	(void)state;
	assert_true(text_valid("{\"const\": \"a\\\"b\\\\c/\\b\\f\\n\\r\\t\"}",
			       "\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\""));
	assert_true(text_valid("{\"const\": \"\xc3\xa9\xf0\x9f\x98\x80\"}",
			       "\"\\u00e9\\ud83d\\ude00\""));
	assert_true(text_valid("{\"maxLength\": 2}", "\"\xf0\x9f\x98\x80\xc3\xa9\""));
	assert_false(text_valid("{\"maxLength\": 1}", "\"\xf0\x9f\x98\x80\xc3\xa9\""));
}

static void text_keeps_nul_in_strings_and_names(void **state)
{
	oo_schema_result result;
	oo_error err;
	const char text[] = "{\"a\\u0000b\": \"x\\u0000y\"}";

	(void)state;
	assert_true(text_valid("{\"minLength\": 3, \"maxLength\": 3}", "\"x\\u0000y\""));
	assert_int_equal(check_text("{\"additionalProperties\": false}", text, sizeof(text) - 1,
				    &result, &err), OO_OK);
	assert_false(result.valid);
	assert_string_equal(result.errors[0].message, "property \"a\\u0000b\" is not allowed");
	oo_schema_result_clear(&result);
}

static void text_numbers_keep_their_value(void **state)
{
	(void)state;
	assert_true(text_valid("{\"type\": \"integer\"}", "1.0"));
	assert_true(text_valid("{\"type\": \"integer\"}", "1e2"));
	assert_false(text_valid("{\"type\": \"integer\"}", "1.5"));
	assert_true(text_valid("{\"type\": \"integer\"}", "123456789012345678901234567890"));
	assert_true(text_valid("{\"const\": 0.1}", "0.1"));
	assert_true(text_valid("{\"const\": 0.1}", "1e-1"));
	assert_true(text_valid("{\"const\": 1.7976931348623157e308}", "1.7976931348623157e308"));
	assert_true(text_valid("{\"maximum\": 9223372036854775807}", "9223372036854775807"));
	assert_true(text_valid("{\"minimum\": -9223372036854775807}", "-9223372036854775808") == 0);
	assert_true(text_valid("{\"multipleOf\": 0.01}", "12.34"));
	assert_true(text_valid("{\"exclusiveMaximum\": 2.5}", "-2.4999999999999999999e0"));
}

static void text_rejects_duplicate_names_only_exactly(void **state)
{
	(void)state;
	assert_true(text_valid("{\"minProperties\": 14}",
			       "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,"
			       "\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,\"m\":13,\"ab\":14}"));
}

static void text_duplicate_in_large_object_is_found(void **state)
{
	oo_error err;

	(void)state;
	assert_int_equal(text_status("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,"
				     "\"h\":8,\"i\":9,\"j\":10,\"k\":11,\"l\":12,\"m\":13,\"c\":14}",
				     &err), OO_EPARSE);
}

/* The same document through both entry points gives the same errors,
 * including quoted values and paths with escaped names. */
static void text_and_jansson_results_agree(void **state)
{
	const char *schema_text =
		"{\"properties\": {\"a/b\": {\"type\": \"string\"}, \"n\": {\"maximum\": 1},"
		" \"list\": {\"items\": {\"enum\": [1, 2]}}, \"o\": {\"const\": {\"k\": [true]}}},"
		" \"required\": [\"missing\"], \"additionalProperties\": {\"type\": \"integer\"}}";
	const char *text = "{\"a/b\": 5, \"n\": 1.5e20, \"list\": [1, 3, \"x\\n\"],"
			   " \"o\": {\"k\": [false, null]}, \"x~y\": 0.1}";
	oo_schema_result from_text, from_json;
	oo_error err;
	size_t i;

	(void)state;
	assert_int_equal(check_text(schema_text, text, strlen(text), &from_text, &err), OO_OK);
	validate_text(schema_text, text, &from_json);
	assert_false(from_text.valid);
	assert_int_equal(from_text.error_count, 7);
	assert_int_equal(from_text.error_count, from_json.error_count);
	for (i = 0; i < from_text.error_count; i++) {
		assert_string_equal(from_text.errors[i].keyword_location,
				    from_json.errors[i].keyword_location);
		assert_string_equal(from_text.errors[i].instance_location,
				    from_json.errors[i].instance_location);
		assert_string_equal(from_text.errors[i].message, from_json.errors[i].message);
	}
	assert_string_equal(from_text.errors[1].instance_location, "/a~1b");
	assert_string_equal(from_text.errors[2].message,
			    "value 1.5e20 is greater than the maximum of 1");
	oo_schema_result_clear(&from_text);
	oo_schema_result_clear(&from_json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_rejects_invalid_json),
		cmocka_unit_test(text_error_names_line_and_column),
		cmocka_unit_test(text_nesting_limit_is_enforced),
		cmocka_unit_test(text_accepts_any_top_level_value),
		cmocka_unit_test(text_needs_no_terminating_nul),
		cmocka_unit_test(text_unescapes_strings),
		cmocka_unit_test(text_keeps_nul_in_strings_and_names),
		cmocka_unit_test(text_numbers_keep_their_value),
		cmocka_unit_test(text_rejects_duplicate_names_only_exactly),
		cmocka_unit_test(text_duplicate_in_large_object_is_found),
		cmocka_unit_test(text_and_jansson_results_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
