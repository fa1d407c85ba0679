/* SPDX-License-Identifier: EUPL-1.2 */
/* Formats for Belgian identifiers, with their check digits:
 * - "be-enterprise-number": KBO enterprise number, 10 digits starting
 *   with 0 or 1, or 9 digits of the legacy form (a leading 0 is implied);
 * - "be-establishment-number": establishment-unit number, 10 digits
 *   starting with 2 to 8;
 *   both end in 97 - (first 8 digits mod 97), as FOD Economie defines;
 * - "be-insz": national register or BIS number, YYMMDD SSS CC, where CC is
 *   97 - (YYMMDDSSS mod 97) for people born before 2000 and
 *   97 - ((2000000000 + YYMMDDSSS) mod 97) from 2000; a BIS number adds 20
 *   or 40 to the month;
 * - "be-iban": BE + 2 check digits + 12 digits, with the national check
 *   (first 10 digits mod 97, 97 for 0) and the ISO 7064 mod 97-10 check;
 * - "be-postcode": 4 digits from 1000 to 9999.
 * Numbers may be written with the usual separators: dots, spaces and, in
 * an INSZ, a hyphen ("0314.595.348", "90.02.01-997.04", "BE68 5390 0754 7034"). */
#include "schema_internal.h"

#include <string.h>

/* Copies the digits of s to out (at most max), skipping the separators
 * in seps. Returns the digit count, or -1 for any other character. */
static int collect_digits(const char *s, size_t len, const char *seps, char *out, int max)
{
	size_t i;
	int n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (n == max)
				return -1;
			out[n++] = s[i];
		} else if (s[i] == '\0' || !strchr(seps, s[i]) || i == 0 || i + 1 == len ||
			   strchr(seps, s[i - 1])) {
			/* A separator only between digits, never twice in a row. */
			return -1;
		}
	}
	return n;
}

static unsigned long long digits_value(const char *d, int n)
{
	unsigned long long v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v * 10 + (unsigned)(d[i] - '0');
	return v;
}

/* Reads a KBO number into 10 digits; "BE" may precede an enterprise number. */
static int kbo_digits(const char *s, size_t len, char digits[10])
{
	char raw[10];
	int n;

	if (len >= 2 && s[0] == 'B' && s[1] == 'E') {
		s += 2;
		len -= 2;
		if (len > 0 && s[0] == ' ') {
			s++;
			len--;
		}
	}
	n = collect_digits(s, len, ". ", raw, 10);
	if (n == 9) {
		digits[0] = '0';
		memcpy(digits + 1, raw, 9);
		return 1;
	}
	if (n != 10)
		return 0;
	memcpy(digits, raw, 10);
	return 1;
}

static int mod97_ok(const char digits[10])
{
	return 97 - digits_value(digits, 8) % 97 == digits_value(digits + 8, 2);
}

int oo_schema__format_be_enterprise(const char *s, size_t len)
{
	char d[10];

	return kbo_digits(s, len, d) && (d[0] == '0' || d[0] == '1') && mod97_ok(d);
}

int oo_schema__format_be_establishment(const char *s, size_t len)
{
	char d[10];

	if (len >= 2 && s[0] == 'B')
		return 0;
	return kbo_digits(s, len, d) && d[0] >= '2' && d[0] <= '8' && mod97_ok(d);
}

/* The birth date part: month 0 and day 0 stand for an unknown part; a BIS
 * number has 20 (sex unknown) or 40 (sex known) added to the month. */
static int insz_date_ok(int year, int month, int day)
{
	if (month >= 40)
		month -= 40;
	else if (month >= 20)
		month -= 20;
	if (month > 12 || day > 31)
		return 0;
	if (month == 0 || day == 0)
		return 1;
	return day <= oo_schema__days_in_month(year, month);
}

int oo_schema__format_be_insz(const char *s, size_t len)
{
	char d[11];
	unsigned long long body, check;
	int yy, month, day;

	if (collect_digits(s, len, ".- ", d, 11) != 11)
		return 0;
	body = digits_value(d, 9);
	check = digits_value(d + 9, 2);
	yy = (int)digits_value(d, 2);
	month = (int)digits_value(d + 2, 2);
	day = (int)digits_value(d + 4, 2);
	if (97 - body % 97 == check && insz_date_ok(1900 + yy, month, day))
		return 1;
	return 97 - (2000000000ULL + body) % 97 == check && insz_date_ok(2000 + yy, month, day);
}

/* ISO 7064 mod 97-10 over the IBAN with its first four characters moved
 * to the end and letters replaced by 10 to 35 (B = 11, E = 14). */
static int iban_check_ok(const char bban[12], const char check[2])
{
	unsigned remainder = 0;
	int i;

	for (i = 0; i < 12; i++)
		remainder = (remainder * 10 + (unsigned)(bban[i] - '0')) % 97;
	remainder = (remainder * 100 + 11) % 97;
	remainder = (remainder * 100 + 14) % 97;
	remainder = (remainder * 10 + (unsigned)(check[0] - '0')) % 97;
	remainder = (remainder * 10 + (unsigned)(check[1] - '0')) % 97;
	return remainder == 1;
}

int oo_schema__format_be_iban(const char *s, size_t len)
{
	char d[14];
	unsigned long long national;

	if (len < 4 || s[0] != 'B' || s[1] != 'E')
		return 0;
	/* Spaces are allowed only between groups of four, as printed. */
	if (len == 19 && (s[4] != ' ' || s[9] != ' ' || s[14] != ' '))
		return 0;
	if (len != 16 && len != 19)
		return 0;
	if (collect_digits(s + 2, len - 2, " ", d, 14) != 14)
		return 0;
	national = digits_value(d + 2, 10) % 97;
	if ((national == 0 ? 97 : national) != digits_value(d + 12, 2))
		return 0;
	return iban_check_ok(d + 2, d);
}

int oo_schema__format_be_postcode(const char *s, size_t len)
{
	size_t i;

	if (len != 4 || s[0] == '0')
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return 1;
}
