/* SPDX-License-Identifier: EUPL-1.2 */
/* The check pipeline: read a definition, validate it against
 * form.schema.json, build its model and run the rules. */
#include "rules_private.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "onlyonce/alloc.h"
#include "onlyonce/audit.h"
#include "onlyonce/buf.h"
#include "onlyonce/file.h"
#include "onlyonce/json.h"

static const char *shipped_schemas_dir(void)
{
	if (access(ONLYONCE_SOURCE_DIR "/schemas/form.schema.json", R_OK) == 0)
		return ONLYONCE_SOURCE_DIR "/schemas";
	return ONLYONCE_DATADIR;
}

static oo_status load_schema(oo_schema **out, const char *path, oo_error *err)
{
	char *text = NULL;
	size_t len = 0;
	json_t *doc = NULL;
	oo_status rc;

	rc = oo_file_read(&text, &len, path, OO_FILE_MAX_SIZE, err);
	if (rc == OO_OK)
		rc = oo_json_parse(&doc, text, len, path, err);
	if (rc == OO_OK)
		rc = oo_schema_compile(out, doc, err);
	json_decref(doc);
	oo_free(text);
	return rc;
}

oo_status oo_checker_new(oo_checker **out, const char *schemas_dir, oo_error *err)
{
	oo_checker *c = NULL;
	oo_buf path = OO_BUF_INIT;
	size_t i;
	oo_status rc;

	*out = NULL;
	if (!schemas_dir)
		schemas_dir = shipped_schemas_dir();
	c = oo_calloc(1, sizeof(*c));
	if (!c)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < OO_RULES__COUNT; i++)
		c->severity[i] = OO_RULES__UNSET;

	oo_buf_printf(&path, "%s/form.schema.json", schemas_dir);
	rc = path.failed ? OO_ENOMEM : load_schema(&c->schema, path.data, err);
	if (rc != OO_OK)
		goto cleanup;
	oo_buf_reset(&path);
	oo_buf_printf(&path, "%s/concepts.json", schemas_dir);
	rc = path.failed ? OO_ENOMEM : oo_catalog_load(&c->catalog, path.data, err);
	if (rc != OO_OK)
		goto cleanup;
	rc = oo_matcher_new(&c->matcher, c->catalog, err);
	if (rc != OO_OK)
		goto cleanup;
	*out = c;
	c = NULL;

cleanup:
	if (rc == OO_ENOMEM && err && !err->message[0])
		oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	oo_buf_free(&path);
	oo_checker_free(c);
	return rc;
}

const oo_catalog *oo_checker_catalog(const oo_checker *c)
{
	return c->catalog;
}

const oo_matcher *oo_checker_matcher(const oo_checker *c)
{
	return c->matcher;
}

/* Turns schema validation errors into OO001 findings at their instance
 * location. */
static oo_status add_schema_findings(const oo_schema_result *res, const char *path,
				     const char *text, size_t len, oo_findings *list)
{
	size_t i;

	for (i = 0; i < res->error_count; i++) {
		const oo_schema_error *e = &res->errors[i];
		oo_finding f;
		char message[1024];
		oo_status rc;

		memset(&f, 0, sizeof(f));
		snprintf(message, sizeof(message), OO_("%s (schema keyword %s)"),
			 e->message, e->keyword_location ? e->keyword_location : "?");
		f.code = "OO001";
		f.rule = "schema-violation";
		f.severity = OO_SEVERITY_ERROR;
		f.file = path;
		f.location = e->instance_location ? e->instance_location : "";
		f.message = message;
		f.fix = OO_("Correct the definition as schemas/form.schema.json describes.");
		oo_jsonloc_find(text, len, f.location, &f.line, &f.column);
		rc = oo_findings_add(list, &f);
		if (rc != OO_OK)
			return rc;
	}
	return OO_OK;
}

