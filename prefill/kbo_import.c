/* SPDX-License-Identifier: EUPL-1.2 */
/* Importing KBO Open Data extracts into SQLite. A full extract builds a
 * new store beside the target and renames it over the target, so a failed
 * import leaves the old store intact. An update extract is applied in one
 * transaction: every _delete file before any _insert file, as the KBO
 * cookbook requires, because a changed entity is deleted and re-inserted
 * with all its current rows. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "kbo.h"
#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/prefill.h"

/* Rows between two progress reports. */
#define PROGRESS_EVERY 100000

const oo_kbo_table oo_kbo__tables[OO_KBO_TABLE_COUNT] = {
	{ "meta", { "Variable", "Value", NULL }, NULL, NULL },
	{ "code", { "Category", "Code", "Language", "Description", NULL }, NULL, "Category, Code" },
	{ "enterprise", { "EnterpriseNumber", "Status", "JuridicalSituation", "TypeOfEnterprise",
			  "JuridicalForm", "JuridicalFormCAC", "StartDate", NULL },
	  "EnterpriseNumber", "EnterpriseNumber" },
	{ "establishment", { "EstablishmentNumber", "StartDate", "EnterpriseNumber", NULL },
	  "EstablishmentNumber", "EstablishmentNumber" },
	{ "denomination", { "EntityNumber", "Language", "TypeOfDenomination", "Denomination", NULL },
	  "EntityNumber", "EntityNumber" },
	{ "address", { "EntityNumber", "TypeOfAddress", "CountryNL", "CountryFR", "Zipcode",
		       "MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber",
		       "Box", "ExtraAddressInfo", "DateStrikingOff", NULL },
	  "EntityNumber", "EntityNumber" },
	{ "contact", { "EntityNumber", "EntityContact", "ContactType", "Value", NULL },
	  "EntityNumber", "EntityNumber" },
	{ "activity", { "EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification",
			NULL },
	  "EntityNumber", "EntityNumber" },
	{ "branch", { "Id", "StartDate", "EnterpriseNumber", NULL }, "Id", "Id" },
};

typedef struct {
	sqlite3 *db;
	const char *dir;
	oo_kbo_import_summary *summary;
	oo_kbo_progress_fn progress;
	void *context;
} import_run;

int oo_kbo__iso_date(char out[11], const char *value)
{
	if (strlen(value) == 10 && value[2] == '-' && value[5] == '-') {
		snprintf(out, 11, "%.4s-%.2s-%.2s", value + 6, value + 3, value);
		return 1;
	}
	snprintf(out, 11, "%s", value);
	return 0;
}

static size_t column_count(const oo_kbo_table *t)
{
	size_t n = 0;

	while (t->columns[n])
		n++;
	return n;
}

static int is_number_column(const char *name)
{
	return strcmp(name, "EnterpriseNumber") == 0 || strcmp(name, "EstablishmentNumber") == 0 ||
	       strcmp(name, "EntityNumber") == 0 || strcmp(name, "Id") == 0;
}

static int is_date_column(const char *name)
{
	return strcmp(name, "StartDate") == 0 || strcmp(name, "DateStrikingOff") == 0;
}

/* Finds DIR/<name> ignoring case (one update file is named
 * "contact_insert.Csv") and stores its path, or NULL when absent. */
static oo_status find_file(char **path, const char *dir, const char *name, oo_error *err)
{
	DIR *folder = opendir(dir);
	struct dirent *entry;
	oo_buf buf = OO_BUF_INIT;

	*path = NULL;
	if (!folder)
		return oo_error_set(err, OO_EIO, dir, 0, 0, "cannot open folder '%s': %s", dir,
				    strerror(errno));
	while ((entry = readdir(folder)))
		if (strcasecmp(entry->d_name, name) == 0) {
			oo_buf_printf(&buf, "%s/%s", dir, entry->d_name);
			break;
		}
	closedir(folder);
	if (buf.failed)
		return oo_error_set(err, OO_ENOMEM, dir, 0, 0, "out of memory reading '%s'", dir);
	*path = buf.len ? oo_buf_detach(&buf) : NULL;
	oo_buf_free(&buf);
	return OO_OK;
}

static oo_status sql_error(sqlite3 *db, const char *action, const char *path, oo_error *err)
{
	return oo_error_set(err, OO_EIO, path, 0, 0, "SQLite failed to %s '%s': %s", action, path,
			    sqlite3_errmsg(db));
}

static oo_status exec(sqlite3 *db, const char *sql, const char *path, oo_error *err)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return OO_OK;
	return sql_error(db, "write", path, err);
}

