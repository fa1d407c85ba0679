/* SPDX-License-Identifier: EUPL-1.2 */
/* KBO Open Data: the CSV dialect, full and update imports, and lookups in
 * the store with the kbo source. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kbo.h"
#include "prefill_test.h"

#define KBO_FIXTURES ONLYONCE_SOURCE_DIR "/fixtures/kbo-open-data"

static const char *write_temp(const char *text)
{
	static char path[64];
	int fd;

	strcpy(path, "/tmp/oo-kbo-csv-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void kbo_csv_reads_dialect(void **state)
{
	const char *path = write_temp("\xEF\xBB\xBF\"EntityNumber\",\"Box\",\"DateStrikingOff\"\r\n"
				      "\"0200.065.765\",\"\",13-11-2023\r\n"
				      "\"0314.595.348\",\"A \"\"B\"\"\nC\",\n\n");
	oo_kbo_csv csv;
	oo_error err;
	int has_row = 0;

	(void)state;
	assert_int_equal(oo_kbo_csv_open(&csv, path, &err), OO_OK);
	assert_int_equal(oo_kbo_csv_next(&csv, &has_row, &err), OO_OK);
	assert_true(has_row);
	assert_string_equal(oo_kbo_csv_field(&csv, 0), "EntityNumber");
	assert_int_equal(oo_kbo_csv_next(&csv, &has_row, &err), OO_OK);
	assert_string_equal(oo_kbo_csv_field(&csv, 1), "");
	assert_string_equal(oo_kbo_csv_field(&csv, 2), "13-11-2023");
	assert_int_equal(csv.count, 3);
	assert_int_equal(oo_kbo_csv_next(&csv, &has_row, &err), OO_OK);
	assert_true(has_row);
	assert_string_equal(oo_kbo_csv_field(&csv, 1), "A \"B\"\nC");
	assert_string_equal(oo_kbo_csv_field(&csv, 2), "");
	assert_int_equal(csv.line, 3);
	assert_int_equal(oo_kbo_csv_next(&csv, &has_row, &err), OO_OK);
	assert_false(has_row);
	oo_kbo_csv_close(&csv);
	unlink(path);
}

static void kbo_csv_rejects_unterminated_quote(void **state)
{
	const char *path = write_temp("\"a\",\"b\n");
	oo_kbo_csv csv;
	oo_error err;
	int has_row = 0;

	(void)state;
	assert_int_equal(oo_kbo_csv_open(&csv, path, &err), OO_OK);
	assert_int_equal(oo_kbo_csv_next(&csv, &has_row, &err), OO_EPARSE);
	assert_non_null(strstr(err.message, "unterminated quoted field"));
	oo_kbo_csv_close(&csv);
	unlink(path);
}

static void kbo_csv_limits_field_size(void **state)
{
	size_t len = OO_KBO_FIELD_MAX + 10;
	char *text = malloc(len + 4);
	const char *path;
	oo_kbo_csv csv;
	oo_error err;
	int has_row = 0;

	(void)state;
	memset(text, 'x', len);
	strcpy(text + len, "\n");
	path = write_temp(text);
	free(text);
	assert_int_equal(oo_kbo_csv_open(&csv, path, &err), OO_OK);
	assert_int_equal(oo_kbo_csv_next(&csv, &has_row, &err), OO_ELIMIT);
	assert_non_null(strstr(err.message, "longer than 64 KiB"));
	oo_kbo_csv_close(&csv);
	unlink(path);
}

static void kbo_date_becomes_iso(void **state)
{
	char out[11];

	(void)state;
	assert_int_equal(oo_kbo__iso_date(out, "09-08-1960"), 1);
	assert_string_equal(out, "1960-08-09");
	assert_int_equal(oo_kbo__iso_date(out, "1960-08-09"), 0);
}

typedef struct {
	char db[64];
	char lines[8][512];
	int count;
} store;

static void keep_line(void *context, const char *line)
{
	store *s = context;

	if (s->count < 8)
		snprintf(s->lines[s->count++], sizeof(s->lines[0]), "%s", line);
}

static void import_full(store *s)
{
	oo_kbo_import_summary summary;
	oo_error err;
	int fd;

	memset(s, 0, sizeof(*s));
	strcpy(s->db, "/tmp/oo-kbo-store-XXXXXX");
	fd = mkstemp(s->db);
	assert_true(fd >= 0);
	close(fd);
	oo_error_clear(&err);
	if (oo_kbo_import(&summary, KBO_FIXTURES "/full", s->db, NULL, NULL, &err) != OO_OK)
		print_message("import failed: %s\n", err.message);
	assert_int_equal(err.code, OO_OK);
	assert_int_equal(summary.update, 0);
	assert_int_equal(summary.files, 9);
	assert_string_equal(summary.snapshot_date, "2025-05-30");
	assert_string_equal(summary.extract_number, "136");
}

static oo_source *open_store(store *s)
{
	oo_source_options options = { NULL, keep_line, s };
	char spec[96];
	oo_source *src = NULL;
	oo_error err;

	snprintf(spec, sizeof(spec), "kbo:%s", s->db);
	assert_int_equal(oo_source_open_with(&src, spec, &options, &err), OO_OK);
	return src;
}

static oo_record *lookup(oo_source *src, const char *number, const char *const *concepts,
			 size_t count)
{
	oo_record *rec = NULL;
	oo_error err;

	assert_int_equal(oo_source_lookup_for(src, number, concepts, count, &rec, &err), OO_OK);
	return rec;
}

static void kbo_store_maps_enterprise(void **state)
{
	oo_source *src;
	oo_record *rec;
	store s;

	(void)state;
	import_full(&s);
	src = open_store(&s);
	rec = lookup(src, "0314.595.348", NULL, 0);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_FOUND);
	assert_value(rec, "enterprise.number", "0314595348");
	assert_value(rec, "enterprise.legal_name", "FOD Economie, K.M.O., Middenstand en Energie");
	assert_value(rec, "enterprise.abbreviation", "FOD Economie");
	assert_value(rec, "enterprise.legal_form", "301");
	assert_value(rec, "enterprise.legal_form_label", "Federale overheidsdienst");
	assert_value(rec, "enterprise.status", "AC");
	assert_value(rec, "enterprise.start_date", "2002-01-01");
	assert_value(rec, "enterprise.registered_address.street", "Vooruitgangstraat");
	assert_value(rec, "enterprise.registered_address.house_number", "50");
	assert_value(rec, "enterprise.registered_address.box", NULL);
	assert_value(rec, "enterprise.registered_address.postcode", "1210");
	assert_value(rec, "enterprise.registered_address.municipality", "Brussel");
	assert_value(rec, "enterprise.registered_address.country", "België");
	assert_value(rec, "enterprise.phone", "0800 120 33");
	assert_value(rec, "enterprise.email", "info.eco@economie.fgov.be");
	assert_value(rec, "enterprise.main_activity", "84130");
	assert_value(rec, "enterprise.bank_account", NULL);
	assert_string_equal(oo_record_source(rec), "Kruispuntbank van Ondernemingen (KBO Open Data)");
	assert_string_equal(oo_record_retrieved(rec), "2025-05-30");
	oo_record_free(rec);
	oo_source_free(src);
	unlink(s.db);
}

/* The MAGDA fixtures and the open-data extract describe the same bodies,
 * so both sources must give the same values. */
