/* SPDX-License-Identifier: EUPL-1.2 */
/* Tells the kinds of input apart before extraction: a Form.io or Open
 * Forms export, an HTML page, or a file that is neither. */
#include "audit_private.h"

#include <ctype.h>
#include <string.h>

/* Bytes looked at to decide; a page's first tag comes well before this. */
#define SNIFF_MAX 4096

static size_t skip_space_and_bom(const char *text, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)text[i]))
		i++;
	return i;
}

/* Returns 1 when text has a start tag, comment or doctype ("<" then a
 * letter, "!" or "?") and no NUL byte in its first SNIFF_MAX bytes. */
static int looks_like_markup(const char *text, size_t len)
{
	size_t i, n = len < SNIFF_MAX ? len : SNIFF_MAX;
	int tag = 0;

	if (memchr(text, '\0', n))
		return 0;
	for (i = 0; i + 1 < len && !tag; i++) {
		unsigned char next = (unsigned char)text[i + 1];

		tag = text[i] == '<' && (isalpha(next) || next == '!' || next == '?');
	}
	return tag;
}

static const char *file_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : (path ? path : "input");
}

oo_status oo_audit_extract(oo_form ***forms, size_t *count,
			   const char *text, size_t len, const char *path,
			   oo_findings *findings, oo_error *err)
{
	size_t start;

	*forms = NULL;
	*count = 0;
	if (!text)
		return oo_error_set(err, OO_EINVAL, path, 0, 0, "no input text given");
	start = skip_space_and_bom(text, len);
	if (start < len && (text[start] == '{' || text[start] == '['))
		return oo_audit_extract_formio(forms, count, text, len, path, findings, err);
	if (!looks_like_markup(text, len))
		return oo_error_set(err, OO_EPARSE, path, 0, 0,
				    "'%s' is neither an HTML page nor a Form.io export; skipped",
				    file_name(path));
	return oo_audit_extract_html(forms, count, text, len, path, findings, err);
}
