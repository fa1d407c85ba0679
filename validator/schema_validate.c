/* SPDX-License-Identifier: EUPL-1.2 */
/* Validation: walks the compiled tree over an instance, carrying the
 * keyword path, the instance path and the dynamic scope, and collects
 * errors in the "basic" output format. */
#include "schema_internal.h"

#include <stdarg.h>
#include <string.h>

#include "onlyonce/alloc.h"

static void render_keyword_path(const validate_ctx *ctx, oo_buf *buf);

void oo_schema__fail(validate_ctx *ctx, oo_status code)
{
	oo_buf path = OO_BUF_INIT;

	if (ctx->status != OO_OK)
		return;
	ctx->status = code;
	if (code == OO_ENOMEM) {
		oo_error_set(ctx->err, code, NULL, 0, 0, "out of memory");
		return;
	}
	render_keyword_path(ctx, &path);
	oo_error_set(ctx->err, code, NULL, 0, 0,
		     "schema evaluation nests deeper than the limit of %d subschemas, at \"%.160s\"",
		     OO_SCHEMA_MAX_EVAL_DEPTH, path.data ? path.data : "");
	oo_buf_free(&path);
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

/* Appends one reference token of len bytes, escaped as RFC 6901
 * specifies: "~" as "~0" and "/" as "~1". */
static void put_name_token(oo_buf *buf, const char *s, size_t len)
{
	size_t i, start = 0;

	oo_buf_putc(buf, '/');
	for (i = 0; i < len; i++) {
		if (s[i] != '~' && s[i] != '/')
			continue;
		oo_buf_append(buf, s + start, i - start);
		oo_buf_puts(buf, s[i] == '~' ? "~0" : "~1");
		start = i + 1;
	}
	oo_buf_append(buf, s + start, len - start);
}

static void put_token(oo_buf *buf, const path_token *token)
{
	if (token->kind == TOKEN_NAME)
		put_name_token(buf, token->name, token->len);
	else if (token->kind == TOKEN_INDEX)
		oo_buf_printf(buf, "/%zu", token->index);
}

static void render_keyword_path(const validate_ctx *ctx, oo_buf *buf)
{
	size_t i;

	oo_buf_puts(buf, "");
	for (i = 0; i < ctx->frame_count; i++) {
		const path_frame *f = ctx->frames[i];

		if (f->keyword)
			oo_schema__pointer_put_token(buf, f->keyword);
		put_token(buf, &f->token);
	}
}

static void render_instance_path(const validate_ctx *ctx, oo_buf *buf)
{
	size_t i;

	oo_buf_puts(buf, "");
	for (i = 0; i < ctx->frame_count; i++)
		put_token(buf, &ctx->frames[i]->instance);
}

void oo_schema__report(validate_ctx *ctx, const schema_node *node, const char *kw,
	    const char *fmt, ...)
{
	oo_buf location = OO_BUF_INIT, message = OO_BUF_INIT, instance = OO_BUF_INIT;
	oo_schema_error e;
	va_list ap;

	if (!ctx->errors)
		return;
	render_keyword_path(ctx, &location);
	if (kw)
		oo_schema__pointer_put_token(&location, kw);
	render_instance_path(ctx, &instance);
	va_start(ap, fmt);
	oo_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	e.keyword_location = oo_buf_detach(&location);
	e.absolute_keyword_location = absolute_location(node, kw);
	e.instance_location = oo_buf_detach(&instance);
	e.message = oo_buf_detach(&message);
	if (!e.keyword_location || !e.instance_location || !e.message ||
	    (node->resource->uri[0] && !e.absolute_keyword_location) ||
	    error_list_push(ctx->errors, &e) != OO_OK) {
		error_free(&e);
		oo_schema__fail(ctx, OO_ENOMEM);
	}
}

int oo_schema__validate_child(validate_ctx *ctx, const schema_node *node,
			      const path_frame *frame, const ovalue *instance)
{
	annotations *outer;
	int valid;

	if (ctx->frame_count >= sizeof(ctx->frames) / sizeof(ctx->frames[0])) {
		oo_schema__fail(ctx, OO_ELIMIT);
		return 0;
	}
	ctx->frames[ctx->frame_count++] = frame;
	/* Annotations pass up only from subschemas at the same instance
	 * location. */
	outer = ctx->ann;
	if (frame->instance.kind != TOKEN_NONE)
		ctx->ann = NULL;
	valid = oo_schema__validate_node(ctx, node, instance);
	ctx->ann = outer;
	ctx->frame_count--;
	return valid;
}

static int validate_keywords(validate_ctx *ctx, const schema_node *node,
			     const ovalue *instance)
{
	unsigned type = 1u << instance->type;
	size_t i;
	int valid = 1;

	for (i = 0; i < node->keyword_count; i++) {
		if (!(node->keywords[i].instance_types & type))
			continue;
		if (!oo_schema__validate_keyword(ctx, node, &node->keywords[i], instance))
			valid = 0;
		/* Without an error list only the verdict matters, so stop early. */
		if (ctx->status != OO_OK || (!valid && !ctx->errors))
			return 0;
	}
	return valid;
}

int oo_schema__validate_node(validate_ctx *ctx, const schema_node *node, const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	annotations own, *outer = ctx->ann;
	int pushed = 0, valid;

	if (node->boolean == 1)
		return 1;
	if (node->boolean == 0) {
		if (ctx->errors) {
			oo_schema__ov_quote(quoted, instance);
			oo_schema__report(ctx, node, NULL, "value %s is not allowed here", quoted);
		}
		return 0;
	}
	if (ctx->depth >= OO_SCHEMA_MAX_EVAL_DEPTH) {
		oo_schema__fail(ctx, OO_ELIMIT);
		return 0;
	}
	ctx->depth++;
	/* The dynamic scope is the chain of resources entered so far, which
	 * "$dynamicRef" searches from the outermost. */
	if (ctx->scope_depth == 0 || ctx->scope[ctx->scope_depth - 1] != node->resource) {
		ctx->scope[ctx->scope_depth++] = node->resource;
		pushed = 1;
	}
	if (ctx->schema->uses_unevaluated) {
		memset(&own, 0, sizeof(own));
		ctx->ann = &own;
		valid = validate_keywords(ctx, node, instance);
		ctx->ann = outer;
		if (valid && outer)
			oo_schema__annotations_merge(ctx, outer, &own);
		oo_schema__annotations_free(&own);
	} else {
		ctx->ann = NULL;
		valid = validate_keywords(ctx, node, instance);
		ctx->ann = outer;
	}
	ctx->scope_depth -= pushed;
	ctx->depth--;
	return valid;
}

/* Validates the model of an instance; the context is set up field by
 * field, because clearing its path and scope arrays would cost more than
 * validating a small document. */
static oo_status validate_model(const oo_schema *schema, const ovalue *instance,
				oo_schema_result *result, oo_error *err)
{
	validate_ctx ctx;
	error_list errors = { NULL, 0, 0 };

	ctx.schema = schema;
	ctx.ann = NULL;
	ctx.frame_count = 0;
	ctx.scope_depth = 0;
	ctx.depth = 0;
	ctx.errors = &errors;
	ctx.status = OO_OK;
	ctx.err = err;
	ctx.match_data = NULL;
	result->valid = oo_schema__validate_node(&ctx, schema->root, instance);
	pcre2_match_data_free(ctx.match_data);
	if (ctx.status != OO_OK) {
		oo_schema__error_list_clear(&errors);
		result->valid = 0;
		return ctx.status;
	}
	result->errors = errors.items;
	result->error_count = errors.count;
	return OO_OK;
}

oo_status oo_schema_validate(const oo_schema *schema, json_t *instance,
			     oo_schema_result *result, oo_error *err)
{
	oo_arena arena = { NULL, 0 };
	ovalue model;
	oo_status rc;

	memset(result, 0, sizeof(*result));
	rc = oo_schema__model_from_json(&model, instance, &arena);
	if (rc == OO_ENOMEM)
		rc = oo_error_set(err, rc, NULL, 0, 0, "out of memory");
	else if (rc != OO_OK)
		rc = oo_error_set(err, rc, NULL, 0, 0,
				  "instance nests deeper than the limit of %d levels",
				  OO_SCHEMA_MAX_EVAL_DEPTH);
	else
		rc = validate_model(schema, &model, result, err);
	oo_schema__arena_free(&arena);
	return rc;
}

oo_status oo_schema_validate_text(const oo_schema *schema, const char *text, size_t len,
				  oo_schema_result *result, oo_error *err)
{
	oo_arena arena = { NULL, 0 };
	ovalue model;
	oo_status rc;

	memset(result, 0, sizeof(*result));
	/* One block for the usual model, which is smaller than twice its text. */
	arena.next_size = 2 * len + 1024;
	rc = oo_schema__parse_text(&model, text, len, &arena, err);
	if (rc == OO_OK)
		rc = validate_model(schema, &model, result, err);
	oo_schema__arena_free(&arena);
	return rc;
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
