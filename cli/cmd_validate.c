/* SPDX-License-Identifier: EUPL-1.2 */
/* onlyonce validate: checks JSON documents, such as form submissions,
 * against a JSON Schema (draft 2020-12), so that any back end can run the
 * same check as the generated form. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "onlyonce/alloc.h"
#include "onlyonce/file.h"
#include "onlyonce/json.h"
#include "onlyonce/schema.h"

typedef struct {
	const oo_schema *schema;
	int json;            /* --format json */
	json_t *reports;     /* the JSON output, one object per document */
} validation;

static void print_help(void)
{
	fputs(_("Usage: onlyonce validate --schema SCHEMA [OPTION]... DOCUMENT...\n"
		"Validate JSON documents, such as form submissions, against a JSON Schema\n"
		"(draft 2020-12). No schema is fetched from the network.\n"
		"\n"
		"  -s, --schema FILE        the schema to validate against (required)\n"
		"  -r, --ref FILE           a schema that $ref may name, by its $id or its\n"
		"                           file path; repeat for more schemas\n"
		"  -f, --format FORMAT      output format: text (default) or json (the\n"
		"                           2020-12 basic output for each document)\n"
		"      --assert-formats     check \"format\" values such as dates (default)\n"
		"      --no-assert-formats  treat \"format\" as an annotation only\n"
		"  -h, --help               show this help and exit\n"
		"\n"
		"Exit status: 0 every document is valid, 1 a document is invalid,\n"
		"2 usage error, or a schema or document that cannot be read or parsed.\n"), stdout);
}

static void print_text(const char *path, const char *text, size_t len,
		       const oo_schema_result *res)
{
	size_t i;
	int line, column;

	if (res->valid) {
		printf(_("%s: valid\n"), path);
		return;
	}
	for (i = 0; i < res->error_count; i++) {
		const oo_schema_error *e = &res->errors[i];

		line = column = 0;
		oo_jsonloc_find(text, len, e->instance_location, &line, &column);
		printf("%s:%d:%d: %s [%s] (%s)\n", path, line, column, e->message,
		       e->instance_location[0] ? e->instance_location : "/",
		       e->keyword_location);
	}
}

/* Adds the basic output of one document, with its file name and the line
 * and column of each error, to the JSON report. */
static oo_status add_json_report(validation *v, const char *path, const char *text,
				 size_t len, const oo_schema_result *res, oo_error *err)
{
	json_t *unit = NULL, *errors;
	size_t i;
	int line, column;
	oo_status rc = oo_schema_result_to_json(&unit, res, err);

	if (rc != OO_OK)
		return rc;
	errors = json_object_get(unit, "errors");
	for (i = 0; i < json_array_size(errors); i++) {
		line = column = 0;
		oo_jsonloc_find(text, len, res->errors[i].instance_location, &line, &column);
		json_object_set_new(json_array_get(errors, i), "line", json_integer(line));
		json_object_set_new(json_array_get(errors, i), "column", json_integer(column));
	}
	if (json_object_set_new(unit, "file", json_string(path)) != 0 ||
	    json_array_append_new(v->reports, unit) != 0)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	return OO_OK;
}

/* Validates one document. Returns 1 when it is valid, 0 when invalid,
 * -1 when it cannot be read, parsed or validated. */
static int validate_file(validation *v, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	json_t *doc = NULL;
	oo_schema_result res;
	oo_error err;
	oo_status rc;
	int outcome = -1;

	memset(&res, 0, sizeof(res));
	oo_error_clear(&err);
	rc = oo_file_read(&text, &len, path, OO_FILE_MAX_SIZE, &err);
	if (rc == OO_OK)
		rc = oo_json_parse(&doc, text, len, path, &err);
	if (rc == OO_OK)
		rc = oo_schema_validate(v->schema, doc, &res, &err);
	if (rc == OO_OK && v->json)
		rc = add_json_report(v, path, text, len, &res, &err);
	else if (rc == OO_OK)
		print_text(path, text, len, &res);
	if (rc == OO_OK)
		outcome = res.valid;
	else
		cli_print_error(&err);
	oo_schema_result_clear(&res);
	json_decref(doc);
	oo_free(text);
	return outcome;
}

static int validate_all(validation *v, int count, char **paths)
{
	int i, outcome, invalid = 0, failed = 0;

	for (i = 0; i < count; i++) {
		outcome = validate_file(v, paths[i]);
		invalid |= outcome == 0;
		failed |= outcome < 0;
	}
	if (v->json && json_dumpf(v->reports, stdout, JSON_INDENT(2)) == 0)
		fputc('\n', stdout);
	if (failed)
		return EXIT_USAGE;
	return invalid ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* Creates the registry with the --ref files, refs[0] to refs[count - 1]. */
static int load_refs(oo_schema_registry **registry, char **refs, int count)
{
	oo_error err;
	int i;

	oo_error_clear(&err);
	if (oo_schema_registry_new(registry, &err) != OO_OK) {
		cli_print_error(&err);
		return -1;
	}
	for (i = 0; i < count; i++) {
		if (oo_schema_registry_add_file(*registry, refs[i], &err) != OO_OK) {
			cli_print_error(&err);
			return -1;
		}
	}
	return 0;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option options[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "ref", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "assert-formats", no_argument, NULL, 'A' },
		{ "no-assert-formats", no_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *schema_path = NULL;
	unsigned flags = OO_SCHEMA_ASSERT_FORMATS;
	oo_schema_registry *registry = NULL;
	validation v = { NULL, 0, NULL };
	oo_schema *schema = NULL;
	char **refs = oo_calloc((size_t)argc + 1, sizeof(*refs));
	oo_error err;
	int opt, first, ref_count = 0, code = EXIT_USAGE;

	oo_error_clear(&err);
	if (!refs) {
		cli_errorf(_("out of memory"));
		return EXIT_USAGE;
	}
	while ((opt = getopt_long(argc, argv, "s:r:f:h", options, NULL)) != -1) {
		switch (opt) {
		case 's': schema_path = optarg; break;
		case 'r': refs[ref_count++] = optarg; break;
		case 'f': format = optarg; break;
		case 'A': flags |= OO_SCHEMA_ASSERT_FORMATS; break;
		case 'N': flags &= ~OO_SCHEMA_ASSERT_FORMATS; break;
		case 'h': print_help(); code = EXIT_CLEAN; goto cleanup;
		default: goto cleanup;
		}
	}
	first = optind;
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		cli_errorf(_("invalid format '%s': use text or json"), format);
		goto cleanup;
	}
	if (!schema_path) {
		cli_errorf(_("no schema given: name it with --schema FILE"));
		goto cleanup;
	}
	if (first >= argc) {
		cli_errorf(_("no document given: name one or more JSON files to validate"));
		goto cleanup;
	}

	if (load_refs(&registry, refs, ref_count) != 0)
		goto cleanup;
	if (oo_schema_compile_file(&schema, schema_path, registry, flags, &err) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}
	v.schema = schema;
	v.json = strcmp(format, "json") == 0;
	v.reports = v.json ? json_array() : NULL;
	if (v.json && !v.reports) {
		cli_errorf(_("out of memory"));
		goto cleanup;
	}
	code = validate_all(&v, argc - first, argv + first);

cleanup:
	oo_free(refs);
	json_decref(v.reports);
	oo_schema_free(schema);
	oo_schema_registry_free(registry);
	return cli_finish(code);
}
