/* SPDX-License-Identifier: EUPL-1.2 */
/* The assertion keywords of the 2020-12 validation vocabulary. Each one
 * applies to one instance type and ignores the others. */
#include "schema_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const type_words[] = {
	"null", "boolean", "object", "array", "number", "string", "integer"
};

static int type_matches(unsigned types, json_t *instance)
{
	switch (json_typeof(instance)) {
	case JSON_NULL:
		return types & TYPE_NULL;
	case JSON_TRUE:
	case JSON_FALSE:
		return types & TYPE_BOOLEAN;
	case JSON_OBJECT:
		return types & TYPE_OBJECT;
	case JSON_ARRAY:
		return types & TYPE_ARRAY;
	case JSON_STRING:
		return types & TYPE_STRING;
	default:
		return (types & TYPE_NUMBER) ||
		       ((types & TYPE_INTEGER) && oo_schema__value_is_integer(instance));
	}
}

static int check_type(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		      json_t *instance)
{
	char expected[96] = "";
	size_t i;

	if (type_matches(kw->types, instance))
		return 1;
	for (i = 0; i < sizeof(type_words) / sizeof(type_words[0]); i++) {
		if (!(kw->types & (1u << i)))
			continue;
		if (expected[0])
			strcat(expected, " or ");
		strcat(expected, type_words[i]);
	}
	oo_schema__report(ctx, node, kw->name, "expected %s, got %s", expected,
	       oo_schema__value_type_name(instance));
	return 0;
}

static int check_enum(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		      json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	size_t i;

	for (i = 0; i < json_array_size(kw->value); i++) {
		if (oo_schema__value_equal(instance, json_array_get(kw->value, i)))
			return 1;
	}
	oo_schema__value_quote(quoted, instance);
	oo_schema__report(ctx, node, kw->name, "value %s is not one of the allowed values", quoted);
	return 0;
}

static int check_const(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		       json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF], expected[OO_SCHEMA_QUOTE_BUF];

	if (oo_schema__value_equal(instance, kw->value))
		return 1;
	oo_schema__value_quote(quoted, instance);
	oo_schema__value_quote(expected, kw->value);
	oo_schema__report(ctx, node, kw->name, "value %s is not the required value %s", quoted, expected);
	return 0;
}

/* A quotient within rounding of an integer counts as a multiple, so that
 * 0.3 is a multiple of 0.1 as a reader expects. */
static int is_multiple(json_t *instance, json_t *divisor)
{
	double q;

	if (json_is_integer(instance) && json_is_integer(divisor))
		return json_integer_value(instance) % json_integer_value(divisor) == 0;
	q = json_number_value(instance) / json_number_value(divisor);
	/* A quotient beyond the double range (1e308 / 0.5) is tested with the
	 * exact remainder instead. */
	if (!isfinite(q))
		return fmod(json_number_value(instance), json_number_value(divisor)) == 0.0;
	return fabs(q - nearbyint(q)) < 1e-9 * fmax(1.0, fabs(q));
}

static int check_number(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF], limit[OO_SCHEMA_QUOTE_BUF];
	int cmp = oo_schema__number_compare(instance, kw->value);
	const char *fmt;

	switch (kw->kind) {
	case KW_MINIMUM:
		fmt = cmp >= 0 ? NULL : "value %s is less than the minimum of %s";
		break;
	case KW_MAXIMUM:
		fmt = cmp <= 0 ? NULL : "value %s is greater than the maximum of %s";
		break;
	case KW_EXCLUSIVE_MINIMUM:
		fmt = cmp > 0 ? NULL : "value %s is not greater than the exclusive minimum of %s";
		break;
	case KW_EXCLUSIVE_MAXIMUM:
		fmt = cmp < 0 ? NULL : "value %s is not less than the exclusive maximum of %s";
		break;
	default:
		fmt = is_multiple(instance, kw->value) ? NULL : "value %s is not a multiple of %s";
		break;
	}
	if (!fmt)
		return 1;
	oo_schema__value_quote(quoted, instance);
	oo_schema__value_quote(limit, kw->value);
	oo_schema__report(ctx, node, kw->name, fmt, quoted, limit);
	return 0;
}

static int check_pattern(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			 json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF], pattern[OO_SCHEMA_QUOTE_BUF];
	int rc = oo_schema__regex_search(ctx, kw->regexes[0], json_string_value(instance),
			      json_string_length(instance));

	if (rc == 1)
		return 1;
	oo_schema__value_quote(quoted, instance);
	oo_schema__value_quote(pattern, kw->value);
	if (rc == 0)
		oo_schema__report(ctx, node, kw->name, "value %s does not match the pattern %s", quoted, pattern);
	else
		oo_schema__report(ctx, node, kw->name, "value %s could not be matched against the pattern %s within the match limits",
		       quoted, pattern);
	return 0;
}

static int check_format(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];

	if (kw->format(json_string_value(instance), json_string_length(instance)))
		return 1;
	oo_schema__value_quote(quoted, instance);
	oo_schema__report(ctx, node, kw->name, "value %s is not a valid \"%s\"", quoted,
			  json_string_value(kw->value));
	return 0;
}

