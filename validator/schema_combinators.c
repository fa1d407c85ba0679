/* SPDX-License-Identifier: EUPL-1.2 */
/* The in-place applicators: references, boolean logic and conditionals.
 * A failed "anyOf" or "oneOf" reports itself first and then the errors of
 * every branch, each with its own keywordLocation, so that a caller can
 * pick the most specific one. */
#include "schema_internal.h"

#include <stdio.h>
#include <string.h>

/* Follows "$dynamicRef": when its static target is bookended by a
 * matching "$dynamicAnchor", the outermost resource in the dynamic scope
 * that defines that anchor wins (2020-12 core, section 8.2.3.2). */
static const schema_node *dynamic_target(const validate_ctx *ctx, const keyword *kw)
{
	size_t i;

	if (!kw->dynamic_anchor)
		return kw->subs[0];
	for (i = 0; i < ctx->scope_depth; i++) {
		const schema_node *node = oo_schema__map_get(&ctx->scope[i]->dynamic_anchors,
						  kw->dynamic_anchor);

		if (node)
			return node;
	}
	return kw->subs[0];
}

static int check_all_of(validate_ctx *ctx, const keyword *kw, const ovalue *instance)
{
	size_t i;
	int valid = 1;

	for (i = 0; i < kw->count; i++) {
		path_frame frame = { kw->name, TOKEN_INDEX_INIT(i), TOKEN_NONE_INIT };

		if (!oo_schema__validate_child(ctx, kw->subs[i], &frame, instance))
			valid = 0;
		if (!valid && !ctx->errors)
			break;
	}
	return valid;
}

/* Validates every branch into branch_errors and returns how many passed.
 * The first two passing indexes go to passed[]. */
static size_t run_branches(validate_ctx *ctx, const keyword *kw, const ovalue *instance,
			   error_list *branch_errors, size_t passed[2])
{
	error_list *outer = ctx->errors;
	size_t i, count = 0;

	ctx->errors = outer ? branch_errors : NULL;
	for (i = 0; i < kw->count && ctx->status == OO_OK; i++) {
		path_frame frame = { kw->name, TOKEN_INDEX_INIT(i), TOKEN_NONE_INIT };

		if (!oo_schema__validate_child(ctx, kw->subs[i], &frame, instance))
			continue;
		if (count < 2)
			passed[count] = i;
		count++;
		/* anyOf is settled by one pass and oneOf by a second, unless the
		 * annotations of every passing branch are needed. */
		if (ctx->schema->uses_unevaluated)
			continue;
		if ((kw->kind == KW_ANY_OF && count == 1) || count == 2)
			break;
	}
	ctx->errors = outer;
	return count;
}

static int check_any_one_of(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			    const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	error_list branch_errors = { NULL, 0, 0 };
	error_list *outer = ctx->errors;
	size_t passed[2] = { 0, 0 };
	size_t count;

	/* Branch errors are only built when the keyword fails, because
	 * building messages costs more than running the branches twice. */
	ctx->errors = NULL;
	count = run_branches(ctx, kw, instance, &branch_errors, passed);
	ctx->errors = outer;
	if (count == 1 || (count > 1 && kw->kind == KW_ANY_OF))
		return 1;
	if (!outer)
		return 0;
	if (count == 0 && ctx->status == OO_OK)
		run_branches(ctx, kw, instance, &branch_errors, passed);
	oo_schema__ov_quote(quoted, instance);
	if (count > 1) {
		oo_schema__report(ctx, node, kw->name, "value %s matches both schema %zu and schema %zu of \"oneOf\", but must match exactly one",
		       quoted, passed[0], passed[1]);
	} else {
		oo_schema__report(ctx, node, kw->name, "value %s matches none of the %zu schemas of \"%s\"",
		       quoted, kw->count, kw->name);
	}
	if (ctx->errors && oo_schema__error_list_move(ctx->errors, &branch_errors) != OO_OK)
		ctx->status = ctx->status ? ctx->status : OO_ENOMEM;
	oo_schema__error_list_clear(&branch_errors);
	return 0;
}

static int check_not(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		     const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	path_frame frame = { kw->name, TOKEN_NONE_INIT, TOKEN_NONE_INIT };
	error_list *outer = ctx->errors;
	int valid;

	ctx->errors = NULL;
	valid = oo_schema__validate_child(ctx, kw->subs[0], &frame, instance);
	ctx->errors = outer;
	if (!valid)
		return 1;
	if (!outer)
		return 0;
	oo_schema__ov_quote(quoted, instance);
	oo_schema__report(ctx, node, kw->name, "value %s must not match the \"not\" schema", quoted);
	return 0;
}

/* The "if" outcome itself is never an error; only the errors of the
 * branch taken ("then" or "else") are reported. */
static int check_if(validate_ctx *ctx, const keyword *kw, const ovalue *instance)
{
	path_frame if_frame = { kw->name, TOKEN_NONE_INIT, TOKEN_NONE_INIT };
	path_frame then_frame = { "then", TOKEN_NONE_INIT, TOKEN_NONE_INIT };
	path_frame else_frame = { "else", TOKEN_NONE_INIT, TOKEN_NONE_INIT };
	error_list *outer = ctx->errors;
	int matched;

	ctx->errors = NULL;
	matched = oo_schema__validate_child(ctx, kw->subs[0], &if_frame, instance);
	ctx->errors = outer;
	if (ctx->status != OO_OK)
		return 0;
	if (matched && kw->then_node)
		return oo_schema__validate_child(ctx, kw->then_node, &then_frame, instance);
	if (!matched && kw->else_node)
		return oo_schema__validate_child(ctx, kw->else_node, &else_frame, instance);
	return 1;
}

int oo_schema__validate_combinator(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance)
{
	path_frame frame = { kw->name, TOKEN_NONE_INIT, TOKEN_NONE_INIT };

	switch (kw->kind) {
	case KW_REF:
		return oo_schema__validate_child(ctx, kw->subs[0], &frame, instance);
	case KW_DYNAMIC_REF:
		return oo_schema__validate_child(ctx, dynamic_target(ctx, kw), &frame, instance);
	case KW_ALL_OF:
		return check_all_of(ctx, kw, instance);
	case KW_ANY_OF: case KW_ONE_OF:
		return check_any_one_of(ctx, node, kw, instance);
	case KW_NOT:
		return check_not(ctx, node, kw, instance);
	case KW_IF:
		return check_if(ctx, kw, instance);
	default:
		return 1;
	}
}
