/* SPDX-License-Identifier: EUPL-1.2 */
/* Markup of one field, after the GOV.UK Design System components. Ids are
 * the field id plus "-hint", "-error", "-source" or "-note". Label, hint,
 * error message and control come in that order. aria-describedby lists the
 * hint, the error and the source line only when they exist. Radios,
 * checkboxes and three-part dates sit in a fieldset with a legend. */
#include "html_internal.h"

#include <stdio.h>
#include <string.h>

#include "onlyonce/autocomplete.h"
#include "onlyonce/identifiers.h"

/* Render state of one field. */
typedef struct {
	const oo_html_page *page;
	oo_buf *out;
	oo_field_view view;
	const char *id;
	const char *label;
	const char *hint;
	const oo_field_error *error;
	const char *value;   /* the source's value shown read-only, or NULL */
	int missing;         /* the source was asked but lacks this value */
	int conditional;     /* visible_if is set */
	char number[14];     /* a KBO number in its display form, when value points here */
} field_state;

static int is_editable(const field_state *st)
{
	return st->value == NULL;
}

/* Returns 1 when a text pattern accepts digits only, so that a numeric
 * keyboard fits (the pattern of a postcode, say, but not of an enterprise
 * number written with dots). */
static int pattern_is_digits(const char *pattern)
{
	const char *p;

	if (!pattern || !*pattern)
		return 0;
	for (p = pattern; *p; p++) {
		if (strchr("^$0123456789{},", *p))
			continue;
		if (p[0] == '\\' && p[1] == 'd') {
			p++;
			continue;
		}
		if (*p == '[') {
			for (p++; *p && *p != ']'; p++)
				if (!strchr("0123456789-", *p))
					return 0;
			if (!*p)
				return 0;
			continue;
		}
		return 0;
	}
	return 1;
}

static void put_attr(oo_buf *out, const char *name, const char *value)
{
	if (!value)
		return;
	oo_buf_printf(out, " %s=\"", name);
	oo_buf_put_html(out, value);
	oo_buf_puts(out, "\"");
}

/* Browsers compile the pattern attribute with the v flag, which takes
 * fewer characters literally inside a class than the u flag that the
 * definition's ECMA-262 pattern may be written for; a pattern that fails to
 * compile checks nothing. So inside a class, ( ) [ { } / | and a "-" at
 * either end are escaped, which both flags accept.
 * NOTE: doubled punctuators in a class ("&&", "!!") stay as written, and
 * the v flag rejects them. */
static void put_pattern(oo_buf *out, const char *pattern)
{
	char buf[512];
	size_t n = 0;
	const char *p;
	int in_class = 0, first = 0;

	for (p = pattern; *p && n + 3 < sizeof(buf); p++) {
		if (*p == '\\' && p[1]) {
			buf[n++] = *p++;
			buf[n++] = *p;
			first = 0;
			continue;
		}
		if (!in_class) {
			in_class = *p == '[';
			first = in_class;
			buf[n++] = *p;
			continue;
		}
		if (*p == ']') {
			in_class = 0;
		} else if (first && *p == '^' && p[-1] == '[') {
			buf[n++] = *p;
			continue;
		} else if (strchr("()[{}/|", *p) || (*p == '-' && (first || p[1] == ']'))) {
			buf[n++] = '\\';
		}
		buf[n++] = *p;
		first = 0;
	}
	buf[n] = '\0';
	/* A pattern longer than the buffer is written as it is. */
	put_attr(out, "pattern", *p ? pattern : buf);
}

static void put_id_attr(oo_buf *out, const char *name, const char *id, const char *suffix)
{
	oo_buf_printf(out, " %s=\"", name);
	oo_generator__put_id(out, id, suffix);
	oo_buf_puts(out, "\"");
}

/* Screen readers read the hint, error and source line with the control
 * (WCAG 1.3.1, 3.3.2). The attribute is left out when the list is empty. */
static void put_describedby(const field_state *st)
{
	const char *parts[3];
	size_t count = 0;
	size_t i;

	if (st->hint)
		parts[count++] = "-hint";
	if (st->error)
		parts[count++] = "-error";
	if (st->value)
		parts[count++] = "-source";
	else if (st->missing)
		parts[count++] = "-note";
	if (!count)
		return;
	oo_buf_puts(st->out, " aria-describedby=\"");
	for (i = 0; i < count; i++) {
		if (i)
			oo_buf_puts(st->out, " ");
		oo_generator__put_id(st->out, st->id, parts[i]);
	}
	oo_buf_puts(st->out, "\"");
}

