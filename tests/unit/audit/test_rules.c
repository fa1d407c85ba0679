/* SPDX-License-Identifier: EUPL-1.2 */
/* Audit findings on the fixtures: authentic data by hand, fetchable
 * attachments, a login asked again, autocomplete, forms that repeat each
 * other, and the reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "audit_private.h"
#include "audit_test_util.h"
#include "onlyonce/autocomplete.h"
#include "onlyonce/alloc.h"

typedef struct {
	oo_catalog *cat;
	oo_matcher *matcher;
} fixture;

static int setup(void **state)
{
	static fixture fx;
	oo_error err;

	if (oo_catalog_load(&fx.cat, oo_catalog_default_path(), &err) != OO_OK ||
	    oo_matcher_new(&fx.matcher, fx.cat, &err) != OO_OK) {
		print_error("cannot load the catalogue: %s\n", err.message);
		return -1;
	}
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;

	oo_matcher_free(fx->matcher);
	oo_catalog_free(fx->cat);
	return 0;
}

/* Extracts and audits one fixture with one form. */
static oo_form *audit_fixture(const fixture *fx, const char *name, oo_findings *findings)
{
	oo_form **forms = NULL, *form;
	size_t count = 0;
	oo_error err;

	extract_fixture(name, &forms, &count, findings);
	assert_int_equal(count, 1);
	if (oo_audit_form(forms[0], fx->matcher, fx->cat, findings, &err) != OO_OK)
		fail_msg("audit of %s failed: %s", name, err.message);
	form = forms[0];
	oo_free(forms);
	return form;
}

static const oo_finding *find(const oo_findings *findings, const char *code, const char *field)
{
	size_t i;

	for (i = 0; i < oo_findings_count(findings); i++) {
		const oo_finding *f = oo_findings_at(findings, i);

		if (strcmp(f->code, code) == 0 && f->field && strcmp(f->field, field) == 0)
			return f;
	}
	fail_msg("no %s finding on field %s", code, field);
	return NULL;
}

static void drankvergunning_fetchable_attachments(void **state)
{
	oo_findings *findings = NULL;
	oo_form *form;
	const oo_finding *f;

	assert_int_equal(oo_findings_new(&findings), OO_OK);
	form = audit_fixture(*state, "maldegem-drankvergunning.html", findings);
	f = find(findings, "OO104", "edit-kbo");
	assert_string_equal(f->rule, "fetchable-attachment");
	assert_string_equal(f->concept, "document.kbo_extract");
	assert_string_equal(f->source, "kbo");
	assert_int_equal(f->line, 138);
	assert_non_null(strstr(f->message, "\"Bewijs ondernemingsnummer met correct adres\""));
	f = find(findings, "OO104", "edit-identiteitskaart");
	assert_string_equal(f->concept, "document.identity_card_copy");
	assert_int_equal(f->severity, OO_SEVERITY_ERROR);
	assert_string_equal(f->location, "/html/body/main[1]/form[1]/div[9]/input[1]");
	/* A private insurer's certificate cannot be fetched. */
	assert_int_equal(count_code(findings, "OO104", "edit-verzekering"), 0);
	oo_form_free(form);
	oo_findings_free(findings);
}

static void drankvergunning_enterprise_by_hand(void **state)
{
	oo_findings *findings = NULL;
	oo_form *form;
	const oo_finding *f;

	assert_int_equal(oo_findings_new(&findings), OO_OK);
	form = audit_fixture(*state, "maldegem-drankvergunning.html", findings);
	f = find(findings, "OO101", "edit-onderneming-naam");
	assert_string_equal(f->rule, "authentic-data-by-hand");
	assert_string_equal(f->concept, "enterprise.legal_name");
	assert_string_equal(f->source, "kbo");
	assert_non_null(strstr(f->message, "\"Naam\""));
	assert_non_null(strstr(f->message, "KBO"));
	assert_string_equal(f->fix, "prefill from KBO via MAGDA (concept enterprise.legal_name) and show it read-only");
	assert_string_equal(field_named(form, "onderneming[naam]")->concept, "enterprise.legal_name");
	assert_string_equal(field_named(form, "aanvrager[naam]")->concept, "person.family_name");
	/* The enterprise number is the key: asked once, it is no OO101. */
	assert_int_equal(count_code(findings, "OO101", "edit-ondernemingsnummer"), 0);
	oo_form_free(form);
	oo_findings_free(findings);
}

