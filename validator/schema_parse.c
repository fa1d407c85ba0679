/* SPDX-License-Identifier: EUPL-1.2 */
/* A JSON text parser (RFC 8259) that builds the instance model directly,
 * for oo_schema_validate_text. It accepts what jansson's json_loadb
 * accepts with JSON_ALLOW_NUL and JSON_DECODE_ANY, rejects duplicate
 * member names as oo_json_parse does, and reads integers beyond 64 bits
 * as doubles where jansson gives up. Strings without escapes are not
 * copied: the model points into the text. */
#include "schema_internal.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/json.h"

#define PARSER_STACK 32

typedef struct {
	const char *text, *p, *end;
	oo_arena *arena;
	omember *members;          /* members of the objects still open */
	size_t member_count, member_cap;
	ovalue *items;             /* items of the arrays still open */
	size_t item_count, item_cap;
	uint32_t *seen;            /* duplicate-name table of one object */
	size_t seen_cap;
	oo_buf scratch;            /* a string being unescaped */
	const char *error;         /* what is wrong, at error_at */
	const char *error_at;
	oo_status status;
	int depth;
	char duplicate[OO_SCHEMA_QUOTE_BUF + 32]; /* the error for a duplicate name */
	/* The first members and items, so that a small document needs no
	 * stack allocation. */
	omember member_space[PARSER_STACK];
	ovalue item_space[PARSER_STACK];
} parser;

static int fail(parser *ps, const char *at, const char *what)
{
	if (ps->status == OO_OK) {
		ps->status = OO_EPARSE;
		ps->error = what;
		ps->error_at = at;
	}
	return 0;
}

static int no_memory(parser *ps)
{
	if (ps->status == OO_OK)
		ps->status = OO_ENOMEM;
	return 0;
}

static inline void skip_space(parser *ps)
{
	const uint64_t spaces = 0x2020202020202020ull;
	const char *p = ps->p, *end = ps->end;
	uint64_t word;

	/* Most tokens follow the previous one directly or after one space. */
	if (p < end && (unsigned char)*p > ' ')
		return;
	while (p < end) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
			p++;
			continue;
		}
		if (*p != ' ')
			break;
		/* Indentation comes in runs of spaces: skip a run by words. */
		if (end - p < 8) {
			p++;
			continue;
		}
		memcpy(&word, p, 8);
		word ^= spaces;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		p += word ? __builtin_ctzll(word) / 8 : 8;
#else
		p += word ? 1 : 8;
#endif
	}
	ps->p = p;
}

/* Returns the length of the valid UTF-8 sequence at s (s[0] >= 0x80),
 * or 0: overlong forms, surrogates and code points beyond U+10FFFF are
 * invalid, as in jansson. */
