/* SPDX-License-Identifier: EUPL-1.2 */
/* onlyonce check: schema validation and only-once rules for CI. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "inputs.h"
#include "onlyonce/check.h"

static void print_help(void)
{
	fputs(_("Usage: onlyonce check [OPTION]... FILE|FOLDER...\n"
		"Validate form definitions against form.schema.json and apply the only-once rules.\n"
		"A FOLDER stands for the *.form.json files in it.\n"
		"\n"
		"  -f, --format FORMAT  output format: text (default) or json\n"
		"      --schemas DIR    read form.schema.json and concepts.json from DIR\n"
		"  -h, --help           show this help and exit\n"
		"\n"
		"Exit status: 0 no finding at error level, 1 findings at error level,\n"
		"2 usage error or a file that cannot be read or parsed.\n"), stdout);
}

/* Checks every file, collecting findings; returns how many files could not
 * be checked at all. */
static size_t check_files(oo_checker *checker, const cli_inputs *in, oo_findings *list)
{
	size_t i, input_errors = 0;

	for (i = 0; i < in->count; i++) {
		oo_error err;
		oo_status rc;

		oo_error_clear(&err);
		rc = oo_check_file(checker, in->paths[i], list, NULL, &err);
		if (rc != OO_OK) {
			cli_print_error(&err);
			input_errors++;
		}
	}
	return input_errors;
}

int cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "schemas", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *schemas = NULL;
	cli_inputs inputs = CLI_INPUTS_INIT;
	oo_checker *checker = NULL;
	oo_findings *list = NULL;
	oo_error err;
	int opt, code = EXIT_USAGE;
	size_t input_errors;

	oo_error_clear(&err);
	while ((opt = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (opt) {
		case 'f': format = optarg; break;
		case 's': schemas = optarg; break;
		case 'h': print_help(); return cli_finish(EXIT_CLEAN);
		default: return EXIT_USAGE;
		}
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		cli_errorf(_("invalid format '%s': use text or json"), format);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		cli_errorf(_("no definition given: name one or more FILE or FOLDER"));
		return EXIT_USAGE;
	}
	if (cli_inputs_collect(&inputs, argc - optind, argv + optind, ".form.json") != 0)
		goto cleanup;
	if (oo_checker_new(&checker, schemas, &err) != OO_OK || oo_findings_new(&list) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}

	input_errors = check_files(checker, &inputs, list);
	oo_findings_sort(list);
	cli_print_findings(stdout, list, format, inputs.count - input_errors);
	if (input_errors)
		code = EXIT_USAGE;
	else
		code = oo_findings_has(list, OO_SEVERITY_ERROR) ? EXIT_FINDINGS : EXIT_CLEAN;

cleanup:
	oo_findings_free(list);
	oo_checker_free(checker);
	cli_inputs_free(&inputs);
	return cli_finish(code);
}
