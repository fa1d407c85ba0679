/* SPDX-License-Identifier: EUPL-1.2 */
/* Measures how many JSON documents per second the schema engine validates,
 * with and without parsing, for bench/run.sh. Reads the schema and the
 * documents (one JSON file each, or one document per line of a .jsonl
 * file) into memory first, so that file I/O is not measured.
 * Usage: bench_validate [--assert-formats] ROUNDS NAME SCHEMA DOCUMENT...
 * Prints one line per mode: NAME, mode, documents, seconds, documents per
 * second in the fastest fifth of the run, valid documents per pass; then
 * the peak resident set size in KiB.
 * "with parsing" hands the text to oo_schema_validate_text, what a caller
 * with text in hand uses; "without parsing" validates jansson values
 * parsed beforehand with oo_schema_validate; "with jansson parsing" parses
 * with jansson and then calls oo_schema_validate. */
#define _XOPEN_SOURCE 700

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <jansson.h>

#include "onlyonce/schema.h"

typedef struct {
	char **texts;
	size_t *lengths;
	size_t count, cap;
} corpus;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void add_text(corpus *c, const char *text, size_t len)
{
	if (c->count == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->texts = realloc(c->texts, c->cap * sizeof(*c->texts));
		c->lengths = realloc(c->lengths, c->cap * sizeof(*c->lengths));
		if (!c->texts || !c->lengths) {
			fputs("bench_validate: out of memory\n", stderr);
			exit(2);
		}
	}
	c->texts[c->count] = strndup(text, len);
	c->lengths[c->count++] = len;
}

/* Adds the file, or each non-empty line of a .jsonl file. */
static void add_file(corpus *c, const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *text;
	long size;
	size_t n = strlen(path), start = 0, i;

	if (!fp || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0) {
		fprintf(stderr, "bench_validate: cannot read %s\n", path);
		exit(2);
	}
	rewind(fp);
	text = malloc((size_t)size + 1);
	if (!text || fread(text, 1, (size_t)size, fp) != (size_t)size) {
		fprintf(stderr, "bench_validate: cannot read %s\n", path);
		exit(2);
	}
	fclose(fp);
	text[size] = '\0';
	if (n < 6 || strcmp(path + n - 6, ".jsonl") != 0) {
		add_text(c, text, (size_t)size);
	} else {
		for (i = 0; i <= (size_t)size; i++) {
			if (i < (size_t)size && text[i] != '\n')
				continue;
			if (i > start)
				add_text(c, text + start, i - start);
			start = i + 1;
		}
	}
	free(text);
}

static json_t *parse(const char *text, size_t len)
{
	json_error_t error;
	json_t *doc = json_loadb(text, len, JSON_ALLOW_NUL, &error);

	if (!doc) {
		fprintf(stderr, "bench_validate: invalid JSON: %s\n", error.text);
		exit(2);
	}
	return doc;
}

static int finish(oo_status rc, oo_schema_result *result, const oo_error *err)
{
	int valid;

	if (rc != OO_OK) {
		fprintf(stderr, "bench_validate: %s\n", err->message);
		exit(2);
	}
	valid = result->valid;
	oo_schema_result_clear(result);
	return valid;
}

typedef enum { MODE_TEXT, MODE_JANSSON_TEXT, MODE_PARSED } mode;

/* Validates document i of the corpus: from its text with the engine's
 * own parser, from its text parsed by jansson, or parsed beforehand. */
static int validate(const oo_schema *schema, const corpus *c, json_t **parsed, size_t i,
		    mode m)
{
	oo_schema_result result;
	oo_error err;
	json_t *doc;
	int valid;

	if (m == MODE_TEXT)
		return finish(oo_schema_validate_text(schema, c->texts[i], c->lengths[i], &result,
						      &err), &result, &err);
	doc = m == MODE_PARSED ? parsed[i] : parse(c->texts[i], c->lengths[i]);
	valid = finish(oo_schema_validate(schema, doc, &result, &err), &result, &err);
	if (m != MODE_PARSED)
		json_decref(doc);
	return valid;
}

/* Runs rounds passes over the corpus in mode m, timed in SLICES equal
 * parts, and prints the rate of the fastest part: on a shared machine the
 * fastest part is the one least disturbed by other processes. */
#define SLICES 5

static void run(const char *name, const char *label, const oo_schema *schema,
		const corpus *c, json_t **parsed, mode m, int rounds)
{
	size_t i, valid = 0, docs = 0, slice_docs;
	double total = 0, best = 0, start, seconds;
	int r, slice, per_slice = rounds >= SLICES ? rounds / SLICES : 1;

	for (slice = 0; slice < (rounds >= SLICES ? SLICES : 1); slice++) {
		slice_docs = 0;
		start = now();
		for (r = 0; r < per_slice; r++) {
			for (i = 0; i < c->count; i++) {
				valid += validate(schema, c, parsed, i, m);
				slice_docs++;
			}
		}
		seconds = now() - start;
		total += seconds;
		docs += slice_docs;
		if ((double)slice_docs / seconds > best)
			best = (double)slice_docs / seconds;
	}
	printf("%s\t%s\t%zu\t%.3f\t%.0f\t%zu\n", name, label, docs, total, best,
	       valid / (docs / c->count));
}

int main(int argc, char **argv)
{
	corpus c = { NULL, NULL, 0, 0 };
	unsigned flags = 0;
	oo_schema *schema = NULL;
	json_t **parsed;
	struct rusage usage;
	oo_error err;
	int arg = 1, rounds, i;
	size_t k;

	if (argc > 1 && strcmp(argv[1], "--assert-formats") == 0) {
		flags = OO_SCHEMA_ASSERT_FORMATS;
		arg++;
	}
	if (argc - arg < 4) {
		fputs("usage: bench_validate [--assert-formats] ROUNDS NAME SCHEMA DOCUMENT...\n", stderr);
		return 2;
	}
	rounds = atoi(argv[arg]);
	if (oo_schema_compile_file(&schema, argv[arg + 2], NULL, flags, &err) != OO_OK) {
		fprintf(stderr, "bench_validate: %s\n", err.message);
		return 2;
	}
	for (i = arg + 3; i < argc; i++)
		add_file(&c, argv[i]);
	parsed = calloc(c.count, sizeof(*parsed));
	for (k = 0; k < c.count; k++)
		parsed[k] = parse(c.texts[k], c.lengths[k]);

	run(argv[arg + 1], "warm-up", schema, &c, parsed, MODE_TEXT, 1);
	run(argv[arg + 1], "with parsing", schema, &c, parsed, MODE_TEXT, rounds);
	run(argv[arg + 1], "without parsing", schema, &c, parsed, MODE_PARSED, rounds);
	run(argv[arg + 1], "with jansson parsing", schema, &c, parsed, MODE_JANSSON_TEXT, rounds);
	getrusage(RUSAGE_SELF, &usage);
	printf("peak_rss_kib\t%ld\n", usage.ru_maxrss);

	for (k = 0; k < c.count; k++) {
		json_decref(parsed[k]);
		free(c.texts[k]);
	}
	free(parsed);
	free(c.texts);
	free(c.lengths);
	oo_schema_free(schema);
	return 0;
}
