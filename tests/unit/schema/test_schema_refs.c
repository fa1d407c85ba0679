/* SPDX-License-Identifier: EUPL-1.2 */
/* Reference resolution: JSON Pointers, anchors, "$id" bases, recursion,
 * the registry and "$dynamicRef". */
#include "schema_test_util.h"

#include "onlyonce/alloc.h"

static void ref_follows_local_pointer(void **state)
{
	const char *schema = "{\"$defs\": {\"postcode\": {\"pattern\": \"^[0-9]{4}$\"}},"
			     " \"properties\": {\"zip\": {\"$ref\": \"#/$defs/postcode\"}}}";

	(void)state;
	assert_true(is_valid(schema, "{\"zip\": \"9000\"}"));
	assert_first_error(schema, "{\"zip\": \"90\"}", "/properties/zip/$ref/pattern", "/zip",
			   "value \"90\" does not match the pattern \"^[0-9]{4}$\"");
}

static void ref_decodes_escaped_pointer(void **state)
{
	const char *schema = "{\"$defs\": {\"a/b\": {\"type\": \"integer\"},"
			     " \"c d\": {\"type\": \"string\"}},"
			     " \"allOf\": [{\"$ref\": \"#/$defs/a~1b\"}, {\"$ref\": \"#/$defs/c%20d\"}]}";

	(void)state;
	assert_false(is_valid(schema, "1"));
	assert_false(is_valid(schema, "\"x\""));
	assert_true(is_valid("{\"$defs\": {\"a/b\": {\"type\": \"integer\"}},"
			     " \"$ref\": \"#/$defs/a~1b\"}", "1"));
}

static void ref_finds_anchor(void **state)
{
	const char *schema = "{\"$defs\": {\"x\": {\"$anchor\": \"name\", \"type\": \"string\"}},"
			     " \"$ref\": \"#name\"}";

	(void)state;
	assert_true(is_valid(schema, "\"a\""));
	assert_false(is_valid(schema, "1"));
}

static void ref_resolves_against_id(void **state)
{
	const char *text = "{\"$id\": \"https://example.org/forms/root.json\","
			   " \"$defs\": {\"item\": {\"$id\": \"item.json\", \"type\": \"integer\"}},"
			   " \"properties\": {\"n\": {\"$ref\": \"item.json\"}}}";
	oo_schema_result result;

	(void)state;
	validate_text(text, "{\"n\": \"x\"}", &result);
	assert_false(result.valid);
	assert_int_equal(result.error_count, 1);
	assert_string_equal(result.errors[0].keyword_location, "/properties/n/$ref/type");
	assert_string_equal(result.errors[0].absolute_keyword_location,
			    "https://example.org/forms/item.json#/type");
	assert_string_equal(result.errors[0].instance_location, "/n");
	oo_schema_result_clear(&result);
}

static void ref_allows_recursion(void **state)
{
	const char *schema = "{\"type\": \"object\", \"properties\": {\"value\": {\"type\": \"integer\"},"
			     " \"children\": {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}}}";

	(void)state;
	assert_true(is_valid(schema, "{\"value\": 1, \"children\": [{\"value\": 2, \"children\": []}]}"));
	assert_first_error(schema, "{\"children\": [{\"children\": [{\"value\": \"x\"}]}]}",
			   "/properties/children/items/$ref/properties/children/items/$ref/properties/value/type",
			   "/children/0/children/0/value", "expected integer, got string");
}

static void ref_cycle_without_progress_hits_limit(void **state)
{
	json_t *json = parse_json("{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"},"
				  " \"b\": {\"$ref\": \"#/$defs/a\"}}, \"$ref\": \"#/$defs/a\"}");
	json_t *instance = json_integer(1);
	oo_schema *schema = NULL;
	oo_schema_result result;
	oo_error err;

	(void)state;
	assert_int_equal(oo_schema_compile(&schema, json, &err), OO_OK);
	assert_int_equal(oo_schema_validate(schema, instance, &result, &err), OO_ELIMIT);
	assert_non_null(strstr(err.message, "deeper than the limit of 512"));
	assert_int_equal(result.error_count, 0);
	oo_schema_result_clear(&result);
	oo_schema_free(schema);
	json_decref(instance);
	json_decref(json);
}

static void ref_to_unknown_uri_fails_compile(void **state)
{
	oo_error err;

	(void)state;
	assert_int_equal(compile_status("{\"$ref\": \"#/$defs/missing\"}", &err), OO_ESCHEMA);
	assert_string_equal(err.message, "invalid schema: \"$ref\" at \"#\" names "
			    "\"#/$defs/missing\", which was not found");
	assert_int_equal(compile_status("{\"$ref\": \"https://example.org/other.json\"}", &err),
			 OO_ESCHEMA);
}

