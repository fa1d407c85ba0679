/* SPDX-License-Identifier: EUPL-1.2 */
/* The HTML renderer: each page is parsed back with libxml2 and checked
 * against the GOV.UK form contract and the prefill rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "html_check.h"
#include "onlyonce/alloc.h"
#include "onlyonce/generator.h"
#include "support.h"

static oo_catalog *catalog;

static int load_catalog(void **state)
{
	(void)state;
	catalog = load_test_catalog();
	return 0;
}

static int free_catalog(void **state)
{
	(void)state;
	oo_catalog_free(catalog);
	return 0;
}

/* A terrace permit asking a bit of everything: prefilled KBO data, radios,
 * a conditional field, numbers, dates, checkboxes, a file and a birth date. */
static oo_form *terrace_form(void)
{
	oo_form *form = new_form("terras");
	oo_field *f;

	oo_text_set(&form->owner, OO_LANG_NL, "Gemeente Voorbeeld");
	oo_text_set(&form->legal_basis, OO_LANG_NL, "Politiereglement op terrassen");
	form->advance_days = 45;
	form->handling_days = 14;

	add_section(form, "onderneming", "Uw onderneming");
	f = add_field(form, "enterprise_number", OO_FIELD_OTHER, "enterprise.number", NULL);
	f->prefill = 1;
	f->required = 1;
	f = add_field(form, "legal_name", OO_FIELD_OTHER, "enterprise.legal_name", NULL);
	f->prefill = 1;
	f->required = 1;
	f = add_field(form, "postcode", OO_FIELD_OTHER, "enterprise.registered_address.postcode", NULL);
	f->prefill = 1;
	f->required = 1;
	f = add_field(form, "start_date", OO_FIELD_OTHER, "enterprise.start_date", NULL);
	f->prefill = 1;

	add_section(form, "aanvraag", "Uw aanvraag");
	f = add_field(form, "kind", OO_FIELD_RADIO, NULL, "Soort aanvraag");
	f->required = 1;
	add_option(f, "nieuw", "Nieuwe vergunning", "Nouvelle autorisation");
	add_option(f, "verlenging", "Verlenging", "Prolongation");
	f = add_field(form, "previous_permit", OO_FIELD_TEXT, NULL, "Nummer van de vorige vergunning");
	f->required = 1;
	set_condition(f, "kind", "verlenging");
	f = add_field(form, "area", OO_FIELD_NUMBER, NULL, "Oppervlakte van het terras");
	f->required = 1;
	f->has_min = f->has_max = 1;
	f->min = 1;
	f->max = 100;
	oo_text_set(&f->hint, OO_LANG_NL, "In vierkante meter");
	f = add_field(form, "terrace_start", OO_FIELD_DATE, NULL, "Eerste dag van het terras");
	f->required = 1;
	f = add_field(form, "furniture", OO_FIELD_CHECKBOXES, NULL, "Meubilair");
	add_option(f, "tafels", "Tafels", NULL);
	add_option(f, "stoelen", "Stoelen", NULL);
	add_option(f, "parasols", "Parasols", NULL);
	f = add_field(form, "heaters", OO_FIELD_CHECKBOX, NULL, "Ik plaats terrasverwarming");
	f = add_field(form, "heater_count", OO_FIELD_NUMBER, NULL, "Aantal verwarmingstoestellen");
	f->required = 1;
	set_condition(f, "heaters", "true");
	/* prefill on a concept without an authentic source, as the loader
	 * leaves it by default: there is nothing to take, so no note. */
	f = add_field(form, "email", OO_FIELD_OTHER, "contact.email", NULL);
	f->required = 1;
	f->prefill = 1;
	f = add_field(form, "phone", OO_FIELD_TEL, NULL, "Telefoonnummer");
	f->pattern = oo_strdup("^[0-9 +]{8,15}$");
	f = add_field(form, "remarks", OO_FIELD_TEXTAREA, NULL, "Opmerkingen");
	f->max_length = 500;
	f = add_field(form, "market", OO_FIELD_SELECT, NULL, "Deelgemeente");
	add_option(f, "centrum", "Centrum", NULL);
	add_option(f, "haven", "Haven", NULL);
	f = add_field(form, "insurance", OO_FIELD_FILE, NULL, NULL);
	f->document = oo_strdup("document.insurance_certificate");
	f->required = 1;
	f = add_field(form, "birth_date", OO_FIELD_OTHER, "person.birth_date", NULL);
	f->required = 1;
	f->min_length = -1;
	return form;
}

