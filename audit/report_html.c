/* SPDX-License-Identifier: EUPL-1.2 */
/* The audit report as one self-contained HTML page (inline CSS, no
 * scripts, no external assets) in Dutch, French or English: a summary per
 * form, the redundancy matrix as an inline SVG heat map with the same data
 * as a table, and each finding with the field's label, why and the fix. */
#include "audit_private.h"
#include "report_strings.h"

#include <stdio.h>
#include <string.h>

/* Size of one heat-map cell and the room for the concept ids, in SVG user
 * units (pixels at 100% zoom). */
#define CELL 28
#define ROW_LABEL_WIDTH 330
#define HEADER_HEIGHT 28

static const char css[] =
	"body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#1b1b1b;line-height:1.45}"
	"table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.3rem .6rem;"
	"text-align:left;vertical-align:top}th{background:#eee}td.n{text-align:right}"
	".finding{border-left:.3rem solid #b00020;padding:.2rem 1rem;margin:1rem 0}"
	".finding.warning{border-color:#c77700}.finding h4{margin:.3rem 0}"
	"dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}"
	"dd{margin:0}code{background:#f4f4f4;padding:0 .2rem}.legend span{display:inline-block;"
	"width:1rem;height:1rem;vertical-align:middle;margin:0 .3rem 0 1rem;border:1px solid #888}";

void oo_audit__put_template(oo_buf *out, const char *template, const char *value, int html)
{
	const char *at = strstr(template, "{1}");
	oo_buf head = OO_BUF_INIT;

	if (!at) {
		html ? oo_buf_put_html(out, template) : oo_buf_puts(out, template);
		return;
	}
	oo_buf_append(&head, template, (size_t)(at - template));
	html ? oo_buf_put_html(out, head.data ? head.data : "") : oo_buf_puts(out, head.data ? head.data : "");
	html ? oo_buf_put_html(out, value) : oo_buf_puts(out, value);
	html ? oo_buf_put_html(out, at + 3) : oo_buf_puts(out, at + 3);
	oo_buf_free(&head);
}

const oo_field *oo_audit__finding_field(oo_form *const *forms, size_t count,
					const char *file, const char *field_id)
{
	size_t i;

	for (i = 0; field_id && i < count; i++) {
		const oo_form *form = forms[i];

		if (file && form->file && strcmp(file, form->file) != 0)
			continue;
		if (oo_form_find_field(form, field_id))
			return oo_form_find_field(form, field_id);
	}
	return NULL;
}

static void cell_text(oo_buf *out, const char *tag, const char *text, const char *class_name)
{
	oo_buf_printf(out, "<%s%s%s%s>", tag, class_name ? " class=\"" : "",
		      class_name ? class_name : "", class_name ? "\"" : "");
	oo_buf_put_html(out, text ? text : "");
	oo_buf_printf(out, "</%s>", tag);
}

static void cell_count(oo_buf *out, size_t n)
{
	oo_buf_printf(out, "<td class=\"n\">%zu</td>", n);
}

static void html_head(oo_buf *out, const oo_audit__report_strings *s, size_t count)
{
	char number[24];

	snprintf(number, sizeof(number), "%zu", count);
	oo_buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		      s->lang);
	oo_audit__put_template(out, s->title, number, 1);
	oo_buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<h1>", css);
	oo_audit__put_template(out, s->title, number, 1);
	oo_buf_puts(out, "</h1>\n<p>");
	oo_buf_put_html(out, s->intro);
	oo_buf_puts(out, "</p>\n");
}

