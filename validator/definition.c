/* SPDX-License-Identifier: EUPL-1.2 */
/* Builds the form model from a definition document. The document has passed
 * validation against form.schema.json, so this code only reads members and
 * records where each field sits in the source text. */
#include "onlyonce/check.h"

#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/json.h"

/* Source text and path of the document being read. */
typedef struct {
	const char *text;
	size_t len;
	const char *path;
	oo_error *err;
} reader;

static oo_status no_memory(reader *r)
{
	return oo_error_set(r->err, OO_ENOMEM, r->path, 0, 0, "out of memory reading the definition");
}

static oo_status read_text(reader *r, oo_text *dst, json_t *obj)
{
	int lang;

	for (lang = 0; lang < OO_LANG_COUNT; lang++) {
		json_t *v = json_object_get(obj, oo_lang_code((oo_lang)lang));

		if (json_is_string(v) && oo_text_set(dst, (oo_lang)lang, json_string_value(v)) != OO_OK)
			return no_memory(r);
	}
	return OO_OK;
}

static oo_status read_string(reader *r, char **dst, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (!json_is_string(v))
		return OO_OK;
	*dst = oo_strdup(json_string_value(v));
	return *dst ? OO_OK : no_memory(r);
}

static oo_status read_options(reader *r, oo_field *f, json_t *options)
{
	size_t i;
	json_t *opt;

	json_array_foreach(options, i, opt) {
		oo_option *o;

		if (oo_field_add_option(f, json_string_value(json_object_get(opt, "value")), &o) != OO_OK)
			return no_memory(r);
		if (read_text(r, &o->label, json_object_get(opt, "label")) != OO_OK)
			return OO_ENOMEM;
	}
	return OO_OK;
}

static oo_status read_bounds(oo_field *f, json_t *obj)
{
	json_t *v;

	if ((v = json_object_get(obj, "minimum")) && json_is_number(v)) {
		f->has_min = 1;
		f->min = json_number_value(v);
	}
	if ((v = json_object_get(obj, "maximum")) && json_is_number(v)) {
		f->has_max = 1;
		f->max = json_number_value(v);
	}
	if ((v = json_object_get(obj, "minLength")) && json_is_integer(v))
		f->min_length = (long)json_integer_value(v);
	if ((v = json_object_get(obj, "maxLength")) && json_is_integer(v))
		f->max_length = (long)json_integer_value(v);
	return OO_OK;
}

static oo_status read_field(reader *r, oo_form *form, json_t *obj, const char *pointer)
{
	oo_field *f;
	json_t *cond = json_object_get(obj, "visible_if");
	json_t *prefill = json_object_get(obj, "prefill");
	const char *type = json_string_value(json_object_get(obj, "type"));
	oo_status rc = OO_OK;

	if (oo_form_add_field(form, &f) != OO_OK)
		return no_memory(r);
	/* Without a type the field takes its concept's input type, which
	 * oo_check_file fills in once the catalogue is at hand. */
	f->type = type && oo_field_type_from_name(type) >= 0
		  ? (oo_field_type)oo_field_type_from_name(type) : OO_FIELD_OTHER;
	f->required = json_is_true(json_object_get(obj, "required"));
	/* A concept field takes its value from the source unless prefill is false. */
	f->prefill = prefill ? json_is_true(prefill) : json_object_get(obj, "concept") != NULL;
	if (!(f->location = oo_strdup(pointer)))
		return no_memory(r);
	oo_jsonloc_find(r->text, r->len, pointer, &f->line, &f->column);
	rc |= read_string(r, &f->id, obj, "id");
	rc |= read_string(r, &f->concept, obj, "concept");
	rc |= read_string(r, &f->document, obj, "document");
	rc |= read_string(r, &f->autocomplete, obj, "autocomplete");
	rc |= read_string(r, &f->pattern, obj, "pattern");
	rc |= read_text(r, &f->label, json_object_get(obj, "label"));
	rc |= read_text(r, &f->hint, json_object_get(obj, "hint"));
	rc |= read_text(r, &f->purpose, json_object_get(obj, "purpose"));
	rc |= read_bounds(f, obj);
	rc |= read_options(r, f, json_object_get(obj, "options"));
	if (json_is_object(cond)) {
		rc |= read_string(r, &f->visible_if.field, cond, "field");
		rc |= read_string(r, &f->visible_if.equals, cond, "equals");
	}
	return rc == OO_OK ? OO_OK : OO_ENOMEM;
}

