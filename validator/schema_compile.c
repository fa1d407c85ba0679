/* SPDX-License-Identifier: EUPL-1.2 */
/* Compiles a schema document into a tree of keyword nodes. Each node is
 * compiled once, keyed by the identity of its JSON value, so "$ref"
 * cycles close on nodes already built. */
#include "schema_internal.h"

#include <string.h>

#include "onlyonce/alloc.h"

/* The keywords the engine evaluates, in evaluation order, with the
 * vocabulary each belongs to: "properties" and "patternProperties" come
 * before "additionalProperties", and "prefixItems" before "items",
 * because the later ones depend on them, and the "unevaluated" keywords
 * come last because they read the annotations of all the others.
 * Other keywords are ignored, as 2020-12 specifies for unknown keywords,
 * and so are keywords of a vocabulary the meta-schema does not list. */
#define V_APP VOCAB_APPLICATOR
#define V_VAL VOCAB_VALIDATION
static const struct {
	const char *name;
	keyword_kind kind;
	unsigned vocabulary;
} keyword_table[] = {
	{ "type", KW_TYPE, V_VAL }, { "$ref", KW_REF, VOCAB_CORE },
	{ "$dynamicRef", KW_DYNAMIC_REF, VOCAB_CORE },
	{ "enum", KW_ENUM, V_VAL }, { "const", KW_CONST, V_VAL },
	{ "multipleOf", KW_MULTIPLE_OF, V_VAL },
	{ "minimum", KW_MINIMUM, V_VAL }, { "maximum", KW_MAXIMUM, V_VAL },
	{ "exclusiveMinimum", KW_EXCLUSIVE_MINIMUM, V_VAL },
	{ "exclusiveMaximum", KW_EXCLUSIVE_MAXIMUM, V_VAL },
	{ "minLength", KW_MIN_LENGTH, V_VAL }, { "maxLength", KW_MAX_LENGTH, V_VAL },
	{ "pattern", KW_PATTERN, V_VAL }, { "format", KW_FORMAT, VOCAB_FORMAT_ANNOTATION },
	{ "minItems", KW_MIN_ITEMS, V_VAL },
	{ "maxItems", KW_MAX_ITEMS, V_VAL }, { "uniqueItems", KW_UNIQUE_ITEMS, V_VAL },
	{ "minProperties", KW_MIN_PROPERTIES, V_VAL },
	{ "maxProperties", KW_MAX_PROPERTIES, V_VAL },
	{ "required", KW_REQUIRED, V_VAL },
	{ "dependentRequired", KW_DEPENDENT_REQUIRED, V_VAL },
	{ "properties", KW_PROPERTIES, V_APP },
	{ "patternProperties", KW_PATTERN_PROPERTIES, V_APP },
	{ "additionalProperties", KW_ADDITIONAL_PROPERTIES, V_APP },
	{ "propertyNames", KW_PROPERTY_NAMES, V_APP },
	{ "dependentSchemas", KW_DEPENDENT_SCHEMAS, V_APP },
	{ "prefixItems", KW_PREFIX_ITEMS, V_APP }, { "items", KW_ITEMS, V_APP },
	{ "contains", KW_CONTAINS, V_APP }, { "allOf", KW_ALL_OF, V_APP },
	{ "anyOf", KW_ANY_OF, V_APP }, { "oneOf", KW_ONE_OF, V_APP },
	{ "not", KW_NOT, V_APP }, { "if", KW_IF, V_APP },
	{ "unevaluatedItems", KW_UNEVALUATED_ITEMS, VOCAB_UNEVALUATED },
	{ "unevaluatedProperties", KW_UNEVALUATED_PROPERTIES, VOCAB_UNEVALUATED },
};

#define KEYWORD_TABLE_SIZE (sizeof(keyword_table) / sizeof(keyword_table[0]))

#define OBJECTS (1u << OV_OBJECT)
#define ARRAYS (1u << OV_ARRAY)

/* Returns the OV_* bits of the instances keyword kind can reject or
 * annotate: the others pass it unchecked, so validation skips it. */