static void html_summary(oo_buf *out, oo_form *const *forms, size_t count,
			 const oo_catalog *cat, const oo_audit__report_strings *s)
{
	size_t i;

	oo_buf_puts(out, "<h2 id=\"summary\">");
	oo_buf_put_html(out, s->summary);
	oo_buf_puts(out, "</h2>\n<table>\n<thead><tr>");
	cell_text(out, "th", s->form, NULL);
	cell_text(out, "th", s->fields, NULL);
	cell_text(out, "th", s->can_go, NULL);
	cell_text(out, "th", s->can_prefill, NULL);
	cell_text(out, "th", s->attachments_can_go, NULL);
	oo_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < count; i++) {
		oo_audit__summary sum = oo_audit__summarise(forms[i], cat);

		oo_buf_printf(out, "<tr><th scope=\"row\">[%zu] ", i + 1);
		oo_buf_put_html(out, forms[i]->id ? forms[i]->id : "");
		oo_buf_puts(out, "</th>");
		cell_count(out, sum.fields);
		cell_count(out, sum.remove);
		cell_count(out, sum.prefill);
		cell_count(out, sum.fetch);
		oo_buf_puts(out, "</tr>\n");
	}
	oo_buf_puts(out, "</tbody>\n</table>\n");
}

static size_t by_hand_in_row(const oo_audit_matrix *mx, size_t row)
{
	size_t i, n = 0;

	for (i = 0; i < mx->form_count; i++)
		n += mx->cells[row * mx->form_count + i] == OO_AUDIT_BY_HAND;
	return n;
}

/* Returns the fill of a cell: grey when not asked, green when prefilled,
 * and for a datum asked by hand a red that darkens with the number of
 * forms that ask it by hand, up to the whole set. */
static void cell_fill(char *fill, size_t size, unsigned char cell, size_t hand, size_t forms)
{
	unsigned level;

	if (cell == OO_AUDIT_NOT_ASKED) {
		snprintf(fill, size, "#f2f2f2");
		return;
	}
	if (cell == OO_AUDIT_PREFILLED) {
		snprintf(fill, size, "#5aa469");
		return;
	}
	level = forms > 1 ? (unsigned)(150 * (hand - 1) / (forms - 1)) : 150;
	snprintf(fill, size, "#%02x%02x%02x", 240 - level / 2, 170 - level, 150 - level);
}

static void svg_cell(oo_buf *out, const oo_audit_matrix *mx, size_t r, size_t i,
		     const oo_audit__report_strings *s)
{
	unsigned char cell = mx->cells[r * mx->form_count + i];
	size_t hand = by_hand_in_row(mx, r);
	char fill[16], number[24];

	cell_fill(fill, sizeof(fill), cell, hand, mx->form_count);
	oo_buf_printf(out, "<rect x=\"%zu\" y=\"%zu\" width=\"%d\" height=\"%d\" fill=\"%s\" "
		      "stroke=\"#fff\"><title>", ROW_LABEL_WIDTH + i * CELL,
		      HEADER_HEIGHT + r * CELL, CELL, CELL, fill);
	oo_buf_put_html(out, mx->concepts[r]->id);
	oo_buf_printf(out, ", [%zu]: ", i + 1);
	snprintf(number, sizeof(number), "%zu", hand);
	if (cell == OO_AUDIT_BY_HAND)
		oo_audit__put_template(out, s->by_hand, number, 1);
	else
		oo_buf_put_html(out, cell == OO_AUDIT_PREFILLED ? s->prefilled : s->not_asked);
	oo_buf_puts(out, "</title></rect>\n");
}

