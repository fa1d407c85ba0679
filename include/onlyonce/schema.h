/* SPDX-License-Identifier: EUPL-1.2 */
/* A JSON Schema draft 2020-12 engine on jansson: compile a schema once,
 * validate many instances against it. */
#ifndef ONLYONCE_SCHEMA_H
#define ONLYONCE_SCHEMA_H

#include <stddef.h>

#include <jansson.h>

#include "onlyonce/status.h"

typedef struct oo_schema oo_schema;

/* Compiles schema (borrowed; the compiled form keeps its own reference).
 * Fails with OO_ESCHEMA naming the keyword and its location when the schema
 * is invalid. Caller frees with oo_schema_free. */
oo_status oo_schema_compile(oo_schema **out, json_t *schema, oo_error *err);

/* One validation error, in the terms of the 2020-12 "basic" output format. */
typedef struct {
	char *keyword_location;          /* "/properties/fields/items/required" */
	char *absolute_keyword_location; /* "$id" URI + "#" + pointer, or NULL */
	char *instance_location;         /* JSON Pointer into the instance */
	char *message;                   /* English, naming the value */
} oo_schema_error;

typedef struct {
	int valid;
	oo_schema_error *errors;
	size_t error_count;
} oo_schema_result;

/* Validates instance against schema and fills *result (caller frees with
 * oo_schema_result_clear). Returns OO_OK whether or not the instance is
 * valid; a negative status only for failures such as out of memory. */
oo_status oo_schema_validate(const oo_schema *schema, json_t *instance,
			     oo_schema_result *result, oo_error *err);

void oo_schema_result_clear(oo_schema_result *result);
void oo_schema_free(oo_schema *schema);

#endif
