/* SPDX-License-Identifier: EUPL-1.2 */
/* The audit report, as JSON for tools and as English text for people:
 * per form what can go, what can be prefilled and which attachments the
 * government fetches itself; then the findings and the concept matrix. */
#include "audit_private.h"

#include <string.h>

#include "onlyonce/alloc.h"

static const char *const action_names[] = {
	[OO_AUDIT_KEEP] = "keep", [OO_AUDIT_REMOVE] = "remove",
	[OO_AUDIT_PREFILL] = "prefill", [OO_AUDIT_FETCH] = "fetch",
};

static const char *const cell_names[] = {
	[OO_AUDIT_NOT_ASKED] = "not-asked", [OO_AUDIT_PREFILLED] = "prefilled",
	[OO_AUDIT_BY_HAND] = "by-hand",
};

static const char *const label_source_names[] = {
	[OO_LABEL_NONE] = "none", [OO_LABEL_FOR] = "label-for", [OO_LABEL_WRAPPING] = "label-wrapping",
	[OO_LABEL_ARIA] = "aria-label", [OO_LABEL_ARIA_BY] = "aria-labelledby",
	[OO_LABEL_LEGEND] = "legend", [OO_LABEL_TITLE] = "title",
	[OO_LABEL_PLACEHOLDER] = "placeholder", [OO_LABEL_DEFINITION] = "definition",
};