/* A conditional field is required only while its condition holds, so the
 * browser check is switched on by the script (data-oo-required). */
static void put_required(const field_state *st)
{
	if (!st->view.field->required || !is_editable(st))
		return;
	oo_buf_puts(st->out, st->conditional ? " data-oo-required" : " required");
}

/* The label states in words whether an answer is required (WCAG 3.3.2),
 * not by an asterisk or colour alone. A read-only value needs no answer. */
static void put_label_text(const field_state *st)
{
	const oo_strings *s = st->page->s;

	oo_buf_put_html(st->out, st->label);
	if (!is_editable(st))
		return;
	oo_buf_puts(st->out, " <span class=\"oo-marker\">");
	oo_buf_put_html(st->out, st->view.field->required ? s->required : s->optional);
	oo_buf_puts(st->out, "</span>");
}

static void put_hint(const field_state *st)
{
	if (!st->hint)
		return;
	oo_buf_puts(st->out, "<div class=\"oo-hint\"");
	put_id_attr(st->out, "id", st->id, "-hint");
	oo_buf_puts(st->out, ">");
	oo_buf_put_html(st->out, st->hint);
	oo_buf_puts(st->out, "</div>\n");
}

static void put_error(const field_state *st)
{
	if (!st->error)
		return;
	oo_buf_puts(st->out, "<p class=\"oo-error-message\"");
	put_id_attr(st->out, "id", st->id, "-error");
	oo_buf_puts(st->out, "><span class=\"oo-visually-hidden\">");
	oo_buf_put_html(st->out, st->page->s->error_prefix);
	oo_buf_puts(st->out, "</span>");
	oo_buf_put_html(st->out, st->error->message);
	oo_buf_puts(st->out, "</p>\n");
}

static int concept_source_is(const field_state *st, const char *source)
{
	const oo_concept *c = st->view.concept;

	return c && c->source && strcmp(c->source, source) == 0;
}

/* The source line beside a prefilled value names where it came from and
 * when, and how the user gets a wrong value corrected at the source. */
static void put_source(const field_state *st)
{
	const oo_html_page *page = st->page;
	const char *retrieved = oo_record_retrieved(page->record);
	const char *source = oo_generator__source_name(page, st->view.concept);
	char date[OO_DATE_TEXT_MAX];

	oo_buf_puts(st->out, "<p class=\"oo-source\"");
	put_id_attr(st->out, "id", st->id, "-source");
	oo_buf_puts(st->out, ">");
	if (retrieved) {
		oo_generator__format_date(date, sizeof(date), retrieved, page->lang);
		oo_generator__put_template(st->out, page->s->source_line, source, date);
	} else {
		oo_generator__put_template(st->out, page->s->source_line_undated, source, NULL);
	}
	if (concept_source_is(st, "kbo") || (!st->view.concept && strstr(source, "KBO"))) {
		oo_buf_puts(st->out, " <a");
		put_attr(st->out, "href", page->s->kbo_fix_url);
		put_attr(st->out, "hreflang", page->s->kbo_fix_url_lang);
		oo_buf_puts(st->out, ">");
		oo_buf_put_html(st->out, page->s->kbo_fix_link);
		oo_buf_puts(st->out, "</a>");
	} else if (concept_source_is(st, "rijksregister")) {
		oo_buf_puts(st->out, " ");
		oo_buf_put_html(st->out, page->s->rr_fix);
	}
	oo_buf_puts(st->out, "</p>\n");
}

static void put_missing_note(const field_state *st)
{
	oo_buf_puts(st->out, "<p class=\"oo-note\"");
	put_id_attr(st->out, "id", st->id, "-note");
	oo_buf_puts(st->out, ">");
	oo_generator__put_template(st->out, st->page->s->value_missing,
				   oo_generator__source_name(st->page, st->view.concept), NULL);
	oo_buf_puts(st->out, "</p>\n");
}

static void put_after_control(const field_state *st)
{
	if (st->value)
		put_source(st);
	else if (st->missing)
		put_missing_note(st);
}

