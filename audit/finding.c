/* SPDX-License-Identifier: EUPL-1.2 */
/* Builds audit findings with messages that quote the field concerned. */
#include "audit_private.h"

#include <string.h>

#include "onlyonce/alloc.h"

/* Longest quoted value in a message, in bytes, before the ellipsis. */
#define QUOTE_MAX 60

void oo_audit__quote(oo_buf *buf, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	if (len <= QUOTE_MAX) {
		oo_buf_printf(buf, "\"%s\"", s ? s : "");
		return;
	}
	len = QUOTE_MAX;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	oo_buf_printf(buf, "\"%.*s\xE2\x80\xA6\"", (int)len, s);
}

const char *oo_audit__field_label(const oo_field *f)
{
	const char *label = oo_text_get(&f->label, OO_LANG_NL);

	if (label && *label)
		return label;
	if (f->name && *f->name)
		return f->name;
	return oo_field_type_name(f->type);
}

oo_status oo_audit__add_finding(oo_findings *findings, const oo_finding *base,
				const oo_field *field, oo_buf *message, oo_buf *fix)
{
	oo_finding f = *base;
	oo_status rc;

	if (message->failed || fix->failed) {
		oo_buf_free(message);
		oo_buf_free(fix);
		return OO_ENOMEM;
	}
	if (field) {
		f.location = field->location;
		f.line = field->line;
		f.field = field->id;
	}
	f.message = message->data;
	f.fix = fix->data;
	rc = oo_findings_add(findings, &f);
	oo_buf_free(message);
	oo_buf_free(fix);
	return rc;
}
