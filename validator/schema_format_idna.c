/* SPDX-License-Identifier: EUPL-1.2 */
/* Internationalised host names: Punycode decoding (RFC 3492) and the
 * IDNA2008 label rules of RFC 5891 and the contextual rules of RFC 5892
 * appendix A, for "hostname" (A-labels) and "idn-hostname" (U-labels).
 * NOTE: the derived property table of RFC 5892 is approximated by Unicode
 * general categories (no upper case, symbols, punctuation, separators or
 * controls), and the joining-type rule for ZERO WIDTH NON-JOINER by
 * script, so a few rare labels may be judged differently from IDNA2008. */
#include "schema_internal.h"

#include <string.h>

#include "onlyonce/buf.h"
#include "onlyonce/json.h"

/* Longest label in code points; a valid label has at most 63 bytes. */
#define LABEL_MAX 64

/* Code points with canonical combining class 9 (virama) in the BMP, from
 * UnicodeData.txt, which RFC 5892 A.1 and A.2 refer to. */
static const unsigned viramas[] = {
	0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D3B,
	0x0D3C, 0x0D4D, 0x0DCA, 0x0E3A, 0x0EBA, 0x0F84, 0x1039, 0x103A, 0x1714,
	0x1715, 0x1734, 0x17D2, 0x1A60, 0x1B44, 0x1BAA, 0x1BAB, 0x1BF2, 0x1BF3,
	0x2D7F, 0xA806, 0xA82C, 0xA8C4, 0xA953, 0xA9C0, 0xAAF6, 0xABED,
};

/* RFC 3492 section 6.2 decoding of the part after "xn--". */
static int punycode_decode(const char *in, size_t len, unsigned *out, size_t *count)
{
	unsigned n = 128, bias = 72, i = 0, oldi, w, k, digit, t, delta;
	size_t basic = 0, j, p, out_len = 0;

	for (j = 0; j < len; j++) {
		if (in[j] == '-')
			basic = j;
	}
	if (basic > 0 || (len > 0 && in[0] == '-')) {
		for (j = 0; j < basic; j++)
			out[out_len++] = (unsigned char)in[j];
		p = basic + 1;
	} else {
		p = 0;
	}
	if (basic >= LABEL_MAX)
		return 0;
	while (p < len) {
		oldi = i;
		w = 1;
		for (k = 36;; k += 36) {
			char c = p < len ? in[p++] : '\0';

			if (c >= 'a' && c <= 'z')
				digit = (unsigned)(c - 'a');
			else if (c >= 'A' && c <= 'Z')
				digit = (unsigned)(c - 'A');
			else if (c >= '0' && c <= '9')
				digit = (unsigned)(c - '0') + 26;
			else
				return 0;
			if (digit > (0xFFFFFFFFu - i) / w)
				return 0;
			i += digit * w;
			t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
			if (digit < t)
				break;
			w *= 36 - t;
		}
		if (out_len + 1 >= LABEL_MAX)
			return 0;
		delta = oldi == 0 ? (i - oldi) / 700 : (i - oldi) / 2;
		delta += delta / (unsigned)(out_len + 1);
		for (k = 0; delta > 455; k += 36)
			delta /= 35;
		bias = k + (36 * delta) / (delta + 38);
		n += i / (unsigned)(out_len + 1);
		i %= (unsigned)(out_len + 1);
		if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF))
			return 0;
		memmove(out + i + 1, out + i, (out_len - i) * sizeof(*out));
		out[i++] = n;
		out_len++;
	}
	*count = out_len;
	return 1;
}

/* Tests one code point against a PCRE2 character class. */
static int in_class(const char *cls, unsigned cp)
{
	char subject[4];
	size_t len;
	pcre2_code *re;
	pcre2_match_data *data;
	int errcode, rc;
	PCRE2_SIZE offset;

	len = oo_utf8_encode(subject, cp);
	re = pcre2_compile((PCRE2_SPTR)cls, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
			   &errcode, &offset, NULL);
	if (!re)
		return 0;
	data = pcre2_match_data_create_from_pattern(re, NULL);
	rc = data ? pcre2_match(re, (PCRE2_SPTR)subject, len, 0, PCRE2_ANCHORED, data, NULL) : -1;
	pcre2_match_data_free(data);
	pcre2_code_free(re);
	return rc >= 0;
}

static int is_virama(unsigned cp)
{
	size_t i;

	for (i = 0; i < sizeof(viramas) / sizeof(viramas[0]); i++) {
		if (viramas[i] == cp)
			return 1;
	}
	return 0;
}

/* The characters RFC 5892 makes PVALID by exception or CONTEXTO/CONTEXTJ,
 * which the category test below would otherwise reject. */
static int is_exception(unsigned cp)
{
	return cp == 0x00DF || cp == 0x03C2 || cp == 0x06FD || cp == 0x06FE || cp == 0x0F0B ||
	       cp == 0x3007 || cp == 0x00B7 || cp == 0x0375 || cp == 0x05F3 || cp == 0x05F4 ||
	       cp == 0x30FB || cp == 0x200C || cp == 0x200D;
}

