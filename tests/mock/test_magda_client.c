/* SPDX-License-Identifier: EUPL-1.2 */
/* The MAGDA client against the mock server over HTTPS with a client
 * certificate: answers, faults, requests, retries and the lookup cache.
 * run_mock_tests.sh starts the mock and sets ONLYONCE_MOCK_URL; run alone,
 * every test skips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faults.h"
#include "onlyonce/alloc.h"
#include "onlyonce/file.h"
#include "onlyonce/prefill.h"

typedef struct {
	char lines[16][640];
	int count;
} log_lines;

static void keep_line(void *context, const char *line)
{
	log_lines *log = context;

	if (log->count < 16)
		snprintf(log->lines[log->count++], sizeof(log->lines[0]), "%s", line);
}

static const char *mock_url(void)
{
	const char *url = getenv("ONLYONCE_MOCK_URL");

	if (!url)
		print_message("skipped: ONLYONCE_MOCK_URL is not set; run_mock_tests.sh sets it\n");
	return url;
}

static oo_source *open_mock(log_lines *log)
{
	oo_source_options options = { NULL, keep_line, log };
	char spec[512];
	oo_source *src = NULL;
	oo_error err;

	memset(log, 0, sizeof(*log));
	snprintf(spec, sizeof(spec), "magda:%s", mock_url());
	oo_error_clear(&err);
	if (oo_source_open_with(&src, spec, &options, &err) != OO_OK)
		print_message("open failed: %s\n", err.message);
	assert_non_null(src);
	return src;
}

/* Looks number up and checks that it fails with a message containing
 * expected, and that the log line says "failed". */
static void assert_fails_with(const char *number, const char *expected)
{
	log_lines log;
	oo_source *src;
	oo_record *rec = NULL;
	oo_error err;

	if (!mock_url())
		skip();
	src = open_mock(&log);
	oo_error_clear(&err);
	assert_int_equal(oo_source_lookup_for(src, number, NULL, 0, &rec, &err), OO_ESOURCE);
	assert_null(rec);
	if (!strstr(err.message, expected))
		print_message("message: %s\nexpected to contain: %s\n", err.message, expected);
	assert_non_null(strstr(err.message, expected));
	assert_int_equal(log.count, 1);
	assert_non_null(strstr(log.lines[0], ": failed: "));
	oo_source_free(src);
}

static oo_record *lookup_ok(oo_source *src, const char *number, const char *const *concepts,
			    size_t count)
{
	oo_record *rec = NULL;
	oo_error err;

	oo_error_clear(&err);
	if (oo_source_lookup_for(src, number, concepts, count, &rec, &err) != OO_OK)
		print_message("lookup of %s failed: %s\n", number, err.message);
	assert_non_null(rec);
	return rec;
}

static void magda_client_finds_enterprise(void **state)
{
	log_lines log;
	oo_source *src;
	oo_record *rec;

	(void)state;
	if (!mock_url())
		skip();
	src = open_mock(&log);
	rec = lookup_ok(src, "0314.595.348", NULL, 0);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_FOUND);
	assert_string_equal(oo_record_get(rec, "enterprise.legal_name"),
			    "FOD Economie, K.M.O., Middenstand en Energie");
	assert_string_equal(oo_record_source(rec), "Kruispuntbank van Ondernemingen (KBO)");
	assert_int_equal(log.count, 1);
	assert_non_null(strstr(log.lines[0], "lookup of 0314.595.348 in magda: found, "));
	assert_non_null(strstr(log.lines[0], " 0 retries)"));
	oo_record_free(rec);
	oo_source_free(src);
}

static void magda_client_reports_not_found(void **state)
{
	log_lines log;
	oo_source *src;
	oo_record *rec;

	(void)state;
	if (!mock_url())
		skip();
	src = open_mock(&log);
	rec = lookup_ok(src, "0000000196", NULL, 0);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	assert_string_equal(oo_record_message(rec), "enterprise number 0000.000.196 not found in KBO");
	assert_non_null(strstr(log.lines[0], "in magda: not found ("));
	oo_record_free(rec);
	oo_source_free(src);
}

static char *read_request(const char *number)
{
	char path[1024], *xml = NULL;
	size_t len = 0;
	oo_error err;

	snprintf(path, sizeof(path), "%s/%s.request.xml", getenv("ONLYONCE_MOCK_REQUESTS"), number);
	assert_int_equal(oo_file_read(&xml, &len, path, 1024 * 1024, &err), OO_OK);
	return xml;
}

