/* SPDX-License-Identifier: EUPL-1.2 */
/* Rules on visible_if conditions and on the field the advance limit names:
 * the field must exist, the value must be one it can have, and conditions
 * must not depend on each other in a cycle. */
#include "rules_private.h"

#include <stdlib.h>
#include <string.h>

#include "onlyonce/buf.h"

static oo_status rule_references(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];

		if (f->visible_if.field && !oo_form_find_field(run->form, f->visible_if.field))
			rc = oo_rules__add(run, f, "visible_if", "OO003", "unknown-field-reference",
					   OO_SEVERITY_ERROR, NULL, OO_("Name the id of a field of this definition."),
					   OO_("field \"%s\" is shown only if field \"%s\" has a value, but no field has that id"),
					   f->id, f->visible_if.field);
	}
	if (rc == OO_OK && run->form->advance_field &&
	    !oo_form_find_field(run->form, run->form->advance_field))
		rc = oo_rules__add(run, NULL, "/process/advance_field", "OO003", "unknown-field-reference",
				   OO_SEVERITY_ERROR, NULL,
				   OO_("Name the id of the date field the advance limit applies to."),
				   OO_("process.advance_field names \"%s\", but no field has that id"),
				   run->form->advance_field);
	return rc;
}

static int has_option(const oo_field *g, const char *value)
{
	size_t i;

	for (i = 0; i < g->option_count; i++)
		if (g->options[i].value && strcmp(g->options[i].value, value) == 0)
			return 1;
	return 0;
}

static int is_number(const char *s)
{
	char *end;

	if (!*s)
		return 0;
	strtod(s, &end);
	return *end == '\0';
}

/* Returns 1 when field g can never have the value a condition expects. */
static int never_equals(const oo_field *g, const char *value)
{
	switch (g->type) {
	case OO_FIELD_CHECKBOX:
		return strcmp(value, "true") != 0 && strcmp(value, "false") != 0;
	case OO_FIELD_RADIO:
	case OO_FIELD_SELECT:
	case OO_FIELD_CHECKBOXES:
		return !has_option(g, value);
	case OO_FIELD_NUMBER:
		return !is_number(value);
	default:
		return 0;
	}
}

static oo_status rule_never_true(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];
		const oo_field *g = oo_form_find_field(run->form, f->visible_if.field);

		if (!g || g == f || !f->visible_if.equals || !never_equals(g, f->visible_if.equals))
			continue;
		rc = oo_rules__add(run, f, "visible_if", "OO004", "condition-never-true", OO_SEVERITY_ERROR, NULL,
				   g->type == OO_FIELD_CHECKBOX
				   ? OO_("Compare a checkbox with \"true\" or \"false\".")
				   : OO_("Compare with a value the field can have, such as one of its option values."),
				   OO_("field \"%s\" is shown only if field \"%s\" equals \"%s\", a value that %s field can never have"),
				   f->id, g->id, f->visible_if.equals, oo_field_type_name(g->type));
	}
	return rc;
}

/* Follows the conditions from field start. Returns 1 when they lead back
 * to start and start has the lowest index in the cycle, so that each cycle
 * is reported once. */
static int cycle_starts_at(const oo_form *form, size_t start)
{
	long next = oo_rules__field_index(form, form->fields[start].visible_if.field);
	size_t steps;

	for (steps = 0; next >= 0 && steps < form->field_count; steps++) {
		if ((size_t)next == start)
			return 1;
		if ((size_t)next < start)
			return 0;
		next = oo_rules__field_index(form, form->fields[next].visible_if.field);
	}
	return 0;
}

static oo_status report_cycle(oo_rules__run *run, size_t start)
{
	const oo_form *form = run->form;
	oo_buf chain = OO_BUF_INIT;
	long next = (long)start;
	oo_status rc;

	do {
		oo_buf_printf(&chain, "\"%s\" -> ", form->fields[next].id);
		next = oo_rules__field_index(form, form->fields[next].visible_if.field);
	} while (next >= 0 && (size_t)next != start);
	oo_buf_printf(&chain, "\"%s\"", form->fields[start].id);
	if (chain.failed)
		return OO_ENOMEM;
	rc = oo_rules__add(run, &form->fields[start], "visible_if", "OO005", "condition-cycle",
			   OO_SEVERITY_ERROR, NULL,
			   OO_("Break the cycle: a field may only depend on fields that do not depend on it."),
			   OO_("the conditions of these fields depend on each other, so none of them is ever shown: %s"),
			   chain.data);
	oo_buf_free(&chain);
	return rc;
}

static oo_status rule_cycles(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++)
		if (run->form->fields[i].visible_if.field && cycle_starts_at(run->form, i))
			rc = report_cycle(run, i);
	return rc;
}

oo_status oo_rules__conditions(oo_rules__run *run)
{
	oo_status rc = rule_references(run);

	if (rc == OO_OK)
		rc = rule_never_true(run);
	if (rc == OO_OK)
		rc = rule_cycles(run);
	return rc;
}
