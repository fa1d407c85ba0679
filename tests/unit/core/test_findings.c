/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/findings.h"

static void findings_copy_strings(void **state)
{
	oo_findings *list = NULL;
	char message[] = "field \"x\" is wrong";
	oo_finding f = { "OO101", "authentic-data-by-hand", OO_SEVERITY_ERROR, "a.json", "/x",
			 3, 4, message, "fix it", "x", NULL, "kbo" };

	(void)state;
	assert_int_equal(oo_findings_new(&list), OO_OK);
	assert_int_equal(oo_findings_add(list, &f), OO_OK);
	message[0] = 'X';
	assert_int_equal(oo_findings_count(list), 1);
	assert_string_equal(oo_findings_at(list, 0)->message, "field \"x\" is wrong");
	assert_null(oo_findings_at(list, 0)->concept);
	assert_string_equal(oo_findings_at(list, 0)->source, "kbo");
	assert_null(oo_findings_at(list, 1));
	oo_findings_free(list);
}

static void findings_sort_by_file_and_position(void **state)
{
	oo_findings *list = NULL;
	oo_finding a = { "OO2", NULL, OO_SEVERITY_WARNING, "b.json", "", 1, 1, "m", NULL, NULL, NULL, NULL };
	oo_finding b = { "OO1", NULL, OO_SEVERITY_ERROR, "a.json", "", 9, 1, "m", NULL, NULL, NULL, NULL };
	oo_finding c = { "OO1", NULL, OO_SEVERITY_INFO, "a.json", "", 2, 5, "m", NULL, NULL, NULL, NULL };

	(void)state;
	oo_findings_new(&list);
	oo_findings_add(list, &a);
	oo_findings_add(list, &b);
	oo_findings_add(list, &c);
	oo_findings_sort(list);
	assert_int_equal(oo_findings_at(list, 0)->line, 2);
	assert_int_equal(oo_findings_at(list, 1)->line, 9);
	assert_string_equal(oo_findings_at(list, 2)->file, "b.json");
	assert_true(oo_findings_has(list, OO_SEVERITY_ERROR));
	oo_findings_free(list);
}

static void findings_has_respects_severity(void **state)
{
	oo_findings *list = NULL;
	oo_finding w = { "OO9", NULL, OO_SEVERITY_WARNING, NULL, NULL, 0, 0, "m", NULL, NULL, NULL, NULL };

	(void)state;
	oo_findings_new(&list);
	assert_false(oo_findings_has(list, OO_SEVERITY_INFO));
	oo_findings_add(list, &w);
	assert_true(oo_findings_has(list, OO_SEVERITY_WARNING));
	assert_false(oo_findings_has(list, OO_SEVERITY_ERROR));
	oo_findings_free(list);
}

static void findings_add_fails_cleanly_without_memory(void **state)
{
	oo_findings *list = NULL;
	oo_finding f = { "OO101", "r", OO_SEVERITY_ERROR, "a", "/x", 1, 1, "m", "fix", "x", "c", "kbo" };
	unsigned long n;

	(void)state;
	oo_findings_new(&list);
	/* Fail each allocation of one add in turn; the list stays usable. */
	for (n = 1; n < 20; n++) {
		oo_alloc_fail_after(n, 0);
		if (oo_findings_add(list, &f) == OO_OK)
			break;
		assert_int_equal(oo_findings_count(list), 0);
	}
	oo_alloc_fail_after(0, 0);
	assert_int_equal(oo_findings_count(list), 1);
	oo_findings_free(list);
	oo_findings_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(findings_copy_strings),
		cmocka_unit_test(findings_sort_by_file_and_position),
		cmocka_unit_test(findings_has_respects_severity),
		cmocka_unit_test(findings_add_fails_cleanly_without_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
