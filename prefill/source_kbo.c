/* SPDX-License-Identifier: EUPL-1.2 */
/* The kbo source: lookups in a SQLite store of KBO Open Data that
 * oo_kbo_import wrote, mapped to the same concepts as MAGDA answers. Open
 * data hold active entities only, with no history and no bank accounts. */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "kbo.h"
#include "magda_xml.h"
#include "onlyonce/alloc.h"
#include "onlyonce/identifiers.h"
#include "source.h"

#define KBO_OPEN_DATA_LABEL "Kruispuntbank van Ondernemingen (KBO Open Data)"

typedef struct {
	sqlite3 *db;
	char snapshot[11];   /* YYYY-MM-DD, or "" when meta has none */
} kbo_state;

/* Runs sql with the text parameters args[0..n) and stores the first column
 * of the first row under concept (nothing when there is no row). */
static oo_status put_query(oo_record *rec, sqlite3 *db, const char *concept, const char *sql,
			   const char *const *args, int n)
{
	sqlite3_stmt *stmt = NULL;
	oo_status rc = OO_OK;
	int i;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		return OO_ESOURCE;
	for (i = 0; i < n; i++)
		sqlite3_bind_text(stmt, i + 1, args[i], -1, SQLITE_STATIC);
	i = sqlite3_step(stmt);
	if (i == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		rc = oo_record_set(rec, concept, (const char *)sqlite3_column_text(stmt, 0));
	else if (i != SQLITE_ROW && i != SQLITE_DONE)
		rc = OO_ESOURCE;
	sqlite3_finalize(stmt);
	return rc;
}

/* Denominations: Dutch (language 2) first, then French (1), then any. */
#define NAME_SQL "SELECT Denomination FROM denomination WHERE EntityNumber = ?1 AND " \
	"TypeOfDenomination = ?2 ORDER BY CASE Language WHEN '2' THEN 0 WHEN '1' THEN 1 " \
	"ELSE 2 END, rowid LIMIT 1"

static oo_status put_name(oo_record *rec, sqlite3 *db, const char *concept, const char *digits,
			  const char *type)
{
	const char *args[2] = { digits, type };

	return put_query(rec, db, concept, NAME_SQL, args, 2);
}

/* Address columns in the order map_address stores them; an empty Dutch
 * value falls back on the French one, and Belgian addresses, which have
 * no country in open data, get "België" as MAGDA answers give it. */
static const char *const address_sql[][2] = {
	{ "street", "SELECT COALESCE(StreetNL, StreetFR) FROM address" },
	{ "house_number", "SELECT HouseNumber FROM address" },
	{ "box", "SELECT Box FROM address" },
	{ "postcode", "SELECT Zipcode FROM address" },
	{ "municipality", "SELECT COALESCE(MunicipalityNL, MunicipalityFR) FROM address" },
	{ "country", "SELECT COALESCE(CountryNL, CountryFR, 'België') FROM address" },
};

static oo_status put_address(oo_record *rec, sqlite3 *db, const char *prefix,
			     const char *digits, const char *type)
{
	const char *args[2] = { digits, type };
	char concept[96], sql[256];
	oo_status rc = OO_OK;
	size_t i;

	for (i = 0; rc == OO_OK && i < sizeof(address_sql) / sizeof(address_sql[0]); i++) {
		snprintf(concept, sizeof(concept), "%s.%s", prefix, address_sql[i][0]);
		snprintf(sql, sizeof(sql), "%s WHERE EntityNumber = ?1 AND TypeOfAddress = ?2 "
			 "ORDER BY DateStrikingOff IS NOT NULL, rowid LIMIT 1", address_sql[i][1]);
		rc = put_query(rec, db, concept, sql, args, 2);
	}
	return rc;
}

static oo_status put_contacts(oo_record *rec, sqlite3 *db, const char *digits)
{
	static const char *const types[][2] = {
		{ "enterprise.phone", "TEL" },
		{ "enterprise.email", "EMAIL" },
		{ "enterprise.website", "WEB" },
	};
	const char *args[2] = { digits, NULL };
	oo_status rc = OO_OK;
	size_t i;

	for (i = 0; rc == OO_OK && i < sizeof(types) / sizeof(types[0]); i++) {
		args[1] = types[i][1];
		rc = put_query(rec, db, types[i][0],
			       "SELECT Value FROM contact WHERE EntityNumber = ?1 AND ContactType = ?2 "
			       "ORDER BY rowid LIMIT 1", args, 2);
	}
	return rc;
}

/* The label comes from code.csv (Dutch), else from the parser's table. */
static oo_status put_legal_form_label(oo_record *rec, sqlite3 *db)
{
	const char *code = oo_record_get(rec, "enterprise.legal_form");
	const char *args[1] = { code };
	oo_status rc;

	if (!code)
		return OO_OK;
	rc = put_query(rec, db, "enterprise.legal_form_label",
		       "SELECT Description FROM code WHERE Category = 'JuridicalForm' AND Code = ?1 "
		       "AND Language = 'NL'", args, 1);
	if (rc == OO_OK && !oo_record_get(rec, "enterprise.legal_form_label"))
		rc = oo_record_set(rec, "enterprise.legal_form_label", oo_magda__legal_form_label(code));
	return rc;
}

static oo_status map_enterprise(oo_record *rec, sqlite3 *db, const char *digits)
{
	const char *args[1] = { digits };
	oo_status rc;

	oo_record_set_entity(rec, OO_ENTITY_ENTERPRISE);
	rc = oo_record_set(rec, "enterprise.number", digits);
	if (rc == OO_OK)
		rc = put_name(rec, db, "enterprise.legal_name", digits, "001");
	if (rc == OO_OK)
		rc = put_name(rec, db, "enterprise.abbreviation", digits, "002");
	if (rc == OO_OK)
		rc = put_name(rec, db, "enterprise.commercial_name", digits, "003");
	if (rc == OO_OK)
		rc = put_query(rec, db, "enterprise.legal_form",
			       "SELECT JuridicalForm FROM enterprise WHERE EnterpriseNumber = ?1", args, 1);
	if (rc == OO_OK)
		rc = put_legal_form_label(rec, db);
	if (rc == OO_OK)
		rc = put_query(rec, db, "enterprise.status",
			       "SELECT Status FROM enterprise WHERE EnterpriseNumber = ?1", args, 1);
	if (rc == OO_OK)
		rc = put_query(rec, db, "enterprise.start_date",
			       "SELECT StartDate FROM enterprise WHERE EnterpriseNumber = ?1", args, 1);
	if (rc == OO_OK)
		rc = put_address(rec, db, "enterprise.registered_address", digits, "REGO");
	if (rc == OO_OK)
		rc = put_contacts(rec, db, digits);
	/* Main activity: a MAIN row of the newest NACE version. */
	if (rc == OO_OK)
		rc = put_query(rec, db, "enterprise.main_activity",
			       "SELECT NaceCode FROM activity WHERE EntityNumber = ?1 AND "
			       "Classification = 'MAIN' ORDER BY NaceVersion DESC, ActivityGroup LIMIT 1",
			       args, 1);
	return rc;
}

/* An establishment unit is named by its commercial name (003), else by a
 * legal name (001); its address has type BAET. */
static oo_status map_establishment(oo_record *rec, sqlite3 *db, const char *digits)
{
	const char *args[1] = { digits };
	oo_status rc;

	oo_record_set_entity(rec, OO_ENTITY_ESTABLISHMENT);
	rc = oo_record_set(rec, "establishment.number", digits);
	if (rc == OO_OK)
		rc = put_query(rec, db, OO_CONCEPT_PARENT,
			       "SELECT EnterpriseNumber FROM establishment WHERE EstablishmentNumber = ?1",
			       args, 1);
	if (rc == OO_OK)
		rc = put_name(rec, db, "establishment.name", digits, "003");
	if (rc == OO_OK && !oo_record_get(rec, "establishment.name"))
		rc = put_name(rec, db, "establishment.name", digits, "001");
	if (rc == OO_OK)
		rc = put_address(rec, db, "establishment.address", digits, "BAET");
	if (rc == OO_OK)
		rc = put_query(rec, db, "establishment.start_date",
			       "SELECT StartDate FROM establishment WHERE EstablishmentNumber = ?1",
			       args, 1);
	return rc;
}

static int exists(sqlite3 *db, const char *digits, int enterprise)
{
	const char *args[1] = { digits };
	oo_record *probe = NULL;
	int found;

	if (oo_record_new(&probe) != OO_OK)
		return -1;
	if (put_query(probe, db, "x", enterprise ?
		      "SELECT 1 FROM enterprise WHERE EnterpriseNumber = ?1" :
		      "SELECT 1 FROM establishment WHERE EstablishmentNumber = ?1", args, 1) != OO_OK)
		found = -1;
	else
		found = oo_record_get(probe, "x") != NULL;
	oo_record_free(probe);
	return found;
}

static oo_status fill(oo_record *rec, kbo_state *st, const char *digits, int enterprise)
{
	int found = exists(st->db, digits, enterprise);
	char shown[14], message[160];

	if (found < 0)
		return OO_ESOURCE;
	if (found)
		return enterprise ? map_enterprise(rec, st->db, digits) :
		       map_establishment(rec, st->db, digits);
	oo_kbo_number_format(shown, digits);
	snprintf(message, sizeof(message),
		 "%s number %s not found in KBO Open Data%s%s (it lists active entities only)",
		 enterprise ? "enterprise" : "establishment unit", shown,
		 st->snapshot[0] ? " of " : "", st->snapshot);
	oo_record_set_outcome(rec, OO_LOOKUP_NOT_FOUND);
	oo_record_set_entity(rec, enterprise ? OO_ENTITY_ENTERPRISE : OO_ENTITY_ESTABLISHMENT);
	return oo_record_set_message(rec, message);
}

static oo_status lookup_kbo(oo_source *src, const char *digits, unsigned blocks,
			    oo_record **out, oo_error *err)
{
	kbo_state *st = src->state;
	oo_record *rec = NULL;
	oo_status rc;

	(void)blocks; /* the store holds every block */
	*out = NULL;
	rc = oo_record_new(&rec);
	if (rc == OO_OK)
		rc = oo_record_set_source(rec, KBO_OPEN_DATA_LABEL);
	if (rc == OO_OK && st->snapshot[0])
		rc = oo_record_set_retrieved(rec, st->snapshot);
	if (rc == OO_OK)
		rc = fill(rec, st, digits, oo_kbo_number_is_enterprise(digits));
	if (rc != OO_OK) {
		oo_record_free(rec);
		if (rc == OO_ENOMEM)
			return oo_error_set(err, rc, NULL, 0, 0, "out of memory looking up %s", digits);
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "KBO store query for %s failed: %s",
				    digits, sqlite3_errmsg(st->db));
	}
	*out = rec;
	return OO_OK;
}

