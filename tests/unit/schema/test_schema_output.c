/* SPDX-License-Identifier: EUPL-1.2 */
/* Error output: locations, messages, the order of combinator errors, the
 * "basic" output JSON, and the errors of invalid schemas. */
#include "schema_test_util.h"

static void any_of_reports_itself_then_branches(void **state)
{
	oo_schema_result result;

	(void)state;
	validate_text("{\"properties\": {\"n\": {\"anyOf\": [{\"type\": \"string\"},"
		      " {\"minimum\": 10}]}}}", "{\"n\": 3}", &result);
	assert_false(result.valid);
	assert_int_equal(result.error_count, 3);
	assert_string_equal(result.errors[0].keyword_location, "/properties/n/anyOf");
	assert_string_equal(result.errors[0].message,
			    "value 3 matches none of the 2 schemas of \"anyOf\"");
	assert_string_equal(result.errors[1].keyword_location, "/properties/n/anyOf/0/type");
	assert_string_equal(result.errors[1].message, "expected string, got integer");
	assert_string_equal(result.errors[2].keyword_location, "/properties/n/anyOf/1/minimum");
	assert_string_equal(result.errors[2].instance_location, "/n");
	oo_schema_result_clear(&result);
}

static void one_of_names_both_matches(void **state)
{
	(void)state;
	assert_first_error("{\"oneOf\": [{\"type\": \"integer\"}, {\"minimum\": 2}, {\"type\": \"null\"}]}",
			   "3", "/oneOf", "",
			   "value 3 matches both schema 0 and schema 1 of \"oneOf\", but must match exactly one");
}

static void passing_any_of_drops_branch_errors(void **state)
{
	oo_schema_result result;

	(void)state;
	validate_text("{\"anyOf\": [{\"type\": \"string\"}, {\"minimum\": 1}], \"maximum\": 0}",
		      "5", &result);
	assert_int_equal(result.error_count, 1);
	assert_string_equal(result.errors[0].keyword_location, "/maximum");
	oo_schema_result_clear(&result);
}

static void all_errors_are_collected(void **state)
{
	oo_schema_result result;

	(void)state;
	validate_text("{\"required\": [\"a\", \"b\"], \"properties\": {\"c\": {\"type\": \"string\"}}}",
		      "{\"c\": 1}", &result);
	assert_int_equal(result.error_count, 3);
	assert_string_equal(result.errors[0].message, "missing required property \"a\"");
	assert_string_equal(result.errors[1].message, "missing required property \"b\"");
	assert_string_equal(result.errors[2].instance_location, "/c");
	oo_schema_result_clear(&result);
}

static void instance_location_escapes_tokens(void **state)
{
	(void)state;
	assert_first_error("{\"additionalProperties\": {\"type\": \"string\"}}",
			   "{\"a/b~c\": [1]}", "/additionalProperties/type", "/a~1b~0c",
			   "expected string, got array");
}

static void long_values_are_cut(void **state)
{
	char instance[200], expected[200];

	(void)state;
	memset(instance, 'x', sizeof(instance));
	instance[0] = '"';
	instance[120] = '"';
	instance[121] = '\0';
	/* 60 bytes of JSON text: the quote and 59 letters, then "...". */
	snprintf(expected, sizeof(expected), "value %.60s... is not one of the allowed values",
		 instance);
	assert_first_error("{\"enum\": [1]}", instance, "/enum", "", expected);
}

static void absolute_location_needs_a_base(void **state)
{
	oo_schema_result result;

	(void)state;
	validate_text("{\"type\": \"string\"}", "1", &result);
	assert_null(result.errors[0].absolute_keyword_location);
	oo_schema_result_clear(&result);
	validate_text("{\"$id\": \"urn:example:form\", \"type\": \"string\"}", "1", &result);
	assert_string_equal(result.errors[0].absolute_keyword_location, "urn:example:form#/type");
	oo_schema_result_clear(&result);
}

static void base_uri_option_sets_absolute_location(void **state)
{
	json_t *json = parse_json("{\"$defs\": {\"t\": {\"type\": \"string\"}},"
				  " \"$ref\": \"#/$defs/t\"}");
	json_t *instance = json_integer(1);
	oo_schema_options options = { "file:///forms/x.schema.json", NULL, 0 };
	oo_schema *schema = NULL;
	oo_schema_result result;
	oo_error err;

	(void)state;
	assert_int_equal(oo_schema_compile_with(&schema, json, &options, &err), OO_OK);
	assert_int_equal(oo_schema_validate(schema, instance, &result, &err), OO_OK);
	assert_string_equal(result.errors[0].keyword_location, "/$ref/type");
	assert_string_equal(result.errors[0].absolute_keyword_location,
			    "file:///forms/x.schema.json#/$defs/t/type");
	oo_schema_result_clear(&result);
	oo_schema_free(schema);
	json_decref(instance);
	json_decref(json);
}

