/* SPDX-License-Identifier: EUPL-1.2 */
/* The audit report as Markdown, for tickets and wikis: the summary per
 * form, the concept x form matrix as a table, and the findings per file,
 * with the same per-language texts as the HTML report. */
#include "audit_private.h"
#include "report_strings.h"

#include <stdio.h>
#include <string.h>

/* Appends text with the characters that Markdown tables and emphasis
 * would read escaped, and line breaks as spaces. */
static void put_md(oo_buf *out, const char *text)
{
	const char *p;

	for (p = text ? text : ""; *p; p++) {
		if (strchr("|*_`<>[]\\", *p))
			oo_buf_putc(out, '\\');
		oo_buf_putc(out, *p == '\n' ? ' ' : *p);
	}
}

static void md_summary(oo_buf *out, oo_form *const *forms, size_t count,
		       const oo_catalog *cat, const oo_audit__report_strings *s)
{
	size_t i;

	oo_buf_printf(out, "## %s\n\n| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n",
		      s->summary, s->form, s->fields, s->can_go, s->can_prefill, s->attachments_can_go);
	for (i = 0; i < count; i++) {
		oo_audit__summary sum = oo_audit__summarise(forms[i], cat);

		oo_buf_printf(out, "| [%zu] ", i + 1);
		put_md(out, forms[i]->id);
		oo_buf_printf(out, " | %zu | %zu | %zu | %zu |\n", sum.fields, sum.remove, sum.prefill,
			      sum.fetch);
	}
	oo_buf_putc(out, '\n');
}

static void md_matrix(oo_buf *out, const oo_audit_matrix *mx, const oo_audit__report_strings *s)
{
	size_t r, i;

	oo_buf_printf(out, "## %s\n\n", s->matrix);
	oo_buf_puts(out, "\xE2\x9C\x8B ");
	oo_audit__put_template(out, s->by_hand, "n", 0);
	oo_buf_printf(out, ", \xE2\x9C\x93 %s, \xC2\xB7 %s\n\n", s->prefilled, s->not_asked);
	oo_buf_printf(out, "| %s |", s->concept);
	for (i = 0; i < mx->form_count; i++)
		oo_buf_printf(out, " [%zu] |", i + 1);
	oo_buf_puts(out, "\n|---|");
	for (i = 0; i < mx->form_count; i++)
		oo_buf_puts(out, ":-:|");
	oo_buf_putc(out, '\n');
	for (r = 0; r < mx->concept_count; r++) {
		oo_buf_printf(out, "| `%s` |", mx->concepts[r]->id);
		for (i = 0; i < mx->form_count; i++) {
			unsigned char cell = mx->cells[r * mx->form_count + i];

			oo_buf_printf(out, " %s |", cell == OO_AUDIT_BY_HAND ? "\xE2\x9C\x8B"
					    : cell == OO_AUDIT_PREFILLED ? "\xE2\x9C\x93" : "\xC2\xB7");
		}
		oo_buf_putc(out, '\n');
	}
	oo_buf_putc(out, '\n');
}

static void md_finding(oo_buf *out, const oo_finding *f, const oo_field *field,
		       const oo_audit__report_strings *s)
{
	const oo_audit__rule_text *rule = oo_audit__rule_text_for(s, f->code);

	oo_buf_puts(out, "- **");
	put_md(out, field ? oo_audit__field_label(field) : f->field);
	oo_buf_printf(out, "** (%s %d): `%s` ", s->line, f->line, f->code);
	put_md(out, rule ? rule->title : f->rule);
	oo_buf_putc(out, '\n');
	if (rule) {
		oo_buf_printf(out, "  - %s: ", s->why);
		put_md(out, rule->why);
		oo_buf_putc(out, '\n');
	}
	oo_buf_printf(out, "  - %s: ", s->detail);
	put_md(out, f->message);
	oo_buf_putc(out, '\n');
	if (f->fix) {
		oo_buf_printf(out, "  - %s: ", s->fix);
		put_md(out, f->fix);
		oo_buf_putc(out, '\n');
	}
}

static void md_findings(oo_buf *out, oo_form *const *forms, size_t count,
			const oo_findings *findings, const oo_audit__report_strings *s)
{
	size_t i, j, n = findings ? oo_findings_count(findings) : 0;

	oo_buf_printf(out, "## %s\n\n", s->findings);
	if (n == 0)
		oo_buf_printf(out, "%s\n\n", s->no_findings);
	for (i = 0; i < count; i++) {
		const char *file = forms[i]->file;

		if (i > 0 && file && forms[i - 1]->file && strcmp(file, forms[i - 1]->file) == 0)
			continue;
		oo_buf_puts(out, "### ");
		put_md(out, file ? file : forms[i]->id);
		oo_buf_puts(out, "\n\n");
		for (j = 0; j < n; j++) {
			const oo_finding *f = oo_findings_at(findings, j);

			if ((f->file && file && strcmp(f->file, file) == 0) || (!f->file && !file))
				md_finding(out, f, oo_audit__finding_field(forms, count, f->file, f->field), s);
		}
		oo_buf_putc(out, '\n');
	}
}

oo_status oo_audit_report_markdown(oo_buf *out, oo_form *const *forms, size_t count,
				   const oo_catalog *cat, const oo_findings *findings,
				   oo_lang lang, oo_error *err)
{
	const oo_audit__report_strings *s = oo_audit__report_strings_for(lang);
	oo_audit_matrix mx;
	char number[24];
	oo_status rc;

	rc = oo_audit_matrix_build(&mx, forms, count, cat, err);
	if (rc != OO_OK)
		return rc;
	snprintf(number, sizeof(number), "%zu", count);
	oo_buf_puts(out, "# ");
	oo_audit__put_template(out, s->title, number, 0);
	oo_buf_printf(out, "\n\n%s\n\n", s->intro);
	md_summary(out, forms, count, cat, s);
	md_matrix(out, &mx, s);
	md_findings(out, forms, count, findings, s);
	oo_audit_matrix_free(&mx);
	if (out->failed)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory writing the audit report");
	return OO_OK;
}
