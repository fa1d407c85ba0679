/* SPDX-License-Identifier: EUPL-1.2 */
/* Parses autocomplete values by the autofill grammar of the HTML Living
 * Standard: [section-*] [shipping|billing] [home|work|mobile|fax|pager]
 * field-name [webauthn], where the contact kind only goes before a contact
 * field name, or a lone "on" or "off". */
#include "onlyonce/autocomplete.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The control group of a field name decides which controls may carry it. */
typedef enum {
	GROUP_TEXT,
	GROUP_MULTILINE,
	GROUP_PASSWORD,
	GROUP_URL,
	GROUP_EMAIL,
	GROUP_TEL,
	GROUP_TEL_PART, /* tel-country-code and the other parts of a number */
	GROUP_NUMERIC,
	GROUP_MONTH,
	GROUP_DATE
} control_group;

typedef struct {
	const char *name;
	control_group group;
	int contact; /* may follow home, work, mobile, fax or pager */
} field_name_entry;

/* The autofill field names with their control groups, as the standard's
 * table lists them. */
static const field_name_entry field_names[] = {
	{ "name", GROUP_TEXT, 0 }, { "honorific-prefix", GROUP_TEXT, 0 },
	{ "given-name", GROUP_TEXT, 0 }, { "additional-name", GROUP_TEXT, 0 },
	{ "family-name", GROUP_TEXT, 0 }, { "honorific-suffix", GROUP_TEXT, 0 },
	{ "nickname", GROUP_TEXT, 0 }, { "username", GROUP_TEXT, 0 },
	{ "new-password", GROUP_PASSWORD, 0 }, { "current-password", GROUP_PASSWORD, 0 },
	{ "one-time-code", GROUP_PASSWORD, 0 }, { "organization-title", GROUP_TEXT, 0 },
	{ "organization", GROUP_TEXT, 0 }, { "street-address", GROUP_MULTILINE, 0 },
	{ "address-line1", GROUP_TEXT, 0 }, { "address-line2", GROUP_TEXT, 0 },
	{ "address-line3", GROUP_TEXT, 0 }, { "address-level4", GROUP_TEXT, 0 },
	{ "address-level3", GROUP_TEXT, 0 }, { "address-level2", GROUP_TEXT, 0 },
	{ "address-level1", GROUP_TEXT, 0 }, { "country", GROUP_TEXT, 0 },
	{ "country-name", GROUP_TEXT, 0 }, { "postal-code", GROUP_TEXT, 0 },
	{ "cc-name", GROUP_TEXT, 0 }, { "cc-given-name", GROUP_TEXT, 0 },
	{ "cc-additional-name", GROUP_TEXT, 0 }, { "cc-family-name", GROUP_TEXT, 0 },
	{ "cc-number", GROUP_TEXT, 0 }, { "cc-exp", GROUP_MONTH, 0 },
	{ "cc-exp-month", GROUP_NUMERIC, 0 }, { "cc-exp-year", GROUP_NUMERIC, 0 },
	{ "cc-csc", GROUP_TEXT, 0 }, { "cc-type", GROUP_TEXT, 0 },
	{ "transaction-currency", GROUP_TEXT, 0 }, { "transaction-amount", GROUP_NUMERIC, 0 },
	{ "language", GROUP_TEXT, 0 }, { "bday", GROUP_DATE, 0 },
	{ "bday-day", GROUP_NUMERIC, 0 }, { "bday-month", GROUP_NUMERIC, 0 },
	{ "bday-year", GROUP_NUMERIC, 0 }, { "sex", GROUP_TEXT, 0 },
	{ "url", GROUP_URL, 0 }, { "photo", GROUP_URL, 0 },
	{ "tel", GROUP_TEL, 1 }, { "tel-country-code", GROUP_TEL_PART, 1 },
	{ "tel-national", GROUP_TEL_PART, 1 }, { "tel-area-code", GROUP_TEL_PART, 1 },
	{ "tel-local", GROUP_TEL_PART, 1 }, { "tel-local-prefix", GROUP_TEL_PART, 1 },
	{ "tel-local-suffix", GROUP_TEL_PART, 1 }, { "tel-extension", GROUP_TEL_PART, 1 },
	{ "email", GROUP_EMAIL, 1 }, { "impp", GROUP_URL, 1 },
};

