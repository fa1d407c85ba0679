/* SPDX-License-Identifier: EUPL-1.2 */
/* Status codes and the error detail that library functions fill in. */
#ifndef ONLYONCE_STATUS_H
#define ONLYONCE_STATUS_H

#include <stddef.h>

/* Every library function that can fail returns one of these: 0 on success,
 * a negative value otherwise. Data never travels in the return value. */
typedef enum {
	OO_OK = 0,
	OO_ENOMEM = -1,   /* an allocation failed */
	OO_EIO = -2,      /* a file could not be read or written */
	OO_EPARSE = -3,   /* input is not well-formed JSON, XML or HTML */
	OO_EINVAL = -4,   /* an argument or value is invalid */
	OO_ELIMIT = -5,   /* input exceeds a documented size, depth or count limit */
	OO_ENOTFOUND = -6,/* the requested record or file does not exist */
	OO_ESOURCE = -7,  /* a prefill source failed or returned an error */
	OO_ESCHEMA = -8   /* a JSON Schema is invalid or uses an unsupported keyword */
} oo_status;

#define OO_ERROR_MESSAGE_MAX 512
#define OO_ERROR_PATH_MAX 512

/* Detail of the most recent failure of one call, owned by the caller.
 * line and column are 1-based and 0 when unknown. */
typedef struct {
	oo_status code;
	char message[OO_ERROR_MESSAGE_MAX];
	char file[OO_ERROR_PATH_MAX];
	int line;
	int column;
} oo_error;

/* Resets err to OO_OK with empty texts. err may be NULL. */
void oo_error_clear(oo_error *err);

/* Fills err (when not NULL) with code, file and a printf-style message,
 * and returns code so callers can write `return oo_error_set(...)`. */
oo_status oo_error_set(oo_error *err, oo_status code, const char *file,
		       int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Returns a short English name for code, such as "out of memory". */
const char *oo_status_name(oo_status code);

#endif
