/* SPDX-License-Identifier: EUPL-1.2 */
/* Expands command-line arguments into the list of files to read. */
#ifndef ONLYONCE_CLI_INPUTS_H
#define ONLYONCE_CLI_INPUTS_H

#include <stddef.h>

typedef struct {
	char **paths;
	size_t count;
} cli_inputs;

#define CLI_INPUTS_INIT { NULL, 0 }

/* Adds each argument; a folder adds its files whose names end in suffix,
 * sorted, recursing into subfolders when recursive is set. Prints a
 * message and returns -1 when an argument does not exist. */
int cli_inputs_collect_ext(cli_inputs *in, int argc, char **argv, const char *const *suffixes,
			   int recursive);
int cli_inputs_collect(cli_inputs *in, int argc, char **argv, const char *suffix);

void cli_inputs_free(cli_inputs *in);

#endif