static void render_terrace(parsed_page *page, const oo_record *rec, oo_lang lang)
{
	oo_form *form = terrace_form();

	page_parse(page, render(form, catalog, rec, lang));
	oo_form_free(form);
}

static void assert_page_string(parsed_page *page, const char *expr, const char *expected)
{
	char *actual = page_string(page, expr);

	assert_string_equal(actual, expected);
	free(actual);
}

static void assert_page_contains(parsed_page *page, const char *expr, const char *expected)
{
	char *actual = page_string(page, expr);

	if (!strstr(actual, expected))
		fail_msg("\"%s\" does not contain \"%s\"", actual, expected);
	free(actual);
}

static void render_writes_complete_document(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_true(strncmp(page.html, "<!DOCTYPE html>\n<html lang=\"nl\">", 32) == 0);
	assert_page_string(&page, "//title", "Terrasvergunning \xe2\x80\x93 online formulier");
	assert_page_string(&page, "//h1", "Terrasvergunning");
	assert_int_equal(page_count(&page, "//meta[@charset='utf-8']"), 1);
	assert_int_equal(page_count(&page, "//form[@method='post']"), 1);
	assert_int_equal(page_count(&page, "//form[@novalidate]"), 0);
	assert_int_equal(page_count(&page, "//button[@type='submit']"), 1);
	assert_page_string(&page, "//button", "Aanvraag indienen");
	assert_int_equal(page_count(&page, "//section/h2"), 3);
	page_free(&page);
}

static void render_needs_no_external_resource(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//head/style"), 1);
	assert_int_equal(page_count(&page, "//link"), 0);
	assert_int_equal(page_count(&page, "//script[@src]"), 0);
	assert_int_equal(page_count(&page, "//script"), 1);
	assert_non_null(strstr(page.html, ":focus,.oo-input:focus-within{outline:3px solid"));
	page_free(&page);
}

static void render_ids_unique_and_idrefs_resolve(void **state)
{
	oo_record *rec = found_record();
	parsed_page page;
	oo_lang lang;

	(void)state;
	for (lang = OO_LANG_NL; lang <= OO_LANG_FR; lang++) {
		render_terrace(&page, rec, lang);
		page_assert_idrefs(&page);
		page_free(&page);
	}
	render_terrace(&page, NULL, OO_LANG_NL);
	page_assert_idrefs(&page);
	page_free(&page);
	oo_record_free(rec);
}

static void render_labels_every_control(void **state)
{
	oo_record *rec = found_record();
	parsed_page page;

	(void)state;
	render_terrace(&page, rec, OO_LANG_NL);
	page_assert_labelled(&page);
	assert_int_equal(page_count(&page, "//@placeholder"), 0);
	page_free(&page);
	render_terrace(&page, NULL, OO_LANG_NL);
	page_assert_labelled(&page);
	page_free(&page);
	oo_record_free(rec);
}

