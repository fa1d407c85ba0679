/* SPDX-License-Identifier: EUPL-1.2 */
/* Extracts the fields of a Form.io form definition, as Form.io exports it
 * and as Open Forms stores each step (formDefinitions.json), into the
 * oo_form model. Layout components (panel, fieldset, columns, well, table,
 * container) only give their title as context to the fields inside. */
#include "audit_private.h"

#include <string.h>
#include <strings.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/file.h"
#include "onlyonce/json.h"

typedef struct {
	const char *path;
	const char *text;
	size_t len;
	oo_findings *findings;
	oo_error *err;
	oo_form *form;
} formio_reader;

static const struct { const char *type; oo_field_type field; } component_types[] = {
	{ "textfield", OO_FIELD_TEXT }, { "textarea", OO_FIELD_TEXTAREA },
	{ "number", OO_FIELD_NUMBER }, { "currency", OO_FIELD_NUMBER },
	{ "email", OO_FIELD_EMAIL }, { "phoneNumber", OO_FIELD_TEL },
	{ "date", OO_FIELD_DATE }, { "datetime", OO_FIELD_DATE }, { "day", OO_FIELD_DATE },
	{ "time", OO_FIELD_OTHER }, { "select", OO_FIELD_SELECT }, { "radio", OO_FIELD_RADIO },
	{ "selectboxes", OO_FIELD_CHECKBOXES }, { "checkbox", OO_FIELD_CHECKBOX },
	{ "file", OO_FIELD_FILE }, { "hidden", OO_FIELD_HIDDEN },
	/* Open Forms components. */
	{ "postcode", OO_FIELD_TEXT }, { "iban", OO_FIELD_TEXT }, { "bsn", OO_FIELD_TEXT },
	{ "licenseplate", OO_FIELD_TEXT }, { "addressNL", OO_FIELD_TEXT },
	{ "map", OO_FIELD_OTHER }, { "signature", OO_FIELD_OTHER },
};

/* Returns 1 and the field type for a component that asks something; 0 for
 * layout and content components (and for unknown ones, such as buttons). */
static int field_type_of(const char *type, oo_field_type *out)
{
	size_t i;

	for (i = 0; type && i < sizeof(component_types) / sizeof(component_types[0]); i++) {
		if (strcmp(type, component_types[i].type) == 0) {
			*out = component_types[i].field;
			return 1;
		}
	}
	return 0;
}

