/* SPDX-License-Identifier: EUPL-1.2 */
/* The GeefOnderneming parser on real captures and on crafted answers:
 * exceptions, faults, malformed and hostile XML, out of memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prefill_test.h"

/* An envelope as the MAGDA gateway sends it, with the Antwoord content
 * (Inhoud and/or Uitzonderingen) left as a %s. */
static const char envelope_format[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">\n"
	" <soapenv:Body>\n"
	"  <web:GeefOndernemingResponse xmlns:web=\"http://webservice.geefondernemingdienst-02_00.onderneming-02_00.vip.vlaanderen.be\">\n"
	"   <Repliek>\n"
	"    <Context><Naam>GeefOnderneming</Naam><Versie>02.00.0000</Versie></Context>\n"
	"    <Antwoorden><Antwoord><Referte>r1</Referte>\n%s\n"
	"    </Antwoord></Antwoorden>\n"
	"   </Repliek>\n"
	"  </web:GeefOndernemingResponse>\n"
	" </soapenv:Body>\n"
	"</soapenv:Envelope>\n";

static const char minimal_enterprise[] =
	"<Inhoud><Onderneming>"
	"<Ondernemingsnummer>0200065765</Ondernemingsnummer>"
	"<OndernemingOfVestiging><Code>1</Code></OndernemingOfVestiging>"
	"<Namen><MaatschappelijkeNamen>"
	"<MaatschappelijkeNaam DatumBegin=\"1960-08-09\"><Naam>Veneco</Naam><Taalcode>nl</Taalcode></MaatschappelijkeNaam>"
	"</MaatschappelijkeNamen></Namen>"
	"</Onderneming></Inhoud>";

static char *build(const char *antwoord)
{
	size_t size = sizeof(envelope_format) + strlen(antwoord);
	char *xml = malloc(size);

	assert_non_null(xml);
	snprintf(xml, size, envelope_format, antwoord);
	return xml;
}

/* Parses xml on TEST_TODAY and returns the status; err gets the detail. */
static oo_status parse_text(oo_record **rec, const char *xml, oo_error *err)
{
	oo_error_clear(err);
	return oo_magda_parse_on(rec, xml, strlen(xml), TEST_TODAY, err);
}

static oo_status parse_antwoord(oo_record **rec, const char *antwoord, oo_error *err)
{
	char *xml = build(antwoord);
	oo_status rc = parse_text(rec, xml, err);

	free(xml);
	return rc;
}

static void magda_parse_reads_kom_op_tegen_kanker(void **state)
{
	oo_record *rec = NULL;

	(void)state;
	if (!parse_response(&rec, CAPTURES_DIR, "0442528054.xml"))
		skip();
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_FOUND);
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ENTERPRISE);
	assert_string_equal(oo_record_source(rec), "Kruispuntbank van Ondernemingen (KBO)");
	assert_value(rec, "enterprise.number", "0442528054");
	assert_value(rec, "enterprise.legal_name", "Kom op tegen Kanker");
	assert_value(rec, "enterprise.abbreviation", "V.L.K.");
	assert_value(rec, "enterprise.status", "AC");
	assert_value(rec, "enterprise.start_date", "1989-10-03");
	assert_value(rec, "enterprise.legal_form", "017");
	assert_value(rec, "enterprise.legal_form_label", "Vereniging zonder winstoogmerk");
	assert_value(rec, "enterprise.registered_address.street", "Koningsstraat");
	assert_value(rec, "enterprise.registered_address.house_number", "217");
	assert_value(rec, "enterprise.registered_address.box", NULL);
	assert_value(rec, "enterprise.registered_address.postcode", "1210");
	assert_value(rec, "enterprise.registered_address.municipality", "Sint-Joost-ten-Node");
	assert_value(rec, "enterprise.registered_address.country", "België");
	assert_value(rec, "enterprise.bank_account", "BE68539007547034");
	assert_null(oo_record_message(rec));
	oo_record_free(rec);
}

