/* SPDX-License-Identifier: EUPL-1.2 */
/* Prefill sources behind one interface, and the MAGDA GeefOnderneming
 * response parser they share. */
#ifndef ONLYONCE_PREFILL_H
#define ONLYONCE_PREFILL_H

#include <stddef.h>

#include "onlyonce/record.h"
#include "onlyonce/status.h"

typedef struct oo_source oo_source;

/* Opens a source from a specification as given to --source:
 *   "fixtures"       the fixtures/magda folder shipped with onlyonce
 *   "fixtures:DIR"   GeefOnderneming response files DIR/<10 digits>.xml,
 *                    else DIR/<10 digits>.<anything>.xml
 *   "magda:URL"      the MAGDA GeefOnderneming-02.00 web service at URL,
 *                    over HTTPS with a client certificate; configured from
 *                    the environment (docs/magda.md)
 *   "kbo:FILE"       a KBO open-data store that oo_kbo_import wrote
 * Caller frees with oo_source_free. */
oo_status oo_source_open(oo_source **out, const char *spec, oo_error *err);

/* Looks up an enterprise or establishment-unit number (normalised first
 * with oo_kbo_number_normalize, so "0314.595.348" works too). On OO_OK *out
 * holds a record whose outcome is FOUND or NOT_FOUND, with the source label
 * and the retrieval date (today, or the snapshot date of a KBO open-data
 * store); a source failure returns OO_ESOURCE with the reason in err (and
 * no record). The whole answer is asked for, and nothing is cached: see
 * oo_source_lookup_for. Caller frees *out with oo_record_free. */
oo_status oo_source_lookup(oo_source *src, const char *number, oo_record **out,
			   oo_error *err);

void oo_source_free(oo_source *src);

/* Receives one line per lookup outcome (found, not found or failed, with
 * the number, the source kind, the duration and the retries); line is
 * borrowed for the call. Lines never contain a key or a passphrase. */
typedef void (*oo_source_log_fn)(void *context, const char *line);

typedef struct {
	/* key = value file configuring "magda:URL", or NULL to use the file
	 * named by ONLYONCE_MAGDA_CONFIG, if any. Environment variables
	 * override the file. */
	const char *magda_config;
	oo_source_log_fn log;   /* may be NULL */
	void *log_context;
} oo_source_options;

/* Same as oo_source_open with options, which may be NULL. */
oo_status oo_source_open_with(oo_source **out, const char *spec,
			      const oo_source_options *options, oo_error *err);

/* Looks up number for forms that bind the concept ids concepts[0..count-1]
 * (concepts NULL: every concept). The source is asked only for the parts
 * of the answer those concepts need. For an establishment-unit number, when
 * a concept starts with "enterprise.", the enterprise behind the unit is
 * looked up too and its values are added to the record; when that second
 * lookup fails or finds nothing, the record keeps the unit's values and
 * says why in its message. Each number is looked up at most once per
 * source: later calls return a copy of the first outcome, failures
 * included, unless they need parts the first call did not ask for.
 * Otherwise the contract of oo_source_lookup. */
oo_status oo_source_lookup_for(oo_source *src, const char *number,
			       const char *const *concepts, size_t count,
			       oo_record **out, oo_error *err);

/* Reports import progress: rows and bytes of the current file read so
 * far, and the size of that file. */
typedef void (*oo_kbo_progress_fn)(void *context, const char *file,
				   unsigned long long rows,
				   unsigned long long bytes_done,
				   unsigned long long bytes_total);

typedef struct {
	int update;                  /* 1 when an update extract was applied */
	unsigned files;              /* CSV files read */
	unsigned long long rows;     /* data rows read, headers excluded */
	char snapshot_date[11];      /* YYYY-MM-DD from meta.csv, or "" */
	char extract_number[16];     /* from meta.csv, or "" */
} oo_kbo_import_summary;

/* Imports a KBO Open Data extract from the folder dir (the unzipped CSV
 * files) into the SQLite file db_path. A full extract (meta.csv,
 * code.csv, enterprise.csv, ...) replaces the store: it is written to a
 * temporary file renamed over db_path at the end. An update extract
 * (<file>_delete.csv and <file>_insert.csv) is applied to an existing
 * store in one transaction, every delete before any insert. File names
 * match case-insensitively. progress may be NULL. Fails with OO_EIO for
 * missing or unreadable files, OO_EPARSE for a malformed row (naming the
 * file and line), OO_ELIMIT for a field over 64 KiB. */
oo_status oo_kbo_import(oo_kbo_import_summary *summary, const char *dir,
			const char *db_path, oo_kbo_progress_fn progress,
			void *context, oo_error *err);


/* Maximum size of a GeefOnderneming response the parser accepts: 4 MiB.
 * Real answers for one enterprise are a few KiB, and the margin is for
 * enterprises with many establishment units and functions. */
#define OO_MAGDA_MAX_SIZE ((size_t)4 * 1024 * 1024)

/* Parses a GeefOnderneming-02.00 SOAP response. Values are mapped to
 * concept ids ("enterprise.legal_name", "enterprise.registered_address.street",
 * "establishment.name", ...), and the entity kind distinguishes an enterprise
 * from an establishment unit. Exception 40046 yields a NOT_FOUND record; an
 * exception of type FOUT and a SOAP Fault fail with OO_ESOURCE naming the
 * code and Diagnose text. Warnings next to content are kept in the record
 * message. Malformed XML fails with OO_EPARSE, input over OO_MAGDA_MAX_SIZE
 * with OO_ELIMIT. The parser never loads external entities or touches the
 * network, and rejects a DOCTYPE. Caller frees *out with oo_record_free. */
oo_status oo_magda_parse(oo_record **out, const char *xml, size_t len,
			 oo_error *err);

/* Same as oo_magda_parse, but judges which names, addresses, accounts and
 * activities are active on the date today ("YYYY-MM-DD") instead of the
 * local date. */
oo_status oo_magda_parse_on(oo_record **out, const char *xml, size_t len,
			    const char *today, oo_error *err);

#endif