static void drankvergunning_autocomplete(void **state)
{
	oo_findings *findings = NULL;
	oo_form *form;
	const oo_finding *f;

	assert_int_equal(oo_findings_new(&findings), OO_OK);
	form = audit_fixture(*state, "maldegem-drankvergunning.html", findings);
	f = find(findings, "OO204", "edit-geboortedatum");
	assert_string_equal(f->rule, "autocomplete-invalid");
	assert_int_equal(f->severity, OO_SEVERITY_WARNING);
	assert_string_equal(f->fix, "use autocomplete=\"bday\"");
	f = find(findings, "OO203", "edit-voornaam");
	assert_string_equal(f->rule, "autocomplete-missing");
	assert_string_equal(f->fix, "add autocomplete=\"given-name\"");
	assert_int_equal(count_code(findings, "OO203", "edit-naam"), 0);
	oo_form_free(form);
	oo_findings_free(findings);
}

static void nijmegen_login_number_asked_again(void **state)
{
	oo_findings *findings = NULL;
	oo_form *form;
	const oo_finding *f;

	assert_int_equal(oo_findings_new(&findings), OO_OK);
	form = audit_fixture(*state, "nijmegen-kansspelautomaat.html", findings);
	f = find(findings, "OO107", "kvkNummer");
	assert_string_equal(f->rule, "applicant-identified-twice");
	assert_string_equal(f->concept, "enterprise.number");
	assert_non_null(strstr(f->message, "\"Inschrijfnummer Kamer van Koophandel (KvK)\""));
	assert_int_equal(count_code(findings, "OO107", NULL), 1);
	assert_int_equal(count_code(findings, "OO205", NULL), 1);
	/* The address after "Naam bedrijf" is the enterprise's. */
	assert_string_equal(field_named(form, "postcode")->concept, "enterprise.registered_address.postcode");
	assert_int_equal(count_code(findings, "OO101", "naamBedrijf"), 1);
	oo_form_free(form);
	oo_findings_free(findings);
}

static void autocomplete_tokens(void **state)
{
	static const struct { const char *value; int valid; } cases[] = {
		{ "on", 1 }, { "off", 1 }, { "bday", 1 }, { "family-name", 1 },
		{ "shipping postal-code", 1 }, { "section-a billing street-address", 1 },
		{ "work email", 1 }, { "mobile tel-national", 1 }, { "username webauthn", 1 },
		{ "ORGANIZATION", 1 }, { "birthday", 0 }, { "e-mail", 0 }, { "work bday", 0 },
		{ "postal-code shipping", 0 }, { "", 0 }, { "on off", 0 }, { "nope", 0 },
	};
	size_t i;

	(void)state;
	/* The audit judges attributes with the core grammar (OO204). */
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		oo_autocomplete parsed;
		int valid = oo_autocomplete_parse(&parsed, cases[i].value) == OO_AUTOCOMPLETE_OK;

		if (valid != cases[i].valid)
			fail_msg("autocomplete \"%s\" should be %s", cases[i].value,
				 cases[i].valid ? "valid" : "invalid");
	}
}

