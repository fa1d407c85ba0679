/* SPDX-License-Identifier: EUPL-1.2 */
/* The only-once rules on the form model. Each rule adds findings with a
 * stable code; docs/rules.md explains every code. */
#include "onlyonce/check.h"

#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"

/* Everything one run of the rules needs. */
typedef struct {
	const oo_form *form;
	const oo_catalog *cat;
	const oo_matcher *matcher;
	oo_findings *list;
	const oo_concept **matched; /* per field: its concept, declared or recognised */
	int *recognised;            /* per field: 1 when the concept came from the label */
} rule_run;

/* Returns the name of an authentic source as messages show it. */
static const char *source_name(const oo_concept *c)
{
	static const struct { const char *id, *name; } names[] = {
		{ "kbo", "KBO" },
		{ "rijksregister", "the Rijksregister" },
		{ "adressenregister", "the address register" },
		{ "own-records", "the municipality's own records" },
		{ "favv", "FAVV" },
		{ "staatsblad", "the Belgisch Staatsblad" },
		{ "ksz", "the Crossroads Bank for Social Security" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(c->source, names[i].id) == 0)
			return names[i].name;
	return c->source;
}

static const char *field_label(const oo_field *f, const oo_concept *c, const oo_form *form)
{
	const char *label = oo_text_get(&f->label, form->default_language);

	if (!label && c)
		label = oo_text_get(&c->label, form->default_language);
	return label ? label : f->id;
}

static oo_status add(rule_run *run, const oo_field *f, const char *code, const char *rule,
		     oo_severity sev, const oo_concept *c, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

static oo_status add(rule_run *run, const oo_field *f, const char *code, const char *rule,
		     oo_severity sev, const oo_concept *c, const char *fix, const char *fmt, ...)
{
	oo_buf message = OO_BUF_INIT;
	oo_finding finding;
	va_list ap;
	oo_status rc;

	va_start(ap, fmt);
	oo_buf_vprintf(&message, fmt, ap);
	va_end(ap);
	if (message.failed)
		return OO_ENOMEM;
	memset(&finding, 0, sizeof(finding));
	finding.code = code;
	finding.rule = rule;
	finding.severity = sev;
	finding.file = run->form->file;
	finding.location = f ? f->location : "";
	finding.line = f ? f->line : 1;
	finding.column = f ? f->column : 1;
	finding.message = message.data;
	finding.fix = fix;
	finding.field = f ? f->id : NULL;
	finding.concept = c ? c->id : NULL;
	finding.source = c ? c->source : NULL;
	rc = oo_findings_add(run->list, &finding);
	oo_buf_free(&message);
	return rc;
}

/* Finds each field's concept: the declared one, else the one its label or
 * id is recognised as. Unknown declared concepts are reported here. */
static oo_status resolve_concepts(rule_run *run)
{
	size_t i;
	int lang;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];
		const char *id = f->concept ? f->concept : f->document;
		oo_match m = { NULL, 0, NULL };

		if (id) {
			run->matched[i] = oo_catalog_find(run->cat, id);
			if (!run->matched[i])
				rc = add(run, f, "OO002", "unknown-concept", OO_SEVERITY_ERROR, NULL,
					 "Use a concept id from schemas/concepts.json.",
					 "field \"%s\" names concept \"%s\", which is not in the catalogue",
					 f->id, id);
			continue;
		}
		if (!run->matcher)
			continue;
		/* A field of the definition's own: see whether its label in any
		 * language, or its id, asks for a known concept. */
		for (lang = 0; lang < OO_LANG_COUNT && !m.concept; lang++) {
			const char *label = oo_text_exact(&f->label, (oo_lang)lang);

			if (label && oo_matcher_match(run->matcher, label, f->id, NULL, &m) != OO_OK)
				return OO_ENOMEM;
		}
		if (m.concept && (f->type != OO_FIELD_FILE) == (m.concept->kind == OO_CONCEPT_DATUM)) {
			run->matched[i] = m.concept;
			run->recognised[i] = 1;
		}
	}
	return rc;
}

/* The key concept itself (enterprise number, INSZ) must be asked unless a
 * login supplies it; every other authentic datum comes from the source. */
static int is_key(const oo_concept *c)
{
	return c->key && strcmp(c->key, c->id) == 0;
}

static oo_status rule_authentic_by_hand(rule_run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];
		const oo_concept *c = run->matched[i];
		char fix[256];

		if (!c || c->kind != OO_CONCEPT_DATUM || !oo_concept_is_authentic(c) || is_key(c))
			continue;
		if (!run->recognised[i] && f->prefill)
			continue;
		snprintf(fix, sizeof(fix),
			 "Bind the field to concept \"%s\" with prefill, so the value comes from %s.",
			 c->id, source_name(c));
		if (run->recognised[i])
			rc = add(run, f, "OO101", "authentic-data-by-hand", OO_SEVERITY_ERROR, c, fix,
				 "field \"%s\" asks \"%s\" by hand, but %s holds it as %s",
				 f->id, field_label(f, c, run->form), source_name(c), c->id);
		else
			rc = add(run, f, "OO101", "authentic-data-by-hand", OO_SEVERITY_ERROR, c, fix,
				 "field \"%s\" asks %s by hand (prefill is false), but %s holds it",
				 f->id, c->id, source_name(c));
	}
	return rc;
}

