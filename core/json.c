/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"

/* Returns the deepest nesting of arrays and objects in text, skipping
 * strings, or stops counting once limit is passed. */
static int nesting_depth(const char *text, size_t len, int limit)
{
	int depth = 0, max = 0, in_string = 0;
	size_t i;

	for (i = 0; i < len && max <= limit; i++) {
		char c = text[i];

		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = 0;
			continue;
		}
		if (c == '"')
			in_string = 1;
		else if (c == '[' || c == '{') {
			if (++depth > max)
				max = depth;
		} else if (c == ']' || c == '}')
			depth--;
	}
	return max;
}

oo_status oo_json_parse(json_t **out, const char *text, size_t len,
			const char *path, oo_error *err)
{
	json_error_t jerr;
	json_t *doc;

	*out = NULL;
	if (nesting_depth(text, len, OO_JSON_MAX_DEPTH) > OO_JSON_MAX_DEPTH)
		return oo_error_set(err, OO_ELIMIT, path, 0, 0,
				    "JSON nesting deeper than %d levels", OO_JSON_MAX_DEPTH);
	doc = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	if (!doc)
		return oo_error_set(err, OO_EPARSE, path, jerr.line, jerr.column,
				    "invalid JSON: %s", jerr.text);
	*out = doc;
	return OO_OK;
}

/* A cursor over JSON text. */
typedef struct {
	const char *p;
	const char *end;
} cursor;

static void skip_ws(cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
		c->p++;
}

/* Moves past a string whose opening quote is at c->p. */
static int skip_string(cursor *c)
{
	if (c->p >= c->end || *c->p != '"')
		return 0;
	for (c->p++; c->p < c->end; c->p++) {
		if (*c->p == '\\')
			c->p++;
		else if (*c->p == '"') {
			c->p++;
			return 1;
		}
	}
	return 0;
}

/* Moves past one complete value of any kind. */
static int skip_value(cursor *c)
{
	int depth = 0;

	skip_ws(c);
	if (c->p >= c->end)
		return 0;
	if (*c->p == '"')
		return skip_string(c);
	if (*c->p != '[' && *c->p != '{') {
		while (c->p < c->end && !strchr(",]} \t\r\n", *c->p))
			c->p++;
		return 1;
	}
	while (c->p < c->end) {
		char ch = *c->p;

		if (ch == '"') {
			if (!skip_string(c))
				return 0;
			continue;
		}
		if (ch == '[' || ch == '{')
			depth++;
		else if (ch == ']' || ch == '}') {
			if (--depth == 0) {
				c->p++;
				return 1;
			}
		}
		c->p++;
	}
	return 0;
}

int oo_json_hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char ch = s[i];

		v <<= 4;
		if (ch >= '0' && ch <= '9') v |= (unsigned)(ch - '0');
		else if (ch >= 'a' && ch <= 'f') v |= (unsigned)(ch - 'a' + 10);
		else if (ch >= 'A' && ch <= 'F') v |= (unsigned)(ch - 'A' + 10);
		else return 0;
	}
	*out = v;
	return 1;
}

size_t oo_utf8_encode(char out[4], unsigned cp)
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

/* Decodes the JSON string at c->p (escapes resolved) into out. */
static int read_string(cursor *c, oo_buf *out)
{
	oo_buf_reset(out);
	if (c->p >= c->end || *c->p != '"')
		return 0;
	for (c->p++; c->p < c->end; c->p++) {
		unsigned cp, low;

		if (*c->p == '"') {
			c->p++;
			oo_buf_append(out, "", 0);
			return !out->failed;
		}
		if (*c->p != '\\') {
			oo_buf_putc(out, *c->p);
			continue;
		}
		if (++c->p >= c->end)
			return 0;
		switch (*c->p) {
		case 'n': oo_buf_putc(out, '\n'); break;
		case 't': oo_buf_putc(out, '\t'); break;
		case 'r': oo_buf_putc(out, '\r'); break;
		case 'b': oo_buf_putc(out, '\b'); break;
		case 'f': oo_buf_putc(out, '\f'); break;
		case 'u':
			if (c->end - c->p < 5 || !oo_json_hex4(c->p + 1, &cp))
				return 0;
			c->p += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && c->end - c->p >= 7 &&
			    c->p[1] == '\\' && c->p[2] == 'u' && oo_json_hex4(c->p + 3, &low)) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
				c->p += 6;
			}
			{
				char utf8[4];

				oo_buf_append(out, utf8, oo_utf8_encode(utf8, cp));
			}
			break;
		default: oo_buf_putc(out, *c->p); break;
		}
	}
	return 0;
}

