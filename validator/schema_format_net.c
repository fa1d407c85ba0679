/* SPDX-License-Identifier: EUPL-1.2 */
/* The "format" checks for Internet names and addresses: ipv4, ipv6,
 * hostname (RFC 1123), email (RFC 5321 mailbox), and the URI family
 * (RFC 3986 URIs, RFC 3987 IRIs, RFC 6570 URI templates). */
#include "schema_internal.h"

#include <string.h>
#include <strings.h>

/* Dotted-quad decimal with four octets of 0 to 255 and no leading zeros,
 * as RFC 2673 section 3.2 writes it. */
int oo_schema__format_ipv4(const char *s, size_t len)
{
	size_t i = 0, start;
	int octet, value;

	for (octet = 0; octet < 4; octet++) {
		if (octet > 0 && (i >= len || s[i++] != '.'))
			return 0;
		start = i;
		value = 0;
		while (i < len && oo_schema__is_digit(s[i]) && i - start < 3)
			value = value * 10 + (s[i++] - '0');
		if (i == start || value > 255 || (s[start] == '0' && i - start > 1))
			return 0;
	}
	return i == len;
}

/* RFC 4291 section 2.2: eight groups of up to four hex digits, one "::"
 * for a run of zero groups, and an optional IPv4 tail worth two groups. */
int oo_schema__format_ipv6(const char *s, size_t len)
{
	size_t i = 0, start, tail;
	int groups = 0, compressed = 0;

	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		compressed = 1;
		i = 2;
	} else if (len >= 1 && s[0] == ':') {
		return 0;
	}
	while (i < len) {
		start = i;
		while (i < len && oo_schema__is_hex(s[i]) && i - start < 5)
			i++;
		if (i < len && s[i] == '.') {
			tail = start;
			if (!oo_schema__format_ipv4(s + tail, len - tail))
				return 0;
			groups += 2;
			i = len;
			break;
		}
		if (i == start || i - start > 4)
			return 0;
		groups++;
		if (i == len)
			break;
		if (s[i] != ':')
			return 0;
		i++;
		if (i < len && s[i] == ':') {
			if (compressed)
				return 0;
			compressed = 1;
			i++;
		} else if (i == len) {
			return 0;
		}
	}
	return compressed ? groups < 8 : groups == 8;
}

/* One label of letters, digits and hyphens, 1 to 63 bytes, that neither
 * starts nor ends with a hyphen. */
static int ldh_label(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > 63 || s[0] == '-' || s[len - 1] == '-')
		return 0;
	for (i = 0; i < len; i++) {
		if (!oo_schema__is_alpha(s[i]) && !oo_schema__is_digit(s[i]) && s[i] != '-')
			return 0;
	}
	return 1;
}

/* RFC 1123 host name of at most 253 bytes; an "xn--" label must also be
 * valid Punycode for a valid IDNA2008 U-label. */
int oo_schema__format_hostname(const char *s, size_t len)
{
	size_t start = 0, i;

	if (len == 0 || len > 253)
		return 0;
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '.')
			continue;
		if (!ldh_label(s + start, i - start))
			return 0;
		if (i - start >= 4 && strncasecmp(s + start, "xn--", 4) == 0 &&
		    !oo_schema__idna_a_label(s + start, i - start))
			return 0;
		start = i + 1;
	}
	return 1;
}

/* The domain of an address: a host name or an address literal in
 * brackets, "[192.0.2.1]" or "[IPv6:2001:db8::1]". */
static int email_domain(const char *s, size_t len, int idn)
{
	if (len >= 2 && s[0] == '[' && s[len - 1] == ']') {
		if (len > 7 && strncasecmp(s + 1, "IPv6:", 5) == 0)
			return oo_schema__format_ipv6(s + 6, len - 7);
		return oo_schema__format_ipv4(s + 1, len - 2);
	}
	return idn ? oo_schema__format_idn_hostname(s, len) : oo_schema__format_hostname(s, len);
}

/* RFC 5322 atext, widened to any non-ASCII byte for RFC 6531 addresses. */
static int is_atext(unsigned char c, int idn)
{
	return oo_schema__is_alpha((char)c) || oo_schema__is_digit((char)c) || oo_schema__in_set("!#$%&'*+-/=?^_`{|}~", c) ||
	       (idn && c >= 0x80);
}

/* The local part: a dot-atom without empty atoms, or a quoted string. */
static int email_local(const char *s, size_t len, int idn)
{
	size_t i;

	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		for (i = 1; i + 1 < len; i++) {
			if (s[i] == '\\' && i + 2 < len)
				i++;
			else if (s[i] == '"' || s[i] == '\\' || (unsigned char)s[i] < 0x20)
				return 0;
		}
		return 1;
	}
	if (len == 0 || s[0] == '.' || s[len - 1] == '.')
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '.' ? s[i + 1] == '.' : !is_atext((unsigned char)s[i], idn) ||
		    s[i] == '\0')
			return 0;
	}
	return 1;
}

static int check_email(const char *s, size_t len, int idn)
{
	const char *at = NULL;
	size_t i;

	/* The last "@" separates the parts, because a quoted local part may
	 * contain one. */
	for (i = 0; i < len; i++) {
		if (s[i] == '@')
			at = s + i;
	}
	if (!at)
		return 0;
	return email_local(s, (size_t)(at - s), idn) &&
	       email_domain(at + 1, len - (size_t)(at - s) - 1, idn);
}

int oo_schema__format_email(const char *s, size_t len)
{
	return check_email(s, len, 0);
}

int oo_schema__format_idn_email(const char *s, size_t len)
{
	return check_email(s, len, 1);
}
