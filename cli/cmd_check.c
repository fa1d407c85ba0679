/* SPDX-License-Identifier: EUPL-1.2 */
/* onlyonce check: schema validation and only-once rules for CI. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "inputs.h"
#include "onlyonce/alloc.h"
#include "onlyonce/check.h"

/* The options of one run. */
typedef struct {
	const char *format;
	const char *schemas;
	const char *config;
	int fail_on;             /* lowest severity that makes the exit status 1; -1: not given */
	const char **against;    /* --against folders, borrowed from argv */
	size_t against_count;
} check_options;

static void print_help(void)
{
	fputs(_("Usage: onlyonce check [OPTION]... FILE|FOLDER...\n"
		"Validate form definitions against form.schema.json and apply the only-once rules.\n"
		"A FOLDER stands for the *.form.json files in it.\n"
		"\n"
		"  -f, --format FORMAT   output format: text (default), json, sarif (SARIF 2.1.0)\n"
		"                        or github (GitHub Actions annotations)\n"
		"      --fail-on LEVEL   exit with status 1 when a finding has this severity or a\n"
		"                        higher one: error (default), warning or info\n"
		"  -c, --config FILE     read rule severities and fail_on from a JSON file\n"
		"      --against DIR     compare with the definitions (*.form.json) and HTML forms\n"
		"                        (*.html, *.htm) below DIR and report each concept they\n"
		"                        ask too; repeat for more folders\n"
		"      --schemas DIR     read form.schema.json and concepts.json from DIR\n"
		"  -h, --help            show this help and exit\n"
		"\n"
		"Exit status: 0 no finding at the --fail-on level, 1 findings at that level,\n"
		"2 usage error or a file that cannot be read or parsed.\n"), stdout);
}

static int severity_from_option(const char *s)
{
	if (strcmp(s, "error") == 0)
		return OO_SEVERITY_ERROR;
	if (strcmp(s, "warning") == 0)
		return OO_SEVERITY_WARNING;
	if (strcmp(s, "info") == 0)
		return OO_SEVERITY_INFO;
	return -1;
}

static int known_format(const char *format)
{
	static const char *const formats[] = { "text", "json", "sarif", "github" };
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(format, formats[i]) == 0)
			return 1;
	return 0;
}

/* Parses the options into o; returns optind, or -1 after a usage error
 * and 0 after --help. */
static int parse_options(check_options *o, int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "config", required_argument, NULL, 'c' },
		{ "against", required_argument, NULL, 'a' },
		{ "schemas", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "f:c:h", options, NULL)) != -1) {
		switch (opt) {
		case 'f': o->format = optarg; break;
		case 'c': o->config = optarg; break;
		case 's': o->schemas = optarg; break;
		case 'a': o->against[o->against_count++] = optarg; break;
		case 'F':
			o->fail_on = severity_from_option(optarg);
			if (o->fail_on < 0) {
				cli_errorf(_("invalid level '%s' for --fail-on: use error, warning or info"), optarg);
				return -1;
			}
			break;
		case 'h': print_help(); return 0;
		default: return -1;
		}
	}
	if (!known_format(o->format)) {
		cli_errorf(_("invalid format '%s': use text, json, sarif or github"), o->format);
		return -1;
	}
	if (optind >= argc) {
		cli_errorf(_("no definition given: name one or more FILE or FOLDER"));
		return -1;
	}
	return optind;
}

/* Loads the forms of each --against folder into the checker. */
static int load_against(oo_checker *checker, const check_options *o)
{
	static const char *const suffixes[] = { ".form.json", ".html", ".htm", NULL };
	cli_inputs files = CLI_INPUTS_INIT;
	size_t i;
	int rc = 0;

	if (!o->against_count)
		return 0;
	if (cli_inputs_collect_ext(&files, (int)o->against_count, (char **)o->against, suffixes, 1) != 0)
		rc = -1;
	for (i = 0; rc == 0 && i < files.count; i++) {
		oo_error err;

		oo_error_clear(&err);
		if (oo_checker_add_against(checker, files.paths[i], &err) != OO_OK) {
			cli_print_error(&err);
			rc = -1;
		}
	}
	cli_inputs_free(&files);
	return rc;
}

/* Creates the checker with the configuration file and --against forms. */
static int set_up(oo_checker **checker, check_options *o)
{
	oo_error err;
	int fail_on = -1;

	oo_error_clear(&err);
	if (oo_checker_new(checker, o->schemas, &err) != OO_OK ||
	    (o->config && oo_checker_load_config(*checker, o->config, &fail_on, &err) != OO_OK)) {
		cli_print_error(&err);
		return -1;
	}
	/* The command line wins over the configuration file. */
	if (o->fail_on < 0)
		o->fail_on = fail_on >= 0 ? fail_on : OO_SEVERITY_ERROR;
	return load_against(*checker, o);
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
	check_options o = { "text", NULL, NULL, -1, NULL, 0 };
	cli_inputs inputs = CLI_INPUTS_INIT;
	oo_checker *checker = NULL;
	oo_findings *list = NULL;
	int first, code = EXIT_USAGE;
	size_t input_errors;

	o.against = oo_calloc((size_t)argc + 1, sizeof(*o.against));
	if (!o.against) {
		cli_errorf(_("out of memory"));
		return EXIT_USAGE;
	}
	first = parse_options(&o, argc, argv);
	if (first <= 0) {
		code = first == 0 ? EXIT_CLEAN : EXIT_USAGE;
		goto cleanup;
	}
	if (cli_inputs_collect(&inputs, argc - first, argv + first, ".form.json") != 0 ||
	    set_up(&checker, &o) != 0)
		goto cleanup;
	if (oo_findings_new(&list) != OO_OK) {
		cli_errorf(_("out of memory"));
		goto cleanup;
	}

	input_errors = check_files(checker, &inputs, list);
	oo_findings_sort(list);
	cli_print_findings(stdout, list, o.format, inputs.count - input_errors);
	if (input_errors)
		code = EXIT_USAGE;
	else
		code = oo_findings_has(list, (oo_severity)o.fail_on) ? EXIT_FINDINGS : EXIT_CLEAN;

cleanup:
	oo_free(o.against);
	oo_findings_free(list);
	oo_checker_free(checker);
	cli_inputs_free(&inputs);
	return cli_finish(code);
}
