/* SPDX-License-Identifier: EUPL-1.2 */
/* Opening prefill sources and looking numbers up in fixtures folders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "onlyonce/file.h"
#include "prefill_test.h"

/* A temporary fixtures folder with files written by the test. */
typedef struct {
	char dir[64];
	char paths[4][1024];
	int count;
} scratch;

static void scratch_open(scratch *s)
{
	memset(s, 0, sizeof(*s));
	strcpy(s->dir, "/tmp/oo-prefill-XXXXXX");
	assert_non_null(mkdtemp(s->dir));
}

static const char *scratch_write(scratch *s, const char *name, const char *text)
{
	char *path = s->paths[s->count++];
	char dir[sizeof(s->dir)];
	oo_error err;

	/* A copy of the folder name keeps GCC's -Wrestrict from seeing the
	 * destination and the source as one object (both live in *s). */
	memcpy(dir, s->dir, sizeof(dir));
	snprintf(path, sizeof(s->paths[0]), "%s/%s", dir, name);
	assert_int_equal(oo_file_write_atomic(path, text, strlen(text), &err), OO_OK);
	return path;
}

static void scratch_close(scratch *s)
{
	int i;

	for (i = 0; i < s->count; i++)
		unlink(s->paths[i]);
	rmdir(s->dir);
}

static oo_source *open_source(const char *spec)
{
	oo_source *src = NULL;
	oo_error err;

	oo_error_clear(&err);
	if (oo_source_open(&src, spec, &err) != OO_OK)
		print_message("%s: %s\n", spec, err.message);
	assert_non_null(src);
	return src;
}

static void today(char out[11])
{
	time_t now = time(NULL);
	struct tm local;

	assert_non_null(localtime_r(&now, &local));
	strftime(out, 11, "%Y-%m-%d", &local);
}

static void source_fixtures_finds_enterprise(void **state)
{
	oo_source *src = open_source("fixtures");
	oo_record *rec = NULL;
	oo_error err;
	char date[11];

	(void)state;
	assert_int_equal(oo_source_lookup(src, "BE 0314.595.348", &rec, &err), OO_OK);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_FOUND);
	assert_value(rec, "enterprise.number", "0314595348");
	assert_value(rec, "enterprise.abbreviation", "FOD Economie");
	assert_string_equal(oo_record_source(rec), "Kruispuntbank van Ondernemingen (KBO)");
	today(date);
	assert_string_equal(oo_record_retrieved(rec), date);
	oo_record_free(rec);
	oo_source_free(src);
}

static void source_fixtures_finds_establishment_unit(void **state)
{
	oo_source *src = open_source("fixtures:" FIXTURES_DIR);
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_source_lookup(src, "2.147.812.897", &rec, &err), OO_OK);
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ESTABLISHMENT);
	assert_value(rec, "establishment.name", "Opleidingsinstituut van de Federale Overheid");
	oo_record_free(rec);
	oo_source_free(src);
}

static void source_fixtures_names_unknown_number(void **state)
{
	oo_source *src = open_source("fixtures");
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_source_lookup(src, "0000000196", &rec, &err), OO_OK);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	assert_string_equal(oo_record_message(rec), "enterprise number 0000.000.196 not found in KBO");
	assert_non_null(oo_record_retrieved(rec));
	oo_record_free(rec);
	oo_source_free(src);
}

static void source_fixtures_without_file_is_not_found(void **state)
{
	oo_source *src = open_source("fixtures");
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_source_lookup(src, "0404221071", &rec, &err), OO_OK);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ENTERPRISE);
	assert_string_equal(oo_record_message(rec), "enterprise number 0404.221.071 not found in KBO");
	oo_record_free(rec);

	assert_int_equal(oo_source_lookup(src, "2289324120", &rec, &err), OO_OK);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ESTABLISHMENT);
	assert_string_equal(oo_record_message(rec),
			    "establishment unit number 2.289.324.120 not found in KBO");
	oo_record_free(rec);
	oo_source_free(src);
}