static void prefilled_field_is_readonly_not_disabled(void **state)
{
	oo_record *rec = found_record();
	parsed_page page;

	(void)state;
	render_terrace(&page, rec, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//input[@id='legal_name'][@readonly]"), 1);
	assert_int_equal(page_count(&page, "//*[@disabled]"), 0);
	assert_page_string(&page, "//input[@id='legal_name']/@value", "Bakkerij De Zon");
	assert_page_string(&page, "//label[@for='legal_name']", "Naam van de onderneming");
	assert_page_string(&page, "//p[@id='legal_name-source']/text()[1]",
			   "Bron: Kruispuntbank van Ondernemingen (KBO), opgehaald op 4 december 2026.");
	assert_page_string(&page, "//input[@id='legal_name']/@aria-describedby", "legal_name-source");
	assert_int_equal(page_count(&page, "//p[@id='legal_name-source']"
				   "/a[starts-with(@href, 'https://economie.fgov.be/nl/')]"), 1);
	/* The enterprise number itself comes from the record as well. */
	assert_int_equal(page_count(&page, "//input[@id='enterprise_number'][@readonly]"), 1);
	assert_page_string(&page, "//input[@id='enterprise_number']/@value", "0123.456.749");
	assert_page_string(&page, "//input[@id='start_date']/@type", "date");
	assert_page_string(&page, "//input[@id='start_date']/@value", "2010-05-01");
	page_free(&page);
	oo_record_free(rec);
}

static void prefilled_field_drops_constraints(void **state)
{
	oo_record *rec = found_record();
	parsed_page page;

	(void)state;
	render_terrace(&page, rec, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//input[@id='enterprise_number'][@required]"), 0);
	assert_int_equal(page_count(&page, "//input[@id='enterprise_number'][@pattern]"), 0);
	assert_int_equal(page_count(&page, "//label[@for='legal_name']/span[@class='oo-marker']"), 0);
	page_free(&page);
	oo_record_free(rec);
}

static void prefill_without_value_stays_editable(void **state)
{
	oo_record *rec = found_record();
	parsed_page page;

	(void)state;
	render_terrace(&page, rec, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//input[@id='postcode']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='postcode'][@readonly]"), 0);
	assert_int_equal(page_count(&page, "//input[@id='postcode'][@value]"), 0);
	assert_int_equal(page_count(&page, "//*[@id='postcode-source']"), 0);
	assert_page_string(&page, "//p[@id='postcode-note']",
			   "Dit gegeven staat niet in de bron (Kruispuntbank van Ondernemingen (KBO)). "
			   "Vul het zelf in.");
	assert_page_string(&page, "//input[@id='postcode']/@aria-describedby", "postcode-note");
	assert_int_equal(page_count(&page, "//input[@id='postcode'][@required]"), 1);
	assert_int_equal(page_count(&page, "//input[@id='email'][@readonly]"), 0);
	assert_int_equal(page_count(&page, "//*[@id='email-note']"), 0);
	page_free(&page);
	oo_record_free(rec);
}

static void prefill_of_other_entity_gets_no_note(void **state)
{
	oo_form *form = new_form("persoon");
	oo_record *rec = found_record();
	oo_field *f;
	parsed_page page;

	(void)state;
	f = add_field(form, "family_name", OO_FIELD_OTHER, "person.family_name", NULL);
	f->prefill = 1;
	page_parse(&page, render(form, catalog, rec, OO_LANG_NL));
	assert_int_equal(page_count(&page, "//input[@id='family_name'][@readonly]"), 0);
	assert_int_equal(page_count(&page, "//*[@id='family_name-note']"), 0);
	assert_int_equal(page_count(&page, "//input[@id='family_name'][@autocomplete='family-name']"), 1);
	/* Nothing was filled in, so no notice claims otherwise. */
	assert_int_equal(page_count(&page, "//div[contains(@class, 'oo-notice')]"), 0);
	page_free(&page);
	oo_record_free(rec);
	oo_form_free(form);
}

static void found_record_gets_one_source_notice(void **state)
{
	oo_record *rec = found_record();
	parsed_page page;

	(void)state;
	render_terrace(&page, rec, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//div[@class='oo-notice']"), 1);
	assert_page_contains(&page, "//div[@class='oo-notice']",
			     "Een aantal gegevens zijn al voor u ingevuld.");
	assert_page_contains(&page, "//div[@class='oo-notice']", "My Enterprise");
	page_free(&page);
	oo_record_free(rec);
}

static void not_found_shows_notice_and_editable_fields(void **state)
{
	oo_record *rec = NULL;
	parsed_page page;

	(void)state;
	assert_int_equal(oo_record_new(&rec), OO_OK);
	oo_record_set_outcome(rec, OO_LOOKUP_NOT_FOUND);
	oo_record_set_source(rec, "Kruispuntbank van Ondernemingen (KBO)");
	oo_record_set(rec, "enterprise.number", "0123.456.749");
	render_terrace(&page, rec, OO_LANG_NL);
	assert_page_string(&page, "//div[@class='oo-notice']/p",
			   "We vonden onderneming 0123.456.749 niet in de Kruispuntbank van "
			   "Ondernemingen (KBO). Vul de gegevens zelf in.");
	assert_page_string(&page, "//div[@class='oo-notice']/@role", "region");
	assert_int_equal(page_count(&page, "//*[@readonly]"), 0);
	assert_int_equal(page_count(&page, "//input[@value and not(@type='radio' or @type='checkbox')]"), 0);
	assert_int_equal(page_count(&page, "//p[@class='oo-source']"), 0);
	assert_int_equal(page_count(&page, "//p[@class='oo-note']"), 0);
	page_free(&page);
	oo_record_free(rec);
}

static void failed_lookup_shows_notice(void **state)
{
	oo_record *rec = NULL;
	parsed_page page;

	(void)state;
	assert_int_equal(oo_record_new(&rec), OO_OK);
	oo_record_set_outcome(rec, OO_LOOKUP_FAILED);
	oo_record_set_source(rec, "Kruispuntbank van Ondernemingen (KBO)");
	render_terrace(&page, rec, OO_LANG_NL);
	assert_page_string(&page, "//div[@class='oo-notice']/h2", "Let op");
	assert_page_contains(&page, "//div[@class='oo-notice']/p",
			     "De gegevens konden niet worden opgehaald bij de bron");
	assert_int_equal(page_count(&page, "//*[@readonly]"), 0);
	page_free(&page);
	oo_record_free(rec);
}

static void missing_lookup_shows_notice(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//div[@class='oo-notice']"), 1);
	assert_page_string(&page, "//div[@class='oo-notice']/p",
			   "We hebben uw gegevens niet bij de bron opgevraagd. Vul ze zelf in.");
	assert_int_equal(page_count(&page, "//*[@readonly]"), 0);
	page_free(&page);
}

static void form_without_prefill_has_no_notice(void **state)
{
	oo_form *form = new_form("klacht");
	parsed_page page;

	(void)state;
	add_field(form, "complaint", OO_FIELD_TEXTAREA, NULL, "Uw klacht");
	page_parse(&page, render(form, catalog, NULL, OO_LANG_NL));
	assert_int_equal(page_count(&page, "//div[contains(@class, 'oo-notice')]"), 0);
	assert_int_equal(page_count(&page, "//section"), 0);
	assert_int_equal(page_count(&page, "//textarea[@id='complaint']"), 1);
	page_free(&page);
	oo_form_free(form);
}

static void label_text_is_escaped(void **state)
{
	oo_form *form = new_form("escape");
	oo_field *f;
	parsed_page page;

	(void)state;
	f = add_field(form, "name", OO_FIELD_TEXT, NULL, "<script>alert(\"x\")</script> & 'q'");
	oo_text_set(&f->hint, OO_LANG_NL, "<b>bold</b>");
	f = add_field(form, "choice", OO_FIELD_RADIO, NULL, "Keuze");
	add_option(f, "a\"><script>", "<i>A</i>", NULL);
	page_parse(&page, render(form, catalog, NULL, OO_LANG_NL));
	assert_non_null(strstr(page.html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
				      "&amp; &#39;q&#39;"));
	assert_int_equal(page_count(&page, "//script"), 1);
	assert_int_equal(page_count(&page, "//b | //i"), 0);
	assert_page_string(&page, "//label[@for='name']/text()[1]", "<script>alert(\"x\")</script> & 'q'");
	assert_page_string(&page, "//input[@id='choice']/@value", "a\"><script>");
	page_free(&page);
	oo_form_free(form);
}

static void french_page_uses_french_chrome(void **state)
{
	oo_record *rec = found_record();
	parsed_page page;

	(void)state;
	render_terrace(&page, rec, OO_LANG_FR);
	assert_true(strstr(page.html, "<html lang=\"fr\">") != NULL);
	assert_page_string(&page, "//title", "Autorisation de terrasse \xe2\x80\x93 formulaire en ligne");
	assert_page_string(&page, "//button", "Envoyer la demande");
	assert_page_string(&page, "//label[@for='legal_name']", "D\xc3\xa9nomination de l'entreprise");
	assert_page_string(&page, "//p[@id='legal_name-source']/text()[1]",
			   "Source\xc2\xa0: Banque-Carrefour des Entreprises (BCE), "
			   "consult\xc3\xa9" "e le 4 d\xc3\xa9" "cembre 2026.");
	assert_page_contains(&page, "//label[@for='email']", "(obligatoire)");
	assert_page_contains(&page, "//label[@for='phone']", "(facultatif)");
	assert_page_string(&page, "//label[@for='kind']", "Nouvelle autorisation");
	assert_int_equal(page_count(&page, "//a[starts-with(@href, 'https://economie.fgov.be/fr/')]"), 3);
	page_free(&page);
	oo_record_free(rec);
}

static void retrieval_date_follows_language(void **state)
{
	oo_record *rec = found_record();
	oo_form *form = terrace_form();
	parsed_page page;

	(void)state;
	oo_record_set_retrieved(rec, "2026-03-01");
	form->languages[OO_LANG_DE] = 1;
	form->languages[OO_LANG_EN] = 1;
	page_parse(&page, render(form, catalog, rec, OO_LANG_FR));
	assert_page_contains(&page, "//p[@id='legal_name-source']", "consult\xc3\xa9" "e le 1er mars 2026.");
	page_free(&page);
	page_parse(&page, render(form, catalog, rec, OO_LANG_DE));
	assert_page_contains(&page, "//p[@id='legal_name-source']",
			     "Quelle: Zentrale Datenbank der Unternehmen (ZDU), abgerufen am 1. M\xc3\xa4rz 2026.");
	page_free(&page);
	page_parse(&page, render(form, catalog, rec, OO_LANG_EN));
	assert_page_contains(&page, "//p[@id='legal_name-source']", "retrieved on 1 March 2026.");
	assert_page_string(&page, "//button", "Submit application");
	page_free(&page);
	oo_form_free(form);
	oo_record_free(rec);
}

static void radios_sit_in_fieldset_with_legend(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_page_string(&page, "//fieldset[.//input[@name='kind']]/legend", "Soort aanvraag (verplicht)");
	assert_int_equal(page_count(&page, "//input[@name='kind'][@type='radio']"), 2);
	assert_int_equal(page_count(&page, "//input[@id='kind'][@value='nieuw']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='kind-2'][@value='verlenging']"), 1);
	assert_int_equal(page_count(&page, "//input[@name='kind'][@required]"), 2);
	assert_int_equal(page_count(&page, "//fieldset[.//input[@name='furniture']]/legend"), 1);
	assert_int_equal(page_count(&page, "//input[@name='furniture'][@type='checkbox']"), 3);
	assert_int_equal(page_count(&page, "//fieldset//fieldset"), 0);
	page_free(&page);
}

static void label_states_required_in_text(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_page_string(&page, "//label[@for='area']", "Oppervlakte van het terras (verplicht)");
	assert_int_equal(page_count(&page, "//input[@id='area'][@required]"), 1);
	assert_page_string(&page, "//label[@for='phone']", "Telefoonnummer (optioneel)");
	assert_int_equal(page_count(&page, "//input[@id='phone'][@required]"), 0);
	assert_page_string(&page, "//label[@for='email']", "E-mailadres (verplicht)");
	page_free(&page);
}

static void hint_comes_between_label_and_control(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_page_string(&page, "//input[@id='area']/@aria-describedby", "area-hint");
	assert_int_equal(page_count(&page, "//div[@id='area-hint']/preceding-sibling::label[@for='area']"), 1);
	assert_int_equal(page_count(&page, "//div[@id='area-hint']/following-sibling::input[@id='area']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='phone'][@aria-describedby]"), 0);
	page_free(&page);
}

static void constraints_come_from_definition(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//input[@id='area'][@type='number'][@min='1'][@max='100']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='terrace_start'][@type='date']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='email'][@type='email'][@autocomplete='email']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='phone'][@type='tel']"), 1);
	assert_page_string(&page, "//input[@id='phone']/@pattern", "^[0-9 +]{8,15}$");
	assert_int_equal(page_count(&page, "//textarea[@id='remarks'][@maxlength='500']"), 1);
	assert_page_string(&page, "//input[@id='postcode']/@pattern", "^[1-9][0-9]{3}$");
	assert_int_equal(page_count(&page, "//input[@id='postcode'][@inputmode='numeric']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='postcode'][@autocomplete='postal-code']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='enterprise_number'][@inputmode]"), 0);
	assert_int_equal(page_count(&page, "//select[@id='market']/option"), 3);
	assert_page_string(&page, "//select[@id='market']/option[1]/@value", "");
	page_free(&page);
}

static void concept_defaults_yield_to_field(void **state)
{
	oo_form *form = new_form("override");
	oo_field *f;
	parsed_page page;

	(void)state;
	f = add_field(form, "company", OO_FIELD_OTHER, "enterprise.legal_name", "Naam van uw zaak");
	f->autocomplete = oo_strdup("off");
	f = add_field(form, "founded", OO_FIELD_TEXT, "enterprise.start_date", NULL);
	page_parse(&page, render(form, catalog, NULL, OO_LANG_NL));
	assert_page_string(&page, "//label[@for='company']", "Naam van uw zaak (optioneel)");
	assert_page_string(&page, "//input[@id='company']/@autocomplete", "off");
	assert_page_string(&page, "//input[@id='founded']/@type", "text");
	assert_page_string(&page, "//label[@for='founded']", "Begindatum van de onderneming (optioneel)");
	page_free(&page);
	oo_form_free(form);
}

static void file_field_makes_multipart_form(void **state)
{
	parsed_page page;
	oo_form *form = new_form("zonder");

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_page_string(&page, "//form/@enctype", "multipart/form-data");
	assert_int_equal(page_count(&page, "//input[@id='insurance'][@type='file'][@required]"), 1);
	assert_page_string(&page, "//label[@for='insurance']", "Verzekeringsattest (verplicht)");
	page_free(&page);

	add_field(form, "name", OO_FIELD_TEXT, NULL, "Naam");
	page_parse(&page, render(form, catalog, NULL, OO_LANG_NL));
	assert_int_equal(page_count(&page, "//form[@enctype]"), 0);
	page_free(&page);
	oo_form_free(form);
}

static void visible_if_names_condition(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//div[@data-oo-if-field='kind'][@data-oo-if-equals='verlenging']"
				   "//input[@id='previous_permit']"), 1);
	assert_page_string(&page, "//div[@data-oo-if-field='kind']/p[@class='oo-condition']",
			   "Alleen invullen als het antwoord op \xe2\x80\x98Soort aanvraag\xe2\x80\x99 "
			   "\xe2\x80\x98Verlenging\xe2\x80\x99 is.");
	assert_page_string(&page, "//div[@data-oo-if-field='heaters']/p[@class='oo-condition']",
			   "Alleen invullen als u \xe2\x80\x98Ik plaats terrasverwarming\xe2\x80\x99 aanvinkt.");
	/* Required only while shown: the script switches the attribute on. */
	assert_int_equal(page_count(&page, "//input[@id='previous_permit'][@required]"), 0);
	assert_int_equal(page_count(&page, "//input[@id='previous_permit'][@data-oo-required]"), 1);
	assert_page_contains(&page, "//label[@for='previous_permit']", "(verplicht)");
	/* Without JavaScript nothing is hidden. */
	assert_int_equal(page_count(&page, "//*[@hidden]"), 0);
	assert_non_null(strstr(page.html, "data-oo-if-field"));
	page_free(&page);
}

static void process_information_is_shown(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_page_string(&page, "//section[@class='oo-process']//dt[1]", "Behandeld door");
	assert_page_string(&page, "//section[@class='oo-process']//dd[1]", "Gemeente Voorbeeld");
	assert_page_string(&page, "//section[@class='oo-process']//dd[2]", "Politiereglement op terrassen");
	assert_page_string(&page, "//section[@class='oo-process']/p[1]",
			   "Dien uw aanvraag minstens 45 dagen vooraf in.");
	assert_page_string(&page, "//section[@class='oo-process']/p[2]",
			   "De gemeente beslist binnen 14 dagen.");
	page_free(&page);
}

static void birth_date_has_three_parts(void **state)
{
	parsed_page page;

	(void)state;
	render_terrace(&page, NULL, OO_LANG_NL);
	assert_int_equal(page_count(&page, "//fieldset[@role='group']/legend[contains(., 'Geboortedatum')]"), 1);
	assert_page_string(&page, "//fieldset[@role='group']/@aria-describedby", "birth_date-hint");
	assert_page_string(&page, "//div[@id='birth_date-hint']", "Bijvoorbeeld 27 3 1980");
	assert_int_equal(page_count(&page, "//input[@id='birth_date-day'][@inputmode='numeric']"
				   "[@autocomplete='bday-day'][@name='birth_date-day']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='birth_date-month'][@autocomplete='bday-month']"), 1);
	assert_int_equal(page_count(&page, "//input[@id='birth_date-year'][@autocomplete='bday-year']"), 1);
	assert_page_string(&page, "//label[@for='birth_date-year']", "Jaar");
	assert_int_equal(page_count(&page, "//input[@type='date'][contains(@id, 'birth')]"), 0);
	page_free(&page);
}

static void error_summary_links_to_first_wrong_part(void **state)
{
	oo_form *form = terrace_form();
	oo_buf out = OO_BUF_INIT;
	oo_error err;
	parsed_page page;
	const oo_field_error errors[] = {
		{ "area", NULL, "Vul de oppervlakte in" },
		{ "birth_date", "month", "De maand moet tussen 1 en 12 liggen" },
		{ "kind", NULL, "Kies een soort aanvraag" },
		{ "email", NULL, "Vul een e-mailadres in zoals naam@voorbeeld.be" },
	};

	(void)state;
	assert_int_equal(oo_render_html_errors(&out, form, catalog, NULL, OO_LANG_NL,
					       errors, 4, &err), OO_OK);
	page_parse(&page, oo_buf_detach(&out));
	assert_page_string(&page, "//title", "Fout: Terrasvergunning \xe2\x80\x93 online formulier");
	assert_page_string(&page, "//div[@class='oo-error-summary']/h2", "Er is een probleem");
	assert_int_equal(page_count(&page, "//div[@class='oo-error-summary']/following-sibling::h1"), 1);
	assert_page_string(&page, "//div[@class='oo-error-summary']//li[1]/a/@href", "#area");
	assert_page_string(&page, "//div[@class='oo-error-summary']//li[1]/a", "Vul de oppervlakte in");
	assert_page_string(&page, "//div[@class='oo-error-summary']//li[2]/a/@href", "#birth_date-month");
	assert_page_string(&page, "//div[@class='oo-error-summary']//li[3]/a/@href", "#kind");
	assert_page_string(&page, "//p[@id='area-error']", "Fout: Vul de oppervlakte in");
	assert_page_string(&page, "//input[@id='area']/@aria-describedby", "area-hint area-error");
	assert_int_equal(page_count(&page, "//p[@id='area-error']/preceding-sibling::div[@id='area-hint']"), 1);
	assert_int_equal(page_count(&page, "//p[@id='area-error']/following-sibling::input[@id='area']"), 1);
	assert_int_equal(page_count(&page, "//div[contains(@class, 'oo-form-group--error')]"), 4);
	assert_page_string(&page, "//fieldset[.//input[@name='kind']]/@aria-describedby", "kind-error");
	page_assert_idrefs(&page);
	page_assert_labelled(&page);
	page_free(&page);
	oo_form_free(form);
}

static void error_for_unknown_field_is_rejected(void **state)
{
	oo_form *form = terrace_form();
	oo_buf out = OO_BUF_INIT;
	oo_error err;
	const oo_field_error errors[] = { { "nope", NULL, "?" } };

	(void)state;
	assert_int_equal(oo_render_html_errors(&out, form, catalog, NULL, OO_LANG_NL,
					       errors, 1, &err), OO_EINVAL);
	assert_non_null(strstr(err.message, "\"nope\""));
	oo_buf_free(&out);
	oo_form_free(form);
}

static void undeclared_language_is_rejected(void **state)
{
	oo_form *form = terrace_form();
	oo_buf out = OO_BUF_INIT;
	oo_error err;

	(void)state;
	assert_int_equal(oo_render_html(&out, form, catalog, NULL, OO_LANG_DE, &err), OO_EINVAL);
	assert_non_null(strstr(err.message, "\"de\""));
	assert_int_equal(out.len, 0);
	oo_buf_free(&out);
	oo_form_free(form);
}

static void render_reports_memory_failure(void **state)
{
	oo_form *form = terrace_form();
	oo_record *rec = found_record();
	oo_status rc = OO_ENOMEM;
	unsigned long n;

	(void)state;
	for (n = 1; rc == OO_ENOMEM && n < 100; n++) {
		oo_buf out = OO_BUF_INIT;
		oo_error err;

		oo_alloc_fail_after(n, 1);
		rc = oo_render_html(&out, form, catalog, rec, OO_LANG_NL, &err);
		oo_alloc_fail_after(0, 0);
		if (rc == OO_ENOMEM)
			assert_int_equal(err.code, OO_ENOMEM);
		oo_buf_free(&out);
	}
	assert_int_equal(rc, OO_OK);
	assert_true(n > 2);
	oo_record_free(rec);
	oo_form_free(form);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(render_writes_complete_document),
		cmocka_unit_test(render_needs_no_external_resource),
		cmocka_unit_test(render_ids_unique_and_idrefs_resolve),
		cmocka_unit_test(render_labels_every_control),
		cmocka_unit_test(prefilled_field_is_readonly_not_disabled),
		cmocka_unit_test(prefilled_field_drops_constraints),
		cmocka_unit_test(prefill_without_value_stays_editable),
		cmocka_unit_test(prefill_of_other_entity_gets_no_note),
		cmocka_unit_test(found_record_gets_one_source_notice),
		cmocka_unit_test(not_found_shows_notice_and_editable_fields),
		cmocka_unit_test(failed_lookup_shows_notice),
		cmocka_unit_test(missing_lookup_shows_notice),
		cmocka_unit_test(form_without_prefill_has_no_notice),
		cmocka_unit_test(label_text_is_escaped),
		cmocka_unit_test(french_page_uses_french_chrome),
		cmocka_unit_test(retrieval_date_follows_language),
		cmocka_unit_test(radios_sit_in_fieldset_with_legend),
		cmocka_unit_test(label_states_required_in_text),
		cmocka_unit_test(hint_comes_between_label_and_control),
		cmocka_unit_test(constraints_come_from_definition),
		cmocka_unit_test(concept_defaults_yield_to_field),
		cmocka_unit_test(file_field_makes_multipart_form),
		cmocka_unit_test(visible_if_names_condition),
		cmocka_unit_test(process_information_is_shown),
		cmocka_unit_test(birth_date_has_three_parts),
		cmocka_unit_test(error_summary_links_to_first_wrong_part),
		cmocka_unit_test(error_for_unknown_field_is_rejected),
		cmocka_unit_test(undeclared_language_is_rejected),
		cmocka_unit_test(render_reports_memory_failure),
	};

	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
