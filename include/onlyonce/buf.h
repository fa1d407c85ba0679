/* SPDX-License-Identifier: EUPL-1.2 */
/* A growable, always NUL-terminated byte buffer. */
#ifndef ONLYONCE_BUF_H
#define ONLYONCE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "onlyonce/status.h"

typedef struct {
	char *data;   /* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
	int failed;   /* set when an append ran out of memory; later appends do nothing */
} oo_buf;

#define OO_BUF_INIT { NULL, 0, 0, 0 }

/* Appends return OO_OK or OO_ENOMEM; after a failure the buffer keeps its
 * old content and failed stays set, so a caller may check once at the end. */
oo_status oo_buf_append(oo_buf *buf, const char *data, size_t len);
oo_status oo_buf_puts(oo_buf *buf, const char *s);
oo_status oo_buf_putc(oo_buf *buf, char c);
oo_status oo_buf_printf(oo_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
oo_status oo_buf_vprintf(oo_buf *buf, const char *fmt, va_list ap);

/* Appends s with &, <, >, " and ' replaced by character references. This is
 * the one HTML escaping emitter: every text that reaches HTML passes here. */
oo_status oo_buf_put_html(oo_buf *buf, const char *s);

/* Hands the content to the caller (free with oo_free) and resets buf.
 * Returns an empty string for an empty buffer, NULL when memory ran out. */
char *oo_buf_detach(oo_buf *buf);

void oo_buf_reset(oo_buf *buf);
void oo_buf_free(oo_buf *buf);

#endif
