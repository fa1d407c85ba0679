/* SPDX-License-Identifier: EUPL-1.2 */
/* Shared parts of the command-line interface: the only code of onlyonce
 * that prints or exits. */
#ifndef ONLYONCE_CLI_H
#define ONLYONCE_CLI_H

#include <libintl.h>
#include <stdio.h>

#include <jansson.h>

#include "onlyonce/findings.h"
#include "onlyonce/status.h"

#define _(s) gettext(s)
#define N_(s) (s)

/* Documented exit codes. */
enum {
	EXIT_CLEAN = 0,    /* no finding at error level */
	EXIT_FINDINGS = 1, /* at least one finding at error level */
	EXIT_USAGE = 2     /* usage error, or an input that could not be read */
};

int cmd_check(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_kbo(int argc, char **argv);

/* Prints "onlyonce: " and the message of err (with file:line:column when
 * known) to stderr. */
void cli_print_error(const oo_error *err);

/* Prints a formatted, translated message to stderr with the program prefix. */
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes findings in the format "text" or "json" to fp. */
int cli_print_findings(FILE *fp, const oo_findings *list, const char *format,
		       size_t files_checked);

/* Returns the findings as a JSON array (caller owns it). */
json_t *cli_findings_json(const oo_findings *list);

/* Closes stdout and reports a write error, as a failed write to a full
 * disk or a closed pipe must not pass silently. Returns EXIT_USAGE on
 * error, else code. */
int cli_finish(int code);

#endif
