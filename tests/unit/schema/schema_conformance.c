/* SPDX-License-Identifier: EUPL-1.2 */
/* Runs the official JSON Schema Test Suite (draft 2020-12) against the
 * engine: the required tests of the draft2020-12 folder, then the optional
 * ones of optional/ and optional/format/ with format assertion on. Each
 * instance is validated both as a jansson value and as JSON text, and a
 * test passes only when the two entry points report the same errors.
 * Prints "N passed, N failed" per file and per folder. The exit status is 1 when
 * a required test fails, 77 (skipped) when the suite is absent, and 0
 * otherwise; optional failures are listed but do not fail the run. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "onlyonce/schema.h"

#define SKIP_STATUS 77

/* Tests of the required files that are known to fail, each with its reason.
 * A test is named "file / group description / test description", and a
 * group description alone covers every test in the group. */
static const struct {
	const char *name;
	const char *reason;
} expected_failures[] = {
	{ NULL, NULL }
};

typedef struct {
	oo_schema_registry *registry;
	int verbose;
	int required;         /* the folder being run is the required one */
	unsigned flags;       /* oo_schema_options flags for the folder */
	unsigned long passed, failed, required_failed;
} runner;

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Loads path; integers beyond 64 bits (bignum.json) are read as doubles,
 * because jansson has no big integers. */
static json_t *load(const char *path)
{
	json_error_t error;
	json_t *json = json_load_file(path, JSON_ALLOW_NUL | JSON_DECODE_ANY, &error);

	if (!json && strstr(error.text, "too big"))
		json = json_load_file(path, JSON_ALLOW_NUL | JSON_DECODE_ANY |
				      JSON_DECODE_INT_AS_REAL, &error);
	if (!json)
		fprintf(stderr, "%s:%d:%d: %s\n", path, error.line, error.column, error.text);
	return json;
}

/* Adds every .json file below dir to the registry under prefix + its
 * relative path, minus ".json" when strip is set. */
static void add_tree(runner *r, const char *dir, const char *prefix, int strip)
{
	char path[4096], uri[4096];
	struct dirent *entry;
	struct stat st;
	DIR *d = opendir(dir);

	while (d && (entry = readdir(d))) {
		if (entry->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, entry->d_name);
		snprintf(uri, sizeof(uri), "%s%s", prefix, entry->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			strncat(uri, "/", sizeof(uri) - strlen(uri) - 1);
			add_tree(r, path, uri, strip);
		} else if (ends_with(entry->d_name, ".json")) {
			json_t *doc = load(path);

			if (strip)
				uri[strlen(uri) - 5] = '\0';
			if (doc)
				oo_schema_registry_add(r->registry, uri, doc, NULL);
			json_decref(doc);
		}
	}
	if (d)
		closedir(d);
}

