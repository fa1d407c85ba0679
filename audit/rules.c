/* SPDX-License-Identifier: EUPL-1.2 */
/* The per-form rules of the audit: authentic data typed by hand, documents
 * the government can fetch itself, the applicant identified twice, and the
 * autocomplete tokens that WCAG 1.3.5 asks for on personal data. */
#include "audit_private.h"
#include "match_private.h"

#include <string.h>

#include "onlyonce/autocomplete.h"
#include "onlyonce/alloc.h"

const char *oo_audit__source_name(const char *source)
{
	static const struct { const char *id, *name; } names[] = {
		{ "kbo", "KBO" }, { "rijksregister", "the Rijksregister" },
		{ "adressenregister", "the Gebouwen- en Adressenregister" },
		{ "own-records", "the municipality's own records" }, { "favv", "the FAVV" },
		{ "ksz", "the Kruispuntbank van de Sociale Zekerheid" },
		{ "staatsblad", "the Belgisch Staatsblad" },
	};
	size_t i;

	for (i = 0; source && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(source, names[i].id) == 0)
			return names[i].name;
	return source ? source : "an authentic source";
}

/* The sources MAGDA gives a Flemish local government access to. */
static int magda_source(const char *source)
{
	return source && (strcmp(source, "kbo") == 0 || strcmp(source, "rijksregister") == 0 ||
			  strcmp(source, "adressenregister") == 0);
}

/* A key concept (enterprise number, INSZ) is the one datum a form must
 * ask unless a login supplies it, so OO101 leaves it to OO107. */
static int is_key(const oo_concept *c)
{
	return c->key && strcmp(c->key, c->id) == 0;
}

static oo_finding base_finding(const oo_form *form, const oo_concept *c, const char *code,
			       const char *rule, oo_severity severity)
{
	oo_finding f;

	memset(&f, 0, sizeof(f));
	f.code = code;
	f.rule = rule;
	f.severity = severity;
	f.file = form->file;
	f.concept = c ? c->id : NULL;
	f.source = c ? c->source : NULL;
	return f;
}

static oo_status rule_authentic_by_hand(const oo_form *form, const oo_field *f,
					const oo_concept *c, oo_findings *findings)
{
	oo_finding base = base_finding(form, c, "OO101", "authentic-data-by-hand", OO_SEVERITY_ERROR);
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;

	if (c->kind != OO_CONCEPT_DATUM || !magda_source(c->source) || is_key(c) || f->prefill)
		return OO_OK;
	oo_buf_puts(&message, "field ");
	oo_audit__quote(&message, oo_audit__field_label(f));
	oo_buf_printf(&message, " asks by hand for %s, which %s holds", c->id,
		      oo_audit__source_name(c->source));
	oo_buf_printf(&fix, "prefill from %s via MAGDA (concept %s) and show it read-only",
		      strcmp(c->source, "kbo") == 0 ? "KBO" : oo_audit__source_name(c->source), c->id);
	return oo_audit__add_finding(findings, &base, f, &message, &fix);
}

static oo_status rule_fetchable_attachment(const oo_form *form, const oo_field *f,
					   const oo_concept *c, oo_findings *findings)
{
	oo_finding base = base_finding(form, c, "OO104", "fetchable-attachment", OO_SEVERITY_ERROR);
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;
	const char *note = oo_text_get(&c->fetch_note, OO_LANG_EN);

	if (c->kind != OO_CONCEPT_DOCUMENT || !c->fetchable || f->type != OO_FIELD_FILE)
		return OO_OK;
	oo_buf_puts(&message, "attachment ");
	oo_audit__quote(&message, oo_audit__field_label(f));
	oo_buf_printf(&message, " asks for %s, which the government can fetch itself from %s",
		      c->id, oo_audit__source_name(c->source));
	if (note)
		oo_buf_printf(&message, ": %s", note);
	oo_buf_printf(&fix, "drop the upload and fetch the document from %s",
		      oo_audit__source_name(c->source));
	if (c->key)
		oo_buf_printf(&fix, " with %s", c->key);
	return oo_audit__add_finding(findings, &base, f, &message, &fix);
}

/* Returns 1 when the login of form already proves the value of c. */
static int login_proves(const oo_form *form, const oo_concept *c)
{
	int enterprise = strcmp(c->id, "enterprise.number") == 0 ||
			 strcmp(c->id, "establishment.number") == 0;
	int person = strcmp(c->id, "person.insz") == 0;

	if (!form->login_identifies)
		return 0;
	switch (form->identification) {
	case OO_IDENTIFY_ENTERPRISE: return enterprise;
	case OO_IDENTIFY_PERSON: return person;
	case OO_IDENTIFY_BOTH: return enterprise || person;
	default: return 0;
	}
}

