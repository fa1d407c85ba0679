/* SPDX-License-Identifier: EUPL-1.2 */
/* OO301: an autocomplete token in a definition must follow the autofill
 * grammar of HTML and fit the control it lands on, so that browsers and
 * assistive technology can tell the purpose of personal-data fields (WCAG
 * 1.3.5). A token that names other data than the field's concept is OO206,
 * reported by rules_structure.c. */
#include "rules_private.h"

#include "onlyonce/autocomplete.h"

/* The run calls this from oo_rules_run. */
oo_status oo_rules__autocomplete(oo_rules__run *run);

static const char grammar_fix[] =
	OO_N_("Use a token of the HTML autofill grammar: [section-*] [shipping|billing] "
	      "[home|work|mobile|fax|pager] field-name [webauthn], or remove the member so "
	      "the field takes its concept's token.");

/* Personal data is what WCAG 1.3.5 covers: a concept the catalogue marks
 * personal or gives a token of its own. */
static int is_personal(const oo_concept *c)
{
	return c && (c->personal || c->autocomplete);
}

/* The type the control is rendered with: the field's own, else its
 * concept's input type, else text. */
static oo_field_type control_type(const oo_field *f, const oo_concept *c)
{
	int type;

	if (f->type != OO_FIELD_OTHER)
		return f->type;
	type = c && c->input_type ? oo_field_type_from_name(c->input_type) : -1;
	return type >= 0 ? (oo_field_type)type : OO_FIELD_TEXT;
}

static oo_status check_field(oo_rules__run *run, const oo_field *f, const oo_concept *c)
{
	oo_severity sev = is_personal(c) ? OO_SEVERITY_ERROR : OO_SEVERITY_WARNING;
	oo_field_type type = control_type(f, c);
	oo_autocomplete ac;
	oo_autocomplete_fault fault = oo_autocomplete_parse(&ac, f->autocomplete);

	if (fault != OO_AUTOCOMPLETE_OK)
		return oo_rules__add(run, f, "autocomplete", "OO301", "autocomplete-invalid-token", sev, c,
				     OO_(grammar_fix), OO_("field \"%s\" has autocomplete \"%s\", which %s"),
				     f->id, f->autocomplete, oo_autocomplete_fault_text(fault));
	fault = oo_autocomplete_check_control(&ac, type);
	if (fault != OO_AUTOCOMPLETE_OK)
		return oo_rules__add(run, f, "autocomplete", "OO301", "autocomplete-invalid-token", sev, c,
				     OO_("Use a field name that this type of control can hold, or change the type."),
				     OO_("field \"%s\" is of type %s, which cannot hold autocomplete \"%s\""),
				     f->id, oo_field_type_name(type), f->autocomplete);
	/* "off" hides the purpose of the field that WCAG 1.3.5 asks to expose. */
	if (ac.on_off == 2 && c && c->autocomplete)
		return oo_rules__add(run, f, "autocomplete", "OO301", "autocomplete-invalid-token",
				     OO_SEVERITY_ERROR, c,
				     OO_("Remove the autocomplete member, so the field takes the concept's token."),
				     OO_("field \"%s\" turns autocomplete off, but its concept %s is \"%s\""),
				     f->id, c->id, c->autocomplete);
	return OO_OK;
}

oo_status oo_rules__autocomplete(oo_rules__run *run)
{
	oo_status rc = OO_OK;
	size_t i;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++)
		if (run->form->fields[i].autocomplete)
			rc = check_field(run, &run->form->fields[i], run->matched[i]);
	return rc;
}
