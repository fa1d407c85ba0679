/* SPDX-License-Identifier: EUPL-1.2 */
/* KBO enterprise and establishment-unit numbers: normalisation, the mod-97
 * check and the display forms. */
#include "onlyonce/identifiers.h"

#include <stdio.h>
#include <string.h>

/* Maximum length of a rejected input that a message quotes. */
#define QUOTE_MAX 40

/* Copies input into quoted, cut with an ellipsis when longer than QUOTE_MAX. */
static void quote_value(char quoted[QUOTE_MAX + 4], const char *input)
{
	size_t len = strlen(input);

	if (len <= QUOTE_MAX) {
		memcpy(quoted, input, len + 1);
		return;
	}
	memcpy(quoted, input, QUOTE_MAX);
	memcpy(quoted + QUOTE_MAX, "...", 4);
}

static int is_separator(char c)
{
	return c == '.' || c == ' ';
}

/* Skips leading spaces and an optional "BE" prefix, the VAT form of the
 * number, in any letter case. */
static const char *skip_prefix(const char *s)
{
	while (*s == ' ')
		s++;
	if ((s[0] == 'B' || s[0] == 'b') && (s[1] == 'E' || s[1] == 'e'))
		s += 2;
	return s;
}

/* Copies up to 10 digits of s into digits and returns how many s has.
 * Returns -1 when s contains a character other than a digit, dot or space. */
static int collect_digits(char digits[11], const char *s)
{
	int count = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (count < 10)
				digits[count] = *s;
			count++;
		} else if (!is_separator(*s)) {
			return -1;
		}
	}
	return count;
}

static int expected_check(const char digits[11])
{
	long first8 = 0;
	int i;

	for (i = 0; i < 8; i++)
		first8 = first8 * 10 + (digits[i] - '0');
	return 97 - (int)(first8 % 97);
}

/* Rejects a number whose first digit is neither an enterprise (0, 1) nor an
 * establishment unit (2 to 8), then checks the mod-97 check digits. */
static oo_status check_digits(const char digits[11], const char *quoted,
			      oo_error *err)
{
	int check = (digits[8] - '0') * 10 + (digits[9] - '0');
	int expected;

	if (digits[0] == '9')
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "invalid enterprise number \"%s\": a KBO number starts with 0 or 1 "
				    "(enterprise) or 2 to 8 (establishment unit), not 9", quoted);
	expected = expected_check(digits);
	if (check == expected)
		return OO_OK;
	return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
			    "invalid %s number \"%s\": the check digits should be %02d",
			    oo_kbo_number_is_enterprise(digits) ? "enterprise" : "establishment unit",
			    quoted, expected);
}

oo_status oo_kbo_number_normalize(char out[11], const char *input, oo_error *err)
{
	char quoted[QUOTE_MAX + 4];
	char digits[11] = { 0 };
	int count;

	out[0] = '\0';
	if (!input || !*input)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "missing enterprise number: expected 10 digits such as 0314.595.348");
	quote_value(quoted, input);

	count = collect_digits(digits, skip_prefix(input));
	if (count < 0)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "invalid enterprise number \"%s\": only digits, dots and spaces "
				    "may follow an optional BE prefix", quoted);
	if (count != 9 && count != 10)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "invalid enterprise number \"%s\": expected 10 digits "
				    "(or 9 for an old number), found %d", quoted, count);

	/* A 9-digit number is the old form; the 10-digit one prefixes it with 0. */
	if (count == 9) {
		memmove(digits + 1, digits, 9);
		digits[0] = '0';
	}
	digits[10] = '\0';

	if (check_digits(digits, quoted, err) != OO_OK)
		return OO_EINVAL;
	memcpy(out, digits, 11);
	return OO_OK;
}

int oo_kbo_number_is_enterprise(const char digits[11])
{
	return digits[0] == '0' || digits[0] == '1';
}

void oo_kbo_number_format(char out[14], const char digits[11])
{
	if (oo_kbo_number_is_enterprise(digits))
		snprintf(out, 14, "%.4s.%.3s.%.3s", digits, digits + 4, digits + 7);
	else
		snprintf(out, 14, "%.1s.%.3s.%.3s.%.3s", digits, digits + 1, digits + 4,
			 digits + 7);
}
