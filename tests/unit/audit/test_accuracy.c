/* SPDX-License-Identifier: EUPL-1.2 */
/* Accuracy of the audit against hand-written truth files: for every
 * fixtures/existing-forms/<name>.truth.tsv, the precision and recall of
 * "asks authentic data" (with the right source) and of "fetchable
 * attachment". Both must reach MIN_SCORE over the whole set.
 *
 * A truth file lists the positives; every other field is a negative:
 *   file<TAB><fixture file name>
 *   <form id><TAB><field id><TAB>authentic|fetchable<TAB><source>
 * Set AUDIT_ACCURACY_DUMP=1 to print every extracted field. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audit_private.h"
#include "onlyonce/alloc.h"
#include "onlyonce/file.h"

#define MIN_SCORE 0.9
#define TRUTH_MAX 256
#define TRUTH_SUFFIX ".truth.tsv"

typedef struct {
	char form[96], field[96], kind[16], source[32];
	int seen;
} truth_row;

typedef struct {
	size_t tp, fp, fn;
} tally;

typedef struct {
	oo_catalog *cat;
	oo_matcher *matcher;
	tally authentic, fetchable;
	int dump;
} run;

static size_t read_truth(const char *path, char *fixture, size_t size, truth_row *rows)
{
	FILE *fp = fopen(path, "r");
	char line[512];
	size_t n = 0;

	if (!fp)
		fail_msg("cannot open %s", path);
	fixture[0] = '\0';
	while (fgets(line, sizeof(line), fp)) {
		truth_row *r = &rows[n];

		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		if (strncmp(line, "file\t", 5) == 0) {
			size_t len = strlen(line + 5);

			if (len >= size)
				fail_msg("%s: fixture name longer than %zu bytes", path, size - 1);
			memcpy(fixture, line + 5, len + 1);
			continue;
		}
		memset(r, 0, sizeof(*r));
		if (n + 1 >= TRUTH_MAX ||
		    sscanf(line, "%95[^\t]\t%95[^\t]\t%15[^\t]\t%31s", r->form, r->field, r->kind, r->source) != 4)
			fail_msg("%s: invalid truth line \"%s\"", path, line);
		n++;
	}
	fclose(fp);
	return n;
}

static truth_row *truth_for(truth_row *rows, size_t n, const char *form, const char *field,
			    const char *kind)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(rows[i].form, form) == 0 && strcmp(rows[i].field, field) == 0 &&
		    strcmp(rows[i].kind, kind) == 0)
			return &rows[i];
	return NULL;
}

/* Counts one prediction against the truth: a hit needs the same source. */
static void score(tally *t, const char *kind, const char *predicted, truth_row *rows, size_t n,
		  const oo_form *form, const oo_field *f)
{
	truth_row *truth = truth_for(rows, n, form->id, f->id, kind);

	if (truth)
		truth->seen = 1;
	if (predicted && truth && strcmp(predicted, truth->source) == 0) {
		t->tp++;
		return;
	}
	if (predicted) {
		t->fp++;
		printf("  false %s: %s %s (\"%s\") read as %s from %s\n", kind, form->id, f->id,
		       oo_audit__field_label(f), f->concept, predicted);
	}
	if (truth) {
		t->fn++;
		printf("  missed %s: %s %s (\"%s\") from %s\n", kind, form->id, f->id,
		       oo_audit__field_label(f), truth->source);
	}
}

