/* SPDX-License-Identifier: EUPL-1.2 */
/* The JSON Schema (draft 2020-12) that a submission of a form must meet:
 * one property per field, typed as the page asks it, so that the server
 * checks what the browser checked, and more. */
#include "html_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"

#define SUBMISSION_ID_FORMAT "https://onlyonce.be/forms/%s.submission.schema.json"

/* Sets key of obj to value (taking ownership) and records a failure in
 * *failed, so that a builder checks once at the end. */
static void put(json_t *obj, const char *key, json_t *value, int *failed)
{
	if (!value || json_object_set_new(obj, key, value) != 0)
		*failed = 1;
}

static void push(json_t *array, json_t *value, int *failed)
{
	if (!value || json_array_append_new(array, value) != 0)
		*failed = 1;
}

/* An integral bound is written as an integer, so that "minimum": 1 reads
 * as the definition wrote it. */
static json_t *number_value(double value)
{
	if (value == floor(value) && fabs(value) < 9007199254740992.0)
		return json_integer((json_int_t)value);
	return json_real(value);
}

static json_t *option_values(const oo_field *field, int *failed)
{
	json_t *values = json_array();
	size_t i;

	if (!values) {
		*failed = 1;
		return NULL;
	}
	for (i = 0; i < field->option_count; i++)
		push(values, json_string(field->options[i].value ? field->options[i].value : ""),
		     failed);
	return values;
}

static void put_string_bounds(json_t *prop, const oo_field_view *view, int *failed)
{
	if (view->pattern)
		put(prop, "pattern", json_string(view->pattern), failed);
	if (view->field->min_length >= 0)
		put(prop, "minLength", json_integer(view->field->min_length), failed);
	if (view->field->max_length >= 0)
		put(prop, "maxLength", json_integer(view->field->max_length), failed);
}

/* Returns the custom format that checks the concept's check digits, so
 * `onlyonce validate` (which asserts formats) rejects a number whose
 * digits do not add up, not only one of the wrong shape. */
static const char *check_format(const oo_concept *concept)
{
	static const struct { const char *check, *format; } formats[] = {
		{ "mod97-enterprise", "be-enterprise-number" },
		{ "mod97-establishment", "be-establishment-number" },
		{ "insz", "be-insz" },
		{ "iban-be", "be-iban" },
	};
	size_t i;

	if (!concept || !concept->check)
		return NULL;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(concept->check, formats[i].check) == 0)
			return formats[i].format;
	return NULL;
}

static void put_type(json_t *prop, const oo_field_view *view, int *failed)
{
	const oo_field *f = view->field;
	json_t *items;

	switch (view->type) {
	case OO_FIELD_NUMBER:
		put(prop, "type", json_string("number"), failed);
		if (f->has_min)
			put(prop, "minimum", number_value(f->min), failed);
		if (f->has_max)
			put(prop, "maximum", number_value(f->max), failed);
		break;
	case OO_FIELD_DATE:
		/* format is only an annotation by default in 2020-12, so the
		 * pattern makes the shape an assertion. */
		put(prop, "type", json_string("string"), failed);
		put(prop, "format", json_string("date"), failed);
		put(prop, "pattern", json_string("^\\d{4}-\\d{2}-\\d{2}$"), failed);
		break;
	case OO_FIELD_RADIO:
	case OO_FIELD_SELECT:
		put(prop, "enum", option_values(f, failed), failed);
		break;
	case OO_FIELD_CHECKBOXES:
		put(prop, "type", json_string("array"), failed);
		items = json_object();
		if (items)
			put(items, "enum", option_values(f, failed), failed);
		put(prop, "items", items, failed);
		put(prop, "uniqueItems", json_true(), failed);
		break;
	case OO_FIELD_CHECKBOX:
		put(prop, "type", json_string("boolean"), failed);
		break;
	case OO_FIELD_FILE:
		/* The submission names the uploaded file; the file itself
		 * travels in the multipart body. */
		put(prop, "type", json_string("string"), failed);
		break;
	case OO_FIELD_EMAIL:
		put(prop, "type", json_string("string"), failed);
		put(prop, "format", json_string("email"), failed);
		put_string_bounds(prop, view, failed);
		break;
	default:
		put(prop, "type", json_string("string"), failed);
		put_string_bounds(prop, view, failed);
		if (check_format(view->concept))
			put(prop, "format", json_string(check_format(view->concept)), failed);
		break;
	}
}

static json_t *field_property(const oo_form *form, const oo_field_view *view, int *failed)
{
	json_t *prop = json_object();
	const char *purpose = oo_text_get(&view->field->purpose, form->default_language);

	if (!prop) {
		*failed = 1;
		return NULL;
	}
	put(prop, "title", json_string(oo_generator__label(view, form->default_language)), failed);
	if (purpose)
		put(prop, "description", json_string(purpose), failed);
	put_type(prop, view, failed);
	if (view->prefill)
		put(prop, "readOnly", json_true(), failed);
	return prop;
}

