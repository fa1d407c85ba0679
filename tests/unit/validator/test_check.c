/* SPDX-License-Identifier: EUPL-1.2 */
/* oo_check_file with suppressions, a configuration file and forms to
 * compare with, on definitions written to a temporary folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "onlyonce/check.h"

static char folder[] = "/tmp/onlyonce-check-XXXXXX";

/* A valid definition whose second field types the legal name by hand;
 * extra is inserted into that field's members. */
static const char definition[] =
	"{\"id\": \"t\", \"version\": \"1.0\", \"languages\": [\"nl\"],\n"
	" \"title\": {\"nl\": \"T\"},\n"
	" \"process\": {\"owner\": {\"nl\": \"G\"}, \"legal_basis\": {\"nl\": \"R\"}},\n"
	" \"applicant\": {\"type\": \"enterprise\"},\n"
	" \"sections\": [{\"id\": \"s\", \"title\": {\"nl\": \"S\"}, \"fields\": [\n"
	"  {\"id\": \"number\", \"concept\": \"enterprise.number\", \"purpose\": {\"nl\": \"P\"}},\n"
	"  {\"id\": \"name\", \"concept\": \"enterprise.legal_name\", \"prefill\": false,\n"
	"   \"purpose\": {\"nl\": \"P\"}%s}\n"
	" ]}]}\n";

static char *write_file(const char *name, const char *fmt, const char *extra)
{
	static char path[4][256];
	static int next;
	char *p = path[next++ % 4];
	FILE *fp;

	snprintf(p, sizeof(path[0]), "%s/%s", folder, name);
	fp = fopen(p, "w");
	assert_non_null(fp);
	fprintf(fp, fmt, extra);
	fclose(fp);
	return p;
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(folder) ? 0 : -1;
}

static int teardown(void **state)
{
	char command[300];

	(void)state;
	snprintf(command, sizeof(command), "rm -rf '%s'", folder);
	return system(command);
}

/* Checks path with a new checker after configure (may be NULL). */
static oo_findings *check(const char *path, const char *config, const char *against)
{
	oo_checker *checker = NULL;
	oo_findings *list = NULL;
	oo_error err;
	int fail_on;

	assert_int_equal(oo_checker_new(&checker, NULL, &err), OO_OK);
	if (config)
		assert_int_equal(oo_checker_load_config(checker, config, &fail_on, &err), OO_OK);
	if (against)
		assert_int_equal(oo_checker_add_against(checker, against, &err), OO_OK);
	assert_int_equal(oo_findings_new(&list), OO_OK);
	assert_int_equal(oo_check_file(checker, path, list, NULL, &err), OO_OK);
	oo_checker_free(checker);
	oo_findings_sort(list);
	return list;
}

static void check_reports_line_of_member(void **state)
{
	char *path = write_file("a.form.json", definition, ", \"autocomplete\": \"email\"");
	oo_findings *list = check(path, NULL, NULL);

	(void)state;
	assert_int_equal(oo_findings_count(list), 2);
	assert_string_equal(oo_findings_at(list, 0)->code, "OO101");
	assert_int_equal(oo_findings_at(list, 0)->line, 7);
	assert_string_equal(oo_findings_at(list, 1)->code, "OO206");
	assert_string_equal(oo_findings_at(list, 1)->location, "/sections/0/fields/1/autocomplete");
	assert_int_equal(oo_findings_at(list, 1)->line, 8);
	assert_int_equal(oo_findings_at(list, 1)->column, 28);
	oo_findings_free(list);
}

static void check_drops_justified_suppression(void **state)
{
	char *path = write_file("b.form.json", definition,
				", \"suppress\": [{\"rule\": \"authentic-data-by-hand\", \"reason\": \"KBO lacks it.\"}]");
	oo_findings *list = check(path, NULL, NULL);

	(void)state;
	assert_int_equal(oo_findings_count(list), 0);
	oo_findings_free(list);
}

static void check_reports_suppression_without_reason(void **state)
{
	char *path = write_file("c.form.json", definition,
				", \"suppress\": [{\"rule\": \"OO101\", \"reason\": \" \"}, {\"rule\": \"OO999\", \"reason\": \"x\"},"
				" {\"rule\": \"OO102\", \"reason\": \"x\"}]");
	oo_findings *list = check(path, NULL, NULL);

	(void)state;
	assert_int_equal(oo_findings_count(list), 4);
	assert_string_equal(oo_findings_at(list, 0)->code, "OO101");
	assert_string_equal(oo_findings_at(list, 1)->code, "OO009");
	assert_string_equal(oo_findings_at(list, 1)->location, "/sections/0/fields/1/suppress/0");
	assert_string_equal(oo_findings_at(list, 2)->code, "OO010");
	assert_string_equal(oo_findings_at(list, 2)->message, "the suppression names \"OO999\", which is not a rule");
	assert_string_equal(oo_findings_at(list, 3)->code, "OO010");
	assert_string_equal(oo_findings_at(list, 3)->message, "the suppression of OO102 covers no finding");
	oo_findings_free(list);
}

