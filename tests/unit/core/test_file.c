/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "onlyonce/alloc.h"
#include "onlyonce/file.h"

static char dir[] = "/tmp/oo_test_file_XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void file_write_then_read_round_trip(void **state)
{
	char path[256], *data = NULL;
	size_t len = 0;
	oo_error err;

	(void)state;
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	assert_int_equal(oo_file_write_atomic(path, "hello\0world", 11, &err), OO_OK);
	assert_int_equal(oo_file_read(&data, &len, path, 100, &err), OO_OK);
	assert_int_equal(len, 11);
	assert_memory_equal(data, "hello\0world", 11);
	oo_free(data);
}

static void file_read_rejects_over_limit(void **state)
{
	char path[256], *data = NULL;
	size_t len = 0;
	oo_error err;

	(void)state;
	snprintf(path, sizeof(path), "%s/b.txt", dir);
	assert_int_equal(oo_file_write_atomic(path, "0123456789", 10, &err), OO_OK);
	assert_int_equal(oo_file_read(&data, &len, path, 10, &err), OO_OK);
	oo_free(data);
	assert_int_equal(oo_file_read(&data, &len, path, 9, &err), OO_ELIMIT);
	assert_null(data);
	assert_non_null(strstr(err.message, "larger than the limit of 9 bytes"));
}

static void file_read_names_missing_file(void **state)
{
	char *data = NULL;
	size_t len;
	oo_error err;

	(void)state;
	assert_int_equal(oo_file_read(&data, &len, "/nonexistent/x.json", 10, &err), OO_EIO);
	assert_string_equal(err.message, "cannot open '/nonexistent/x.json': No such file or directory");
}

static void file_write_leaves_no_temporary_on_failure(void **state)
{
	char path[256];
	oo_error err;
	DIR *d;
	struct dirent *e;
	int entries = 0;

	(void)state;
	/* The target is a folder, so the final rename fails. */
	snprintf(path, sizeof(path), "%s/sub", dir);
	assert_int_equal(oo_dir_ensure(path, &err), OO_OK);
	assert_int_equal(oo_file_write_atomic(path, "x", 1, &err), OO_EIO);
	d = opendir(dir);
	while ((e = readdir(d)))
		if (strncmp(e->d_name, "sub.tmp", 7) == 0)
			entries++;
	closedir(d);
	assert_int_equal(entries, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(file_write_then_read_round_trip),
		cmocka_unit_test(file_read_rejects_over_limit),
		cmocka_unit_test(file_read_names_missing_file),
		cmocka_unit_test(file_write_leaves_no_temporary_on_failure),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