static void magda_request_carries_context(void **state)
{
	const char *concepts[] = { "enterprise.legal_name" };
	log_lines log;
	oo_source *src;
	char *xml;

	(void)state;
	if (!mock_url())
		skip();
	src = open_mock(&log);
	oo_record_free(lookup_ok(src, "0671.516.647", concepts, 1));
	xml = read_request("0671516647");
	assert_non_null(strstr(xml, "<Naam>GeefOnderneming</Naam>"));
	assert_non_null(strstr(xml, "<Versie>02.00.0000</Versie>"));
	assert_non_null(strstr(xml, "<Type>VRAAG</Type>"));
	assert_non_null(strstr(xml, "<Identificatie>kb.vlaanderen.be/aiv/onlyonce-test</Identificatie>"));
	assert_non_null(strstr(xml, "<Hoedanigheid>1234</Hoedanigheid>"));
	assert_non_null(strstr(xml, "<Ondernemingsnummer>0671516647</Ondernemingsnummer>"));
	assert_non_null(strstr(xml, "<Basisgegevens>1</Basisgegevens>"));
	assert_non_null(strstr(xml, "<soapenv:Body Id=\"Body\">"));
	oo_free(xml);
	oo_source_free(src);
}

/* Data minimisation: a form without bank account or activity fields does
 * not ask MAGDA for those blocks, and one that has them does. */
static void magda_request_asks_only_needed_blocks(void **state)
{
	const char *names[] = { "enterprise.legal_name", "enterprise.registered_address.street" };
	const char *bank[] = { "enterprise.bank_account" };
	log_lines log;
	oo_source *src;
	char *xml;

	(void)state;
	if (!mock_url())
		skip();
	src = open_mock(&log);
	oo_record_free(lookup_ok(src, "0200068636", names, 2));
	xml = read_request("0200068636");
	assert_null(strstr(xml, "<Bankrekeningen>"));
	assert_null(strstr(xml, "<Activiteiten>"));
	assert_null(strstr(xml, "<Functies>"));
	oo_free(xml);
	oo_source_free(src);

	src = open_mock(&log);
	oo_record_free(lookup_ok(src, "0200068636", bank, 1));
	xml = read_request("0200068636");
	assert_non_null(strstr(xml, "<Bankrekeningen>1</Bankrekeningen>"));
	assert_null(strstr(xml, "<Activiteiten>"));
	oo_free(xml);
	oo_source_free(src);
}

static int count_requests(const char *number)
{
	char path[1024], line[64];
	FILE *fp;
	int count = 0;

	snprintf(path, sizeof(path), "%s/requests.log", getenv("ONLYONCE_MOCK_REQUESTS"));
	fp = fopen(path, "r");
	if (!fp)
		return 0;
	while (fgets(line, sizeof(line), fp))
		if (strncmp(line, number, 10) == 0)
			count++;
	fclose(fp);
	return count;
}

static void magda_lookup_once_per_number(void **state)
{
	log_lines log;
	oo_source *src;
	int before, i;

	(void)state;
	if (!mock_url())
		skip();
	before = count_requests("0316380841");
	src = open_mock(&log);
	for (i = 0; i < 3; i++)
		oo_record_free(lookup_ok(src, "0316.380.841", NULL, 0));
	assert_int_equal(count_requests("0316380841"), before + 1);
	assert_int_equal(log.count, 3);
	assert_non_null(strstr(log.lines[1], "from this run's cache"));
	oo_source_free(src);
}

static void magda_establishment_adds_enterprise(void **state)
{
	const char *concepts[] = { "establishment.name", "enterprise.legal_name" };
	log_lines log;
	oo_source *src;
	oo_record *rec;

	(void)state;
	if (!mock_url())
		skip();
	src = open_mock(&log);
	rec = lookup_ok(src, "2.147.812.897", concepts, 2);
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ESTABLISHMENT);
	assert_string_equal(oo_record_get(rec, "establishment.name"),
			    "Opleidingsinstituut van de Federale Overheid");
	assert_string_equal(oo_record_get(rec, "enterprise.legal_name"), "FOD Personeel en Organisatie");
	assert_int_equal(log.count, 2);
	assert_non_null(strstr(log.lines[1], "lookup of 0353.456.320 in magda: found"));
	oo_record_free(rec);
	oo_source_free(src);
}

static void magda_establishment_alone_skips_enterprise(void **state)
{
	const char *concepts[] = { "establishment.name" };
	log_lines log;
	oo_source *src;
	oo_record *rec;

	(void)state;
	if (!mock_url())
		skip();
	src = open_mock(&log);
	rec = lookup_ok(src, "2147812701", concepts, 1);
	assert_null(oo_record_get(rec, "enterprise.legal_name"));
	assert_int_equal(log.count, 1);
	oo_record_free(rec);
	oo_source_free(src);
}

static void magda_timeout_fails_clearly(void **state)
{
	(void)state;
	assert_fails_with(MOCK_DELAY, "MAGDA did not answer within 1 s (timeout)");
}

static void magda_http_500_retried_then_fails(void **state)
{
	(void)state;
	assert_fails_with(MOCK_HTTP_500, "MAGDA answered HTTP 500 (gave up after 2 retries)");
}

static void magda_http_503_once_then_found(void **state)
{
	log_lines log;
	oo_source *src;
	oo_record *rec;

	(void)state;
	if (!mock_url())
		skip();
	src = open_mock(&log);
	rec = lookup_ok(src, MOCK_HTTP_503_ONCE, NULL, 0);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_FOUND);
	assert_non_null(strstr(log.lines[0], ", 1 retry)"));
	oo_record_free(rec);
	oo_source_free(src);
}

