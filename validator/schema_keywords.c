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

static int type_matches(unsigned types, const ovalue *instance)
{
	static const unsigned bits[] = {
		TYPE_NULL, TYPE_BOOLEAN, TYPE_BOOLEAN, 0, 0, TYPE_STRING, TYPE_ARRAY, TYPE_OBJECT
	};

	if (oo_schema__ov_is_number(instance))
		return (types & TYPE_NUMBER) || ((types & TYPE_INTEGER) && instance->integral);
	return (types & bits[instance->type]) != 0;
}

/* Reports a "type" failure; kept out of check_type, so that the valid
 * path does not clear the message buffer. */
static int report_type(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		       const ovalue *instance)
{
	char expected[96] = "";
	size_t i;

	for (i = 0; i < sizeof(type_words) / sizeof(type_words[0]); i++) {
		if (!(kw->types & (1u << i)))
			continue;
		if (expected[0])
			strcat(expected, " or ");
		strcat(expected, type_words[i]);
	}
	oo_schema__report(ctx, node, kw->name, "expected %s, got %s", expected,
	       oo_schema__ov_type_name(instance));
	return 0;
}

static int check_type(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		      const ovalue *instance)
{
	if (type_matches(kw->types, instance))
		return 1;
	if (!ctx->errors)
		return 0;
	return report_type(ctx, node, kw, instance);
}

static int check_enum(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		      const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	size_t i;

	for (i = 0; i < kw->model->len; i++) {
		if (oo_schema__ov_equal(instance, &kw->model->u.items[i]))
			return 1;
	}
	if (!ctx->errors)
		return 0;
	oo_schema__ov_quote(quoted, instance);
	oo_schema__report(ctx, node, kw->name, "value %s is not one of the allowed values", quoted);
	return 0;
}

static int check_const(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		       const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF], expected[OO_SCHEMA_QUOTE_BUF];

	if (oo_schema__ov_equal(instance, kw->model))
		return 1;
	if (!ctx->errors)
		return 0;
	oo_schema__ov_quote(quoted, instance);
	oo_schema__value_quote(expected, kw->value);
	oo_schema__report(ctx, node, kw->name, "value %s is not the required value %s", quoted, expected);
	return 0;
}

/* A quotient within rounding of an integer counts as a multiple, so that
 * 0.3 is a multiple of 0.1 as a reader expects. */
static int is_multiple(const ovalue *instance, const ovalue *divisor)
{
	double x = oo_schema__ov_number(instance), y = oo_schema__ov_number(divisor), q;

	if (instance->type == OV_INTEGER && divisor->type == OV_INTEGER)
		return instance->u.i % divisor->u.i == 0;
	q = x / y;
	/* A quotient beyond the double range (1e308 / 0.5) is tested with the
	 * exact remainder instead. */
	if (!isfinite(q))
		return fmod(x, y) == 0.0;
	return fabs(q - nearbyint(q)) < 1e-9 * fmax(1.0, fabs(q));
}

static int check_number(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF], limit[OO_SCHEMA_QUOTE_BUF];
	int cmp = oo_schema__ov_compare(instance, kw->model);
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
		fmt = is_multiple(instance, kw->model) ? NULL : "value %s is not a multiple of %s";
		break;
	}
	if (!fmt)
		return 1;
	if (!ctx->errors)
		return 0;
	oo_schema__ov_quote(quoted, instance);
	oo_schema__value_quote(limit, kw->value);
	oo_schema__report(ctx, node, kw->name, fmt, quoted, limit);
	return 0;
}

static int check_pattern(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			 const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF], pattern[OO_SCHEMA_QUOTE_BUF];
	int rc = oo_schema__regex_search(ctx, kw->regexes[0], instance->u.str, instance->len);

	if (rc == 1)
		return 1;
	if (!ctx->errors)
		return 0;
	oo_schema__ov_quote(quoted, instance);
	oo_schema__value_quote(pattern, kw->value);
	if (rc == 0)
		oo_schema__report(ctx, node, kw->name, "value %s does not match the pattern %s", quoted, pattern);
	else
		oo_schema__report(ctx, node, kw->name, "value %s could not be matched against the pattern %s within the match limits",
		       quoted, pattern);
	return 0;
}

static int check_format(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];

	if (kw->format(instance->u.str, instance->len))
		return 1;
	if (!ctx->errors)
		return 0;
	oo_schema__ov_quote(quoted, instance);
	oo_schema__report(ctx, node, kw->name, "value %s is not a valid \"%s\"", quoted,
			  json_string_value(kw->value));
	return 0;
}

