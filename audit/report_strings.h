/* SPDX-License-Identifier: EUPL-1.2 */
/* The texts of the audit report around the findings, per language. */
#ifndef ONLYONCE_AUDIT_REPORT_STRINGS_H
#define ONLYONCE_AUDIT_REPORT_STRINGS_H

#include "onlyonce/text.h"

/* What the report says about one rule: a short title, why it matters and
 * the usual fix. The finding itself adds the details. */
typedef struct {
	const char *code;
	const char *title;
	const char *why;
	const char *fix;
} oo_audit__rule_text;

typedef struct {
	const char *lang;          /* the html lang attribute */
	const char *title;         /* "{1}" is the number of forms */
	const char *intro;
	const char *summary;
	const char *form;
	const char *fields;
	const char *can_go;
	const char *can_prefill;
	const char *attachments_can_go;
	const char *matrix;
	const char *matrix_intro;
	const char *concept;
	const char *not_asked;
	const char *prefilled;
	const char *by_hand;       /* "{1}" is the number of forms that ask it by hand */
	const char *matrix_table;  /* the summary of the table behind the heat map */
	const char *findings;
	const char *no_findings;
	const char *field;
	const char *rule;
	const char *severity_error;   /* severity words, so a finding's weight is not shown by colour alone */
	const char *severity_warning;
	const char *severity_info;
	const char *why;
	const char *fix;
	const char *detail;
	const char *line;
	const oo_audit__rule_text *rules; /* ends with a NULL code */
} oo_audit__report_strings;

/* Returns the report texts for lang; German falls back to English. */
const oo_audit__report_strings *oo_audit__report_strings_for(oo_lang lang);

/* Returns the texts of the rule with code, or NULL when the table has none. */
const oo_audit__rule_text *oo_audit__rule_text_for(const oo_audit__report_strings *s,
						  const char *code);

#endif
