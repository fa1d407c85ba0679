/* SPDX-License-Identifier: EUPL-1.2 */
/* Concept matching on labels of real municipal forms, in Dutch and French,
 * with the catalogue shipped in schemas/concepts.json. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "match_private.h"
#include "onlyonce/alloc.h"
#include "onlyonce/audit.h"

typedef struct {
	oo_catalog *cat;
	oo_matcher *matcher;
} fixture;

static int setup(void **state)
{
	static fixture fx;
	oo_error err;

	if (oo_catalog_load(&fx.cat, oo_catalog_default_path(), &err) != OO_OK) {
		print_error("cannot load the catalogue: %s\n", err.message);
		return -1;
	}
	if (oo_matcher_new(&fx.matcher, fx.cat, &err) != OO_OK) {
		print_error("cannot compile the catalogue patterns: %s\n", err.message);
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

static void normalize_folds_case_and_diacritics(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "Geboortedatum *", "geboortedatum" },
		{ "Naam van de zaak (café, brasserie, …)", "naam van de zaak cafe brasserie" },
		{ "Rijksregisternummer (verplicht)", "rijksregisternummer" },
		{ "Numéro d'entreprise (obligatoire)", "numero d entreprise" },
		{ "Téléphone (facultatif)", "telephone" },
		{ "Sociale hygiëne — verklaring", "sociale hygiene verklaring" },
		{ "FRANÇAIS ÆØÅ Œuvre Straße", "francais aeoa oeuvre strasse" },
		{ "E-mailadres", "e mailadres" },
		{ "b) Straatnaam en huisnummer", "straatnaam en huisnummer" },
		{ "3. Ondernemer 1", "ondernemer 1" },
		{ "  Naam\u00a0\t en   voornaam  ", "naam en voornaam" },
		{ "", "" },
	};
	size_t i;
	char *out;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		out = oo_match_normalize(cases[i].in);
		assert_non_null(out);
		assert_string_equal(out, cases[i].out);
		oo_free(out);
	}
}

static void normalize_drops_invalid_bytes(void **state)
{
	char *out = oo_match_normalize("Caf\xE9 naam");

	(void)state;
	assert_string_equal(out, "caf naam");
	oo_free(out);
}

typedef struct {
	const char *label;
	const char *context;
	const char *expected; /* NULL: no concept */
} label_case;

/* Labels as they appear on the forms in fixtures/existing-forms and on
 * the Flemish, Brussels and Walloon forms they follow. */
static const label_case cases[] = {
	{ "Naam", "Gegevens van de onderneming", "enterprise.legal_name" },
	{ "Naam", "Gegevens van de aanvrager", "person.family_name" },
	{ "Naam", "1. Gegevens horecazaak", "establishment.name" },
	{ "Naam *", "2. Gegevens aanvrager/belastingsplichtige", "person.family_name" },
	{ "Naam bedrijf waarvoor u een vergunning aanvraagt", NULL, "enterprise.legal_name" },
	{ "Naam zaak waarvoor u een vergunning aanvraagt", NULL, "establishment.name" },
	{ "Naam van de zaak (café, brasserie, …)", NULL, "establishment.name" },
	{ "Naam van de handelszaak", "Gegevens van de handelszaak", "establishment.name" },
	{ "Naam en voornaam", "Gegevens van de aanvrager", "person.family_name" },
	{ "a. Naam en voornamen", "3. Ondernemer 1", "person.family_name" },
	{ "Voornaam", "Gegevens van de aanvrager", "person.given_names" },
	{ "Achternaam", "Gegevens van de aanvrager", "person.family_name" },
	{ "Geboortedatum", NULL, "person.birth_date" },
	{ "e. Geboortedatum", "3. Ondernemer 1", "person.birth_date" },
	{ "f. Geboorteplaats", NULL, "person.birth_place" },
	{ "Rijksregisternummer (verplicht)", NULL, "person.insz" },
	{ "Ondernemingsnummer *", "Gegevens van de zaak", "enterprise.number" },
	{ "Inschrijfnummer Kamer van Koophandel (KvK)", NULL, "enterprise.number" },
	{ "KvK-nummer of vestigingsnummer", NULL, "enterprise.number" },
	{ "Rechtsvorm", "Gegevens van de zaak", "enterprise.legal_form" },
	{ "vof, nv, bvba …", NULL, "enterprise.legal_form" },
	{ "Handelsnaam (indien rechtspersoon)", NULL, "enterprise.commercial_name" },
	{ "Adres maatschappelijke zetel", "Gegevens van de zaak", "enterprise.registered_address.street" },
	{ "Straat en huisnummer van de zaak", NULL, "establishment.address.street" },
	{ "Straat", "Adres / Gegevens van de aanvrager", "person.address.street" },
	{ "Straatnaam", NULL, "enterprise.registered_address.street" },
	{ "Postcode", NULL, "enterprise.registered_address.postcode" },
	{ "Postcode", "Gegevens van de aanvrager", "person.address.postcode" },
	{ "Huisnummer", "Gegevens van de onderneming", "enterprise.registered_address.house_number" },
	{ "Woonplaats", NULL, "enterprise.registered_address.municipality" },
	{ "Adres van de inrichting", NULL, "establishment.address.street" },
	{ "Telefoonnummer (privé)", "Gegevens van de aanvrager", "contact.phone" },
	{ "E-mailadres", NULL, "contact.email" },
	{ "Winkel (+ specificatie), café, restaurant, kapsalon …", NULL, "enterprise.main_activity" },
	{ "Kopie identiteitskaart", NULL, "document.identity_card_copy" },
	{ "Bewijs ondernemingsnummer met correct adres", NULL, "document.kbo_extract" },
	{ "Kopie van inschrijving in de KBO", NULL, "document.kbo_extract" },
	{ "Moraliteitsattest (uittreksel uit het strafregister, model 596.1-8)", NULL,
	  "document.criminal_record_extract" },
	{ "Bewijs aangifte FAVV (registratie of toelating)", NULL, "document.favv_registration" },
	{ "Verzekeringsattest brand en burgerlijke aansprakelijkheid", NULL, "document.insurance_certificate" },
	{ "Kopie hoofdleurkaart of machtiging als werkgever", NULL, "document.hawker_card" },
	{ "Bewijs inschrijving bij een sociale verzekeringskas (zelfstandig beroep)", NULL,
	  "document.social_insurance_proof" },
	{ "Dénomination", NULL, "enterprise.legal_name" },
	{ "Numéro d'entreprise", NULL, "enterprise.number" },
	{ "Forme juridique", NULL, "enterprise.legal_form" },
	{ "Date de naissance", NULL, "person.birth_date" },
	{ "Lieu de naissance", NULL, "person.birth_place" },
	{ "Prénom", NULL, "person.given_names" },
	{ "Numéro de registre national", NULL, "person.insz" },
	{ "Copie de la carte d'identité", NULL, "document.identity_card_copy" },
	{ "Extrait de casier judiciaire", NULL, "document.criminal_record_extract" },
	{ "Opmerkingen", NULL, NULL },
	{ "Sluitingsdag(en) en openingsuren", "Uitbating", NULL },
	{ "Aantal kansspelautomaten", NULL, NULL },
	{ "Vooropgestelde startdatum", NULL, NULL },
	{ "Ligt het terras op een parkeerplaats?", "4. Terrasgegevens", NULL },
	{ "Voorziene gemiddelde bezetting", NULL, NULL },
	{ "Foto vooraanzicht en zijaanzicht van het voertuig", NULL, NULL },
};

