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
 * autocomplete tokens of concept fields and is borrowed. */
oo_status oo_render_html(oo_buf *out, const oo_form *form, const oo_catalog *cat,
			 const oo_record *prefill, oo_lang lang, oo_error *err);

/* Builds the JSON Schema (draft 2020-12) a submission of form must meet.
 * Caller owns *out (json_decref). */
oo_status oo_submission_schema(json_t **out, const oo_form *form,
			       const oo_catalog *cat, oo_error *err);

#endif