static void check_applies_configured_severity(void **state)
{
	char *path = write_file("d.form.json", definition, ", \"autocomplete\": \"email\"");
	char *config = write_file("config.json", "{\"rules\": {\"OO101\": \"info\", \"autocomplete-contradicts-concept\": \"off\"}%s}",
				  ", \"fail_on\": \"warning\"");
	oo_findings *list = check(path, config, NULL);

	(void)state;
	assert_int_equal(oo_findings_count(list), 1);
	assert_string_equal(oo_findings_at(list, 0)->code, "OO101");
	assert_int_equal(oo_findings_at(list, 0)->severity, OO_SEVERITY_INFO);
	oo_findings_free(list);
}

static void config_rejects_unknown_rule_and_level(void **state)
{
	oo_checker *checker = NULL;
	oo_error err;
	int fail_on = 0;
	char *bad_rule = write_file("bad1.json", "{\"rules\": {\"OO777\": \"error\"}%s}", "");
	char *bad_level = write_file("bad2.json", "{\"rules\": {\"OO101\": \"fatal\"}%s}", "");
	char *bad_fail = write_file("bad3.json", "{\"fail_on\": \"off\"%s}", "");
	char *bad_member = write_file("bad4.json", "{\"rule\": {}%s}", "");

	(void)state;
	assert_int_equal(oo_checker_new(&checker, NULL, &err), OO_OK);
	assert_int_equal(oo_checker_load_config(checker, bad_rule, &fail_on, &err), OO_EINVAL);
	assert_non_null(strstr(err.message, "OO777"));
	assert_int_equal(oo_checker_load_config(checker, bad_level, &fail_on, &err), OO_EINVAL);
	assert_int_equal(oo_checker_load_config(checker, bad_fail, &fail_on, &err), OO_EINVAL);
	assert_int_equal(oo_checker_load_config(checker, bad_member, &fail_on, &err), OO_EINVAL);
	assert_int_equal(oo_checker_set_severity(checker, "OO101", 7, &err), OO_EINVAL);
	oo_checker_free(checker);
}

static void check_names_other_forms_asking_concept(void **state)
{
	char *path = write_file("e.form.json", definition, "");
	char *other = write_file("other.form.json", definition, "");
	char *page = write_file("page.html",
				"<html><body><form><label for=n>Naam van de onderneming</label>"
				"<input id=n name=n>%s</form></body></html>", "");
	oo_checker *checker = NULL;
	oo_findings *list = NULL;
	oo_error err;
	const oo_finding *f = NULL;
	size_t i;

	(void)state;
	assert_int_equal(oo_checker_new(&checker, NULL, &err), OO_OK);
	assert_int_equal(oo_checker_add_against(checker, other, &err), OO_OK);
	assert_int_equal(oo_checker_add_against(checker, page, &err), OO_OK);
	assert_int_equal(oo_checker_add_against(checker, path, &err), OO_OK);
	assert_int_equal(oo_findings_new(&list), OO_OK);
	assert_int_equal(oo_check_file(checker, path, list, NULL, &err), OO_OK);
	for (i = 0; i < oo_findings_count(list); i++)
		if (strcmp(oo_findings_at(list, i)->code, "OO106") == 0 &&
		    strcmp(oo_findings_at(list, i)->field, "name") == 0)
			f = oo_findings_at(list, i);
	assert_non_null(f);
	assert_int_equal(f->severity, OO_SEVERITY_WARNING);
	assert_non_null(strstr(f->message, "other.form.json"));
	assert_non_null(strstr(f->message, "page.html"));
	assert_null(strstr(f->message, "e.form.json,"));
	assert_int_equal(oo_checker_add_against(checker, "x.txt", &err), OO_EINVAL);
	oo_findings_free(list);
	oo_checker_free(checker);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(check_reports_line_of_member),
		cmocka_unit_test(check_drops_justified_suppression),
		cmocka_unit_test(check_reports_suppression_without_reason),
		cmocka_unit_test(check_applies_configured_severity),
		cmocka_unit_test(config_rejects_unknown_rule_and_level),
		cmocka_unit_test(check_names_other_forms_asking_concept),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