static void html_heatmap(oo_buf *out, const oo_audit_matrix *mx, const oo_audit__report_strings *s)
{
	size_t width = ROW_LABEL_WIDTH + mx->form_count * CELL + 4;
	size_t height = HEADER_HEIGHT + mx->concept_count * CELL + 4, r, i;

	oo_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%zu\" height=\"%zu\" "
		      "viewBox=\"0 0 %zu %zu\" role=\"img\" aria-labelledby=\"matrix-title\" "
		      "font-family=\"monospace\" font-size=\"12\">\n<title id=\"matrix-title\">",
		      width, height, width, height);
	oo_buf_put_html(out, s->matrix);
	oo_buf_puts(out, "</title>\n");
	for (i = 0; i < mx->form_count; i++)
		oo_buf_printf(out, "<text x=\"%zu\" y=\"%d\" text-anchor=\"middle\">%zu</text>\n",
			      ROW_LABEL_WIDTH + i * CELL + CELL / 2, HEADER_HEIGHT - 8, i + 1);
	for (r = 0; r < mx->concept_count; r++) {
		oo_buf_printf(out, "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\">", ROW_LABEL_WIDTH - 6,
			      HEADER_HEIGHT + r * CELL + CELL / 2 + 4);
		oo_buf_put_html(out, mx->concepts[r]->id);
		oo_buf_puts(out, "</text>\n");
		for (i = 0; i < mx->form_count; i++)
			svg_cell(out, mx, r, i, s);
	}
	oo_buf_puts(out, "</svg>\n");
}

/* The same data as the heat map, for screen readers and for copying. */
static void html_matrix_table(oo_buf *out, const oo_audit_matrix *mx,
			      const oo_audit__report_strings *s)
{
	size_t r, i;

	oo_buf_puts(out, "<details><summary>");
	oo_buf_put_html(out, s->matrix_table);
	oo_buf_puts(out, "</summary>\n<table>\n<thead><tr>");
	cell_text(out, "th", s->concept, NULL);
	for (i = 0; i < mx->form_count; i++)
		oo_buf_printf(out, "<th>[%zu]</th>", i + 1);
	oo_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (r = 0; r < mx->concept_count; r++) {
		oo_buf_puts(out, "<tr><th scope=\"row\"><code>");
		oo_buf_put_html(out, mx->concepts[r]->id);
		oo_buf_puts(out, "</code></th>");
		for (i = 0; i < mx->form_count; i++) {
			unsigned char cell = mx->cells[r * mx->form_count + i];

			cell_text(out, "td", cell == OO_AUDIT_BY_HAND ? "\xE2\x9C\x8B"
					   : cell == OO_AUDIT_PREFILLED ? "\xE2\x9C\x93" : "", NULL);
		}
		oo_buf_puts(out, "</tr>\n");
	}
	oo_buf_puts(out, "</tbody>\n</table>\n</details>\n");
}

static void html_matrix(oo_buf *out, const oo_audit_matrix *mx, const oo_audit__report_strings *s)
{
	oo_buf_puts(out, "<h2 id=\"matrix\">");
	oo_buf_put_html(out, s->matrix);
	oo_buf_puts(out, "</h2>\n<p>");
	oo_buf_put_html(out, s->matrix_intro);
	oo_buf_puts(out, "</p>\n<p class=\"legend\"><span style=\"background:#f2f2f2\"></span>");
	oo_buf_put_html(out, s->not_asked);
	oo_buf_puts(out, "<span style=\"background:#5aa469\"></span>");
	oo_buf_put_html(out, s->prefilled);
	oo_buf_puts(out, "<span style=\"background:#5a0a00\"></span>");
	oo_audit__put_template(out, s->by_hand, "n", 1);
	oo_buf_puts(out, "</p>\n");
	html_heatmap(out, mx, s);
	html_matrix_table(out, mx, s);
}

static void definition_row(oo_buf *out, const char *term, const char *text)
{
	if (!text || !*text)
		return;
	oo_buf_puts(out, "<dt>");
	oo_buf_put_html(out, term);
	oo_buf_puts(out, "</dt><dd>");
	oo_buf_put_html(out, text);
	oo_buf_puts(out, "</dd>");
}

static const char *severity_word(const oo_audit__report_strings *s, oo_severity sev)
{
	switch (sev) {
	case OO_SEVERITY_ERROR: return s->severity_error;
	case OO_SEVERITY_WARNING: return s->severity_warning;
	case OO_SEVERITY_INFO: return s->severity_info;
	}
	return "";
}

