/* SPDX-License-Identifier: EUPL-1.2 */
/* The "format" checks of 2020-12 for dates, times, durations, UUIDs,
 * JSON Pointers and regular expressions, and the table that maps every
 * known format name to its check. Values may contain NUL, so every check
 * takes a length. */
#include "schema_internal.h"

#include <string.h>

/* Reads exactly n ASCII digits at s into *value. */
static int read_digits(const char *s, size_t n, int *value)
{
	size_t i;

	*value = 0;
	for (i = 0; i < n; i++) {
		if (!oo_schema__is_digit(s[i]))
			return 0;
		*value = *value * 10 + (s[i] - '0');
	}
	return 1;
}

int oo_schema__days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12)
		return 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/* RFC 3339 full-date: YYYY-MM-DD with a day that exists in that month. */
static int check_date(const char *s, size_t len)
{
	int year, month, day;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if (!read_digits(s, 4, &year) || !read_digits(s + 5, 2, &month) ||
	    !read_digits(s + 8, 2, &day))
		return 0;
	return day >= 1 && day <= oo_schema__days_in_month(year, month);
}

/* RFC 3339 full-time: HH:MM:SS[.frac](Z|+HH:MM|-HH:MM). A leap second
 * (:60) is valid only at 23:59 UTC, so the offset is applied first. */
static int check_time(const char *s, size_t len)
{
	int hour, minute, second, off_hour = 0, off_minute = 0, sign = 0, utc;
	size_t i = 8;

	if (len < 9 || s[2] != ':' || s[5] != ':' || !read_digits(s, 2, &hour) ||
	    !read_digits(s + 3, 2, &minute) || !read_digits(s + 6, 2, &second))
		return 0;
	if (hour > 23 || minute > 59 || second > 60)
		return 0;
	if (s[i] == '.') {
		for (i++; i < len && oo_schema__is_digit(s[i]); i++)
			;
		if (i == 9)
			return 0;
	}
	if (i + 1 == len && (s[i] == 'Z' || s[i] == 'z')) {
		sign = 0;
	} else if (i + 6 == len && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':' &&
		   read_digits(s + i + 1, 2, &off_hour) &&
		   read_digits(s + i + 4, 2, &off_minute)) {
		sign = s[i] == '+' ? 1 : -1;
		if (off_hour > 23 || off_minute > 59)
			return 0;
	} else {
		return 0;
	}
	if (second < 60)
		return 1;
	utc = hour * 60 + minute - sign * (off_hour * 60 + off_minute);
	utc = ((utc % 1440) + 1440) % 1440;
	return utc == 23 * 60 + 59;
}

static int check_date_time(const char *s, size_t len)
{
	if (len < 20 || (s[10] != 'T' && s[10] != 't'))
		return 0;
	return check_date(s, 10) && check_time(s + 11, len - 11);
}

/* Reads 1*DIGIT followed by one of units at *i; stores the unit. */
static int duration_part(const char *s, size_t len, size_t *i, const char *units,
			 char *unit)
{
	size_t start = *i;

	while (*i < len && oo_schema__is_digit(s[*i]))
		(*i)++;
	if (*i == start || *i >= len || !strchr(units, s[*i]) || s[*i] == '\0')
		return 0;
	*unit = s[(*i)++];
	return 1;
}

/* Reads the units of one section in the order that units lists them,
 * without gaps, as the RFC 3339 appendix A grammar nests them: "P1Y2D"
 * and "PT1H2S" are invalid. Returns the number of parts, or -1. */
static int duration_section(const char *s, size_t len, size_t *i, const char *units)
{
	const char *expected = NULL;
	int parts = 0;
	char unit;

	while (*i < len && s[*i] != 'T') {
		if (!duration_part(s, len, i, units, &unit))
			return -1;
		if (expected && unit != *expected)
			return -1;
		expected = strchr(units, unit) + 1;
		parts++;
		if (*expected == '\0')
			break;
	}
	return parts;
}

/* RFC 3339 appendix A: P(date[time] | time | week). */
static int check_duration(const char *s, size_t len)
{
	size_t i = 1;
	int date_parts, time_parts = 0;
	char unit;

	if (len < 3 || s[0] != 'P')
		return 0;
	if (s[len - 1] == 'W') {
		if (!duration_part(s, len, &i, "W", &unit))
			return 0;
		return i == len;
	}
	date_parts = duration_section(s, len, &i, "YMD");
	if (date_parts < 0)
		return 0;
	if (i < len && s[i] == 'T') {
		i++;
		time_parts = duration_section(s, len, &i, "HMS");
		if (time_parts <= 0)
			return 0;
	}
	return i == len && date_parts + time_parts > 0;
}

static int check_uuid(const char *s, size_t len)
{
	size_t i;

	if (len != 36)
		return 0;
	for (i = 0; i < len; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!oo_schema__is_hex(s[i])) {
			return 0;
		}
	}
	return 1;
}

/* RFC 6901: "" or a sequence of "/" tokens in which "~" starts "~0" or
 * "~1". Any other character, NUL included, may appear in a token. */
static int check_json_pointer(const char *s, size_t len)
{
	size_t i;

	if (len > 0 && s[0] != '/')
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '~' && (i + 1 >= len || (s[i + 1] != '0' && s[i + 1] != '1')))
			return 0;
	}
	return 1;
}

/* A non-negative integer without leading zeros, then "#" or a JSON Pointer. */
static int check_relative_json_pointer(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && oo_schema__is_digit(s[i]))
		i++;
	if (i == 0 || (s[0] == '0' && i > 1))
		return 0;
	if (i + 1 == len && s[i] == '#')
		return 1;
	return check_json_pointer(s + i, len - i);
}

static int check_regex(const char *s, size_t len)
{
	pcre2_code *re;

	if (memchr(s, '\0', len))
		return 0;
	if (oo_schema__regex_compile_text(&re, s, len, NULL, NULL) != OO_OK)
		return 0;
	pcre2_code_free(re);
	return 1;
}

static const struct {
	const char *name;
	format_fn check;
} formats[] = {
	{ "date", check_date }, { "date-time", check_date_time }, { "time", check_time },
	{ "duration", check_duration }, { "uuid", check_uuid },
	{ "json-pointer", check_json_pointer },
	{ "relative-json-pointer", check_relative_json_pointer },
	{ "regex", check_regex },
	{ "email", oo_schema__format_email }, { "idn-email", oo_schema__format_idn_email },
	{ "hostname", oo_schema__format_hostname },
	{ "idn-hostname", oo_schema__format_idn_hostname },
	{ "ipv4", oo_schema__format_ipv4 }, { "ipv6", oo_schema__format_ipv6 },
	{ "uri", oo_schema__format_uri }, { "uri-reference", oo_schema__format_uri_reference },
	{ "iri", oo_schema__format_iri }, { "iri-reference", oo_schema__format_iri_reference },
	{ "uri-template", oo_schema__format_uri_template },
	{ "be-enterprise-number", oo_schema__format_be_enterprise },
	{ "be-establishment-number", oo_schema__format_be_establishment },
	{ "be-insz", oo_schema__format_be_insz }, { "be-iban", oo_schema__format_be_iban },
	{ "be-postcode", oo_schema__format_be_postcode },
};

format_fn oo_schema__format_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(formats[i].name, name) == 0)
			return formats[i].check;
	}
	return NULL;
}

int oo_schema_format_check(const char *format, const char *value, size_t len)
{
	format_fn check = oo_schema__format_find(format);

	if (!check)
		return -1;
	return check(value, len) ? 1 : 0;
}