/* The value the condition compares with, typed as the other field posts
 * it: a boolean for a checkbox, a number for a number field. */
static json_t *condition_value(const oo_field_view *other, const char *equals)
{
	char *end;
	double number;

	if (!equals)
		return json_null();
	if (other && other->type == OO_FIELD_CHECKBOX &&
	    (strcmp(equals, "true") == 0 || strcmp(equals, "false") == 0))
		return json_boolean(strcmp(equals, "true") == 0);
	if (other && other->type == OO_FIELD_NUMBER) {
		number = strtod(equals, &end);
		if (end != equals && *end == '\0')
			return number_value(number);
	}
	return json_string(equals);
}

/* A required field with visible_if is required only when its condition
 * holds: { if: {properties: {other: {const: v}}, required: [other]},
 * then: {required: [field]} }. For a group of checkboxes the condition is
 * that the array contains v. */
static json_t *condition_rule(const oo_form *form, const oo_catalog *cat,
			      const oo_field *field, int *failed)
{
	const oo_condition *cond = &field->visible_if;
	const oo_field *other = oo_form_find_field(form, cond->field);
	oo_field_view other_view;
	json_t *rule = json_object(), *when = json_object(), *props = json_object();
	json_t *test = json_object(), *then = json_object();

	if (!rule || !when || !props || !test || !then) {
		json_decref(rule);
		json_decref(when);
		json_decref(props);
		json_decref(test);
		json_decref(then);
		*failed = 1;
		return NULL;
	}
	if (other)
		oo_generator__view(&other_view, other, cat);
	if (other && other_view.type == OO_FIELD_CHECKBOXES)
		put(test, "contains", json_pack("{s:s}", "const", cond->equals ? cond->equals : ""),
		    failed);
	else
		put(test, "const", condition_value(other ? &other_view : NULL, cond->equals), failed);

	put(props, cond->field, test, failed);
	put(when, "properties", props, failed);
	put(when, "required", json_pack("[s]", cond->field), failed);
	put(then, "required", json_pack("[s]", field->id), failed);
	put(rule, "if", when, failed);
	put(rule, "then", then, failed);
	return rule;
}

/* Adds the field to properties, and to required or to the conditional
 * rules in all_of. */
static void add_field(const oo_form *form, const oo_catalog *cat, const oo_field *field,
		      json_t *properties, json_t *required, json_t *all_of, int *failed)
{
	oo_field_view view;

	oo_generator__view(&view, field, cat);
	put(properties, field->id, field_property(form, &view, failed), failed);
	if (!field->required)
		return;
	if (field->visible_if.field)
		push(all_of, condition_rule(form, cat, field, failed), failed);
	else
		push(required, json_string(field->id), failed);
}

static json_t *schema_root(const oo_form *form, int *failed)
{
	json_t *root = json_object();
	const char *title = oo_text_get(&form->title, form->default_language);
	char *id;
	size_t len = strlen(SUBMISSION_ID_FORMAT) + strlen(form->id);

	if (!root || !(id = oo_malloc(len))) {
		json_decref(root);
		*failed = 1;
		return NULL;
	}
	snprintf(id, len, SUBMISSION_ID_FORMAT, form->id);
	put(root, "$schema", json_string("https://json-schema.org/draft/2020-12/schema"), failed);
	put(root, "$id", json_string(id), failed);
	oo_free(id);
	if (title)
		put(root, "title", json_string(title), failed);
	put(root, "type", json_string("object"), failed);
	return root;
}

oo_status oo_submission_schema(json_t **out, const oo_form *form,
			       const oo_catalog *cat, oo_error *err)
{
	json_t *root = NULL, *properties = NULL, *required = NULL, *all_of = NULL;
	int failed = 0;
	size_t i;

	if (!out || !form || !form->id)
		return oo_error_set(err, OO_EINVAL, form ? form->file : NULL, 0, 0,
				    "no output, form or form id given");
	*out = NULL;
	root = schema_root(form, &failed);
	properties = json_object();
	required = json_array();
	all_of = json_array();
	if (failed || !properties || !required || !all_of)
		goto fail;

	for (i = 0; i < form->field_count; i++)
		if (form->fields[i].id)
			add_field(form, cat, &form->fields[i], properties, required, all_of, &failed);

	put(root, "properties", properties, &failed);
	properties = NULL;
	if (json_array_size(required))
		put(root, "required", json_incref(required), &failed);
	if (json_array_size(all_of))
		put(root, "allOf", json_incref(all_of), &failed);
	put(root, "additionalProperties", json_false(), &failed);
	if (failed)
		goto fail;

	json_decref(required);
	json_decref(all_of);
	*out = root;
	return OO_OK;

fail:
	json_decref(root);
	json_decref(properties);
	json_decref(required);
	json_decref(all_of);
	return oo_error_set(err, OO_ENOMEM, form->file, 0, 0,
			    "out of memory building the submission schema of form \"%s\"", form->id);
}
