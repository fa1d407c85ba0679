/* SPDX-License-Identifier: EUPL-1.2 */
/* Accessibility findings on the labels of extracted fields: no label, a
 * placeholder as the only label, a checkbox without a name, and a radio or
 * checkbox group that no fieldset and legend name. */
#include "audit_private.h"

#include <string.h>

/* English source texts of the findings, kept together so that they can be
 * marked for translation. */
#define MSG_PLACEHOLDER "field \"%s\" has only a placeholder, "
#define MSG_PLACEHOLDER_WHY ", as its label, which disappears as soon as the user types (WCAG 3.3.2)"
#define FIX_PLACEHOLDER "add a visible <label for> element with this text, and use the placeholder only for an example value, if at all"
#define MSG_GROUP "%s group \"%s\" is not in a <fieldset> with a <legend>, so nothing names the question it asks"
#define FIX_GROUP "put the group in a <fieldset> whose <legend> asks the question"
#define MSG_NEXT_TO "; the text "
#define MSG_NOT_TIED " next to it is not tied to it"
#define MSG_NO_SUBMIT ", and no name attribute, so its value is never submitted"
#define MSG_WCAG_NAME " (WCAG 1.3.1, 4.1.2)"

static int is_group(const oo_field *f)
{
	return f->type == OO_FIELD_RADIO || f->type == OO_FIELD_CHECKBOXES;
}

static oo_status placeholder_finding(oo_findings *findings, oo_finding *base, const oo_field *f,
				     const char *what)
{
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;

	base->code = "OO202";
	base->rule = "placeholder-as-label";
	oo_buf_printf(&message, MSG_PLACEHOLDER, what);
	oo_audit__quote(&message, f->placeholder);
	oo_buf_puts(&message, MSG_PLACEHOLDER_WHY);
	oo_buf_puts(&fix, FIX_PLACEHOLDER);
	return oo_audit__add_finding(findings, base, f, &message, &fix);
}

/* A group of radio buttons or checkboxes needs one name for the question
 * besides the labels of its options (WCAG 1.3.1; the fieldset and legend
 * technique H71). A role=radiogroup element with aria-labelledby is the
 * ARIA technique ARIA17 and passes. */
static oo_status group_finding(oo_findings *findings, oo_finding *base, const oo_field *f,
			       const char *what, const char *beside)
{
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;

	base->code = "OO207";
	base->rule = "radio-group-without-fieldset";
	oo_buf_printf(&message, MSG_GROUP, f->type == OO_FIELD_RADIO ? "radio" : "checkbox", what);
	if (beside && *beside) {
		oo_buf_puts(&message, MSG_NEXT_TO);
		oo_audit__quote(&message, beside);
		oo_buf_puts(&message, MSG_NOT_TIED);
	}
	oo_buf_puts(&message, MSG_WCAG_NAME);
	oo_buf_puts(&fix, FIX_GROUP);
	return oo_audit__add_finding(findings, base, f, &message, &fix);
}

oo_status oo_audit__label_findings(oo_findings *findings, const char *path, oo_lang lang,
				   const oo_field *f, int has_name)
{
	oo_finding base = { .severity = OO_SEVERITY_ERROR, .file = path };
	oo_buf message = OO_BUF_INIT, fix = OO_BUF_INIT;
	const char *label = oo_text_get(&f->label, lang);
	const char *what = f->name && *f->name ? f->name : oo_field_type_name(f->type);
	int checkbox = f->type == OO_FIELD_CHECKBOX || f->type == OO_FIELD_CHECKBOXES;

	if (f->type == OO_FIELD_HIDDEN || f->label_source > OO_LABEL_NONE) {
		if (f->label_source != OO_LABEL_PLACEHOLDER)
			return OO_OK;
		return placeholder_finding(findings, &base, f, what);
	}
	if (is_group(f) && f->option_count > 1)
		return group_finding(findings, &base, f, what, label);
	base.code = checkbox ? "OO205" : "OO201";
	base.rule = checkbox ? "checkbox-without-name" : "field-without-label";
	if (f->name && *f->name)
		oo_buf_printf(&message, "%s \"%s\" has no label", checkbox ? "checkbox" : "field", what);
	else
		oo_buf_printf(&message, "%s without a name has no label", checkbox ? "checkbox" : what);
	if (label && *label) {
		oo_buf_puts(&message, MSG_NEXT_TO);
		oo_audit__quote(&message, label);
		oo_buf_puts(&message, MSG_NOT_TIED);
	}
	if (checkbox && !has_name)
		oo_buf_puts(&message, MSG_NO_SUBMIT);
	oo_buf_puts(&message, MSG_WCAG_NAME);
	if (is_group(f))
		oo_buf_puts(&fix, FIX_GROUP);
	else
		oo_buf_printf(&fix, "%s<label for=\"%s\"> element around the text that names the field",
			      checkbox && !has_name ? "give it a name attribute and add a " : "add a ", f->id);
	return oo_audit__add_finding(findings, &base, f, &message, &fix);
}