static void ref_reaches_registry_document(void **state)
{
	json_t *remote = parse_json("{\"$defs\": {\"nr\": {\"type\": \"string\"}}}");
	json_t *json = parse_json("{\"$id\": \"https://example.org/a/form.json\","
				  " \"$ref\": \"../common.json#/$defs/nr\"}");
	json_t *instance = json_integer(5);
	oo_schema_registry *registry = NULL;
	oo_schema_options options = { NULL, NULL, 0 };
	oo_schema *schema = NULL;
	oo_schema_result result;
	oo_error err;

	(void)state;
	assert_int_equal(oo_schema_registry_new(&registry, &err), OO_OK);
	assert_int_equal(oo_schema_registry_add(registry, "https://example.org/common.json",
						remote, &err), OO_OK);
	options.registry = registry;
	assert_int_equal(oo_schema_compile_with(&schema, json, &options, &err), OO_OK);
	/* The compiled schema keeps what it needs after the registry is gone. */
	oo_schema_registry_free(registry);
	json_decref(remote);
	assert_int_equal(oo_schema_validate(schema, instance, &result, &err), OO_OK);
	assert_false(result.valid);
	assert_string_equal(result.errors[0].absolute_keyword_location,
			    "https://example.org/common.json#/$defs/nr/type");
	oo_schema_result_clear(&result);
	oo_schema_free(schema);
	json_decref(instance);
	json_decref(json);
}

static void registry_rejects_uri_with_fragment(void **state)
{
	oo_schema_registry *registry = NULL;
	json_t *doc = json_true();
	oo_error err;

	(void)state;
	assert_int_equal(oo_schema_registry_new(&registry, &err), OO_OK);
	assert_int_equal(oo_schema_registry_add(registry, "https://example.org/x#a", doc, &err),
			 OO_EINVAL);
	oo_schema_registry_free(registry);
}

static void dynamic_ref_takes_outermost_anchor(void **state)
{
	/* The generic list allows any item, and the outer resource narrows
	 * its items to strings through its own "$dynamicAnchor". */
	const char *schema = "{\"$id\": \"https://example.org/strings\", \"$ref\": \"list\","
			     " \"$defs\": {\"item\": {\"$dynamicAnchor\": \"item\", \"type\": \"string\"},"
			     "  \"list\": {\"$id\": \"list\", \"type\": \"array\","
			     "   \"items\": {\"$dynamicRef\": \"#item\"},"
			     "   \"$defs\": {\"any\": {\"$dynamicAnchor\": \"item\"}}}}}";

	(void)state;
	assert_true(is_valid(schema, "[\"a\", \"b\"]"));
	assert_first_error(schema, "[\"a\", 1]", "/$ref/items/$dynamicRef/type", "/1",
			   "expected string, got integer");
}

static void id_in_enum_is_not_identifier(void **state)
{
	const char *schema = "{\"$defs\": {\"a\": {\"enum\": [{\"$id\": \"https://example.org/x\","
			     " \"type\": \"null\"}]}}, \"anyOf\": [{\"$ref\": \"#/$defs/a\"},"
			     " {\"$ref\": \"https://example.org/x\"}]}";
	oo_error err;

	(void)state;
	assert_int_equal(compile_status(schema, &err), OO_ESCHEMA);
}

static void compile_survives_allocation_failures(void **state)
{
	const char *text = "{\"$id\": \"https://example.org/s\", \"$defs\": {\"x\": {\"$anchor\": \"x\","
			   " \"type\": \"string\", \"pattern\": \"^a\"}}, \"properties\":"
			   " {\"a\": {\"$ref\": \"#x\"}, \"b\": {\"anyOf\": [{\"minimum\": 1}, false]}},"
			   " \"unevaluatedProperties\": false, \"required\": [\"c\"]}";
	json_t *json = parse_json(text);
	json_t *instance = parse_json("{\"a\": \"b\", \"b\": 0, \"d\": 1}");
	oo_schema_result result;
	oo_schema *schema;
	oo_status rc;
	oo_error err;
	unsigned long n;

	(void)state;
	for (n = 1; n < 400; n++) {
		schema = NULL;
		oo_alloc_fail_after(n, 1);
		rc = oo_schema_compile(&schema, json, &err);
		if (rc == OO_OK)
			rc = oo_schema_validate(schema, instance, &result, &err);
		oo_alloc_fail_after(0, 0);
		if (rc != OO_OK && rc != OO_ENOMEM)
			print_error("allocation %lu: %s\n", n, err.message);
		assert_true(rc == OO_OK || rc == OO_ENOMEM);
		if (rc == OO_OK) {
			assert_int_equal(result.error_count, 6);
			oo_schema_result_clear(&result);
		}
		oo_schema_free(schema);
	}
	json_decref(instance);
	json_decref(json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ref_follows_local_pointer),
		cmocka_unit_test(ref_decodes_escaped_pointer),
		cmocka_unit_test(ref_finds_anchor),
		cmocka_unit_test(ref_resolves_against_id),
		cmocka_unit_test(ref_allows_recursion),
		cmocka_unit_test(ref_cycle_without_progress_hits_limit),
		cmocka_unit_test(ref_to_unknown_uri_fails_compile),
		cmocka_unit_test(ref_reaches_registry_document),
		cmocka_unit_test(registry_rejects_uri_with_fragment),
		cmocka_unit_test(dynamic_ref_takes_outermost_anchor),
		cmocka_unit_test(id_in_enum_is_not_identifier),
		cmocka_unit_test(compile_survives_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
