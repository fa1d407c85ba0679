/* SPDX-License-Identifier: EUPL-1.2 */
/* Helpers shared by the prefill tests: reading response files from the
 * project's fixtures and from the shared reference captures. */
#ifndef ONLYONCE_TEST_PREFILL_H
#define ONLYONCE_TEST_PREFILL_H

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "onlyonce/alloc.h"
#include "onlyonce/file.h"
#include "onlyonce/prefill.h"

#define CAPTURES_DIR ONLYONCE_SHARED_DIR "/reference/magda/responses"
#define FIXTURES_DIR ONLYONCE_SOURCE_DIR "/fixtures/magda"

/* A date after every date in the captures and fixtures, so that tests do
 * not depend on the day they run. */
#define TEST_TODAY "2025-06-30"

static inline int file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Reads dir/name into *xml; returns 0 (and prints why) when it is missing,
 * so that the caller can skip. */
static inline int read_response(char **xml, size_t *len, const char *dir, const char *name)
{
	char path[1024];
	oo_error err;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!file_exists(path)) {
		print_message("skipped: %s is missing\n", path);
		return 0;
	}
	assert_int_equal(oo_file_read(xml, len, path, OO_MAGDA_MAX_SIZE, &err), OO_OK);
	return 1;
}

/* Parses dir/name on TEST_TODAY into *rec; returns 0 when the file is missing. */
static inline int parse_response(oo_record **rec, const char *dir, const char *name)
{
	char *xml = NULL;
	size_t len = 0;
	oo_error err;
	oo_status rc;

	if (!read_response(&xml, &len, dir, name))
		return 0;
	oo_error_clear(&err);
	rc = oo_magda_parse_on(rec, xml, len, TEST_TODAY, &err);
	oo_free(xml);
	if (rc != OO_OK)
		print_message("%s: %s\n", name, err.message);
	assert_int_equal(rc, OO_OK);
	return 1;
}

static inline void assert_value(const oo_record *rec, const char *concept, const char *expected)
{
	const char *value = oo_record_get(rec, concept);

	if (!expected) {
		if (value)
			print_message("%s is \"%s\", expected no value\n", concept, value);
		assert_null(value);
		return;
	}
	if (!value)
		print_message("%s has no value, expected \"%s\"\n", concept, expected);
	assert_non_null(value);
	assert_string_equal(value, expected);
}

#endif
