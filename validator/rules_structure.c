/* SPDX-License-Identifier: EUPL-1.2 */
/* Rules on the structure of a definition: unique field ids and options,
 * time limits that fit together, and autocomplete tokens that match the
 * concept of their field. */
#include "rules_private.h"

#include "onlyonce/autocomplete.h"

#include <stdio.h>
#include <string.h>

static oo_status rule_duplicate_id(oo_rules__run *run)
{
	size_t i, j;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];

		for (j = 0; f->id && j < i; j++) {
			const oo_field *g = &run->form->fields[j];

			if (!g->id || strcmp(f->id, g->id) != 0)
				continue;
			rc = oo_rules__add(run, f, NULL, "OO103", "duplicate-field-id", OO_SEVERITY_ERROR, NULL,
					   OO_("Give every field a unique id."),
					   OO_("field id \"%s\" is used twice (first at %s, line %d)"),
					   f->id, g->location ? g->location : "?", g->line);
			break;
		}
	}
	return rc;
}

/* Returns the language in which options a and b carry the same label, or
 * -1 when they differ in every language. */
static int same_label(const oo_option *a, const oo_option *b)
{
	int lang;

	for (lang = 0; lang < OO_LANG_COUNT; lang++)
		if (a->label.text[lang] && b->label.text[lang] &&
		    strcmp(a->label.text[lang], b->label.text[lang]) == 0)
			return lang;
	return -1;
}

static oo_status check_option_pair(oo_rules__run *run, const oo_field *f, size_t i, size_t j)
{
	const oo_option *a = &f->options[j], *b = &f->options[i];
	char member[64];
	int lang;

	snprintf(member, sizeof(member), "options/%zu", i);
	if (a->value && b->value && strcmp(a->value, b->value) == 0)
		return oo_rules__add(run, f, member, "OO007", "duplicate-option", OO_SEVERITY_ERROR, NULL,
				     OO_("Give every option its own value."),
				     OO_("field \"%s\" has option value \"%s\" twice (options %zu and %zu)"),
				     f->id, b->value, j + 1, i + 1);
	lang = same_label(a, b);
	if (lang >= 0)
		return oo_rules__add(run, f, member, "OO007", "duplicate-option", OO_SEVERITY_ERROR, NULL,
				     OO_("Give every option a label that tells it apart."),
				     OO_("field \"%s\" has two options labelled \"%s\" in %s (options %zu and %zu)"),
				     f->id, b->label.text[lang], oo_lang_code((oo_lang)lang), j + 1, i + 1);
	return OO_OK;
}

static oo_status rule_duplicate_option(oo_rules__run *run)
{
	size_t k, i, j;
	oo_status rc = OO_OK;

	for (k = 0; k < run->form->field_count && rc == OO_OK; k++) {
		const oo_field *f = &run->form->fields[k];

		for (i = 1; i < f->option_count && rc == OO_OK; i++)
			for (j = 0; j < i && rc == OO_OK; j++)
				rc = check_option_pair(run, f, i, j);
	}
	return rc;
}

/* An application filed advance_days ahead must be decided before the date
 * it is for, so the handling time cannot exceed the advance limit. */
static oo_status rule_deadlines(oo_rules__run *run)
{
	const oo_form *form = run->form;
	long date_field = oo_rules__field_index(form, form->advance_field);
	oo_status rc = OO_OK;

	if (form->advance_days > 0 && form->handling_days > form->advance_days)
		rc = oo_rules__add(run, NULL, "/process/handling_days", "OO008", "contradicting-deadlines",
				   OO_SEVERITY_ERROR, NULL,
				   OO_("Make advance_days at least handling_days, or shorten the handling time."),
				   OO_("the municipality decides within %d days, but the application is due only %d days ahead, so the decision can come too late"),
				   form->handling_days, form->advance_days);
	if (rc == OO_OK && date_field >= 0 && form->fields[date_field].type != OO_FIELD_DATE)
		rc = oo_rules__add(run, NULL, "/process/advance_field", "OO011", "advance-field-not-date",
				   OO_SEVERITY_ERROR, NULL,
				   OO_("Name a field of type \"date\" in process.advance_field."),
				   OO_("process.advance_field names field \"%s\" of type %s, but the advance limit needs a date"),
				   form->advance_field, oo_field_type_name(form->fields[date_field].type));
	return rc;
}

