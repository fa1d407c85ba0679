/* SPDX-License-Identifier: EUPL-1.2 */
/* Renders a form definition as one self-contained HTML page: the head with
 * an inline stylesheet, the error summary, the process information, the
 * notice about the prefill lookup, the sections with their fields, and an
 * inline script that shows conditional fields. Field markup lives in
 * html_fields.c. */
#include "html_internal.h"

#include <stdio.h>
#include <string.h>

/* Looks like a form of the Flemish government: plain sans-serif type, a
 * yellow band above the page, blue links and a blue main button. Colours
 * meet a contrast of at least 4.5:1 on their background (WCAG 1.4.3):
 * text #333332 12.6:1, hint #545c66 6.8:1, link and button #0055cc (white
 * on it too) 6.6:1, error #c8102e 5.9:1, text on the yellow band 10:1.
 * The focus ring pairs a dark outline with yellow so that it shows on any
 * background (WCAG 2.4.7, 2.4.11). Chromium's date input takes focus in
 * its own parts (day, month, year, calendar button); :focus-within keeps
 * the ring on the whole input while the calendar button has it. */
static const char stylesheet[] =
	"body{margin:0;font-family:\"Flanders Art Sans\",Arial,Helvetica,sans-serif;"
	"font-size:1.125rem;line-height:1.5;color:#333332;background:#fff}\n"
	".oo-header{background:#ffe615;border-bottom:1px solid #333332}\n"
	".oo-header p{max-width:40em;margin:0 auto;padding:.75em 1em;font-weight:700}\n"
	"main{display:block;max-width:40em;margin:0 auto;padding:1.5em 1em 3em}\n"
	"h1{font-size:2rem;line-height:1.2;margin:0 0 .75em}\n"
	"h2{font-size:1.5rem;line-height:1.25;margin:1.75em 0 .75em}\n"
	"a{color:#0055cc}a:visited{color:#6b3fa0}\n"
	":focus,.oo-input:focus-within{outline:3px solid #333332;outline-offset:0;"
	"box-shadow:0 0 0 6px #ffe615}\n"
	"[hidden]{display:none!important}\n"
	".oo-visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;"
	"padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}\n"
	".oo-form-group{margin-bottom:1.75em}\n"
	".oo-form-group--error{border-left:5px solid #c8102e;padding-left:.75em}\n"
	".oo-label,.oo-legend{display:block;font-weight:700;margin-bottom:.25em}\n"
	".oo-fieldset{border:0;margin:0;padding:0;min-width:0}\n"
	".oo-legend{padding:0}\n"
	".oo-marker{font-weight:400}\n"
	".oo-hint{color:#545c66;margin-bottom:.5em}\n"
	".oo-error-message{color:#c8102e;font-weight:700;margin:0 0 .5em}\n"
	".oo-input,.oo-select,.oo-textarea{font:inherit;box-sizing:border-box;width:100%;"
	"max-width:30em;padding:.35em .5em;border:2px solid #687483;border-radius:3px;"
	"background:#fff;color:#333332}\n"
	".oo-input[readonly],.oo-textarea[readonly]{background:#f7f9fc;border-style:dashed}\n"
	".oo-form-group--error .oo-input,.oo-form-group--error .oo-select,"
	".oo-form-group--error .oo-textarea{border-color:#c8102e}\n"
	".oo-input--width-2{width:3.5em}.oo-input--width-4{width:5.5em}\n"
	".oo-date-input{display:flex;gap:1em}\n"
	".oo-radios__item,.oo-checkboxes__item{display:flex;align-items:center;"
	"margin-bottom:.5em}\n"
	".oo-radios__input,.oo-checkboxes__input{flex:none;width:1.5em;height:1.5em;"
	"margin:0 .75em 0 0;accent-color:#0055cc}\n"
	".oo-radios__label,.oo-checkboxes__label{font-weight:400;margin:0}\n"
	".oo-source,.oo-note{font-size:1rem;color:#545c66;margin:.5em 0 0}\n"
	".oo-condition{font-style:italic}\n"
	".oo-notice{border-left:6px solid #0055cc;background:#f7f9fc;padding:.75em 1em;"
	"margin-bottom:1.5em}\n"
	".oo-notice h2{margin-top:0;font-size:1.125rem}\n"
	".oo-error-summary{border:4px solid #c8102e;padding:1em;margin-bottom:1.5em}\n"
	".oo-error-summary h2{margin-top:0}\n"
	".oo-error-summary a{color:#c8102e;font-weight:700}\n"
	".oo-process dt{font-weight:700}.oo-process dd{margin:0 0 .5em}\n"
	".oo-button{font:inherit;font-weight:700;color:#fff;background:#0055cc;"
	"border:2px solid #0055cc;border-radius:3px;padding:.5em 1.25em;cursor:pointer}\n"
	".oo-button:hover{background:#003b8e}\n";

