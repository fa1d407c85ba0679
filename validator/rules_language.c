/* SPDX-License-Identifier: EUPL-1.2 */
/* Every text of a form must exist in each language the form declares:
 * a user who picks French must not meet a Dutch-only label. */
#include "rules_private.h"

#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/json.h"

/* Writes the declared languages that t lacks into missing ("fr, de");
 * returns 0 when t is empty (nothing to translate) or complete. */
static int missing_languages(const oo_form *form, const oo_text *t, char *missing, size_t size)
{
	int lang, any = 0;
	size_t used = 0;

	missing[0] = '\0';
	for (lang = 0; lang < OO_LANG_COUNT; lang++)
		any |= t->text[lang] != NULL;
	for (lang = 0; any && lang < OO_LANG_COUNT; lang++) {
		if (!form->languages[lang] || t->text[lang])
			continue;
		used += (size_t)snprintf(missing + used, size - used, "%s%s", used ? ", " : "",
					 oo_lang_code((oo_lang)lang));
		if (used >= size)
			break;
	}
	return missing[0] != '\0';
}

/* what names the text in the message, such as "label" or "title". */
static oo_status check_text(oo_rules__run *run, const oo_field *f, const char *member,
			    const char *what, const oo_text *t)
{
	char missing[32];

	if (!missing_languages(run->form, t, missing, sizeof(missing)))
		return OO_OK;
	if (f)
		return oo_rules__add(run, f, member, "OO006", "missing-translation", OO_SEVERITY_WARNING, NULL,
				     OO_("Add the text in every language listed in \"languages\"."),
				     OO_("field \"%s\" has no %s in %s"), f->id, what, missing);
	return oo_rules__add(run, NULL, member, "OO006", "missing-translation", OO_SEVERITY_WARNING, NULL,
			     OO_("Add the text in every language listed in \"languages\"."),
			     OO_("%s has no text in %s"), member, missing);
}

static oo_status check_field(oo_rules__run *run, const oo_field *f)
{
	char member[64];
	size_t i;
	oo_status rc = check_text(run, f, "label", OO_("label"), &f->label);

	if (rc == OO_OK)
		rc = check_text(run, f, "hint", OO_("hint"), &f->hint);
	if (rc == OO_OK)
		rc = check_text(run, f, "purpose", OO_("purpose"), &f->purpose);
	for (i = 0; i < f->option_count && rc == OO_OK; i++) {
		snprintf(member, sizeof(member), "options/%zu/label", i);
		rc = check_text(run, f, member, OO_("option label"), &f->options[i].label);
	}
	return rc;
}

static oo_status check_section(oo_rules__run *run, const oo_section *s)
{
	char *member = oo_pointer_append(s->location ? s->location : "", "title");
	oo_status rc;

	if (!member)
		return OO_ENOMEM;
	rc = check_text(run, NULL, member, NULL, &s->title);
	oo_free(member);
	return rc;
}

oo_status oo_rules__translations(oo_rules__run *run)
{
	const oo_form *form = run->form;
	size_t i;
	oo_status rc = check_text(run, NULL, "/title", NULL, &form->title);

	if (rc == OO_OK)
		rc = check_text(run, NULL, "/description", NULL, &form->description);
	if (rc == OO_OK)
		rc = check_text(run, NULL, "/process/owner", NULL, &form->owner);
	if (rc == OO_OK)
		rc = check_text(run, NULL, "/process/legal_basis", NULL, &form->legal_basis);
	for (i = 0; i < form->section_count && rc == OO_OK; i++)
		rc = check_section(run, &form->sections[i]);
	for (i = 0; i < form->field_count && rc == OO_OK; i++)
		rc = check_field(run, &form->fields[i]);
	return rc;
}