static int check_string(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	size_t length;

	if (kw->kind == KW_PATTERN)
		return check_pattern(ctx, node, kw, instance);
	/* Lengths count Unicode code points, not bytes or UTF-16 units. A
	 * string has at most as many code points as bytes, so a short one
	 * passes "maxLength" without counting. */
	if (kw->kind == KW_MAX_LENGTH && instance->len <= kw->limit)
		return 1;
	/* A code point takes at most 4 bytes, so a long string passes
	 * "minLength" without counting too. */
	if (kw->kind == KW_MIN_LENGTH && instance->len / 4 >= kw->limit)
		return 1;
	length = oo_schema__utf8_length(instance->u.str, instance->len);
	if (kw->kind == KW_MIN_LENGTH ? length >= kw->limit : length <= kw->limit)
		return 1;
	if (!ctx->errors)
		return 0;
	oo_schema__ov_quote(quoted, instance);
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
			const ovalue *instance)
{
	char quoted[OO_SCHEMA_QUOTE_BUF];
	size_t i, j, n = instance->len;
	const ovalue *items = instance->u.items;

	if (!json_is_true(kw->value))
		return 1;
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			if (!oo_schema__ov_equal(&items[i], &items[j]))
				continue;
			oo_schema__ov_quote(quoted, &items[i]);
			oo_schema__report(ctx, node, kw->name, "array items %zu and %zu are both %s, but items must be unique",
			       i, j, quoted);
			return 0;
		}
	}
	return 1;
}

static void report_missing(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			   const char *name, size_t len, const char *trigger)
{
	char quoted[OO_SCHEMA_QUOTE_BUF], cause[OO_SCHEMA_QUOTE_BUF];

	oo_schema__key_quote(quoted, name, len);
	if (trigger) {
		oo_schema__key_quote(cause, trigger, strlen(trigger));
		oo_schema__report(ctx, node, kw->name, "missing property %s, which is required when %s is present",
		       quoted, cause);
	} else {
		oo_schema__report(ctx, node, kw->name, "missing required property %s", quoted);
	}
}

/* "required": the names, their lengths and hashes were prepared when
 * the schema was compiled. */
static int check_required(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			  const ovalue *instance)
{
	size_t i;
	int valid = 1;

	for (i = 0; i < kw->count; i++) {
		if (oo_schema__object_get(instance, kw->keys[i], kw->key_lens[i], kw->hashes[i]))
			continue;
		valid = 0;
		if (!ctx->errors)
			break;
		report_missing(ctx, node, kw, kw->keys[i], kw->key_lens[i], NULL);
	}
	return valid;
}

static int has_member(const ovalue *instance, const char *name, size_t len)
{
	return oo_schema__object_get(instance, name, len, oo_schema__hash(name, len)) != NULL;
}

static int check_dependent_required(validate_ctx *ctx, const schema_node *node,
				    const keyword *kw, const ovalue *instance)
{
	const char *key;
	json_t *names, *name;
	size_t i;
	int valid = 1;

	json_object_foreach(kw->value, key, names) {
		if (!has_member(instance, key, strlen(key)))
			continue;
		json_array_foreach(names, i, name) {
			if (has_member(instance, json_string_value(name), json_string_length(name)))
				continue;
			valid = 0;
			if (!ctx->errors)
				return 0;
			report_missing(ctx, node, kw, json_string_value(name), json_string_length(name),
				       key);
		}
	}
	return valid;
}

static int check_object(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance)
{
	switch (kw->kind) {
	case KW_MIN_PROPERTIES:
	case KW_MAX_PROPERTIES:
		return check_size(ctx, node, kw, instance->len, "object");
	case KW_REQUIRED:
		return check_required(ctx, node, kw, instance);
	default:
		return check_dependent_required(ctx, node, kw, instance);
	}
}

int oo_schema__validate_keyword(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		     const ovalue *instance)
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
		return !oo_schema__ov_is_number(instance) || check_number(ctx, node, kw, instance);
	case KW_FORMAT:
		return instance->type != OV_STRING || check_format(ctx, node, kw, instance);
	case KW_MIN_LENGTH: case KW_MAX_LENGTH: case KW_PATTERN:
		return instance->type != OV_STRING || check_string(ctx, node, kw, instance);
	case KW_MIN_ITEMS: case KW_MAX_ITEMS:
		return instance->type != OV_ARRAY ||
		       check_size(ctx, node, kw, instance->len, "array");
	case KW_UNIQUE_ITEMS:
		return instance->type != OV_ARRAY || check_unique(ctx, node, kw, instance);
	case KW_MIN_PROPERTIES: case KW_MAX_PROPERTIES: case KW_REQUIRED:
	case KW_DEPENDENT_REQUIRED:
		return instance->type != OV_OBJECT || check_object(ctx, node, kw, instance);
	case KW_UNEVALUATED_ITEMS: case KW_UNEVALUATED_PROPERTIES:
		return oo_schema__validate_unevaluated(ctx, node, kw, instance);
	default:
		return oo_schema__validate_applicator(ctx, node, kw, instance);
	}
}