static const char *expected_failure(const char *file, const char *group,
				    const char *test)
{
	char name[1024], group_name[1024];
	size_t i;

	snprintf(name, sizeof(name), "%s / %s / %s", file, group, test);
	snprintf(group_name, sizeof(group_name), "%s / %s", file, group);
	for (i = 0; expected_failures[i].name; i++) {
		if (strcmp(expected_failures[i].name, name) == 0 ||
		    strcmp(expected_failures[i].name, group_name) == 0)
			return expected_failures[i].reason;
	}
	return NULL;
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Returns 1 when both results have the same verdict and the same errors. */
static int same_result(const oo_schema_result *a, const oo_schema_result *b)
{
	size_t i;

	if (a->valid != b->valid || a->error_count != b->error_count)
		return 0;
	for (i = 0; i < a->error_count; i++) {
		if (!same_text(a->errors[i].keyword_location, b->errors[i].keyword_location) ||
		    !same_text(a->errors[i].absolute_keyword_location,
			       b->errors[i].absolute_keyword_location) ||
		    !same_text(a->errors[i].instance_location, b->errors[i].instance_location) ||
		    !same_text(a->errors[i].message, b->errors[i].message))
			return 0;
	}
	return 1;
}

/* Validates data again as JSON text through oo_schema_validate_text, which
 * must give the same result as the jansson entry point. */
static int text_agrees(runner *r, const oo_schema *schema, json_t *data,
		       const oo_schema_result *expected)
{
	char *text = json_dumps(data, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(17));
	oo_schema_result result;
	oo_error err;
	int ok;

	if (!text)
		return 0;
	ok = oo_schema_validate_text(schema, text, strlen(text), &result, &err) == OO_OK &&
	     same_result(expected, &result);
	if (!ok && r->verbose)
		printf("    the text entry point differs on %s\n", text);
	if (ok)
		oo_schema_result_clear(&result);
	free(text);
	return ok;
}

/* Returns 1 when the test outcome matches, 0 when not. */
static int run_test(runner *r, const oo_schema *schema, json_t *test, const char *why)
{
	oo_schema_result result;
	oo_error err;
	int expected = json_is_true(json_object_get(test, "valid"));
	int ok;

	if (!schema) {
		if (r->verbose)
			printf("    compile failed: %s\n", why);
		return 0;
	}
	if (oo_schema_validate(schema, json_object_get(test, "data"), &result, &err) != OO_OK) {
		if (r->verbose)
			printf("    validation failed: %s\n", err.message);
		return 0;
	}
	ok = result.valid == expected && text_agrees(r, schema, json_object_get(test, "data"), &result);
	if (!ok && r->verbose && result.error_count)
		printf("    first error: %s at %s\n", result.errors[0].message,
		       result.errors[0].keyword_location);
	oo_schema_result_clear(&result);
	return ok;
}

static void run_group(runner *r, const char *file, json_t *group,
		      unsigned long *passed, unsigned long *failed)
{
	const char *description = json_string_value(json_object_get(group, "description"));
	oo_schema_options options = { NULL, r->registry, r->flags };
	oo_schema *schema = NULL;
	json_t *test;
	oo_error err;
	size_t i;

	if (oo_schema_compile_with(&schema, json_object_get(group, "schema"), &options,
				   &err) != OO_OK)
		schema = NULL;
	json_array_foreach(json_object_get(group, "tests"), i, test) {
		const char *name = json_string_value(json_object_get(test, "description"));
		const char *reason = expected_failure(file, description, name);

		if (run_test(r, schema, test, err.message)) {
			(*passed)++;
			if (reason)
				printf("  unexpected pass: %s / %s\n", description, name);
			continue;
		}
		(*failed)++;
		if (r->required && !reason)
			r->required_failed++;
		if (reason)
			printf("  expected failure: %s / %s (%s)\n", description, name, reason);
		else
			printf("  FAILED: %s / %s\n", description, name);
	}
	oo_schema_free(schema);
}

static void run_file(runner *r, const char *dir, const char *entry)
{
	char path[4096], file[256];
	unsigned long passed = 0, failed = 0;
	json_t *groups, *group;
	size_t i;

	snprintf(path, sizeof(path), "%s/%s", dir, entry);
	snprintf(file, sizeof(file), "%.*s", (int)(strlen(entry) - 5), entry);
	groups = load(path);
	if (!groups) {
		r->failed++;
		r->required_failed += r->required;
		return;
	}
	printf("%s.json:\n", file);
	json_array_foreach(groups, i, group)
		run_group(r, file, group, &passed, &failed);
	printf("%s.json: %lu passed, %lu failed%s\n", file, passed, failed,
	       r->required ? "" : " (optional)");
	r->passed += passed;
	r->failed += failed;
	json_decref(groups);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every .json file of dir in name order and prints the folder total. */
static int run_dir(runner *r, const char *dir, const char *label)
{
	unsigned long passed = r->passed, failed = r->failed;
	char *names[512];
	size_t count = 0, i;
	struct dirent *entry;
	DIR *d = opendir(dir);

	if (!d)
		return -1;
	while ((entry = readdir(d)) && count < 512) {
		if (ends_with(entry->d_name, ".json"))
			names[count++] = strdup(entry->d_name);
	}
	closedir(d);
	qsort(names, count, sizeof(names[0]), compare_names);
	for (i = 0; i < count; i++) {
		run_file(r, dir, names[i]);
		free(names[i]);
	}
	printf("folder %s: %lu passed, %lu failed\n\n", label, r->passed - passed,
	       r->failed - failed);
	return 0;
}

int main(int argc, char **argv)
{
	const char *shared = getenv("ONLYONCE_SHARED_DIR") ? getenv("ONLYONCE_SHARED_DIR")
							   : ONLYONCE_SHARED_DIR;
	char tests[4096], remotes[4096], metaschemas[4096];
	runner r;

	memset(&r, 0, sizeof(r));
	r.verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	snprintf(tests, sizeof(tests), "%s/conformance/json-schema-test-suite/tests/draft2020-12", shared);
	snprintf(remotes, sizeof(remotes), "%s/conformance/json-schema-test-suite/remotes", shared);
	snprintf(metaschemas, sizeof(metaschemas), "%s/conformance/json-schema-metaschemas/draft2020-12",
		 shared);
	if (oo_schema_registry_new(&r.registry, NULL) != OO_OK)
		return 2;
	add_tree(&r, remotes, "http://localhost:1234/", 0);
	add_tree(&r, metaschemas, "https://json-schema.org/draft/2020-12/", 1);
	r.required = 1;
	if (run_dir(&r, tests, "draft2020-12 (required)") != 0) {
		printf("SKIPPED: the JSON Schema Test Suite is not at %s\n", tests);
		oo_schema_registry_free(r.registry);
		return SKIP_STATUS;
	}
	r.required = 0;
	r.flags = OO_SCHEMA_ASSERT_FORMATS;
	strncat(tests, "/optional", sizeof(tests) - strlen(tests) - 1);
	run_dir(&r, tests, "draft2020-12/optional");
	strncat(tests, "/format", sizeof(tests) - strlen(tests) - 1);
	run_dir(&r, tests, "draft2020-12/optional/format");
	printf("total: %lu passed, %lu failed, %lu of them required\n", r.passed,
	       r.failed, r.required_failed);
	oo_schema_registry_free(r.registry);
	return r.required_failed ? 1 : 0;
}