/* Checks that the header row names the expected columns in order. */
static oo_status check_header(const oo_kbo_csv *csv, const char *const *columns, size_t n,
			      oo_error *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(oo_kbo_csv_field(csv, i), columns[i]) != 0)
			return oo_error_set(err, OO_EPARSE, csv->path, 1, 0,
					    "unexpected header in '%s': column %zu is \"%s\", expected \"%s\"",
					    csv->path, i + 1, oo_kbo_csv_field(csv, i), columns[i]);
	if (csv->count != n)
		return oo_error_set(err, OO_EPARSE, csv->path, 1, 0,
				    "unexpected header in '%s': %zu columns, expected %zu", csv->path,
				    csv->count, n);
	return OO_OK;
}

/* Binds field i of the row as the column name expects: "" as NULL, KBO
 * numbers without dots, dates as YYYY-MM-DD. */
static int bind_field(sqlite3_stmt *stmt, int index, const char *name, const char *value)
{
	char number[24], date[11];
	size_t i, n = 0;

	if (!*value)
		return sqlite3_bind_null(stmt, index);
	if (is_number_column(name) && strlen(value) < sizeof(number)) {
		for (i = 0; value[i]; i++)
			if (value[i] != '.')
				number[n++] = value[i];
		number[n] = '\0';
		return sqlite3_bind_text(stmt, index, number, -1, SQLITE_TRANSIENT);
	}
	if (is_date_column(name) && oo_kbo__iso_date(date, value))
		return sqlite3_bind_text(stmt, index, date, -1, SQLITE_TRANSIENT);
	return sqlite3_bind_text(stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void report(import_run *run, const oo_kbo_csv *csv, unsigned long long rows,
		   unsigned long long total)
{
	if (run->progress)
		run->progress(run->context, csv->path, rows, csv->bytes, total);
}

/* Runs stmt once per data row of the file at path, binding columns[0..n). */
static oo_status load_rows(import_run *run, const char *path, const char *const *columns,
			   size_t n, sqlite3_stmt *stmt, oo_error *err)
{
	oo_kbo_csv csv;
	struct stat st;
	unsigned long long rows = 0, total = stat(path, &st) == 0 ? (unsigned long long)st.st_size : 0;
	int has_row = 0;
	size_t i;
	oo_status rc = oo_kbo_csv_open(&csv, path, err);

	if (rc == OO_OK)
		rc = oo_kbo_csv_next(&csv, &has_row, err);
	if (rc == OO_OK && !has_row)
		rc = oo_error_set(err, OO_EPARSE, path, 1, 0, "'%s' is empty: expected a header row", path);
	if (rc == OO_OK)
		rc = check_header(&csv, columns, n, err);
	while (rc == OO_OK && (rc = oo_kbo_csv_next(&csv, &has_row, err)) == OO_OK && has_row) {
		sqlite3_reset(stmt);
		for (i = 0; i < n; i++)
			bind_field(stmt, (int)i + 1, columns[i], oo_kbo_csv_field(&csv, i));
		if (sqlite3_step(stmt) != SQLITE_DONE)
			rc = oo_error_set(err, OO_EIO, path, (int)csv.line, 0,
					  "SQLite failed to store '%s', line %lu: %s", path, csv.line,
					  sqlite3_errmsg(run->db));
		if (++rows % PROGRESS_EVERY == 0)
			report(run, &csv, rows, total);
	}
	if (rc == OO_OK) {
		report(run, &csv, rows, total);
		run->summary->rows += rows;
		run->summary->files++;
	}
	oo_kbo_csv_close(&csv);
	return rc;
}

static oo_status prepare(import_run *run, sqlite3_stmt **stmt, const char *sql, oo_error *err)
{
	if (sqlite3_prepare_v2(run->db, sql, -1, stmt, NULL) == SQLITE_OK)
		return OO_OK;
	return oo_error_set(err, OO_EIO, NULL, 0, 0, "SQLite failed to prepare \"%s\": %s", sql,
			    sqlite3_errmsg(run->db));
}

/* Inserts the rows of path into table t. */
static oo_status insert_file(import_run *run, const oo_kbo_table *t, const char *path,
			     oo_error *err)
{
	size_t i, n = column_count(t);
	sqlite3_stmt *stmt = NULL;
	oo_buf sql = OO_BUF_INIT;
	oo_status rc;

	oo_buf_printf(&sql, "INSERT INTO %s VALUES (", t->name);
	for (i = 0; i < n; i++)
		oo_buf_puts(&sql, i ? ", ?" : "?");
	oo_buf_puts(&sql, ")");
	rc = sql.failed ? oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory importing") :
	     prepare(run, &stmt, sql.data, err);
	if (rc == OO_OK)
		rc = load_rows(run, path, t->columns, n, stmt, err);
	sqlite3_finalize(stmt);
	oo_buf_free(&sql);
	return rc;
}

/* Deletes every row of table t whose key is listed in path. */
static oo_status delete_file(import_run *run, const oo_kbo_table *t, const char *path,
			     oo_error *err)
{
	const char *columns[1] = { t->key };
	sqlite3_stmt *stmt = NULL;
	oo_buf sql = OO_BUF_INIT;
	oo_status rc;

	oo_buf_printf(&sql, "DELETE FROM %s WHERE %s = ?", t->name, t->key);
	rc = sql.failed ? oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory importing") :
	     prepare(run, &stmt, sql.data, err);
	if (rc == OO_OK)
		rc = load_rows(run, path, columns, 1, stmt, err);
	sqlite3_finalize(stmt);
	oo_buf_free(&sql);
	return rc;
}

static oo_status create_table(import_run *run, const oo_kbo_table *t, const char *path,
			      oo_error *err)
{
	oo_buf sql = OO_BUF_INIT;
	size_t i;
	oo_status rc;

	oo_buf_printf(&sql, "CREATE TABLE %s (", t->name);
	for (i = 0; t->columns[i]; i++)
		oo_buf_printf(&sql, "%s%s TEXT", i ? ", " : "", t->columns[i]);
	oo_buf_puts(&sql, ");");
	if (t->indexed)
		oo_buf_printf(&sql, "CREATE INDEX %s_key ON %s (%s);", t->name, t->name, t->indexed);
	rc = sql.failed ? oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory importing") :
	     exec(run->db, sql.data, path, err);
	oo_buf_free(&sql);
	return rc;
}

/* Reads the file name.csv (or name_suffix.csv) of the extract into *path. */
static oo_status extract_file(char **path, const import_run *run, const char *name,
			      const char *suffix, oo_error *err)
{
	char file[64];

	snprintf(file, sizeof(file), "%s%s.csv", name, suffix);
	return find_file(path, run->dir, file, err);
}

/* Replaces the contents of meta and code, which an update carries whole. */
static oo_status replace_table(import_run *run, const oo_kbo_table *t, const char *path,
			       oo_error *err)
{
	char sql[64];
	oo_status rc;

	snprintf(sql, sizeof(sql), "DELETE FROM %s", t->name);
	rc = exec(run->db, sql, path, err);
	return rc == OO_OK ? insert_file(run, t, path, err) : rc;
}

static oo_status import_full(import_run *run, const char *db_path, oo_error *err)
{
	char *path = NULL;
	oo_status rc = exec(run->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN",
			    db_path, err);
	size_t i;

	for (i = 0; rc == OO_OK && i < OO_KBO_TABLE_COUNT; i++) {
		const oo_kbo_table *t = &oo_kbo__tables[i];

		rc = extract_file(&path, run, t->name, "", err);
		if (rc == OO_OK && !path)
			rc = oo_error_set(err, OO_EIO, run->dir, 0, 0,
					  "missing %s.csv in KBO extract '%s'", t->name, run->dir);
		if (rc == OO_OK)
			rc = create_table(run, t, path, err);
		if (rc == OO_OK)
			rc = insert_file(run, t, path, err);
		oo_free(path);
		path = NULL;
	}
	if (rc == OO_OK)
		rc = exec(run->db, "COMMIT", db_path, err);
	return rc;
}

/* Runs every _delete file (pass 0) or every _insert file (pass 1). */
static oo_status update_pass(import_run *run, int pass, oo_error *err)
{
	char *path = NULL;
	oo_status rc = OO_OK;
	size_t i;

	for (i = 0; rc == OO_OK && i < OO_KBO_TABLE_COUNT; i++) {
		const oo_kbo_table *t = &oo_kbo__tables[i];

		if (!t->key)
			continue;
		rc = extract_file(&path, run, t->name, pass ? "_insert" : "_delete", err);
		if (rc == OO_OK && path)
			rc = pass ? insert_file(run, t, path, err) : delete_file(run, t, path, err);
		oo_free(path);
		path = NULL;
	}
	return rc;
}

/* meta.csv and code.csv of an update replace the stored ones. */
static oo_status update_whole_tables(import_run *run, oo_error *err)
{
	char *path = NULL;
	oo_status rc = OO_OK;
	size_t i;

	for (i = 0; rc == OO_OK && i < 2; i++) {
		rc = extract_file(&path, run, oo_kbo__tables[i].name, "", err);
		if (rc == OO_OK && path)
			rc = replace_table(run, &oo_kbo__tables[i], path, err);
		oo_free(path);
		path = NULL;
	}
	return rc;
}

static oo_status import_update(import_run *run, const char *db_path, oo_error *err)
{
	oo_status rc = exec(run->db, "BEGIN", db_path, err);

	if (rc == OO_OK)
		rc = update_pass(run, 0, err);
	if (rc == OO_OK)
		rc = update_pass(run, 1, err);
	if (rc == OO_OK)
		rc = update_whole_tables(run, err);
	if (rc == OO_OK)
		return exec(run->db, "COMMIT", db_path, err);
	sqlite3_exec(run->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Copies SnapshotDate (as YYYY-MM-DD) and ExtractNumber from meta. */
static void read_meta(import_run *run)
{
	sqlite3_stmt *stmt = NULL;
	const char *name, *value;

	if (sqlite3_prepare_v2(run->db, "SELECT Variable, Value FROM meta", -1, &stmt, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(stmt, 0);
		value = (const char *)sqlite3_column_text(stmt, 1);
		if (!name || !value)
			continue;
		if (strcmp(name, "SnapshotDate") == 0)
			oo_kbo__iso_date(run->summary->snapshot_date, value);
		else if (strcmp(name, "ExtractNumber") == 0)
			snprintf(run->summary->extract_number, sizeof(run->summary->extract_number),
				 "%s", value);
	}
	sqlite3_finalize(stmt);
}

/* Sets *full to 1 when the folder contains a full extract (enterprise.csv)
 * and to 0 when it contains an update (an _insert or _delete file). */
static oo_status detect_kind(int *full, const import_run *run, oo_error *err)
{
	char *path = NULL;
	oo_status rc = extract_file(&path, run, "enterprise", "", err);
	size_t i;

	*full = path != NULL;
	for (i = 0; rc == OO_OK && !path && i < OO_KBO_TABLE_COUNT; i++) {
		if (!oo_kbo__tables[i].key)
			continue;
		rc = extract_file(&path, run, oo_kbo__tables[i].name, "_delete", err);
		if (rc == OO_OK && !path)
			rc = extract_file(&path, run, oo_kbo__tables[i].name, "_insert", err);
	}
	if (rc == OO_OK && !path)
		rc = oo_error_set(err, OO_EIO, run->dir, 0, 0,
				  "'%s' is not a KBO Open Data extract: it has neither enterprise.csv "
				  "nor _insert or _delete files", run->dir);
	oo_free(path);
	return rc;
}

static oo_status open_db(sqlite3 **db, const char *path, int create, oo_error *err)
{
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

	if (sqlite3_open_v2(path, db, flags, NULL) == SQLITE_OK)
		return OO_OK;
	oo_error_set(err, OO_EIO, path, 0, 0, "cannot open KBO store '%s': %s%s", path,
		     *db ? sqlite3_errmsg(*db) : "out of memory",
		     create ? "" : "; import a full extract first");
	sqlite3_close(*db);
	*db = NULL;
	return OO_EIO;
}

static oo_status run_import(import_run *run, int full, const char *db_path, oo_error *err)
{
	oo_buf partial = OO_BUF_INIT;
	const char *target = db_path;
	oo_status rc;

	if (full) {
		oo_buf_printf(&partial, "%s.partial", db_path);
		if (partial.failed)
			return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory importing");
		target = partial.data;
		unlink(target);
	}
	rc = open_db(&run->db, target, full, err);
	if (rc == OO_OK)
		rc = full ? import_full(run, target, err) : import_update(run, db_path, err);
	if (rc == OO_OK)
		read_meta(run);
	sqlite3_close(run->db);
	run->db = NULL;
	if (full && rc == OO_OK && rename(target, db_path) != 0)
		rc = oo_error_set(err, OO_EIO, db_path, 0, 0, "cannot rename '%s' to '%s': %s", target,
				  db_path, strerror(errno));
	if (full && rc != OO_OK)
		unlink(target);
	oo_buf_free(&partial);
	return rc;
}

oo_status oo_kbo_import(oo_kbo_import_summary *summary, const char *dir,
			const char *db_path, oo_kbo_progress_fn progress,
			void *context, oo_error *err)
{
	import_run run = { NULL, dir, summary, progress, context };
	int full = 0;
	oo_status rc;

	memset(summary, 0, sizeof(*summary));
	if (!dir || !db_path)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "missing extract folder or store file");
	rc = detect_kind(&full, &run, err);
	if (rc != OO_OK)
		return rc;
	summary->update = !full;
	return run_import(&run, full, db_path, err);
}
