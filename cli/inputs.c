/* SPDX-License-Identifier: EUPL-1.2 */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "onlyonce/alloc.h"

static int push(cli_inputs *in, const char *path)
{
	char **paths = oo_realloc(in->paths, (in->count + 1) * sizeof(*paths));

	if (!paths || !(paths[in->count] = oo_strdup(path))) {
		if (paths)
			in->paths = paths;
		cli_errorf(_("out of memory"));
		return -1;
	}
	in->paths = paths;
	in->count++;
	return 0;
}

static int has_suffix(const char *name, const char *const *suffixes)
{
	size_t n = strlen(name);

	for (; *suffixes; suffixes++) {
		size_t s = strlen(*suffixes);

		if (n > s && strcasecmp(name + n - s, *suffixes) == 0)
			return 1;
	}
	return 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_folder(cli_inputs *in, const char *dir, const char *const *suffixes, int recursive)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t first = in->count;
	int rc = 0;

	if (!d) {
		cli_errorf(_("cannot read folder '%s': %s"), dir, strerror(errno));
		return -1;
	}
	while (rc == 0 && (e = readdir(d))) {
		char path[4096];
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (recursive)
				rc = add_folder(in, path, suffixes, recursive);
		} else if (has_suffix(e->d_name, suffixes)) {
			rc = push(in, path);
		}
	}
	closedir(d);
	if (in->count > first)
		qsort(in->paths + first, in->count - first, sizeof(*in->paths), compare_names);
	return rc;
}

int cli_inputs_collect_ext(cli_inputs *in, int argc, char **argv, const char *const *suffixes,
			   int recursive)
{
	int i;

	for (i = 0; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if (add_folder(in, argv[i], suffixes, recursive) != 0)
				return -1;
		} else if (push(in, argv[i]) != 0) {
			return -1;
		}
	}
	return 0;
}

int cli_inputs_collect(cli_inputs *in, int argc, char **argv, const char *suffix)
{
	const char *suffixes[] = { suffix, NULL };

	return cli_inputs_collect_ext(in, argc, argv, suffixes, 0);
}

void cli_inputs_free(cli_inputs *in)
{
	size_t i;

	for (i = 0; i < in->count; i++)
		oo_free(in->paths[i]);
	oo_free(in->paths);
	in->paths = NULL;
	in->count = 0;
}
