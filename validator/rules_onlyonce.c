/* SPDX-License-Identifier: EUPL-1.2 */
/* The only-once rules: data an authentic source holds, data derivable from
 * another answer, the same concept twice, documents the government can
 * fetch, prefill without a key, and fields without a purpose. */
#include "rules_private.h"

#include <stdio.h>
#include <string.h>

/* Returns the index of another field than self whose concept is id, or -1. */
static long field_with_concept(const oo_rules__run *run, const char *id, size_t self)
{
	size_t i;

	for (i = 0; id && i < run->form->field_count; i++)
		if (i != self && run->matched[i] && strcmp(run->matched[i]->id, id) == 0)
			return (long)i;
	return -1;
}

/* Returns 1 when the applicant types field i: it was recognised from its
 * label, or its definition turns prefill off. */
static int asked_by_hand(const oo_rules__run *run, size_t i)
{
	return run->recognised[i] || !run->form->fields[i].prefill;
}

/* Returns 1 when field i asks by hand for a datum that another field of
 * the form lets the municipality derive (birth date from the INSZ). */
static int derivable(const oo_rules__run *run, size_t i)
{
	const oo_concept *c = run->matched[i];

	return c && c->kind == OO_CONCEPT_DATUM && c->derived_from && asked_by_hand(run, i) &&
	       field_with_concept(run, c->derived_from, i) >= 0;
}

static oo_status rule_authentic_by_hand(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];
		const oo_concept *c = run->matched[i];
		char fix[512];

		if (!c || c->kind != OO_CONCEPT_DATUM || !oo_concept_is_authentic(c) ||
		    oo_rules__is_key(c) || !asked_by_hand(run, i) || derivable(run, i))
			continue;
		snprintf(fix, sizeof(fix),
			 OO_("Bind the field to concept \"%s\" with prefill, so the value comes from %s."),
			 c->id, oo_rules__source_name(c));
		if (run->recognised[i])
			rc = oo_rules__add(run, f, NULL, "OO101", "authentic-data-by-hand", OO_SEVERITY_ERROR,
					   c, fix, OO_("field \"%s\" asks \"%s\" by hand, but %s holds it as %s"),
					   f->id, oo_rules__field_label(f, c, run->form),
					   oo_rules__source_name(c), c->id);
		else
			rc = oo_rules__add(run, f, NULL, "OO101", "authentic-data-by-hand", OO_SEVERITY_ERROR,
					   c, fix, OO_("field \"%s\" asks %s by hand (prefill is false), but %s holds it"),
					   f->id, c->id, oo_rules__source_name(c));
	}
	return rc;
}

static oo_status rule_derivable(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];
		const oo_concept *c = run->matched[i];
		const oo_field *from;
		char fix[512];

		if (!derivable(run, i))
			continue;
		from = &run->form->fields[field_with_concept(run, c->derived_from, i)];
		snprintf(fix, sizeof(fix),
			 OO_("Drop the question and derive %s from field \"%s\", or bind the field to \"%s\" with prefill."),
			 c->id, from->id, c->id);
		rc = oo_rules__add(run, f, NULL, "OO108", "derivable-data", OO_SEVERITY_ERROR, c, fix,
				   OO_("field \"%s\" asks %s by hand, but it follows from %s in field \"%s\""),
				   f->id, c->id, c->derived_from, from->id);
	}
	return rc;
}

static oo_status rule_concept_twice(oo_rules__run *run)
{
	size_t i, j;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_concept *c = run->matched[i];

		for (j = 0; c && j < i; j++) {
			if (run->matched[j] != c)
				continue;
			rc = oo_rules__add(run, &run->form->fields[i], NULL, "OO102", "concept-asked-twice",
					   OO_SEVERITY_ERROR, c, OO_("Ask each concept once and reuse the answer."),
					   OO_("field \"%s\" asks %s, which field \"%s\" already asks"),
					   run->form->fields[i].id, c->id, run->form->fields[j].id);
			break;
		}
	}
	return rc;
}

