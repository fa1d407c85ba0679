/* SPDX-License-Identifier: EUPL-1.2 */
/* Extraction of fields from the existing-form fixtures: labels and where
 * they come from, groups, search boxes, charsets, paths and limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audit_private.h"
#include "audit_test_util.h"
#include "onlyonce/alloc.h"
#include "onlyonce/file.h"

static size_t count_type(const oo_form *form, oo_field_type type)
{
	size_t i, n = 0;

	for (i = 0; i < form->field_count; i++)
		n += form->fields[i].type == type;
	return n;
}

static void drankvergunning_fields_and_labels(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;

	(void)state;
	extract_fixture("maldegem-drankvergunning.html", &forms, &count, NULL);
	assert_int_equal(count, 1);
	assert_string_equal(forms[0]->id, "drankvergunning");
	assert_int_equal(forms[0]->field_count, 28);
	assert_int_equal(count_type(forms[0], OO_FIELD_HIDDEN), 1);
	assert_int_equal(count_type(forms[0], OO_FIELD_FILE), 5);

	f = field_named(forms[0], "aanvrager[naam]");
	assert_string_equal(label_of(f), "Naam");
	assert_int_equal(f->label_source, OO_LABEL_FOR);
	assert_true(f->required);
	assert_string_equal(f->html_autocomplete, "family-name");
	assert_non_null(strstr(f->context, "Gegevens van de aanvrager"));
	assert_string_equal(f->id, "edit-naam");

	f = field_named(forms[0], "onderneming[naam]");
	assert_true(strncmp(f->context, "Gegevens van de onderneming", 27) == 0);
	assert_false(f->required);
	assert_string_equal(forms[0]->fields[0].name, "form_build_id");
	oo_audit_forms_free(forms, count);
}

static void drankvergunning_radio_group_and_select(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;

	(void)state;
	extract_fixture("maldegem-drankvergunning.html", &forms, &count, NULL);
	f = field_named(forms[0], "bezetting");
	assert_int_equal(f->type, OO_FIELD_RADIO);
	assert_int_equal(f->option_count, 3);
	assert_int_equal(f->label_source, OO_LABEL_LEGEND);
	assert_string_equal(label_of(f), "Voorziene gemiddelde bezetting");
	assert_true(f->required);
	assert_string_equal(f->options[1].value, "50-150");
	assert_string_equal(oo_text_get(&f->options[1].label, OO_LANG_NL), "50 tot 150 personen");

	f = field_named(forms[0], "geluidsniveau");
	assert_int_equal(f->type, OO_FIELD_SELECT);
	assert_int_equal(f->option_count, 5);
	assert_true(f->required); /* "(verplicht)" in the label */
	oo_audit_forms_free(forms, count);
}

static void drankvergunning_path_and_line(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;

	(void)state;
	extract_fixture("maldegem-drankvergunning.html", &forms, &count, NULL);
	f = field_named(forms[0], "aanvrager[naam]");
	assert_string_equal(f->location, "/html/body/main[1]/form[1]/fieldset[1]/div[1]/input[1]");
	assert_int_equal(f->line, 25);
	f = field_named(forms[0], "bijlage_identiteitskaart");
	assert_int_equal(f->line, 150);
	assert_int_equal(f->type, OO_FIELD_FILE);
	assert_string_equal(label_of(f), "Kopie identiteitskaart");
	oo_audit_forms_free(forms, count);
}

static void search_boxes_are_skipped(void **state)
{
	static const char *const pages[] = {
		"maldegem-drankvergunning.html",  /* role=search */
		"mechelen-ambulante-handel.html", /* one field named zoek */
		"herenthout-vestigingspremie.html", /* <search> element */
		"nijmegen-kansspelautomaat.html", /* one field named query */
	};
	oo_form **forms = NULL;
	size_t count = 0, i;

	(void)state;
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		extract_fixture(pages[i], &forms, &count, NULL);
		assert_int_equal(count, 1);
		assert_true(forms[0]->field_count > 10);
		oo_audit_forms_free(forms, count);
	}
}

