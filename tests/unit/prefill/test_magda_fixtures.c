/* SPDX-License-Identifier: EUPL-1.2 */
/* The project's own GeefOnderneming fixtures: each one parses to the values
 * its README promises, and each one is valid against the MAGDA XSD. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "prefill_test.h"

#define RESPONSE_XSD ONLYONCE_SHARED_DIR "/reference/magda/xsd/" \
	"Onderneming.GeefOndernemingDienst-02.00/WebService/GeefOndernemingResponse.xsd"

static const char *const fixture_files[] = {
	"0000000196.xml", "0200065765.xml", "0200068636.xml", "0314595348.xml",
	"0316380841.xml", "0353456320.xml", "0671516647.xml", "2147812701.xml",
	"2147812897.xml",
};

static oo_record *parse_fixture(const char *name)
{
	oo_record *rec = NULL;

	assert_true(parse_response(&rec, FIXTURES_DIR, name));
	return rec;
}

static void fixture_fod_economie_prefers_dutch(void **state)
{
	oo_record *rec = parse_fixture("0314595348.xml");

	(void)state;
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ENTERPRISE);
	assert_value(rec, "enterprise.number", "0314595348");
	assert_value(rec, "enterprise.legal_name", "FOD Economie, K.M.O., Middenstand en Energie");
	assert_value(rec, "enterprise.abbreviation", "FOD Economie");
	assert_value(rec, "enterprise.legal_form", "301");
	assert_value(rec, "enterprise.legal_form_label", "Federale overheidsdienst");
	assert_value(rec, "enterprise.status", "AC");
	assert_value(rec, "enterprise.registered_address.street", "Vooruitgangstraat");
	assert_value(rec, "enterprise.registered_address.house_number", "50");
	assert_value(rec, "enterprise.registered_address.postcode", "1210");
	assert_value(rec, "enterprise.registered_address.municipality", "Brussel");
	assert_value(rec, "enterprise.registered_address.country", "België");
	assert_value(rec, "enterprise.phone", "0800 120 33");
	assert_value(rec, "enterprise.email", "info.eco@economie.fgov.be");
	assert_value(rec, "enterprise.website", "economie.fgov.be");
	assert_value(rec, "enterprise.main_activity", "84130");
	assert_value(rec, "enterprise.bank_account", NULL);
	oo_record_free(rec);
}

static void fixture_fod_bosa_has_abbreviation(void **state)
{
	oo_record *rec = parse_fixture("0671516647.xml");

	(void)state;
	assert_value(rec, "enterprise.legal_name", "Federale Overheidsdienst Beleid en Ondersteuning");
	assert_value(rec, "enterprise.abbreviation", "FOD BOSA");
	assert_value(rec, "enterprise.registered_address.street", "Simon Bolivarlaan");
	assert_value(rec, "enterprise.registered_address.house_number", "30");
	assert_value(rec, "enterprise.registered_address.postcode", "1000");
	assert_value(rec, "enterprise.registered_address.municipality", "Brussel");
	assert_value(rec, "enterprise.main_activity", "84110");
	assert_value(rec, "enterprise.start_date", "2017-03-01");
	oo_record_free(rec);
}

static void fixture_vlaamse_overheid_parses(void **state)
{
	oo_record *rec = parse_fixture("0316380841.xml");

	(void)state;
	assert_value(rec, "enterprise.legal_name", "Vlaamse Overheid");
	assert_value(rec, "enterprise.registered_address.street", "Havenlaan");
	assert_value(rec, "enterprise.registered_address.postcode", "1000");
	assert_value(rec, "enterprise.website", "www.vlaanderen.be");
	oo_record_free(rec);
}

static void fixture_fod_po_keeps_enterprise_view(void **state)
{
	oo_record *rec = parse_fixture("0353456320.xml");

	(void)state;
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ENTERPRISE);
	assert_value(rec, "enterprise.legal_name", "FOD Personeel en Organisatie");
	assert_value(rec, "enterprise.abbreviation", "FOD P&O");
	assert_value(rec, "enterprise.registered_address.street", "Wetstraat");
	assert_value(rec, "enterprise.registered_address.house_number", "51");
	assert_value(rec, "establishment.number", NULL);
	oo_record_free(rec);
}

static void fixture_establishment_units_parse(void **state)
{
	oo_record *rec = parse_fixture("2147812701.xml");

	(void)state;
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ESTABLISHMENT);
	assert_value(rec, "establishment.number", "2147812701");
	assert_value(rec, "establishment.name", "FOD Personeel en Organisatie");
	assert_value(rec, "establishment.address.street", "Wetstraat");
	assert_value(rec, "establishment.address.postcode", "1000");
	oo_record_free(rec);

	rec = parse_fixture("2147812897.xml");
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ESTABLISHMENT);
	assert_value(rec, "establishment.number", "2147812897");
	assert_value(rec, "establishment.name", "Opleidingsinstituut van de Federale Overheid");
	assert_value(rec, "establishment.address.street", "Kortenberglaan");
	assert_value(rec, "establishment.address.house_number", "1");
	assert_value(rec, "establishment.address.postcode", "1040");
	assert_value(rec, "establishment.address.municipality", "Etterbeek");
	assert_value(rec, "establishment.start_date", "2003-07-01");
	oo_record_free(rec);
}

static void fixture_veneco_labels_form_from_table(void **state)
{
	oo_record *rec = parse_fixture("0200065765.xml");

	(void)state;
	assert_value(rec, "enterprise.legal_name", "Intergemeentelijke Vereniging Veneco");
	assert_value(rec, "enterprise.abbreviation", "Veneco");
	assert_value(rec, "enterprise.legal_form", "416");
	assert_value(rec, "enterprise.legal_form_label", "Dienstverlenende vereniging (Vlaams Gewest)");
	assert_value(rec, "enterprise.start_date", "1960-08-09");
	assert_value(rec, "enterprise.registered_address.street", "Panhuisstraat");
	assert_value(rec, "enterprise.registered_address.house_number", "1");
	assert_value(rec, "enterprise.registered_address.postcode", "9070");
	assert_value(rec, "enterprise.registered_address.municipality", "Destelbergen");
	assert_value(rec, "enterprise.main_activity", "84130");
	assert_value(rec, "enterprise.bank_account", "BE68539007547034");
	oo_record_free(rec);
}

static void fixture_farys_drops_ended_names(void **state)
{
	oo_record *rec = parse_fixture("0200068636.xml");

	(void)state;
	assert_value(rec, "enterprise.legal_name", "Farys");
	assert_value(rec, "enterprise.abbreviation", NULL);
	assert_value(rec, "enterprise.legal_form", "417");
	assert_value(rec, "enterprise.start_date", "1923-02-16");
	assert_value(rec, "enterprise.registered_address.street", "Stropstraat");
	assert_value(rec, "enterprise.registered_address.postcode", "9000");
	assert_value(rec, "enterprise.registered_address.municipality", "Gent");
	assert_value(rec, "enterprise.main_activity", "36000");
	oo_record_free(rec);
}

static void fixture_unknown_number_is_not_found(void **state)
{
	oo_record *rec = parse_fixture("0000000196.xml");

	(void)state;
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	assert_int_equal(oo_record_count(rec), 0);
	oo_record_free(rec);
}

static void print_schema_error(void *data, xmlErrorPtr error)
{
	print_message("%s: line %d: %s", (const char *)data, error->line, error->message);
}

/* Validates the GeefOndernemingResponse element of one fixture, copied into
 * a document of its own, as the XSD describes the body and not the SOAP
 * envelope. */