static size_t utf8_sequence(const unsigned char *s, const unsigned char *end)
{
	unsigned cp;
	size_t n, i;

	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if ((size_t)(end - s) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

/* Nonzero when one of the 8 bytes in x is '"', '\\', below 0x20 or at
 * least 0x80: a byte the plain scan of a string must stop at. */
static uint64_t special_bytes(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ull;
	uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');

	return ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
	       (x - ones * 0x20) | x;
}

/* Decodes the \u escape at s (s[0] is the backslash), with a following
 * low surrogate when it is a high one, and returns the bytes used. */
static size_t unicode_escape(parser *ps, const char *s)
{
	char utf8[4];
	unsigned cp, low;

	if (ps->end - s < 6 || !oo_json_hex4(s + 2, &cp))
		return fail(ps, s, "invalid \\u escape");
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return fail(ps, s, "invalid Unicode: a lone low surrogate");
	if (cp < 0xD800 || cp > 0xDBFF) {
		oo_buf_append(&ps->scratch, utf8, oo_utf8_encode(utf8, cp));
		return 6;
	}
	if (ps->end - s < 12 || s[6] != '\\' || s[7] != 'u' || !oo_json_hex4(s + 8, &low) ||
	    low < 0xDC00 || low > 0xDFFF)
		return fail(ps, s, "invalid Unicode: a high surrogate without a low one");
	cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
	oo_buf_append(&ps->scratch, utf8, oo_utf8_encode(utf8, cp));
	return 12;
}

static size_t simple_escape(parser *ps, const char *s)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit;

	if (ps->end - s < 2)
		return fail(ps, s, "premature end of input");
	if (s[1] == 'u')
		return unicode_escape(ps, s);
	hit = s[1] ? strchr(from, s[1]) : NULL;
	if (!hit)
		return fail(ps, s, "invalid escape");
	oo_buf_putc(&ps->scratch, to[hit - from]);
	return 2;
}

/* Unescapes the rest of a string from s into scratch, then copies it to
 * the arena. */
static int unescape_string(parser *ps, const char *start, const char *s, const char **out,
			   uint32_t *len)
{
	const unsigned char *u;
	size_t n;

	oo_buf_reset(&ps->scratch);
	oo_buf_append(&ps->scratch, start, (size_t)(s - start));
	while (s < ps->end && *s != '"') {
		u = (const unsigned char *)s;
		if (*s == '\\')
			n = simple_escape(ps, s);
		else if (*u < 0x20)
			return fail(ps, s, "control character in a string");
		else if (*u < 0x80)
			n = (oo_buf_putc(&ps->scratch, *s), 1);
		else if ((n = utf8_sequence(u, (const unsigned char *)ps->end)))
			oo_buf_append(&ps->scratch, s, n);
		else
			return fail(ps, s, "invalid UTF-8 in a string");
		if (!n)
			return 0;
		s += n;
	}
	if (s >= ps->end)
		return fail(ps, s, "premature end of input in a string");
	if (ps->scratch.failed || ps->scratch.len > UINT32_MAX)
		return no_memory(ps);
	*len = (uint32_t)ps->scratch.len;
	*out = oo_schema__arena_alloc(ps->arena, *len + 1);
	if (!*out)
		return no_memory(ps);
	memcpy((char *)*out, ps->scratch.data ? ps->scratch.data : "", *len);
	ps->p = s + 1;
	return 1;
}

/* Parses the string at ps->p (at its opening quote). */
static int parse_string(parser *ps, const char **out, uint32_t *len)
{
	const char *start = ps->p + 1, *s = start, *end = ps->end;
	uint64_t chunk;
	size_t n;

	for (;;) {
		while (end - s >= 8) {
			memcpy(&chunk, s, 8);
			chunk = special_bytes(chunk) & 0x8080808080808080ull;
			if (chunk) {
				/* The lowest flagged byte is a real stop, because the
				 * borrows of the subtractions only reach higher bytes. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				s += __builtin_ctzll(chunk) / 8;
#endif
				break;
			}
			s += 8;
		}
		if (s >= end)
			return fail(ps, s, "premature end of input in a string");
		if (*s == '"')
			break;
		if (*s == '\\')
			return unescape_string(ps, start, s, out, len);
		if ((unsigned char)*s < 0x20)
			return fail(ps, s, "control character in a string");
		if ((unsigned char)*s < 0x80) {
			s++;
			continue;
		}
		n = utf8_sequence((const unsigned char *)s, (const unsigned char *)end);
		if (!n)
			return fail(ps, s, "invalid UTF-8 in a string");
		s += n;
	}
	if ((size_t)(s - start) > UINT32_MAX)
		return fail(ps, start, "string longer than 4 GiB");
	*out = start;
	*len = (uint32_t)(s - start);
	ps->p = s + 1;
	return 1;
}

static const char *skip_digits(const char *p, const char *end)
{
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	return p;
}

/* Computes the number from start to end when its digits, at most 15,
 * and its power of ten, at most 22, are both exact doubles: then one
 * multiplication or division rounds correctly (Clinger's fast path). */
static int fast_real(const char *start, const char *end, double *out)
{
	static const double powers[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
	};
	const char *p = start;
	unsigned long long mantissa = 0;
	int digits = 0, exponent = 0, exp_value = 0, exp_negative = 0, negative = *p == '-';
	int in_fraction = 0;

	p += negative;
	for (; p < end && *p != 'e' && *p != 'E'; p++) {
		if (*p == '.') {
			in_fraction = 1;
			continue;
		}
		if (++digits > 15)
			return 0;
		mantissa = mantissa * 10 + (unsigned long long)(*p - '0');
		exponent -= in_fraction;
	}
	if (p < end) {
		p++;
		if (*p == '+' || *p == '-')
			exp_negative = *p++ == '-';
		for (; p < end && exp_value < 100; p++)
			exp_value = exp_value * 10 + (*p - '0');
		if (p < end)
			return 0;
		exponent += exp_negative ? -exp_value : exp_value;
	}
	if (exponent < -22 || exponent > 22)
		return 0;
	*out = exponent < 0 ? (double)mantissa / powers[-exponent]
			    : (double)mantissa * powers[exponent];
	if (negative)
		*out = -*out;
	return 1;
}

/* Reads a number with a fraction, an exponent or too many digits for
 * 64 bits. strtod needs a terminated copy, because the text need not end
 * after the number. */
static int parse_real(parser *ps, const char *start, const char *end, ovalue *out)
{
	char local[64], *copy = local;
	size_t n = (size_t)(end - start);
	double d;

	if (fast_real(start, end, &d)) {
		out->type = OV_REAL;
		out->u.d = d;
		out->integral = floor(d) == d;
		return 1;
	}

	if (n >= sizeof(local) && !(copy = oo_malloc(n + 1)))
		return no_memory(ps);
	memcpy(copy, start, n);
	copy[n] = '\0';
	errno = 0;
	d = strtod(copy, NULL);
	if (copy != local)
		oo_free(copy);
	if (errno == ERANGE && isinf(d))
		return fail(ps, start, "real number overflow");
	out->type = OV_REAL;
	out->u.d = d;
	out->integral = isfinite(d) && floor(d) == d;
	return 1;
}

static int parse_number(parser *ps, ovalue *out)
{
	const char *start = ps->p, *p = start, *end = ps->end, *digits;
	unsigned long long v = 0, limit;
	int negative = 0, is_real = 0;

	if (p < end && *p == '-')
		negative = 1, p++;
	digits = p;
	if (p < end && *p == '0')
		p++;
	else if (p < end && *p >= '1' && *p <= '9')
		p = skip_digits(p, end);
	else
		return fail(ps, start, "invalid number");
	if (p < end && *p >= '0' && *p <= '9')
		return fail(ps, start, "invalid number: a leading zero");
	if (p < end && *p == '.') {
		const char *frac = ++p;

		p = skip_digits(p, end);
		if (p == frac)
			return fail(ps, start, "invalid number: no digit after '.'");
		is_real = 1;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		const char *exp;

		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		exp = p;
		p = skip_digits(p, end);
		if (p == exp)
			return fail(ps, start, "invalid number: no digit in the exponent");
		is_real = 1;
	}
	ps->p = p;
	if (is_real || p - digits > 19)
		return parse_real(ps, start, p, out);
	for (; digits < p; digits++)
		v = v * 10 + (unsigned long long)(*digits - '0');
	limit = negative ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	if (v > limit)
		return parse_real(ps, start, p, out);
	out->type = OV_INTEGER;
	out->integral = 1;
	out->u.i = negative ? (long long)(0 - v) : (long long)v;
	return 1;
}

static int parse_value(parser *ps, ovalue *out);

static int push_member(parser *ps, const omember *m)
{
	if (ps->member_count == ps->member_cap) {
		size_t cap = ps->member_cap * 2;
		omember *grown = oo_realloc(ps->members == ps->member_space ? NULL : ps->members,
					    cap * sizeof(*grown));

		if (!grown)
			return no_memory(ps);
		if (ps->members == ps->member_space)
			memcpy(grown, ps->member_space, sizeof(ps->member_space));
		ps->members = grown;
		ps->member_cap = cap;
	}
	ps->members[ps->member_count++] = *m;
	return 1;
}

static int push_item(parser *ps, const ovalue *v)
{
	if (ps->item_count == ps->item_cap) {
		size_t cap = ps->item_cap * 2;
		ovalue *grown = oo_realloc(ps->items == ps->item_space ? NULL : ps->items,
					   cap * sizeof(*grown));

		if (!grown)
			return no_memory(ps);
		if (ps->items == ps->item_space)
			memcpy(grown, ps->item_space, sizeof(ps->item_space));
		ps->items = grown;
		ps->item_cap = cap;
	}
	ps->items[ps->item_count++] = *v;
	return 1;
}

static int same_name(const omember *a, const omember *b)
{
	return a->hash == b->hash && a->key_len == b->key_len &&
	       memcmp(a->key, b->key, a->key_len) == 0;
}

/* Finds a name that occurs twice among the n members at m: pairwise for
 * a few members, through a hash table of indexes for more. */
static const omember *duplicate_name(parser *ps, const omember *m, size_t n)
{
	size_t i, j, size = 16, mask;

	if (n <= 12) {
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (same_name(&m[i], &m[j]))
					return &m[i];
		return NULL;
	}
	while (size < 2 * n)
		size *= 2;
	if (size > ps->seen_cap) {
		uint32_t *grown = oo_realloc(ps->seen, size * sizeof(*grown));

		if (!grown)
			return no_memory(ps), NULL;
		ps->seen = grown;
		ps->seen_cap = size;
	}
	memset(ps->seen, 0, size * sizeof(*ps->seen));
	mask = size - 1;
	for (i = 0; i < n; i++) {
		for (j = m[i].hash & mask; ps->seen[j]; j = (j + 1) & mask)
			if (same_name(&m[i], &m[ps->seen[j] - 1]))
				return &m[i];
		ps->seen[j] = (uint32_t)i + 1;
	}
	return NULL;
}

static int close_object(parser *ps, size_t base, ovalue *out)
{
	size_t n = ps->member_count - base;
	const omember *dup = duplicate_name(ps, ps->members + base, n);

	if (ps->status != OO_OK)
		return 0;
	if (dup) {
		char quoted[OO_SCHEMA_QUOTE_BUF];

		/* The name may be an unescaped copy outside the text, so the
		 * error points at the end of the object. */
		oo_schema__key_quote(quoted, dup->key, dup->key_len);
		snprintf(ps->duplicate, sizeof(ps->duplicate), "duplicate object key %s", quoted);
		return fail(ps, ps->p - 1, ps->duplicate);
	}
	out->type = OV_OBJECT;
	out->len = (uint32_t)n;
	out->u.members = oo_schema__arena_alloc(ps->arena, (n ? n : 1) * sizeof(omember));
	if (!out->u.members)
		return no_memory(ps);
	memcpy(out->u.members, ps->members + base, n * sizeof(omember));
	ps->member_count = base;
	return 1;
}

static int parse_member(parser *ps)
{
	omember m;

	if (ps->p >= ps->end || *ps->p != '"')
		return fail(ps, ps->p, "string or '}' expected");
	if (!parse_string(ps, &m.key, &m.key_len))
		return 0;
	m.hash = oo_schema__hash(m.key, m.key_len);
	skip_space(ps);
	if (ps->p >= ps->end || *ps->p != ':')
		return fail(ps, ps->p, "':' expected");
	ps->p++;
	return parse_value(ps, &m.value) && push_member(ps, &m);
}

static int parse_object(parser *ps, ovalue *out)
{
	size_t base = ps->member_count;

	ps->p++;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		return close_object(ps, base, out);
	}
	for (;;) {
		if (!parse_member(ps))
			return 0;
		skip_space(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			skip_space(ps);
			continue;
		}
		if (ps->p < ps->end && *ps->p == '}') {
			ps->p++;
			return close_object(ps, base, out);
		}
		return fail(ps, ps->p, "',' or '}' expected");
	}
}

static int close_array(parser *ps, size_t base, ovalue *out)
{
	size_t n = ps->item_count - base;

	out->type = OV_ARRAY;
	out->len = (uint32_t)n;
	out->u.items = oo_schema__arena_alloc(ps->arena, (n ? n : 1) * sizeof(ovalue));
	if (!out->u.items)
		return no_memory(ps);
	memcpy(out->u.items, ps->items + base, n * sizeof(ovalue));
	ps->item_count = base;
	return 1;
}

static int parse_array(parser *ps, ovalue *out)
{
	size_t base = ps->item_count;
	ovalue item;

	ps->p++;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		return close_array(ps, base, out);
	}
	for (;;) {
		if (!parse_value(ps, &item) || !push_item(ps, &item))
			return 0;
		skip_space(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == ']') {
			ps->p++;
			return close_array(ps, base, out);
		}
		return fail(ps, ps->p, "',' or ']' expected");
	}
}

static int parse_literal(parser *ps, const char *word, ovalue_type type, ovalue *out)
{
	size_t n = strlen(word);

	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return fail(ps, ps->p, "invalid token");
	ps->p += n;
	out->type = (unsigned char)type;
	return 1;
}

static int parse_nested(parser *ps, ovalue *out)
{
	int ok;

	if (++ps->depth > OO_JSON_MAX_DEPTH) {
		if (ps->status == OO_OK) {
			ps->status = OO_ELIMIT;
			ps->error_at = ps->p;
		}
		return 0;
	}
	ok = *ps->p == '{' ? parse_object(ps, out) : parse_array(ps, out);
	ps->depth--;
	return ok;
}

static int parse_value(parser *ps, ovalue *out)
{
	memset(out, 0, sizeof(*out));
	skip_space(ps);
	if (ps->p >= ps->end)
		return fail(ps, ps->p, "premature end of input");
	switch (*ps->p) {
	case '{': case '[':
		return parse_nested(ps, out);
	case '"':
		out->type = OV_STRING;
		return parse_string(ps, &out->u.str, &out->len);
	case 't':
		return parse_literal(ps, "true", OV_TRUE, out);
	case 'f':
		return parse_literal(ps, "false", OV_FALSE, out);
	case 'n':
		return parse_literal(ps, "null", OV_NULL, out);
	default:
		return parse_number(ps, out);
	}
}

/* Reports the failure with the 1-based line and byte column of where. */
static oo_status report(const parser *ps, oo_error *err)
{
	const char *p;
	int line = 1, column = 1;

	if (ps->status == OO_ENOMEM)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	for (p = ps->text; p < ps->error_at && p < ps->end; p++) {
		if (*p == '\n')
			line++, column = 1;
		else
			column++;
	}
	if (ps->status == OO_ELIMIT)
		return oo_error_set(err, OO_ELIMIT, NULL, line, column,
				    "JSON nesting deeper than %d levels", OO_JSON_MAX_DEPTH);
	return oo_error_set(err, OO_EPARSE, NULL, line, column, "invalid JSON: %s", ps->error);
}

oo_status oo_schema__parse_text(ovalue *out, const char *text, size_t len, oo_arena *arena,
				oo_error *err)
{
	parser ps;
	oo_status rc = OO_OK;

	memset(&ps, 0, offsetof(parser, duplicate));
	ps.members = ps.member_space;
	ps.member_cap = PARSER_STACK;
	ps.items = ps.item_space;
	ps.item_cap = PARSER_STACK;
	ps.text = ps.p = text;
	ps.end = text + len;
	ps.arena = arena;
	if (parse_value(&ps, out)) {
		skip_space(&ps);
		if (ps.p < ps.end)
			fail(&ps, ps.p, "end of input expected");
	}
	if (ps.status != OO_OK)
		rc = report(&ps, err);
	if (ps.members != ps.member_space)
		oo_free(ps.members);
	if (ps.items != ps.item_space)
		oo_free(ps.items);
	oo_free(ps.seen);
	oo_buf_free(&ps.scratch);
	return rc;
}
