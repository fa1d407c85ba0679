/* SPDX-License-Identifier: EUPL-1.2 */
/* Matcher functions that only the audit module uses. */
#ifndef ONLYONCE_MATCH_PRIVATE_H
#define ONLYONCE_MATCH_PRIVATE_H

#include "onlyonce/form.h"
#include "onlyonce/match.h"

/* Whose data a heading or label is about: the catalogue's "context". */
enum {
	OO_SUBJECT_ENTERPRISE = 0,
	OO_SUBJECT_ESTABLISHMENT,
	OO_SUBJECT_PERSON,
	OO_SUBJECT_COUNT
};

/* Stores in *subject the OO_SUBJECT_* that text names first, or -1. text
 * is normalised first. Fails only when memory runs out. */
oo_status oo_matcher__subject(const oo_matcher *m, const char *text, int *subject);

/* Matches an extracted field: a file field only to document concepts, a
 * hidden one to nothing, any other to datum concepts. The subject comes
 * from the label, else the context, else fallback_subject (-1 for none),
 * and is stored in *subject. */
oo_status oo_matcher__match_field(const oo_matcher *m, const oo_field *field,
				  int fallback_subject, oo_match *out, int *subject);

#endif
