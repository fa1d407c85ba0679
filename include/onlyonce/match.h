/* SPDX-License-Identifier: EUPL-1.2 */
/* Recognises catalogue concepts in the labels and names of existing form
 * fields with the catalogue's PCRE2 patterns, compiled once with JIT. */
#ifndef ONLYONCE_MATCH_H
#define ONLYONCE_MATCH_H

#include "onlyonce/catalog.h"
#include "onlyonce/status.h"

typedef struct oo_matcher oo_matcher;

/* Compiles the patterns of every concept in cat. cat is borrowed and must
 * outlive the matcher. Caller frees with oo_matcher_free. */
oo_status oo_matcher_new(oo_matcher **out, const oo_catalog *cat, oo_error *err);

/* What a match found. */
typedef struct {
	const oo_concept *concept; /* borrowed from the catalogue; NULL when nothing matched */
	int score;                 /* higher is surer; 0 when nothing matched */
	const char *matched_by;    /* "label", "name" or "context" (static string) */
} oo_match;

/* Matches one field: its label, its control name or id, and the context
 * text around it (a fieldset legend or heading such as "Gegevens van de
 * onderneming"). Any argument may be NULL. Labels are normalised first:
 * case, diacritics, punctuation, asterisks and "(verplicht)" are ignored. */
oo_status oo_matcher_match(const oo_matcher *m, const char *label,
			   const char *name, const char *context, oo_match *out);

/* Writes the normalised form of s into a new string (free with oo_free). */
char *oo_match_normalize(const char *s);

void oo_matcher_free(oo_matcher *m);

#endif