static void terrasvergunning_windows_1252_labels(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;

	(void)state;
	extract_fixture("maldegem-terrasvergunning.html", &forms, &count, NULL);
	assert_int_equal(count, 1);
	assert_string_equal(forms[0]->id, "terras");
	f = field_named(forms[0], "zaak_naam");
	/* é and the ellipsis (0x85 in windows-1252) come out as UTF-8. */
	assert_string_equal(label_of(f), "Naam van de zaak (caf\xC3\xA9, brasserie, \xE2\x80\xA6)");
	assert_int_equal(f->label_source, OO_LABEL_WRAPPING);
	assert_true(f->required);
	f = field_named(forms[0], "aanvrager_geboortedatum");
	assert_string_equal(label_of(f), "Geboortedatum");
	f = field_named(forms[0], "aanvrager_telefoon");
	assert_string_equal(label_of(f), "Telefoon (priv\xC3\xA9)");
	oo_audit_forms_free(forms, count);
}

static void terrasvergunning_survives_stray_div(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;

	(void)state;
	extract_fixture("maldegem-terrasvergunning.html", &forms, &count, NULL);
	assert_int_equal(forms[0]->field_count, 18);
	f = field_named(forms[0], "toepassing[]");
	assert_int_equal(f->type, OO_FIELD_CHECKBOXES);
	assert_int_equal(f->option_count, 3);
	assert_int_equal(f->label_source, OO_LABEL_LEGEND);
	assert_string_equal(oo_text_get(&f->options[2].label, OO_LANG_NL),
			    "Luifel of zonnescherm v\xC3\xB3\xC3\xB3r de gevel");
	f = field_named(forms[0], "plattegrond");
	assert_int_equal(f->type, OO_FIELD_FILE);
	assert_true(f->required);
	oo_audit_forms_free(forms, count);
}

static void mechelen_iso_8859_1_table_layout(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;
	oo_findings *findings = NULL;

	(void)state;
	assert_int_equal(oo_findings_new(&findings), OO_OK);
	extract_fixture("mechelen-ambulante-handel.html", &forms, &count, findings);
	f = field_named(forms[0], "a_tel");
	assert_string_equal(label_of(f), "Telefoonnummer (priv\xC3\xA9)");
	f = field_named(forms[0], "a_geboortedatum");
	assert_int_equal(f->label_source, OO_LABEL_NONE);
	assert_string_equal(label_of(f), "Geboortedatum");
	assert_int_equal(count_code(findings, "OO201", f->id), 1);
	f = field_named(forms[0], "z_naam");
	assert_true(strncmp(f->context, "Gegevens van de zaak", 20) == 0);
	f = field_named(forms[0], "z_koopwaar");
	assert_string_equal(label_of(f), "Omschrijving van de koopwaar (bv. ijs, cr\xC3\xAApes)");
	oo_audit_forms_free(forms, count);
	oo_findings_free(findings);
}

static void mechelen_groups_without_fieldset(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;
	oo_findings *findings = NULL;

	(void)state;
	assert_int_equal(oo_findings_new(&findings), OO_OK);
	extract_fixture("mechelen-ambulante-handel.html", &forms, &count, findings);
	f = field_named(forms[0], "voeding");
	assert_int_equal(f->type, OO_FIELD_RADIO);
	assert_int_equal(f->label_source, OO_LABEL_ARIA_BY);
	assert_string_equal(label_of(f), "Betreft het voeding?");
	f = field_named(forms[0], "voertuig");
	assert_int_equal(f->option_count, 3);
	assert_int_equal(f->label_source, OO_LABEL_NONE);
	assert_int_equal(count_code(findings, "OO207", "voertuig"), 1);
	assert_int_equal(count_code(findings, "OO201", "voertuig"), 0);
	assert_int_equal(count_code(findings, "OO207", "voeding"), 0);
	f = field_named(forms[0], "periode_van");
	assert_int_equal(f->label_source, OO_LABEL_ARIA);
	f = field_named(forms[0], "maanden");
	assert_int_equal(f->type, OO_FIELD_CHECKBOXES);
	assert_int_equal(f->option_count, 6);
	f = field_named(forms[0], "akkoord");
	assert_int_equal(f->type, OO_FIELD_CHECKBOX);
	assert_int_equal(f->label_source, OO_LABEL_WRAPPING);
	oo_audit_forms_free(forms, count);
	oo_findings_free(findings);
}

