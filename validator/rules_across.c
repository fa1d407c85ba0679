/* SPDX-License-Identifier: EUPL-1.2 */
/* Compares a definition with other forms of the municipality, definitions
 * or existing HTML pages: a concept that the applicant already gave in an
 * earlier application can be taken from that dossier (WCAG 2.2, 3.3.7). */
#include "rules_private.h"

#include <string.h>
#include <strings.h>

#include "onlyonce/alloc.h"
#include "onlyonce/audit.h"
#include "onlyonce/buf.h"
#include "onlyonce/file.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static oo_status append_forms(oo_checker *c, oo_form **forms, size_t count, oo_error *err)
{
	oo_form **grown = oo_realloc(c->against, (c->against_count + count + 1) * sizeof(*grown));

	if (!grown) {
		oo_audit_forms_free(forms, count);
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory reading forms to compare");
	}
	c->against = grown;
	memcpy(c->against + c->against_count, forms, count * sizeof(*forms));
	c->against_count += count;
	oo_free(forms);
	return OO_OK;
}

static oo_status add_definition(oo_checker *c, const char *path, oo_error *err)
{
	oo_findings *scratch = NULL;
	oo_form *form = NULL;
	oo_form **one;
	oo_status rc = oo_findings_new(&scratch);

	if (rc == OO_OK)
		rc = oo_check_file(c, path, scratch, &form, err);
	oo_findings_free(scratch);
	if (rc != OO_OK)
		return rc;
	if (!form)
		return oo_error_set(err, OO_EINVAL, path, 0, 0,
				    "%s does not match form.schema.json, so it cannot be compared; run onlyonce check on it",
				    path);
	one = oo_calloc(1, sizeof(*one));
	if (!one) {
		oo_form_free(form);
		return oo_error_set(err, OO_ENOMEM, path, 0, 0, "out of memory reading forms to compare");
	}
	one[0] = form;
	return append_forms(c, one, 1, err);
}

static oo_status add_html(oo_checker *c, const char *path, oo_error *err)
{
	char *html = NULL;
	size_t len = 0, count = 0, i;
	oo_form **forms = NULL;
	oo_findings *scratch = NULL;
	oo_status rc = oo_file_read(&html, &len, path, OO_FILE_MAX_SIZE, err);

	if (rc == OO_OK)
		rc = oo_findings_new(&scratch);
	if (rc == OO_OK)
		rc = oo_audit_extract_html(&forms, &count, html, len, path, NULL, err);
	for (i = 0; i < count && rc == OO_OK; i++)
		rc = oo_audit_form(forms[i], c->matcher, c->catalog, scratch, err);
	oo_findings_free(scratch);
	oo_free(html);
	if (rc != OO_OK) {
		oo_audit_forms_free(forms, count);
		return rc;
	}
	return append_forms(c, forms, count, err);
}

oo_status oo_checker_add_against(oo_checker *c, const char *path, oo_error *err)
{
	if (ends_with(path, ".form.json"))
		return add_definition(c, path, err);
	if (ends_with(path, ".html") || ends_with(path, ".htm"))
		return add_html(c, path, err);
	return oo_error_set(err, OO_EINVAL, path, 0, 0,
			    "%s is neither a definition (*.form.json) nor an HTML form (*.html, *.htm)", path);
}

/* Returns 1 when the applicant gives field f of form by hand: an upload,
 * a datum without a source, a key the login does not supply, or a datum
 * whose prefill is off. */
static int by_hand(const oo_form *form, const oo_field *f, const oo_concept *c)
{
	if (!c || f->type == OO_FIELD_HIDDEN)
		return 0;
	if (c->kind == OO_CONCEPT_DOCUMENT)
		return f->type == OO_FIELD_FILE;
	if (oo_rules__is_key(c))
		return !form->login_identifies;
	return !f->prefill || !oo_concept_is_authentic(c);
}