static const char *const contact_kinds[] = { "home", "work", "mobile", "fax", "pager" };
static const char *const modes[] = { "shipping", "billing" };

/* More tokens than the longest valid value has (section, mode, contact,
 * field name, webauthn) is always a fault. */
#define MAX_TOKENS 5

static const field_name_entry *find_field_name(const char *token)
{
	size_t i;

	for (i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++)
		if (strcasecmp(token, field_names[i].name) == 0)
			return &field_names[i];
	return NULL;
}

static const char *find_word(const char *token, const char *const *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcasecmp(token, list[i]) == 0)
			return list[i];
	return NULL;
}

static int is_on_off(const char *token)
{
	return strcasecmp(token, "on") == 0 || strcasecmp(token, "off") == 0;
}

/* Splits copy in place at ASCII whitespace. Returns the token count, or
 * MAX_TOKENS + 1 when there are more. */
static size_t split(char *copy, char **tokens)
{
	size_t n = 0;
	char *save = NULL;
	char *t;

	for (t = strtok_r(copy, " \t\n\f\r", &save); t; t = strtok_r(NULL, " \t\n\f\r", &save)) {
		if (n == MAX_TOKENS)
			return MAX_TOKENS + 1;
		tokens[n++] = t;
	}
	return n;
}

/* Reads the tokens before the field name, from the last to the first, as
 * the standard's algorithm does. i is the index of the field name. */
static oo_autocomplete_fault parse_prefix(oo_autocomplete *ac, const field_name_entry *name,
					  char **tokens, size_t i)
{
	const char *word;

	if (i > 0 && (word = find_word(tokens[i - 1], contact_kinds, 5)) != NULL) {
		if (!name->contact)
			return OO_AUTOCOMPLETE_NOT_CONTACT;
		ac->contact = word;
		i--;
	}
	if (i > 0 && (word = find_word(tokens[i - 1], modes, 2)) != NULL) {
		ac->mode = word;
		i--;
	}
	if (i > 0 && strncasecmp(tokens[i - 1], "section-", 8) == 0 && tokens[i - 1][8]) {
		ac->has_section = 1;
		i--;
	}
	return i == 0 ? OO_AUTOCOMPLETE_OK : OO_AUTOCOMPLETE_BAD_ORDER;
}

static oo_autocomplete_fault parse_tokens(oo_autocomplete *ac, char **tokens, size_t n)
{
	const field_name_entry *name;
	size_t i;

	if (n == 1 && is_on_off(tokens[0])) {
		ac->on_off = strcasecmp(tokens[0], "on") == 0 ? 1 : 2;
		return OO_AUTOCOMPLETE_OK;
	}
	for (i = 0; i < n; i++)
		if (is_on_off(tokens[i]))
			return OO_AUTOCOMPLETE_ON_OFF_ALONE;
	if (strcasecmp(tokens[n - 1], "webauthn") == 0) {
		ac->webauthn = 1;
		n--;
	}
	if (n == 0)
		return OO_AUTOCOMPLETE_UNKNOWN_NAME;
	name = find_field_name(tokens[n - 1]);
	if (!name)
		return OO_AUTOCOMPLETE_UNKNOWN_NAME;
	ac->field_name = name->name;
	return parse_prefix(ac, name, tokens, n - 1);
}