/* Shows a conditional field only while its condition holds and makes it
 * required only then. Without JavaScript every field stays visible, with
 * its condition written above it. Reads conditions from data attributes
 * only, so no text of the definition reaches the script. */
static const char script[] =
	"(function () {\n"
	"  var form = document.querySelector('form.oo-form');\n"
	"  var summary = document.querySelector('.oo-error-summary');\n"
	"  if (summary) summary.focus();\n"
	"  if (!form || !form.querySelectorAll) return;\n"
	"  var wrappers = form.querySelectorAll('[data-oo-if-field]');\n"
	"  function holds(name, want) {\n"
	"    var i, el, els = form.elements;\n"
	"    for (i = 0; i < els.length; i++) {\n"
	"      el = els[i];\n"
	"      if (el.name !== name || el.closest('[hidden]')) continue;\n"
	"      if (el.hasAttribute('data-oo-boolean')) {\n"
	"        if ((el.checked ? 'true' : 'false') === want) return true;\n"
	"      } else if (el.type === 'radio' || el.type === 'checkbox') {\n"
	"        if (el.checked && el.value === want) return true;\n"
	"      } else if (el.value === want) {\n"
	"        return true;\n"
	"      }\n"
	"    }\n"
	"    return false;\n"
	"  }\n"
	"  function update() {\n"
	"    var i, j, w, show, controls;\n"
	"    for (i = 0; i < wrappers.length; i++) {\n"
	"      w = wrappers[i];\n"
	"      show = holds(w.getAttribute('data-oo-if-field'), w.getAttribute('data-oo-if-equals'));\n"
	"      w.hidden = !show;\n"
	"      controls = w.querySelectorAll('[data-oo-required]');\n"
	"      for (j = 0; j < controls.length; j++) controls[j].required = show;\n"
	"    }\n"
	"  }\n"
	"  form.addEventListener('change', update);\n"
	"  form.addEventListener('input', update);\n"
	"  update();\n"
	"})();\n";

const oo_field_error *oo_generator__error_for(const oo_html_page *page, const char *id)
{
	size_t i;

	for (i = 0; id && i < page->error_count; i++)
		if (page->errors[i].field && strcmp(page->errors[i].field, id) == 0)
			return &page->errors[i];
	return NULL;
}

void oo_generator__put_id(oo_buf *out, const char *id, const char *suffix)
{
	oo_buf_put_html(out, id);
	if (suffix)
		oo_buf_put_html(out, suffix);
}

/* The record's source label is Dutch, as the prefill sources write it.
 * Other languages name KBO in their own words. */
const char *oo_generator__source_name(const oo_html_page *page, const oo_concept *concept)
{
	const char *label = page->record ? oo_record_source(page->record) : NULL;
	int kbo = (concept && concept->source && strcmp(concept->source, "kbo") == 0) ||
		  (!concept && (!label || strstr(label, "KBO")));

	if (label && (page->lang == OO_LANG_NL || !kbo))
		return label;
	if (kbo || !concept || !concept->source)
		return page->s->kbo_name;
	return concept->source;
}

/* The yellow band names the administration that handles the form. It is
 * a banner landmark, so that no text of the page sits outside one. */
static void put_header(const oo_html_page *page)
{
	const char *owner = oo_text_get(&page->form->owner, page->lang);

	if (!owner)
		return;
	oo_buf_puts(page->out, "<header class=\"oo-header\">\n<p>");
	oo_buf_put_html(page->out, owner);
	oo_buf_puts(page->out, "</p>\n</header>\n");
}