static void magda_throttling_retried_then_fails(void **state)
{
	(void)state;
	assert_fails_with(MOCK_THROTTLE, "99995 - Te veel gelijktijdige bevragingen");
	assert_fails_with(MOCK_THROTTLE, "(gave up after 2 retries)");
}

static void magda_throttling_once_then_found(void **state)
{
	log_lines log;
	oo_source *src;

	(void)state;
	if (!mock_url())
		skip();
	src = open_mock(&log);
	oo_record_free(lookup_ok(src, MOCK_THROTTLE_ONCE, NULL, 0));
	assert_non_null(strstr(log.lines[0], ": found, "));
	assert_non_null(strstr(log.lines[0], ", 1 retry)"));
	oo_source_free(src);
}

static void magda_truncated_body_fails(void **state)
{
	(void)state;
	assert_fails_with(MOCK_TRUNCATED, "MAGDA response was cut off");
}

static void magda_invalid_xml_fails(void **state)
{
	(void)state;
	assert_fails_with(MOCK_INVALID_XML, "invalid MAGDA response");
}

static void magda_huge_body_fails(void **state)
{
	(void)state;
	assert_fails_with(MOCK_HUGE, "MAGDA response is larger than the limit of 4 MiB");
}

static void magda_wrong_content_type_fails(void **state)
{
	(void)state;
	assert_fails_with(MOCK_WRONG_TYPE, "MAGDA answered with content type \"text/html\", expected XML");
}

static void magda_xxe_payload_rejected(void **state)
{
	(void)state;
	assert_fails_with(MOCK_XXE, "DOCTYPE");
}

static void magda_exception_20007_fails(void **state)
{
	(void)state;
	assert_fails_with(MOCK_INVALID_NUMBER, "invalid enterprise number (MAGDA error 20007: "
			  "Ondernemingsnummer in de vraag heeft een ongeldige structuur)");
}

static void magda_exception_40033_fails(void **state)
{
	(void)state;
	assert_fails_with(MOCK_KBO_ERROR, "KBO source error (MAGDA error 40033: "
			  "Interne fout bij verwerking door KBO); try again later");
}

/* Sets name to value for one lookup; returns the old value (borrowed). */
static char *swap_env(const char *name, const char *value)
{
	const char *old = getenv(name);
	char *copy = old ? strdup(old) : NULL;

	setenv(name, value, 1);
	return copy;
}

static void restore_env(const char *name, char *old)
{
	if (old)
		setenv(name, old, 1);
	else
		unsetenv(name);
	free(old);
}

static void magda_untrusted_client_refused(void **state)
{
	char *cert, *key;

	(void)state;
	if (!mock_url())
		skip();
	cert = swap_env("ONLYONCE_MAGDA_CERT", getenv("ONLYONCE_MOCK_ROGUE_CERT"));
	key = swap_env("ONLYONCE_MAGDA_KEY", getenv("ONLYONCE_MOCK_ROGUE_KEY"));
	assert_fails_with("0314595348", "MAGDA answered HTTP 403: access refused");
	restore_env("ONLYONCE_MAGDA_CERT", cert);
	restore_env("ONLYONCE_MAGDA_KEY", key);
}

static void magda_untrusted_server_refused(void **state)
{
	char *ca;

	(void)state;
	if (!mock_url())
		skip();
	ca = swap_env("ONLYONCE_MAGDA_CA", getenv("ONLYONCE_MOCK_ROGUE_CA"));
	assert_fails_with("0314595348", "TLS with MAGDA at https://127.0.0.1:");
	restore_env("ONLYONCE_MAGDA_CA", ca);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(magda_client_finds_enterprise),
		cmocka_unit_test(magda_client_reports_not_found),
		cmocka_unit_test(magda_request_carries_context),
		cmocka_unit_test(magda_request_asks_only_needed_blocks),
		cmocka_unit_test(magda_lookup_once_per_number),
		cmocka_unit_test(magda_establishment_adds_enterprise),
		cmocka_unit_test(magda_establishment_alone_skips_enterprise),
		cmocka_unit_test(magda_timeout_fails_clearly),
		cmocka_unit_test(magda_http_500_retried_then_fails),
		cmocka_unit_test(magda_http_503_once_then_found),
		cmocka_unit_test(magda_throttling_retried_then_fails),
		cmocka_unit_test(magda_throttling_once_then_found),
		cmocka_unit_test(magda_truncated_body_fails),
		cmocka_unit_test(magda_invalid_xml_fails),
		cmocka_unit_test(magda_huge_body_fails),
		cmocka_unit_test(magda_wrong_content_type_fails),
		cmocka_unit_test(magda_xxe_payload_rejected),
		cmocka_unit_test(magda_exception_20007_fails),
		cmocka_unit_test(magda_exception_40033_fails),
		cmocka_unit_test(magda_untrusted_client_refused),
		cmocka_unit_test(magda_untrusted_server_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