static void magda_parse_reads_de_bosuil(void **state)
{
	oo_record *rec = NULL;

	(void)state;
	if (!parse_response(&rec, CAPTURES_DIR, "0407622011.xml"))
		skip();
	assert_value(rec, "enterprise.number", "0407622011");
	assert_value(rec, "enterprise.legal_name", "Jeugdraad Lille vzw De Bosuil");
	assert_value(rec, "enterprise.abbreviation", "Jeugdraad Lille vzw of De Bosuil");
	assert_value(rec, "enterprise.status", "JU");
	assert_value(rec, "enterprise.registered_address.street", "Bosuilstraat(SHL)");
	assert_value(rec, "enterprise.registered_address.house_number", "4");
	assert_value(rec, "enterprise.registered_address.postcode", "3910");
	assert_value(rec, "enterprise.registered_address.municipality", "Neerpelt");
	assert_value(rec, "enterprise.phone", "011642985");
	assert_value(rec, "enterprise.email", "info@opdebosuil.be");
	assert_value(rec, "enterprise.website", "www.opdebosuil.be");
	assert_value(rec, "enterprise.start_date", "1964-12-17");
	assert_value(rec, "enterprise.bank_account", NULL);
	oo_record_free(rec);
}

static void magda_parse_reads_establishment_unit(void **state)
{
	oo_record *rec = NULL;

	(void)state;
	if (!parse_response(&rec, CAPTURES_DIR, "2289324120.vestiging.xml"))
		skip();
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_FOUND);
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ESTABLISHMENT);
	assert_value(rec, "establishment.number", "2289324120");
	assert_value(rec, "establishment.name", "Telenet");
	assert_value(rec, "establishment.address.street", "Sluisweg");
	assert_value(rec, "establishment.address.house_number", "1");
	assert_value(rec, "establishment.address.box", "12");
	assert_value(rec, "establishment.address.postcode", "9000");
	assert_value(rec, "establishment.address.municipality", "Gent");
	assert_value(rec, "establishment.start_date", "2019-05-14");
	assert_value(rec, "enterprise.number", NULL);
	assert_value(rec, "enterprise.legal_name", NULL);
	oo_record_free(rec);
}

static void magda_parse_reports_not_found(void **state)
{
	oo_record *rec = NULL;

	(void)state;
	if (!parse_response(&rec, CAPTURES_DIR, "0000000196.notfound.xml"))
		skip();
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	assert_int_equal(oo_record_count(rec), 0);
	assert_string_equal(oo_record_message(rec), "enterprise number not found in KBO");
	assert_string_equal(oo_record_source(rec), "Kruispuntbank van Ondernemingen (KBO)");
	oo_record_free(rec);
}

static void magda_parse_trims_whitespace(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Inhoud><Onderneming>\n"
		"<Ondernemingsnummer xmlns:web=\"urn:x\">\n   0200065765\n  </Ondernemingsnummer>\n"
		"<Namen><MaatschappelijkeNamen><MaatschappelijkeNaam>"
		"<Naam>\n\t Intergemeentelijke\n   Vereniging Veneco \n</Naam><Taalcode> nl </Taalcode>"
		"</MaatschappelijkeNaam></MaatschappelijkeNamen></Namen>"
		"</Onderneming></Inhoud>", &err), OO_OK);
	assert_value(rec, "enterprise.number", "0200065765");
	assert_value(rec, "enterprise.legal_name", "Intergemeentelijke Vereniging Veneco");
	oo_record_free(rec);
}

static void magda_parse_ignores_envelope_prefixes(void **state)
{
	static const char xml[] =
		"<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
		"<SOAP-ENV:Body><geef:GeefOndernemingResponse xmlns:geef=\"urn:any\"><Repliek>"
		"<Antwoorden><Antwoord><Inhoud><Onderneming>"
		"<Ondernemingsnummer>0200068636</Ondernemingsnummer>"
		"<Namen><MaatschappelijkeNamen><MaatschappelijkeNaam><Naam>Farys</Naam>"
		"<Taalcode>nl</Taalcode></MaatschappelijkeNaam></MaatschappelijkeNamen></Namen>"
		"</Onderneming></Inhoud></Antwoord></Antwoorden>"
		"</Repliek></geef:GeefOndernemingResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>";
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_text(&rec, xml, &err), OO_OK);
	assert_value(rec, "enterprise.legal_name", "Farys");
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ENTERPRISE);
	oo_record_free(rec);
}

/* An ended Dutch name, an active French one and an active Dutch one: the
 * active Dutch name wins; without it, French comes before German. */
