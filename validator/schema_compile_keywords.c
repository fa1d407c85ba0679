/* SPDX-License-Identifier: EUPL-1.2 */
/* Compiles the value of each keyword, checking it against what the
 * 2020-12 specification allows for that keyword. */
#include "schema_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"

static oo_status invalid(compile_ctx *ctx, const schema_node *node, const keyword *kw,
			 const char *expected)
{
	char got[OO_SCHEMA_QUOTE_BUF];

	oo_schema__value_quote(got, kw->value);
	return oo_error_set(ctx->err, OO_ESCHEMA, NULL, 0, 0,
			    "invalid schema: \"%s\" at \"%s#%s\" must be %s, got %s",
			    kw->name, node->resource->uri, node->pointer, expected, got);
}

static oo_status no_memory(compile_ctx *ctx)
{
	return oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
}

/* Compiles the subschema value at keyword/token below node. */
static oo_status compile_sub(compile_ctx *ctx, const schema_node *node, const char *kw,
			     const char *token, json_t *json, schema_node **out)
{
	oo_buf pointer = OO_BUF_INIT;
	oo_status rc;

	oo_buf_puts(&pointer, node->pointer);
	oo_schema__pointer_put_token(&pointer, kw);
	if (token)
		oo_schema__pointer_put_token(&pointer, token);
	if (pointer.failed)
		rc = no_memory(ctx);
	else
		rc = oo_schema__compile_node(ctx, json, node->resource, pointer.data, out);
	oo_buf_free(&pointer);
	return rc;
}

static oo_status alloc_subs(compile_ctx *ctx, keyword *kw, size_t count, int keys)
{
	kw->subs = oo_calloc(count, sizeof(*kw->subs));
	if (keys)
		kw->keys = oo_calloc(count, sizeof(*kw->keys));
	if (!kw->subs || (keys && !kw->keys))
		return no_memory(ctx);
	return OO_OK;
}

/* Stores the length and hash of each key, and for "properties" a hash
 * table from names to key indexes, so that validation finds a member
 * without comparing strings. */
static oo_status index_keys(compile_ctx *ctx, keyword *kw)
{
	size_t i, size = 8;

	kw->key_lens = oo_calloc(kw->count ? kw->count : 1, sizeof(*kw->key_lens));
	kw->hashes = oo_calloc(kw->count ? kw->count : 1, sizeof(*kw->hashes));
	if (!kw->key_lens || !kw->hashes)
		return no_memory(ctx);
	for (i = 0; i < kw->count; i++) {
		kw->key_lens[i] = (uint32_t)strlen(kw->keys[i]);
		kw->hashes[i] = oo_schema__hash(kw->keys[i], kw->key_lens[i]);
	}
	if (kw->kind != KW_PROPERTIES)
		return OO_OK;
	while (size < 2 * kw->count)
		size *= 2;
	kw->table = oo_calloc(size, sizeof(*kw->table));
	if (!kw->table)
		return no_memory(ctx);
	kw->table_mask = (uint32_t)(size - 1);
	for (i = 0; i < kw->count; i++) {
		uint32_t slot = kw->hashes[i] & kw->table_mask;

		while (kw->table[slot])
			slot = (slot + 1) & kw->table_mask;
		kw->table[slot] = (uint32_t)i + 1;
	}
	return OO_OK;
}

/* Builds the model of the keyword's value, for "enum", "const" and the
 * number keywords, in the schema's arena. */
static oo_status model_value(compile_ctx *ctx, keyword *kw)
{
	ovalue *model = oo_schema__arena_alloc(&ctx->schema->arena, sizeof(*model));
	oo_status rc = model ? oo_schema__model_from_json(model, kw->value, &ctx->schema->arena)
			     : OO_ENOMEM;

	if (rc == OO_ENOMEM)
		return no_memory(ctx);
	if (rc != OO_OK)
		return oo_error_set(ctx->err, rc, NULL, 0, 0,
				    "the value of \"%s\" nests deeper than the limit of %d levels",
				    kw->name, OO_SCHEMA_MAX_EVAL_DEPTH);
	kw->model = model;
	return OO_OK;
}

