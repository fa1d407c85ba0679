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

#endif