static void magda_parse_prefers_active_dutch_name(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Inhoud><Onderneming><Ondernemingsnummer>0200068636</Ondernemingsnummer><Namen>"
		"<MaatschappelijkeNamen>"
		"<MaatschappelijkeNaam DatumBegin=\"1923-02-16\" DatumEinde=\"2014-06-23\"><Naam>TMVW</Naam><Taalcode>nl</Taalcode></MaatschappelijkeNaam>"
		"<MaatschappelijkeNaam DatumBegin=\"2014-06-24\"><Naam>Farys FR</Naam><Taalcode>fr</Taalcode></MaatschappelijkeNaam>"
		"<MaatschappelijkeNaam DatumBegin=\"2014-06-24\" DatumEinde=\"2099-12-31\"><Naam>Farys</Naam><Taalcode>nl</Taalcode></MaatschappelijkeNaam>"
		"</MaatschappelijkeNamen>"
		"<AfgekorteNamen>"
		"<AfgekorteNaam><Naam>FARYS DE</Naam><Taalcode>de</Taalcode></AfgekorteNaam>"
		"<AfgekorteNaam><Naam>FARYS FR</Naam><Taalcode>fr</Taalcode></AfgekorteNaam>"
		"<AfgekorteNaam DatumBegin=\"2090-01-01\"><Naam>FUTURE</Naam><Taalcode>nl</Taalcode></AfgekorteNaam>"
		"</AfgekorteNamen>"
		"</Namen></Onderneming></Inhoud>", &err), OO_OK);
	assert_value(rec, "enterprise.legal_name", "Farys");
	assert_value(rec, "enterprise.abbreviation", "FARYS FR");
	oo_record_free(rec);
}

/* Ended addresses come first in the answer; the active 001 one is used. */
static void magda_parse_uses_active_registered_office(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Inhoud><Onderneming><Ondernemingsnummer>0200068636</Ondernemingsnummer><Adressen>"
		"<Adres DatumBegin=\"1990-01-01\" DatumEinde=\"2003-06-30\"><Huisnummer>9</Huisnummer>"
		"<Gemeente><PostCode>9050</PostCode></Gemeente><Type><Code>001</Code></Type></Adres>"
		"<Adres DatumBegin=\"2003-07-01\"><Huisnummer>7</Huisnummer>"
		"<Gemeente><PostCode>9040</PostCode></Gemeente><Type><Code>002</Code></Type></Adres>"
		"<Adres DatumBegin=\"2003-07-01\"><Huisnummer>1</Huisnummer><Busnummer> A </Busnummer>"
		"<Gemeente><PostCode>9000</PostCode></Gemeente>"
		"<Land><NISCode>150</NISCode><ISOCode>BE</ISOCode></Land><Type><Code>001</Code></Type>"
		"<Descripties>"
		"<Descriptie><Adres><Straat><Naam>Rue Strop</Naam></Straat><Gemeente><Naam>Gand</Naam></Gemeente></Adres><Taalcode>fr</Taalcode></Descriptie>"
		"<Descriptie><Adres><Straat><Naam>Stropstraat</Naam></Straat><Gemeente><Naam>Gent</Naam></Gemeente></Adres>"
		"<Contact><Email>info@example.be</Email></Contact><Taalcode>nl</Taalcode></Descriptie>"
		"</Descripties></Adres>"
		"</Adressen></Onderneming></Inhoud>", &err), OO_OK);
	assert_value(rec, "enterprise.registered_address.street", "Stropstraat");
	assert_value(rec, "enterprise.registered_address.house_number", "1");
	assert_value(rec, "enterprise.registered_address.box", "A");
	assert_value(rec, "enterprise.registered_address.postcode", "9000");
	assert_value(rec, "enterprise.registered_address.municipality", "Gent");
	assert_value(rec, "enterprise.registered_address.country", "BE");
	assert_value(rec, "enterprise.email", "info@example.be");
	oo_record_free(rec);
}

static void magda_parse_picks_newest_main_activity(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Inhoud><Onderneming><Ondernemingsnummer>0200068636</Ondernemingsnummer><Activiteiten>"
		"<Activiteit><Nace><Code>41000</Code><Versie>2003</Versie></Nace><Type><Code>P</Code></Type></Activiteit>"
		"<Activiteit><Nace><Code>36000</Code><Versie>2008</Versie></Nace><Type><Code>P</Code></Type></Activiteit>"
		"<Activiteit DatumEinde=\"2024-12-31\"><Nace><Code>99999</Code><Versie>2025</Versie></Nace><Type><Code>P</Code></Type></Activiteit>"
		"<Activiteit><Nace><Code>70220</Code><Versie>2025</Versie></Nace><Type><Code>S</Code></Type></Activiteit>"
		"</Activiteiten></Onderneming></Inhoud>", &err), OO_OK);
	assert_value(rec, "enterprise.main_activity", "36000");
	oo_record_free(rec);
}