/* Decodes the next reference token of pointer into out and advances *pp. */
static void next_token(const char **pp, oo_buf *out)
{
	const char *p = *pp + 1; /* past the '/' */

	oo_buf_reset(out);
	oo_buf_append(out, "", 0);
	for (; *p && *p != '/'; p++) {
		if (p[0] == '~' && p[1] == '1') {
			oo_buf_putc(out, '/');
			p++;
		} else if (p[0] == '~' && p[1] == '0') {
			oo_buf_putc(out, '~');
			p++;
		} else {
			oo_buf_putc(out, *p);
		}
	}
	*pp = p;
}

/* Moves c into the object at c->p up to the value of the member named key,
 * and stores where the member's key starts in *key_at. */
static oo_status find_member(cursor *c, const char *key, size_t key_len,
			     const char **key_at, oo_buf *scratch)
{
	if (*c->p != '{')
		return OO_ENOTFOUND;
	c->p++;
	for (;;) {
		const char *at;

		skip_ws(c);
		if (c->p < c->end && *c->p == '}')
			return OO_ENOTFOUND;
		at = c->p;
		if (!read_string(c, scratch))
			return OO_EPARSE;
		skip_ws(c);
		if (c->p >= c->end || *c->p != ':')
			return OO_EPARSE;
		c->p++;
		skip_ws(c);
		if (scratch->len == key_len && memcmp(scratch->data, key, key_len) == 0) {
			*key_at = at;
			return OO_OK;
		}
		if (!skip_value(c))
			return OO_EPARSE;
		skip_ws(c);
		if (c->p < c->end && *c->p == ',')
			c->p++;
		else
			return OO_ENOTFOUND;
	}
}

static oo_status find_index(cursor *c, const char *token)
{
	char *endp;
	unsigned long index = strtoul(token, &endp, 10);
	unsigned long i;

	if (*c->p != '[' || !*token || *endp)
		return OO_ENOTFOUND;
	c->p++;
	for (i = 0;; i++) {
		skip_ws(c);
		if (c->p >= c->end || *c->p == ']')
			return OO_ENOTFOUND;
		if (i == index)
			return OO_OK;
		if (!skip_value(c))
			return OO_EPARSE;
		skip_ws(c);
		if (c->p < c->end && *c->p == ',')
			c->p++;
		else
			return OO_ENOTFOUND;
	}
}

static void position_of(const char *text, const char *at, int *line, int *column)
{
	const char *p;

	*line = 1;
	*column = 1;
	for (p = text; p < at; p++) {
		if (*p == '\n') {
			(*line)++;
			*column = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			(*column)++; /* count characters, not UTF-8 continuation bytes */
		}
	}
}

oo_status oo_jsonloc_find(const char *text, size_t len, const char *pointer,
			  int *line, int *column)
{
	cursor c = { text, text + len };
	oo_buf token = OO_BUF_INIT, scratch = OO_BUF_INIT;
	const char *at;
	oo_status rc = OO_OK;

	*line = *column = 0;
	skip_ws(&c);
	at = c.p;
	while (pointer && *pointer == '/') {
		next_token(&pointer, &token);
		if (token.failed) {
			rc = OO_ENOMEM;
			break;
		}
		skip_ws(&c);
		if (c.p >= c.end) {
			rc = OO_EPARSE;
			break;
		}
		if (*c.p == '{') {
			rc = find_member(&c, token.data, token.len, &at, &scratch);
		} else {
			rc = find_index(&c, token.data);
			at = c.p;
		}
		if (rc != OO_OK)
			break;
	}
	if (rc == OO_OK && pointer && *pointer)
		rc = OO_ENOTFOUND;
	if (rc == OO_OK)
		position_of(text, at, line, column);
	oo_buf_free(&token);
	oo_buf_free(&scratch);
	return rc;
}

char *oo_pointer_append(const char *pointer, const char *token)
{
	oo_buf b = OO_BUF_INIT;

	oo_buf_puts(&b, pointer ? pointer : "");
	oo_buf_putc(&b, '/');
	for (; token && *token; token++) {
		if (*token == '~')
			oo_buf_puts(&b, "~0");
		else if (*token == '/')
			oo_buf_puts(&b, "~1");
		else
			oo_buf_putc(&b, *token);
	}
	return oo_buf_detach(&b);
}

char *oo_pointer_append_index(const char *pointer, size_t index)
{
	char digits[32];

	snprintf(digits, sizeof(digits), "%zu", index);
	return oo_pointer_append(pointer, digits);
}
