/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/form.h"

#include <string.h>

#include "onlyonce/alloc.h"

static const char *const type_names[] = {
	[OO_FIELD_TEXT] = "text",
	[OO_FIELD_TEXTAREA] = "textarea",
	[OO_FIELD_NUMBER] = "number",
	[OO_FIELD_DATE] = "date",
	[OO_FIELD_EMAIL] = "email",
	[OO_FIELD_TEL] = "tel",
	[OO_FIELD_RADIO] = "radio",
	[OO_FIELD_SELECT] = "select",
	[OO_FIELD_CHECKBOX] = "checkbox",
	[OO_FIELD_CHECKBOXES] = "checkboxes",
	[OO_FIELD_FILE] = "file",
	[OO_FIELD_HIDDEN] = "hidden",
	[OO_FIELD_OTHER] = "other",
};

#define TYPE_COUNT (sizeof(type_names) / sizeof(type_names[0]))

const char *oo_field_type_name(oo_field_type type)
{
	return (size_t)type < TYPE_COUNT ? type_names[type] : "other";
}

int oo_field_type_from_name(const char *name)
{
	size_t i;

	for (i = 0; name && i < TYPE_COUNT; i++)
		if (strcmp(name, type_names[i]) == 0)
			return (int)i;
	return -1;
}

oo_status oo_form_new(oo_form **out, const char *id)
{
	oo_form *form = oo_calloc(1, sizeof(*form));

	*out = NULL;
	if (!form)
		return OO_ENOMEM;
	if (id && !(form->id = oo_strdup(id))) {
		oo_free(form);
		return OO_ENOMEM;
	}
	*out = form;
	return OO_OK;
}

oo_status oo_form_add_section(oo_form *form, const char *id, size_t *index)
{
	oo_section *sections;
	oo_section *s;

	sections = oo_realloc(form->sections, (form->section_count + 1) * sizeof(*sections));
	if (!sections)
		return OO_ENOMEM;
	form->sections = sections;
	s = &sections[form->section_count];
	memset(s, 0, sizeof(*s));
	if (id && !(s->id = oo_strdup(id)))
		return OO_ENOMEM;
	if (index)
		*index = form->section_count;
	form->section_count++;
	return OO_OK;
}

oo_status oo_form_add_field(oo_form *form, oo_field **out)
{
	oo_field *fields;
	oo_field *f;

	*out = NULL;
	fields = oo_realloc(form->fields, (form->field_count + 1) * sizeof(*fields));
	if (!fields)
		return OO_ENOMEM;
	form->fields = fields;
	f = &fields[form->field_count++];
	memset(f, 0, sizeof(*f));
	f->min_length = -1;
	f->max_length = -1;
	f->section = form->section_count ? form->section_count - 1 : 0;
	*out = f;
	return OO_OK;
}

oo_status oo_field_add_option(oo_field *field, const char *value, oo_option **out)
{
	oo_option *options;
	oo_option *o;

	if (out)
		*out = NULL;
	options = oo_realloc(field->options, (field->option_count + 1) * sizeof(*options));
	if (!options)
		return OO_ENOMEM;
	field->options = options;
	o = &options[field->option_count];
	memset(o, 0, sizeof(*o));
	if (value && !(o->value = oo_strdup(value)))
		return OO_ENOMEM;
	field->option_count++;
	if (out)
		*out = o;
	return OO_OK;
}

const oo_field *oo_form_find_field(const oo_form *form, const char *id)
{
	size_t i;

	for (i = 0; id && i < form->field_count; i++)
		if (form->fields[i].id && strcmp(form->fields[i].id, id) == 0)
			return &form->fields[i];
	return NULL;
}

static void field_clear(oo_field *f)
{
	size_t i;

	oo_free(f->id);
	oo_free(f->concept);
	oo_free(f->document);
	oo_text_clear(&f->label);
	oo_text_clear(&f->hint);
	oo_text_clear(&f->purpose);
	oo_free(f->autocomplete);
	oo_free(f->pattern);
	for (i = 0; i < f->option_count; i++) {
		oo_free(f->options[i].value);
		oo_text_clear(&f->options[i].label);
	}
	oo_free(f->options);
	oo_free(f->visible_if.field);
	oo_free(f->visible_if.equals);
	oo_free(f->location);
	oo_free(f->name);
	oo_free(f->placeholder);
	oo_free(f->context);
	oo_free(f->html_autocomplete);
}

void oo_form_free(oo_form *form)
{
	size_t i;

	if (!form)
		return;
	for (i = 0; i < form->field_count; i++)
		field_clear(&form->fields[i]);
	oo_free(form->fields);
	for (i = 0; i < form->section_count; i++) {
		oo_free(form->sections[i].id);
		oo_text_clear(&form->sections[i].title);
		oo_free(form->sections[i].location);
	}
	oo_free(form->sections);
	oo_free(form->id);
	oo_free(form->file);
	oo_text_clear(&form->title);
	oo_text_clear(&form->description);
	oo_text_clear(&form->owner);
	oo_text_clear(&form->legal_basis);
	oo_free(form->advance_field);
	oo_free(form);
}