static oo_status compile_array(compile_ctx *ctx, schema_node *node, keyword *kw)
{
	char index[24];
	size_t i, n = json_array_size(kw->value);
	oo_status rc;

	if (!json_is_array(kw->value) || n == 0)
		return invalid(ctx, node, kw, "a non-empty array of schemas");
	rc = alloc_subs(ctx, kw, n, 0);
	for (i = 0; rc == OO_OK && i < n; i++) {
		snprintf(index, sizeof(index), "%zu", i);
		rc = compile_sub(ctx, node, kw->name, index, json_array_get(kw->value, i),
				 &kw->subs[i]);
		kw->count = i + 1;
	}
	return rc;
}

static oo_status compile_map(compile_ctx *ctx, schema_node *node, keyword *kw)
{
	const char *key;
	json_t *sub;
	size_t n = json_object_size(kw->value);
	oo_status rc;

	if (!json_is_object(kw->value))
		return invalid(ctx, node, kw, "an object of schemas");
	rc = alloc_subs(ctx, kw, n, 1);
	if (rc == OO_OK && kw->kind == KW_PATTERN_PROPERTIES) {
		kw->regexes = oo_calloc(n, sizeof(*kw->regexes));
		if (!kw->regexes)
			rc = no_memory(ctx);
	}
	json_object_foreach(kw->value, key, sub) {
		if (rc != OO_OK)
			break;
		kw->keys[kw->count] = oo_strdup(key);
		kw->count++;
		if (!kw->keys[kw->count - 1])
			rc = no_memory(ctx);
		else
			rc = compile_sub(ctx, node, kw->name, key, sub, &kw->subs[kw->count - 1]);
		if (rc == OO_OK && kw->regexes) {
			json_t *pattern = json_string(key);

			rc = pattern ? oo_schema__compile_regex(ctx, pattern, key, &kw->regexes[kw->count - 1])
				     : no_memory(ctx);
			json_decref(pattern);
		}
	}
	return rc == OO_OK ? index_keys(ctx, kw) : rc;
}

static oo_status compile_single(compile_ctx *ctx, schema_node *node, keyword *kw)
{
	oo_status rc = alloc_subs(ctx, kw, 1, 0);

	if (rc == OO_OK)
		rc = compile_sub(ctx, node, kw->name, NULL, kw->value, &kw->subs[0]);
	if (rc == OO_OK)
		kw->count = 1;
	return rc;
}

static size_t count_limit(json_t *object, const char *name, size_t fallback)
{
	json_t *value = json_object_get(object, name);

	if (!oo_schema__value_is_integer(value) || json_number_value(value) < 0)
		return fallback;
	return (size_t)json_number_value(value);
}

/* "minContains" and "maxContains" only act together with "contains". */
static oo_status compile_contains(compile_ctx *ctx, schema_node *node, json_t *object,
				  keyword *kw)
{
	kw->min_contains = count_limit(object, "minContains", 1);
	kw->max_contains = count_limit(object, "maxContains", (size_t)-1);
	return compile_single(ctx, node, kw);
}

static const keyword *sibling(const schema_node *node, keyword_kind kind)
{
	size_t i;

	for (i = 0; i < node->keyword_count; i++) {
		if (node->keywords[i].kind == kind)
			return &node->keywords[i];
	}
	return NULL;
}

/* "then" and "else" are compiled with "if", because they depend on it.
 * Without "if" they do nothing, as the specification defines. */
static oo_status compile_if(compile_ctx *ctx, schema_node *node, json_t *object,
			    keyword *kw)
{
	json_t *then_json = json_object_get(object, "then");
	json_t *else_json = json_object_get(object, "else");
	oo_status rc = compile_single(ctx, node, kw);

	if (rc == OO_OK && then_json)
		rc = compile_sub(ctx, node, "then", NULL, then_json, &kw->then_node);
	if (rc == OO_OK && else_json)
		rc = compile_sub(ctx, node, "else", NULL, else_json, &kw->else_node);
	return rc;
}

/* Resolves the reference statically. For "$dynamicRef" whose target has
 * a matching "$dynamicAnchor", the anchor name is kept, so validation can
 * look for the outermost resource in the dynamic scope that defines it. */
