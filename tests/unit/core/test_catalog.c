/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "onlyonce/catalog.h"

static void catalog_loads_shipped_concepts(void **state)
{
	oo_catalog *cat = NULL;
	oo_error err;
	const oo_concept *c;

	(void)state;
	assert_int_equal(oo_catalog_load(&cat, ONLYONCE_SOURCE_DIR "/schemas/concepts.json", &err), OO_OK);
	c = oo_catalog_find(cat, "enterprise.legal_name");
	assert_non_null(c);
	assert_string_equal(c->source, "kbo");
	assert_string_equal(c->key, "enterprise.number");
	assert_non_null(c->oslo);
	assert_non_null(oo_text_exact(&c->label, OO_LANG_NL));
	assert_non_null(oo_text_exact(&c->label, OO_LANG_FR));
	assert_non_null(c->patterns[OO_LANG_NL]);
	assert_true(oo_concept_is_authentic(c));

	c = oo_catalog_find(cat, "document.kbo_extract");
	assert_non_null(c);
	assert_int_equal(c->kind, OO_CONCEPT_DOCUMENT);
	assert_true(c->fetchable);
	c = oo_catalog_find(cat, "document.insurance_certificate");
	assert_non_null(c);
	assert_false(c->fetchable);
	c = oo_catalog_find(cat, "contact.email");
	assert_non_null(c);
	assert_false(oo_concept_is_authentic(c));
	assert_null(oo_catalog_find(cat, "no.such.concept"));
	oo_catalog_free(cat);
}

static void catalog_rejects_missing_file(void **state)
{
	oo_catalog *cat = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_catalog_load(&cat, "/nonexistent/concepts.json", &err), OO_EIO);
	assert_null(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(catalog_loads_shipped_concepts),
		cmocka_unit_test(catalog_rejects_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
