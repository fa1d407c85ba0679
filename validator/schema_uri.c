/* SPDX-License-Identifier: EUPL-1.2 */
/* URI reference resolution (RFC 3986) and JSON Pointer (RFC 6901) for
 * "$id" and "$ref". */
#include "schema_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"

/* The five components of RFC 3986 section 3; each is a slice of the
 * source string, and a NULL start means the component is undefined. */
typedef struct {
	const char *scheme, *authority, *path, *query, *fragment;
	size_t scheme_len, authority_len, path_len, query_len, fragment_len;
} uri_parts;

static void uri_parse(const char *s, uri_parts *p)
{
	const char *c = s;
	size_t n;

	memset(p, 0, sizeof(*p));
	n = strcspn(c, ":/?#");
	if (c[n] == ':' && n > 0 && isalpha((unsigned char)c[0])) {
		p->scheme = c;
		p->scheme_len = n;
		c += n + 1;
	}
	if (c[0] == '/' && c[1] == '/') {
		c += 2;
		p->authority = c;
		p->authority_len = strcspn(c, "/?#");
		c += p->authority_len;
	}
	p->path = c;
	p->path_len = strcspn(c, "?#");
	c += p->path_len;
	if (*c == '?') {
		p->query = ++c;
		p->query_len = strcspn(c, "#");
		c += p->query_len;
	}
	if (*c == '#') {
		p->fragment = ++c;
		p->fragment_len = strlen(c);
	}
}

/* Removes "." and ".." segments from buf (RFC 3986 5.2.4). The output
 * never grows longer than the input, so it is written into the same
 * storage behind the read position. */
static void remove_dot_segments(oo_buf *buf)
{
	char *in, *out;

	if (!buf->data)
		return;
	in = buf->data;
	out = buf->data;
	while (*in) {
		if (strncmp(in, "../", 3) == 0) {
			in += 3;
		} else if (strncmp(in, "./", 2) == 0 || strncmp(in, "/./", 3) == 0) {
			in += 2;
		} else if (strcmp(in, "/.") == 0) {
			in[1] = '\0';
		} else if (strncmp(in, "/../", 4) == 0 || strcmp(in, "/..") == 0) {
			in += 3;
			if (*in == '\0')
				*--in = '/';
			while (out > buf->data && *--out != '/')
				;
		} else if (strcmp(in, ".") == 0 || strcmp(in, "..") == 0) {
			in += strlen(in);
		} else {
			do
				*out++ = *in++;
			while (*in && *in != '/');
		}
	}
	*out = '\0';
	buf->len = (size_t)(out - buf->data);
}

/* Merges the reference path with the base path (RFC 3986 5.2.3). */
static void merge_paths(oo_buf *out, const uri_parts *b, const uri_parts *r)
{
	const char *slash;

	if (b->authority && b->path_len == 0) {
		oo_buf_putc(out, '/');
	} else {
		slash = NULL;
		for (const char *c = b->path; c < b->path + b->path_len; c++)
			if (*c == '/')
				slash = c;
		if (slash)
			oo_buf_append(out, b->path, (size_t)(slash - b->path) + 1);
	}
	oo_buf_append(out, r->path, r->path_len);
}

/* Builds the target path and query, the heart of RFC 3986 5.2.2. */
static void resolve_path(oo_buf *path, const char **query, size_t *query_len,
			 const uri_parts *b, const uri_parts *r)
{
	*query = r->query;
	*query_len = r->query_len;
	if (r->path_len == 0) {
		oo_buf_append(path, b->path, b->path_len);
		if (!r->query) {
			*query = b->query;
			*query_len = b->query_len;
		}
		return;
	}
	if (r->path[0] == '/')
		oo_buf_append(path, r->path, r->path_len);
	else
		merge_paths(path, b, r);
	remove_dot_segments(path);
}

static void put_part(oo_buf *out, const char *prefix, const char *s, size_t len,
		     const char *suffix)
{
	if (!s)
		return;
	oo_buf_puts(out, prefix);
	oo_buf_append(out, s, len);
	oo_buf_puts(out, suffix);
}