static int is_disallowed(unsigned cp)
{
	if ((cp >= 0x3031 && cp <= 0x3035) || cp == 0x0640 || cp == 0x07FA || cp == 0x302E ||
	    cp == 0x302F || cp == 0x303B)
		return 1;
	if (is_exception(cp) || cp == '-' || (cp >= '0' && cp <= '9'))
		return 0;
	return in_class("[\\p{Lu}\\p{Lt}\\p{Z}\\p{C}\\p{S}\\p{P}]", cp);
}

/* RFC 5892 appendix A: the rule of the contextual code point at index i. */
static int context_ok(const unsigned *cp, size_t n, size_t i)
{
	unsigned prev = i > 0 ? cp[i - 1] : 0, next = i + 1 < n ? cp[i + 1] : 0;
	size_t j;

	switch (cp[i]) {
	case 0x200C:
		if (is_virama(prev))
			return 1;
		return prev && next && in_class("[\\p{Arabic}\\p{Syriac}\\p{Nko}\\p{Mongolian}]", prev) &&
		       in_class("[\\p{Arabic}\\p{Syriac}\\p{Nko}\\p{Mongolian}]", next);
	case 0x200D:
		return is_virama(prev);
	case 0x00B7:
		return prev == 'l' && next == 'l';
	case 0x0375:
		return next && in_class("\\p{Greek}", next);
	case 0x05F3: case 0x05F4:
		return prev && in_class("\\p{Hebrew}", prev);
	case 0x30FB:
		for (j = 0; j < n; j++) {
			if (cp[j] != 0x30FB && in_class("[\\p{Hiragana}\\p{Katakana}\\p{Han}]", cp[j]))
				return 1;
		}
		return 0;
	default:
		return 1;
	}
}

/* Checks a label given as code points, as RFC 5891 section 5.4 checks a
 * U-label. */
static int ulabel_ok(const unsigned *cp, size_t n)
{
	int arabic_indic = 0, extended = 0;
	size_t i;

	if (n == 0 || (n >= 4 && cp[2] == '-' && cp[3] == '-'))
		return 0;
	if (cp[0] == '-' || cp[n - 1] == '-' || in_class("\\p{M}", cp[0]))
		return 0;
	for (i = 0; i < n; i++) {
		if (is_disallowed(cp[i]) || !context_ok(cp, n, i))
			return 0;
		arabic_indic |= cp[i] >= 0x0660 && cp[i] <= 0x0669;
		extended |= cp[i] >= 0x06F0 && cp[i] <= 0x06F9;
	}
	return !(arabic_indic && extended);
}

int oo_schema__idna_a_label(const char *s, size_t len)
{
	unsigned cp[LABEL_MAX];
	size_t n = 0;

	if (!punycode_decode(s + 4, len - 4, cp, &n))
		return 0;
	return ulabel_ok(cp, n);
}

/* Decodes one UTF-8 label into code points; 0 for invalid UTF-8. */
static int utf8_label(const char *s, size_t len, unsigned *cp, size_t *n)
{
	size_t i = 0, extra, k;
	unsigned c;

	*n = 0;
	while (i < len) {
		c = (unsigned char)s[i];
		extra = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 9;
		if (extra == 9 || i + extra >= len + (extra ? 0 : 1) || *n >= LABEL_MAX)
			return 0;
		c &= extra ? 0x3Fu >> extra : 0x7F;
		for (k = 1; k <= extra; k++)
			c = (c << 6) | ((unsigned char)s[i + k] & 0x3F);
		cp[(*n)++] = c;
		i += extra + 1;
	}
	return 1;
}

/* Splits at "." and the ideographic full stops U+3002, U+FF0E, U+FF61,
 * which RFC 3490 section 3.1 treats as label separators. */
static size_t separator_length(const char *s, size_t len)
{
	if (len >= 1 && s[0] == '.')
		return 1;
	if (len >= 3 && (memcmp(s, "\xE3\x80\x82", 3) == 0 || memcmp(s, "\xEF\xBC\x8E", 3) == 0 ||
			 memcmp(s, "\xEF\xBD\xA1", 3) == 0))
		return 3;
	return 0;
}

static int idn_label(const char *s, size_t len)
{
	unsigned cp[LABEL_MAX];
	size_t n, i;

	for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == len)
		return oo_schema__format_hostname(s, len);
	if (!utf8_label(s, len, cp, &n))
		return 0;
	return ulabel_ok(cp, n);
}

int oo_schema__format_idn_hostname(const char *s, size_t len)
{
	size_t start = 0, i = 0, sep;

	if (len == 0 || memchr(s, '\0', len))
		return 0;
	while (i <= len) {
		sep = i < len ? separator_length(s + i, len - i) : 0;
		if (i < len && !sep) {
			i++;
			continue;
		}
		if (!idn_label(s + start, i - start))
			return 0;
		i += sep ? sep : 1;
		start = i;
	}
	return 1;
}
