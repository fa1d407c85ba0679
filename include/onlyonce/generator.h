/* SPDX-License-Identifier: EUPL-1.2 */
/* Renders a form definition as accessible HTML and as a JSON Schema of
 * its submission. */
#ifndef ONLYONCE_GENERATOR_H
#define ONLYONCE_GENERATOR_H

#include <jansson.h>

#include "onlyonce/buf.h"
#include "onlyonce/catalog.h"
#include "onlyonce/form.h"
#include "onlyonce/record.h"
#include "onlyonce/status.h"
#include "onlyonce/text.h"

/* Appends a complete HTML document for form in lang to out. prefill may be
 * NULL (no lookup was made); a record with outcome NOT_FOUND or FAILED
 * yields a notice and editable fields. cat supplies labels, types and
 * autocomplete tokens of concept fields and is borrowed; it may be NULL
 * when no field names a concept. A lang the form does not declare is
 * OO_EINVAL. On failure out may hold part of the page. */
oo_status oo_render_html(oo_buf *out, const oo_form *form, const oo_catalog *cat,
			 const oo_record *prefill, oo_lang lang, oo_error *err);

/* One answer that failed validation. The renderer lists it in the error
 * summary at the top of the page and shows message beside the field.
 * Strings are borrowed for the duration of the call. */
typedef struct {
	const char *field;   /* id of the field */
	const char *part;    /* three-part dates: "day", "month" or "year" that is
				wrong; NULL links to the first part */
	const char *message; /* in the language of the page */
} oo_field_error;

/* Like oo_render_html, for a page shown again after a failed submission:
 * errors (error_count entries, errors may be NULL when error_count is 0)
 * yield an error summary that links to the first wrong part of each field,
 * a message beside each field, and a title that starts with "Fout: " (in
 * the page's language). An error naming an unknown field is OO_EINVAL. */
oo_status oo_render_html_errors(oo_buf *out, const oo_form *form, const oo_catalog *cat,
				const oo_record *prefill, oo_lang lang,
				const oo_field_error *errors, size_t error_count,
				oo_error *err);

/* Builds the JSON Schema (draft 2020-12) a submission of form must meet.
 * Caller owns *out (json_decref). */
oo_status oo_submission_schema(json_t **out, const oo_form *form,
			       const oo_catalog *cat, oo_error *err);

#endif