static void put_head(const oo_html_page *page)
{
	oo_buf *out = page->out;
	const char *title = oo_text_get(&page->form->title, page->lang);

	oo_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	oo_buf_put_html(out, oo_lang_code(page->lang));
	oo_buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>");
	/* A page shown again with errors starts its title with the error
	 * prefix, because a screen reader announces the title first (WCAG 3.3.1). */
	if (page->error_count)
		oo_buf_put_html(out, page->s->error_prefix);
	oo_buf_put_html(out, title ? title : page->form->id);
	oo_buf_puts(out, " \xe2\x80\x93 ");
	oo_buf_put_html(out, page->s->title_suffix);
	oo_buf_puts(out, "</title>\n<style>\n");
	oo_buf_puts(out, stylesheet);
	oo_buf_puts(out, "</style>\n</head>\n<body>\n");
	put_header(page);
	oo_buf_puts(out, "<main id=\"main-content\">\n");
}

/* Appends the fragment an error summary entry links to: the first control
 * of the field, or the wrong part of a three-part date. */
static void put_error_target(const oo_html_page *page, const oo_field_error *e)
{
	const oo_field *field = oo_form_find_field(page->form, e->field);
	oo_field_view view;

	oo_generator__view(&view, field, page->cat);
	oo_buf_puts(page->out, "#");
	oo_generator__put_id(page->out, field->id, NULL);
	if (!view.date_parts)
		return;
	if (e->part && (strcmp(e->part, "month") == 0 || strcmp(e->part, "year") == 0)) {
		oo_buf_puts(page->out, "-");
		oo_buf_put_html(page->out, e->part);
	} else {
		oo_buf_puts(page->out, "-day");
	}
}

static void put_error_summary(const oo_html_page *page)
{
	oo_buf *out = page->out;
	size_t i;

	if (!page->error_count)
		return;
	oo_buf_puts(out, "<div class=\"oo-error-summary\" role=\"alert\" tabindex=\"-1\" "
		    "aria-labelledby=\"oo-error-summary-title\">\n"
		    "<h2 id=\"oo-error-summary-title\">");
	oo_buf_put_html(out, page->s->error_summary_title);
	oo_buf_puts(out, "</h2>\n<ul>\n");
	for (i = 0; i < page->error_count; i++) {
		oo_buf_puts(out, "<li><a href=\"");
		put_error_target(page, &page->errors[i]);
		oo_buf_puts(out, "\">");
		oo_buf_put_html(out, page->errors[i].message);
		oo_buf_puts(out, "</a></li>\n");
	}
	oo_buf_puts(out, "</ul>\n</div>\n");
}

static void put_definition(oo_buf *out, const char *term, const char *description)
{
	if (!description)
		return;
	oo_buf_puts(out, "<dt>");
	oo_buf_put_html(out, term);
	oo_buf_puts(out, "</dt><dd>");
	oo_buf_put_html(out, description);
	oo_buf_puts(out, "</dd>\n");
}

static void put_days(oo_buf *out, const char *tmpl, int days)
{
	char number[16];

	if (days <= 0)
		return;
	snprintf(number, sizeof(number), "%d", days);
	oo_buf_puts(out, "<p>");
	oo_generator__put_template(out, tmpl, number, NULL);
	oo_buf_puts(out, "</p>\n");
}

static void put_process(const oo_html_page *page)
{
	const oo_form *form = page->form;
	const char *owner = oo_text_get(&form->owner, page->lang);
	const char *basis = oo_text_get(&form->legal_basis, page->lang);
	oo_buf *out = page->out;

	if (!owner && !basis && form->advance_days <= 0 && form->handling_days <= 0)
		return;
	oo_buf_puts(out, "<section class=\"oo-process\" aria-labelledby=\"oo-process-title\">\n"
		    "<h2 id=\"oo-process-title\">");
	oo_buf_put_html(out, page->s->process_heading);
	oo_buf_puts(out, "</h2>\n");
	if (owner || basis) {
		oo_buf_puts(out, "<dl>\n");
		put_definition(out, page->s->owner, owner);
		put_definition(out, page->s->legal_basis, basis);
		oo_buf_puts(out, "</dl>\n");
	}
	put_days(out, page->s->advance_days, form->advance_days);
	put_days(out, page->s->handling_days, form->handling_days);
	oo_buf_puts(out, "</section>\n");
}

