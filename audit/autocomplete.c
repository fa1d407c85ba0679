/* SPDX-License-Identifier: EUPL-1.2 */
/* Checks autocomplete attributes against the autofill detail tokens of the
 * HTML Living Standard. */
#include "audit_private.h"

#include <string.h>
#include <strings.h>

#include "onlyonce/alloc.h"

static const char *const field_names[] = {
	"name", "honorific-prefix", "given-name", "additional-name", "family-name",
	"honorific-suffix", "nickname", "username", "new-password", "current-password",
	"one-time-code", "organization-title", "organization", "street-address",
	"address-line1", "address-line2", "address-line3", "address-level4",
	"address-level3", "address-level2", "address-level1", "country", "country-name",
	"postal-code", "cc-name", "cc-given-name", "cc-additional-name", "cc-family-name",
	"cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc", "cc-type",
	"transaction-currency", "transaction-amount", "language", "bday", "bday-day",
	"bday-month", "bday-year", "sex", "url", "photo",
};

static const char *const contact_names[] = {
	"tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local",
	"tel-local-prefix", "tel-local-suffix", "tel-extension", "email", "impp",
};

static const char *const contact_kinds[] = { "home", "work", "mobile", "fax", "pager" };

static int in_list(const char *token, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; token && i < count; i++)
		if (strcasecmp(token, list[i]) == 0)
			return 1;
	return 0;
}

#define IN(token, list) in_list(token, list, sizeof(list) / sizeof(list[0]))
#define MAX_TOKENS 6

/* Checks the token sequence from its end, as the standard's algorithm does. */
static int valid_tokens(char **t, size_t n)
{
	size_t i;

	if (n > 0 && strcasecmp(t[n - 1], "webauthn") == 0)
		n--;
	if (n == 0)
		return 0;
	i = n - 1;
	if (IN(t[i], contact_names)) {
		if (i > 0 && IN(t[i - 1], contact_kinds))
			i--;
	} else if (!IN(t[i], field_names)) {
		return 0;
	}
	if (i > 0 && (strcasecmp(t[i - 1], "shipping") == 0 || strcasecmp(t[i - 1], "billing") == 0))
		i--;
	if (i > 0 && strncasecmp(t[i - 1], "section-", 8) == 0)
		i--;
	return i == 0;
}

int oo_audit__autocomplete_valid(const char *value)
{
	char *copy = oo_strdup(value), *save = NULL, *token;
	char *tokens[MAX_TOKENS];
	size_t n = 0;
	int valid, too_many = 0;

	/* NOTE: when memory runs out the value counts as valid, so a finding
	 * may be missed but none is invented. */
	if (!copy)
		return 1;
	for (token = strtok_r(copy, " \t\n\r\f", &save); token;
	     token = strtok_r(NULL, " \t\n\r\f", &save)) {
		if (n == MAX_TOKENS) {
			too_many = 1;
			break;
		}
		tokens[n++] = token;
	}
	if (too_many)
		valid = 0;
	else if (n == 1 && (strcasecmp(tokens[0], "on") == 0 || strcasecmp(tokens[0], "off") == 0))
		valid = 1;
	else
		valid = valid_tokens(tokens, n);
	oo_free(copy);
	return valid;
}
