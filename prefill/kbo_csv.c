/* SPDX-License-Identifier: EUPL-1.2 */
/* Reading KBO Open Data CSV files one row at a time, so that a full
 * extract (about 2 GB) never has to fit in memory. */
#include <errno.h>
#include <string.h>

#include "kbo.h"
#include "onlyonce/alloc.h"

oo_status oo_kbo_csv_open(oo_kbo_csv *csv, const char *path, oo_error *err)
{
	memset(csv, 0, sizeof(*csv));
	csv->path = path;
	csv->next_line = 1;
	csv->fp = fopen(path, "rb");
	if (!csv->fp)
		return oo_error_set(err, OO_EIO, path, 0, 0, "cannot open '%s': %s", path, strerror(errno));
	return OO_OK;
}

static int read_char(oo_kbo_csv *csv)
{
	int c = getc_unlocked(csv->fp);

	if (c != EOF)
		csv->bytes++;
	if (c == '\n')
		csv->next_line++;
	return c;
}

static oo_status put_char(oo_kbo_csv *csv, char c, oo_error *err)
{
	size_t field_len = csv->len - csv->starts[csv->count - 1];
	char *grown;

	if (field_len >= OO_KBO_FIELD_MAX)
		return oo_error_set(err, OO_ELIMIT, csv->path, (int)csv->line, 0,
				    "field %zu longer than %zu KiB in '%s', line %lu", csv->count,
				    OO_KBO_FIELD_MAX / 1024, csv->path, csv->line);
	if (csv->len + 2 > csv->cap) {
		size_t cap = csv->cap ? csv->cap * 2 : 1024;

		grown = oo_realloc(csv->text, cap);
		if (!grown)
			return oo_error_set(err, OO_ENOMEM, csv->path, 0, 0, "out of memory reading '%s'",
					    csv->path);
		csv->text = grown;
		csv->cap = cap;
	}
	csv->text[csv->len++] = c;
	return OO_OK;
}

static oo_status start_field(oo_kbo_csv *csv, oo_error *err)
{
	if (csv->count == OO_KBO_FIELDS_MAX)
		return oo_error_set(err, OO_ELIMIT, csv->path, (int)csv->line, 0,
				    "more than %d fields in '%s', line %lu", OO_KBO_FIELDS_MAX,
				    csv->path, csv->line);
	csv->starts[csv->count++] = csv->len;
	return OO_OK;
}

/* Reads a quoted field after its opening quote, up to and including the
 * closing quote; "" inside stands for one quote. Returns the character
 * after the closing quote. */
static oo_status read_quoted(oo_kbo_csv *csv, int *after, oo_error *err)
{
	oo_status rc = OO_OK;
	int c;

	for (;;) {
		c = read_char(csv);
		if (c == EOF)
			return oo_error_set(err, OO_EPARSE, csv->path, (int)csv->line, 0,
					    "unterminated quoted field in '%s', line %lu", csv->path,
					    csv->line);
		if (c == '"') {
			c = read_char(csv);
			if (c != '"') {
				*after = c;
				return OO_OK;
			}
		}
		rc = put_char(csv, (char)c, err);
		if (rc != OO_OK)
			return rc;
	}
}

/* Reads an unquoted field starting with c; returns the delimiter. */
static oo_status read_plain(oo_kbo_csv *csv, int c, int *after, oo_error *err)
{
	oo_status rc;

	while (c != ',' && c != '\n' && c != EOF) {
		if (c != '\r') {
			rc = put_char(csv, (char)c, err);
			if (rc != OO_OK)
				return rc;
		}
		c = read_char(csv);
	}
	*after = c;
	return OO_OK;
}

static oo_status read_field(oo_kbo_csv *csv, int c, int *after, oo_error *err)
{
	oo_status rc = start_field(csv, err);

	if (rc == OO_OK && c == '"') {
		rc = read_quoted(csv, &c, err);
		if (rc == OO_OK && c == '\r')
			c = read_char(csv);
		if (rc == OO_OK && c != ',' && c != '\n' && c != EOF)
			rc = oo_error_set(err, OO_EPARSE, csv->path, (int)csv->line, 0,
					  "unexpected character after a closing quote in '%s', line %lu",
					  csv->path, csv->line);
		*after = c;
	} else if (rc == OO_OK) {
		rc = read_plain(csv, c, after, err);
	}
	if (rc == OO_OK)
		rc = put_char(csv, '\0', err);
	return rc;
}

static void skip_bom(oo_kbo_csv *csv)
{
	int c = read_char(csv);

	if (c == 0xEF && read_char(csv) == 0xBB && read_char(csv) == 0xBF)
		return;
	/* Not a byte order mark: start again from the beginning. */
	rewind(csv->fp);
	csv->bytes = 0;
	csv->next_line = 1;
}

oo_status oo_kbo_csv_next(oo_kbo_csv *csv, int *has_row, oo_error *err)
{
	oo_status rc = OO_OK;
	int c;

	*has_row = 0;
	if (csv->bytes == 0)
		skip_bom(csv);
	do {
		csv->line = csv->next_line;
		c = read_char(csv);
	} while (c == '\n' || c == '\r');
	if (c == EOF)
		return ferror(csv->fp) ? oo_error_set(err, OO_EIO, csv->path, 0, 0, "cannot read '%s'",
						      csv->path) : OO_OK;

	csv->len = 0;
	csv->count = 0;
	for (;;) {
		rc = read_field(csv, c, &c, err);
		if (rc != OO_OK || c != ',')
			break;
		c = read_char(csv);
	}
	*has_row = rc == OO_OK;
	return rc;
}

const char *oo_kbo_csv_field(const oo_kbo_csv *csv, size_t i)
{
	return i < csv->count ? csv->text + csv->starts[i] : "";
}

void oo_kbo_csv_close(oo_kbo_csv *csv)
{
	if (csv->fp)
		fclose(csv->fp);
	oo_free(csv->text);
	memset(csv, 0, sizeof(*csv));
}