static int validate_fixture(xmlSchemaValidCtxtPtr valid, const char *name)
{
	char path[1024];
	xmlDocPtr doc, body;
	xmlNodePtr root, wrapper;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", FIXTURES_DIR, name);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	wrapper = root->children;
	while (wrapper && !(wrapper->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(wrapper->name, BAD_CAST "Body")))
		wrapper = wrapper->next;
	assert_non_null(wrapper);
	for (wrapper = wrapper->children; wrapper && wrapper->type != XML_ELEMENT_NODE;)
		wrapper = wrapper->next;
	assert_non_null(wrapper);

	body = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(body, xmlDocCopyNode(wrapper, body, 1));
	xmlSchemaSetValidStructuredErrors(valid, print_schema_error, (void *)name);
	rc = xmlSchemaValidateDoc(valid, body);
	xmlFreeDoc(body);
	xmlFreeDoc(doc);
	return rc;
}

static void fixtures_validate_against_xsd(void **state)
{
	xmlSchemaParserCtxtPtr parser;
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr valid;
	size_t i;

	(void)state;
	if (!file_exists(RESPONSE_XSD)) {
		print_message("skipped: %s is missing\n", RESPONSE_XSD);
		skip();
	}
	parser = xmlSchemaNewParserCtxt(RESPONSE_XSD);
	schema = xmlSchemaParse(parser);
	assert_non_null(schema);
	valid = xmlSchemaNewValidCtxt(schema);
	for (i = 0; i < sizeof(fixture_files) / sizeof(fixture_files[0]); i++)
		assert_int_equal(validate_fixture(valid, fixture_files[i]), 0);
	xmlSchemaFreeValidCtxt(valid);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(parser);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixture_fod_economie_prefers_dutch),
		cmocka_unit_test(fixture_fod_bosa_has_abbreviation),
		cmocka_unit_test(fixture_vlaamse_overheid_parses),
		cmocka_unit_test(fixture_fod_po_keeps_enterprise_view),
		cmocka_unit_test(fixture_establishment_units_parse),
		cmocka_unit_test(fixture_veneco_labels_form_from_table),
		cmocka_unit_test(fixture_farys_drops_ended_names),
		cmocka_unit_test(fixture_unknown_number_is_not_found),
		cmocka_unit_test(fixtures_validate_against_xsd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