static void release_kbo(void *state)
{
	kbo_state *st = state;

	if (!st)
		return;
	sqlite3_close(st->db);
	oo_free(st);
}

static void read_snapshot(kbo_state *st)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(st->db, "SELECT Value FROM meta WHERE Variable = 'SnapshotDate'", -1,
			       &stmt, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		oo_kbo__iso_date(st->snapshot, (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
}

oo_status oo_source__open_kbo(oo_source *src, const char *arg, oo_error *err)
{
	kbo_state *st = oo_calloc(1, sizeof(*st));

	if (!st)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory opening KBO store");
	src->state = st;
	src->release = release_kbo;
	src->lookup = lookup_kbo;
	src->complete = 1;
	if (sqlite3_open_v2(arg, &st->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return oo_error_set(err, OO_EIO, arg, 0, 0,
				    "cannot open KBO store '%s': %s; create it with 'onlyonce kbo import'",
				    arg, st->db ? sqlite3_errmsg(st->db) : "out of memory");
	if (sqlite3_exec(st->db, "SELECT 1 FROM enterprise LIMIT 1", NULL, NULL, NULL) != SQLITE_OK)
		return oo_error_set(err, OO_EIO, arg, 0, 0,
				    "'%s' is not a KBO store: %s; create it with 'onlyonce kbo import'",
				    arg, sqlite3_errmsg(st->db));
	read_snapshot(st);
	return OO_OK;
}