static void across_forms_repeat(void **state)
{
	oo_findings *findings = NULL;
	oo_form *forms[2];
	oo_error err;
	size_t i, repeats = 0;
	const oo_finding *f = NULL;

	assert_int_equal(oo_findings_new(&findings), OO_OK);
	forms[0] = audit_fixture(*state, "maldegem-drankvergunning.html", findings);
	forms[1] = audit_fixture(*state, "maldegem-terrasvergunning.html", findings);
	assert_int_equal(oo_audit_across(forms, 2, ((fixture *)*state)->cat, findings, &err), OO_OK);
	for (i = 0; i < oo_findings_count(findings); i++) {
		const oo_finding *g = oo_findings_at(findings, i);

		if (strcmp(g->code, "OO106") == 0 && strcmp(g->concept, "person.birth_date") == 0) {
			repeats++;
			if (strcmp(g->file, forms[1]->file) == 0)
				f = g;
		}
	}
	assert_int_equal(repeats, 2);
	assert_non_null(f);
	assert_string_equal(f->rule, "concept-asked-in-several-forms");
	assert_int_equal(f->severity, OO_SEVERITY_WARNING);
	assert_non_null(strstr(f->message, "\"drankvergunning\""));
	assert_null(strstr(f->message, "\"terras\""));
	/* Contact data has no authentic source, so asking it twice is no OO106. */
	for (i = 0; i < oo_findings_count(findings); i++) {
		const oo_finding *g = oo_findings_at(findings, i);

		assert_false(strcmp(g->code, "OO106") == 0 && strcmp(g->concept, "contact.email") == 0);
	}
	oo_form_free(forms[0]);
	oo_form_free(forms[1]);
	oo_findings_free(findings);
}

static void matrix_and_reports(void **state)
{
	fixture *fx = *state;
	oo_findings *findings = NULL;
	oo_form *forms[2];
	oo_audit_matrix mx;
	oo_buf text = OO_BUF_INIT;
	json_t *report = NULL, *first;
	oo_error err;
	size_t r;
	int found = 0;

	assert_int_equal(oo_findings_new(&findings), OO_OK);
	forms[0] = audit_fixture(fx, "maldegem-drankvergunning.html", findings);
	forms[1] = audit_fixture(fx, "nijmegen-kansspelautomaat.html", findings);
	assert_int_equal(oo_audit_matrix_build(&mx, forms, 2, fx->cat, &err), OO_OK);
	for (r = 0; r < mx.concept_count; r++)
		if (strcmp(mx.concepts[r]->id, "enterprise.legal_name") == 0) {
			found = 1;
			assert_int_equal(mx.cells[r * 2], OO_AUDIT_BY_HAND);
			assert_int_equal(mx.cells[r * 2 + 1], OO_AUDIT_BY_HAND);
		}
	assert_true(found);
	oo_audit_matrix_free(&mx);

	assert_int_equal(oo_audit_report_json(&report, forms, 2, fx->cat, findings, &err), OO_OK);
	first = json_array_get(json_object_get(report, "forms"), 0);
	assert_string_equal(json_string_value(json_object_get(first, "id")), "drankvergunning");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(first, "summary"),
							    "attachments_can_go")), 4);
	assert_int_equal(json_array_size(json_object_get(report, "findings")), oo_findings_count(findings));
	assert_int_equal(json_array_size(json_object_get(json_object_get(report, "matrix"), "forms")), 2);
	json_decref(report);

	assert_int_equal(oo_audit_report_text(&text, forms, 2, fx->cat, findings, &err), OO_OK);
	assert_non_null(strstr(text.data, "Attachments that can go:"));
	assert_non_null(strstr(text.data, "\"Kopie identiteitskaart\" (line 150): document.identity_card_copy"));
	assert_non_null(strstr(text.data, "Fields that can go:"));
	assert_non_null(strstr(text.data, "Concepts by form:"));
	oo_buf_free(&text);
	oo_form_free(forms[0]);
	oo_form_free(forms[1]);
	oo_findings_free(findings);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drankvergunning_fetchable_attachments),
		cmocka_unit_test(drankvergunning_enterprise_by_hand),
		cmocka_unit_test(drankvergunning_autocomplete),
		cmocka_unit_test(nijmegen_login_number_asked_again),
		cmocka_unit_test(autocomplete_tokens),
		cmocka_unit_test(across_forms_repeat),
		cmocka_unit_test(matrix_and_reports),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