oo_autocomplete_fault oo_autocomplete_parse(oo_autocomplete *out, const char *value)
{
	char copy[OO_AUTOCOMPLETE_MAX + 1];
	char *tokens[MAX_TOKENS];
	oo_autocomplete_fault fault;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (!value)
		return OO_AUTOCOMPLETE_EMPTY;
	if (strlen(value) > OO_AUTOCOMPLETE_MAX)
		return OO_AUTOCOMPLETE_TOO_LONG;
	snprintf(copy, sizeof(copy), "%s", value);
	n = split(copy, tokens);
	if (n == 0)
		return OO_AUTOCOMPLETE_EMPTY;
	if (n > MAX_TOKENS)
		return OO_AUTOCOMPLETE_BAD_ORDER;
	fault = parse_tokens(out, tokens, n);
	if (fault != OO_AUTOCOMPLETE_OK)
		memset(out, 0, sizeof(*out));
	return fault;
}

/* Returns 1 when a field name of group may sit on a control of type. The
 * groups follow the standard's table, with one addition: the standard puts
 * the parts of a telephone number (tel-national and the like) in the text
 * group, and this check also accepts them on a tel input. */
static int group_allowed(control_group group, oo_field_type type)
{
	switch (type) {
	case OO_FIELD_TEXTAREA:
	case OO_FIELD_SELECT:
	case OO_FIELD_HIDDEN:
	case OO_FIELD_OTHER:
		return 1;
	case OO_FIELD_TEXT:
		return group != GROUP_MULTILINE;
	case OO_FIELD_NUMBER:
		return group == GROUP_NUMERIC;
	case OO_FIELD_DATE:
		return group == GROUP_DATE;
	case OO_FIELD_EMAIL:
		return group == GROUP_EMAIL;
	case OO_FIELD_TEL:
		return group == GROUP_TEL || group == GROUP_TEL_PART;
	default:
		/* Radios, checkboxes and file inputs take no autofill field name. */
		return 0;
	}
}

oo_autocomplete_fault oo_autocomplete_check_control(const oo_autocomplete *ac,
						    oo_field_type type)
{
	const field_name_entry *name;

	if (!ac->field_name)
		return OO_AUTOCOMPLETE_OK;
	name = find_field_name(ac->field_name);
	if (name && !group_allowed(name->group, type))
		return OO_AUTOCOMPLETE_WRONG_CONTROL;
	return OO_AUTOCOMPLETE_OK;
}

static int is_street_line(const char *name)
{
	return strcasecmp(name, "street-address") == 0 || strcasecmp(name, "address-line1") == 0;
}

int oo_autocomplete_agrees(const char *field_name, const char *concept_field_name)
{
	size_t len;

	if (!field_name || !concept_field_name)
		return 0;
	if (strcasecmp(field_name, concept_field_name) == 0)
		return 1;
	len = strlen(concept_field_name);
	if (strncasecmp(field_name, concept_field_name, len) == 0 && field_name[len] == '-')
		return 1;
	return is_street_line(field_name) && is_street_line(concept_field_name);
}

const char *oo_autocomplete_fault_text(oo_autocomplete_fault fault)
{
	switch (fault) {
	case OO_AUTOCOMPLETE_OK: return "is valid";
	case OO_AUTOCOMPLETE_EMPTY: return "is empty";
	case OO_AUTOCOMPLETE_TOO_LONG: return "is too long";
	case OO_AUTOCOMPLETE_UNKNOWN_NAME: return "does not end in an autofill field name";
	case OO_AUTOCOMPLETE_BAD_ORDER:
		return "has a token that is unknown or out of place (the order is section-*, "
		       "shipping or billing, home/work/mobile/fax/pager, field name, webauthn)";
	case OO_AUTOCOMPLETE_NOT_CONTACT:
		return "puts home, work, mobile, fax or pager before a field name that is no "
		       "telephone, email or impp field";
	case OO_AUTOCOMPLETE_ON_OFF_ALONE: return "combines \"on\" or \"off\" with other tokens";
	case OO_AUTOCOMPLETE_WRONG_CONTROL: return "names a field that this type of control cannot hold";
	}
	return "is invalid";
}
