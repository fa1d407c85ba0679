/* SPDX-License-Identifier: EUPL-1.2 */
/* onlyonce: only-once web forms for municipalities. main only sets up the
 * locale and hands over to one subcommand. */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void print_usage(FILE *fp)
{
	fputs(_("Usage: onlyonce COMMAND [OPTION]... FILE...\n"
		"\n"
		"Commands:\n"
		"  check   validate form definitions and apply the only-once rules\n"
		"  build   render form definitions as HTML with prefilled KBO data\n"
		"  audit   report what existing HTML forms ask that a source already holds\n"
		"  validate  check JSON documents, such as submissions, against a JSON Schema\n"
		"  kbo     import KBO Open Data extracts into a store for --source kbo:FILE\n"
		"\n"
		"Run 'onlyonce COMMAND --help' for the options of a command.\n"
		"Exit status: 0 clean, 1 findings at error level, 2 usage or input error.\n"), fp);
}

/* Uses the catalogue compiled into the build folder when the program runs
 * from there, so tests get Dutch messages without an installation. */
static void setup_locale(void)
{
	const char *dir = ONLYONCE_LOCALEDIR;

	setlocale(LC_ALL, "");
	if (access(ONLYONCE_BUILD_LOCALEDIR "/nl/LC_MESSAGES/onlyonce.mo", R_OK) == 0)
		dir = ONLYONCE_BUILD_LOCALEDIR;
	bindtextdomain("onlyonce", dir);
	bind_textdomain_codeset("onlyonce", "UTF-8");
	textdomain("onlyonce");
}

int main(int argc, char **argv)
{
	const char *command;

	setup_locale();
	if (argc < 2) {
		print_usage(stderr);
		return EXIT_USAGE;
	}
	command = argv[1];
	if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0) {
		print_usage(stdout);
		return cli_finish(EXIT_CLEAN);
	}
	if (strcmp(command, "--version") == 0) {
		printf("onlyonce %s\n", ONLYONCE_VERSION);
		return cli_finish(EXIT_CLEAN);
	}
	if (strcmp(command, "check") == 0)
		return cmd_check(argc - 1, argv + 1);
	if (strcmp(command, "build") == 0)
		return cmd_build(argc - 1, argv + 1);
	if (strcmp(command, "audit") == 0)
		return cmd_audit(argc - 1, argv + 1);
	if (strcmp(command, "validate") == 0)
		return cmd_validate(argc - 1, argv + 1);
	if (strcmp(command, "kbo") == 0)
		return cmd_kbo(argc - 1, argv + 1);
	cli_errorf(_("unknown command '%s'"), command);
	print_usage(stderr);
	return EXIT_USAGE;
}
