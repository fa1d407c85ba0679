/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/catalog.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "onlyonce/alloc.h"
#include "onlyonce/file.h"
#include "onlyonce/json.h"

struct oo_catalog {
	oo_concept *concepts;
	size_t count;
};

/* Maximum number of concepts in a catalogue. A larger file is taken for a
 * mistake rather than read. */
#define CATALOG_MAX_CONCEPTS 2000

static oo_status copy_member(char **dst, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	*dst = NULL;
	if (!json_is_string(v))
		return OO_OK;
	*dst = oo_strdup(json_string_value(v));
	return *dst ? OO_OK : OO_ENOMEM;
}

static oo_status copy_text(oo_text *dst, json_t *obj)
{
	int lang;

	for (lang = 0; lang < OO_LANG_COUNT; lang++) {
		json_t *v = json_object_get(obj, oo_lang_code((oo_lang)lang));

		if (json_is_string(v) && oo_text_set(dst, (oo_lang)lang, json_string_value(v)) != OO_OK)
			return OO_ENOMEM;
	}
	return OO_OK;
}

static void concept_clear(oo_concept *c)
{
	int i;

	oo_free(c->id);
	oo_free(c->source);
	oo_free(c->key);
	oo_free(c->magda_path);
	oo_free(c->kbo_column);
	oo_free(c->oslo);
	oo_free(c->autocomplete);
	oo_free(c->input_type);
	oo_free(c->value_pattern);
	oo_free(c->check);
	oo_free(c->derived_from);
	oo_free(c->name_pattern);
	oo_free(c->context);
	oo_text_clear(&c->fetch_note);
	oo_text_clear(&c->label);
	for (i = 0; i < OO_LANG_COUNT; i++)
		oo_free(c->patterns[i]);
}

static oo_status read_concept(oo_concept *c, json_t *obj, size_t index,
			      const char *path, oo_error *err)
{
	json_t *patterns = json_object_get(obj, "patterns");
	const char *kind = json_string_value(json_object_get(obj, "kind"));
	int lang;
	oo_status rc = OO_OK;

	memset(c, 0, sizeof(*c));
	if (!json_is_string(json_object_get(obj, "id")) ||
	    !json_is_string(json_object_get(obj, "source")))
		return oo_error_set(err, OO_EINVAL, path, 0, 0,
				    "concept %zu has no \"id\" or \"source\" string", index);
	c->kind = kind && strcmp(kind, "document") == 0 ? OO_CONCEPT_DOCUMENT : OO_CONCEPT_DATUM;
	c->personal = json_is_true(json_object_get(obj, "personal"));
	c->fetchable = json_is_true(json_object_get(obj, "fetchable"));
	rc |= copy_member(&c->id, obj, "id");
	rc |= copy_member(&c->source, obj, "source");
	rc |= copy_member(&c->key, obj, "key");
	rc |= copy_member(&c->magda_path, obj, "magda_path");
	rc |= copy_member(&c->kbo_column, obj, "kbo_column");
	rc |= copy_member(&c->oslo, obj, "oslo");
	rc |= copy_member(&c->autocomplete, obj, "autocomplete");
	rc |= copy_member(&c->input_type, obj, "input_type");
	rc |= copy_member(&c->value_pattern, obj, "value_pattern");
	rc |= copy_member(&c->check, obj, "check");
	rc |= copy_member(&c->derived_from, obj, "derived_from");
	rc |= copy_member(&c->name_pattern, obj, "name_pattern");
	rc |= copy_member(&c->context, obj, "context");
	rc |= copy_text(&c->label, json_object_get(obj, "label"));
	rc |= copy_text(&c->fetch_note, json_object_get(obj, "fetch_note"));
	for (lang = 0; lang < OO_LANG_COUNT; lang++)
		rc |= copy_member(&c->patterns[lang], patterns, oo_lang_code((oo_lang)lang));
	if (rc != OO_OK) {
		concept_clear(c);
		return oo_error_set(err, OO_ENOMEM, path, 0, 0, "out of memory loading the catalogue");
	}
	return OO_OK;
}

static oo_status read_catalog(oo_catalog *cat, json_t *doc, const char *path, oo_error *err)
{
	json_t *list = json_object_get(doc, "concepts");
	size_t i, n;

	if (!json_is_array(list))
		return oo_error_set(err, OO_EINVAL, path, 0, 0,
				    "the catalogue has no \"concepts\" array");
	n = json_array_size(list);
	if (n > CATALOG_MAX_CONCEPTS)
		return oo_error_set(err, OO_ELIMIT, path, 0, 0,
				    "the catalogue has %zu concepts, more than the limit of %d",
				    n, CATALOG_MAX_CONCEPTS);
	cat->concepts = oo_calloc(n ? n : 1, sizeof(*cat->concepts));
	if (!cat->concepts)
		return oo_error_set(err, OO_ENOMEM, path, 0, 0, "out of memory loading the catalogue");
	for (i = 0; i < n; i++) {
		oo_status rc = read_concept(&cat->concepts[i], json_array_get(list, i), i, path, err);

		if (rc != OO_OK)
			return rc;
		cat->count++;
		if (oo_catalog_find(cat, cat->concepts[i].id) != &cat->concepts[i])
			return oo_error_set(err, OO_EINVAL, path, 0, 0,
					    "concept \"%s\" appears twice in the catalogue",
					    cat->concepts[i].id);
	}
	return OO_OK;
}

oo_status oo_catalog_load(oo_catalog **out, const char *path, oo_error *err)
{
	char *text = NULL;
	size_t len = 0;
	json_t *doc = NULL;
	oo_catalog *cat = NULL;
	oo_status rc;

	*out = NULL;
	rc = oo_file_read(&text, &len, path, OO_FILE_MAX_SIZE, err);
	if (rc != OO_OK)
		goto cleanup;
	rc = oo_json_parse(&doc, text, len, path, err);
	if (rc != OO_OK)
		goto cleanup;
	cat = oo_calloc(1, sizeof(*cat));
	if (!cat) {
		rc = oo_error_set(err, OO_ENOMEM, path, 0, 0, "out of memory loading the catalogue");
		goto cleanup;
	}
	rc = read_catalog(cat, doc, path, err);
	if (rc != OO_OK)
		goto cleanup;
	*out = cat;
	cat = NULL;

cleanup:
	oo_catalog_free(cat);
	json_decref(doc);
	oo_free(text);
	return rc;
}

const char *oo_catalog_default_path(void)
{
	static const char *const candidates[] = {
		ONLYONCE_SOURCE_DIR "/schemas/concepts.json",
		ONLYONCE_DATADIR "/concepts.json",
	};
	size_t i;

	for (i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++)
		if (access(candidates[i], R_OK) == 0)
			return candidates[i];
	return candidates[0];
}

size_t oo_catalog_count(const oo_catalog *cat)
{
	return cat ? cat->count : 0;
}

const oo_concept *oo_catalog_at(const oo_catalog *cat, size_t i)
{
	return cat && i < cat->count ? &cat->concepts[i] : NULL;
}

const oo_concept *oo_catalog_find(const oo_catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; cat && id && i < cat->count; i++)
		if (strcmp(cat->concepts[i].id, id) == 0)
			return &cat->concepts[i];
	return NULL;
}

int oo_concept_is_authentic(const oo_concept *c)
{
	return c && c->source && strcmp(c->source, "none") != 0;
}

void oo_catalog_free(oo_catalog *cat)
{
	size_t i;

	if (!cat)
		return;
	for (i = 0; i < cat->count; i++)
		concept_clear(&cat->concepts[i]);
	oo_free(cat->concepts);
	oo_free(cat);
}