oo_audit__summary oo_audit__summarise(const oo_form *form, const oo_catalog *cat)
{
	oo_audit__summary s = { 0, 0, 0, 0 };
	size_t i;

	for (i = 0; i < form->field_count; i++) {
		if (form->fields[i].type == OO_FIELD_HIDDEN)
			continue;
		s.fields++;
		switch (oo_audit__field_action(form, i, cat)) {
		case OO_AUDIT_REMOVE: s.remove++; break;
		case OO_AUDIT_PREFILL: s.prefill++; break;
		case OO_AUDIT_FETCH: s.fetch++; break;
		default: break;
		}
	}
	return s;
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* json_pack with "s?" keeps NULL strings as JSON null; it fails only when
 * memory runs out or a string is not UTF-8, which extraction rules out. */
static json_t *field_json(const oo_form *form, size_t i, const oo_catalog *cat)
{
	const oo_field *f = &form->fields[i];
	const oo_concept *c = f->concept ? oo_catalog_find(cat, f->concept) : NULL;
	int source = f->label_source >= 0 && f->label_source <= OO_LABEL_DEFINITION ? f->label_source : 0;

	return json_pack("{s:s?, s:s?, s:s, s:s?, s:s, s:b, s:s?, s:s?, s:s, s:s?, s:i}",
			 "id", f->id, "name", f->name, "type", oo_field_type_name(f->type),
			 "label", oo_text_get(&f->label, OO_LANG_NL),
			 "label_source", label_source_names[source], "required", f->required,
			 "concept", f->concept, "source", c ? c->source : NULL,
			 "action", action_names[oo_audit__field_action(form, i, cat)],
			 "location", f->location, "line", f->line);
}

void oo_audit_summarise(oo_audit_summary *out, const oo_form *form, const oo_catalog *cat)
{
	oo_audit__summary s = oo_audit__summarise(form, cat);

	out->fields = s.fields;
	out->can_go = s.remove;
	out->can_prefill = s.prefill;
	out->attachments_can_go = s.fetch;
}

static json_t *form_json(const oo_form *form, const oo_catalog *cat)
{
	oo_audit__summary s = oo_audit__summarise(form, cat);
	json_t *fields = json_array(), *item;
	size_t i;

	for (i = 0; fields && i < form->field_count; i++) {
		if (form->fields[i].type == OO_FIELD_HIDDEN)
			continue;
		item = field_json(form, i, cat);
		if (!item || json_array_append_new(fields, item) != 0) {
			json_decref(fields);
			return NULL;
		}
	}
	if (!fields)
		return NULL;
	return json_pack("{s:s?, s:s?, s:s?, s:b, s:{s:I, s:I, s:I, s:I}, s:o}",
			 "id", form->id, "file", form->file,
			 "title", oo_text_get(&form->title, OO_LANG_NL),
			 "login_identifies", form->login_identifies,
			 "summary", "fields", (json_int_t)s.fields, "can_go", (json_int_t)s.remove,
			 "can_be_prefilled", (json_int_t)s.prefill,
			 "attachments_can_go", (json_int_t)s.fetch, "fields", fields);
}

static json_t *finding_json(const oo_finding *f)
{
	return json_pack("{s:s, s:s?, s:s, s:s?, s:s?, s:i, s:s, s:s?, s:s?, s:s?, s:s?}",
			 "code", f->code, "rule", f->rule, "severity", oo_severity_name(f->severity),
			 "file", f->file, "location", f->location, "line", f->line,
			 "message", f->message, "fix", f->fix, "field", f->field,
			 "concept", f->concept, "source", f->source);
}

static json_t *matrix_json(const oo_audit_matrix *mx, oo_form *const *forms)
{
	json_t *ids = json_array(), *rows = json_array(), *cells;
	size_t r, i;
	int failed = !ids || !rows;

	for (i = 0; !failed && i < mx->form_count; i++)
		failed = json_array_append_new(ids, string_or_null(forms[i]->id)) != 0;
	for (r = 0; !failed && r < mx->concept_count; r++) {
		cells = json_array();
		for (i = 0; cells && i < mx->form_count && !failed; i++)
			failed = json_array_append_new(cells,
				json_string(cell_names[mx->cells[r * mx->form_count + i]])) != 0;
		failed = failed || !cells ||
			 json_array_append_new(rows, json_pack("{s:s, s:s?, s:o}", "concept",
				mx->concepts[r]->id, "source", mx->concepts[r]->source, "cells", cells)) != 0;
	}
	if (failed) {
		json_decref(ids);
		json_decref(rows);
		return NULL;
	}
	return json_pack("{s:o, s:o}", "forms", ids, "rows", rows);
}

oo_status oo_audit_report_json(json_t **out, oo_form *const *forms, size_t count,
			       const oo_catalog *cat, const oo_findings *findings,
			       oo_error *err)
{
	oo_audit_matrix mx;
	json_t *report = NULL, *list, *item;
	oo_status rc;
	size_t i, n = findings ? oo_findings_count(findings) : 0;

	*out = NULL;
	rc = oo_audit_matrix_build(&mx, forms, count, cat, err);
	if (rc != OO_OK)
		return rc;
	report = json_pack("{s:[], s:[], s:o*}", "forms", "findings", "matrix", matrix_json(&mx, forms));
	oo_audit_matrix_free(&mx);
	for (i = 0, list = json_object_get(report, "forms"); report && i < count; i++)
		if (!(item = form_json(forms[i], cat)) || json_array_append_new(list, item) != 0)
			goto fail;
	for (i = 0, list = json_object_get(report, "findings"); report && i < n; i++)
		if (!(item = finding_json(oo_findings_at(findings, i))) || json_array_append_new(list, item) != 0)
			goto fail;
	if (!report || !json_object_get(report, "matrix"))
		goto fail;
	*out = report;
	return OO_OK;

fail:
	json_decref(report);
	return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory writing the audit report");
}

/* Lists the fields of form with one action under a heading. */
static void text_action_list(oo_buf *out, const oo_form *form, const oo_catalog *cat,
			     oo_audit__action action, const char *heading)
{
	size_t i;
	int first = 1;

	for (i = 0; i < form->field_count; i++) {
		const oo_field *f = &form->fields[i];
		const oo_concept *c;

		if (f->type == OO_FIELD_HIDDEN || oo_audit__field_action(form, i, cat) != action)
			continue;
		if (first)
			oo_buf_printf(out, "  %s:\n", heading);
		first = 0;
		c = oo_catalog_find(cat, f->concept);
		oo_buf_puts(out, "    - ");
		oo_audit__quote(out, oo_audit__field_label(f));
		oo_buf_printf(out, " (line %d): %s", f->line, f->concept);
		if (c && action != OO_AUDIT_REMOVE)
			oo_buf_printf(out, ", from %s", oo_audit__source_name(c->source));
		oo_buf_putc(out, '\n');
	}
}

static void text_form(oo_buf *out, const oo_form *form, const oo_catalog *cat)
{
	oo_audit__summary s = oo_audit__summarise(form, cat);

	oo_buf_printf(out, "Form \"%s\" (%s)\n", form->id ? form->id : "",
		      form->file ? form->file : "no file");
	if (oo_text_get(&form->title, OO_LANG_NL))
		oo_buf_printf(out, "  title: %s\n", oo_text_get(&form->title, OO_LANG_NL));
	oo_buf_printf(out, "  %zu fields; %zu can go, %zu can be prefilled, %zu attachments can go\n",
		      s.fields, s.remove, s.prefill, s.fetch);
	text_action_list(out, form, cat, OO_AUDIT_REMOVE, "Fields that can go");
	text_action_list(out, form, cat, OO_AUDIT_PREFILL, "Fields that can be prefilled");
	text_action_list(out, form, cat, OO_AUDIT_FETCH, "Attachments that can go");
	oo_buf_putc(out, '\n');
}

static void text_findings(oo_buf *out, const oo_findings *findings)
{
	size_t i, n = findings ? oo_findings_count(findings) : 0;

	oo_buf_printf(out, "Findings: %zu\n", n);
	for (i = 0; i < n; i++) {
		const oo_finding *f = oo_findings_at(findings, i);

		oo_buf_printf(out, "%s:%d: %s %s %s: %s\n", f->file ? f->file : "-", f->line,
			      oo_severity_name(f->severity), f->code, f->rule ? f->rule : "", f->message);
		if (f->location)
			oo_buf_printf(out, "    at %s\n", f->location);
		if (f->fix)
			oo_buf_printf(out, "    fix: %s\n", f->fix);
	}
	oo_buf_putc(out, '\n');
}

/* Writes one row per concept: "hand" typed or uploaded, "prefill" filled by
 * the site, "-" not asked. */
static void text_matrix(oo_buf *out, const oo_audit_matrix *mx, oo_form *const *forms)
{
	static const char *const marks[] = { "-", "prefill", "hand" };
	size_t r, i;

	oo_buf_puts(out, "Concepts by form:\n");
	for (i = 0; i < mx->form_count; i++)
		oo_buf_printf(out, "  [%zu] %s\n", i + 1, forms[i]->id ? forms[i]->id : "");
	oo_buf_printf(out, "  %-44s", "concept");
	for (i = 0; i < mx->form_count; i++)
		oo_buf_printf(out, " [%zu]%*s", i + 1, i + 1 < 10 ? 4 : 3, "");
	oo_buf_putc(out, '\n');
	for (r = 0; r < mx->concept_count; r++) {
		oo_buf_printf(out, "  %-44s", mx->concepts[r]->id);
		for (i = 0; i < mx->form_count; i++)
			oo_buf_printf(out, " %-7s", marks[mx->cells[r * mx->form_count + i]]);
		oo_buf_putc(out, '\n');
	}
}

oo_status oo_audit_report_text(oo_buf *out, oo_form *const *forms, size_t count,
			       const oo_catalog *cat, const oo_findings *findings,
			       oo_error *err)
{
	oo_audit_matrix mx;
	oo_status rc;
	size_t i;

	rc = oo_audit_matrix_build(&mx, forms, count, cat, err);
	if (rc != OO_OK)
		return rc;
	oo_buf_printf(out, "Audit of %zu form%s\n\n", count, count == 1 ? "" : "s");
	for (i = 0; i < count; i++)
		text_form(out, forms[i], cat);
	text_findings(out, findings);
	text_matrix(out, &mx, forms);
	oo_audit_matrix_free(&mx);
	if (out->failed)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory writing the audit report");
	return OO_OK;
}