static void magda_parse_prefers_omschrijving_for_legal_form(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Inhoud><Onderneming><Ondernemingsnummer>0200068636</Ondernemingsnummer><Rechtsvormen>"
		"<Rechtsvorm DatumBegin=\"1923-02-16\" DatumEinde=\"2003-06-30\"><Code>014</Code></Rechtsvorm>"
		"<Rechtsvorm DatumBegin=\"2003-07-01\"><Code>114</Code><Omschrijving>NV van publiek recht</Omschrijving></Rechtsvorm>"
		"</Rechtsvormen></Onderneming></Inhoud>", &err), OO_OK);
	assert_value(rec, "enterprise.legal_form", "114");
	assert_value(rec, "enterprise.legal_form_label", "NV van publiek recht");
	oo_record_free(rec);
}

static void magda_parse_leaves_unknown_legal_form_unlabelled(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Inhoud><Onderneming><Ondernemingsnummer>0200068636</Ondernemingsnummer><Rechtsvormen>"
		"<Rechtsvorm><Code>999</Code></Rechtsvorm>"
		"</Rechtsvormen></Onderneming></Inhoud>", &err), OO_OK);
	assert_value(rec, "enterprise.legal_form", "999");
	assert_value(rec, "enterprise.legal_form_label", NULL);
	oo_record_free(rec);
}

static void magda_parse_maps_kbo_source_error(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Uitzonderingen><Uitzondering><Identificatie>40033</Identificatie>"
		"<Oorsprong>KBO</Oorsprong><Type>FOUT</Type>"
		"<Diagnose>Interne fout bij verwerking door KBO</Diagnose></Uitzondering></Uitzonderingen>",
		&err), OO_ESOURCE);
	assert_null(rec);
	assert_int_equal(err.code, OO_ESOURCE);
	assert_string_equal(err.message,
			    "KBO source error (MAGDA error 40033: Interne fout bij verwerking door KBO); "
			    "try again later");
}

static void magda_parse_maps_invalid_number_error(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Uitzonderingen><Uitzondering><Identificatie>20007</Identificatie>"
		"<Oorsprong>MAGDA</Oorsprong><Type>FOUT</Type>"
		"<Diagnose>Ondernemingsnummer in de vraag heeft een ongeldige structuur</Diagnose>"
		"</Uitzondering></Uitzonderingen>", &err), OO_ESOURCE);
	assert_null(rec);
	assert_string_equal(err.message,
			    "invalid enterprise number (MAGDA error 20007: Ondernemingsnummer in de "
			    "vraag heeft een ongeldige structuur)");
}

static void magda_parse_names_other_error_code(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Uitzonderingen><Uitzondering><Identificatie>99996</Identificatie>"
		"<Oorsprong>MAGDA</Oorsprong><Type>FOUT</Type>"
		"<Diagnose>Bron tijdelijk niet beschikbaar</Diagnose></Uitzondering></Uitzonderingen>",
		&err), OO_ESOURCE);
	assert_string_equal(err.message, "MAGDA error 99996: Bron tijdelijk niet beschikbaar");
}

/* A request-level error sits under Repliek, outside the Antwoord. */
static void magda_parse_reads_reply_level_error(void **state)
{
	static const char xml[] =
		"<Envelope><Body><GeefOndernemingResponse><Repliek><Context/>"
		"<Uitzonderingen><Uitzondering><Identificatie>30001</Identificatie><Type>FOUT</Type>"
		"<Diagnose>XSD validatie fout</Diagnose></Uitzondering></Uitzonderingen>"
		"</Repliek></GeefOndernemingResponse></Body></Envelope>";
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_text(&rec, xml, &err), OO_ESOURCE);
	assert_string_equal(err.message, "MAGDA error 30001: XSD validatie fout");
}

/* 40046 means not found even when MAGDA sends it as FOUT, as documented. */
static void magda_parse_treats_40046_fout_as_not_found(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Uitzonderingen><Uitzondering><Identificatie> 40046 </Identificatie>"
		"<Type>FOUT</Type><Diagnose>bestaat niet</Diagnose></Uitzondering></Uitzonderingen>",
		&err), OO_OK);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	oo_record_free(rec);
}