static void labels_match_expected_concepts(void **state)
{
	fixture *fx = *state;
	oo_match m;
	size_t i, wrong = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got;

		assert_int_equal(oo_matcher_match(fx->matcher, cases[i].label, NULL, cases[i].context, &m), OO_OK);
		got = m.concept ? m.concept->id : NULL;
		if ((got == NULL) != (cases[i].expected == NULL) ||
		    (got && strcmp(got, cases[i].expected) != 0)) {
			print_error("\"%s\" under \"%s\": expected %s, got %s\n", cases[i].label,
				    cases[i].context ? cases[i].context : "", cases[i].expected ? cases[i].expected : "nothing",
				    got ? got : "nothing");
			wrong++;
		}
	}
	assert_int_equal(wrong, 0);
}

static void name_alone_matches_weaker(void **state)
{
	fixture *fx = *state;
	oo_match by_name, by_both;

	assert_int_equal(oo_matcher_match(fx->matcher, NULL, "ondnr", NULL, &by_name), OO_OK);
	assert_non_null(by_name.concept);
	assert_string_equal(by_name.concept->id, "enterprise.number");
	assert_string_equal(by_name.matched_by, "name");
	assert_int_equal(oo_matcher_match(fx->matcher, "Ondernemingsnummer", "ondnr", NULL, &by_both), OO_OK);
	assert_string_equal(by_both.matched_by, "label");
	assert_true(by_both.score > by_name.score);
}

static void file_field_matches_documents_only(void **state)
{
	fixture *fx = *state;
	oo_field field;
	oo_match m;
	int subject;

	memset(&field, 0, sizeof(field));
	field.type = OO_FIELD_FILE;
	field.label.text[OO_LANG_NL] = "Bewijs ondernemingsnummer";
	assert_int_equal(oo_matcher__match_field(fx->matcher, &field, -1, &m, &subject), OO_OK);
	assert_non_null(m.concept);
	assert_int_equal(m.concept->kind, OO_CONCEPT_DOCUMENT);
	field.type = OO_FIELD_TEXT;
	field.label.text[OO_LANG_NL] = "Ondernemingsnummer";
	assert_int_equal(oo_matcher__match_field(fx->matcher, &field, -1, &m, &subject), OO_OK);
	assert_string_equal(m.concept->id, "enterprise.number");
	field.type = OO_FIELD_HIDDEN;
	assert_int_equal(oo_matcher__match_field(fx->matcher, &field, -1, &m, &subject), OO_OK);
	assert_null(m.concept);
}

static void subject_earliest_word_wins(void **state)
{
	fixture *fx = *state;
	int subject;

	assert_int_equal(oo_matcher__subject(fx->matcher, "Adres / Gegevens van de aanvrager / Gegevens van de zaak", &subject), OO_OK);
	assert_int_equal(subject, OO_SUBJECT_PERSON);
	assert_int_equal(oo_matcher__subject(fx->matcher, "4. Rechtspersoon A", &subject), OO_OK);
	assert_int_equal(subject, OO_SUBJECT_ENTERPRISE);
	assert_int_equal(oo_matcher__subject(fx->matcher, "Coordonnées de l'entreprise", &subject), OO_OK);
	assert_int_equal(subject, OO_SUBJECT_ENTERPRISE);
	assert_int_equal(oo_matcher__subject(fx->matcher, "Uw vraag", &subject), OO_OK);
	assert_int_equal(subject, -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalize_folds_case_and_diacritics),
		cmocka_unit_test(normalize_drops_invalid_bytes),
		cmocka_unit_test(labels_match_expected_concepts),
		cmocka_unit_test(name_alone_matches_weaker),
		cmocka_unit_test(file_field_matches_documents_only),
		cmocka_unit_test(subject_earliest_word_wins),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
