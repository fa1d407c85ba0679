/* SPDX-License-Identifier: EUPL-1.2 */
/* Texts of the form chrome (everything a page shows that the definition does
 * not supply) in each language a form can declare. */
#ifndef ONLYONCE_GENERATOR_STRINGS_H
#define ONLYONCE_GENERATOR_STRINGS_H

#include <stddef.h>

#include "onlyonce/buf.h"
#include "onlyonce/text.h"

/* One language's chrome. Texts marked {1} and {2} are templates for
 * oo_generator__put_template; the arguments are escaped like the rest. */
typedef struct {
	const char *title_suffix;       /* after the form title in <title> */
	const char *required;           /* label marker of a required field */
	const char *optional;           /* label marker of an optional field */
	const char *submit;
	const char *choose;             /* empty first option of a drop-down */

	const char *source_line;        /* {1} source name, {2} retrieval date */
	const char *source_line_undated; /* {1} source name */
	const char *kbo_name;           /* KBO under its name in this language */
	const char *kbo_fix;            /* how to correct KBO data at the source */
	const char *kbo_fix_link;       /* text of the link to the correction page */
	const char *kbo_fix_url;
	const char *kbo_fix_url_lang;   /* hreflang of that page */
	const char *rr_fix;             /* how to correct National Register data */
	const char *value_missing;      /* {1} source name */

	const char *notice_title;
	const char *notice_found;       /* a lookup filled fields in */
	const char *notice_not_found_enterprise; /* {1} enterprise number, {2} source */
	const char *notice_not_found;   /* {1} source name */
	const char *notice_failed;      /* {1} source name */
	const char *notice_no_lookup;

	const char *condition_equals;   /* {1} label of the other field, {2} answer */
	const char *condition_checked;  /* {1} label of the other checkbox */
	const char *condition_unchecked;

	const char *error_summary_title;
	const char *error_prefix;       /* before the page title and each message */

	const char *process_heading;
	const char *owner;
	const char *legal_basis;
	const char *advance_days;       /* {1} number of days */
	const char *handling_days;      /* {1} number of days */

	const char *day;
	const char *month;
	const char *year;
	const char *date_hint;          /* example of a three-part date */
	const char *months[12];
} oo_strings;

/* Returns the chrome of lang (Dutch for an unknown value). */
const oo_strings *oo_generator__strings(oo_lang lang);

/* Appends tmpl escaped, with {1} and {2} replaced by arg1 and arg2, also
 * escaped. A NULL argument expands to nothing. */
oo_status oo_generator__put_template(oo_buf *out, const char *tmpl,
				     const char *arg1, const char *arg2);

/* Longest date oo_generator__format_date writes, with its NUL. */
#define OO_DATE_TEXT_MAX 64

/* Writes an ISO date (YYYY-MM-DD) to dst as a long date in lang, such as
 * "4 december 2026", unescaped. A value of another shape is copied as it
 * is, cut to size. */
void oo_generator__format_date(char *dst, size_t size, const char *iso, oo_lang lang);

#endif
