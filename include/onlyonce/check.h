/* SPDX-License-Identifier: EUPL-1.2 */
/* Loading and checking form definitions: JSON Schema validation against
 * schemas/form.schema.json, then the only-once rules. */
#ifndef ONLYONCE_CHECK_H
#define ONLYONCE_CHECK_H

#include <jansson.h>

#include "onlyonce/catalog.h"
#include "onlyonce/findings.h"
#include "onlyonce/form.h"
#include "onlyonce/match.h"
#include "onlyonce/schema.h"
#include "onlyonce/status.h"

/* Builds the model of a definition document that has already passed schema
 * validation. text is the source, used for line:column of each field. */
oo_status oo_definition_from_json(oo_form **out, json_t *doc, const char *text,
				  size_t len, const char *path, oo_error *err);

/* Everything check needs, loaded once and shared by every file. */
typedef struct oo_checker oo_checker;

/* Loads form.schema.json and concepts.json from the folder schemas_dir
 * (NULL: the shipped folder). Caller frees with oo_checker_free. */
oo_status oo_checker_new(oo_checker **out, const char *schemas_dir, oo_error *err);

const oo_catalog *oo_checker_catalog(const oo_checker *c);
const oo_matcher *oo_checker_matcher(const oo_checker *c);

/* Reads, validates and rule-checks the definition at path; findings go to
 * list. Returns OO_OK when the file could be checked (findings or not), or
 * a negative status when it could not be read or parsed (details in err).
 * When form is not NULL and the definition is schema-valid, *form receives
 * the model (caller frees with oo_form_free); otherwise *form is NULL. */
oo_status oo_check_file(oo_checker *c, const char *path, oo_findings *list,
			oo_form **form, oo_error *err);

/* Runs the only-once rules on a loaded model. */
oo_status oo_rules_run(const oo_form *form, const oo_catalog *cat,
		       const oo_matcher *m, oo_findings *list, oo_error *err);

void oo_checker_free(oo_checker *c);

/* One rule that check or audit reports. All strings are static; summary
 * is English and translated with dgettext("onlyonce", summary). */
typedef struct {
	const char *code;      /* "OO101" */
	const char *name;      /* "authentic-data-by-hand" */
	oo_severity severity;  /* default severity */
	const char *summary;   /* one line: what the rule reports */
} oo_rule_info;

/* Returns the table of every rule, in code order, and its length in *count. */
const oo_rule_info *oo_rules_list(size_t *count);

/* Returns the rule with that code or name, or NULL. */
const oo_rule_info *oo_rules_find(const char *code_or_name);

/* Severity value that switches a rule off. */
#define OO_SEVERITY_OFF (-1)

/* Gives the rule named by code or name a severity (an oo_severity or
 * OO_SEVERITY_OFF) for every later oo_check_file. Fails with OO_EINVAL for
 * an unknown rule. */
oo_status oo_checker_set_severity(oo_checker *c, const char *rule, int severity,
				  oo_error *err);

/* Reads a JSON configuration file (see docs/rules.md). Its "rules" member
 * maps a code or name to "error", "warning", "info" or "off". Its
 * "fail_on" is stored in *fail_on as an oo_severity, or -1 when absent.
 * Fails with OO_EINVAL naming the member when the file is not valid. */
oo_status oo_checker_load_config(oo_checker *c, const char *path, int *fail_on,
				 oo_error *err);

/* Adds the forms of path for comparison: a definition (*.form.json) or
 * an existing HTML form (*.html, *.htm), whose fields are matched to
 * concepts as the audit does. Afterwards oo_check_file reports each
 * concept that the checked definition asks by hand and these forms ask
 * too (OO106). A path that oo_check_file later checks is skipped there. */
oo_status oo_checker_add_against(oo_checker *c, const char *path, oo_error *err);

/* Adds to list an OO106 finding for each concept that form asks by hand
 * and one of others asks by hand too, naming those forms. A field of
 * form without a concept counts with the concept m recognises in its
 * label (m may be NULL). */
oo_status oo_rules_across(const oo_form *form, const oo_form *const *others, size_t count,
			  const oo_catalog *cat, const oo_matcher *m, oo_findings *list,
			  oo_error *err);

#endif