static unsigned instance_types(keyword_kind kind)
{
	switch (kind) {
	case KW_MULTIPLE_OF: case KW_MINIMUM: case KW_MAXIMUM:
	case KW_EXCLUSIVE_MINIMUM: case KW_EXCLUSIVE_MAXIMUM:
		return (1u << OV_INTEGER) | (1u << OV_REAL);
	case KW_FORMAT: case KW_MIN_LENGTH: case KW_MAX_LENGTH: case KW_PATTERN:
		return 1u << OV_STRING;
	case KW_MIN_ITEMS: case KW_MAX_ITEMS: case KW_UNIQUE_ITEMS: case KW_PREFIX_ITEMS:
	case KW_ITEMS: case KW_CONTAINS: case KW_UNEVALUATED_ITEMS:
		return ARRAYS;
	case KW_MIN_PROPERTIES: case KW_MAX_PROPERTIES: case KW_REQUIRED:
	case KW_DEPENDENT_REQUIRED: case KW_PROPERTIES: case KW_PATTERN_PROPERTIES:
	case KW_ADDITIONAL_PROPERTIES: case KW_PROPERTY_NAMES: case KW_DEPENDENT_SCHEMAS:
	case KW_UNEVALUATED_PROPERTIES:
		return OBJECTS;
	default:
		return ~0u;
	}
}

static oo_status add_node(oo_schema *s, schema_node *node)
{
	if (s->node_count == s->node_cap) {
		size_t cap = s->node_cap ? s->node_cap * 2 : 32;
		schema_node **grown = oo_realloc(s->nodes, cap * sizeof(*grown));

		if (!grown)
			return OO_ENOMEM;
		s->nodes = grown;
		s->node_cap = cap;
	}
	s->nodes[s->node_count++] = node;
	return OO_OK;
}

static oo_status new_node(compile_ctx *ctx, schema_resource *resource,
			  const char *pointer, schema_node **out)
{
	schema_node *node = oo_calloc(1, sizeof(*node));

	if (!node || !(node->pointer = oo_strdup(pointer))) {
		oo_free(node);
		return oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	}
	node->boolean = -1;
	node->resource = resource;
	if (add_node(ctx->schema, node) != OO_OK) {
		oo_free(node->pointer);
		oo_free(node);
		return oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	}
	*out = node;
	return OO_OK;
}

/* Returns 1 when the keyword at table index i is evaluated under the
 * vocabularies in mask. "format" asserts only when the caller asks for it
 * or the meta-schema lists the format-assertion vocabulary, and only for
 * a format the engine knows. */
static int keyword_active(const compile_ctx *ctx, size_t i, unsigned mask, json_t *value)
{
	if (keyword_table[i].kind != KW_FORMAT)
		return (mask & keyword_table[i].vocabulary) != 0;
	if (!(mask & (VOCAB_FORMAT_ANNOTATION | VOCAB_FORMAT_ASSERTION)))
		return 0;
	if (!(mask & VOCAB_FORMAT_ASSERTION) && !(ctx->flags & OO_SCHEMA_ASSERT_FORMATS))
		return 0;
	return json_is_string(value) && oo_schema__format_find(json_string_value(value));
}

static oo_status compile_keywords(compile_ctx *ctx, schema_node *node, json_t *json)
{
	size_t i, count = 0;
	unsigned mask;
	oo_status rc = oo_schema__resource_vocabularies(ctx, node->resource, &mask);

	if (rc != OO_OK)
		return rc;
	for (i = 0; i < KEYWORD_TABLE_SIZE; i++)
		count += json_object_get(json, keyword_table[i].name) != NULL;
	node->keywords = oo_calloc(count ? count : 1, sizeof(*node->keywords));
	if (!node->keywords)
		return oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; rc == OO_OK && i < KEYWORD_TABLE_SIZE; i++) {
		json_t *value = json_object_get(json, keyword_table[i].name);
		keyword *kw = &node->keywords[node->keyword_count];

		if (!value || !keyword_active(ctx, i, mask, value))
			continue;
		kw->value = value;
		kw->kind = keyword_table[i].kind;
		kw->instance_types = instance_types(kw->kind);
		kw->object = json;
		if (kw->kind == KW_UNEVALUATED_ITEMS || kw->kind == KW_UNEVALUATED_PROPERTIES)
			ctx->schema->uses_unevaluated = 1;
		kw->name = keyword_table[i].name;
		node->keyword_count++;
		rc = oo_schema__compile_keyword(ctx, node, json, kw);
	}
	return rc;
}

oo_status oo_schema__compile_node(compile_ctx *ctx, json_t *json, schema_resource *resource,
		       const char *pointer, schema_node **out)
{
	char key[32];
	schema_location *loc;
	schema_node *node;
	oo_status rc;

	if (json_is_boolean(json)) {
		rc = new_node(ctx, resource, pointer, out);
		if (rc == OO_OK)
			(*out)->boolean = json_is_true(json);
		return rc;
	}
	if (!json_is_object(json))
		return oo_error_set(ctx->err, OO_ESCHEMA, NULL, 0, 0,
				    "invalid schema: the value at \"%s#%s\" must be an object or a boolean, got %s",
				    resource->uri, pointer, oo_schema__value_type_name(json));
	oo_schema__map_pointer_key(key, json);
	if ((*out = oo_schema__map_get(&ctx->compiled, key)))
		return OO_OK;
	if ((loc = oo_schema__map_get(&ctx->locations, key))) {
		resource = loc->resource;
		pointer = loc->pointer;
	}
	rc = new_node(ctx, resource, pointer, &node);
	if (rc == OO_OK && oo_schema__map_put(&ctx->compiled, key, node) != OO_OK)
		rc = oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc == OO_OK)
		rc = compile_keywords(ctx, node, json);
	*out = node;
	return rc;
}