static const char *string_member(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int true_member(const json_t *o, const char *key)
{
	return json_is_true(json_object_get(o, key));
}

static oo_status add_options(oo_field *f, const json_t *values)
{
	oo_option *option;
	size_t i;
	json_t *v;
	oo_status rc = OO_OK;

	json_array_foreach(values, i, v) {
		const char *value = string_member(v, "value");
		const char *label = string_member(v, "label");

		if (!value)
			continue;
		rc = oo_field_add_option(f, value, &option);
		if (rc == OO_OK && label && *label)
			rc = oo_text_set(&option->label, OO_LANG_NL, label);
		if (rc != OO_OK)
			break;
	}
	return rc;
}

/* A component filled by the site: an Open Forms prefill plugin, or a
 * disabled component with a default value. */
static int prefilled(const json_t *c)
{
	const json_t *prefill = json_object_get(c, "prefill");
	const char *plugin = string_member(prefill, "plugin");

	if (plugin && *plugin)
		return 1;
	return true_member(c, "disabled") && json_object_get(c, "defaultValue") &&
	       !json_is_null(json_object_get(c, "defaultValue"));
}

static int label_hidden(const json_t *c)
{
	const char *label = string_member(c, "label");

	return !label || !*label || true_member(c, "hideLabel");
}

/* Sets the label, its source and the options of a field from component c. */
static oo_status describe_field(oo_field *f, const json_t *c)
{
	const char *label = string_member(c, "label");
	const json_t *validate = json_object_get(c, "validate");
	const json_t *values = json_object_get(c, "values");
	oo_status rc = OO_OK;

	if (!json_array_size(values))
		values = json_object_get(json_object_get(c, "data"), "values");
	f->required = true_member(validate, "required");
	f->prefill = prefilled(c);
	if (label && *label)
		rc = oo_text_set(&f->label, OO_LANG_NL, label);
	if (!label_hidden(c))
		f->label_source = f->type == OO_FIELD_RADIO || f->type == OO_FIELD_CHECKBOXES
				  ? OO_LABEL_LEGEND : OO_LABEL_FOR;
	else if (f->placeholder && *f->placeholder)
		f->label_source = OO_LABEL_PLACEHOLDER;
	else
		f->label_source = OO_LABEL_NONE;
	if (rc == OO_OK && json_array_size(values))
		rc = add_options(f, values);
	return rc;
}

/* Copies string member key of c, or stores NULL when it is absent. */
static oo_status copy_member(char **out, const json_t *c, const char *key)
{
	const char *s = string_member(c, key);

	*out = NULL;
	if (s && *s && !(*out = oo_strdup(s)))
		return OO_ENOMEM;
	return OO_OK;
}

static oo_status add_component(formio_reader *r, const json_t *c, oo_field_type type,
			       const char *pointer, const char *context)
{
	const char *key = string_member(c, "key");
	oo_field *f = NULL;
	oo_status rc;

	if (r->form->field_count >= OO_AUDIT_MAX_FIELDS)
		return oo_error_set(r->err, OO_ELIMIT, r->path, 0, 0,
				    "'%s' has more than %d form fields, the limit of an audit",
				    r->path, OO_AUDIT_MAX_FIELDS);
	rc = oo_form_add_field(r->form, &f);
	if (rc != OO_OK)
		return rc;
	f->type = type;
	if (oo_form_find_field(r->form, key) == NULL && key && *key && !(f->id = oo_strdup(key)))
		return OO_ENOMEM;
	if (!f->id) {
		oo_buf id = OO_BUF_INIT;

		oo_buf_printf(&id, "field-%zu", r->form->field_count);
		if (!(f->id = oo_buf_detach(&id)))
			return OO_ENOMEM;
	}
	if (copy_member(&f->name, c, "key") != OO_OK || copy_member(&f->placeholder, c, "placeholder") != OO_OK ||
	    copy_member(&f->html_autocomplete, c, "autocomplete") != OO_OK ||
	    !(f->location = oo_strdup(pointer)) || !(f->context = oo_strdup(context ? context : "")))
		return OO_ENOMEM;
	oo_jsonloc_find(r->text, r->len, pointer, &f->line, &f->column);
	rc = describe_field(f, c);
	if (rc == OO_OK && r->findings)
		rc = oo_audit__label_findings(r->findings, r->path, OO_LANG_NL, f, 1);
	return rc;
}

static oo_status walk_components(formio_reader *r, const json_t *list, const char *pointer,
				 const char *context, int depth);

/* Appends the title of a layout component to the context, innermost first,
 * as the HTML extractor joins legends and headings. */
static char *nested_context(const json_t *c, const char *context)
{
	const char *title = string_member(c, "title");
	oo_buf buf = OO_BUF_INIT;

	if (!title || !*title)
		title = string_member(c, "legend");
	if (title && *title)
		oo_buf_puts(&buf, title);
	if (context && *context) {
		if (buf.len)
			oo_buf_puts(&buf, " / ");
		oo_buf_puts(&buf, context);
	}
	return oo_buf_detach(&buf);
}

/* Enters the children of a layout component: components, the columns of
 * a columns component, and the cells of a table's rows. */
static oo_status walk_children(formio_reader *r, const json_t *c, const char *pointer,
			       const char *context, int depth)
{
	static const char *const members[] = { "components", "columns", "rows" };
	oo_status rc = OO_OK;
	size_t m, i;
	json_t *item;

	for (m = 0; m < sizeof(members) / sizeof(members[0]) && rc == OO_OK; m++) {
		const json_t *list = json_object_get(c, members[m]);
		char *base = json_is_array(list) ? oo_pointer_append(pointer, members[m]) : NULL;

		if (!json_is_array(list))
			continue;
		if (!base)
			return OO_ENOMEM;
		if (m == 0)
			rc = walk_components(r, list, base, context, depth + 1);
		json_array_foreach(list, i, item) {
			char *at;

			if (m == 0 || rc != OO_OK)
				break;
			if (!(at = oo_pointer_append_index(base, i)))
				rc = OO_ENOMEM;
			else
				rc = json_is_array(item) ? walk_components(r, item, at, context, depth + 1)
							 : walk_children(r, item, at, context, depth + 1);
			oo_free(at);
		}
		oo_free(base);
	}
	return rc;
}

static oo_status walk_component(formio_reader *r, const json_t *c, const char *pointer,
				const char *context, int depth)
{
	oo_field_type type;
	char *inner;
	oo_status rc;

	if (depth > OO_JSON_MAX_DEPTH)
		return oo_error_set(r->err, OO_ELIMIT, r->path, 0, 0,
				    "components of '%s' are nested deeper than %d levels",
				    r->path, OO_JSON_MAX_DEPTH);
	if (!json_is_object(c))
		return OO_OK;
	if (true_member(c, "input") && field_type_of(string_member(c, "type"), &type))
		return add_component(r, c, type, pointer, context);
	inner = nested_context(c, context);
	if (!inner)
		return OO_ENOMEM;
	rc = walk_children(r, c, pointer, inner, depth);
	oo_free(inner);
	return rc;
}

static oo_status walk_components(formio_reader *r, const json_t *list, const char *pointer,
				 const char *context, int depth)
{
	oo_status rc = OO_OK;
	size_t i;
	json_t *c;

	json_array_foreach(list, i, c) {
		char *at = oo_pointer_append_index(pointer, i);

		rc = at ? walk_component(r, c, at, context, depth) : OO_ENOMEM;
		oo_free(at);
		if (rc != OO_OK)
			break;
	}
	return rc;
}

/* The login schemes of Open Forms (authenticationBackends of a form,
 * loginOptions of its API) and the identification each proves. */
static oo_identification scheme_identifies(const char *scheme)
{
	static const struct { const char *scheme; oo_identification who; } schemes[] = {
		{ "digid", OO_IDENTIFY_PERSON }, { "itsme", OO_IDENTIFY_PERSON },
		{ "eid", OO_IDENTIFY_PERSON }, { "csam", OO_IDENTIFY_PERSON },
		{ "eherkenning", OO_IDENTIFY_ENTERPRISE },
	};
	size_t i;

	for (i = 0; scheme && i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncasecmp(scheme, schemes[i].scheme, strlen(schemes[i].scheme)) == 0)
			return schemes[i].who;
	return OO_IDENTIFY_NONE;
}

static oo_identification login_of(const json_t *doc)
{
	static const char *const keys[] = { "authenticationBackends", "authBackends", "loginOptions" };
	unsigned who = OO_IDENTIFY_NONE;
	size_t k, i;
	json_t *item;

	for (k = 0; json_is_object(doc) && k < sizeof(keys) / sizeof(keys[0]); k++) {
		json_array_foreach(json_object_get(doc, keys[k]), i, item) {
			const char *scheme = json_is_string(item) ? json_string_value(item)
				: string_member(item, "backend") ? string_member(item, "backend")
				: string_member(item, "identifier");

			who |= (unsigned)scheme_identifies(scheme);
		}
	}
	return (oo_identification)who;
}

/* Names the form by its slug, path or name, else by the file name. */
static oo_status name_form(oo_form *form, const json_t *doc, const char *path)
{
	static const char *const keys[] = { "slug", "path", "name", "title" };
	const char *id = NULL, *title = string_member(doc, "title");
	const char *base = path ? strrchr(path, '/') : NULL;
	size_t k;

	for (k = 0; !id && k < sizeof(keys) / sizeof(keys[0]); k++)
		if (string_member(doc, keys[k]) && *string_member(doc, keys[k]))
			id = string_member(doc, keys[k]);
	base = base ? base + 1 : (path ? path : "form");
	if (!title)
		title = string_member(doc, "name");
	form->id = oo_strdup(id ? id : base);
	if (!form->id || (path && !(form->file = oo_strdup(path))))
		return OO_ENOMEM;
	return title ? oo_text_set(&form->title, OO_LANG_NL, title) : OO_OK;
}

/* Returns the components of one step: the document itself, or the
 * configuration member of an Open Forms form definition. Stores the JSON
 * Pointer of the list in pointer. */
static const json_t *components_of(const json_t *step, const char *at, char **pointer)
{
	const json_t *list = json_object_get(step, "components");

	*pointer = NULL;
	if (json_is_array(list)) {
		*pointer = oo_pointer_append(at, "components");
		return list;
	}
	list = json_object_get(json_object_get(step, "configuration"), "components");
	if (json_is_array(list)) {
		char *config = oo_pointer_append(at, "configuration");

		*pointer = config ? oo_pointer_append(config, "components") : NULL;
		oo_free(config);
		return list;
	}
	return NULL;
}

static oo_status read_step(formio_reader *r, const json_t *step, const char *at, int *found)
{
	char *pointer = NULL;
	const json_t *list = components_of(step, at, &pointer);
	const char *name = string_member(step, "title");
	oo_status rc;

	if (!list)
		return OO_OK;
	if (!name || !*name)
		name = string_member(step, "name");
	*found = 1;
	rc = pointer ? walk_components(r, list, pointer, name, 1) : OO_ENOMEM;
	oo_free(pointer);
	return rc;
}

/* Reads a document with components, or an array of steps (an Open Forms
 * formDefinitions.json), into r->form. */
static oo_status read_document(formio_reader *r, const json_t *doc)
{
	oo_status rc = OO_OK;
	int found = 0;
	size_t i;
	json_t *step;

	if (json_is_array(doc)) {
		json_array_foreach(doc, i, step) {
			char *at = oo_pointer_append_index("", i);

			rc = at ? read_step(r, step, at, &found) : OO_ENOMEM;
			oo_free(at);
			if (rc != OO_OK)
				return rc;
		}
	} else {
		rc = read_step(r, doc, "", &found);
	}
	if (rc == OO_OK && !found)
		return oo_error_set(r->err, OO_EPARSE, r->path, 0, 0,
				    "'%s' is JSON but not a Form.io or Open Forms form: it has no components",
				    r->path);
	return rc;
}

oo_status oo_audit_extract_formio(oo_form ***forms, size_t *count,
				  const char *json, size_t len, const char *path,
				  oo_findings *findings, oo_error *err)
{
	formio_reader r = { path, json, len, findings, err, NULL };
	json_t *doc = NULL;
	oo_status rc;

	*forms = NULL;
	*count = 0;
	if (len > OO_FILE_MAX_SIZE)
		return oo_error_set(err, OO_ELIMIT, path, 0, 0,
				    "'%s' is larger than the limit of %zu bytes for a form export",
				    path, OO_FILE_MAX_SIZE);
	rc = oo_json_parse(&doc, json, len, path, err);
	if (rc != OO_OK)
		return rc;
	rc = oo_form_new(&r.form, NULL);
	if (rc == OO_OK)
		rc = name_form(r.form, json_is_array(doc) ? json_array_get(doc, 0) : doc, path);
	if (rc == OO_OK) {
		r.form->languages[OO_LANG_NL] = 1;
		r.form->identification = login_of(json_is_array(doc) ? json_array_get(doc, 0) : doc);
		r.form->login_identifies = r.form->identification != OO_IDENTIFY_NONE;
		rc = read_document(&r, doc);
	}
	if (rc == OO_OK && !(*forms = oo_malloc(sizeof(**forms))))
		rc = OO_ENOMEM;
	if (rc == OO_OK) {
		(*forms)[0] = r.form;
		*count = 1;
		r.form = NULL;
	} else if (rc == OO_ENOMEM) {
		oo_error_set(err, rc, path, 0, 0, "out of memory extracting the fields of '%s'", path);
	}
	oo_form_free(r.form);
	json_decref(doc);
	return rc;
}
