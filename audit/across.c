/* SPDX-License-Identifier: EUPL-1.2 */
/* Looks across a set of forms: the concept x form matrix and the concepts
 * that several forms of one municipality ask by hand. */
#include "audit_private.h"

#include <string.h>

#include "onlyonce/alloc.h"

/* Returns the first field of form that asks concept id, or NULL. */
static const oo_field *field_asking(const oo_form *form, const char *id)
{
	size_t i;

	for (i = 0; i < form->field_count; i++) {
		const oo_field *f = &form->fields[i];

		if (f->type != OO_FIELD_HIDDEN && f->concept && strcmp(f->concept, id) == 0)
			return f;
	}
	return NULL;
}

static int asked_by_hand(const oo_field *f)
{
	return f && !f->prefill;
}

static oo_status add_repeat_finding(const oo_form *const *forms, size_t count, size_t self,
				    const oo_concept *c, oo_findings *findings)
{
	const oo_field *f = field_asking(forms[self], c->id);
	oo_finding base;
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;
	size_t i, named = 0;

	memset(&base, 0, sizeof(base));
	base.code = "OO106";
	base.rule = "concept-asked-in-several-forms";
	base.severity = OO_SEVERITY_WARNING;
	base.file = forms[self]->file;
	base.concept = c->id;
	base.source = c->source;
	oo_buf_puts(&message, "field ");
	oo_audit__quote(&message, oo_audit__field_label(f));
	oo_buf_printf(&message, " asks by hand for %s, as these other forms do:", c->id);
	for (i = 0; i < count; i++) {
		if (i == self || !asked_by_hand(field_asking(forms[i], c->id)))
			continue;
		oo_buf_printf(&message, "%s \"%s\"", named++ ? "," : "", forms[i]->id ? forms[i]->id : "");
	}
	oo_buf_printf(&fix, "take %s from %s, or reuse the value of the earlier application, "
		      "so the user gives it once (WCAG 3.3.7)", c->id, oo_audit__source_name(c->source));
	return oo_audit__add_finding(findings, &base, f, &message, &fix);
}

oo_status oo_audit_across(oo_form *const *forms, size_t count,
			  const oo_catalog *cat, oo_findings *findings,
			  oo_error *err)
{
	const oo_form *const *list = (const oo_form *const *)forms;
	size_t c, i, asking;
	oo_status rc = OO_OK;

	if (!cat || (count && !forms))
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "no catalogue or forms given to the audit");
	for (c = 0; c < oo_catalog_count(cat) && rc == OO_OK; c++) {
		const oo_concept *concept = oo_catalog_at(cat, c);

		if (!oo_concept_is_authentic(concept))
			continue;
		for (i = 0, asking = 0; i < count; i++)
			asking += asked_by_hand(field_asking(list[i], concept->id));
		if (asking < 2)
			continue;
		for (i = 0; i < count && rc == OO_OK; i++)
			if (asked_by_hand(field_asking(list[i], concept->id)))
				rc = add_repeat_finding(list, count, i, concept, findings);
	}
	if (rc == OO_ENOMEM)
		oo_error_set(err, rc, NULL, 0, 0, "out of memory comparing forms");
	return rc;
}

static unsigned char cell_of(const oo_form *form, const char *id)
{
	const oo_field *f = field_asking(form, id);

	if (!f)
		return OO_AUDIT_NOT_ASKED;
	return f->prefill ? OO_AUDIT_PREFILLED : OO_AUDIT_BY_HAND;
}

oo_status oo_audit_matrix_build(oo_audit_matrix *out, oo_form *const *forms,
				size_t count, const oo_catalog *cat, oo_error *err)
{
	size_t total = oo_catalog_count(cat), c, i, row = 0;
	unsigned char *cells;
	int asked;

	memset(out, 0, sizeof(*out));
	out->form_count = count;
	out->concepts = oo_calloc(total ? total : 1, sizeof(*out->concepts));
	out->cells = oo_calloc((total ? total : 1) * (count ? count : 1), 1);
	if (!out->concepts || !out->cells) {
		oo_audit_matrix_free(out);
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory building the matrix");
	}
	for (c = 0; c < total; c++) {
		const oo_concept *concept = oo_catalog_at(cat, c);

		cells = out->cells + row * count;
		for (i = 0, asked = 0; i < count; i++) {
			cells[i] = cell_of(forms[i], concept->id);
			asked |= cells[i] != OO_AUDIT_NOT_ASKED;
		}
		if (asked)
			out->concepts[row++] = concept;
	}
	out->concept_count = row;
	return OO_OK;
}

void oo_audit_matrix_free(oo_audit_matrix *matrix)
{
	if (!matrix)
		return;
	oo_free(matrix->concepts);
	oo_free(matrix->cells);
	memset(matrix, 0, sizeof(*matrix));
}
