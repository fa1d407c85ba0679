/* SPDX-License-Identifier: EUPL-1.2 */
/* The instance model that validation runs on: its arena, member lookup,
 * equality and comparison as JSON Schema defines them, quoting values in
 * messages, and building the model from a jansson value. */
#include "schema_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"

struct arena_block {
	arena_block *next;
	size_t used, size;
	max_align_t data[];
};

#define ARENA_FIRST_BLOCK 4096
#define ARENA_MAX_BLOCK (1u << 20)

void *oo_schema__arena_alloc(oo_arena *arena, size_t size)
{
	arena_block *block = arena->head;
	size_t need = (size + 15) & ~(size_t)15;
	char *p;

	if (!block || block->size - block->used < need) {
		size_t bytes = arena->next_size ? arena->next_size : ARENA_FIRST_BLOCK;

		if (bytes < need)
			bytes = need;
		block = oo_malloc(sizeof(*block) + bytes);
		if (!block)
			return NULL;
		block->next = arena->head;
		block->used = 0;
		block->size = bytes;
		arena->head = block;
		arena->next_size = bytes < ARENA_MAX_BLOCK ? bytes * 2 : bytes;
	}
	p = (char *)block->data + block->used;
	block->used += need;
	return p;
}

void oo_schema__arena_free(oo_arena *arena)
{
	arena_block *block = arena->head, *next;

	for (; block; block = next) {
		next = block->next;
		oo_free(block);
	}
	arena->head = NULL;
}

const ovalue *oo_schema__object_get(const ovalue *object, const char *key, size_t len,
				    uint32_t hash)
{
	const omember *m = object->u.members, *end = m + object->len;

	for (; m < end; m++) {
		if (m->hash == hash && m->key_len == len && oo_schema__same_name(m->key, key, len))
			return &m->value;
	}
	return NULL;
}

int oo_schema__ov_compare(const ovalue *a, const ovalue *b)
{
	double x, y;

	if (a->type == OV_INTEGER && b->type == OV_INTEGER)
		return (a->u.i > b->u.i) - (a->u.i < b->u.i);
	x = oo_schema__ov_number(a);
	y = oo_schema__ov_number(b);
	return (x > y) - (x < y);
}

static int object_equal(const ovalue *a, const ovalue *b)
{
	uint32_t i;

	if (a->len != b->len)
		return 0;
	for (i = 0; i < a->len; i++) {
		const omember *m = &a->u.members[i];
		const ovalue *other = oo_schema__object_get(b, m->key, m->key_len, m->hash);

		if (!other || !oo_schema__ov_equal(&m->value, other))
			return 0;
	}
	return 1;
}

/* Numbers are equal by value whatever their lexical form, so 1 equals
 * 1.0, as the 2020-12 validation specification requires. */
int oo_schema__ov_equal(const ovalue *a, const ovalue *b)
{
	uint32_t i;

	if (oo_schema__ov_is_number(a) && oo_schema__ov_is_number(b))
		return oo_schema__ov_compare(a, b) == 0;
	if (a->type != b->type)
		return 0;
	switch (a->type) {
	case OV_OBJECT:
		return object_equal(a, b);
	case OV_ARRAY:
		if (a->len != b->len)
			return 0;
		for (i = 0; i < a->len; i++) {
			if (!oo_schema__ov_equal(&a->u.items[i], &b->u.items[i]))
				return 0;
		}
		return 1;
	case OV_STRING:
		return a->len == b->len && memcmp(a->u.str, b->u.str, a->len) == 0;
	default:
		return 1;
	}
}

const char *oo_schema__ov_type_name(const ovalue *v)
{
	static const char *const names[] = {
		"null", "boolean", "boolean", "integer", "number", "string", "array", "object"
	};

	if (v->type == OV_REAL && v->integral)
		return "integer";
	return names[v->type];
}

/* ---- quoting, in the compact form that json_dumps of jansson 2.14 writes ---- */

static void put_string(oo_buf *buf, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	oo_buf_putc(buf, '"');
	for (i = 0; i < len && buf->len <= OO_SCHEMA_QUOTE_MAX; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *escape = NULL;

		switch (c) {
		case '"': escape = "\\\""; break;
		case '\\': escape = "\\\\"; break;
		case '\b': escape = "\\b"; break;
		case '\f': escape = "\\f"; break;
		case '\n': escape = "\\n"; break;
		case '\r': escape = "\\r"; break;
		case '\t': escape = "\\t"; break;
		default: break;
		}
		if (escape) {
			oo_buf_puts(buf, escape);
		} else if (c < 0x20) {
			char seq[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], '\0' };

			oo_buf_puts(buf, seq);
		} else {
			oo_buf_putc(buf, (char)c);
		}
	}
	oo_buf_putc(buf, '"');
}

/* jansson writes a real with 17 significant digits, adds ".0" when the
 * text would read as an integer, and drops "+" and leading zeros from
 * the exponent: 1e20, 1.0, 1.0000000000000001e-5. */
static void put_real(oo_buf *buf, double d)
{
	char text[40], out[40];
	size_t i, o = 0;

	snprintf(text, sizeof(text), "%.17g", d);
	if (!strchr(text, '.') && !strchr(text, 'e') && !strchr(text, 'n') && !strchr(text, 'i'))
		strcat(text, ".0");
	for (i = 0; text[i]; i++) {
		out[o++] = text[i];
		if (text[i] != 'e')
			continue;
		if (text[i + 1] == '+')
			i++;
		else if (text[i + 1] == '-')
			out[o++] = text[++i];
		while (text[i + 1] == '0' && text[i + 2])
			i++;
	}
	out[o] = '\0';
	oo_buf_puts(buf, out);
}

