/* SPDX-License-Identifier: EUPL-1.2 */
/* Finds the schema resources ("$id"), anchors and locations of a schema
 * document before compilation, so that "$ref" can point forward, and
 * keeps the registry of documents known by URI. */
#include "schema_internal.h"

#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"

struct oo_schema_registry {
	map documents;   /* uri -> json_t *, one reference each */
};

/* Keywords whose value is one subschema, an array of subschemas or an
 * object of subschemas. Only these are walked: an "$id" inside "enum" or
 * "const" is data, not an identifier. */
static const char *const single_keywords[] = {
	"additionalProperties", "items", "contains", "propertyNames", "if",
	"then", "else", "not", "unevaluatedItems", "unevaluatedProperties",
	"contentSchema", NULL
};
static const char *const array_keywords[] = {
	"allOf", "anyOf", "oneOf", "prefixItems", NULL
};
static const char *const object_keywords[] = {
	"$defs", "properties", "patternProperties", "dependentSchemas", NULL
};

static oo_status walk(compile_ctx *ctx, json_t *json, schema_resource *resource,
		      oo_buf *pointer);

static oo_status add_resource(compile_ctx *ctx, const char *uri, json_t *root,
			      schema_resource **out)
{
	oo_schema *s = ctx->schema;
	schema_resource *res;

	if (s->resource_count == s->resource_cap) {
		size_t cap = s->resource_cap ? s->resource_cap * 2 : 8;
		schema_resource **grown = oo_realloc(s->resources, cap * sizeof(*grown));

		if (!grown)
			return OO_ENOMEM;
		s->resources = grown;
		s->resource_cap = cap;
	}
	res = oo_calloc(1, sizeof(*res));
	if (!res || !(res->uri = oo_strdup(uri))) {
		oo_free(res);
		return OO_ENOMEM;
	}
	res->root = root;
	s->resources[s->resource_count++] = res;
	*out = res;
	return oo_schema__map_put(&ctx->resources, uri, res);
}

static oo_status add_location(compile_ctx *ctx, json_t *json,
			      schema_resource *resource, const char *pointer)
{
	char key[32];
	schema_location *loc = oo_calloc(1, sizeof(*loc));

	if (!loc || !(loc->pointer = oo_strdup(pointer))) {
		oo_free(loc);
		return OO_ENOMEM;
	}
	loc->resource = resource;
	oo_schema__map_pointer_key(key, json);
	if (oo_schema__map_get(&ctx->locations, key)) {
		/* The first location found wins, because a value reached twice
		 * is the same schema. */
		oo_free(loc->pointer);
		oo_free(loc);
		return OO_OK;
	}
	if (oo_schema__map_put(&ctx->locations, key, loc) != OO_OK) {
		oo_free(loc->pointer);
		oo_free(loc);
		return OO_ENOMEM;
	}
	return OO_OK;
}

static oo_status add_anchor(compile_ctx *ctx, json_t *json, schema_resource *res,
			    const char *keyword, int dynamic)
{
	json_t *name = json_object_get(json, keyword);
	oo_buf key = OO_BUF_INIT;
	oo_status rc;

	if (!name)
		return OO_OK;
	if (!json_is_string(name))
		return oo_error_set(ctx->err, OO_ESCHEMA, NULL, 0, 0,
				    "invalid schema: \"%s\" in \"%s\" must be a string",
				    keyword, res->uri);
	oo_buf_printf(&key, "%s#%s", res->uri, json_string_value(name));
	rc = key.failed ? OO_ENOMEM : oo_schema__map_put(&ctx->anchors, key.data, json);
	if (rc == OO_OK && dynamic)
		rc = oo_schema__map_put(&res->dynamic_json, json_string_value(name), json);
	oo_buf_free(&key);
	return rc;
}

/* Starts a new resource when json has "$id". A document root whose "$id"
 * differs from its retrieval URI is known by both. */
