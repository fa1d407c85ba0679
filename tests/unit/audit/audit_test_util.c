/* SPDX-License-Identifier: EUPL-1.2 */
#include "audit_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "onlyonce/alloc.h"
#include "onlyonce/file.h"

void extract_fixture(const char *name, oo_form ***forms, size_t *count, oo_findings *findings)
{
	char path[512];
	char *html = NULL;
	size_t len = 0;
	oo_error err;

	snprintf(path, sizeof(path), "%s/fixtures/existing-forms/%s", ONLYONCE_SOURCE_DIR, name);
	if (oo_file_read(&html, &len, path, OO_FILE_MAX_SIZE, &err) != OO_OK)
		fail_msg("cannot read fixture %s: %s", path, err.message);
	if (oo_audit_extract_html(forms, count, html, len, path, findings, &err) != OO_OK)
		fail_msg("extracting %s failed: %s", path, err.message);
	oo_free(html);
}

const oo_field *field_named(const oo_form *form, const char *name)
{
	size_t i;

	for (i = 0; i < form->field_count; i++)
		if (form->fields[i].name && strcmp(form->fields[i].name, name) == 0)
			return &form->fields[i];
	fail_msg("form %s has no field named %s", form->id, name);
	return NULL;
}

size_t count_code(const oo_findings *findings, const char *code, const char *field)
{
	size_t i, n = 0;

	for (i = 0; i < oo_findings_count(findings); i++) {
		const oo_finding *f = oo_findings_at(findings, i);

		if (strcmp(f->code, code) == 0 && (!field || (f->field && strcmp(f->field, field) == 0)))
			n++;
	}
	return n;
}

const char *label_of(const oo_field *field)
{
	const char *label = oo_text_get(&field->label, OO_LANG_NL);

	return label ? label : "";
}
