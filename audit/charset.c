/* SPDX-License-Identifier: EUPL-1.2 */
/* Finds the encoding a page declares, because libxml2's HTML parser only
 * honours a declaration that it meets before the first non-ASCII byte and
 * otherwise guesses ISO-8859-1. */
#include "audit_private.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The HTML Living Standard looks for a declaration in the first 1024 bytes. */
#define PRESCAN_MAX 1024

/* The WHATWG Encoding Standard maps these labels to windows-1252, which
 * browsers use for pages that declare Latin-1 (0x80-0x9F are printable
 * characters there, not C1 controls). */
static const char *const latin1_labels[] = {
	"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii",
	"iso_8859-1", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819",
};

/* Copies the canonical name of label into out, or the label itself when
 * it is not one of the common names (libxml2 hands those to iconv). */
static void canonical_encoding(const char *label, size_t len, char *out, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof(latin1_labels) / sizeof(latin1_labels[0]); i++)
		if (strlen(latin1_labels[i]) == len && strncasecmp(label, latin1_labels[i], len) == 0)
{
			snprintf(out, size, "windows-1252");
			return;
		}
	if ((len == 5 && strncasecmp(label, "utf-8", 5) == 0) ||
	    (len == 4 && strncasecmp(label, "utf8", 4) == 0))
{
		snprintf(out, size, "UTF-8");
		return;
	}
	snprintf(out, size, "%.*s", (int)(len < size ? len : size - 1), label);
}

/* Finds "charset" followed by "=" in [p, end) and returns the label after
 * it, without quotes, in *label and *len. */
static int find_charset(const char *p, const char *end, const char **label, size_t *len)
{
	const char *q;

	for (; p + 7 < end; p++) {
		if (strncasecmp(p, "charset", 7) != 0 && strncasecmp(p, "encoding", 8) != 0)
			continue;
		q = p + (strncasecmp(p, "charset", 7) == 0 ? 7 : 8);
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
			q++;
		if (q >= end || *q != '=')
			continue;
		q++;
		while (q < end && (*q == ' ' || *q == '"' || *q == '\''))
			q++;
		*label = q;
		while (q < end && (strchr("-_.:", *q) || (*q >= '0' && *q <= '9') ||
				   ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z')))
			q++;
		*len = (size_t)(q - *label);
		return *len > 0;
	}
	return 0;
}

/* Looks for a declaration in the XML declaration and in each <meta> tag
 * of the prescan window. */
static int declared_encoding(const char *html, size_t len, char *out, size_t size)
{
	const char *end = html + (len < PRESCAN_MAX ? len : PRESCAN_MAX);
	const char *p, *tag_end, *label;
	size_t label_len;

	for (p = html; p < end; p++) {
		if (*p != '<')
			continue;
		if (!(end - p > 5 && (strncasecmp(p, "<meta", 5) == 0 || strncmp(p, "<?xml", 5) == 0)))
			continue;
		tag_end = memchr(p, '>', (size_t)(end - p));
		if (!tag_end)
			break;
		if (find_charset(p + 5, tag_end, &label, &label_len)) {
			canonical_encoding(label, label_len, out, size);
			return 1;
		}
		p = tag_end;
	}
	return 0;
}

static int valid_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0, n, k;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xDF)
			n = 1;
		else if (s[i] >= 0xE0 && s[i] <= 0xEF)
			n = 2;
		else if (s[i] >= 0xF0 && s[i] <= 0xF4)
			n = 3;
		else
			return 0;
		if (i + n >= len)
			return 0;
		for (k = 1; k <= n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += n + 1;
	}
	return 1;
}

void oo_audit__detect_charset(const char *html, size_t len, char *encoding, size_t size)
{
	const unsigned char *u = (const unsigned char *)html;
	const char *bom = NULL;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		bom = "UTF-8";
	else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		bom = "UTF-16LE";
	else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		bom = "UTF-16BE";
	if (bom) {
		snprintf(encoding, size, "%s", bom);
		return;
	}
	if (declared_encoding(html, len, encoding, size))
		return;
	snprintf(encoding, size, "%s", valid_utf8(u, len) ? "UTF-8" : "windows-1252");
}
