/* SPDX-License-Identifier: EUPL-1.2 */
/* Annotation collection for "unevaluatedProperties" and
 * "unevaluatedItems". Each object schema evaluation collects what its
 * keywords evaluated, and a valid in-place subschema ("$ref", "allOf",
 * "if" and the like) passes its collection up to the schema around it. */
#include "schema_internal.h"

#include <string.h>

#include "onlyonce/alloc.h"

static void no_memory(validate_ctx *ctx)
{
	if (ctx->status == OO_OK) {
		ctx->status = OO_ENOMEM;
		oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	}
}

static void add_name(validate_ctx *ctx, annotations *ann, const omember *name)
{
	if (ann->name_count == ann->name_cap) {
		size_t cap = ann->name_cap ? ann->name_cap * 2 : 8;
		const omember **grown = oo_realloc((void *)ann->names, cap * sizeof(*grown));

		if (!grown) {
			no_memory(ctx);
			return;
		}
		ann->names = grown;
		ann->name_cap = cap;
	}
	ann->names[ann->name_count++] = name;
}

void oo_schema__annotate_name(validate_ctx *ctx, const omember *member)
{
	if (ctx->ann)
		add_name(ctx, ctx->ann, member);
}

void oo_schema__annotate_items(validate_ctx *ctx, size_t items, int all)
{
	if (!ctx->ann)
		return;
	if (items > ctx->ann->items)
		ctx->ann->items = items;
	ctx->ann->all_items |= all;
}

void oo_schema__annotate_contained(validate_ctx *ctx, size_t index, size_t length)
{
	annotations *ann = ctx->ann;

	if (!ann)
		return;
	if (!ann->contained) {
		ann->contained = oo_calloc(length, 1);
		if (!ann->contained) {
			no_memory(ctx);
			return;
		}
		ann->contained_len = length;
	}
	if (index < ann->contained_len)
		ann->contained[index] = 1;
}

void oo_schema__annotations_merge(validate_ctx *ctx, annotations *to, const annotations *from)
{
	size_t i;

	for (i = 0; i < from->name_count; i++)
		add_name(ctx, to, from->names[i]);
	if (from->items > to->items)
		to->items = from->items;
	to->all_items |= from->all_items;
	if (!from->contained)
		return;
	if (!to->contained) {
		to->contained = oo_calloc(from->contained_len, 1);
		if (!to->contained) {
			no_memory(ctx);
			return;
		}
		to->contained_len = from->contained_len;
	}
	for (i = 0; i < from->contained_len && i < to->contained_len; i++)
		to->contained[i] |= from->contained[i];
}

void oo_schema__annotations_free(annotations *ann)
{
	oo_free((void *)ann->names);
	oo_free(ann->contained);
	memset(ann, 0, sizeof(*ann));
}

/* Annotations name members of the one instance object they were
 * collected at, so comparing member addresses compares names. */
static int evaluated_name(const annotations *ann, const omember *member)
{
	size_t i;

	for (i = 0; i < ann->name_count; i++) {
		if (ann->names[i] == member)
			return 1;
	}
	return 0;
}

static int evaluated_item(const annotations *ann, size_t index)
{
	return ann->all_items || index < ann->items ||
	       (index < ann->contained_len && ann->contained[index]);
}

static void report_unevaluated(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			       const omember *m)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];

	if (!ctx->errors)
		return;
	oo_schema__key_quote(quoted, m->key, m->key_len);
	oo_schema__report(ctx, node, kw->name, "property %s is not allowed", quoted);
}

static int check_unevaluated_properties(validate_ctx *ctx, const schema_node *node,
					const keyword *kw, const ovalue *instance)
{
	annotations *ann = ctx->ann;
	size_t j;
	int valid = 1;

	for (j = 0; j < instance->len; j++) {
		const omember *m = &instance->u.members[j];
		path_frame frame = { kw->name, TOKEN_NONE_INIT, TOKEN_NAME_INIT(m->key, m->key_len) };

		if (evaluated_name(ann, m))
			continue;
		if (kw->subs[0]->boolean == 0) {
			report_unevaluated(ctx, node, kw, m);
			valid = 0;
		} else if (!oo_schema__validate_child(ctx, kw->subs[0], &frame, &m->value)) {
			valid = 0;
		}
		if (!valid && !ctx->errors)
			break;
	}
	if (valid) {
		for (j = 0; j < instance->len; j++)
			add_name(ctx, ann, &instance->u.members[j]);
	}
	return valid;
}

static int check_unevaluated_items(validate_ctx *ctx, const schema_node *node,
				   const keyword *kw, const ovalue *instance)
{
	size_t i;
	int valid = 1;

	for (i = 0; i < instance->len; i++) {
		path_frame frame = { kw->name, TOKEN_NONE_INIT, TOKEN_INDEX_INIT(i) };

		if (evaluated_item(ctx->ann, i))
			continue;
		if (kw->subs[0]->boolean == 0) {
			oo_schema__report(ctx, node, kw->name, "array item %zu is not allowed, because no other keyword evaluated it", i);
			valid = 0;
		} else if (!oo_schema__validate_child(ctx, kw->subs[0], &frame, &instance->u.items[i])) {
			valid = 0;
		}
		if (!valid && !ctx->errors)
			break;
	}
	if (valid)
		oo_schema__annotate_items(ctx, 0, 1);
	return valid;
}

int oo_schema__validate_unevaluated(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			 const ovalue *instance)
{
	if (kw->kind == KW_UNEVALUATED_PROPERTIES)
		return instance->type != OV_OBJECT ||
		       check_unevaluated_properties(ctx, node, kw, instance);
	return instance->type != OV_ARRAY || check_unevaluated_items(ctx, node, kw, instance);
}
