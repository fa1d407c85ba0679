/* SPDX-License-Identifier: EUPL-1.2 */
/* The applicator keywords: they apply subschemas to the instance or to
 * its members and combine the results. */
#include "schema_internal.h"

#include <stdio.h>
#include <string.h>

static int pattern_matches(validate_ctx *ctx, const keyword *kw, const char *key)
{
	size_t i;

	for (i = 0; kw && i < kw->count; i++) {
		if (oo_schema__regex_search(ctx, kw->regexes[i], key, strlen(key)) == 1)
			return 1;
	}
	return 0;
}

static int listed(const keyword *kw, const char *key)
{
	size_t i;

	for (i = 0; kw && i < kw->count; i++) {
		if (strcmp(kw->keys[i], key) == 0)
			return 1;
	}
	return 0;
}

static int check_properties(validate_ctx *ctx, const keyword *kw, json_t *instance)
{
	json_t *value;
	size_t i;
	int valid = 1;

	for (i = 0; i < kw->count; i++) {
		value = json_object_get(instance, kw->keys[i]);
		if (value)
			oo_schema__annotate_name(ctx, kw->keys[i]);
		if (value && !oo_schema__validate_child(ctx, kw->subs[i], kw->name, kw->keys[i],
					     kw->keys[i], value))
			valid = 0;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_pattern_properties(validate_ctx *ctx, const keyword *kw,
				    json_t *instance)
{
	const char *key;
	json_t *value;
	size_t i;
	int valid = 1;

	json_object_foreach(instance, key, value) {
		for (i = 0; i < kw->count; i++) {
			if (oo_schema__regex_search(ctx, kw->regexes[i], key, strlen(key)) != 1)
				continue;
			oo_schema__annotate_name(ctx, key);
			if (!oo_schema__validate_child(ctx, kw->subs[i], kw->name, kw->keys[i], key, value))
				valid = 0;
		}
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

/* A property that "additionalProperties": false rejects gets one error at
 * the property's own location, naming it. */
static int check_additional(validate_ctx *ctx, const schema_node *node,
			    const keyword *kw, json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	const char *key;
	json_t *value;
	size_t len = ctx->instance_path.len;
	int valid = 1;

	json_object_foreach(instance, key, value) {
		if (listed(kw->properties, key) || pattern_matches(ctx, kw->pattern_properties, key))
			continue;
		oo_schema__annotate_name(ctx, key);
		if (kw->subs[0]->boolean == 0) {
			valid = 0;
			oo_schema__key_quote(quoted, key);
			oo_schema__pointer_put_token(&ctx->instance_path, key);
			oo_schema__report(ctx, node, kw->name, "property %s is not allowed", quoted);
			ctx->instance_path.len = len;
			if (ctx->instance_path.data)
				ctx->instance_path.data[len] = '\0';
		} else if (!oo_schema__validate_child(ctx, kw->subs[0], kw->name, NULL, key, value)) {
			valid = 0;
		}
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_property_names(validate_ctx *ctx, const keyword *kw, json_t *instance)
{
	const char *key;
	json_t *value, *name;
	annotations *ann = ctx->ann;
	int valid = 1;

	json_object_foreach(instance, key, value) {
		name = json_string(key);
		if (!name) {
			ctx->status = ctx->status ? ctx->status : OO_ENOMEM;
			return 0;
		}
		ctx->ann = NULL;
		if (!oo_schema__validate_child(ctx, kw->subs[0], kw->name, NULL, NULL, name))
			valid = 0;
		ctx->ann = ann;
		json_decref(name);
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_dependent_schemas(validate_ctx *ctx, const keyword *kw, json_t *instance)
{
	size_t i;
	int valid = 1;

	for (i = 0; i < kw->count; i++) {
		if (json_object_get(instance, kw->keys[i]) &&
		    !oo_schema__validate_child(ctx, kw->subs[i], kw->name, kw->keys[i], NULL, instance))
			valid = 0;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_object(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			json_t *instance)
{
	switch (kw->kind) {
	case KW_PROPERTIES:
		return check_properties(ctx, kw, instance);
	case KW_PATTERN_PROPERTIES:
		return check_pattern_properties(ctx, kw, instance);
	case KW_ADDITIONAL_PROPERTIES:
		return check_additional(ctx, node, kw, instance);
	case KW_PROPERTY_NAMES:
		return check_property_names(ctx, kw, instance);
	default:
		return check_dependent_schemas(ctx, kw, instance);
	}
}

static int check_items(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		       json_t *instance)
{
	char index[24];
	size_t start = kw->prefix_items ? kw->prefix_items->count : 0;
	size_t i, n = json_array_size(instance);
	int valid = 1;

	if (kw->subs[0]->boolean == 0 && n > start) {
		oo_schema__report(ctx, node, kw->name, "array has %zu items, but only %zu are allowed", n, start);
		return 0;
	}
	oo_schema__annotate_items(ctx, 0, 1);
	for (i = start; i < n; i++) {
		snprintf(index, sizeof(index), "%zu", i);
		if (!oo_schema__validate_child(ctx, kw->subs[0], kw->name, NULL, index,
				    json_array_get(instance, i)))
			valid = 0;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_prefix_items(validate_ctx *ctx, const keyword *kw, json_t *instance)
{
	char index[24];
	size_t i, n = json_array_size(instance);
	int valid = 1;

	oo_schema__annotate_items(ctx, kw->count < n ? kw->count : n, 0);
	for (i = 0; i < kw->count && i < n; i++) {
		snprintf(index, sizeof(index), "%zu", i);
		if (!oo_schema__validate_child(ctx, kw->subs[i], kw->name, index, index,
				    json_array_get(instance, i)))
			valid = 0;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static size_t count_limit(json_t *object, const char *name, size_t fallback)
{
	json_t *value = json_object_get(object, name);

	if (!oo_schema__value_is_integer(value) || json_number_value(value) < 0)
		return fallback;
	return (size_t)json_number_value(value);
}

/* "minContains" and "maxContains" only act together with "contains",
 * so they are read here from the schema object. */
static int check_contains(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			  json_t *instance, json_t *object)
{
	error_list *errors = ctx->errors;
	size_t min = count_limit(object, "minContains", 1);
	size_t max = count_limit(object, "maxContains", (size_t)-1);
	size_t i, matches = 0, n = json_array_size(instance);

	annotations *ann = ctx->ann;

	ctx->errors = NULL;
	ctx->ann = NULL;
	for (i = 0; i < n && ctx->status == OO_OK; i++) {
		if (!oo_schema__validate_node(ctx, kw->subs[0], json_array_get(instance, i)))
			continue;
		matches++;
		ctx->ann = ann;
		oo_schema__annotate_contained(ctx, i, n);
		ctx->ann = NULL;
	}
	ctx->errors = errors;
	ctx->ann = ann;
	if (matches < min) {
		if (min == 1)
			oo_schema__report(ctx, node, kw->name, "array has no item that matches the \"contains\" schema");
		else
			oo_schema__report(ctx, node, "minContains", "array has %zu items that match the \"contains\" schema, fewer than the minimum of %zu",
			       matches, min);
		return 0;
	}
	if (matches > max) {
		oo_schema__report(ctx, node, "maxContains", "array has %zu items that match the \"contains\" schema, more than the maximum of %zu",
		       matches, max);
		return 0;
	}
	return 1;
}

static int validate_array(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			  json_t *instance)
{
	switch (kw->kind) {
	case KW_PREFIX_ITEMS:
		return check_prefix_items(ctx, kw, instance);
	case KW_ITEMS:
		return check_items(ctx, node, kw, instance);
	default:
		return check_contains(ctx, node, kw, instance, kw->object);
	}
}

int oo_schema__validate_applicator(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			json_t *instance)
{
	switch (kw->kind) {
	case KW_PROPERTIES: case KW_PATTERN_PROPERTIES: case KW_ADDITIONAL_PROPERTIES:
	case KW_PROPERTY_NAMES: case KW_DEPENDENT_SCHEMAS:
		return !json_is_object(instance) || check_object(ctx, node, kw, instance);
	case KW_PREFIX_ITEMS: case KW_ITEMS: case KW_CONTAINS:
		return !json_is_array(instance) || validate_array(ctx, node, kw, instance);
	default:
		return oo_schema__validate_combinator(ctx, node, kw, instance);
	}
}
