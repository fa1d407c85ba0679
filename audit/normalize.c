/* SPDX-License-Identifier: EUPL-1.2 */
/* Normalises labels before concept patterns see them: lower case, Latin
 * letters without diacritics, markers of required and optional fields
 * removed, punctuation as spaces, white space collapsed. */
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/match.h"

/* Base letters of the Latin-1 Supplement and Latin Extended-A letters,
 * by code point range. "" turns the code point into a space. */
static const struct {
	unsigned lo, hi;
	const char *base;
} folds[] = {
	{ 0xA0, 0xBF, "" }, { 0xC0, 0xC5, "a" }, { 0xC6, 0xC6, "ae" }, { 0xC7, 0xC7, "c" },
	{ 0xC8, 0xCB, "e" }, { 0xCC, 0xCF, "i" }, { 0xD0, 0xD0, "d" }, { 0xD1, 0xD1, "n" },
	{ 0xD2, 0xD6, "o" }, { 0xD7, 0xD7, "" }, { 0xD8, 0xD8, "o" }, { 0xD9, 0xDC, "u" },
	{ 0xDD, 0xDD, "y" }, { 0xDE, 0xDE, "th" }, { 0xDF, 0xDF, "ss" }, { 0xE0, 0xE5, "a" },
	{ 0xE6, 0xE6, "ae" }, { 0xE7, 0xE7, "c" }, { 0xE8, 0xEB, "e" }, { 0xEC, 0xEF, "i" },
	{ 0xF0, 0xF0, "d" }, { 0xF1, 0xF1, "n" }, { 0xF2, 0xF6, "o" }, { 0xF7, 0xF7, "" },
	{ 0xF8, 0xF8, "o" }, { 0xF9, 0xFC, "u" }, { 0xFD, 0xFD, "y" }, { 0xFE, 0xFE, "th" },
	{ 0xFF, 0xFF, "y" }, { 0x100, 0x105, "a" }, { 0x106, 0x10D, "c" }, { 0x10E, 0x111, "d" },
	{ 0x112, 0x11B, "e" }, { 0x11C, 0x123, "g" }, { 0x124, 0x127, "h" }, { 0x128, 0x131, "i" },
	{ 0x132, 0x133, "ij" }, { 0x134, 0x135, "j" }, { 0x136, 0x138, "k" }, { 0x139, 0x142, "l" },
	{ 0x143, 0x14B, "n" }, { 0x14C, 0x151, "o" }, { 0x152, 0x153, "oe" }, { 0x154, 0x159, "r" },
	{ 0x15A, 0x161, "s" }, { 0x162, 0x167, "t" }, { 0x168, 0x173, "u" }, { 0x174, 0x175, "w" },
	{ 0x176, 0x178, "y" }, { 0x179, 0x17E, "z" }, { 0x17F, 0x17F, "s" },
	/* General Punctuation: dashes, quotes, ellipsis, invisible spaces. */
	{ 0x2000, 0x206F, "" }, { 0x20AC, 0x20AC, "" },
};

/* Decodes one UTF-8 sequence at s; returns its length, 0 when invalid. */
static size_t decode(const unsigned char *s, unsigned *cp)
{
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, *cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, *cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, *cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	return n;
}

/* Appends the folded form of one code point; others are copied as they are. */
static void fold(oo_buf *out, const char *raw, size_t len, unsigned cp)
{
	size_t i;

	if (cp < 0x80) {
		oo_buf_putc(out, (char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
		return;
	}
	for (i = 0; i < sizeof(folds) / sizeof(folds[0]); i++) {
		if (cp < folds[i].lo || cp > folds[i].hi)
			continue;
		oo_buf_puts(out, *folds[i].base ? folds[i].base : " ");
		return;
	}
	oo_buf_append(out, raw, len);
}

/* Blanks the markers forms put after a label to say whether it is needed. */
static void blank_markers(char *s)
{
	static const char *const markers[] = {
		"(verplicht)", "(obligatoire)", "(optioneel)", "(facultatif)", "(optional)",
		"(required)", "(pflichtfeld)",
	};
	size_t i;
	char *hit;

	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++)
		while ((hit = strstr(s, markers[i])) != NULL)
			memset(hit, ' ', strlen(markers[i]));
}

/* Returns the length of an enumerator that opens a label, such as "3. "
 * or "b) " in "b) Straatnaam", so anchored patterns see the label itself. */
static size_t enumerator_length(const char *s)
{
	size_t i = 0;

	while (s[i] == ' ')
		i++;
	if (s[i] >= 'a' && s[i] <= 'z')
		i++;
	else
		while (i < 12 && s[i] >= '0' && s[i] <= '9')
			i++;
	if ((s[i] != '.' && s[i] != ')') || s[i + 1] != ' ' || i == 0 || s[i - 1] == ' ')
		return 0;
	return i + 1;
}

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

char *oo_match_normalize(const char *s)
{
	oo_buf folded = OO_BUF_INIT, out = OO_BUF_INIT;
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	unsigned cp;
	size_t n, i;
	int space = 0;

	while (*p) {
		n = decode(p, &cp);
		if (n == 0) {
			/* An invalid byte is dropped as a space, so a label in an
			 * unexpected encoding still matches on its ASCII words. */
			oo_buf_putc(&folded, ' ');
			p++;
			continue;
		}
		fold(&folded, (const char *)p, n, cp);
		p += n;
	}
	if (folded.failed) {
		oo_buf_free(&folded);
		return NULL;
	}
	if (!folded.data)
		return oo_strdup("");
	blank_markers(folded.data);
	for (i = enumerator_length(folded.data); i < folded.len; i++) {
		unsigned char c = (unsigned char)folded.data[i];

		if (!is_word_byte(c)) {
			space = 1;
			continue;
		}
		if (space && out.len)
			oo_buf_putc(&out, ' ');
		space = 0;
		oo_buf_putc(&out, (char)c);
	}
	oo_buf_free(&folded);
	if (out.failed) {
		oo_buf_free(&out);
		return NULL;
	}
	return out.data ? oo_buf_detach(&out) : oo_strdup("");
}
