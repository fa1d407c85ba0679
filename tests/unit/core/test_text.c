/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "onlyonce/text.h"

static void text_falls_back_to_dutch(void **state)
{
	oo_text t = { { NULL } };

	(void)state;
	oo_text_set(&t, OO_LANG_NL, "Naam");
	oo_text_set(&t, OO_LANG_FR, "Nom");
	assert_string_equal(oo_text_get(&t, OO_LANG_FR), "Nom");
	assert_string_equal(oo_text_get(&t, OO_LANG_DE), "Naam");
	assert_null(oo_text_exact(&t, OO_LANG_DE));
	oo_text_clear(&t);
	assert_null(oo_text_get(&t, OO_LANG_NL));
}

static void lang_codes_round_trip(void **state)
{
	(void)state;
	assert_int_equal(oo_lang_from_code("FR"), OO_LANG_FR);
	assert_int_equal(oo_lang_from_code("xx"), -1);
	assert_string_equal(oo_lang_code(OO_LANG_DE), "de");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_falls_back_to_dutch),
		cmocka_unit_test(lang_codes_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