static oo_status read_sections(reader *r, oo_form *form, json_t *sections)
{
	size_t i, j;
	json_t *sec, *field;

	json_array_foreach(sections, i, sec) {
		char *sec_pointer = oo_pointer_append_index("/sections", i);
		oo_section *s;
		oo_status rc = OO_OK;

		if (!sec_pointer || oo_form_add_section(form, json_string_value(json_object_get(sec, "id")), NULL) != OO_OK) {
			oo_free(sec_pointer);
			return no_memory(r);
		}
		s = &form->sections[form->section_count - 1];
		s->location = sec_pointer;
		if (read_text(r, &s->title, json_object_get(sec, "title")) != OO_OK)
			return OO_ENOMEM;
		json_array_foreach(json_object_get(sec, "fields"), j, field) {
			char *fields_pointer = oo_pointer_append(sec_pointer, "fields");
			char *pointer = fields_pointer ? oo_pointer_append_index(fields_pointer, j) : NULL;

			rc = pointer ? read_field(r, form, field, pointer) : no_memory(r);
			oo_free(fields_pointer);
			oo_free(pointer);
			if (rc != OO_OK)
				return rc;
		}
	}
	return OO_OK;
}

static void read_languages(oo_form *form, json_t *langs)
{
	size_t i;
	json_t *v;
	int first = 1;

	json_array_foreach(langs, i, v) {
		int lang = oo_lang_from_code(json_string_value(v));

		if (lang < 0)
			continue;
		form->languages[lang] = 1;
		if (first)
			form->default_language = (oo_lang)lang;
		first = 0;
	}
	if (first)
		form->languages[OO_LANG_NL] = 1;
}

static oo_identification identification_from(const char *type)
{
	if (!type)
		return OO_IDENTIFY_NONE;
	if (strcmp(type, "enterprise") == 0)
		return OO_IDENTIFY_ENTERPRISE;
	if (strcmp(type, "person") == 0)
		return OO_IDENTIFY_PERSON;
	if (strcmp(type, "both") == 0)
		return OO_IDENTIFY_BOTH;
	return OO_IDENTIFY_NONE;
}

static oo_status read_process(reader *r, oo_form *form, json_t *process)
{
	json_t *v;
	oo_status rc = OO_OK;

	rc |= read_text(r, &form->owner, json_object_get(process, "owner"));
	rc |= read_text(r, &form->legal_basis, json_object_get(process, "legal_basis"));
	rc |= read_string(r, &form->advance_field, process, "advance_field");
	if ((v = json_object_get(process, "advance_days")) && json_is_integer(v))
		form->advance_days = (int)json_integer_value(v);
	if ((v = json_object_get(process, "handling_days")) && json_is_integer(v))
		form->handling_days = (int)json_integer_value(v);
	return rc;
}

oo_status oo_definition_from_json(oo_form **out, json_t *doc, const char *text,
				  size_t len, const char *path, oo_error *err)
{
	reader r = { text, len, path, err };
	json_t *applicant = json_object_get(doc, "applicant");
	oo_form *form = NULL;
	oo_status rc;

	*out = NULL;
	if (oo_form_new(&form, json_string_value(json_object_get(doc, "id"))) != OO_OK)
		return no_memory(&r);
	if (path && !(form->file = oo_strdup(path))) {
		rc = no_memory(&r);
		goto cleanup;
	}
	read_languages(form, json_object_get(doc, "languages"));
	form->identification = identification_from(json_string_value(json_object_get(applicant, "type")));
	form->login_identifies = json_is_true(json_object_get(applicant, "login"));
	rc = read_text(&r, &form->title, json_object_get(doc, "title"));
	if (rc == OO_OK)
		rc = read_text(&r, &form->description, json_object_get(doc, "description"));
	if (rc == OO_OK)
		rc = read_process(&r, form, json_object_get(doc, "process"));
	if (rc == OO_OK)
		rc = read_sections(&r, form, json_object_get(doc, "sections"));
	if (rc != OO_OK) {
		rc = no_memory(&r);
		goto cleanup;
	}
	*out = form;
	form = NULL;

cleanup:
	oo_form_free(form);
	return rc;
}
