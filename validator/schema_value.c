/* SPDX-License-Identifier: EUPL-1.2 */
/* JSON value helpers of the schema engine: equality as JSON Schema
 * defines it, number comparison, and quoting values in messages. */
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

int oo_schema__number_compare(json_t *a, json_t *b)
{
	double x, y;

	if (json_is_integer(a) && json_is_integer(b)) {
		json_int_t i = json_integer_value(a), j = json_integer_value(b);

		return (i > j) - (i < j);
	}
	x = json_number_value(a);
	y = json_number_value(b);
	return (x > y) - (x < y);
}

static int object_equal(json_t *a, json_t *b)
{
	const char *key;
	json_t *value;

	if (json_object_size(a) != json_object_size(b))
		return 0;
	json_object_foreach(a, key, value) {
		json_t *other = json_object_get(b, key);

		if (!other || !oo_schema__value_equal(value, other))
			return 0;
	}
	return 1;
}

static int array_equal(json_t *a, json_t *b)
{
	size_t i;

	if (json_array_size(a) != json_array_size(b))
		return 0;
	for (i = 0; i < json_array_size(a); i++) {
		if (!oo_schema__value_equal(json_array_get(a, i), json_array_get(b, i)))
			return 0;
	}
	return 1;
}

/* Numbers are equal by value whatever their lexical form, so 1 equals
 * 1.0, as the 2020-12 validation specification requires. */
int oo_schema__value_equal(json_t *a, json_t *b)
{
	if (json_is_number(a) && json_is_number(b))
		return oo_schema__number_compare(a, b) == 0;
	if (json_typeof(a) != json_typeof(b))
		return 0;
	switch (json_typeof(a)) {
	case JSON_OBJECT:
		return object_equal(a, b);
	case JSON_ARRAY:
		return array_equal(a, b);
	case JSON_STRING:
		return json_string_length(a) == json_string_length(b) &&
		       memcmp(json_string_value(a), json_string_value(b),
			      json_string_length(a)) == 0;
	default:
		return 1;
	}
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
void oo_schema__value_quote(char out[OO_SCHEMA_QUOTE_BUF], json_t *v)
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	size_t len;

	if (!text) {
		strcpy(out, "(value)");
		return;
	}
	len = strlen(text);
	if (len <= OO_SCHEMA_QUOTE_MAX) {
		memcpy(out, text, len + 1);
	} else {
		len = OO_SCHEMA_QUOTE_MAX;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
		memcpy(out, text, len);
		strcpy(out + len, "...");
	}
	free(text);
}

void oo_schema__key_quote(char out[OO_SCHEMA_QUOTE_BUF], const char *key)
{
	json_t *s = json_string(key);

	oo_schema__value_quote(out, s);
	json_decref(s);
}

size_t oo_schema__utf8_length(const char *s, size_t len)
{
	size_t count = 0, i;

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	}
	return count;
}

size_t oo_schema__utf8_encode(char out[4], unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