static void score_form(run *r, const oo_form *form, truth_row *rows, size_t n)
{
	size_t i;

	for (i = 0; i < form->field_count; i++) {
		const oo_field *f = &form->fields[i];
		const oo_concept *c = f->concept ? oo_catalog_find(r->cat, f->concept) : NULL;
		int fetch = oo_audit__field_action(form, i, r->cat) == OO_AUDIT_FETCH;
		int authentic = c && c->kind == OO_CONCEPT_DATUM && oo_concept_is_authentic(c) && !f->prefill;

		if (f->type == OO_FIELD_HIDDEN)
			continue;
		if (r->dump)
			printf("  %s\t%s\t%s\t%s\t%s\t[%s]\n", form->id, f->id, oo_field_type_name(f->type),
			       oo_audit__field_label(f), f->concept ? f->concept : "-",
			       f->context ? f->context : "");
		score(&r->authentic, "authentic", authentic ? c->source : NULL, rows, n, form, f);
		score(&r->fetchable, "fetchable", fetch ? c->source : NULL, rows, n, form, f);
	}
}

static void audit_truth_file(run *r, const char *truth_path)
{
	static truth_row rows[TRUTH_MAX];
	char fixture[256], path[1024];
	char *text = NULL;
	size_t len = 0, count = 0, n, i;
	oo_form **forms = NULL;
	oo_error err;

	n = read_truth(truth_path, fixture, sizeof(fixture), rows);
	snprintf(path, sizeof(path), "%s/fixtures/existing-forms/%s", ONLYONCE_SOURCE_DIR, fixture);
	printf("%s\n", fixture);
	if (oo_file_read(&text, &len, path, OO_FILE_MAX_SIZE, &err) != OO_OK ||
	    oo_audit_extract(&forms, &count, text, len, path, NULL, &err) != OO_OK)
		fail_msg("cannot extract %s: %s", path, err.message);
	for (i = 0; i < count; i++) {
		if (oo_audit_form(forms[i], r->matcher, r->cat, NULL, &err) != OO_OK)
			fail_msg("audit of %s failed: %s", path, err.message);
		score_form(r, forms[i], rows, n);
	}
	for (i = 0; i < n; i++)
		if (!rows[i].seen)
			fail_msg("%s: truth names field %s of form %s, which the page does not have",
				 truth_path, rows[i].field, rows[i].form);
	oo_audit_forms_free(forms, count);
	oo_free(text);
}

static double ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 1.0;
}

static void report(const char *what, const tally *t)
{
	double precision = ratio(t->tp, t->tp + t->fp), recall = ratio(t->tp, t->tp + t->fn);

	printf("%-24s precision %.3f (%zu of %zu), recall %.3f (%zu of %zu)\n", what,
	       precision, t->tp, t->tp + t->fp, recall, t->tp, t->tp + t->fn);
	assert_true(precision >= MIN_SCORE);
	assert_true(recall >= MIN_SCORE);
}

static int is_truth_file(const char *name)
{
	size_t len = strlen(name), suffix = strlen(TRUTH_SUFFIX);

	return len > suffix && strcmp(name + len - suffix, TRUTH_SUFFIX) == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void accuracy_reaches_minimum(void **state)
{
	run r;
	oo_error err;
	char dir[512], path[1024], *names[64];
	size_t count = 0, i;
	struct dirent *entry;
	DIR *d;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.dump = getenv("AUDIT_ACCURACY_DUMP") != NULL;
	assert_int_equal(oo_catalog_load(&r.cat, oo_catalog_default_path(), &err), OO_OK);
	assert_int_equal(oo_matcher_new(&r.matcher, r.cat, &err), OO_OK);
	snprintf(dir, sizeof(dir), "%s/fixtures/existing-forms", ONLYONCE_SOURCE_DIR);
	d = opendir(dir);
	assert_non_null(d);
	while ((entry = readdir(d)) != NULL && count < 64)
		if (is_truth_file(entry->d_name))
			names[count++] = strdup(entry->d_name);
	closedir(d);
	qsort(names, count, sizeof(names[0]), by_name);
	assert_true(count >= 9);
	for (i = 0; i < count; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		audit_truth_file(&r, path);
		free(names[i]);
	}
	report("asks authentic data", &r.authentic);
	report("fetchable attachment", &r.fetchable);
	oo_matcher_free(r.matcher);
	oo_catalog_free(r.cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accuracy_reaches_minimum),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
