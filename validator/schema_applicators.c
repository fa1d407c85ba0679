/* SPDX-License-Identifier: EUPL-1.2 */
/* The applicator keywords: they apply subschemas to the instance or to
 * its members and combine the results. */
#include "schema_internal.h"

#include <stddef.h>
#include <string.h>

static int pattern_matches(validate_ctx *ctx, const keyword *kw, const omember *m)
{
	size_t i;

	for (i = 0; kw && i < kw->count; i++) {
		if (oo_schema__regex_search(ctx, kw->regexes[i], m->key, m->key_len) == 1)
			return 1;
	}
	return 0;
}

/* Returns the index of the name of m among the keys of kw (compiled
 * with a hash table), or -1. */
static long key_index(const keyword *kw, const omember *m)
{
	uint32_t slot, entry;

	if (!kw)
		return -1;
	for (slot = m->hash & kw->table_mask; (entry = kw->table[slot]) != 0;
	     slot = (slot + 1) & kw->table_mask) {
		size_t i = entry - 1;

		if (kw->hashes[i] == m->hash && kw->key_lens[i] == m->key_len &&
		    oo_schema__same_name(kw->keys[i], m->key, m->key_len))
			return (long)i;
	}
	return -1;
}

static int check_property(validate_ctx *ctx, const keyword *kw, size_t i, const omember *m)
{
	path_frame frame = { kw->name, TOKEN_NAME_INIT(kw->keys[i], kw->key_lens[i]),
			     TOKEN_NAME_INIT(m->key, m->key_len) };

	oo_schema__annotate_name(ctx, m);
	return oo_schema__validate_child(ctx, kw->subs[i], &frame, &m->value);
}

/* Finds the members in one pass over the instance, then validates them
 * in the order of the schema, which is the order errors are reported in. */
static int check_properties(validate_ctx *ctx, const keyword *kw, const ovalue *instance)
{
	const omember *found[64];
	size_t i;
	long k;
	int valid = 1;

	if (kw->count > 64) {
		for (i = 0; i < kw->count && (valid || ctx->errors); i++) {
			const ovalue *v = oo_schema__object_get(instance, kw->keys[i], kw->key_lens[i],
								kw->hashes[i]);

			if (v && !check_property(ctx, kw, i, (const omember *)((const char *)v -
								offsetof(omember, value))))
				valid = 0;
		}
		return valid;
	}
	memset(found, 0, kw->count * sizeof(found[0]));
	for (i = 0; i < instance->len; i++) {
		k = key_index(kw, &instance->u.members[i]);
		if (k >= 0)
			found[k] = &instance->u.members[i];
	}
	for (i = 0; i < kw->count && (valid || ctx->errors); i++) {
		if (found[i] && !check_property(ctx, kw, i, found[i]))
			valid = 0;
	}
	return valid;
}

