/* SPDX-License-Identifier: EUPL-1.2 */
/* Audit of existing forms: extract fields from HTML pages, match them to
 * concepts, and report what an authentic source already holds. */
#ifndef ONLYONCE_AUDIT_H
#define ONLYONCE_AUDIT_H

#include <stddef.h>

#include <jansson.h>

#include "onlyonce/buf.h"
#include "onlyonce/catalog.h"
#include "onlyonce/findings.h"
#include "onlyonce/form.h"
#include "onlyonce/match.h"
#include "onlyonce/status.h"

/* Most form fields extracted from one page; one more fails with OO_ELIMIT. */
#define OO_AUDIT_MAX_FIELDS 2000

/* Extracts every form of an HTML page (a site search box is skipped) as
 * oo_form models with fields, labels and element paths. The page's
 * declared charset is honoured. *forms is an array of *count pointers;
 * free it with oo_audit_forms_free. Accessibility faults found while
 * extracting (no label, placeholder only, checkbox without a name) go to
 * findings when not NULL. A page larger than OO_FILE_MAX_SIZE or with more
 * than OO_AUDIT_MAX_FIELDS fields fails with OO_ELIMIT.
 *
 * The page may declare that the user is logged in, by a data-login
 * attribute on the form or an element around it (usually <body>):
 * "eherkenning" identifies an enterprise, "digid", "itsme", "eid" or
 * "csam" a person. Such a form gets login_identifies set.
 *
 * A field whose label_source is OO_LABEL_NONE may still carry a label
 * text: the visible text next to the control that no markup ties to it. */
oo_status oo_audit_extract_html(oo_form ***forms, size_t *count,
				const char *html, size_t len, const char *path,
				oo_findings *findings, oo_error *err);

/* Extracts the fields of a Form.io form export, or of an Open Forms form
 * definition (a document whose "configuration" holds the components, or
 * an array of such steps), as one oo_form in *forms (count 1). Panels,
 * fieldsets, columns and tables give their title as context; a field's
 * location is the JSON Pointer of its component. An Open Forms prefill
 * plugin marks a field as prefilled, and authenticationBackends (digid,
 * eherkenning, ...) set login_identifies. Free with oo_audit_forms_free.
 * JSON without components fails with OO_EPARSE. */
oo_status oo_audit_extract_formio(oo_form ***forms, size_t *count,
				  const char *json, size_t len, const char *path,
				  oo_findings *findings, oo_error *err);

/* Extracts the forms of text by what it holds: JSON (first byte "{" or
 * "[") goes to oo_audit_extract_formio, markup to oo_audit_extract_html.
 * Text with NUL bytes or without any HTML tag fails with OO_EPARSE, so a
 * PDF or image that was saved as .html is reported instead of read. */
oo_status oo_audit_extract(oo_form ***forms, size_t *count,
			   const char *text, size_t len, const char *path,
			   oo_findings *findings, oo_error *err);

void oo_audit_forms_free(oo_form **forms, size_t count);

/* Matches each field of form to a concept (storing the concept id in
 * field->concept) and adds the per-form findings: authentic data typed by
 * hand, fetchable attachments, the applicant identified twice. */
oo_status oo_audit_form(oo_form *form, const oo_matcher *m,
			const oo_catalog *cat, oo_findings *findings,
			oo_error *err);

/* Adds a finding for each concept that several of forms ask. Run
 * oo_audit_form on each form first, so that fields carry their concept. */
oo_status oo_audit_across(oo_form *const *forms, size_t count,
			  const oo_catalog *cat, oo_findings *findings,
			  oo_error *err);

/* How a form asks for a concept, in one cell of the matrix. */
typedef enum {
	OO_AUDIT_NOT_ASKED = 0,
	OO_AUDIT_PREFILLED,  /* filled by the site, read-only */
	OO_AUDIT_BY_HAND     /* typed or uploaded by the user */
} oo_audit_cell;

/* The concept x form matrix of a set of audited forms: one row per concept
 * that at least one form asks, in catalogue order. */
typedef struct {
	const oo_concept **concepts; /* borrowed from the catalogue */
	size_t concept_count;
	size_t form_count;
	unsigned char *cells;        /* oo_audit_cell at [concept * form_count + form] */
} oo_audit_matrix;

/* Builds the matrix of forms (after oo_audit_form). Caller frees with
 * oo_audit_matrix_free; the matrix borrows cat. */
oo_status oo_audit_matrix_build(oo_audit_matrix *out, oo_form *const *forms,
				size_t count, const oo_catalog *cat, oo_error *err);
void oo_audit_matrix_free(oo_audit_matrix *matrix);

/* Writes the audit report as JSON: per form its fields with concept and
 * source, the fields that can go, those that can be prefilled and the
 * attachments that can go; then the findings and the matrix. Caller owns
 * *out (json_decref). */
oo_status oo_audit_report_json(json_t **out, oo_form *const *forms, size_t count,
			       const oo_catalog *cat, const oo_findings *findings,
			       oo_error *err);

/* Appends the same report as English text to out. */
oo_status oo_audit_report_text(oo_buf *out, oo_form *const *forms, size_t count,
			       const oo_catalog *cat, const oo_findings *findings,
			       oo_error *err);

/* Appends the report as one self-contained HTML page (inline CSS, no
 * external assets) in lang (German falls back to English): a summary per
 * form, the matrix as an inline SVG heat map, and each finding with the
 * field's label, why it matters and the fix. */
oo_status oo_audit_report_html(oo_buf *out, oo_form *const *forms, size_t count,
			       const oo_catalog *cat, const oo_findings *findings,
			       oo_lang lang, oo_error *err);

/* Appends the same report as Markdown, with the matrix as a table. */
oo_status oo_audit_report_markdown(oo_buf *out, oo_form *const *forms, size_t count,
				   const oo_catalog *cat, const oo_findings *findings,
				   oo_lang lang, oo_error *err);

/* Builds a draft definition (the format of schemas/form.schema.json) for
 * an audited form: fields that ask new questions are kept, authentic data
 * is bound to its concept with prefill, fetchable attachments, repeated
 * concepts and numbers the login proves are dropped, and each field's
 * purpose says where it came from. The draft passes onlyonce check
 * without errors; the owner and legal basis are placeholders to complete.
 * Caller owns *out (json_decref). */
oo_status oo_audit_propose(json_t **out, const oo_form *form, const oo_catalog *cat,
			   const oo_matcher *m, oo_error *err);

/* Counts of one audited form's visible fields, the same numbers every
 * report format shows: fields in all, fields that can go (the login proves
 * them, or the form asked them before), fields that can be prefilled from
 * KBO or the Rijksregister, and attachments the government fetches itself. */
typedef struct {
	size_t fields;
	size_t can_go;
	size_t can_prefill;
	size_t attachments_can_go;
} oo_audit_summary;

/* Fills *out for form, whose fields oo_audit_form has matched. */
void oo_audit_summarise(oo_audit_summary *out, const oo_form *form, const oo_catalog *cat);

#endif