static oo_lang message_language(void)
{
	/* TRANSLATORS: the code of the language you translate into. */
	int lang = oo_lang_from_code(OO_("en"));

	return lang < 0 ? OO_LANG_EN : (oo_lang)lang;
}

static oo_status rule_fetchable_attachment(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];
		const oo_concept *c = run->matched[i];
		const char *note;

		if (f->type != OO_FIELD_FILE || !c || c->kind != OO_CONCEPT_DOCUMENT || !c->fetchable)
			continue;
		/* The note is catalogue data: take it in the language of the
		 * messages, which the catalogue's translation of "en" names. */
		note = oo_text_get(&c->fetch_note, message_language());
		rc = oo_rules__add(run, f, NULL, "OO104", "fetchable-attachment", OO_SEVERITY_ERROR, c,
				   OO_("Remove the upload and fetch the document from its source."),
				   OO_("field \"%s\" asks to upload %s, which a government body can fetch itself%s%s"),
				   f->id, c->id, note ? ": " : "", note ? note : "");
	}
	return rc;
}

/* Returns 1 when the form knows the key concept: a field asks it, or the
 * login supplies it. */
static int key_available(const oo_rules__run *run, const char *key)
{
	const oo_form *form = run->form;

	if (field_with_concept(run, key, (size_t)-1) >= 0)
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

static oo_status rule_no_identification(oo_rules__run *run)
{
	size_t i;

	for (i = 0; i < run->form->field_count; i++) {
		const oo_field *f = &run->form->fields[i];
		const oo_concept *c = run->matched[i];
		char fix[512];

		if (!c || c->kind != OO_CONCEPT_DATUM || !f->prefill || run->recognised[i] ||
		    !oo_concept_is_authentic(c) || !c->key || key_available(run, c->key))
			continue;
		snprintf(fix, sizeof(fix),
			 OO_("Add a field bound to concept \"%s\", or set applicant.login when the login supplies it."),
			 c->key);
		/* One finding per form is enough: the fix is the same for all fields. */
		return oo_rules__add(run, f, NULL, "OO105", "no-applicant-identification", OO_SEVERITY_ERROR,
				     c, fix, OO_("field \"%s\" is prefilled from %s, but the form never identifies the applicant by %s"),
				     f->id, oo_rules__source_name(c), c->key);
	}
	return OO_OK;
}

/* Returns 1 when t has a text with a character other than white space. */
static int has_text(const oo_text *t)
{
	int lang;

	for (lang = 0; lang < OO_LANG_COUNT; lang++) {
		const char *s = t->text[lang];

		while (s && *s && strchr(" \t\r\n", *s))
			s++;
		if (s && *s)
			return 1;
	}
	return 0;
}

/* Data minimisation (GDPR article 5(1)(c)) needs a purpose for every
 * datum asked. The schema requires the member, so this rule catches blank
 * texts and models built without a definition. */
static oo_status rule_missing_purpose(oo_rules__run *run)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < run->form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &run->form->fields[i];

		if (has_text(&f->purpose))
			continue;
		rc = oo_rules__add(run, f, NULL, "OO109", "missing-purpose", OO_SEVERITY_ERROR, run->matched[i],
				   OO_("State in \"purpose\" why the municipality needs the answer, or drop the field."),
				   OO_("field \"%s\" does not say why it is asked"), f->id);
	}
	return rc;
}

oo_status oo_rules__only_once(oo_rules__run *run)
{
	oo_status rc = rule_authentic_by_hand(run);

	if (rc == OO_OK)
		rc = rule_derivable(run);
	if (rc == OO_OK)
		rc = rule_concept_twice(run);
	if (rc == OO_OK)
		rc = rule_fetchable_attachment(run);
	if (rc == OO_OK)
		rc = rule_no_identification(run);
	if (rc == OO_OK)
		rc = rule_missing_purpose(run);
	return rc;
}