static void herenthout_aria_and_placeholders(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;
	oo_findings *findings = NULL;

	(void)state;
	assert_int_equal(oo_findings_new(&findings), OO_OK);
	extract_fixture("herenthout-vestigingspremie.html", &forms, &count, findings);
	assert_int_equal(count, 1);
	f = field_named(forms[0], "input_1_3");
	assert_int_equal(f->label_source, OO_LABEL_ARIA);
	assert_true(f->required); /* aria-required */
	f = field_named(forms[0], "input_9");
	assert_int_equal(f->label_source, OO_LABEL_PLACEHOLDER);
	assert_string_equal(label_of(f), "vof, nv, bvba \xE2\x80\xA6");
	assert_int_equal(count_code(findings, "OO202", NULL), 5);
	assert_int_equal(count_code(findings, "OO202", "input_9"), 1);
	f = field_named(forms[0], "input_12");
	assert_string_equal(oo_text_get(&f->hint, OO_LANG_NL), "Datumnotatie: MM/DD/JJJJ");
	f = field_named(forms[0], "input_14");
	assert_true(f->required); /* "*" after the label */
	assert_string_equal(label_of(f), "Kopie van inschrijving in de KBO");
	f = field_named(forms[0], "gform_submit");
	assert_int_equal(f->type, OO_FIELD_HIDDEN);
	assert_null(oo_text_get(&f->label, OO_LANG_NL));
	oo_audit_forms_free(forms, count);
	oo_findings_free(findings);
}

static void model_a_labelledby_tables(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	const oo_field *f;

	(void)state;
	extract_fixture("model-a-drank-en-horecawet.html", &forms, &count, NULL);
	f = field_named(forms[0], "kvk");
	assert_int_equal(f->label_source, OO_LABEL_ARIA_BY);
	assert_string_equal(label_of(f), "KvK-nummer of vestigingsnummer");
	f = field_named(forms[0], "handelsnaam");
	assert_string_equal(label_of(f), "Handelsnaam (indien rechtspersoon)");
	f = field_named(forms[0], "lok_a_opp");
	assert_string_equal(label_of(f), "a Oppervlakte in m\xC2\xB2");
	assert_int_equal(f->type, OO_FIELD_NUMBER);
	f = field_named(forms[0], "vergunning_voor");
	assert_int_equal(f->type, OO_FIELD_CHECKBOXES);
	assert_int_equal(f->label_source, OO_LABEL_LEGEND);
	oo_audit_forms_free(forms, count);
}

static void nijmegen_login_and_unnamed_checkbox(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	oo_findings *findings = NULL;

	(void)state;
	assert_int_equal(oo_findings_new(&findings), OO_OK);
	extract_fixture("nijmegen-kansspelautomaat.html", &forms, &count, findings);
	assert_int_equal(count, 1);
	assert_true(forms[0]->login_identifies);
	assert_int_equal(forms[0]->identification, OO_IDENTIFY_ENTERPRISE);
	assert_int_equal(forms[0]->field_count, 16);
	assert_int_equal(count_code(findings, "OO205", NULL), 1);
	assert_int_equal(count_code(findings, "OO201", NULL), 0);
	oo_audit_forms_free(forms, count);
	oo_findings_free(findings);
}

static void extract_html(const char *html, oo_form ***forms, size_t *count)
{
	oo_error err;

	if (oo_audit_extract_html(forms, count, html, strlen(html), "inline.html", NULL, &err) != OO_OK)
		fail_msg("extraction failed: %s", err.message);
}

static void charset_meta_windows_1252(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;

	(void)state;
	extract_html("<html><head><meta charset=\"windows-1252\"></head><body><form>"
		     "<label for=a>Geboortedatum (Belgi\xEB)</label><input id=a>"
		     "<label for=b>Naam van de zaak (caf\xE9)</label><input id=b>"
		     "</form></body></html>", &forms, &count);
	assert_int_equal(count, 1);
	assert_string_equal(forms[0]->id, "inline-1");
	assert_string_equal(label_of(&forms[0]->fields[0]), "Geboortedatum (Belgi\xC3\xAB)");
	assert_string_equal(label_of(&forms[0]->fields[1]), "Naam van de zaak (caf\xC3\xA9)");
	oo_audit_forms_free(forms, count);
}