/* Real capture names carry a suffix: 2289324120.vestiging.xml. */
static void source_fixtures_reads_suffixed_files(void **state)
{
	oo_source *src;
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	if (!file_exists(CAPTURES_DIR)) {
		print_message("skipped: %s is missing\n", CAPTURES_DIR);
		skip();
	}
	src = open_source("fixtures:" CAPTURES_DIR);
	assert_int_equal(oo_source_lookup(src, "2289324120", &rec, &err), OO_OK);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_FOUND);
	assert_value(rec, "establishment.name", "Telenet");
	oo_record_free(rec);

	assert_int_equal(oo_source_lookup(src, "0000000196", &rec, &err), OO_OK);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	assert_string_equal(oo_record_message(rec), "enterprise number 0000.000.196 not found in KBO");
	oo_record_free(rec);
	oo_source_free(src);
}

static void source_lookup_rejects_invalid_number(void **state)
{
	oo_source *src = open_source("fixtures");
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_source_lookup(src, "0404.221.000", &rec, &err), OO_EINVAL);
	assert_null(rec);
	assert_string_equal(err.message,
			    "invalid enterprise number \"0404.221.000\": the check digits should be 71");
	oo_source_free(src);
}

static void source_fixtures_reports_malformed_file(void **state)
{
	char spec[128];
	scratch s;
	const char *path;
	oo_source *src;
	oo_record *rec = NULL;
	oo_error err;
	char expected[1200];

	(void)state;
	scratch_open(&s);
	path = scratch_write(&s, "0200065765.xml", "<Envelope>\n<Body>\n</Envelope>\n");
	snprintf(spec, sizeof(spec), "fixtures:%s", s.dir);
	src = open_source(spec);

	assert_int_equal(oo_source_lookup(src, "0200065765", &rec, &err), OO_ESOURCE);
	assert_null(rec);
	assert_string_equal(err.file, path);
	assert_int_equal(err.line, 3);
	snprintf(expected, sizeof(expected),
		 "invalid fixture '%s': malformed XML in MAGDA response at line 3: "
		 "Opening and ending tag mismatch: Body line 2 and Envelope", path);
	assert_string_equal(err.message, expected);
	oo_source_free(src);
	scratch_close(&s);
}

static void source_fixtures_rejects_misnamed_file(void **state)
{
	char spec[128], *xml = NULL;
	size_t len;
	scratch s;
	const char *path;
	oo_source *src;
	oo_record *rec = NULL;
	oo_error err;
	char expected[1200];

	(void)state;
	assert_true(read_response(&xml, &len, FIXTURES_DIR, "0200065765.xml"));
	scratch_open(&s);
	path = scratch_write(&s, "0200068636.xml", xml);
	snprintf(spec, sizeof(spec), "fixtures:%s", s.dir);
	src = open_source(spec);

	assert_int_equal(oo_source_lookup(src, "0200068636", &rec, &err), OO_ESOURCE);
	assert_null(rec);
	snprintf(expected, sizeof(expected),
		 "fixture '%s' answers for number 0200065765, not for 0200068636", path);
	assert_string_equal(err.message, expected);
	oo_source_free(src);
	scratch_close(&s);
	oo_free(xml);
}

/* A fixture can stand for a failing source: its MAGDA error passes through. */
static void source_fixtures_passes_magda_error(void **state)
{
	char spec[128];
	scratch s;
	const char *path;
	oo_source *src;
	oo_record *rec = NULL;
	oo_error err;

	(void)state;
	scratch_open(&s);
	path = scratch_write(&s, "0400523292.kbo-error.xml",
		"<Envelope><Body><GeefOndernemingResponse><Repliek><Antwoorden><Antwoord>"
		"<Referte>r</Referte><Uitzonderingen><Uitzondering><Identificatie>40033</Identificatie>"
		"<Oorsprong>KBO</Oorsprong><Type>FOUT</Type>"
		"<Diagnose>Interne fout bij verwerking door KBO</Diagnose></Uitzondering>"
		"</Uitzonderingen></Antwoord></Antwoorden></Repliek></GeefOndernemingResponse>"
		"</Body></Envelope>");
	snprintf(spec, sizeof(spec), "fixtures:%s", s.dir);
	src = open_source(spec);

	assert_int_equal(oo_source_lookup(src, "0400.523.292", &rec, &err), OO_ESOURCE);
	assert_null(rec);
	assert_string_equal(err.file, path);
	assert_string_equal(err.message,
			    "KBO source error (MAGDA error 40033: Interne fout bij verwerking door KBO); "
			    "try again later");
	oo_source_free(src);
	scratch_close(&s);
}

