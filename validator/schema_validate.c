/* SPDX-License-Identifier: EUPL-1.2 */
/* Validation: walks the compiled tree over an instance, carrying the
 * keyword path, the instance path and the dynamic scope, and collects
 * errors in the "basic" output format. */
#include "schema_internal.h"

#include <stdarg.h>
#include <string.h>

#include "onlyonce/alloc.h"

static void truncate_buf(oo_buf *buf, size_t len)
{
	buf->len = len;
	if (buf->data)
		buf->data[len] = '\0';
}

static void set_hard_failure(validate_ctx *ctx, oo_status code)
{
	if (ctx->status != OO_OK)
		return;
	ctx->status = code;
	if (code == OO_ENOMEM)
		oo_error_set(ctx->err, code, NULL, 0, 0, "out of memory");
	else
		oo_error_set(ctx->err, code, NULL, 0, 0,
			     "schema evaluation nests deeper than the limit of %d subschemas, at \"%.160s\"",
			     OO_SCHEMA_MAX_EVAL_DEPTH,
			     ctx->keyword_path.data ? ctx->keyword_path.data : "");
}

static oo_status error_list_push(error_list *list, oo_schema_error *e)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		oo_schema_error *grown = oo_realloc(list->items, cap * sizeof(*grown));

		if (!grown)
			return OO_ENOMEM;
		list->items = grown;
		list->cap = cap;
	}
	list->items[list->count++] = *e;
	return OO_OK;
}

static void error_free(oo_schema_error *e)
{
	oo_free(e->keyword_location);
	oo_free(e->absolute_keyword_location);
	oo_free(e->instance_location);
	oo_free(e->message);
}

void oo_schema__error_list_clear(error_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		error_free(&list->items[i]);
	oo_free(list->items);
	memset(list, 0, sizeof(*list));
}

oo_status oo_schema__error_list_move(error_list *to, error_list *from)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < from->count; i++) {
		if (rc == OO_OK)
			rc = error_list_push(to, &from->items[i]);
		if (rc != OO_OK)
			error_free(&from->items[i]);
	}
	from->count = 0;
	oo_schema__error_list_clear(from);
	return rc;
}

static char *absolute_location(const schema_node *node, const char *kw)
{
	oo_buf buf = OO_BUF_INIT;

	if (!node->resource->uri[0])
		return NULL;
	oo_buf_printf(&buf, "%s#%s", node->resource->uri, node->pointer);
	if (kw)
		oo_schema__pointer_put_token(&buf, kw);
	return oo_buf_detach(&buf);
}

void oo_schema__report(validate_ctx *ctx, const schema_node *node, const char *kw,
	    const char *fmt, ...)
{
	oo_buf location = OO_BUF_INIT, message = OO_BUF_INIT;
	oo_schema_error e;
	va_list ap;

	if (!ctx->errors)
		return;
	oo_buf_puts(&location, ctx->keyword_path.data ? ctx->keyword_path.data : "");
	if (kw)
		oo_schema__pointer_put_token(&location, kw);
	va_start(ap, fmt);
	oo_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	e.keyword_location = oo_buf_detach(&location);
	e.absolute_keyword_location = absolute_location(node, kw);
	e.instance_location = oo_strdup(ctx->instance_path.data ? ctx->instance_path.data : "");
	e.message = oo_buf_detach(&message);
	if (!e.keyword_location || !e.instance_location || !e.message ||
	    (node->resource->uri[0] && !e.absolute_keyword_location) ||
	    error_list_push(ctx->errors, &e) != OO_OK) {
		error_free(&e);
		set_hard_failure(ctx, OO_ENOMEM);
	}
}

int oo_schema__validate_child(validate_ctx *ctx, const schema_node *node, const char *keyword,
		   const char *token, const char *instance_token, json_t *instance)
{
	size_t keyword_len = ctx->keyword_path.len;
	size_t instance_len = ctx->instance_path.len;
	annotations *outer;
	int valid;

	oo_schema__pointer_put_token(&ctx->keyword_path, keyword);
	if (token)
		oo_schema__pointer_put_token(&ctx->keyword_path, token);
	if (instance_token)
		oo_schema__pointer_put_token(&ctx->instance_path, instance_token);
	if (ctx->keyword_path.failed || ctx->instance_path.failed) {
		set_hard_failure(ctx, OO_ENOMEM);
		return 0;
	}
	/* Annotations pass up only from subschemas at the same instance
	 * location. */
	outer = ctx->ann;
	if (instance_token)
		ctx->ann = NULL;
	valid = oo_schema__validate_node(ctx, node, instance);
	ctx->ann = outer;
	truncate_buf(&ctx->keyword_path, keyword_len);
	truncate_buf(&ctx->instance_path, instance_len);
	return valid;
}

