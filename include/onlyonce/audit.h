/* SPDX-License-Identifier: EUPL-1.2 */
/* Audit of existing forms: extract fields from HTML pages, match them to
 * concepts, and report what an authentic source already holds. */
#ifndef ONLYONCE_AUDIT_H
#define ONLYONCE_AUDIT_H

#include <stddef.h>

#include "onlyonce/buf.h"
#include "onlyonce/catalog.h"
#include "onlyonce/findings.h"
#include "onlyonce/form.h"
#include "onlyonce/match.h"
#include "onlyonce/status.h"

/* Extracts every form of an HTML page (a site search box is skipped) as
 * oo_form models with fields, labels and element paths. The page's
 * declared charset is honoured. *forms is an array of *count pointers;
 * free it with oo_audit_forms_free. Accessibility faults found while
 * extracting (no label, placeholder only) go to findings when not NULL. */
oo_status oo_audit_extract_html(oo_form ***forms, size_t *count,
				const char *html, size_t len, const char *path,
				oo_findings *findings, oo_error *err);

void oo_audit_forms_free(oo_form **forms, size_t count);

/* Matches each field of form to a concept (storing the concept id in
 * field->concept) and adds the per-form findings: authentic data typed by
 * hand, fetchable attachments, the applicant identified twice. */
oo_status oo_audit_form(oo_form *form, const oo_matcher *m,
			const oo_catalog *cat, oo_findings *findings,
			oo_error *err);

/* Adds a finding for each concept that several of forms ask. */
oo_status oo_audit_across(oo_form *const *forms, size_t count,
			  const oo_catalog *cat, oo_findings *findings,
			  oo_error *err);

#endif