static void source_open_rejects_missing_folder(void **state)
{
	oo_source *src = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_source_open(&src, "fixtures:/nonexistent/onlyonce", &err), OO_EIO);
	assert_null(src);
	assert_string_equal(err.message,
			    "cannot open fixtures folder '/nonexistent/onlyonce': No such file or directory");
}

static void source_open_magda_needs_configuration(void **state)
{
	oo_source *src = NULL;
	oo_error err;

	(void)state;
	unsetenv("ONLYONCE_MAGDA_CONFIG");
	unsetenv("ONLYONCE_MAGDA_SENDER");
	assert_int_equal(oo_source_open(&src, "magda:https://127.0.0.1:8443/GeefOndernemingDienst-02.00/soap/WebService", &err),
			 OO_EINVAL);
	assert_null(src);
	assert_string_equal(err.message,
			    "missing MAGDA sender: set ONLYONCE_MAGDA_SENDER or \"sender\" in the "
			    "configuration file to the Uri MAGDA gave you");
}

static void source_open_kbo_names_missing_store(void **state)
{
	oo_source *src = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_source_open(&src, "kbo:/nonexistent/kbo.sqlite", &err), OO_EIO);
	assert_null(src);
	assert_string_equal(err.message,
			    "cannot open KBO store '/nonexistent/kbo.sqlite': unable to open database "
			    "file; create it with 'onlyonce kbo import'");
	assert_int_equal(oo_source_open(&src, "kbo", &err), OO_EINVAL);
	assert_string_equal(err.message, "missing value in prefill source \"kbo\": use \"kbo:FILE\"");
}

static void source_open_rejects_unknown_kind(void **state)
{
	oo_source *src = NULL;
	oo_error err;

	(void)state;
	assert_int_equal(oo_source_open(&src, "ldap:x", &err), OO_EINVAL);
	assert_string_equal(err.message,
			    "unknown prefill source \"ldap:x\": expected \"fixtures\", "
			    "\"fixtures:DIR\", \"magda:URL\" or \"kbo:FILE\"");
	assert_int_equal(oo_source_open(&src, "fixture", &err), OO_EINVAL);
	assert_int_equal(oo_source_open(&src, "", &err), OO_EINVAL);
	assert_string_equal(err.message,
			    "missing prefill source: expected \"fixtures\", \"fixtures:DIR\", "
			    "\"magda:URL\" or \"kbo:FILE\"");
	assert_int_equal(oo_source_open(&src, "fixtures:", &err), OO_EINVAL);
	assert_string_equal(err.message,
			    "missing value after \"fixtures:\" in prefill source \"fixtures:\"");
	assert_null(src);
	oo_source_free(NULL);
}

static void source_lookup_survives_allocation_failures(void **state)
{
	oo_source *src = open_source("fixtures");
	oo_record *rec = NULL;
	oo_error err;
	oo_status rc = OO_ENOMEM;
	unsigned long n;

	(void)state;
	for (n = 1; n < 10000 && rc == OO_ENOMEM; n++) {
		oo_alloc_fail_after(n, 0);
		rc = oo_source_lookup(src, "2147812701", &rec, &err);
		oo_alloc_fail_after(0, 0);
		if (rc == OO_ENOMEM)
			assert_null(rec);
	}
	assert_int_equal(rc, OO_OK);
	assert_value(rec, "establishment.number", "2147812701");
	oo_record_free(rec);
	oo_source_free(src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(source_fixtures_finds_enterprise),
		cmocka_unit_test(source_fixtures_finds_establishment_unit),
		cmocka_unit_test(source_fixtures_names_unknown_number),
		cmocka_unit_test(source_fixtures_without_file_is_not_found),
		cmocka_unit_test(source_fixtures_reads_suffixed_files),
		cmocka_unit_test(source_lookup_rejects_invalid_number),
		cmocka_unit_test(source_fixtures_reports_malformed_file),
		cmocka_unit_test(source_fixtures_rejects_misnamed_file),
		cmocka_unit_test(source_fixtures_passes_magda_error),
		cmocka_unit_test(source_open_rejects_missing_folder),
		cmocka_unit_test(source_open_magda_needs_configuration),
		cmocka_unit_test(source_open_kbo_names_missing_store),
		cmocka_unit_test(source_open_rejects_unknown_kind),
		cmocka_unit_test(source_lookup_survives_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
