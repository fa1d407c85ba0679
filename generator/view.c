/* SPDX-License-Identifier: EUPL-1.2 */
/* Applies a concept's defaults to a field: a field names a concept and
 * inherits its label, type, autocomplete token and pattern unless it sets
 * its own. */
#include "html_internal.h"

#include <string.h>

#include "onlyonce/autocomplete.h"

static oo_field_type resolve_type(const oo_field *field, const oo_concept *concept)
{
	int type;

	/* The loader marks a field without a type as OTHER until the
	 * concept's input type is known. */
	if (field->type != OO_FIELD_OTHER)
		return field->type;
	if (!concept || !concept->input_type)
		return OO_FIELD_TEXT;
	type = oo_field_type_from_name(concept->input_type);
	return type >= 0 && type != OO_FIELD_OTHER ? (oo_field_type)type : OO_FIELD_TEXT;
}

/* A token that breaks the autofill grammar or names a field the control
 * cannot hold is left out: browsers ignore it anyway, and the HTML would be
 * invalid. onlyonce check reports it as OO301. */
static int token_fits(const char *token, oo_field_type type)
{
	oo_autocomplete ac;

	if (!token)
		return 1;
	return oo_autocomplete_parse(&ac, token) == OO_AUTOCOMPLETE_OK &&
	       oo_autocomplete_check_control(&ac, type) == OO_AUTOCOMPLETE_OK;
}

void oo_generator__view(oo_field_view *view, const oo_field *field, const oo_catalog *cat)
{
	const char *concept_id = field->concept ? field->concept : field->document;

	memset(view, 0, sizeof(*view));
	view->field = field;
	view->concept = cat && concept_id ? oo_catalog_find(cat, concept_id) : NULL;
	view->type = resolve_type(field, view->concept);
	view->autocomplete = field->autocomplete;
	if (!view->autocomplete && view->concept)
		view->autocomplete = view->concept->autocomplete;
	if (!token_fits(view->autocomplete, view->type))
		view->autocomplete = NULL;
	view->pattern = field->pattern;
	if (!view->pattern && view->concept)
		view->pattern = view->concept->value_pattern;

	/* The loader turns prefill on for every concept field by default, but
	 * only a concept held by an authentic source has a value to take. */
	view->prefill = field->prefill && field->concept &&
			(!view->concept || oo_concept_is_authentic(view->concept));

	/* A birth date is remembered as three numbers, not picked from a
	 * calendar, so it gets the three-part date input. */
	view->date_parts = view->type == OO_FIELD_DATE && view->autocomplete &&
			   strcmp(view->autocomplete, "bday") == 0;
}

const char *oo_generator__label(const oo_field_view *view, oo_lang lang)
{
	const oo_text *own = &view->field->label;
	const oo_text *inherited = view->concept ? &view->concept->label : NULL;
	const char *label;

	if ((label = oo_text_exact(own, lang)) != NULL)
		return label;
	if (inherited && (label = oo_text_exact(inherited, lang)) != NULL)
		return label;
	if ((label = oo_text_get(own, lang)) != NULL)
		return label;
	if (inherited && (label = oo_text_get(inherited, lang)) != NULL)
		return label;
	return view->field->id ? view->field->id : "";
}

const char *oo_generator__option_label(const oo_field *field, const char *value, oo_lang lang)
{
	size_t i;

	for (i = 0; value && i < field->option_count; i++) {
		const oo_option *o = &field->options[i];

		if (o->value && strcmp(o->value, value) == 0 && oo_text_get(&o->label, lang))
			return oo_text_get(&o->label, lang);
	}
	return value;
}