static void basic_output_json_has_spec_names(void **state)
{
	oo_schema_result result;
	json_t *out = NULL, *error;
	oo_error err;

	(void)state;
	validate_text("{\"$id\": \"https://example.org/s\", \"required\": [\"purpose\"]}", "{}",
		      &result);
	assert_int_equal(oo_schema_result_to_json(&out, &result, &err), OO_OK);
	assert_true(json_is_false(json_object_get(out, "valid")));
	error = json_array_get(json_object_get(out, "errors"), 0);
	assert_string_equal(json_string_value(json_object_get(error, "keywordLocation")),
			    "/required");
	assert_string_equal(json_string_value(json_object_get(error, "absoluteKeywordLocation")),
			    "https://example.org/s#/required");
	assert_string_equal(json_string_value(json_object_get(error, "instanceLocation")), "");
	assert_string_equal(json_string_value(json_object_get(error, "error")),
			    "missing required property \"purpose\"");
	json_decref(out);
	oo_schema_result_clear(&result);
}

static void valid_result_has_no_errors_member(void **state)
{
	oo_schema_result result;
	json_t *out = NULL;
	oo_error err;

	(void)state;
	validate_text("{}", "1", &result);
	assert_int_equal(oo_schema_result_to_json(&out, &result, &err), OO_OK);
	assert_true(json_is_true(json_object_get(out, "valid")));
	assert_null(json_object_get(out, "errors"));
	json_decref(out);
	oo_schema_result_clear(&result);
}

static void compile_rejects_invalid_keyword_values(void **state)
{
	oo_error err;

	(void)state;
	assert_int_equal(compile_status("{\"properties\": {\"a\": {\"minLength\": -1}}}", &err),
			 OO_ESCHEMA);
	assert_string_equal(err.message, "invalid schema: \"minLength\" at \"#/properties/a\" "
			    "must be a non-negative integer, got -1");
	assert_int_equal(compile_status("{\"type\": \"text\"}", &err), OO_ESCHEMA);
	assert_int_equal(compile_status("{\"allOf\": []}", &err), OO_ESCHEMA);
	assert_int_equal(compile_status("{\"items\": 3}", &err), OO_ESCHEMA);
	assert_int_equal(compile_status("{\"required\": [1]}", &err), OO_ESCHEMA);
	assert_int_equal(compile_status("[]", &err), OO_ESCHEMA);
}

static void compile_rejects_invalid_regex(void **state)
{
	oo_error err;

	(void)state;
	assert_int_equal(compile_status("{\"pattern\": \"(a\"}", &err), OO_ESCHEMA);
	assert_non_null(strstr(err.message, "pattern \"(a\""));
	assert_int_equal(compile_status("{\"patternProperties\": {\"[\": {}}}", &err), OO_ESCHEMA);
}

static void pattern_length_limit_is_enforced(void **state)
{
	char schema[4200];
	oo_error err;

	(void)state;
	memcpy(schema, "{\"pattern\": \"", 13);
	memset(schema + 13, 'a', 4096);
	strcpy(schema + 13 + 4096, "\"}");
	assert_int_equal(compile_status(schema, &err), OO_OK);
	memset(schema + 13, 'a', 4097);
	strcpy(schema + 13 + 4097, "\"}");
	assert_int_equal(compile_status(schema, &err), OO_ELIMIT);
	assert_non_null(strstr(err.message, "longer than the limit of 4096 bytes"));
}

static void catastrophic_pattern_stops_at_limit(void **state)
{
	char instance[80];

	(void)state;
	memset(instance, 'a', sizeof(instance));
	instance[0] = '"';
	instance[40] = '!';
	instance[41] = '"';
	instance[42] = '\0';
	assert_first_error("{\"pattern\": \"^(a+)+$\"}", instance, "/pattern", "",
			   "value \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" could not be "
			   "matched against the pattern \"^(a+)+$\" within the match limits");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(any_of_reports_itself_then_branches),
		cmocka_unit_test(one_of_names_both_matches),
		cmocka_unit_test(passing_any_of_drops_branch_errors),
		cmocka_unit_test(all_errors_are_collected),
		cmocka_unit_test(instance_location_escapes_tokens),
		cmocka_unit_test(long_values_are_cut),
		cmocka_unit_test(absolute_location_needs_a_base),
		cmocka_unit_test(base_uri_option_sets_absolute_location),
		cmocka_unit_test(basic_output_json_has_spec_names),
		cmocka_unit_test(valid_result_has_no_errors_member),
		cmocka_unit_test(compile_rejects_invalid_keyword_values),
		cmocka_unit_test(compile_rejects_invalid_regex),
		cmocka_unit_test(pattern_length_limit_is_enforced),
		cmocka_unit_test(catastrophic_pattern_stops_at_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
