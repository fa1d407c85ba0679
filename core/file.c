/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "onlyonce/alloc.h"

oo_status oo_file_read(char **out, size_t *len, const char *path,
		       size_t max_size, oo_error *err)
{
	FILE *fp = NULL;
	char *data = NULL;
	size_t size = 0, cap = 0, n;
	oo_status rc = OO_OK;
	struct stat st;

	*out = NULL;
	*len = 0;
	fp = fopen(path, "rb");
	if (!fp)
		return oo_error_set(err, OO_EIO, path, 0, 0, "cannot open '%s': %s",
				    path, strerror(errno));
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = oo_error_set(err, OO_EIO, path, 0, 0, "'%s' is a folder, not a file", path);
		goto cleanup;
	}

	do {
		if (size == cap) {
			char *grown;

			cap = cap ? cap * 2 : 65536;
			grown = oo_realloc(data, cap + 1);
			if (!grown) {
				rc = oo_error_set(err, OO_ENOMEM, path, 0, 0, "out of memory reading '%s'", path);
				goto cleanup;
			}
			data = grown;
		}
		n = fread(data + size, 1, cap - size, fp);
		size += n;
		if (size > max_size) {
			rc = oo_error_set(err, OO_ELIMIT, path, 0, 0,
					  "'%s' is larger than the limit of %zu bytes", path, max_size);
			goto cleanup;
		}
	} while (n > 0);
	if (ferror(fp)) {
		rc = oo_error_set(err, OO_EIO, path, 0, 0, "cannot read '%s': %s", path, strerror(errno));
		goto cleanup;
	}
	if (!data && !(data = oo_malloc(1))) {
		rc = oo_error_set(err, OO_ENOMEM, path, 0, 0, "out of memory reading '%s'", path);
		goto cleanup;
	}
	data[size] = '\0';
	*out = data;
	*len = size;
	data = NULL;

cleanup:
	oo_free(data);
	fclose(fp);
	return rc;
}

oo_status oo_file_write_atomic(const char *path, const char *data, size_t len,
			       oo_error *err)
{
	char *tmp = NULL;
	size_t tmp_len = strlen(path) + 16;
	int fd = -1;
	FILE *fp = NULL;
	oo_status rc = OO_OK;

	tmp = oo_malloc(tmp_len);
	if (!tmp)
		return oo_error_set(err, OO_ENOMEM, path, 0, 0, "out of memory writing '%s'", path);
	snprintf(tmp, tmp_len, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = oo_error_set(err, OO_EIO, path, 0, 0, "cannot create a file beside '%s': %s",
				  path, strerror(errno));
		goto cleanup;
	}
	fp = fdopen(fd, "wb");
	if (!fp) {
		close(fd);
		rc = oo_error_set(err, OO_EIO, path, 0, 0, "cannot write '%s': %s", path, strerror(errno));
		unlink(tmp);
		goto cleanup;
	}
	if (fwrite(data, 1, len, fp) != len || fflush(fp) != 0) {
		rc = oo_error_set(err, OO_EIO, path, 0, 0, "cannot write '%s': %s", path, strerror(errno));
		fclose(fp);
		unlink(tmp);
		goto cleanup;
	}
	fchmod(fileno(fp), 0644);
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		rc = oo_error_set(err, OO_EIO, path, 0, 0, "cannot write '%s': %s", path, strerror(errno));
		unlink(tmp);
	}

cleanup:
	oo_free(tmp);
	return rc;
}

oo_status oo_dir_ensure(const char *path, oo_error *err)
{
	struct stat st;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return OO_OK;
		return oo_error_set(err, OO_EIO, path, 0, 0, "'%s' exists and is not a folder", path);
	}
	if (mkdir(path, 0755) != 0)
		return oo_error_set(err, OO_EIO, path, 0, 0, "cannot create folder '%s': %s",
				    path, strerror(errno));
	return OO_OK;
}