static oo_status enter_id(compile_ctx *ctx, json_t *json, schema_resource **resource,
			  oo_buf *pointer)
{
	json_t *id = json_object_get(json, "$id");
	const char *fragment;
	char *absolute, *uri;
	schema_resource *res;
	oo_status rc;

	if (!json_is_string(id))
		return OO_OK;
	absolute = oo_schema__uri_resolve((*resource)->uri, json_string_value(id));
	uri = absolute ? oo_schema__uri_split(absolute, &fragment) : NULL;
	oo_free(absolute);
	if (!uri)
		return OO_ENOMEM;
	res = oo_schema__map_get(&ctx->resources, uri);
	if (res && res->root == json) {
		rc = OO_OK;
	} else if ((*resource)->root == json && pointer->len == 0) {
		res = *resource;
		rc = oo_schema__map_put(&ctx->resources, uri, res);
		if (rc == OO_OK) {
			oo_free(res->uri);
			res->uri = uri;
			uri = NULL;
		}
	} else {
		rc = add_resource(ctx, uri, json, &res);
		if (rc == OO_OK)
			res->parent = *resource;
	}
	oo_free(uri);
	if (rc != OO_OK)
		return rc;
	if (res != *resource) {
		*resource = res;
		oo_buf_reset(pointer);
	}
	return OO_OK;
}

static oo_status walk_child(compile_ctx *ctx, json_t *json, schema_resource *res,
			    oo_buf *pointer, const char *keyword, const char *token)
{
	size_t len = pointer->len;
	oo_status rc;

	oo_schema__pointer_put_token(pointer, keyword);
	if (token)
		oo_schema__pointer_put_token(pointer, token);
	rc = pointer->failed ? OO_ENOMEM : walk(ctx, json, res, pointer);
	pointer->len = len;
	if (pointer->data)
		pointer->data[len] = '\0';
	return rc;
}

static oo_status walk_children(compile_ctx *ctx, json_t *json, schema_resource *res,
			       oo_buf *pointer)
{
	char index[24];
	const char *key;
	json_t *value, *sub;
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; rc == OO_OK && single_keywords[i]; i++) {
		if ((sub = json_object_get(json, single_keywords[i])))
			rc = walk_child(ctx, sub, res, pointer, single_keywords[i], NULL);
	}
	for (i = 0; rc == OO_OK && array_keywords[i]; i++) {
		value = json_object_get(json, array_keywords[i]);
		for (size_t j = 0; rc == OO_OK && j < json_array_size(value); j++) {
			snprintf(index, sizeof(index), "%zu", j);
			rc = walk_child(ctx, json_array_get(value, j), res, pointer,
					array_keywords[i], index);
		}
	}
	for (i = 0; rc == OO_OK && object_keywords[i]; i++) {
		value = json_object_get(json, object_keywords[i]);
		if (!json_is_object(value))
			continue;
		json_object_foreach(value, key, sub) {
			rc = walk_child(ctx, sub, res, pointer, object_keywords[i], key);
			if (rc != OO_OK)
				break;
		}
	}
	return rc;
}

static oo_status walk(compile_ctx *ctx, json_t *json, schema_resource *resource,
		      oo_buf *pointer)
{
	oo_buf local = OO_BUF_INIT;
	oo_buf *path = pointer;
	oo_status rc;

	if (!json_is_object(json))
		return OO_OK;
	if (json_is_string(json_object_get(json, "$id"))) {
		/* A new resource restarts the pointer, so work on a copy. */
		oo_buf_append(&local, pointer->data ? pointer->data : "", pointer->len);
		path = &local;
		rc = enter_id(ctx, json, &resource, path);
		if (rc != OO_OK)
			goto done;
	}
	rc = add_location(ctx, json, resource, path->data ? path->data : "");
	if (rc == OO_OK)
		rc = add_anchor(ctx, json, resource, "$anchor", 0);
	if (rc == OO_OK)
		rc = add_anchor(ctx, json, resource, "$dynamicAnchor", 1);
	if (rc == OO_OK)
		rc = walk_children(ctx, json, resource, path);
done:
	oo_buf_free(&local);
	return rc;
}