static int validate_keywords(validate_ctx *ctx, const schema_node *node,
			     json_t *instance)
{
	size_t i;
	int valid = 1;

	for (i = 0; i < node->keyword_count; i++) {
		if (!oo_schema__validate_keyword(ctx, node, &node->keywords[i], instance))
			valid = 0;
		/* Without an error list only the verdict matters, so stop early. */
		if (ctx->status != OO_OK || (!valid && !ctx->errors))
			return 0;
	}
	return valid;
}

int oo_schema__validate_node(validate_ctx *ctx, const schema_node *node, json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	annotations own, *outer = ctx->ann;
	int pushed = 0, valid;

	if (node->boolean == 1)
		return 1;
	if (node->boolean == 0) {
		oo_schema__value_quote(quoted, instance);
		oo_schema__report(ctx, node, NULL, "value %s is not allowed here", quoted);
		return 0;
	}
	if (ctx->depth >= OO_SCHEMA_MAX_EVAL_DEPTH) {
		set_hard_failure(ctx, OO_ELIMIT);
		return 0;
	}
	ctx->depth++;
	memset(&own, 0, sizeof(own));
	/* The dynamic scope is the chain of resources entered so far, which
	 * "$dynamicRef" searches from the outermost. */
	if (ctx->scope_depth == 0 || ctx->scope[ctx->scope_depth - 1] != node->resource) {
		ctx->scope[ctx->scope_depth++] = node->resource;
		pushed = 1;
	}
	ctx->ann = ctx->schema->uses_unevaluated ? &own : NULL;
	valid = validate_keywords(ctx, node, instance);
	ctx->ann = outer;
	if (valid && outer)
		oo_schema__annotations_merge(ctx, outer, &own);
	oo_schema__annotations_free(&own);
	ctx->scope_depth -= pushed;
	ctx->depth--;
	return valid;
}

oo_status oo_schema_validate(const oo_schema *schema, json_t *instance,
			     oo_schema_result *result, oo_error *err)
{
	validate_ctx ctx;
	error_list errors = { NULL, 0, 0 };

	memset(result, 0, sizeof(*result));
	memset(&ctx, 0, sizeof(ctx));
	ctx.schema = schema;
	ctx.errors = &errors;
	ctx.err = err;
	result->valid = oo_schema__validate_node(&ctx, schema->root, instance);
	pcre2_match_data_free(ctx.match_data);
	oo_buf_free(&ctx.keyword_path);
	oo_buf_free(&ctx.instance_path);
	if (ctx.status != OO_OK) {
		oo_schema__error_list_clear(&errors);
		result->valid = 0;
		return ctx.status;
	}
	result->errors = errors.items;
	result->error_count = errors.count;
	return OO_OK;
}

void oo_schema_result_clear(oo_schema_result *result)
{
	error_list list;

	if (!result)
		return;
	list.items = result->errors;
	list.count = result->error_count;
	list.cap = result->error_count;
	oo_schema__error_list_clear(&list);
	memset(result, 0, sizeof(*result));
}

static json_t *error_to_json(const oo_schema_error *e)
{
	json_t *obj = json_object();

	if (!obj)
		return NULL;
	if (json_object_set_new(obj, "keywordLocation", json_string(e->keyword_location)) ||
	    (e->absolute_keyword_location &&
	     json_object_set_new(obj, "absoluteKeywordLocation",
				 json_string(e->absolute_keyword_location))) ||
	    json_object_set_new(obj, "instanceLocation", json_string(e->instance_location)) ||
	    json_object_set_new(obj, "error", json_string(e->message))) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

oo_status oo_schema_result_to_json(json_t **out, const oo_schema_result *result,
				   oo_error *err)
{
	json_t *errors = json_array();
	size_t i;

	*out = json_object();
	if (!*out || !errors ||
	    json_object_set_new(*out, "valid", json_boolean(result->valid)))
		goto fail;
	for (i = 0; i < result->error_count; i++) {
		if (json_array_append_new(errors, error_to_json(&result->errors[i])))
			goto fail;
	}
	if (result->error_count && json_object_set(*out, "errors", errors))
		goto fail;
	json_decref(errors);
	return OO_OK;
fail:
	json_decref(errors);
	json_decref(*out);
	*out = NULL;
	return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
}