static oo_status compile_ref(compile_ctx *ctx, schema_node *node, keyword *kw)
{
	char *target;
	json_t *json, *anchor;
	schema_location where;
	oo_status rc;

	if (!json_is_string(kw->value))
		return invalid(ctx, node, kw, "a URI reference string");
	target = oo_schema__uri_resolve(node->resource->uri, json_string_value(kw->value));
	if (!target)
		return no_memory(ctx);
	rc = oo_schema__index_resolve(ctx, target, &json, &where);
	if (rc == OO_ENOTFOUND)
		rc = oo_error_set(ctx->err, OO_ESCHEMA, NULL, 0, 0,
				  "invalid schema: \"%s\" at \"%s#%s\" names \"%s\", which was not found",
				  kw->name, node->resource->uri, node->pointer, target);
	else if (rc == OO_ENOMEM)
		rc = no_memory(ctx);
	if (rc == OO_OK)
		rc = alloc_subs(ctx, kw, 1, 0);
	if (rc == OO_OK)
		rc = oo_schema__compile_node(ctx, json, where.resource, where.pointer, &kw->subs[0]);
	if (rc == OO_OK)
		kw->count = 1;
	if (rc == OO_OK && kw->kind == KW_DYNAMIC_REF) {
		const char *fragment = strchr(target, '#');

		anchor = json_object_get(json, "$dynamicAnchor");
		if (fragment && json_is_string(anchor) &&
		    strcmp(json_string_value(anchor), fragment + 1) == 0 &&
		    !(kw->dynamic_anchor = oo_strdup(fragment + 1)))
			rc = no_memory(ctx);
	}
	oo_free(target);
	return rc;
}

static const struct {
	const char *name;
	unsigned bit;
} type_names[] = {
	{ "null", TYPE_NULL }, { "boolean", TYPE_BOOLEAN }, { "object", TYPE_OBJECT },
	{ "array", TYPE_ARRAY }, { "number", TYPE_NUMBER }, { "string", TYPE_STRING },
	{ "integer", TYPE_INTEGER },
};

static unsigned type_bit(json_t *name)
{
	size_t i;

	for (i = 0; json_is_string(name) && i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		if (strcmp(json_string_value(name), type_names[i].name) == 0)
			return type_names[i].bit;
	}
	return 0;
}

static oo_status compile_type(compile_ctx *ctx, schema_node *node, keyword *kw)
{
	const char *expected = "a type name or an array of type names";
	size_t i;
	unsigned bit;

	if (json_is_string(kw->value)) {
		kw->types = type_bit(kw->value);
		return kw->types ? OO_OK : invalid(ctx, node, kw, expected);
	}
	if (!json_is_array(kw->value))
		return invalid(ctx, node, kw, expected);
	for (i = 0; i < json_array_size(kw->value); i++) {
		bit = type_bit(json_array_get(kw->value, i));
		if (!bit)
			return invalid(ctx, node, kw, expected);
		kw->types |= bit;
	}
	return OO_OK;
}

static oo_status compile_count(compile_ctx *ctx, schema_node *node, keyword *kw)
{
	if (!oo_schema__value_is_integer(kw->value) || json_number_value(kw->value) < 0)
		return invalid(ctx, node, kw, "a non-negative integer");
	kw->limit = json_is_integer(kw->value) ? (size_t)json_integer_value(kw->value)
					       : (size_t)json_real_value(kw->value);
	return OO_OK;
}

static int is_string_array(json_t *value)
{
	size_t i;

	if (!json_is_array(value))
		return 0;
	for (i = 0; i < json_array_size(value); i++) {
		if (!json_is_string(json_array_get(value, i)))
			return 0;
	}
	return 1;
}

static oo_status compile_dependent_required(compile_ctx *ctx, schema_node *node,
					    keyword *kw)
{
	const char *key;
	json_t *names;

	if (!json_is_object(kw->value))
		return invalid(ctx, node, kw, "an object of string arrays");
	json_object_foreach(kw->value, key, names) {
		if (!is_string_array(names))
			return invalid(ctx, node, kw, "an object of string arrays");
	}
	return OO_OK;
}

/* Keeps the names of "required" with their lengths, which may count a
 * NUL, and hashes. */
static oo_status compile_required(compile_ctx *ctx, keyword *kw)
{
	size_t i, n = json_array_size(kw->value);

	if (alloc_subs(ctx, kw, n ? n : 1, 1) != OO_OK)
		return OO_ENOMEM;
	kw->key_lens = oo_calloc(n ? n : 1, sizeof(*kw->key_lens));
	kw->hashes = oo_calloc(n ? n : 1, sizeof(*kw->hashes));
	if (!kw->key_lens || !kw->hashes)
		return no_memory(ctx);
	for (i = 0; i < n; i++) {
		json_t *name = json_array_get(kw->value, i);

		kw->keys[i] = oo_strndup(json_string_value(name), json_string_length(name));
		if (!kw->keys[i])
			return no_memory(ctx);
		kw->count = i + 1;
		kw->key_lens[i] = (uint32_t)json_string_length(name);
		kw->hashes[i] = oo_schema__hash(kw->keys[i], kw->key_lens[i]);
	}
	return OO_OK;
}