static void html_finding(oo_buf *out, const oo_finding *f, const oo_field *field,
			 const oo_audit__report_strings *s)
{
	const oo_audit__rule_text *rule = oo_audit__rule_text_for(s, f->code);
	char where[64];

	oo_buf_printf(out, "<div class=\"finding %s\">\n<h4>", oo_severity_name(f->severity));
	/* The severity is written out, because a border colour alone would
	 * fail WCAG 1.4.1 (Use of Color). */
	oo_buf_puts(out, "<span class=\"severity\">");
	oo_buf_put_html(out, severity_word(s, f->severity));
	oo_buf_puts(out, ":</span> ");
	oo_buf_put_html(out, field ? oo_audit__field_label(field) : (f->field ? f->field : ""));
	oo_buf_puts(out, "</h4>\n<dl>");
	oo_buf_printf(out, "<dt>");
	oo_buf_put_html(out, s->rule);
	oo_buf_printf(out, "</dt><dd><code>%s</code> ", f->code);
	oo_buf_put_html(out, rule ? rule->title : (f->rule ? f->rule : ""));
	snprintf(where, sizeof(where), " (%s %d)", s->line, f->line);
	if (f->line > 0)
		oo_buf_put_html(out, where);
	oo_buf_puts(out, "</dd>");
	definition_row(out, s->why, rule ? rule->why : NULL);
	definition_row(out, s->fix, rule ? rule->fix : f->fix);
	definition_row(out, s->detail, f->message);
	if (rule && f->fix) {
		oo_buf_puts(out, "<dt></dt><dd>");
		oo_buf_put_html(out, f->fix);
		oo_buf_puts(out, "</dd>");
	}
	oo_buf_puts(out, "</dl>\n</div>\n");
}

/* Lists the findings grouped by file, in the order of the forms. */
static void html_findings(oo_buf *out, oo_form *const *forms, size_t count,
			  const oo_findings *findings, const oo_audit__report_strings *s)
{
	size_t i, j, n = findings ? oo_findings_count(findings) : 0;

	oo_buf_puts(out, "<h2 id=\"findings\">");
	oo_buf_put_html(out, s->findings);
	oo_buf_puts(out, "</h2>\n");
	if (n == 0) {
		oo_buf_puts(out, "<p>");
		oo_buf_put_html(out, s->no_findings);
		oo_buf_puts(out, "</p>\n");
	}
	for (i = 0; i < count; i++) {
		const char *file = forms[i]->file;

		if (i > 0 && file && forms[i - 1]->file && strcmp(file, forms[i - 1]->file) == 0)
			continue;
		oo_buf_puts(out, "<section>\n<h3>");
		oo_buf_put_html(out, file ? file : (forms[i]->id ? forms[i]->id : ""));
		oo_buf_puts(out, "</h3>\n");
		for (j = 0; j < n; j++) {
			const oo_finding *f = oo_findings_at(findings, j);

			if ((f->file && file && strcmp(f->file, file) == 0) || (!f->file && !file))
				html_finding(out, f, oo_audit__finding_field(forms, count, f->file, f->field), s);
		}
		oo_buf_puts(out, "</section>\n");
	}
}

oo_status oo_audit_report_html(oo_buf *out, oo_form *const *forms, size_t count,
			       const oo_catalog *cat, const oo_findings *findings,
			       oo_lang lang, oo_error *err)
{
	const oo_audit__report_strings *s = oo_audit__report_strings_for(lang);
	oo_audit_matrix mx;
	oo_status rc;

	rc = oo_audit_matrix_build(&mx, forms, count, cat, err);
	if (rc != OO_OK)
		return rc;
	html_head(out, s, count);
	html_summary(out, forms, count, cat, s);
	html_matrix(out, &mx, s);
	html_findings(out, forms, count, findings, s);
	oo_buf_puts(out, "</main>\n</body>\n</html>\n");
	oo_audit_matrix_free(&mx);
	if (out->failed)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory writing the audit report");
	return OO_OK;
}