static void kbo_store_matches_magda_fixtures(void **state)
{
	static const char *const numbers[] = { "0200065765", "0200068636", "0316380841",
					       "0353456320", "0671516647", "2147812701" };
	oo_source *kbo, *fixtures = NULL;
	oo_record *a, *b = NULL;
	const char *concept, *value;
	oo_error err;
	size_t i, j;
	store s;

	(void)state;
	import_full(&s);
	kbo = open_store(&s);
	assert_int_equal(oo_source_open(&fixtures, "fixtures", &err), OO_OK);
	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		a = lookup(kbo, numbers[i], NULL, 0);
		assert_int_equal(oo_source_lookup_for(fixtures, numbers[i], NULL, 0, &b, &err), OO_OK);
		for (j = 0; j < oo_record_count(b); j++) {
			oo_record_at(b, j, &concept, &value);
			if (strcmp(concept, "enterprise.bank_account") == 0)
				continue; /* open data has no bank accounts */
			if (!oo_record_get(a, concept) || strcmp(oo_record_get(a, concept), value) != 0)
				print_message("%s %s: kbo \"%s\", fixture \"%s\"\n", numbers[i], concept,
					      oo_record_get(a, concept) ? oo_record_get(a, concept) : "(none)",
					      value);
			assert_value(a, concept, value);
		}
		oo_record_free(a);
		oo_record_free(b);
	}
	oo_source_free(fixtures);
	oo_source_free(kbo);
	unlink(s.db);
}