/* Returns 1 when other asks concept c by hand. */
static int asks(const oo_form *other, const oo_concept *c)
{
	size_t i;

	for (i = 0; i < other->field_count; i++) {
		const oo_field *f = &other->fields[i];
		const char *id = f->concept ? f->concept : f->document;

		if (id && strcmp(id, c->id) == 0 && by_hand(other, f, c))
			return 1;
	}
	return 0;
}

/* Appends the names of the forms that ask c ("a.form.json", "b.html#2"). */
static size_t name_askers(oo_buf *names, const oo_form *const *others, size_t count,
			  const oo_concept *c)
{
	size_t i, named = 0;

	for (i = 0; i < count; i++) {
		const char *file = others[i]->file ? others[i]->file : "";
		const char *base = strrchr(file, '/');

		if (!asks(others[i], c))
			continue;
		oo_buf_printf(names, "%s%s", named++ ? ", " : "", base ? base + 1 : file);
		if (others[i]->id && !ends_with(file, ".form.json"))
			oo_buf_printf(names, " (%s)", others[i]->id);
	}
	return named;
}

static oo_status report_field(const oo_form *form, const oo_field *f, const oo_concept *c,
			      const oo_form *const *others, size_t count, oo_findings *list)
{
	oo_buf names = OO_BUF_INIT, message = OO_BUF_INIT;
	oo_finding finding;
	oo_status rc = OO_OK;

	if (!name_askers(&names, others, count, c) || names.failed)
		goto cleanup;
	oo_buf_printf(&message, OO_("field \"%s\" asks %s by hand, which these forms ask too: %s"),
		      f->id, c->id, names.data);
	rc = message.failed ? OO_ENOMEM : OO_OK;
	if (rc != OO_OK)
		goto cleanup;
	memset(&finding, 0, sizeof(finding));
	finding.code = "OO106";
	finding.rule = "concept-asked-in-several-forms";
	/* Data without an authentic source may differ per application, so
	 * reuse is a suggestion there. */
	finding.severity = oo_concept_is_authentic(c) ? OO_SEVERITY_WARNING : OO_SEVERITY_INFO;
	finding.file = form->file;
	finding.location = f->location;
	finding.line = f->line;
	finding.column = f->column;
	finding.message = message.data;
	finding.fix = oo_concept_is_authentic(c)
		      ? OO_("Take the value from its authentic source, or from the applicant's earlier dossier, so it is given once.")
		      : OO_("Offer the answer of the applicant's earlier dossier, so it is given once.");
	finding.field = f->id;
	finding.concept = c->id;
	finding.source = c->source;
	rc = oo_findings_add(list, &finding);

cleanup:
	if (names.failed)
		rc = OO_ENOMEM;
	oo_buf_free(&names);
	oo_buf_free(&message);
	return rc;
}

oo_status oo_rules_across(const oo_form *form, const oo_form *const *others, size_t count,
			  const oo_catalog *cat, const oo_matcher *m, oo_findings *list,
			  oo_error *err)
{
	size_t i;
	oo_status rc = OO_OK;

	for (i = 0; i < form->field_count && rc == OO_OK; i++) {
		const oo_field *f = &form->fields[i];
		const char *id = f->concept ? f->concept : f->document;
		const oo_concept *c = id ? oo_catalog_find(cat, id) : NULL;

		/* A recognised field is typed by hand whatever its prefill says. */
		if (!id && (rc = oo_rules__recognise(m, f, &c)) == OO_OK && c &&
		    c->kind == OO_CONCEPT_DATUM && !oo_rules__is_key(c))
			rc = report_field(form, f, c, others, count, list);
		else if (rc == OO_OK && by_hand(form, f, c))
			rc = report_field(form, f, c, others, count, list);
	}
	if (rc != OO_OK)
		return oo_error_set(err, rc, form->file, 0, 0, "out of memory comparing forms");
	return OO_OK;
}