oo_audit__action oo_audit__field_action(const oo_form *form, size_t index,
					const oo_catalog *cat)
{
	const oo_field *f = &form->fields[index];
	const oo_concept *c = f->concept ? oo_catalog_find(cat, f->concept) : NULL;
	size_t i;

	if (!c || f->type == OO_FIELD_HIDDEN || f->prefill)
		return OO_AUDIT_KEEP;
	if (c->kind == OO_CONCEPT_DOCUMENT)
		return c->fetchable && f->type == OO_FIELD_FILE ? OO_AUDIT_FETCH : OO_AUDIT_KEEP;
	if (login_proves(form, c))
		return OO_AUDIT_REMOVE;
	for (i = 0; i < index; i++)
		if (form->fields[i].concept && strcmp(form->fields[i].concept, c->id) == 0)
			return OO_AUDIT_REMOVE;
	if (magda_source(c->source) && !is_key(c))
		return OO_AUDIT_PREFILL;
	return OO_AUDIT_KEEP;
}

static oo_status rule_identified_twice(const oo_form *form, const oo_field *f,
				       const oo_concept *c, oo_findings *findings)
{
	oo_finding base = base_finding(form, c, "OO107", "applicant-identified-twice", OO_SEVERITY_ERROR);
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;

	if (!login_proves(form, c) || f->prefill)
		return OO_OK;
	oo_buf_puts(&message, "field ");
	oo_audit__quote(&message, oo_audit__field_label(f));
	oo_buf_printf(&message, " asks for %s, which the login of this form already proves (WCAG 3.3.7)",
		      c->id);
	oo_buf_puts(&fix, "take the number from the login session and drop the field");
	return oo_audit__add_finding(findings, &base, f, &message, &fix);
}

static oo_status rule_autocomplete(const oo_form *form, const oo_field *f,
				   const oo_concept *c, oo_findings *findings)
{
	oo_finding base;
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;
	const char *token = c && c->autocomplete ? c->autocomplete : NULL;

	if (f->html_autocomplete) {
		oo_autocomplete parsed;

		if (oo_autocomplete_parse(&parsed, f->html_autocomplete) == OO_AUTOCOMPLETE_OK)
			return OO_OK;
		base = base_finding(form, c, "OO204", "autocomplete-invalid", OO_SEVERITY_WARNING);
		oo_buf_puts(&message, "field ");
		oo_audit__quote(&message, oo_audit__field_label(f));
		oo_buf_puts(&message, " has autocomplete=");
		oo_audit__quote(&message, f->html_autocomplete);
		oo_buf_puts(&message, ", which is not a token of the HTML autofill list (WCAG 1.3.5)");
		if (token)
			oo_buf_printf(&fix, "use autocomplete=\"%s\"", token);
		else
			oo_buf_puts(&fix, "use a token of the HTML autofill list, or drop the attribute");
		return oo_audit__add_finding(findings, &base, f, &message, &fix);
	}
	if (!c || !c->personal || !token || c->kind != OO_CONCEPT_DATUM)
		return OO_OK;
	base = base_finding(form, c, "OO203", "autocomplete-missing", OO_SEVERITY_WARNING);
	oo_buf_puts(&message, "field ");
	oo_audit__quote(&message, oo_audit__field_label(f));
	oo_buf_printf(&message, " asks for personal data (%s) without an autocomplete attribute (WCAG 1.3.5)",
		      c->id);
	oo_buf_printf(&fix, "add autocomplete=\"%s\"", token);
	return oo_audit__add_finding(findings, &base, f, &message, &fix);
}

/* Returns the other field of form that asks the concept c is derived from
 * ("Gemeente" beside "Postcode", "Geboortedatum" beside the INSZ), or NULL. */
static const oo_field *derivation_source(const oo_form *form, const oo_field *f,
					 const oo_concept *c)
{
	size_t i;

	for (i = 0; c->derived_from && i < form->field_count; i++) {
		const oo_field *g = &form->fields[i];

		if (g != f && g->concept && strcmp(g->concept, c->derived_from) == 0)
			return g;
	}
	return NULL;
}

/* A value the form can compute from another answer is redundant entry
 * (WCAG 3.3.7) whether or not a source holds it, so OO108 takes the place
 * of OO101 on that field: deriving needs no lookup at all. */
