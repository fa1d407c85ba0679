/* SPDX-License-Identifier: EUPL-1.2 */
/* The URI formats: "uri" and "uri-reference" follow the RFC 3986 grammar,
 * "iri" and "iri-reference" the RFC 3987 one, which also allows any
 * non-ASCII character where RFC 3986 allows an unreserved one, and
 * "uri-template" the RFC 6570 level 4 syntax. */
#include "schema_internal.h"

#include <string.h>

typedef struct {
	const char *s;
	size_t len;
	size_t i;
	int iri;
} scanner;

static int is_unreserved(const scanner *sc, unsigned char c)
{
	return oo_schema__is_alpha((char)c) || oo_schema__is_digit((char)c) || oo_schema__in_set("-._~", c) ||
	       (sc->iri && c >= 0x80);
}

static int is_sub_delim(unsigned char c)
{
	return oo_schema__in_set("!$&'()*+,;=", c);
}

/* Consumes characters of unreserved, pct-encoded, sub-delims and extra
 * until one of stop or the end. Returns 0 at an invalid character. */
static int scan_until(scanner *sc, const char *extra, const char *stop)
{
	unsigned char c;

	while (sc->i < sc->len) {
		c = (unsigned char)sc->s[sc->i];
		if (c != '\0' && strchr(stop, c))
			return 1;
		if (c == '%') {
			if (sc->i + 2 >= sc->len || !oo_schema__is_hex(sc->s[sc->i + 1]) ||
			    !oo_schema__is_hex(sc->s[sc->i + 2]))
				return 0;
			sc->i += 3;
			continue;
		}
		if (!is_unreserved(sc, c) && !is_sub_delim(c) && (c == '\0' || !strchr(extra, c)))
			return 0;
		sc->i++;
	}
	return 1;
}

/* "[" IPv6address or IPvFuture "]". */
static int ip_literal(const char *s, size_t len)
{
	size_t i;

	if (len < 2 || s[0] != '[' || s[len - 1] != ']')
		return 0;
	s++;
	len -= 2;
	if (len == 0 || (s[0] != 'v' && s[0] != 'V'))
		return oo_schema__format_ipv6(s, len);
	for (i = 1; i < len && oo_schema__is_hex(s[i]); i++)
		;
	if (i == 1 || i + 1 >= len || s[i] != '.')
		return 0;
	for (i++; i < len; i++) {
		if (!oo_schema__is_alpha(s[i]) && !oo_schema__is_digit(s[i]) && !oo_schema__in_set("-._~!$&'()*+,;=:", s[i]))
			return 0;
	}
	return 1;
}

/* authority = [ userinfo "@" ] host [ ":" port ], ending at "/", "?", "#". */
static int scan_authority(scanner *sc)
{
	size_t start = sc->i, end = start, at = 0, host, colon;
	int has_at = 0;

	while (end < sc->len && !oo_schema__in_set("/?#", sc->s[end])) {
		if (sc->s[end] == '@') {
			if (has_at)
				return 0;
			has_at = 1;
			at = end;
		}
		end++;
	}
	if (has_at) {
		scanner user = { sc->s, at, start, sc->iri };

		if (!scan_until(&user, ":", "") || user.i != at)
			return 0;
	}
	host = has_at ? at + 1 : start;
	if (host < end && sc->s[host] == '[') {
		const char *close = memchr(sc->s + host, ']', end - host);

		if (!close || !ip_literal(sc->s + host, (size_t)(close - sc->s) - host + 1))
			return 0;
		colon = (size_t)(close - sc->s) + 1;
		if (colon < end && sc->s[colon] != ':')
			return 0;
	} else {
		scanner name = { sc->s, end, host, sc->iri };

		if (!scan_until(&name, "", ":"))
			return 0;
		colon = name.i;
	}
	for (colon = colon < end ? colon + 1 : end; colon < end; colon++) {
		if (!oo_schema__is_digit(sc->s[colon]))
			return 0;
	}
	sc->i = end;
	return 1;
}

/* Returns 1 and the length of the scheme when s starts with one followed
 * by ":", 0 otherwise. */
static size_t scheme_length(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || !oo_schema__is_alpha(s[0]))
		return 0;
	for (i = 1; i < len && (oo_schema__is_alpha(s[i]) || oo_schema__is_digit(s[i]) || oo_schema__in_set("+-.", s[i])) &&
		    s[i] != '\0'; i++)
		;
	return i < len && s[i] == ':' ? i : 0;
}

