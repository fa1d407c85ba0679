/* SPDX-License-Identifier: EUPL-1.2 */
/* A JSON Schema draft 2020-12 engine: compile a schema (a jansson value)
 * once, validate many instances against it, given as jansson values or as
 * JSON text. */
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

/* Parses the JSON text (len bytes, not necessarily NUL-terminated) and
 * validates it like oo_schema_validate, without building jansson values:
 * the faster entry point for text that is read anyway. Any JSON value may
 * be the top level, strings may contain NUL, and integers beyond 64 bits
 * are read as doubles. Fails with OO_EPARSE (line and byte column in err)
 * when text is not JSON or names a member twice, and with OO_ELIMIT when
 * arrays and objects nest deeper than OO_JSON_MAX_DEPTH (onlyonce/json.h).
 * *result is cleared on failure. */
oo_status oo_schema_validate_text(const oo_schema *schema, const char *text, size_t len,
				  oo_schema_result *result, oo_error *err);

void oo_schema_result_clear(oo_schema_result *result);
void oo_schema_free(oo_schema *schema);

/* A set of schema documents known by URI, so that "$ref" and "$schema" can
 * name other schemas without any network access. */
typedef struct oo_schema_registry oo_schema_registry;

/* Creates an empty registry. Caller frees with oo_schema_registry_free. */
oo_status oo_schema_registry_new(oo_schema_registry **out, oo_error *err);

/* Adds document (borrowed; the registry keeps its own reference) under
 * uri, an absolute URI without a fragment. A later add of the same uri
 * replaces the earlier document. */
oo_status oo_schema_registry_add(oo_schema_registry *registry, const char *uri,
				 json_t *document, oo_error *err);

void oo_schema_registry_free(oo_schema_registry *registry);

/* Reads the schema document at path (at most OO_FILE_MAX_SIZE bytes) and
 * adds it under its "file://" URI and, when it has one, under its "$id",
 * so that "$ref" can name it either way. Nothing is fetched from the
 * network: a URI that no added document has stays unresolved. */
oo_status oo_schema_registry_add_file(oo_schema_registry *registry, const char *path,
				      oo_error *err);

typedef struct {
	/* The URI the schema was retrieved from, the base for its relative
	 * "$id" and "$ref" values and for absolute_keyword_location; NULL
	 * when unknown. */
	const char *base_uri;
	/* Documents for "$ref" to other URIs, or NULL. Borrowed during
	 * compilation only: the compiled schema keeps references to the
	 * documents it uses. */
	const oo_schema_registry *registry;
	/* OO_SCHEMA_* flags, 0 for none. */
	unsigned flags;
} oo_schema_options;

/* Makes "format" an assertion for the formats the engine knows (see
 * oo_schema_format_check). Without it "format" is an annotation only, as
 * 2020-12 specifies by default, unless the schema's meta-schema lists the
 * format-assertion vocabulary. */
#define OO_SCHEMA_ASSERT_FORMATS 1u

/* Compiles schema like oo_schema_compile, with options (NULL for none).
 * A "$ref" to a URI that is neither in schema nor in the registry fails
 * with OO_ESCHEMA. */
oo_status oo_schema_compile_with(oo_schema **out, json_t *schema,
				 const oo_schema_options *options,
				 oo_error *err);

/* Reads, parses and compiles the schema at path, with its "file://" URI
 * as the base URI and registry (borrowed, may be NULL) for "$ref" to other
 * documents; flags are OO_SCHEMA_* flags. Caller frees with oo_schema_free. */
oo_status oo_schema_compile_file(oo_schema **out, const char *path,
				 const oo_schema_registry *registry, unsigned flags,
				 oo_error *err);

/* Builds the 2020-12 "basic" output unit of result:
 * {"valid": bool, "errors": [{"keywordLocation", "absoluteKeywordLocation"
 * (when known), "instanceLocation", "error"}]}. Caller owns *out. */
oo_status oo_schema_result_to_json(json_t **out, const oo_schema_result *result,
				   oo_error *err);

/* Checks value (len bytes, may contain NUL) against the named format:
 * returns 1 when it conforms, 0 when not, and -1 when the engine does not
 * know the format. The formats are those of 2020-12 (date, date-time,
 * time, duration, email, idn-email, hostname, idn-hostname, ipv4, ipv6,
 * uri, uri-reference, iri, iri-reference, uri-template, uuid, regex,
 * json-pointer, relative-json-pointer) and the Belgian identifiers
 * "be-enterprise-number", "be-establishment-number", "be-insz",
 * "be-iban" and "be-postcode". */
int oo_schema_format_check(const char *format, const char *value, size_t len);

#endif
