/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/buf.h"

#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"

static oo_status grow(oo_buf *buf, size_t extra)
{
	size_t need, cap;
	char *data;

	if (buf->failed)
		return OO_ENOMEM;
	need = buf->len + extra + 1;
	if (need <= buf->cap)
		return OO_OK;
	cap = buf->cap ? buf->cap : 64;
	while (cap < need)
		cap *= 2;
	data = oo_realloc(buf->data, cap);
	if (!data) {
		buf->failed = 1;
		return OO_ENOMEM;
	}
	buf->data = data;
	buf->cap = cap;
	return OO_OK;
}

oo_status oo_buf_append(oo_buf *buf, const char *data, size_t len)
{
	if (grow(buf, len) != OO_OK)
		return OO_ENOMEM;
	if (len)
		memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
	return OO_OK;
}

oo_status oo_buf_puts(oo_buf *buf, const char *s)
{
	return oo_buf_append(buf, s ? s : "", s ? strlen(s) : 0);
}

oo_status oo_buf_putc(oo_buf *buf, char c)
{
	return oo_buf_append(buf, &c, 1);
}

oo_status oo_buf_vprintf(oo_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return OO_EINVAL;
	if (grow(buf, (size_t)n) != OO_OK)
		return OO_ENOMEM;
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
	return OO_OK;
}

oo_status oo_buf_printf(oo_buf *buf, const char *fmt, ...)
{
	va_list ap;
	oo_status rc;

	va_start(ap, fmt);
	rc = oo_buf_vprintf(buf, fmt, ap);
	va_end(ap);
	return rc;
}

oo_status oo_buf_put_html(oo_buf *buf, const char *s)
{
	const char *run = s;

	if (!s)
		return buf->failed ? OO_ENOMEM : OO_OK;
	for (; *s; s++) {
		const char *ref;

		switch (*s) {
		case '&': ref = "&amp;"; break;
		case '<': ref = "&lt;"; break;
		case '>': ref = "&gt;"; break;
		case '"': ref = "&quot;"; break;
		case '\'': ref = "&#39;"; break;
		default: continue;
		}
		oo_buf_append(buf, run, (size_t)(s - run));
		oo_buf_puts(buf, ref);
		run = s + 1;
	}
	return oo_buf_append(buf, run, (size_t)(s - run));
}

char *oo_buf_detach(oo_buf *buf)
{
	char *data;

	if (buf->failed) {
		oo_buf_free(buf);
		return NULL;
	}
	data = buf->data ? buf->data : oo_strdup("");
	buf->data = NULL;
	buf->len = buf->cap = 0;
	return data;
}

void oo_buf_reset(oo_buf *buf)
{
	buf->len = 0;
	buf->failed = 0;
	if (buf->data)
		buf->data[0] = '\0';
}

void oo_buf_free(oo_buf *buf)
{
	oo_free(buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
	buf->failed = 0;
}
