/* SPDX-License-Identifier: EUPL-1.2 */
/* One test or more per keyword of the JSON Schema engine. */
#include "schema_test_util.h"

static void type_accepts_integer_valued_real(void **state)
{
	(void)state;
	assert_true(is_valid("{\"type\": \"integer\"}", "1.0"));
	assert_true(is_valid("{\"type\": \"integer\"}", "-7"));
	assert_false(is_valid("{\"type\": \"integer\"}", "1.5"));
	assert_true(is_valid("{\"type\": \"number\"}", "3"));
}

static void type_names_expected_and_actual(void **state)
{
	(void)state;
	assert_first_error("{\"type\": \"string\"}", "3", "/type", "",
			   "expected string, got integer");
	assert_first_error("{\"type\": [\"string\", \"null\"]}", "true", "/type", "",
			   "expected null or string, got boolean");
}

static void properties_validate_present_members(void **state)
{
	const char *schema = "{\"properties\": {\"age\": {\"type\": \"integer\"}}}";

	(void)state;
	assert_true(is_valid(schema, "{}"));
	assert_true(is_valid(schema, "{\"age\": 4}"));
	assert_first_error(schema, "{\"age\": \"4\"}", "/properties/age/type", "/age",
			   "expected integer, got string");
}

static void required_names_missing_property(void **state)
{
	(void)state;
	assert_first_error("{\"required\": [\"purpose\"]}", "{\"id\": 1}", "/required", "",
			   "missing required property \"purpose\"");
	assert_true(is_valid("{\"required\": [\"purpose\"]}", "[]"));
}

static void additional_properties_false_names_property(void **state)
{
	const char *schema = "{\"properties\": {\"color\": {}},"
			     " \"patternProperties\": {\"^x-\": {}},"
			     " \"additionalProperties\": false}";

	(void)state;
	assert_true(is_valid(schema, "{\"color\": 1, \"x-note\": 2}"));
	assert_first_error(schema, "{\"colour\": \"red\"}", "/additionalProperties", "/colour",
			   "property \"colour\" is not allowed");
}

static void additional_properties_schema_applies(void **state)
{
	(void)state;
	assert_first_error("{\"additionalProperties\": {\"type\": \"string\"}}", "{\"a\": 1}",
			   "/additionalProperties/type", "/a", "expected string, got integer");
}

static void pattern_properties_apply_to_matches(void **state)
{
	const char *schema = "{\"patternProperties\": {\"^n_\": {\"type\": \"number\"}}}";

	(void)state;
	assert_true(is_valid(schema, "{\"n_a\": 1, \"other\": \"x\"}"));
	assert_first_error(schema, "{\"n_a\": \"1\"}", "/patternProperties/^n_/type", "/n_a",
			   "expected number, got string");
}

static void items_follow_prefix_items(void **state)
{
	const char *schema = "{\"prefixItems\": [{\"type\": \"string\"}],"
			     " \"items\": {\"type\": \"integer\"}}";

	(void)state;
	assert_true(is_valid(schema, "[\"a\", 1, 2]"));
	assert_first_error(schema, "[1]", "/prefixItems/0/type", "/0",
			   "expected string, got integer");
	assert_first_error(schema, "[\"a\", 1, \"b\"]", "/items/type", "/2",
			   "expected integer, got string");
}

static void items_false_limits_length(void **state)
{
	(void)state;
	assert_first_error("{\"prefixItems\": [{}, {}], \"items\": false}", "[1, 2, 3]",
			   "/items", "", "array has 3 items, but only 2 are allowed");
}

static void enum_names_rejected_value(void **state)
{
	(void)state;
	assert_first_error("{\"enum\": [\"bar\", 2]}", "\"foo\"", "/enum", "",
			   "value \"foo\" is not one of the allowed values");
	assert_true(is_valid("{\"enum\": [1]}", "1.0"));
}

static void const_compares_numbers_by_value(void **state)
{
	(void)state;
	assert_true(is_valid("{\"const\": 1}", "1.0"));
	assert_true(is_valid("{\"const\": {\"a\": [1, 2]}}", "{\"a\": [1.0, 2]}"));
	assert_false(is_valid("{\"const\": false}", "0"));
	assert_first_error("{\"const\": 2}", "3", "/const", "",
			   "value 3 is not the required value 2");
}

static void pattern_searches_without_anchors(void **state)
{
	(void)state;
	assert_true(is_valid("{\"pattern\": \"b+\"}", "\"abbc\""));
	assert_first_error("{\"pattern\": \"^[0-9]+$\"}", "\"12a\"", "/pattern", "",
			   "value \"12a\" does not match the pattern \"^[0-9]+$\"");
	assert_true(is_valid("{\"pattern\": \"^x\"}", "3"));
}