static oo_status rule_derivable(const oo_form *form, const oo_field *f, const oo_concept *c,
				const oo_field *from, oo_findings *findings)
{
	oo_finding base = base_finding(form, c, "OO108", "derivable-data", OO_SEVERITY_ERROR);
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;

	oo_buf_puts(&message, "field ");
	oo_audit__quote(&message, oo_audit__field_label(f));
	oo_buf_printf(&message, " asks for %s, which follows from %s asked in field ", c->id,
		      c->derived_from);
	oo_audit__quote(&message, oo_audit__field_label(from));
	oo_buf_printf(&fix, "derive %s from the answer to field \"%s\" and drop the question",
		      c->id, from->id ? from->id : "");
	return oo_audit__add_finding(findings, &base, f, &message, &fix);
}

static oo_status field_rules(const oo_form *form, const oo_field *f, const oo_concept *c,
			     oo_findings *findings)
{
	const oo_field *from = c && !f->prefill ? derivation_source(form, f, c) : NULL;
	oo_status rc = OO_OK;

	if (from)
		rc = rule_derivable(form, f, c, from, findings);
	else if (c)
		rc = rule_authentic_by_hand(form, f, c, findings);
	if (c && rc == OO_OK)
		rc = rule_fetchable_attachment(form, f, c, findings);
	if (c && rc == OO_OK)
		rc = rule_identified_twice(form, f, c, findings);
	if (rc == OO_OK && f->type != OO_FIELD_HIDDEN && f->type != OO_FIELD_FILE)
		rc = rule_autocomplete(form, f, c, findings);
	return rc;
}

static oo_status store_concept(oo_field *f, const oo_concept *c)
{
	oo_free(f->concept);
	f->concept = NULL;
	if (!c)
		return OO_OK;
	f->concept = oo_strdup(c->id);
	if (!f->concept)
		return OO_ENOMEM;
	if (c->kind == OO_CONCEPT_DOCUMENT && f->type == OO_FIELD_FILE) {
		oo_free(f->document);
		if (!(f->document = oo_strdup(c->id)))
			return OO_ENOMEM;
	}
	return OO_OK;
}

/* Returns the subject the previous field settled on when it sits under the
 * same headings: "Postcode" after "Naam bedrijf" in one block is the
 * enterprise's postcode. */
static int carried_subject(const oo_field *prev, int prev_subject, const oo_field *f)
{
	if (!prev || !prev->context || !f->context)
		return -1;
	return strcmp(prev->context, f->context) == 0 ? prev_subject : -1;
}

/* Returns whose data a field asks when neither its label nor its headings
 * say: after a DigiD or itsme login a bare "Naam" is the person's name,
 * after eHerkenning the enterprise's. */
static int login_subject(const oo_form *form)
{
	if (!form->login_identifies)
		return -1;
	if (form->identification == OO_IDENTIFY_PERSON)
		return OO_SUBJECT_PERSON;
	if (form->identification == OO_IDENTIFY_ENTERPRISE)
		return OO_SUBJECT_ENTERPRISE;
	return -1;
}

oo_status oo_audit_form(oo_form *form, const oo_matcher *m,
			const oo_catalog *cat, oo_findings *findings,
			oo_error *err)
{
	const oo_field *prev = NULL;
	int prev_subject = -1, subject, fallback;
	oo_match match;
	oo_status rc = OO_OK;
	size_t i;

	if (!form || !m || !cat)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "no form, matcher or catalogue given to the audit");
	for (i = 0; i < form->field_count && rc == OO_OK; i++) {
		oo_field *f = &form->fields[i];

		if (f->type == OO_FIELD_HIDDEN)
			continue;
		fallback = carried_subject(prev, prev_subject, f);
		if (fallback < 0)
			fallback = login_subject(form);
		rc = oo_matcher__match_field(m, f, fallback, &match, &subject);
		if (rc == OO_OK)
			rc = store_concept(f, match.concept);
		prev = f;
		prev_subject = subject;
	}
	/* The rules run once every field has its concept, because a derivation
	 * source may come after the field derived from it. */
	for (i = 0; findings && i < form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &form->fields[i];

		if (f->type != OO_FIELD_HIDDEN)
			rc = field_rules(form, f, f->concept ? oo_catalog_find(cat, f->concept) : NULL,
					 findings);
	}
	if (rc == OO_ENOMEM)
		oo_error_set(err, rc, form->file, 0, 0, "out of memory auditing form '%s'",
			     form->id ? form->id : "");
	return rc;
}