static int check_string(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	size_t length;

	if (kw->kind == KW_PATTERN)
		return check_pattern(ctx, node, kw, instance);
	/* Lengths count Unicode code points, not bytes or UTF-16 units. */
	length = oo_schema__utf8_length(json_string_value(instance), json_string_length(instance));
	if (kw->kind == KW_MIN_LENGTH ? length >= kw->limit : length <= kw->limit)
		return 1;
	oo_schema__value_quote(quoted, instance);
	oo_schema__report(ctx, node, kw->name, "string %s has %zu characters, %s than the %s of %zu",
	       quoted, length, kw->kind == KW_MIN_LENGTH ? "fewer" : "more",
	       kw->kind == KW_MIN_LENGTH ? "minimum" : "maximum", kw->limit);
	return 0;
}

static int check_size(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		      size_t size, const char *noun)
{
	int is_min = kw->kind == KW_MIN_ITEMS || kw->kind == KW_MIN_PROPERTIES;

	if (is_min ? size >= kw->limit : size <= kw->limit)
		return 1;
	oo_schema__report(ctx, node, kw->name, "%s has %zu %s, %s than the %s of %zu",
	       noun, size, noun[0] == 'a' ? "items" : "properties",
	       is_min ? "fewer" : "more", is_min ? "minimum" : "maximum", kw->limit);
	return 0;
}

static int check_unique(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			json_t *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	size_t i, j, n = json_array_size(instance);

	if (!json_is_true(kw->value))
		return 1;
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			if (!oo_schema__value_equal(json_array_get(instance, i), json_array_get(instance, j)))
				continue;
			oo_schema__value_quote(quoted, json_array_get(instance, i));
			oo_schema__report(ctx, node, kw->name, "array items %zu and %zu are both %s, but items must be unique",
			       i, j, quoted);
			return 0;
		}
	}
	return 1;
}

static int check_required(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			  json_t *names, json_t *instance, const char *trigger)
{
	char quoted[OO_SCHEMA_QUOTE_BUF], cause[OO_SCHEMA_QUOTE_BUF];
	const char *name;
	size_t i;
	int valid = 1;

	for (i = 0; i < json_array_size(names); i++) {
		name = json_string_value(json_array_get(names, i));
		if (json_object_get(instance, name))
			continue;
		valid = 0;
		oo_schema__key_quote(quoted, name);
		if (trigger) {
			oo_schema__key_quote(cause, trigger);
			oo_schema__report(ctx, node, kw->name, "missing property %s, which is required when %s is present",
			       quoted, cause);
		} else {
			oo_schema__report(ctx, node, kw->name, "missing required property %s", quoted);
		}
		if (!ctx->errors)
			break;
	}
	return valid;
}

static int check_dependent_required(validate_ctx *ctx, const schema_node *node,
				    const keyword *kw, json_t *instance)
{
	const char *key;
	json_t *names;
	int valid = 1;

	json_object_foreach(kw->value, key, names) {
		if (json_object_get(instance, key) &&
		    !check_required(ctx, node, kw, names, instance, key))
			valid = 0;
	}
	return valid;
}

static int check_object(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			json_t *instance)
{
	switch (kw->kind) {
	case KW_MIN_PROPERTIES:
	case KW_MAX_PROPERTIES:
		return check_size(ctx, node, kw, json_object_size(instance), "object");
	case KW_REQUIRED:
		return check_required(ctx, node, kw, kw->value, instance, NULL);
	default:
		return check_dependent_required(ctx, node, kw, instance);
	}
}

int oo_schema__validate_keyword(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		     json_t *instance)
{
	switch (kw->kind) {
	case KW_TYPE:
		return check_type(ctx, node, kw, instance);
	case KW_ENUM:
		return check_enum(ctx, node, kw, instance);
	case KW_CONST:
		return check_const(ctx, node, kw, instance);
	case KW_MULTIPLE_OF: case KW_MINIMUM: case KW_MAXIMUM:
	case KW_EXCLUSIVE_MINIMUM: case KW_EXCLUSIVE_MAXIMUM:
		return !json_is_number(instance) || check_number(ctx, node, kw, instance);
	case KW_FORMAT:
		return !json_is_string(instance) || check_format(ctx, node, kw, instance);
	case KW_MIN_LENGTH: case KW_MAX_LENGTH: case KW_PATTERN:
		return !json_is_string(instance) || check_string(ctx, node, kw, instance);
	case KW_MIN_ITEMS: case KW_MAX_ITEMS:
		return !json_is_array(instance) ||
		       check_size(ctx, node, kw, json_array_size(instance), "array");
	case KW_UNIQUE_ITEMS:
		return !json_is_array(instance) || check_unique(ctx, node, kw, instance);
	case KW_MIN_PROPERTIES: case KW_MAX_PROPERTIES: case KW_REQUIRED:
	case KW_DEPENDENT_REQUIRED:
		return !json_is_object(instance) || check_object(ctx, node, kw, instance);
	case KW_UNEVALUATED_ITEMS: case KW_UNEVALUATED_PROPERTIES:
		return oo_schema__validate_unevaluated(ctx, node, kw, instance);
	default:
		return oo_schema__validate_applicator(ctx, node, kw, instance);
	}
}