static void resource_free(schema_resource *res)
{
	oo_schema__map_clear(&res->dynamic_anchors);
	oo_schema__map_clear(&res->dynamic_json);
	oo_free(res->uri);
	oo_free(res);
}

void oo_schema_free(oo_schema *schema)
{
	size_t i, k;

	if (!schema)
		return;
	for (i = 0; i < schema->node_count; i++) {
		schema_node *node = schema->nodes[i];

		for (k = 0; k < node->keyword_count; k++)
			oo_schema__keyword_release(&node->keywords[k]);
		oo_free(node->keywords);
		oo_free(node->pointer);
		oo_free(node);
	}
	for (i = 0; i < schema->resource_count; i++)
		resource_free(schema->resources[i]);
	for (i = 0; i < schema->document_count; i++)
		json_decref(schema->documents[i]);
	pcre2_match_context_free(schema->match_context);
	oo_schema__arena_free(&schema->arena);
	oo_free(schema->nodes);
	oo_free(schema->resources);
	oo_free(schema->documents);
	oo_free(schema);
}

/* Compiles the "$dynamicAnchor" subschemas of every resource, so that
 * "$dynamicRef" finds compiled nodes at validation time. Compiling one
 * may index more registry documents, hence the loop to a fixed point. */
static oo_status compile_dynamic_anchors(compile_ctx *ctx)
{
	oo_schema *s = ctx->schema;
	size_t r, i;
	oo_status rc = OO_OK;

	for (r = 0; rc == OO_OK && r < s->resource_count; r++) {
		schema_resource *res = s->resources[r];

		for (i = 0; rc == OO_OK && i < res->dynamic_json.cap; i++) {
			map_entry *e = &res->dynamic_json.entries[i];
			schema_node *node;

			if (!e->key || oo_schema__map_get(&res->dynamic_anchors, e->key))
				continue;
			rc = oo_schema__compile_node(ctx, e->value, res, "", &node);
			if (rc == OO_OK && oo_schema__map_put(&res->dynamic_anchors, e->key, node) != OO_OK)
				rc = oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
		}
	}
	return rc;
}

static oo_status compile_root(compile_ctx *ctx, json_t *json, const char *base)
{
	schema_resource *res;
	oo_status rc;

	rc = oo_schema__index_document(ctx, json, base);
	if (rc != OO_OK)
		return rc == OO_ENOMEM ? oo_error_set(ctx->err, rc, NULL, 0, 0, "out of memory") : rc;
	res = oo_schema__map_get(&ctx->resources, base);
	rc = oo_schema__compile_node(ctx, json, res, "", &ctx->schema->root);
	if (rc == OO_OK)
		rc = compile_dynamic_anchors(ctx);
	return rc;
}

oo_status oo_schema_compile_with(oo_schema **out, json_t *schema,
				 const oo_schema_options *options, oo_error *err)
{
	compile_ctx ctx;
	oo_status rc;

	*out = NULL;
	memset(&ctx, 0, sizeof(ctx));
	ctx.err = err;
	ctx.registry = options ? options->registry : NULL;
	ctx.flags = options ? options->flags : 0;
	ctx.schema = oo_calloc(1, sizeof(*ctx.schema));
	if (!ctx.schema)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	ctx.schema->match_context = pcre2_match_context_create(NULL);
	if (!ctx.schema->match_context) {
		rc = oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	pcre2_set_match_limit(ctx.schema->match_context, OO_SCHEMA_MATCH_LIMIT);
	pcre2_set_depth_limit(ctx.schema->match_context, OO_SCHEMA_DEPTH_LIMIT);
	rc = compile_root(&ctx, schema,
			  options && options->base_uri ? options->base_uri : "");
done:
	oo_schema__index_ctx_clear(&ctx);
	if (rc != OO_OK) {
		oo_schema_free(ctx.schema);
		return rc;
	}
	*out = ctx.schema;
	return OO_OK;
}

oo_status oo_schema_compile(oo_schema **out, json_t *schema, oo_error *err)
{
	return oo_schema_compile_with(out, schema, NULL, err);
}