static void open_group(const field_state *st)
{
	oo_buf_puts(st->out, st->error ? "<div class=\"oo-form-group oo-form-group--error\">\n"
				       : "<div class=\"oo-form-group\">\n");
}

/* Returns 1 when the field's token names a part of a telephone number
 * (tel-national, tel-extension). HTML allows those names only on text
 * inputs, so such a field is rendered as text with a telephone keyboard. */
static int is_tel_part(const field_state *st)
{
	oo_autocomplete ac;

	return st->view.type == OO_FIELD_TEL && st->view.autocomplete &&
	       oo_autocomplete_parse(&ac, st->view.autocomplete) == OO_AUTOCOMPLETE_OK &&
	       ac.field_name && strncmp(ac.field_name, "tel-", 4) == 0;
}

static const char *input_type(const field_state *st)
{
	if (is_tel_part(st))
		return "text";
	if (!is_editable(st) && st->view.type != OO_FIELD_DATE && st->view.type != OO_FIELD_NUMBER &&
	    st->view.type != OO_FIELD_EMAIL && st->view.type != OO_FIELD_TEL)
		return "text";
	switch (st->view.type) {
	case OO_FIELD_NUMBER: return "number";
	case OO_FIELD_DATE: return "date";
	case OO_FIELD_EMAIL: return "email";
	case OO_FIELD_TEL: return "tel";
	case OO_FIELD_FILE: return "file";
	default: return "text";
	}
}

static void put_number_attr(oo_buf *out, const char *name, double value)
{
	oo_buf_printf(out, " %s=\"%.15g\"", name, value);
}

/* Appends the HTML5 constraints of the definition. The browser checks them
 * before posting, and the server checks them again in the submission schema. */
static void put_constraints(const field_state *st, const char *type)
{
	const oo_field *f = st->view.field;
	int textual = strcmp(type, "text") == 0 || strcmp(type, "tel") == 0 ||
		      strcmp(type, "email") == 0;

	if (!is_editable(st))
		return;
	if (textual && st->view.pattern)
		put_pattern(st->out, st->view.pattern);
	if (textual && f->min_length >= 0)
		oo_buf_printf(st->out, " minlength=\"%ld\"", f->min_length);
	if (textual && f->max_length >= 0)
		oo_buf_printf(st->out, " maxlength=\"%ld\"", f->max_length);
	if (strcmp(type, "number") == 0) {
		if (f->has_min)
			put_number_attr(st->out, "min", f->min);
		if (f->has_max)
			put_number_attr(st->out, "max", f->max);
		oo_buf_puts(st->out, " step=\"any\"");
	}
	if (is_tel_part(st))
		oo_buf_puts(st->out, " inputmode=\"tel\"");
	else if (strcmp(type, "text") == 0 && pattern_is_digits(st->view.pattern))
		oo_buf_puts(st->out, " inputmode=\"numeric\"");
	if (strcmp(type, "email") == 0)
		oo_buf_puts(st->out, " spellcheck=\"false\"");
}

static void put_input(const field_state *st)
{
	const char *type = input_type(st);

	oo_buf_puts(st->out, "<input class=\"oo-input\"");
	put_id_attr(st->out, "id", st->id, NULL);
	put_id_attr(st->out, "name", st->id, NULL);
	put_attr(st->out, "type", type);
	if (strcmp(type, "file") != 0)
		put_attr(st->out, "autocomplete", st->view.autocomplete);
	put_constraints(st, type);
	put_required(st);
	/* readonly, never disabled: a read-only control stays focusable, is
	 * announced with its value and is posted with the form. */
	if (st->value) {
		oo_buf_puts(st->out, " readonly");
		put_attr(st->out, "value", st->value);
	}
	put_describedby(st);
	oo_buf_puts(st->out, ">\n");
}

static void put_textarea(const field_state *st)
{
	oo_buf_puts(st->out, "<textarea class=\"oo-textarea\" rows=\"5\"");
	put_id_attr(st->out, "id", st->id, NULL);
	put_id_attr(st->out, "name", st->id, NULL);
	put_attr(st->out, "autocomplete", st->view.autocomplete);
	if (is_editable(st) && st->view.field->min_length >= 0)
		oo_buf_printf(st->out, " minlength=\"%ld\"", st->view.field->min_length);
	if (is_editable(st) && st->view.field->max_length >= 0)
		oo_buf_printf(st->out, " maxlength=\"%ld\"", st->view.field->max_length);
	put_required(st);
	if (st->value)
		oo_buf_puts(st->out, " readonly");
	put_describedby(st);
	oo_buf_puts(st->out, ">");
	oo_buf_put_html(st->out, st->value);
	oo_buf_puts(st->out, "</textarea>\n");
}