/* Returns the autofill field name of an autocomplete value: its last token
 * other than "webauthn" (HTML, "Autofilling form controls"), in buf. */
static const char *autofill_name(const char *value, char *buf, size_t size)
{
	const char *end = value + strlen(value), *start;

	for (;;) {
		while (end > value && end[-1] == ' ')
			end--;
		start = end;
		while (start > value && start[-1] != ' ')
			start--;
		if (end - start == 8 && strncmp(start, "webauthn", 8) == 0 && start > value) {
			end = start;
			continue;
		}
		break;
	}
	snprintf(buf, size, "%.*s", (int)(end - start), start);
	return buf;
}

/* Returns the first concept whose token is name, or NULL. */
static const oo_concept *concept_with_token(const oo_catalog *cat, const char *name)
{
	size_t i;
	char buf[64];

	for (i = 0; i < oo_catalog_count(cat); i++) {
		const oo_concept *c = oo_catalog_at(cat, i);

		if (c->autocomplete && strcmp(autofill_name(c->autocomplete, buf, sizeof(buf)), name) == 0)
			return c;
	}
	return NULL;
}

static oo_status check_autocomplete(oo_rules__run *run, const oo_field *f, const oo_concept *c)
{
	char have[64], want[64];
	const oo_concept *other;
	oo_autocomplete parsed;

	/* A token outside the autofill grammar is OO301's finding alone. */
	if (oo_autocomplete_parse(&parsed, f->autocomplete) != OO_AUTOCOMPLETE_OK)
		return OO_OK;
	autofill_name(f->autocomplete, have, sizeof(have));
	if (strcmp(have, "on") == 0 || strcmp(have, "off") == 0)
		return OO_OK;
	if (c->autocomplete) {
		if (strcmp(have, autofill_name(c->autocomplete, want, sizeof(want))) == 0)
			return OO_OK;
		return oo_rules__add(run, f, "autocomplete", "OO206", "autocomplete-contradicts-concept",
				     OO_SEVERITY_ERROR, c, OO_("Remove the autocomplete member, so the field takes the concept's token."),
				     OO_("field \"%s\" has autocomplete \"%s\", but its concept %s is \"%s\""),
				     f->id, f->autocomplete, c->id, c->autocomplete);
	}
	other = concept_with_token(run->cat, have);
	if (!other || other == c)
		return OO_OK;
	return oo_rules__add(run, f, "autocomplete", "OO206", "autocomplete-contradicts-concept",
			     OO_SEVERITY_ERROR, c, OO_("Remove the autocomplete member, or use a token that names this datum."),
			     OO_("field \"%s\" asks %s, but its autocomplete \"%s\" names %s"),
			     f->id, c->id, f->autocomplete, other->id);
}

/* WCAG 2.2 criterion 1.3.5: the token tells browsers and assistive
 * technology what the field is, so a wrong token fills in wrong data. */
static oo_status rule_autocomplete(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];

		if (f->autocomplete && run->matched[i] && run->matched[i]->kind == OO_CONCEPT_DATUM)
			rc = check_autocomplete(run, f, run->matched[i]);
	}
	return rc;
}

oo_status oo_rules__structure(oo_rules__run *run)
{
	oo_status rc = rule_duplicate_id(run);

	if (rc == OO_OK)
		rc = rule_duplicate_option(run);
	if (rc == OO_OK)
		rc = rule_deadlines(run);
	if (rc == OO_OK)
		rc = rule_autocomplete(run);
	return rc;
}