static void pattern_digit_class_is_ascii(void **state)
{
	(void)state;
	/* U+0663 ARABIC-INDIC DIGIT THREE is a digit in Unicode, not in ECMA-262. */
	assert_false(is_valid("{\"pattern\": \"^\\\\d$\"}", "\"\\u0663\""));
	assert_false(is_valid("{\"pattern\": \"^\\\\w$\"}", "\"\\u00e9\""));
	assert_true(is_valid("{\"pattern\": \"^\\\\p{Letter}$\"}", "\"\\u00e9\""));
}

static void pattern_dollar_ignores_final_newline(void **state)
{
	(void)state;
	assert_false(is_valid("{\"pattern\": \"^abc$\"}", "\"abc\\n\""));
}

static void length_counts_code_points(void **state)
{
	(void)state;
	/* "é€" is two code points in five UTF-8 bytes. */
	assert_true(is_valid("{\"maxLength\": 2}", "\"\\u00e9\\u20ac\""));
	assert_false(is_valid("{\"minLength\": 3}", "\"\\u00e9\\u20ac\""));
	assert_first_error("{\"minLength\": 3}", "\"ab\"", "/minLength", "",
			   "string \"ab\" has 2 characters, fewer than the minimum of 3");
}

static void numeric_bounds_apply(void **state)
{
	(void)state;
	assert_true(is_valid("{\"minimum\": 5}", "5"));
	assert_first_error("{\"minimum\": 5}", "4.5", "/minimum", "",
			   "value 4.5 is less than the minimum of 5");
	assert_false(is_valid("{\"exclusiveMinimum\": 5}", "5"));
	assert_true(is_valid("{\"maximum\": 5}", "5.0"));
	assert_first_error("{\"exclusiveMaximum\": 5}", "5", "/exclusiveMaximum", "",
			   "value 5 is not less than the exclusive maximum of 5");
	assert_true(is_valid("{\"minimum\": 5}", "\"not a number\""));
}

static void multiple_of_tolerates_decimal_fractions(void **state)
{
	(void)state;
	assert_true(is_valid("{\"multipleOf\": 0.1}", "0.3"));
	assert_false(is_valid("{\"multipleOf\": 2}", "7"));
}

static void item_counts_apply(void **state)
{
	(void)state;
	assert_first_error("{\"minItems\": 2}", "[1]", "/minItems", "",
			   "array has 1 items, fewer than the minimum of 2");
	assert_false(is_valid("{\"maxItems\": 1}", "[1, 2]"));
	assert_true(is_valid("{\"maxItems\": 1}", "{\"a\": 1, \"b\": 2}"));
}

static void unique_items_compare_by_value(void **state)
{
	(void)state;
	assert_true(is_valid("{\"uniqueItems\": true}", "[1, \"1\", [1]]"));
	assert_first_error("{\"uniqueItems\": true}", "[1, 2, 1.0]", "/uniqueItems", "",
			   "array items 0 and 2 are both 1, but items must be unique");
	assert_true(is_valid("{\"uniqueItems\": false}", "[1, 1]"));
}

static void property_counts_apply(void **state)
{
	(void)state;
	assert_first_error("{\"maxProperties\": 1}", "{\"a\": 1, \"b\": 2}", "/maxProperties",
			   "", "object has 2 properties, more than the maximum of 1");
	assert_false(is_valid("{\"minProperties\": 1}", "{}"));
}

static void dependent_required_names_trigger(void **state)
{
	const char *schema = "{\"dependentRequired\": {\"bank\": [\"holder\"]}}";

	(void)state;
	assert_true(is_valid(schema, "{\"holder\": 1}"));
	assert_first_error(schema, "{\"bank\": 1}", "/dependentRequired", "",
			   "missing property \"holder\", which is required when \"bank\" is present");
}

static void property_names_check_each_name(void **state)
{
	(void)state;
	assert_true(is_valid("{\"propertyNames\": {\"maxLength\": 3}}", "{\"abc\": 1}"));
	assert_first_error("{\"propertyNames\": {\"maxLength\": 3}}", "{\"abcd\": 1}",
			   "/propertyNames/maxLength", "",
			   "string \"abcd\" has 4 characters, more than the maximum of 3");
}

static void boolean_schemas_accept_and_reject(void **state)
{
	(void)state;
	assert_true(is_valid("true", "{\"any\": [1]}"));
	assert_first_error("false", "1", "", "", "value 1 is not allowed here");
	assert_first_error("{\"properties\": {\"a\": false}}", "{\"a\": 1}", "/properties/a",
			   "/a", "value 1 is not allowed here");
}