static void magda_parse_keeps_warnings_with_content(void **state)
{
	char antwoord[2048];
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	snprintf(antwoord, sizeof(antwoord), "%s%s", minimal_enterprise,
		 "<Uitzonderingen>"
		 "<Uitzondering><Identificatie>50002</Identificatie><Type>WAARSCHUWING</Type>"
		 "<Diagnose>Adres onbekend</Diagnose></Uitzondering>"
		 "<Uitzondering><Identificatie>99984</Identificatie><Type>INFORMATIE</Type>"
		 "<Diagnose>Omschrijving ontbreekt</Diagnose></Uitzondering>"
		 "</Uitzonderingen>");
	assert_int_equal(parse_antwoord(&rec, antwoord, &err), OO_OK);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_FOUND);
	assert_value(rec, "enterprise.legal_name", "Veneco");
	assert_string_equal(oo_record_message(rec),
			    "MAGDA warning 50002: Adres onbekend; "
			    "MAGDA information 99984: Omschrijving ontbreekt");
	oo_record_free(rec);
}

static void magda_parse_reports_soap_fault(void **state)
{
	static const char xml[] =
		"<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
		"<soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode>"
		"<faultstring>99995 - Te veel gelijktijdige bevragingen</faultstring>"
		"<detail><message>Exceeded the max throttle rate of 10 within 1000ms</message></detail>"
		"</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_text(&rec, xml, &err), OO_ESOURCE);
	assert_null(rec);
	assert_string_equal(err.message,
			    "MAGDA SOAP fault: 99995 - Te veel gelijktijdige bevragingen "
			    "(Exceeded the max throttle rate of 10 within 1000ms)");
}

static void magda_parse_rejects_malformed_xml(void **state)
{
	static const char xml[] =
		"<Envelope>\n<Body>\n<Repliek>\n<Naam>Veneco</Nam>\n</Repliek>\n</Body>\n</Envelope>\n";
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_text(&rec, xml, &err), OO_EPARSE);
	assert_null(rec);
	assert_int_equal(err.line, 4);
	assert_string_equal(err.message,
			    "malformed XML in MAGDA response at line 4: Opening and ending tag "
			    "mismatch: Naam line 4 and Nam");
}

static void magda_parse_rejects_empty_input(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	oo_error_clear(&err);
	assert_int_equal(oo_magda_parse_on(&rec, "", 0, TEST_TODAY, &err), OO_EPARSE);
	assert_null(rec);
	assert_non_null(strstr(err.message, "malformed XML in MAGDA response"));
}

static void magda_parse_rejects_xml_without_repliek(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_text(&rec, "<Envelope><Body/></Envelope>", &err), OO_EPARSE);
	assert_string_equal(err.message, "not a GeefOnderneming response: no Repliek element");
}

static void magda_parse_rejects_answer_without_content(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec, "", &err), OO_ESOURCE);
	assert_string_equal(err.message,
			    "MAGDA answer has neither Inhoud/Onderneming nor an exception");
}

static void magda_parse_rejects_invalid_answer_number(void **state)
{
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_antwoord(&rec,
		"<Inhoud><Onderneming><Ondernemingsnummer>0200065766</Ondernemingsnummer>"
		"</Onderneming></Inhoud>", &err), OO_EPARSE);
	assert_null(rec);
	assert_string_equal(err.message,
			    "MAGDA answer has an invalid enterprise number \"0200065766\": "
			    "the check digits should be 65");
}

/* The payload names /etc/passwd as an external entity; the parser must not
 * read it, and rejects the DOCTYPE outright. */