static void charset_detection_sources(void **state)
{
	static const struct { const char *html; const char *encoding; } cases[] = {
		{ "<meta charset=\"utf-8\">", "UTF-8" },
		{ "<META CHARSET=latin1>", "windows-1252" },
		{ "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", "windows-1252" },
		{ "<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><html>", "iso-8859-15" },
		{ "\xEF\xBB\xBF<html>", "UTF-8" },
		{ "<html><p>caf\xC3\xA9</p>", "UTF-8" },
		{ "<html><p>caf\xE9</p>", "windows-1252" },
	};
	char encoding[OO_AUDIT_ENCODING_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		oo_audit__detect_charset(cases[i].html, strlen(cases[i].html), encoding, sizeof(encoding));
		assert_string_equal(encoding, cases[i].encoding);
	}
}

static char *page_with_inputs(size_t n)
{
	size_t size = 64 + n * 32, i;
	char *html = malloc(size);
	size_t len;

	assert_non_null(html);
	len = (size_t)snprintf(html, size, "<html><body><form>");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(html + len, size - len, "<input name=f%zu>", i);
	snprintf(html + len, size - len, "</form></body></html>");
	return html;
}

static void field_limit_at_and_past(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	oo_error err;
	char *html;

	(void)state;
	html = page_with_inputs(OO_AUDIT_MAX_FIELDS);
	assert_int_equal(oo_audit_extract_html(&forms, &count, html, strlen(html), "many.html", NULL, &err), OO_OK);
	assert_int_equal(forms[0]->field_count, OO_AUDIT_MAX_FIELDS);
	oo_audit_forms_free(forms, count);
	free(html);

	html = page_with_inputs(OO_AUDIT_MAX_FIELDS + 1);
	assert_int_equal(oo_audit_extract_html(&forms, &count, html, strlen(html), "many.html", NULL, &err), OO_ELIMIT);
	assert_non_null(strstr(err.message, "more than 2000 form fields"));
	assert_null(forms);
	assert_int_equal(count, 0);
	free(html);
}

static void page_size_limit(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	oo_error err;
	char *html = malloc(OO_FILE_MAX_SIZE + 1);

	(void)state;
	assert_non_null(html);
	memset(html, ' ', OO_FILE_MAX_SIZE + 1);
	assert_int_equal(oo_audit_extract_html(&forms, &count, html, OO_FILE_MAX_SIZE + 1, "big.html",
					       NULL, &err), OO_ELIMIT);
	assert_non_null(strstr(err.message, "larger than the limit"));
	free(html);
}

static void out_of_memory_is_clean(void **state)
{
	oo_form **forms = NULL;
	size_t count = 0;
	oo_error err;
	const char *html = "<html><body><h2>Gegevens</h2><form id=f><fieldset><legend>L</legend>"
			   "<label>Naam <input name=n required></label>"
			   "<input type=radio name=r value=1><input type=radio name=r value=2>"
			   "</fieldset><select name=s><option>a</option></select></form></body></html>";
	unsigned long n;
	oo_status rc;

	(void)state;
	/* Fails each allocation in turn; every run must end cleanly (the
	 * sanitizer build checks for leaks). */
	for (n = 1; n < 400; n++) {
		oo_alloc_fail_after(n, 1);
		rc = oo_audit_extract_html(&forms, &count, html, strlen(html), "oom.html", NULL, &err);
		oo_alloc_fail_after(0, 0);
		if (rc == OO_OK) {
			assert_int_equal(count, 1);
			oo_audit_forms_free(forms, count);
			return;
		}
		assert_int_equal(rc, OO_ENOMEM);
		assert_null(forms);
	}
	fail_msg("extraction still failed after 400 allocations");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drankvergunning_fields_and_labels),
		cmocka_unit_test(drankvergunning_radio_group_and_select),
		cmocka_unit_test(drankvergunning_path_and_line),
		cmocka_unit_test(search_boxes_are_skipped),
		cmocka_unit_test(terrasvergunning_windows_1252_labels),
		cmocka_unit_test(terrasvergunning_survives_stray_div),
		cmocka_unit_test(mechelen_iso_8859_1_table_layout),
		cmocka_unit_test(mechelen_groups_without_fieldset),
		cmocka_unit_test(herenthout_aria_and_placeholders),
		cmocka_unit_test(model_a_labelledby_tables),
		cmocka_unit_test(nijmegen_login_and_unnamed_checkbox),
		cmocka_unit_test(charset_meta_windows_1252),
		cmocka_unit_test(charset_detection_sources),
		cmocka_unit_test(field_limit_at_and_past),
		cmocka_unit_test(page_size_limit),
		cmocka_unit_test(out_of_memory_is_clean),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
