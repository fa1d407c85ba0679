/* SPDX-License-Identifier: EUPL-1.2 */
/* Helpers shared by the schema unit tests: compile a schema and validate
 * an instance, both given as JSON text. */
#ifndef SCHEMA_TEST_UTIL_H
#define SCHEMA_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "onlyonce/schema.h"

static inline json_t *parse_json(const char *text)
{
	json_error_t error;
	json_t *json = json_loads(text, JSON_DECODE_ANY, &error);

	if (!json)
		print_error("invalid test JSON: %s in %s\n", error.text, text);
	assert_non_null(json);
	return json;
}

static inline oo_schema *compile_text(const char *text)
{
	json_t *json = parse_json(text);
	oo_schema *schema = NULL;
	oo_error err;

	if (oo_schema_compile(&schema, json, &err) != OO_OK)
		print_error("compile failed: %s\n", err.message);
	assert_non_null(schema);
	json_decref(json);
	return schema;
}

/* Validates instance_text against schema_text; the caller clears *result. */
static inline void validate_text(const char *schema_text, const char *instance_text,
			  oo_schema_result *result)
{
	oo_schema *schema = compile_text(schema_text);
	json_t *instance = parse_json(instance_text);
	oo_error err;

	assert_int_equal(oo_schema_validate(schema, instance, result, &err), OO_OK);
	json_decref(instance);
	oo_schema_free(schema);
}

static inline int is_valid(const char *schema_text, const char *instance_text)
{
	oo_schema_result result;
	int valid;

	validate_text(schema_text, instance_text, &result);
	valid = result.valid;
	assert_true(valid ? result.error_count == 0 : result.error_count > 0);
	oo_schema_result_clear(&result);
	return valid;
}

/* Checks that the only error, or the first, has these locations and message. */
static inline void assert_first_error(const char *schema_text, const char *instance_text,
			       const char *keyword_location, const char *instance_location,
			       const char *message)
{
	oo_schema_result result;

	validate_text(schema_text, instance_text, &result);
	assert_false(result.valid);
	assert_true(result.error_count >= 1);
	assert_string_equal(result.errors[0].keyword_location, keyword_location);
	assert_string_equal(result.errors[0].instance_location, instance_location);
	assert_string_equal(result.errors[0].message, message);
	oo_schema_result_clear(&result);
}

static inline oo_status compile_status(const char *text, oo_error *err)
{
	json_t *json = parse_json(text);
	oo_schema *schema = NULL;
	oo_status rc = oo_schema_compile(&schema, json, err);

	oo_schema_free(schema);
	json_decref(json);
	return rc;
}

#endif
