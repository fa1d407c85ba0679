/* SPDX-License-Identifier: EUPL-1.2 */
/* Helpers shared by the audit tests: fixtures and the shipped catalogue. */
#ifndef AUDIT_TEST_UTIL_H
#define AUDIT_TEST_UTIL_H

#include <stddef.h>

#include "onlyonce/audit.h"

/* Extracts the forms of fixtures/existing-forms/<name>; fails the test
 * when the file cannot be read or extracted. */
void extract_fixture(const char *name, oo_form ***forms, size_t *count, oo_findings *findings);

/* Returns the field whose name attribute is name, or fails the test. */
const oo_field *field_named(const oo_form *form, const char *name);

/* Counts findings with code, optionally only those about field. */
size_t count_code(const oo_findings *findings, const char *code, const char *field);

/* Returns the label of field in Dutch, or "" when it has none. */
const char *label_of(const oo_field *field);

#endif
