/* SPDX-License-Identifier: EUPL-1.2 */
/* Private to prefill/: the KBO Open Data CSV reader and the layout of the
 * SQLite store that the import writes and the kbo source reads. */
#ifndef ONLYONCE_PREFILL_KBO_H
#define ONLYONCE_PREFILL_KBO_H

#include <stdio.h>

#include "onlyonce/status.h"

/* Limits of one CSV row: the longest documented column is a 320-character
 * denomination, so 64 KiB leaves room for any sane value; address.csv has
 * the most columns (13). */
#define OO_KBO_FIELD_MAX ((size_t)64 * 1024)
#define OO_KBO_FIELDS_MAX 32

/* A reader of the KBO CSV dialect: ',' between fields, '"' around text
 * with '""' for a quote inside, unquoted dates and empty values, CRLF or
 * LF line ends, an optional UTF-8 byte order mark. Fields may span lines
 * when quoted. */
typedef struct {
	FILE *fp;
	const char *path;           /* borrowed, for messages */
	unsigned long line;         /* line where the current row starts */
	unsigned long next_line;
	unsigned long long bytes;   /* bytes read so far */
	char *text;                 /* fields of the current row, each NUL-ended */
	size_t len, cap;
	size_t starts[OO_KBO_FIELDS_MAX];
	size_t count;
} oo_kbo_csv;

oo_status oo_kbo_csv_open(oo_kbo_csv *csv, const char *path, oo_error *err);

/* Reads the next row. Returns OO_OK with *has_row 1, or OO_OK with
 * *has_row 0 at the end of the file; OO_EPARSE or OO_ELIMIT name the file
 * and line. Blank lines are skipped. */
oo_status oo_kbo_csv_next(oo_kbo_csv *csv, int *has_row, oo_error *err);

/* Field i of the current row, "" when the row has fewer fields. Borrowed
 * until the next call. */
const char *oo_kbo_csv_field(const oo_kbo_csv *csv, size_t i);

void oo_kbo_csv_close(oo_kbo_csv *csv);

/* Tables of the store, one per file of an extract. */
typedef struct {
	const char *name;                 /* file name without .csv, and table name */
	const char *columns[14];          /* CSV header = SQL columns, NULL-ended */
	const char *key;                  /* key column of <name>_delete.csv */
	const char *indexed;              /* column to index, or NULL */
} oo_kbo_table;

/* The nine files of an extract in the order an import reads them. */
extern const oo_kbo_table oo_kbo__tables[];
#define OO_KBO_TABLE_COUNT 9

/* Converts "dd-mm-yyyy" to "yyyy-mm-dd" in out; returns 0 when value has
 * another form (out is then a copy of value, cut to 10 characters). */
int oo_kbo__iso_date(char out[11], const char *value);

#endif
