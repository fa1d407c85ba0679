/* SPDX-License-Identifier: EUPL-1.2 */
/* JSON input: bounded parsing, and JSON Pointers mapped to line and column
 * in the source text, because jansson keeps no positions for its values. */
#ifndef ONLYONCE_JSON_H
#define ONLYONCE_JSON_H

#include <stddef.h>

#include <jansson.h>

#include "onlyonce/status.h"

/* Deepest nesting of arrays and objects accepted in a JSON input. */
#define OO_JSON_MAX_DEPTH 64

/* Parses JSON text (strings may contain NUL), failing with OO_EPARSE and
 * the 1-based line and column of the fault in err, or with OO_ELIMIT when
 * nesting exceeds OO_JSON_MAX_DEPTH. path names the input in messages.
 * Caller owns *out (json_decref). */
oo_status oo_json_parse(json_t **out, const char *text, size_t len,
			const char *path, oo_error *err);

/* Finds the value that pointer (RFC 6901, "" for the root) designates in
 * the JSON text and stores its 1-based line and column (in characters) in
 * *line and *column. For an object member it is the position of the
 * member's key. Returns OO_ENOTFOUND when the pointer does not resolve and
 * OO_EPARSE when the text is not JSON up to that point. */
oo_status oo_jsonloc_find(const char *text, size_t len, const char *pointer,
			  int *line, int *column);

/* Returns pointer extended by one reference token, escaped as RFC 6901
 * says ("~" as "~0", "/" as "~1"), as a new string (free with oo_free),
 * or NULL when memory runs out. */
char *oo_pointer_append(const char *pointer, const char *token);
char *oo_pointer_append_index(const char *pointer, size_t index);

/* Writes code point cp as UTF-8 to out and returns the byte count (1 to 4).
 * cp must be at most 0x10FFFF; surrogates are encoded as they are. */
size_t oo_utf8_encode(char out[4], unsigned cp);

/* Reads the four hexadecimal digits of a JSON \u escape at s into *out.
 * Returns 1, or 0 when one of the four is no hexadecimal digit. */
int oo_json_hex4(const char *s, unsigned *out);

#endif
