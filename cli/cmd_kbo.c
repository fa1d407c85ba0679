/* SPDX-License-Identifier: EUPL-1.2 */
/* onlyonce kbo import: KBO Open Data extracts into a SQLite store that
 * --source kbo:FILE reads. */
#include <getopt.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "onlyonce/prefill.h"

typedef struct {
	int on_terminal;
	time_t last;          /* when progress was last printed */
} progress_state;

static void print_help(void)
{
	fputs(_("Usage: onlyonce kbo import DIR --db FILE\n"
		"Import a KBO Open Data extract, unzipped in DIR, into the SQLite store FILE,\n"
		"which 'onlyonce build --source kbo:FILE' reads.\n"
		"A full extract (enterprise.csv and the other files) replaces FILE; an update\n"
		"extract (<file>_delete.csv and <file>_insert.csv) changes an existing FILE.\n"
		"\n"
		"  -d, --db FILE   SQLite store to write\n"
		"  -h, --help      show this help and exit\n"
		"\n"
		"Exit status: 0 imported, 2 usage error or an extract that cannot be read.\n"), stdout);
}

/* Prints progress at most once a second, and only on a terminal, where
 * "\r" rewrites the line. */
static void show_progress(void *context, const char *file, unsigned long long rows,
			  unsigned long long bytes_done, unsigned long long bytes_total)
{
	progress_state *state = context;
	time_t now = time(NULL);
	const char *name = strrchr(file, '/');

	if (!state->on_terminal || now == state->last)
		return;
	state->last = now;
	fprintf(stderr, _("\ronlyonce: importing %s: %llu rows, %llu%%"), name ? name + 1 : file, rows,
		bytes_total ? bytes_done * 100 / bytes_total : 100);
	fflush(stderr);
}

static int parse_options(const char **db, int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "d:h", options, NULL)) != -1) {
		switch (opt) {
		case 'd': *db = optarg; break;
		case 'h': print_help(); return 1;
		default: return -1;
		}
	}
	return 0;
}

static int run_import(const char *dir, const char *db)
{
	progress_state state = { isatty(STDERR_FILENO), 0 };
	oo_kbo_import_summary summary;
	oo_error err;

	oo_error_clear(&err);
	if (oo_kbo_import(&summary, dir, db, show_progress, &state, &err) != OO_OK) {
		if (state.last)
			fputc('\n', stderr);
		cli_print_error(&err);
		return EXIT_USAGE;
	}
	if (state.last)
		fputc('\n', stderr);
	printf(_("%s: %s extract %s of %s imported, %llu rows from %u files\n"), db,
	       summary.update ? _("update") : _("full"),
	       summary.extract_number[0] ? summary.extract_number : "?",
	       summary.snapshot_date[0] ? summary.snapshot_date : "?", summary.rows, summary.files);
	return EXIT_CLEAN;
}

int cmd_kbo(int argc, char **argv)
{
	const char *db = NULL;
	int parsed;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		print_help();
		return cli_finish(EXIT_CLEAN);
	}
	if (argc < 2 || strcmp(argv[1], "import") != 0) {
		cli_errorf(_("missing or unknown kbo subcommand: use 'onlyonce kbo import DIR --db FILE'"));
		return EXIT_USAGE;
	}
	parsed = parse_options(&db, argc - 1, argv + 1);
	if (parsed != 0)
		return parsed > 0 ? cli_finish(EXIT_CLEAN) : EXIT_USAGE;
	if (!db) {
		cli_errorf(_("no store given: use --db FILE"));
		return EXIT_USAGE;
	}
	if (optind + 1 != argc - 1) {
		cli_errorf(_("expected one extract folder DIR, got %d"), argc - 1 - optind);
		return EXIT_USAGE;
	}
	return cli_finish(run_import(argv[optind + 1], db));
}