static int check_pattern_properties(validate_ctx *ctx, const keyword *kw,
				    const ovalue *instance)
{
	size_t i, j;
	int valid = 1;

	for (j = 0; j < instance->len; j++) {
		const omember *m = &instance->u.members[j];

		for (i = 0; i < kw->count; i++) {
			path_frame frame = { kw->name, TOKEN_NAME_INIT(kw->keys[i], kw->key_lens[i]),
					     TOKEN_NAME_INIT(m->key, m->key_len) };

			if (oo_schema__regex_search(ctx, kw->regexes[i], m->key, m->key_len) != 1)
				continue;
			oo_schema__annotate_name(ctx, m);
			if (!oo_schema__validate_child(ctx, kw->subs[i], &frame, &m->value))
				valid = 0;
		}
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static void report_not_allowed(validate_ctx *ctx, const schema_node *node, const keyword *kw,
				const omember *m)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	path_frame frame = { NULL, TOKEN_NONE_INIT, TOKEN_NAME_INIT(m->key, m->key_len) };

	if (!ctx->errors)
		return;
	if (ctx->frame_count >= sizeof(ctx->frames) / sizeof(ctx->frames[0])) {
		oo_schema__fail(ctx, OO_ELIMIT);
		return;
	}
	oo_schema__key_quote(quoted, m->key, m->key_len);
	ctx->frames[ctx->frame_count++] = &frame;
	oo_schema__report(ctx, node, kw->name, "property %s is not allowed", quoted);
	ctx->frame_count--;
}

/* A property that "additionalProperties": false rejects gets one error at
 * the property's own location, naming it. */
static int check_additional(validate_ctx *ctx, const schema_node *node,
			    const keyword *kw, const ovalue *instance)
{
	size_t j;
	int valid = 1;

	for (j = 0; j < instance->len; j++) {
		const omember *m = &instance->u.members[j];
		path_frame frame = { kw->name, TOKEN_NONE_INIT, TOKEN_NAME_INIT(m->key, m->key_len) };

		if (key_index(kw->properties, m) >= 0 || pattern_matches(ctx, kw->pattern_properties, m))
			continue;
		oo_schema__annotate_name(ctx, m);
		if (kw->subs[0]->boolean == 0) {
			valid = 0;
			report_not_allowed(ctx, node, kw, m);
		} else if (!oo_schema__validate_child(ctx, kw->subs[0], &frame, &m->value)) {
			valid = 0;
		}
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_property_names(validate_ctx *ctx, const keyword *kw, const ovalue *instance)
{
	path_frame frame = { kw->name, TOKEN_NONE_INIT, TOKEN_NONE_INIT };
	annotations *ann = ctx->ann;
	ovalue name;
	size_t j;
	int valid = 1;

	for (j = 0; j < instance->len; j++) {
		const omember *m = &instance->u.members[j];

		memset(&name, 0, sizeof(name));
		name.type = OV_STRING;
		name.len = m->key_len;
		name.u.str = m->key;
		ctx->ann = NULL;
		if (!oo_schema__validate_child(ctx, kw->subs[0], &frame, &name))
			valid = 0;
		ctx->ann = ann;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_dependent_schemas(validate_ctx *ctx, const keyword *kw, const ovalue *instance)
{
	size_t i;
	int valid = 1;

	for (i = 0; i < kw->count; i++) {
		path_frame frame = { kw->name, TOKEN_NAME_INIT(kw->keys[i], kw->key_lens[i]),
				     TOKEN_NONE_INIT };

		if (oo_schema__object_get(instance, kw->keys[i], kw->key_lens[i], kw->hashes[i]) &&
		    !oo_schema__validate_child(ctx, kw->subs[i], &frame, instance))
			valid = 0;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_object(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance)
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
		       const ovalue *instance)
{
	size_t start = kw->prefix_items ? kw->prefix_items->count : 0;
	size_t i, n = instance->len;
	int valid = 1;

	if (kw->subs[0]->boolean == 0 && n > start) {
		oo_schema__report(ctx, node, kw->name, "array has %zu items, but only %zu are allowed", n, start);
		return 0;
	}
	oo_schema__annotate_items(ctx, 0, 1);
	for (i = start; i < n; i++) {
		path_frame frame = { kw->name, TOKEN_NONE_INIT, TOKEN_INDEX_INIT(i) };

		if (!oo_schema__validate_child(ctx, kw->subs[0], &frame, &instance->u.items[i]))
			valid = 0;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

static int check_prefix_items(validate_ctx *ctx, const keyword *kw, const ovalue *instance)
{
	size_t i, n = instance->len;
	int valid = 1;

	oo_schema__annotate_items(ctx, kw->count < n ? kw->count : n, 0);
	for (i = 0; i < kw->count && i < n; i++) {
		path_frame frame = { kw->name, TOKEN_INDEX_INIT(i), TOKEN_INDEX_INIT(i) };

		if (!oo_schema__validate_child(ctx, kw->subs[i], &frame, &instance->u.items[i]))
			valid = 0;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

/* "minContains" and "maxContains" only act together with "contains";
 * the compiler stores them with it. */
static int check_contains(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			  const ovalue *instance)
{
	error_list *errors = ctx->errors;
	size_t min = kw->min_contains, max = kw->max_contains;
	size_t i, matches = 0, n = instance->len;
	annotations *ann = ctx->ann;

	ctx->errors = NULL;
	ctx->ann = NULL;
	for (i = 0; i < n && ctx->status == OO_OK; i++) {
		if (!oo_schema__validate_node(ctx, kw->subs[0], &instance->u.items[i]))
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
			  const ovalue *instance)
{
	switch (kw->kind) {
	case KW_PREFIX_ITEMS:
		return check_prefix_items(ctx, kw, instance);
	case KW_ITEMS:
		return check_items(ctx, node, kw, instance);
	default:
		return check_contains(ctx, node, kw, instance);
	}
}

int oo_schema__validate_applicator(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance)
{
	switch (kw->kind) {
	case KW_PROPERTIES: case KW_PATTERN_PROPERTIES: case KW_ADDITIONAL_PROPERTIES:
	case KW_PROPERTY_NAMES: case KW_DEPENDENT_SCHEMAS:
		return instance->type != OV_OBJECT || check_object(ctx, node, kw, instance);
	case KW_PREFIX_ITEMS: case KW_ITEMS: case KW_CONTAINS:
		return instance->type != OV_ARRAY || validate_array(ctx, node, kw, instance);
	default:
		return oo_schema__validate_combinator(ctx, node, kw, instance);
	}
}
