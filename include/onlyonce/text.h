/* SPDX-License-Identifier: EUPL-1.2 */
/* Texts in the four languages a form can declare: nl, fr, de and en. */
#ifndef ONLYONCE_TEXT_H
#define ONLYONCE_TEXT_H

#include "onlyonce/status.h"

typedef enum { OO_LANG_NL = 0, OO_LANG_FR, OO_LANG_DE, OO_LANG_EN, OO_LANG_COUNT } oo_lang;

/* One text per language; an entry is NULL when the text is missing.
 * Owned by the structure that contains it. */
typedef struct {
	char *text[OO_LANG_COUNT];
} oo_text;

/* Returns the language for a code such as "nl" or "fr" (case-insensitive),
 * or -1 for any other code. */
int oo_lang_from_code(const char *code);

/* Returns "nl", "fr", "de" or "en". */
const char *oo_lang_code(oo_lang lang);

/* Returns the text in lang, else in Dutch, else in the first language that
 * has one, else NULL. The pointer is borrowed from t. */
const char *oo_text_get(const oo_text *t, oo_lang lang);

/* Returns the text in lang only, or NULL. */
const char *oo_text_exact(const oo_text *t, oo_lang lang);

/* Sets the text of lang to a copy of s (NULL clears it). */
oo_status oo_text_set(oo_text *t, oo_lang lang, const char *s);

/* Frees every text and leaves t empty. */
void oo_text_clear(oo_text *t);

#endif
