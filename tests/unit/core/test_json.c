/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/json.h"

static const char doc[] =
	"{\n"
	"  \"id\": \"x\",\n"
	"  \"sections\": [\n"
	"    {\"fields\": [\n"
	"      {\"id\": \"a\"},\n"
	"      {\"id\": \"b\", \"label\": {\"nl\": \"Naam \\\"x\\\"\"}}\n"
	"    ]}\n"
	"  ],\n"
	"  \"a/b\": {\"~k\": 1},\n"
	"  \"caf\\u00e9\": \"é\", \"next\": 2\n"
	"}\n";

static void locate(const char *pointer, int want_line, int want_column)
{
	int line = -1, column = -1;

	assert_int_equal(oo_jsonloc_find(doc, strlen(doc), pointer, &line, &column), OO_OK);
	assert_int_equal(line, want_line);
	assert_int_equal(column, want_column);
}

static void jsonloc_finds_root_and_members(void **state)
{
	(void)state;
	locate("", 1, 1);
	locate("/id", 2, 3);
	locate("/sections", 3, 3);
}

static void jsonloc_finds_array_items(void **state)
{
	(void)state;
	locate("/sections/0", 4, 5);
	locate("/sections/0/fields/1", 6, 7);
	locate("/sections/0/fields/1/label/nl", 6, 29);
}

static void jsonloc_decodes_escaped_tokens(void **state)
{
	(void)state;
	locate("/a~1b/~0k", 9, 11);
	locate("/café", 10, 3);
	/* Columns count characters: the "é" value is one column but two bytes. */
	locate("/next", 10, 21);
}

static void jsonloc_reports_missing_pointer(void **state)
{
	int line, column;

	(void)state;
	assert_int_equal(oo_jsonloc_find(doc, strlen(doc), "/nope", &line, &column), OO_ENOTFOUND);
	assert_int_equal(oo_jsonloc_find(doc, strlen(doc), "/sections/5", &line, &column),
			 OO_ENOTFOUND);
	assert_int_equal(oo_jsonloc_find(doc, strlen(doc), "/id/x", &line, &column), OO_ENOTFOUND);
}

static void json_parse_names_line_and_column(void **state)
{
	const char *bad = "{\n  \"a\": 1,\n  \"b\": ]\n}";
	json_t *out = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_json_parse(&out, bad, strlen(bad), "bad.json", &err), OO_EPARSE);
	assert_null(out);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 8);
	assert_string_equal(err.file, "bad.json");
}

static void json_parse_rejects_deep_nesting(void **state)
{
	char text[300];
	json_t *out = NULL;
	oo_error err;
	int i;

	(void)state;
	for (i = 0; i < OO_JSON_MAX_DEPTH + 1; i++)
		text[i] = '[';
	for (i = 0; i < OO_JSON_MAX_DEPTH + 1; i++)
		text[OO_JSON_MAX_DEPTH + 1 + i] = ']';
	text[2 * (OO_JSON_MAX_DEPTH + 1)] = '\0';
	assert_int_equal(oo_json_parse(&out, text, strlen(text), "deep.json", &err), OO_ELIMIT);
	/* One level less is accepted. */
	assert_int_equal(oo_json_parse(&out, text + 1, strlen(text) - 2, "deep.json", &err), OO_OK);
	json_decref(out);
}

static void pointer_append_escapes(void **state)
{
	char *p;

	(void)state;
	p = oo_pointer_append("/a", "b/c~d");
	assert_string_equal(p, "/a/b~1c~0d");
	oo_free(p);
	p = oo_pointer_append_index("", 12);
	assert_string_equal(p, "/12");
	oo_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jsonloc_finds_root_and_members),
		cmocka_unit_test(jsonloc_finds_array_items),
		cmocka_unit_test(jsonloc_decodes_escaped_tokens),
		cmocka_unit_test(jsonloc_reports_missing_pointer),
		cmocka_unit_test(json_parse_names_line_and_column),
		cmocka_unit_test(json_parse_rejects_deep_nesting),
		cmocka_unit_test(pointer_append_escapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