/* Gives fields without an explicit type the input type of their concept. */
static void apply_concept_types(oo_form *form, const oo_catalog *cat)
{
	size_t i;

	for (i = 0; i < form->field_count; i++) {
		oo_field *f = &form->fields[i];
		const oo_concept *c;
		int type;

		if (f->type != OO_FIELD_OTHER)
			continue;
		c = oo_catalog_find(cat, f->concept ? f->concept : f->document);
		type = c ? oo_field_type_from_name(c->input_type) : -1;
		f->type = type >= 0 ? (oo_field_type)type : OO_FIELD_TEXT;
	}
}

/* Returns 1 when a and b name the same file. */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (!a || !b)
		return 0;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return strcmp(a, b) == 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Compares form with the forms given by oo_checker_add_against, except
 * the one read from the same file. */
static oo_status run_across(const oo_checker *c, const oo_form *form, oo_findings *raw,
			    oo_error *err)
{
	const oo_form **others;
	size_t i, n = 0;
	oo_status rc;

	if (!c->against_count)
		return OO_OK;
	others = oo_calloc(c->against_count, sizeof(*others));
	if (!others)
		return oo_error_set(err, OO_ENOMEM, form->file, 0, 0, "out of memory comparing forms");
	for (i = 0; i < c->against_count; i++)
		if (!same_file(c->against[i]->file, form->file))
			others[n++] = c->against[i];
	rc = oo_rules_across(form, others, n, c->catalog, c->matcher, raw, err);
	oo_free(others);
	return rc;
}

/* Runs the rules into a list of their own, then lets suppressions and the
 * configured severities decide what reaches list. */
static oo_status run_rules(const oo_checker *c, const oo_form *form, json_t *doc,
			   const char *text, size_t len, oo_findings *list, oo_error *err)
{
	oo_findings *raw = NULL;
	oo_status rc = oo_findings_new(&raw);

	if (rc == OO_OK)
		rc = oo_rules_run(form, c->catalog, c->matcher, raw, err);
	if (rc == OO_OK)
		rc = run_across(c, form, raw, err);
	if (rc == OO_OK)
		rc = oo_rules__filter(c, raw, doc, form->file, text, len, list);
	if (rc == OO_ENOMEM)
		oo_error_set(err, rc, form->file, 0, 0, "out of memory collecting findings");
	oo_findings_free(raw);
	return rc;
}

oo_status oo_check_file(oo_checker *c, const char *path, oo_findings *list,
			oo_form **form_out, oo_error *err)
{
	char *text = NULL;
	size_t len = 0;
	json_t *doc = NULL;
	oo_schema_result res;
	oo_form *form = NULL;
	oo_status rc;

	memset(&res, 0, sizeof(res));
	if (form_out)
		*form_out = NULL;
	rc = oo_file_read(&text, &len, path, OO_FILE_MAX_SIZE, err);
	if (rc == OO_OK)
		rc = oo_json_parse(&doc, text, len, path, err);
	if (rc == OO_OK)
		rc = oo_schema_validate(c->schema, doc, &res, err);
	if (rc != OO_OK)
		goto cleanup;
	if (!res.valid) {
		rc = add_schema_findings(&res, path, text, len, list);
		goto cleanup;
	}
	rc = oo_definition_from_json(&form, doc, text, len, path, err);
	if (rc != OO_OK)
		goto cleanup;
	apply_concept_types(form, c->catalog);
	rc = run_rules(c, form, doc, text, len, list, err);
	if (rc == OO_OK && form_out) {
		*form_out = form;
		form = NULL;
	}

cleanup:
	oo_schema_result_clear(&res);
	oo_form_free(form);
	json_decref(doc);
	oo_free(text);
	return rc;
}

void oo_checker_free(oo_checker *c)
{
	if (!c)
		return;
	oo_audit_forms_free(c->against, c->against_count);
	oo_schema_free(c->schema);
	oo_catalog_free(c->catalog);
	oo_matcher_free(c->matcher);
	oo_free(c);
}