static oo_status rule_concept_twice(rule_run *run)
{
	size_t i, j;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_concept *c = run->matched[i];

		for (j = 0; c && j < i; j++) {
			if (run->matched[j] != c)
				continue;
			rc = add(run, &run->form->fields[i], "OO102", "concept-asked-twice",
				 OO_SEVERITY_ERROR, c, "Ask each concept once and reuse the answer.",
				 "field \"%s\" asks %s, which field \"%s\" already asks",
				 run->form->fields[i].id, c->id, run->form->fields[j].id);
			break;
		}
	}
	return rc;
}

static oo_status rule_duplicate_id(rule_run *run)
{
	size_t i, j;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];

		for (j = 0; f->id && j < i; j++) {
			const oo_field *g = &run->form->fields[j];

			if (!g->id || strcmp(f->id, g->id) != 0)
				continue;
			rc = add(run, f, "OO103", "duplicate-field-id", OO_SEVERITY_ERROR, NULL,
				 "Give every field a unique id.",
				 "field id \"%s\" is used twice (first at %s, line %d)",
				 f->id, g->location ? g->location : "?", g->line);
			break;
		}
	}
	return rc;
}

static oo_status rule_fetchable_attachment(rule_run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];
		const oo_concept *c = run->matched[i];
		const char *note;

		if (f->type != OO_FIELD_FILE || !c || c->kind != OO_CONCEPT_DOCUMENT || !c->fetchable)
			continue;
		note = oo_text_get(&c->fetch_note, OO_LANG_EN);
		rc = add(run, f, "OO104", "fetchable-attachment", OO_SEVERITY_ERROR, c,
			 "Remove the upload and fetch the document from its source.",
			 "field \"%s\" asks to upload %s, which a government body can fetch itself%s%s",
			 f->id, c->id, note ? ": " : "", note ? note : "");
	}
	return rc;
}

/* Returns 1 when the form knows the key concept: a field asks it, or the
 * login supplies it. */
static int key_available(rule_run *run, const char *key)
{
	const oo_form *form = run->form;
	size_t i;

	for (i = 0; i < form->field_count; i++)
		if (run->matched[i] && strcmp(run->matched[i]->id, key) == 0)
			return 1;
	if (!form->login_identifies)
		return 0;
	if (strcmp(key, "enterprise.number") == 0)
		return form->identification == OO_IDENTIFY_ENTERPRISE ||
		       form->identification == OO_IDENTIFY_BOTH;
	if (strcmp(key, "person.insz") == 0)
		return form->identification == OO_IDENTIFY_PERSON ||
		       form->identification == OO_IDENTIFY_BOTH;
	return 0;
}

static oo_status rule_no_identification(rule_run *run)
{
	size_t i;

	for (i = 0; i < run->form->field_count; i++) {
		const oo_field *f = &run->form->fields[i];
		const oo_concept *c = run->matched[i];
		char fix[256];

		if (!c || c->kind != OO_CONCEPT_DATUM || !f->prefill || run->recognised[i] ||
		    !oo_concept_is_authentic(c) || !c->key || key_available(run, c->key))
			continue;
		snprintf(fix, sizeof(fix),
			 "Add a field bound to concept \"%s\", or set applicant.login when the login supplies it.",
			 c->key);
		/* One finding per form is enough: the fix is the same for all fields. */
		return add(run, f, "OO105", "no-applicant-identification", OO_SEVERITY_ERROR, c, fix,
			   "field \"%s\" is prefilled from %s, but the form never identifies the applicant by %s",
			   f->id, source_name(c), c->key);
	}
	return OO_OK;
}

static oo_status rule_references(rule_run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];

		if (f->visible_if.field && !oo_form_find_field(run->form, f->visible_if.field))
			rc = add(run, f, "OO003", "unknown-field-reference", OO_SEVERITY_ERROR, NULL,
				 "Name the id of a field of this definition.",
				 "field \"%s\" is shown only if field \"%s\" has a value, but no field has that id",
				 f->id, f->visible_if.field);
	}
	if (rc == OO_OK && run->form->advance_field &&
	    !oo_form_find_field(run->form, run->form->advance_field))
		rc = add(run, NULL, "OO003", "unknown-field-reference", OO_SEVERITY_ERROR, NULL,
			 "Name the id of the date field the advance limit applies to.",
			 "process.advance_field names \"%s\", but no field has that id",
			 run->form->advance_field);
	return rc;
}

oo_status oo_rules_run(const oo_form *form, const oo_catalog *cat,
		       const oo_matcher *m, oo_findings *list, oo_error *err)
{
	rule_run run = { form, cat, m, list, NULL, NULL };
	oo_status rc = OO_ENOMEM;

	run.matched = oo_calloc(form->field_count + 1, sizeof(*run.matched));
	run.recognised = oo_calloc(form->field_count + 1, sizeof(*run.recognised));
	if (!run.matched || !run.recognised)
		goto cleanup;
	rc = resolve_concepts(&run);
	if (rc == OO_OK)
		rc = rule_duplicate_id(&run);
	if (rc == OO_OK)
		rc = rule_references(&run);
	if (rc == OO_OK)
		rc = rule_authentic_by_hand(&run);
	if (rc == OO_OK)
		rc = rule_concept_twice(&run);
	if (rc == OO_OK)
		rc = rule_fetchable_attachment(&run);
	if (rc == OO_OK)
		rc = rule_no_identification(&run);

cleanup:
	oo_free(run.matched);
	oo_free(run.recognised);
	if (rc != OO_OK)
		return oo_error_set(err, rc, form->file, 0, 0, "out of memory running the rules");
	return OO_OK;
}