static void put_select(const field_state *st)
{
	const oo_field *f = st->view.field;
	size_t i;

	oo_buf_puts(st->out, "<select class=\"oo-select\"");
	put_id_attr(st->out, "id", st->id, NULL);
	put_id_attr(st->out, "name", st->id, NULL);
	put_attr(st->out, "autocomplete", st->view.autocomplete);
	put_required(st);
	put_describedby(st);
	oo_buf_puts(st->out, ">\n<option value=\"\">");
	oo_buf_put_html(st->out, st->page->s->choose);
	oo_buf_puts(st->out, "</option>\n");
	for (i = 0; i < f->option_count; i++) {
		oo_buf_puts(st->out, "<option");
		put_attr(st->out, "value", f->options[i].value ? f->options[i].value : "");
		oo_buf_puts(st->out, ">");
		oo_buf_put_html(st->out, oo_generator__option_label(f, f->options[i].value,
								    st->page->lang));
		oo_buf_puts(st->out, "</option>\n");
	}
	oo_buf_puts(st->out, "</select>\n");
}

/* Label, hint, error, control: one labelled control. */
static void put_single(const field_state *st)
{
	open_group(st);
	oo_buf_puts(st->out, "<label class=\"oo-label\"");
	put_id_attr(st->out, "for", st->id, NULL);
	oo_buf_puts(st->out, ">");
	put_label_text(st);
	oo_buf_puts(st->out, "</label>\n");
	put_hint(st);
	put_error(st);
	if (st->view.type == OO_FIELD_TEXTAREA)
		put_textarea(st);
	else if (st->view.type == OO_FIELD_SELECT && is_editable(st))
		put_select(st);
	else
		put_input(st);
	put_after_control(st);
	oo_buf_puts(st->out, "</div>\n");
}

/* A single yes/no box: the label follows the box, as is usual for
 * checkboxes, and the box posts "true" when ticked. */
static void put_checkbox(const field_state *st)
{
	open_group(st);
	put_hint(st);
	put_error(st);
	oo_buf_puts(st->out, "<div class=\"oo-checkboxes__item\">\n<input class=\"oo-checkboxes__input\"");
	put_id_attr(st->out, "id", st->id, NULL);
	put_id_attr(st->out, "name", st->id, NULL);
	oo_buf_puts(st->out, " type=\"checkbox\" value=\"true\" data-oo-boolean");
	put_required(st);
	put_describedby(st);
	oo_buf_puts(st->out, ">\n<label class=\"oo-label oo-checkboxes__label\"");
	put_id_attr(st->out, "for", st->id, NULL);
	oo_buf_puts(st->out, ">");
	put_label_text(st);
	oo_buf_puts(st->out, "</label>\n</div>\n");
	put_after_control(st);
	oo_buf_puts(st->out, "</div>\n");
}

static void open_fieldset(const field_state *st, const char *role)
{
	open_group(st);
	oo_buf_puts(st->out, "<fieldset class=\"oo-fieldset\"");
	if (role)
		put_attr(st->out, "role", role);
	put_describedby(st);
	oo_buf_puts(st->out, ">\n<legend class=\"oo-legend\">");
	put_label_text(st);
	oo_buf_puts(st->out, "</legend>\n");
	put_hint(st);
	put_error(st);
}

static void close_fieldset(const field_state *st)
{
	put_after_control(st);
	oo_buf_puts(st->out, "</fieldset>\n</div>\n");
}

/* The first item carries the field id, so that an error summary link
 * reaches the group. Later items get "-2", "-3" and so on. */
static void put_choice_id(const field_state *st, const char *attr, size_t index)
{
	char suffix[32];

	snprintf(suffix, sizeof(suffix), "-%zu", index + 1);
	put_id_attr(st->out, attr, st->id, index ? suffix : NULL);
}

