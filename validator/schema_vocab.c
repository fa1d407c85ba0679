/* SPDX-License-Identifier: EUPL-1.2 */
/* Vocabularies: which keywords a schema resource is evaluated with, from
 * the "$vocabulary" object of the meta-schema its "$schema" names
 * (2020-12 core, section 8.1.2). */
#include "schema_internal.h"

#include <string.h>

#include "onlyonce/alloc.h"

#define VOCAB_PREFIX "https://json-schema.org/draft/2020-12/vocab/"

static const struct {
	const char *name;
	unsigned bit;
} vocabularies[] = {
	{ "core", VOCAB_CORE }, { "applicator", VOCAB_APPLICATOR },
	{ "unevaluated", VOCAB_UNEVALUATED }, { "validation", VOCAB_VALIDATION },
	{ "meta-data", VOCAB_META_DATA }, { "format-annotation", VOCAB_FORMAT_ANNOTATION },
	{ "format-assertion", VOCAB_FORMAT_ASSERTION }, { "content", VOCAB_CONTENT },
};

static unsigned vocabulary_bit(const char *uri)
{
	size_t i, n = strlen(VOCAB_PREFIX);

	if (strncmp(uri, VOCAB_PREFIX, n) != 0)
		return 0;
	for (i = 0; i < sizeof(vocabularies) / sizeof(vocabularies[0]); i++) {
		if (strcmp(uri + n, vocabularies[i].name) == 0)
			return vocabularies[i].bit;
	}
	return 0;
}

/* Reads "$vocabulary" of meta. A vocabulary the engine does not know is
 * an error when the meta-schema requires it (true) and ignored when
 * optional (false). */
static oo_status read_vocabulary(compile_ctx *ctx, json_t *meta, const char *meta_uri,
				 unsigned *out)
{
	json_t *listed = json_is_object(meta) ? json_object_get(meta, "$vocabulary") : NULL;
	const char *uri;
	json_t *required;
	unsigned bit;

	if (!json_is_object(listed)) {
		*out = VOCAB_DEFAULT;
		return OO_OK;
	}
	*out = VOCAB_CORE;
	json_object_foreach(listed, uri, required) {
		bit = vocabulary_bit(uri);
		if (bit)
			*out |= bit;
		else if (json_is_true(required))
			return oo_error_set(ctx->err, OO_ESCHEMA, NULL, 0, 0,
					    "invalid schema: meta-schema \"%s\" requires the vocabulary \"%s\", which is not supported",
					    meta_uri, uri);
	}
	return OO_OK;
}

/* Finds the meta-schema document: a resource already indexed, or a
 * registry document. A meta-schema that is in neither (such as the
 * official 2020-12 one when no registry has it) gives NULL. */
static json_t *find_meta_schema(compile_ctx *ctx, const char *uri)
{
	schema_resource *res = oo_schema__map_get(&ctx->resources, uri);

	if (res)
		return res->root;
	return ctx->registry ? oo_schema__registry_get(ctx->registry, uri) : NULL;
}

oo_status oo_schema__resource_vocabularies(compile_ctx *ctx, schema_resource *resource,
					   unsigned *out)
{
	json_t *schema_uri = json_is_object(resource->root)
				     ? json_object_get(resource->root, "$schema") : NULL;
	const char *fragment;
	char *uri;
	oo_status rc = OO_OK;

	if (resource->vocabularies_known) {
		*out = resource->vocabularies;
		return OO_OK;
	}
	if (!json_is_string(schema_uri)) {
		*out = VOCAB_DEFAULT;
		if (resource->parent)
			rc = oo_schema__resource_vocabularies(ctx, resource->parent, out);
	} else {
		uri = oo_schema__uri_split(json_string_value(schema_uri), &fragment);
		if (!uri)
			return oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
		rc = read_vocabulary(ctx, find_meta_schema(ctx, uri), uri, out);
		oo_free(uri);
	}
	if (rc != OO_OK)
		return rc;
	resource->vocabularies = *out;
	resource->vocabularies_known = 1;
	return OO_OK;
}
