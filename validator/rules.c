/* SPDX-License-Identifier: EUPL-1.2 */
/* The rule table, the shared helpers of the rule files, and the run of
 * every rule on a form model. docs/rules.md explains every code. */
#include "rules_private.h"

#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/json.h"

static const oo_rule_info rules[] = {
	{ "OO001", "schema-violation", OO_SEVERITY_ERROR,
	  OO_N_("The definition does not match schemas/form.schema.json.") },
	{ "OO002", "unknown-concept", OO_SEVERITY_ERROR,
	  OO_N_("A field names a concept that the catalogue does not have.") },
	{ "OO003", "unknown-field-reference", OO_SEVERITY_ERROR,
	  OO_N_("A condition or the advance limit names a field that does not exist.") },
	{ "OO004", "condition-never-true", OO_SEVERITY_ERROR,
	  OO_N_("A condition expects a value its field can never have.") },
	{ "OO005", "condition-cycle", OO_SEVERITY_ERROR,
	  OO_N_("Conditions depend on each other in a cycle.") },
	{ "OO006", "missing-translation", OO_SEVERITY_WARNING,
	  OO_N_("A text is missing in a language the form declares.") },
	{ "OO007", "duplicate-option", OO_SEVERITY_ERROR,
	  OO_N_("Two options of one field have the same value or label.") },
	{ "OO008", "contradicting-deadlines", OO_SEVERITY_ERROR,
	  OO_N_("The handling time is longer than the advance limit.") },
	{ "OO009", "unjustified-suppression", OO_SEVERITY_ERROR,
	  OO_N_("A suppression gives no reason.") },
	{ "OO010", "unused-suppression", OO_SEVERITY_WARNING,
	  OO_N_("A suppression names an unknown rule or suppresses nothing.") },
	{ "OO011", "advance-field-not-date", OO_SEVERITY_ERROR,
	  OO_N_("The advance limit applies to a field that is not a date.") },
	{ "OO101", "authentic-data-by-hand", OO_SEVERITY_ERROR,
	  OO_N_("A field asks by hand for data an authentic source holds.") },
	{ "OO102", "concept-asked-twice", OO_SEVERITY_ERROR,
	  OO_N_("A form asks for the same concept twice.") },
	{ "OO103", "duplicate-field-id", OO_SEVERITY_ERROR,
	  OO_N_("Two fields have the same id.") },
	{ "OO104", "fetchable-attachment", OO_SEVERITY_ERROR,
	  OO_N_("An attachment is a document a government body can fetch itself.") },
	{ "OO105", "no-applicant-identification", OO_SEVERITY_ERROR,
	  OO_N_("A form prefills authentic data but never identifies the applicant.") },
	{ "OO106", "concept-asked-in-several-forms", OO_SEVERITY_WARNING,
	  OO_N_("Several forms ask for the same concept by hand.") },
	{ "OO107", "applicant-identified-twice", OO_SEVERITY_ERROR,
	  OO_N_("A form behind a login asks the number the login supplies.") },
	{ "OO108", "derivable-data", OO_SEVERITY_ERROR,
	  OO_N_("A field asks for data derivable from another field of the form.") },
	{ "OO109", "missing-purpose", OO_SEVERITY_ERROR,
	  OO_N_("A field does not say why it is asked.") },
	{ "OO201", "field-without-label", OO_SEVERITY_ERROR,
	  OO_N_("A control has no accessible name.") },
	{ "OO202", "placeholder-as-label", OO_SEVERITY_ERROR,
	  OO_N_("A placeholder is the only label of a control.") },
	{ "OO203", "autocomplete-missing", OO_SEVERITY_WARNING,
	  OO_N_("A field with personal data has no autocomplete token.") },
	{ "OO204", "autocomplete-invalid", OO_SEVERITY_WARNING,
	  OO_N_("An autocomplete token is not in the HTML autofill list.") },
	{ "OO205", "checkbox-without-name", OO_SEVERITY_ERROR,
	  OO_N_("A checkbox has no name or no accessible name.") },
	{ "OO206", "autocomplete-contradicts-concept", OO_SEVERITY_ERROR,
	  OO_N_("An autocomplete token names other data than the field's concept.") },
	{ "OO207", "radio-group-without-fieldset", OO_SEVERITY_ERROR,
	  OO_N_("A group of radio buttons or checkboxes has no fieldset and legend.") },
	{ "OO301", "autocomplete-invalid-token", OO_SEVERITY_ERROR,
	  OO_N_("An autocomplete token breaks the HTML autofill grammar or does not fit its control.") },
};

_Static_assert(sizeof(rules) / sizeof(rules[0]) == OO_RULES__COUNT,
	       "OO_RULES__COUNT must match the rule table");

const oo_rule_info *oo_rules_list(size_t *count)
{
	*count = sizeof(rules) / sizeof(rules[0]);
	return rules;
}

const oo_rule_info *oo_rules_find(const char *code_or_name)
{
	size_t i;

	for (i = 0; code_or_name && i < sizeof(rules) / sizeof(rules[0]); i++)
		if (strcmp(rules[i].code, code_or_name) == 0 || strcmp(rules[i].name, code_or_name) == 0)
			return &rules[i];
	return NULL;
}