static void put_choices(const field_state *st)
{
	const oo_field *f = st->view.field;
	const char *kind = st->view.type == OO_FIELD_RADIO ? "radios" : "checkboxes";
	size_t i;

	open_fieldset(st, NULL);
	oo_buf_printf(st->out, "<div class=\"oo-%s\">\n", kind);
	for (i = 0; i < f->option_count; i++) {
		oo_buf_printf(st->out, "<div class=\"oo-%s__item\">\n<input class=\"oo-%s__input\"",
			      kind, kind);
		put_choice_id(st, "id", i);
		put_id_attr(st->out, "name", st->id, NULL);
		put_attr(st->out, "type", st->view.type == OO_FIELD_RADIO ? "radio" : "checkbox");
		put_attr(st->out, "value", f->options[i].value ? f->options[i].value : "");
		/* HTML can require one radio of a group but not one box of
		 * a group of checkboxes, so that check stays with the server. */
		if (st->view.type == OO_FIELD_RADIO)
			put_required(st);
		oo_buf_printf(st->out, ">\n<label class=\"oo-label oo-%s__label\"", kind);
		put_choice_id(st, "for", i);
		oo_buf_puts(st->out, ">");
		oo_buf_put_html(st->out, oo_generator__option_label(f, f->options[i].value,
								    st->page->lang));
		oo_buf_puts(st->out, "</label>\n</div>\n");
	}
	oo_buf_puts(st->out, "</div>\n");
	close_fieldset(st);
}

static void put_date_part(const field_state *st, const char *part, const char *label,
			  const char *value, int width)
{
	char suffix[16];
	char token[16];

	snprintf(suffix, sizeof(suffix), "-%s", part);
	snprintf(token, sizeof(token), "bday-%s", part);
	oo_buf_puts(st->out, "<div class=\"oo-date-input__item\">\n<label class=\"oo-label\"");
	put_id_attr(st->out, "for", st->id, suffix);
	oo_buf_puts(st->out, ">");
	oo_buf_put_html(st->out, label);
	oo_buf_printf(st->out, "</label>\n<input class=\"oo-input oo-input--width-%d\"", width);
	put_id_attr(st->out, "id", st->id, suffix);
	put_id_attr(st->out, "name", st->id, suffix);
	oo_buf_puts(st->out, " type=\"text\" inputmode=\"numeric\"");
	put_attr(st->out, "autocomplete", token);
	put_required(st);
	if (value) {
		oo_buf_puts(st->out, " readonly");
		put_attr(st->out, "value", value);
	}
	oo_buf_puts(st->out, ">\n</div>\n");
}

/* A birth date as day, month and year, each with its own autocomplete
 * token (WCAG 1.3.5). The server joins the parts, posted as <id>-day,
 * <id>-month and <id>-year, into one ISO date. */
static void put_date_parts(const field_state *st)
{
	const oo_strings *s = st->page->s;
	char day[3] = "", month[3] = "", year[5] = "";
	int known = st->value && strlen(st->value) == 10;

	if (known) {
		memcpy(year, st->value, 4);
		memcpy(month, st->value + 5, 2);
		memcpy(day, st->value + 8, 2);
	}
	open_fieldset(st, "group");
	oo_buf_puts(st->out, "<div class=\"oo-date-input\"");
	put_id_attr(st->out, "id", st->id, NULL);
	oo_buf_puts(st->out, ">\n");
	/* A prefilled value that is no ISO date still locks the parts. */
	put_date_part(st, "day", s->day, st->value ? day : NULL, 2);
	put_date_part(st, "month", s->month, st->value ? month : NULL, 2);
	put_date_part(st, "year", s->year, st->value ? year : NULL, 4);
	oo_buf_puts(st->out, "</div>\n");
	close_fieldset(st);
}

static void put_condition_text(const field_state *st)
{
	const oo_html_page *page = st->page;
	const oo_condition *cond = &st->view.field->visible_if;
	const oo_field *other = oo_form_find_field(page->form, cond->field);
	oo_field_view other_view;
	const char *other_label = cond->field;
	const char *answer = cond->equals;

	if (other) {
		oo_generator__view(&other_view, other, page->cat);
		other_label = oo_generator__label(&other_view, page->lang);
		answer = oo_generator__option_label(other, cond->equals, page->lang);
	}
	oo_buf_puts(st->out, "<p class=\"oo-condition\">");
	if (other && other_view.type == OO_FIELD_CHECKBOX && answer && strcmp(answer, "true") == 0)
		oo_generator__put_template(st->out, page->s->condition_checked, other_label, NULL);
	else if (other && other_view.type == OO_FIELD_CHECKBOX && answer && strcmp(answer, "false") == 0)
		oo_generator__put_template(st->out, page->s->condition_unchecked, other_label, NULL);
	else
		oo_generator__put_template(st->out, page->s->condition_equals, other_label, answer);
	oo_buf_puts(st->out, "</p>\n");
}

