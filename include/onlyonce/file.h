/* SPDX-License-Identifier: EUPL-1.2 */
/* Bounded file reading and all-or-nothing file writing. */
#ifndef ONLYONCE_FILE_H
#define ONLYONCE_FILE_H

#include <stddef.h>

#include "onlyonce/status.h"

/* Largest input file the library reads: 16 MiB. */
#define OO_FILE_MAX_SIZE ((size_t)16 * 1024 * 1024)

/* Reads the whole file at path into *out (NUL-terminated, free with oo_free)
 * and its length into *len. Fails with OO_EIO when the file cannot be read
 * and OO_ELIMIT when it is larger than max_size bytes. */
oo_status oo_file_read(char **out, size_t *len, const char *path,
		       size_t max_size, oo_error *err);

/* Writes len bytes to path through a temporary file in the same folder that
 * is renamed over path at the end, so a failed write leaves no partial file. */
oo_status oo_file_write_atomic(const char *path, const char *data, size_t len,
			       oo_error *err);

/* Creates the folder path unless it exists already (one level only). */
oo_status oo_dir_ensure(const char *path, oo_error *err);

#endif