static void magda_parse_rejects_external_entity(void **state)
{
	static const char xml[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
		"<Envelope><Body><GeefOndernemingResponse><Repliek><Antwoorden><Antwoord>"
		"<Inhoud><Onderneming><Ondernemingsnummer>0200065765</Ondernemingsnummer>"
		"<Namen><MaatschappelijkeNamen><MaatschappelijkeNaam><Naam>&xxe;</Naam>"
		"<Taalcode>nl</Taalcode></MaatschappelijkeNaam></MaatschappelijkeNamen></Namen>"
		"</Onderneming></Inhoud></Antwoord></Antwoorden></Repliek>"
		"</GeefOndernemingResponse></Body></Envelope>";
	oo_record *rec = NULL;
	oo_error err;
	oo_status rc;

	(void)state;
	rc = parse_text(&rec, xml, &err);
	if (rec) {
		const char *name = oo_record_get(rec, "enterprise.legal_name");

		assert_true(name == NULL || strstr(name, "root:") == NULL);
		oo_record_free(rec);
	}
	assert_int_equal(rc, OO_EPARSE);
	assert_null(strstr(err.message, "root:"));
	assert_string_equal(err.message,
			    "MAGDA response contains a DOCTYPE, which SOAP 1.1 forbids in a message");
}

static void magda_parse_rejects_internal_entities(void **state)
{
	static const char xml[] =
		"<!DOCTYPE Envelope [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
		"<Envelope><Body><Repliek><Naam>&b;</Naam></Repliek></Body></Envelope>";
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(parse_text(&rec, xml, &err), OO_EPARSE);
	assert_null(rec);
}

static void magda_parse_enforces_size_limit(void **state)
{
	oo_record *rec = NULL;
	oo_error err;
	char *xml = build(minimal_enterprise);

	(void)state;
	oo_error_clear(&err);
	assert_int_equal(oo_magda_parse_on(&rec, xml, OO_MAGDA_MAX_SIZE + 1, TEST_TODAY, &err),
			 OO_ELIMIT);
	assert_null(rec);
	assert_string_equal(err.message,
			    "MAGDA response of 4194305 bytes exceeds the limit of 4194304 bytes");
	free(xml);
}

/* Without a date, the parser judges activity on the local date. */
static void magda_parse_uses_local_date_by_default(void **state)
{
	char *xml = build(minimal_enterprise);
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	oo_error_clear(&err);
	assert_int_equal(oo_magda_parse(&rec, xml, strlen(xml), &err), OO_OK);
	assert_value(rec, "enterprise.legal_name", "Veneco");
	oo_record_free(rec);
	free(xml);
}

/* Makes the n-th allocation fail for n = 1, 2, ... until the parse works:
 * every failure must be a clean OO_ENOMEM with no record. Leaks show up in
 * the sanitizer build. */
static void magda_parse_survives_allocation_failures(void **state)
{
	char *xml = NULL;
	size_t len = 0;
	oo_record *rec = NULL;
	oo_error err;
	oo_status rc = OO_ENOMEM;
	unsigned long n;

	(void)state;
	if (!read_response(&xml, &len, FIXTURES_DIR, "0314595348.xml"))
		skip();
	for (n = 1; n < 10000 && rc == OO_ENOMEM; n++) {
		oo_alloc_fail_after(n, 0);
		rc = oo_magda_parse_on(&rec, xml, len, TEST_TODAY, &err);
		oo_alloc_fail_after(0, 0);
		if (rc == OO_ENOMEM) {
			assert_null(rec);
			assert_int_equal(err.code, OO_ENOMEM);
		}
	}
	assert_int_equal(rc, OO_OK);
	assert_true(n > 2);
	assert_value(rec, "enterprise.legal_name", "FOD Economie, K.M.O., Middenstand en Energie");
	oo_record_free(rec);
	oo_free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(magda_parse_reads_kom_op_tegen_kanker),
		cmocka_unit_test(magda_parse_reads_de_bosuil),
		cmocka_unit_test(magda_parse_reads_establishment_unit),
		cmocka_unit_test(magda_parse_reports_not_found),
		cmocka_unit_test(magda_parse_trims_whitespace),
		cmocka_unit_test(magda_parse_ignores_envelope_prefixes),
		cmocka_unit_test(magda_parse_prefers_active_dutch_name),
		cmocka_unit_test(magda_parse_uses_active_registered_office),
		cmocka_unit_test(magda_parse_picks_newest_main_activity),
		cmocka_unit_test(magda_parse_prefers_omschrijving_for_legal_form),
		cmocka_unit_test(magda_parse_leaves_unknown_legal_form_unlabelled),
		cmocka_unit_test(magda_parse_maps_kbo_source_error),
		cmocka_unit_test(magda_parse_maps_invalid_number_error),
		cmocka_unit_test(magda_parse_names_other_error_code),
		cmocka_unit_test(magda_parse_reads_reply_level_error),
		cmocka_unit_test(magda_parse_treats_40046_fout_as_not_found),
		cmocka_unit_test(magda_parse_keeps_warnings_with_content),
		cmocka_unit_test(magda_parse_reports_soap_fault),
		cmocka_unit_test(magda_parse_rejects_malformed_xml),
		cmocka_unit_test(magda_parse_rejects_empty_input),
		cmocka_unit_test(magda_parse_rejects_xml_without_repliek),
		cmocka_unit_test(magda_parse_rejects_answer_without_content),
		cmocka_unit_test(magda_parse_rejects_invalid_answer_number),
		cmocka_unit_test(magda_parse_rejects_external_entity),
		cmocka_unit_test(magda_parse_rejects_internal_entities),
		cmocka_unit_test(magda_parse_enforces_size_limit),
		cmocka_unit_test(magda_parse_uses_local_date_by_default),
		cmocka_unit_test(magda_parse_survives_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