static void put_value(oo_buf *buf, const ovalue *v)
{
	uint32_t i;

	switch (v->type) {
	case OV_NULL: oo_buf_puts(buf, "null"); return;
	case OV_FALSE: oo_buf_puts(buf, "false"); return;
	case OV_TRUE: oo_buf_puts(buf, "true"); return;
	case OV_INTEGER: oo_buf_printf(buf, "%lld", v->u.i); return;
	case OV_REAL: put_real(buf, v->u.d); return;
	case OV_STRING: put_string(buf, v->u.str, v->len); return;
	case OV_ARRAY:
		oo_buf_putc(buf, '[');
		for (i = 0; i < v->len && buf->len <= OO_SCHEMA_QUOTE_MAX; i++) {
			if (i)
				oo_buf_putc(buf, ',');
			put_value(buf, &v->u.items[i]);
		}
		oo_buf_putc(buf, ']');
		return;
	default:
		oo_buf_putc(buf, '{');
		for (i = 0; i < v->len && buf->len <= OO_SCHEMA_QUOTE_MAX; i++) {
			if (i)
				oo_buf_putc(buf, ',');
			put_string(buf, v->u.members[i].key, v->u.members[i].key_len);
			oo_buf_putc(buf, ':');
			put_value(buf, &v->u.members[i].value);
		}
		oo_buf_putc(buf, '}');
		return;
	}
}

/* Writing stops soon after the maximum, so quoting a large value costs
 * no more than quoting a small one. */
void oo_schema__ov_quote(char out[OO_SCHEMA_QUOTE_BUF], const ovalue *v)
{
	oo_buf buf = OO_BUF_INIT;

	put_value(&buf, v);
	if (buf.failed || !buf.data)
		strcpy(out, "(value)");
	else
		oo_schema__quote_cut(out, buf.data, buf.len);
	oo_buf_free(&buf);
}

void oo_schema__key_quote(char out[OO_SCHEMA_QUOTE_BUF], const char *key, size_t len)
{
	oo_buf buf = OO_BUF_INIT;

	put_string(&buf, key, len);
	if (buf.failed || !buf.data)
		strcpy(out, "(name)");
	else
		oo_schema__quote_cut(out, buf.data, buf.len);
	oo_buf_free(&buf);
}

/* ---- the model of a jansson value ---- */

static oo_status from_json(ovalue *out, json_t *json, oo_arena *arena, int depth);

static oo_status object_from_json(ovalue *out, json_t *json, oo_arena *arena, int depth)
{
	size_t n = json_object_size(json), i = 0;
	const char *key;
	json_t *value;
	oo_status rc = OO_OK;

	out->type = OV_OBJECT;
	out->len = (uint32_t)n;
	out->u.members = oo_schema__arena_alloc(arena, (n ? n : 1) * sizeof(omember));
	if (!out->u.members)
		return OO_ENOMEM;
	json_object_foreach(json, key, value) {
		omember *m = &out->u.members[i++];

		m->key = key;
		m->key_len = (uint32_t)strlen(key);
		m->hash = oo_schema__hash(key, m->key_len);
		rc = from_json(&m->value, value, arena, depth + 1);
		if (rc != OO_OK)
			return rc;
	}
	return OO_OK;
}

static oo_status array_from_json(ovalue *out, json_t *json, oo_arena *arena, int depth)
{
	size_t n = json_array_size(json), i;
	oo_status rc = OO_OK;

	out->type = OV_ARRAY;
	out->len = (uint32_t)n;
	out->u.items = oo_schema__arena_alloc(arena, (n ? n : 1) * sizeof(ovalue));
	if (!out->u.items)
		return OO_ENOMEM;
	for (i = 0; i < n && rc == OO_OK; i++)
		rc = from_json(&out->u.items[i], json_array_get(json, i), arena, depth + 1);
	return rc;
}

static oo_status from_json(ovalue *out, json_t *json, oo_arena *arena, int depth)
{
	memset(out, 0, sizeof(*out));
	if (depth > OO_SCHEMA_MAX_EVAL_DEPTH)
		return OO_ELIMIT;
	switch (json_typeof(json)) {
	case JSON_OBJECT:
		return object_from_json(out, json, arena, depth);
	case JSON_ARRAY:
		return array_from_json(out, json, arena, depth);
	case JSON_STRING:
		out->type = OV_STRING;
		out->len = (uint32_t)json_string_length(json);
		out->u.str = json_string_value(json);
		return OO_OK;
	case JSON_INTEGER:
		out->type = OV_INTEGER;
		out->integral = 1;
		out->u.i = json_integer_value(json);
		return OO_OK;
	case JSON_REAL:
		out->type = OV_REAL;
		out->u.d = json_real_value(json);
		out->integral = isfinite(out->u.d) && floor(out->u.d) == out->u.d;
		return OO_OK;
	case JSON_TRUE:
		out->type = OV_TRUE;
		return OO_OK;
	case JSON_FALSE:
		out->type = OV_FALSE;
		return OO_OK;
	default:
		out->type = OV_NULL;
		return OO_OK;
	}
}

oo_status oo_schema__model_from_json(ovalue *out, json_t *json, oo_arena *arena)
{
	return from_json(out, json, arena, 0);
}