static int has_prefill_field(const oo_html_page *page)
{
	oo_field_view view;
	size_t i;

	for (i = 0; i < page->form->field_count; i++) {
		oo_generator__view(&view, &page->form->fields[i], page->cat);
		if (view.prefill)
			return 1;
	}
	return 0;
}

static int has_prefilled_value(const oo_html_page *page)
{
	oo_field_view view;
	int missing;
	size_t i;

	for (i = 0; i < page->form->field_count; i++) {
		oo_generator__view(&view, &page->form->fields[i], page->cat);
		if (oo_generator__prefill_value(page, &view, &missing))
			return 1;
	}
	return 0;
}

/* Returns the number of the enterprise or establishment that was looked
 * up, when the record carries it. */
static const char *looked_up_number(const oo_record *record)
{
	if (oo_record_entity(record) == OO_ENTITY_ESTABLISHMENT &&
	    oo_record_get(record, "establishment.number"))
		return oo_record_get(record, "establishment.number");
	return oo_record_get(record, "enterprise.number");
}

static void put_problem_text(const oo_html_page *page)
{
	const oo_strings *s = page->s;
	const char *source;
	const char *number;

	if (!page->record) {
		oo_generator__put_template(page->out, s->notice_no_lookup, NULL, NULL);
		return;
	}
	source = oo_generator__source_name(page, NULL);
	number = looked_up_number(page->record);
	if (oo_record_outcome(page->record) == OO_LOOKUP_FAILED)
		oo_generator__put_template(page->out, s->notice_failed, source, NULL);
	else if (number)
		oo_generator__put_template(page->out, s->notice_not_found_enterprise, number, source);
	else
		oo_generator__put_template(page->out, s->notice_not_found, source, NULL);
}

static int record_from_kbo(const oo_html_page *page)
{
	const char *label = oo_record_source(page->record);

	return oo_record_entity(page->record) == OO_ENTITY_ESTABLISHMENT ||
	       !label || strstr(label, "KBO");
}

/* Appends the one notice above the form that reports the prefill lookup:
 * fields were filled in, or why every field is left to the user. */
static void put_notice(const oo_html_page *page)
{
	oo_buf *out = page->out;

	if (!has_prefill_field(page))
		return;
	if (page->record_found && !has_prefilled_value(page))
		return;
	if (page->record_found) {
		oo_buf_puts(out, "<div class=\"oo-notice\">\n<p>");
		oo_buf_put_html(out, page->s->notice_found);
		if (record_from_kbo(page)) {
			oo_buf_puts(out, " ");
			oo_buf_put_html(out, page->s->kbo_fix);
		}
		oo_buf_puts(out, "</p>\n</div>\n");
		return;
	}
	oo_buf_puts(out, "<div class=\"oo-notice\" role=\"region\" aria-labelledby=\"oo-notice-title\">\n"
		    "<h2 id=\"oo-notice-title\">");
	oo_buf_put_html(out, page->s->notice_title);
	oo_buf_puts(out, "</h2>\n<p>");
	put_problem_text(page);
	oo_buf_puts(out, "</p>\n</div>\n");
}

static int has_file_field(const oo_html_page *page)
{
	size_t i;
	oo_field_view view;

	for (i = 0; i < page->form->field_count; i++) {
		oo_generator__view(&view, &page->form->fields[i], page->cat);
		if (view.type == OO_FIELD_FILE)
			return 1;
	}
	return 0;
}

static void put_section(const oo_html_page *page, size_t index)
{
	const oo_section *section = &page->form->sections[index];
	const char *title = oo_text_get(&section->title, page->lang);
	oo_buf *out = page->out;
	size_t i;

	oo_buf_printf(out, "<section aria-labelledby=\"oo-section-%zu\">\n<h2 id=\"oo-section-%zu\">",
		      index + 1, index + 1);
	oo_buf_put_html(out, title ? title : section->id);
	oo_buf_puts(out, "</h2>\n");
	for (i = 0; i < page->form->field_count; i++)
		if (page->form->fields[i].section == index)
			oo_generator__put_field(page, &page->form->fields[i]);
	oo_buf_puts(out, "</section>\n");
}

/* The form has no novalidate, so the browser checks the HTML constraints
 * first; the server validates the submission against its schema anyway.
 * The action attribute is left out because the page posts to its own
 * address, and HTML does not allow an empty action. */