static int scan_path_query_fragment(scanner *sc)
{
	if (!scan_until(sc, ":@/", "?#"))
		return 0;
	if (sc->i < sc->len && sc->s[sc->i] == '?') {
		sc->i++;
		if (!scan_until(sc, ":@/?", "#"))
			return 0;
	}
	if (sc->i < sc->len && sc->s[sc->i] == '#') {
		sc->i++;
		if (!scan_until(sc, ":@/?", ""))
			return 0;
	}
	return sc->i == sc->len;
}

static int check_reference(const char *s, size_t len, int iri, int absolute)
{
	scanner sc = { s, len, 0, iri };
	size_t scheme = scheme_length(s, len), first;

	if (absolute && !scheme)
		return 0;
	if (scheme) {
		sc.i = scheme + 1;
	} else {
		/* A relative path may not have ":" in its first segment, or it
		 * would read as a scheme. */
		for (first = 0; first < len && !strchr("/?#", s[first]); first++)
			;
		if (memchr(s, ':', first))
			return 0;
	}
	if (sc.i + 1 < len && s[sc.i] == '/' && s[sc.i + 1] == '/') {
		sc.i += 2;
		if (!scan_authority(&sc))
			return 0;
	}
	return scan_path_query_fragment(&sc);
}

int oo_schema__format_uri(const char *s, size_t len)
{
	return check_reference(s, len, 0, 1);
}

int oo_schema__format_uri_reference(const char *s, size_t len)
{
	return check_reference(s, len, 0, 0);
}

int oo_schema__format_iri(const char *s, size_t len)
{
	return check_reference(s, len, 1, 1);
}

int oo_schema__format_iri_reference(const char *s, size_t len)
{
	return check_reference(s, len, 1, 0);
}

/* varspec = varname [ ":" max-length | "*" ], varname = varchar *( ["."] varchar ). */
static int template_varspec(const char *s, size_t len)
{
	size_t i = 0, digits;

	while (i < len && s[i] != ':' && s[i] != '*') {
		if (s[i] == '%') {
			if (i + 2 >= len || !oo_schema__is_hex(s[i + 1]) || !oo_schema__is_hex(s[i + 2]))
				return 0;
			i += 3;
		} else if (oo_schema__is_alpha(s[i]) || oo_schema__is_digit(s[i]) || s[i] == '_') {
			i++;
		} else if (s[i] == '.' && i > 0 && i + 1 < len && s[i + 1] != '.') {
			i++;
		} else {
			return 0;
		}
	}
	if (i == 0)
		return 0;
	if (i == len)
		return 1;
	if (s[i] == '*')
		return i + 1 == len;
	digits = len - i - 1;
	if (digits < 1 || digits > 4 || s[i + 1] == '0')
		return 0;
	for (i++; i < len; i++) {
		if (!oo_schema__is_digit(s[i]))
			return 0;
	}
	return 1;
}

static int template_expression(const char *s, size_t len)
{
	size_t start = 0, i;

	if (len > 0 && oo_schema__in_set("+#./;?&=,!@|", s[0]) && s[0] != '\0')
		start = 1;
	for (i = start; i <= len; i++) {
		if (i < len && s[i] != ',')
			continue;
		if (!template_varspec(s + start, i - start))
			return 0;
		start = i + 1;
	}
	return 1;
}

int oo_schema__format_uri_template(const char *s, size_t len)
{
	size_t i = 0;
	const char *close;
	unsigned char c;

	while (i < len) {
		c = (unsigned char)s[i];
		if (c == '{') {
			close = memchr(s + i, '}', len - i);
			if (!close || !template_expression(s + i + 1, (size_t)(close - s) - i - 1))
				return 0;
			i = (size_t)(close - s) + 1;
		} else if (c == '%') {
			if (i + 2 >= len || !oo_schema__is_hex(s[i + 1]) || !oo_schema__is_hex(s[i + 2]))
				return 0;
			i += 3;
		} else if (c <= 0x20 || c == 0x7f || strchr("\"<>\\^`|}", c)) {
			return 0;
		} else {
			i++;
		}
	}
	return 1;
}
