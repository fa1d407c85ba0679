/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/text.h"

#include <strings.h>

#include "onlyonce/alloc.h"

static const char *const lang_codes[OO_LANG_COUNT] = { "nl", "fr", "de", "en" };

int oo_lang_from_code(const char *code)
{
	int i;

	if (!code)
		return -1;
	for (i = 0; i < OO_LANG_COUNT; i++)
		if (strcasecmp(code, lang_codes[i]) == 0)
			return i;
	return -1;
}

const char *oo_lang_code(oo_lang lang)
{
	return (unsigned)lang < OO_LANG_COUNT ? lang_codes[lang] : "nl";
}

const char *oo_text_exact(const oo_text *t, oo_lang lang)
{
	if (!t || (unsigned)lang >= OO_LANG_COUNT)
		return NULL;
	return t->text[lang];
}

const char *oo_text_get(const oo_text *t, oo_lang lang)
{
	int i;

	if (!t)
		return NULL;
	if ((unsigned)lang < OO_LANG_COUNT && t->text[lang])
		return t->text[lang];
	if (t->text[OO_LANG_NL])
		return t->text[OO_LANG_NL];
	for (i = 0; i < OO_LANG_COUNT; i++)
		if (t->text[i])
			return t->text[i];
	return NULL;
}

oo_status oo_text_set(oo_text *t, oo_lang lang, const char *s)
{
	char *copy = NULL;

	if ((unsigned)lang >= OO_LANG_COUNT)
		return OO_EINVAL;
	if (s && !(copy = oo_strdup(s)))
		return OO_ENOMEM;
	oo_free(t->text[lang]);
	t->text[lang] = copy;
	return OO_OK;
}

void oo_text_clear(oo_text *t)
{
	int i;

	for (i = 0; i < OO_LANG_COUNT; i++) {
		oo_free(t->text[i]);
		t->text[i] = NULL;
	}
}