const char *oo_rules__source_name(const oo_concept *c)
{
	static const struct { const char *id, *name; } names[] = {
		{ "kbo", OO_N_("KBO") },
		{ "rijksregister", OO_N_("the Rijksregister") },
		{ "adressenregister", OO_N_("the address register") },
		{ "own-records", OO_N_("the municipality's own records") },
		{ "favv", OO_N_("FAVV") },
		{ "staatsblad", OO_N_("the Belgisch Staatsblad") },
		{ "ksz", OO_N_("the Crossroads Bank for Social Security") },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(c->source, names[i].id) == 0)
			return OO_(names[i].name);
	return c->source;
}

const char *oo_rules__field_label(const oo_field *f, const oo_concept *c, const oo_form *form)
{
	const char *label = oo_text_get(&f->label, form->default_language);

	if (!label && c)
		label = oo_text_get(&c->label, form->default_language);
	return label ? label : f->id;
}

int oo_rules__is_key(const oo_concept *c)
{
	return c->key && strcmp(c->key, c->id) == 0;
}

long oo_rules__field_index(const oo_form *form, const char *id)
{
	size_t i;

	for (i = 0; id && i < form->field_count; i++)
		if (form->fields[i].id && strcmp(form->fields[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Returns the location of a finding as a new string: the field's pointer,
 * extended by the "/"-separated tokens of member when one is given. */
static char *finding_location(const oo_field *f, const char *member)
{
	char *location, token[128];
	size_t n;

	if (!f)
		return oo_strdup(member ? member : "");
	location = oo_strdup(f->location ? f->location : "");
	while (location && member && *member) {
		char *longer;

		n = strcspn(member, "/");
		snprintf(token, sizeof(token), "%.*s", (int)n, member);
		longer = oo_pointer_append(location, token);
		oo_free(location);
		location = longer;
		member += n + (member[n] == '/');
	}
	return location;
}

oo_status oo_rules__add(oo_rules__run *run, const oo_field *f, const char *member,
			const char *code, const char *rule, oo_severity sev,
			const oo_concept *c, const char *fix, const char *fmt, ...)
{
	oo_buf message = OO_BUF_INIT;
	oo_finding finding;
	char *location = finding_location(f, member);
	va_list ap;
	oo_status rc = OO_ENOMEM;

	va_start(ap, fmt);
	oo_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	if (message.failed || !location)
		goto cleanup;
	memset(&finding, 0, sizeof(finding));
	finding.code = code;
	finding.rule = rule;
	finding.severity = sev;
	finding.file = run->form->file;
	finding.location = location;
	/* A member or form-level location gets its line from the source text
	 * in oo_check_file; the field's own position is the fallback. */
	finding.line = f ? f->line : 1;
	finding.column = f ? f->column : 1;
	finding.message = message.data;
	finding.fix = fix;
	finding.field = f ? f->id : NULL;
	finding.concept = c ? c->id : NULL;
	finding.source = c ? c->source : NULL;
	rc = oo_findings_add(run->list, &finding);

cleanup:
	oo_free(location);
	oo_buf_free(&message);
	return rc;
}

oo_status oo_rules__recognise(const oo_matcher *m, const oo_field *f, const oo_concept **out)
{
	oo_match match = { NULL, 0, NULL };
	int lang;

	*out = NULL;
	for (lang = 0; m && lang < OO_LANG_COUNT && !match.concept; lang++) {
		const char *label = oo_text_exact(&f->label, (oo_lang)lang);

		if (label && oo_matcher_match(m, label, f->id, NULL, &match) != OO_OK)
			return OO_ENOMEM;
	}
	if (match.concept && (f->type != OO_FIELD_FILE) == (match.concept->kind == OO_CONCEPT_DATUM))
		*out = match.concept;
	return OO_OK;
}

/* Finds each field's concept: the declared one, else the one its label or
 * id is recognised as. Unknown declared concepts are reported here. */
static oo_status resolve_concepts(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];
		const char *id = f->concept ? f->concept : f->document;

		if (id) {
			run->matched[i] = oo_catalog_find(run->cat, id);
			if (!run->matched[i])
				rc = oo_rules__add(run, f, NULL, "OO002", "unknown-concept", OO_SEVERITY_ERROR,
						   NULL, OO_("Use a concept id from schemas/concepts.json."),
						   OO_("field \"%s\" names concept \"%s\", which is not in the catalogue"),
						   f->id, id);
			continue;
		}
		rc = oo_rules__recognise(run->matcher, f, &run->matched[i]);
		run->recognised[i] = run->matched[i] != NULL;
	}
	return rc;
}

oo_status oo_rules__autocomplete(oo_rules__run *run);

oo_status oo_rules_run(const oo_form *form, const oo_catalog *cat,
		       const oo_matcher *m, oo_findings *list, oo_error *err)
{
	oo_rules__run run = { form, cat, m, list, NULL, NULL };
	oo_status rc = OO_ENOMEM;

	run.matched = oo_calloc(form->field_count + 1, sizeof(*run.matched));
	run.recognised = oo_calloc(form->field_count + 1, sizeof(*run.recognised));
	if (!run.matched || !run.recognised)
		goto cleanup;
	rc = resolve_concepts(&run);
	if (rc == OO_OK)
		rc = oo_rules__structure(&run);
	if (rc == OO_OK)
		rc = oo_rules__conditions(&run);
	if (rc == OO_OK)
		rc = oo_rules__only_once(&run);
	if (rc == OO_OK)
		rc = oo_rules__translations(&run);
	if (rc == OO_OK)
		rc = oo_rules__autocomplete(&run); /* rules_autocomplete.c */

cleanup:
	oo_free(run.matched);
	oo_free(run.recognised);
	if (rc != OO_OK)
		return oo_error_set(err, rc, form->file, 0, 0, "out of memory running the rules");
	return OO_OK;
}