static void put_form(const oo_html_page *page)
{
	const oo_form *form = page->form;
	oo_buf *out = page->out;
	size_t i;

	oo_buf_puts(out, "<form class=\"oo-form\" method=\"post\"");
	if (has_file_field(page))
		oo_buf_puts(out, " enctype=\"multipart/form-data\"");
	oo_buf_puts(out, ">\n");
	for (i = 0; i < form->section_count; i++)
		put_section(page, i);
	/* Fields outside every section (a form built without sections). */
	for (i = 0; i < form->field_count; i++)
		if (form->fields[i].section >= form->section_count)
			oo_generator__put_field(page, &form->fields[i]);
	oo_buf_puts(out, "<button type=\"submit\" class=\"oo-button\">");
	oo_buf_put_html(out, page->s->submit);
	oo_buf_puts(out, "</button>\n</form>\n");
}

static void put_page(const oo_html_page *page)
{
	const char *title = oo_text_get(&page->form->title, page->lang);
	const char *description = oo_text_get(&page->form->description, page->lang);
	oo_buf *out = page->out;

	put_head(page);
	put_error_summary(page);
	oo_buf_puts(out, "<h1>");
	oo_buf_put_html(out, title ? title : page->form->id);
	oo_buf_puts(out, "</h1>\n");
	if (description) {
		oo_buf_puts(out, "<p class=\"oo-description\">");
		oo_buf_put_html(out, description);
		oo_buf_puts(out, "</p>\n");
	}
	put_process(page);
	put_notice(page);
	put_form(page);
	oo_buf_puts(out, "</main>\n<script>\n");
	oo_buf_puts(out, script);
	oo_buf_puts(out, "</script>\n</body>\n</html>\n");
}

static oo_status check_arguments(const oo_form *form, oo_lang lang,
				 const oo_field_error *errors, size_t error_count,
				 oo_error *err)
{
	const char *file = form ? form->file : NULL;
	int declared = 0;
	size_t i;

	if ((unsigned)lang >= OO_LANG_COUNT)
		return oo_error_set(err, OO_EINVAL, file, 0, 0, "invalid language %d", (int)lang);
	for (i = 0; i < OO_LANG_COUNT; i++)
		declared |= form->languages[i];
	if (declared && !form->languages[lang])
		return oo_error_set(err, OO_EINVAL, file, 0, 0,
				    "form \"%s\" is not offered in language \"%s\"; "
				    "render one of the languages it declares",
				    form->id ? form->id : "", oo_lang_code(lang));
	if (error_count && !errors)
		return oo_error_set(err, OO_EINVAL, file, 0, 0, "error list is missing");
	for (i = 0; i < error_count; i++)
		if (!errors[i].field || !oo_form_find_field(form, errors[i].field))
			return oo_error_set(err, OO_EINVAL, file, 0, 0,
					    "error for unknown field \"%s\"",
					    errors[i].field ? errors[i].field : "(null)");
	return OO_OK;
}

oo_status oo_render_html_errors(oo_buf *out, const oo_form *form, const oo_catalog *cat,
				const oo_record *prefill, oo_lang lang,
				const oo_field_error *errors, size_t error_count,
				oo_error *err)
{
	oo_html_page page;
	oo_status rc;

	if (!out || !form)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "no output buffer or form given");
	rc = check_arguments(form, lang, errors, error_count, err);
	if (rc != OO_OK)
		return rc;

	memset(&page, 0, sizeof(page));
	page.out = out;
	page.form = form;
	page.cat = cat;
	page.record = prefill;
	page.record_found = prefill && oo_record_outcome(prefill) == OO_LOOKUP_FOUND;
	page.lang = lang;
	page.s = oo_generator__strings(lang);
	page.errors = errors;
	page.error_count = error_count;

	put_page(&page);
	if (out->failed)
		return oo_error_set(err, OO_ENOMEM, form->file, 0, 0,
				    "out of memory rendering form \"%s\"", form->id ? form->id : "");
	return OO_OK;
}

oo_status oo_render_html(oo_buf *out, const oo_form *form, const oo_catalog *cat,
			 const oo_record *prefill, oo_lang lang, oo_error *err)
{
	return oo_render_html_errors(out, form, cat, prefill, lang, NULL, 0, err);
}