/* Returns 1 when the lookup was about the entity whose key the concept
 * needs: an enterprise lookup says nothing about an establishment unit or
 * a person, so their fields get no "not in the source" note. */
static int record_covers(const oo_record *record, const oo_concept *concept)
{
	const char *looked_up = oo_record_entity(record) == OO_ENTITY_ESTABLISHMENT
				? "establishment.number" : "enterprise.number";

	if (!concept || !concept->key)
		return 1;
	return strcmp(concept->key, looked_up) == 0 || oo_record_get(record, concept->key) != NULL;
}

/* Returns what a person should read for a coded value: a source that gives
 * "<concept>_label" beside a code (the legal form "017" as "Vereniging
 * zonder winstoogmerk") is shown by its label. */
static const char *display_value(const oo_record *record, const char *concept, const char *value)
{
	char key[128];
	const char *label;

	if ((size_t)snprintf(key, sizeof(key), "%s_label", concept) >= sizeof(key))
		return value;
	label = oo_record_get(record, key);
	return label ? label : value;
}

const char *oo_generator__prefill_value(const oo_html_page *page, const oo_field_view *view,
					int *missing)
{
	const char *value;

	*missing = 0;
	if (!view->prefill || !page->record_found ||
	    !record_covers(page->record, view->concept))
		return NULL;
	value = oo_record_get(page->record, view->field->concept);
	*missing = value == NULL;
	return value ? display_value(page->record, view->field->concept, value) : NULL;
}

/* Shows a prefilled enterprise or establishment-unit number as people
 * write it (0314.595.348, 2.147.812.701); sources give the bare 10 digits. */
static void format_kbo_number(field_state *st)
{
	const char *check = st->view.concept ? st->view.concept->check : NULL;
	size_t i;

	if (!st->value || !check || (strcmp(check, "mod97-enterprise") != 0 &&
				     strcmp(check, "mod97-establishment") != 0))
		return;
	for (i = 0; i < 10; i++)
		if (st->value[i] < '0' || st->value[i] > '9')
			return;
	if (st->value[10] != '\0')
		return;
	oo_kbo_number_format(st->number, st->value);
	st->value = st->number;
}

static void fill_state(field_state *st, const oo_html_page *page, const oo_field *field)
{
	const char *hint;

	memset(st, 0, sizeof(*st));
	st->page = page;
	st->out = page->out;
	oo_generator__view(&st->view, field, page->cat);
	st->id = field->id ? field->id : "";
	st->label = oo_generator__label(&st->view, page->lang);
	hint = oo_text_get(&field->hint, page->lang);
	st->hint = hint ? hint : (st->view.date_parts ? page->s->date_hint : NULL);
	st->error = oo_generator__error_for(page, field->id);
	st->conditional = field->visible_if.field != NULL;

	/* Prefill only from a lookup that found the enterprise or person.
	 * Otherwise the notice at the top explains, and the field is editable. */
	st->value = oo_generator__prefill_value(page, &st->view, &st->missing);
	format_kbo_number(st);
}

void oo_generator__put_field(const oo_html_page *page, const oo_field *field)
{
	field_state st;

	fill_state(&st, page, field);
	if (st.conditional) {
		oo_buf_puts(st.out, "<div class=\"oo-conditional\"");
		put_attr(st.out, "data-oo-if-field", field->visible_if.field);
		put_attr(st.out, "data-oo-if-equals", field->visible_if.equals ? field->visible_if.equals : "");
		oo_buf_puts(st.out, ">\n");
		put_condition_text(&st);
	}

	if (st.view.date_parts)
		put_date_parts(&st);
	else if ((st.view.type == OO_FIELD_RADIO || st.view.type == OO_FIELD_CHECKBOXES) &&
		 is_editable(&st))
		put_choices(&st);
	else if (st.view.type == OO_FIELD_CHECKBOX && is_editable(&st))
		put_checkbox(&st);
	else
		put_single(&st);

	if (st.conditional)
		oo_buf_puts(st.out, "</div>\n");
}