static void kbo_establishment_adds_enterprise(void **state)
{
	const char *concepts[] = { "establishment.address.street", "enterprise.legal_name" };
	oo_source *src;
	oo_record *rec;
	store s;

	(void)state;
	import_full(&s);
	src = open_store(&s);
	rec = lookup(src, "2.147.812.897", concepts, 2);
	assert_int_equal(oo_record_entity(rec), OO_ENTITY_ESTABLISHMENT);
	assert_value(rec, "establishment.name", "Opleidingsinstituut van de Federale Overheid");
	assert_value(rec, "establishment.address.street", "Kortenberglaan");
	assert_value(rec, "establishment.address.municipality", "Etterbeek");
	assert_value(rec, "establishment.start_date", "2003-07-01");
	assert_value(rec, "enterprise.legal_name", "FOD Personeel en Organisatie");
	assert_int_equal(s.count, 2);
	assert_non_null(strstr(s.lines[1], "lookup of 0353.456.320 in kbo: found"));

	/* A second form for the unit and one for the enterprise ask nothing new. */
	oo_record_free(rec);
	rec = lookup(src, "2147812897", concepts, 2);
	oo_record_free(rec);
	rec = lookup(src, "0353456320", NULL, 0);
	assert_int_equal(s.count, 5);
	assert_non_null(strstr(s.lines[4], "from this run's cache"));
	oo_record_free(rec);
	oo_source_free(src);
	unlink(s.db);
}

static void kbo_update_deletes_before_inserts(void **state)
{
	oo_kbo_import_summary summary;
	oo_source *src;
	oo_record *rec;
	oo_error err;
	store s;

	(void)state;
	import_full(&s);
	oo_error_clear(&err);
	assert_int_equal(oo_kbo_import(&summary, KBO_FIXTURES "/update", s.db, NULL, NULL, &err), OO_OK);
	assert_int_equal(summary.update, 1);
	assert_string_equal(summary.extract_number, "137");
	src = open_store(&s);
	rec = lookup(src, "2147812897", NULL, 0);
	assert_int_equal(oo_record_outcome(rec), OO_LOOKUP_NOT_FOUND);
	assert_string_equal(oo_record_message(rec), "establishment unit number 2.147.812.897 not found "
			    "in KBO Open Data of 2025-05-31 (it lists active entities only)");
	oo_record_free(rec);
	/* contact_insert.Csv: the odd casing KBO once used still matches. */
	rec = lookup(src, "0671516647", NULL, 0);
	assert_value(rec, "enterprise.email", "info@bosa.fgov.be");
	assert_value(rec, "enterprise.website", "bosa.belgium.be");
	oo_record_free(rec);
	oo_source_free(src);
	unlink(s.db);
}

static void kbo_update_needs_existing_store(void **state)
{
	oo_kbo_import_summary summary;
	oo_error err;

	(void)state;
	assert_int_equal(oo_kbo_import(&summary, KBO_FIXTURES "/update", "/tmp/oo-kbo-none.sqlite",
				       NULL, NULL, &err), OO_EIO);
	assert_non_null(strstr(err.message, "import a full extract first"));
	assert_false(file_exists("/tmp/oo-kbo-none.sqlite"));
}

static void kbo_import_rejects_other_folder(void **state)
{
	oo_kbo_import_summary summary;
	oo_error err;

	(void)state;
	assert_int_equal(oo_kbo_import(&summary, FIXTURES_DIR, "/tmp/oo-kbo-none.sqlite", NULL, NULL,
				       &err), OO_EIO);
	assert_non_null(strstr(err.message, "is not a KBO Open Data extract"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kbo_csv_reads_dialect),
		cmocka_unit_test(kbo_csv_rejects_unterminated_quote),
		cmocka_unit_test(kbo_csv_limits_field_size),
		cmocka_unit_test(kbo_date_becomes_iso),
		cmocka_unit_test(kbo_store_maps_enterprise),
		cmocka_unit_test(kbo_store_matches_magda_fixtures),
		cmocka_unit_test(kbo_establishment_adds_enterprise),
		cmocka_unit_test(kbo_update_deletes_before_inserts),
		cmocka_unit_test(kbo_update_needs_existing_store),
		cmocka_unit_test(kbo_import_rejects_other_folder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