static oo_status compile_value(compile_ctx *ctx, schema_node *node, keyword *kw)
{
	switch (kw->kind) {
	case KW_ENUM:
		return json_is_array(kw->value) ? model_value(ctx, kw)
						: invalid(ctx, node, kw, "an array");
	case KW_MULTIPLE_OF:
		if (!json_is_number(kw->value) || json_number_value(kw->value) <= 0)
			return invalid(ctx, node, kw, "a number greater than 0");
		return model_value(ctx, kw);
	case KW_MINIMUM: case KW_MAXIMUM:
	case KW_EXCLUSIVE_MINIMUM: case KW_EXCLUSIVE_MAXIMUM:
		return json_is_number(kw->value) ? model_value(ctx, kw)
						 : invalid(ctx, node, kw, "a number");
	case KW_UNIQUE_ITEMS:
		return json_is_boolean(kw->value) ? OO_OK : invalid(ctx, node, kw, "a boolean");
	case KW_REQUIRED:
		return is_string_array(kw->value) ? compile_required(ctx, kw)
						  : invalid(ctx, node, kw, "an array of strings");
	case KW_CONST:
		return model_value(ctx, kw);
	case KW_FORMAT:
		kw->format = oo_schema__format_find(json_string_value(kw->value));
		return OO_OK;
	case KW_PATTERN:
		if (!json_is_string(kw->value))
			return invalid(ctx, node, kw, "a string");
		kw->regexes = oo_calloc(1, sizeof(*kw->regexes));
		if (!kw->regexes)
			return no_memory(ctx);
		kw->count = 1;
		return oo_schema__compile_regex(ctx, kw->value, node->pointer, &kw->regexes[0]);
	default:
		return OO_OK;
	}
}

oo_status oo_schema__compile_keyword(compile_ctx *ctx, schema_node *node, json_t *object,
			  keyword *kw)
{
	kw->properties = sibling(node, KW_PROPERTIES);
	kw->pattern_properties = sibling(node, KW_PATTERN_PROPERTIES);
	kw->prefix_items = sibling(node, KW_PREFIX_ITEMS);
	switch (kw->kind) {
	case KW_REF: case KW_DYNAMIC_REF:
		return compile_ref(ctx, node, kw);
	case KW_TYPE:
		return compile_type(ctx, node, kw);
	case KW_MIN_LENGTH: case KW_MAX_LENGTH: case KW_MIN_ITEMS: case KW_MAX_ITEMS:
	case KW_MIN_PROPERTIES: case KW_MAX_PROPERTIES:
		return compile_count(ctx, node, kw);
	case KW_DEPENDENT_REQUIRED:
		return compile_dependent_required(ctx, node, kw);
	case KW_PROPERTIES: case KW_PATTERN_PROPERTIES: case KW_DEPENDENT_SCHEMAS:
		return compile_map(ctx, node, kw);
	case KW_PREFIX_ITEMS: case KW_ALL_OF: case KW_ANY_OF: case KW_ONE_OF:
		return compile_array(ctx, node, kw);
	case KW_CONTAINS:
		return compile_contains(ctx, node, object, kw);
	case KW_ADDITIONAL_PROPERTIES: case KW_PROPERTY_NAMES: case KW_ITEMS:
	case KW_NOT: case KW_UNEVALUATED_ITEMS:
	case KW_UNEVALUATED_PROPERTIES:
		return compile_single(ctx, node, kw);
	case KW_IF:
		return compile_if(ctx, node, object, kw);
	default:
		return compile_value(ctx, node, kw);
	}
}

void oo_schema__keyword_release(keyword *kw)
{
	size_t i;

	for (i = 0; i < kw->count; i++) {
		if (kw->keys)
			oo_free(kw->keys[i]);
		if (kw->regexes)
			pcre2_code_free(kw->regexes[i]);
	}
	oo_free(kw->subs);
	oo_free(kw->keys);
	oo_free(kw->regexes);
	oo_free(kw->dynamic_anchor);
	oo_free(kw->key_lens);
	oo_free(kw->hashes);
	oo_free(kw->table);
}