char *oo_schema__uri_resolve(const char *base, const char *reference)
{
	uri_parts b, r;
	oo_buf out = OO_BUF_INIT, path = OO_BUF_INIT;
	const char *query, *authority;
	size_t query_len, authority_len;

	uri_parse(base, &b);
	uri_parse(reference, &r);
	if (r.scheme) {
		oo_buf_append(&path, r.path, r.path_len);
		remove_dot_segments(&path);
		query = r.query;
		query_len = r.query_len;
		b = r;
	} else if (r.authority) {
		oo_buf_append(&path, r.path, r.path_len);
		remove_dot_segments(&path);
		query = r.query;
		query_len = r.query_len;
		b.authority = r.authority;
		b.authority_len = r.authority_len;
	} else {
		resolve_path(&path, &query, &query_len, &b, &r);
	}
	authority = b.authority;
	authority_len = b.authority_len;

	put_part(&out, "", b.scheme, b.scheme_len, ":");
	put_part(&out, "//", authority, authority_len, "");
	oo_buf_append(&out, path.data ? path.data : "", path.len);
	put_part(&out, "?", query, query_len, "");
	put_part(&out, "#", r.fragment, r.fragment_len, "");
	oo_buf_free(&path);
	if (out.failed) {
		oo_buf_free(&out);
		return NULL;
	}
	return oo_buf_detach(&out);
}

char *oo_schema__uri_split(const char *uri, const char **fragment)
{
	const char *hash = strchr(uri, '#');

	if (!hash) {
		*fragment = uri + strlen(uri);
		return oo_strdup(uri);
	}
	*fragment = hash + 1;
	return oo_strndup(uri, (size_t)(hash - uri));
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes one pointer token from the percent-encoded fragment: the token
 * runs to the next "/". "~1" is "/" and "~0" is "~". */
static const char *next_token(const char *s, oo_buf *token)
{
	int hi, lo;
	char c;

	oo_buf_reset(token);
	oo_buf_puts(token, "");
	while (*s && *s != '/') {
		c = *s++;
		if (c == '%' && (hi = hex_value(s[0])) >= 0 && (lo = hex_value(s[1])) >= 0) {
			c = (char)(hi * 16 + lo);
			s += 2;
		}
		if (c == '~' && (*s == '0' || *s == '1'))
			c = *s++ == '0' ? '~' : '/';
		oo_buf_putc(token, c);
	}
	return s;
}

static json_t *step(json_t *value, const char *token)
{
	char *end;
	unsigned long index;

	if (json_is_object(value))
		return json_object_get(value, token);
	if (!json_is_array(value) || !isdigit((unsigned char)token[0]))
		return NULL;
	if (token[0] == '0' && token[1])
		return NULL;
	index = strtoul(token, &end, 10);
	return *end ? NULL : json_array_get(value, index);
}

oo_status oo_schema__pointer_walk(json_t *root, const char *fragment, json_t **out)
{
	oo_buf token = OO_BUF_INIT;
	oo_status rc = OO_OK;

	*out = *fragment == '\0' || *fragment == '/' ? root : NULL;
	while (*out && *fragment == '/') {
		fragment = next_token(fragment + 1, &token);
		if (token.failed) {
			rc = OO_ENOMEM;
			*out = NULL;
			break;
		}
		*out = step(*out, token.data);
	}
	oo_buf_free(&token);
	return rc;
}

void oo_schema__pointer_put_token(oo_buf *buf, const char *token)
{
	const char *run = token;

	/* Runs without "~" or "/" are appended whole: this sits on the hot
	 * path of every subschema application. */
	oo_buf_putc(buf, '/');
	for (; *token; token++) {
		if (*token != '~' && *token != '/')
			continue;
		oo_buf_append(buf, run, (size_t)(token - run));
		oo_buf_puts(buf, *token == '~' ? "~0" : "~1");
		run = token + 1;
	}
	oo_buf_append(buf, run, (size_t)(token - run));
}