oo_status oo_schema__index_document(compile_ctx *ctx, json_t *document, const char *uri)
{
	schema_resource *res = oo_schema__map_get(&ctx->resources, uri);
	oo_buf pointer = OO_BUF_INIT;
	oo_schema *s = ctx->schema;
	oo_status rc;

	if (res)
		return OO_OK;
	if (s->document_count == s->document_cap) {
		size_t cap = s->document_cap ? s->document_cap * 2 : 4;
		json_t **grown = oo_realloc(s->documents, cap * sizeof(*grown));

		if (!grown)
			return OO_ENOMEM;
		s->documents = grown;
		s->document_cap = cap;
	}
	s->documents[s->document_count++] = json_incref(document);
	rc = add_resource(ctx, uri, document, &res);
	if (rc == OO_OK)
		rc = walk(ctx, document, res, &pointer);
	oo_buf_free(&pointer);
	return rc;
}

static oo_status find_target(compile_ctx *ctx, schema_resource *res, const char *base,
			     const char *fragment, json_t **json)
{
	oo_buf key = OO_BUF_INIT;

	*json = NULL;
	if (*fragment == '\0' || *fragment == '/')
		return oo_schema__pointer_walk(res->root, fragment, json);
	oo_buf_printf(&key, "%s#%s", base, fragment);
	if (key.failed)
		return OO_ENOMEM;
	*json = oo_schema__map_get(&ctx->anchors, key.data);
	oo_buf_free(&key);
	return OO_OK;
}

static schema_resource *find_resource(compile_ctx *ctx, const char *base,
				      oo_status *rc)
{
	schema_resource *res = oo_schema__map_get(&ctx->resources, base);
	json_t *document;

	*rc = OO_OK;
	if (res || !ctx->registry)
		return res;
	document = oo_schema__map_get(&ctx->registry->documents, base);
	if (!document)
		return NULL;
	*rc = oo_schema__index_document(ctx, document, base);
	return *rc == OO_OK ? oo_schema__map_get(&ctx->resources, base) : NULL;
}

oo_status oo_schema__index_resolve(compile_ctx *ctx, const char *target, json_t **json,
			schema_location *where)
{
	const char *fragment;
	char key[32];
	char *base = oo_schema__uri_split(target, &fragment);
	schema_resource *res;
	schema_location *loc;
	oo_status rc;

	if (!base)
		return OO_ENOMEM;
	*json = NULL;
	res = find_resource(ctx, base, &rc);
	if (res && rc == OO_OK)
		rc = find_target(ctx, res, base, fragment, json);
	oo_free(base);
	if (rc != OO_OK)
		return rc;
	if (!*json)
		return OO_ENOTFOUND;
	oo_schema__map_pointer_key(key, *json);
	loc = json_is_object(*json) ? oo_schema__map_get(&ctx->locations, key) : NULL;
	where->resource = loc ? loc->resource : res;
	where->pointer = loc ? loc->pointer : (char *)fragment;
	return OO_OK;
}

void oo_schema__index_ctx_clear(compile_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->locations.cap; i++) {
		schema_location *loc = ctx->locations.entries[i].value;

		if (loc) {
			oo_free(loc->pointer);
			oo_free(loc);
		}
	}
	oo_schema__map_clear(&ctx->locations);
	oo_schema__map_clear(&ctx->resources);
	oo_schema__map_clear(&ctx->anchors);
	oo_schema__map_clear(&ctx->compiled);
}

oo_status oo_schema_registry_new(oo_schema_registry **out, oo_error *err)
{
	*out = oo_calloc(1, sizeof(**out));
	if (!*out)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	return OO_OK;
}

oo_status oo_schema_registry_add(oo_schema_registry *registry, const char *uri,
				 json_t *document, oo_error *err)
{
	json_t *old = oo_schema__map_get(&registry->documents, uri);

	if (strchr(uri, '#'))
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "schema URI \"%s\" must not have a fragment", uri);
	if (oo_schema__map_put(&registry->documents, uri, json_incref(document)) != OO_OK) {
		json_decref(document);
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	}
	json_decref(old);
	return OO_OK;
}

json_t *oo_schema__registry_get(const oo_schema_registry *registry, const char *uri)
{
	return oo_schema__map_get(&registry->documents, uri);
}

void oo_schema_registry_free(oo_schema_registry *registry)
{
	size_t i;

	if (!registry)
		return;
	for (i = 0; i < registry->documents.cap; i++)
		json_decref(registry->documents.entries[i].value);
	oo_schema__map_clear(&registry->documents);
	oo_free(registry);
}
