/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void oo_error_clear(oo_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
}

oo_status oo_error_set(oo_error *err, oo_status code, const char *file,
		       int line, int column, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	err->line = line;
	err->column = column;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

const char *oo_status_name(oo_status code)
{
	switch (code) {
	case OO_OK: return "success";
	case OO_ENOMEM: return "out of memory";
	case OO_EIO: return "input/output error";
	case OO_EPARSE: return "parse error";
	case OO_EINVAL: return "invalid value";
	case OO_ELIMIT: return "limit exceeded";
	case OO_ENOTFOUND: return "not found";
	case OO_ESOURCE: return "source failed";
	case OO_ESCHEMA: return "invalid schema";
	}
	return "unknown status";
}
