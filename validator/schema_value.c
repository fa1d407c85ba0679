/* SPDX-License-Identifier: EUPL-1.2 */
/* jansson value helpers of the schema compiler: integer test, type names
 * and quoting schema values in messages, and UTF-8 helpers. */
#include "schema_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"

int oo_schema__value_is_integer(json_t *v)
{
	double d;

	if (json_is_integer(v))
		return 1;
	if (!json_is_real(v))
		return 0;
	d = json_real_value(v);
	return isfinite(d) && floor(d) == d;
}

const char *oo_schema__value_type_name(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "object";
	case JSON_ARRAY:
		return "array";
	case JSON_STRING:
		return "string";
	case JSON_INTEGER:
		return "integer";
	case JSON_REAL:
		return oo_schema__value_is_integer(v) ? "integer" : "number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "boolean";
	default:
		return "null";
	}
}

/* Cuts at a UTF-8 character boundary so the message stays valid UTF-8. */
void oo_schema__quote_cut(char out[OO_SCHEMA_QUOTE_BUF], const char *text, size_t len)
{
	if (len <= OO_SCHEMA_QUOTE_MAX) {
		memcpy(out, text, len);
		out[len] = '\0';
		return;
	}
	len = OO_SCHEMA_QUOTE_MAX;
	while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
		len--;
	memcpy(out, text, len);
	strcpy(out + len, "...");
}

void oo_schema__value_quote(char out[OO_SCHEMA_QUOTE_BUF], json_t *v)
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

	if (!text) {
		strcpy(out, "(value)");
		return;
	}
	oo_schema__quote_cut(out, text, strlen(text));
	free(text);
}

/* Counts the bytes that do not continue a character (10xxxxxx), eight at
 * a time: bit 7 of a byte set and bit 6 clear marks a continuation. */
size_t oo_schema__utf8_length(const char *s, size_t len)
{
	const uint64_t high = 0x8080808080808080ull;
	size_t count = 0, i = 0;
	uint64_t word;

	for (; i + 8 <= len; i += 8) {
		memcpy(&word, s + i, 8);
		word = (word & ~(word << 1) & high) >> 7;
		/* The multiplication sums the eight 0-or-1 bytes into the top one. */
		count += 8 - (size_t)((word * 0x0101010101010101ull) >> 56);
	}
	for (; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	}
	return count;
}
