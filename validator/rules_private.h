/* SPDX-License-Identifier: EUPL-1.2 */
/* Shared by the rule files of the validator: the state of one run of the
 * rules, the helper that adds a finding, and the translation macro. */
#ifndef ONLYONCE_RULES_PRIVATE_H
#define ONLYONCE_RULES_PRIVATE_H

#include <libintl.h>

#include <jansson.h>

#include "onlyonce/check.h"

/* Finding texts are translated in the "onlyonce" domain, which the CLI
 * binds; without a binding (unit tests) dgettext returns the English
 * source. po/update.sh extracts OO_() and OO_N_() strings. */
#define OO_(s) dgettext("onlyonce", s)
#define OO_N_(s) (s)

/* Everything one run of the rules needs. */
typedef struct {
	const oo_form *form;
	const oo_catalog *cat;
	const oo_matcher *matcher;
	oo_findings *list;
	const oo_concept **matched; /* per field: its concept, declared or recognised */
	int *recognised;            /* per field: 1 when the concept came from the label */
} oo_rules__run;

/* Adds a finding at field f (NULL: the whole form). code and rule are
 * static strings, and fix and the formatted message are copied. A member
 * such as "label" extends the field's pointer. Without a field, member is
 * the whole pointer ("/title"), and oo_check_file resolves its line. */
oo_status oo_rules__add(oo_rules__run *run, const oo_field *f, const char *member,
			const char *code, const char *rule, oo_severity sev,
			const oo_concept *c, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

/* Returns the name of c's authentic source as messages show it, translated. */
const char *oo_rules__source_name(const oo_concept *c);

/* Returns the field's label in the form's default language, else the
 * concept's, else the field id. Borrowed. */
const char *oo_rules__field_label(const oo_field *f, const oo_concept *c, const oo_form *form);

/* Returns 1 when c is the key of its own source (enterprise number, INSZ):
 * the one authentic datum the applicant must give unless a login does. */
int oo_rules__is_key(const oo_concept *c);

/* Stores in *out the concept that field f of the definition's own asks,
 * recognised from its label in any language or its id, or NULL. m may be
 * NULL, which recognises nothing. */
oo_status oo_rules__recognise(const oo_matcher *m, const oo_field *f, const oo_concept **out);

/* Returns the index of the field with that id, or -1. */
long oo_rules__field_index(const oo_form *form, const char *id);

/* Number of entries in the rule table of rules.c. */
#define OO_RULES__COUNT 28

/* Severity of a rule that the configuration leaves as it is. */
#define OO_RULES__UNSET (-2)

/* Everything check needs, loaded once and shared by every file. */
struct oo_checker {
	oo_schema *schema;
	oo_catalog *catalog;
	oo_matcher *matcher;
	int severity[OO_RULES__COUNT];  /* per rule of the table: oo_severity, OO_SEVERITY_OFF or OO_RULES__UNSET */
	oo_form **against;              /* forms to compare with (oo_checker_add_against) */
	size_t against_count;
};

/* Copies the findings of raw that no suppression of the definition doc
 * covers into out, with the severity c gives their rule and the line and
 * column of their location in text. Adds OO009 for a suppression without a
 * reason and OO010 for one that names no rule or covers nothing. */
oo_status oo_rules__filter(const oo_checker *c, const oo_findings *raw, json_t *doc,
			   const char *path, const char *text, size_t len, oo_findings *out);

/* The rule groups, each in its own file. */
oo_status oo_rules__only_once(oo_rules__run *run);    /* rules_onlyonce.c */
oo_status oo_rules__conditions(oo_rules__run *run);   /* rules_conditions.c */
oo_status oo_rules__structure(oo_rules__run *run);    /* rules_structure.c */
oo_status oo_rules__translations(oo_rules__run *run); /* rules_language.c */

#endif