static void combinators_combine(void **state)
{
	(void)state;
	assert_true(is_valid("{\"allOf\": [{\"type\": \"integer\"}, {\"minimum\": 2}]}", "3"));
	assert_false(is_valid("{\"allOf\": [{\"type\": \"integer\"}, {\"minimum\": 2}]}", "1"));
	assert_true(is_valid("{\"anyOf\": [{\"type\": \"string\"}, {\"minimum\": 2}]}", "3"));
	assert_true(is_valid("{\"oneOf\": [{\"type\": \"string\"}, {\"minimum\": 2}]}", "3"));
	assert_false(is_valid("{\"oneOf\": [{\"type\": \"integer\"}, {\"minimum\": 2}]}", "3"));
	assert_first_error("{\"not\": {\"type\": \"integer\"}}", "3", "/not", "",
			   "value 3 must not match the \"not\" schema");
}

static void if_selects_then_or_else(void **state)
{
	const char *schema = "{\"if\": {\"properties\": {\"kind\": {\"const\": \"enterprise\"}}},"
			     " \"then\": {\"required\": [\"number\"]},"
			     " \"else\": {\"required\": [\"insz\"]}}";

	(void)state;
	assert_true(is_valid(schema, "{\"kind\": \"enterprise\", \"number\": 1}"));
	assert_first_error(schema, "{\"kind\": \"enterprise\"}", "/then/required", "",
			   "missing required property \"number\"");
	assert_first_error(schema, "{\"kind\": \"person\"}", "/else/required", "",
			   "missing required property \"insz\"");
	assert_true(is_valid("{\"then\": false}", "1"));
}

static void format_is_only_an_annotation(void **state)
{
	(void)state;
	assert_true(is_valid("{\"format\": \"email\"}", "\"not an address\""));
}

static void unknown_keywords_are_ignored(void **state)
{
	(void)state;
	assert_true(is_valid("{\"x-widget\": {\"type\": 1}, \"title\": \"T\"}", "1"));
}

static void contains_counts_matches(void **state)
{
	(void)state;
	assert_true(is_valid("{\"contains\": {\"const\": 1}}", "[0, 1]"));
	assert_first_error("{\"contains\": {\"const\": 1}}", "[0]", "/contains", "",
			   "array has no item that matches the \"contains\" schema");
	assert_false(is_valid("{\"contains\": {\"const\": 1}, \"maxContains\": 1}", "[1, 1]"));
}

static void unevaluated_properties_see_through_ref(void **state)
{
	const char *schema = "{\"$defs\": {\"base\": {\"properties\": {\"a\": true}}},"
			     " \"$ref\": \"#/$defs/base\", \"unevaluatedProperties\": false}";

	(void)state;
	assert_true(is_valid(schema, "{\"a\": 1}"));
	assert_first_error(schema, "{\"a\": 1, \"b\": 2}", "/unevaluatedProperties", "",
			   "property \"b\" is not allowed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(type_accepts_integer_valued_real),
		cmocka_unit_test(type_names_expected_and_actual),
		cmocka_unit_test(properties_validate_present_members),
		cmocka_unit_test(required_names_missing_property),
		cmocka_unit_test(additional_properties_false_names_property),
		cmocka_unit_test(additional_properties_schema_applies),
		cmocka_unit_test(pattern_properties_apply_to_matches),
		cmocka_unit_test(items_follow_prefix_items),
		cmocka_unit_test(items_false_limits_length),
		cmocka_unit_test(enum_names_rejected_value),
		cmocka_unit_test(const_compares_numbers_by_value),
		cmocka_unit_test(pattern_searches_without_anchors),
		cmocka_unit_test(pattern_digit_class_is_ascii),
		cmocka_unit_test(pattern_dollar_ignores_final_newline),
		cmocka_unit_test(length_counts_code_points),
		cmocka_unit_test(numeric_bounds_apply),
		cmocka_unit_test(multiple_of_tolerates_decimal_fractions),
		cmocka_unit_test(item_counts_apply),
		cmocka_unit_test(unique_items_compare_by_value),
		cmocka_unit_test(property_counts_apply),
		cmocka_unit_test(dependent_required_names_trigger),
		cmocka_unit_test(property_names_check_each_name),
		cmocka_unit_test(boolean_schemas_accept_and_reject),
		cmocka_unit_test(combinators_combine),
		cmocka_unit_test(if_selects_then_or_else),
		cmocka_unit_test(format_is_only_an_annotation),
		cmocka_unit_test(unknown_keywords_are_ignored),
		cmocka_unit_test(contains_counts_matches),
		cmocka_unit_test(unevaluated_properties_see_through_ref),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
