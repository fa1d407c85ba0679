/* SPDX-License-Identifier: EUPL-1.2 */
/* Private to prefill/: what each kind of prefill source implements. */
#ifndef ONLYONCE_PREFILL_SOURCE_H
#define ONLYONCE_PREFILL_SOURCE_H

#include "onlyonce/prefill.h"

/* Optional GeefOnderneming blocks beyond Basisgegevens. A source asks only
 * for the blocks that the concepts of the forms need (data minimisation);
 * sources that always hold everything ignore them. */
enum {
	OO_BLOCK_ACTIVITIES = 1u << 0,    /* Activiteiten: enterprise.main_activity */
	OO_BLOCK_BANK_ACCOUNTS = 1u << 1, /* Bankrekeningen: enterprise.bank_account */
	OO_BLOCK_DESCRIPTIONS = 1u << 2,  /* Omschrijvingen: enterprise.legal_form_label */
	OO_BLOCK_ALL = 7u
};

typedef struct oo_source_cache oo_source_cache;

struct oo_source {
	/* Kind name for log lines: "fixtures", "magda" or "kbo". */
	const char *kind;
	/* Looks up a checked 10-digit number, asking for blocks (OO_BLOCK_*).
	 * Sets the retrieval date when the source has its own (a KBO
	 * snapshot), else the caller sets today. Same contract as
	 * oo_source_lookup otherwise. */
	oo_status (*lookup)(oo_source *src, const char *digits, unsigned blocks,
			    oo_record **out, oo_error *err);
	/* Frees state; may be NULL. */
	void (*release)(void *state);
	void *state;
	/* 1 when every answer holds every block (recorded answers, the KBO
	 * store), so a cached answer serves any later request. */
	int complete;
	/* Retries the last lookup needed; the kind sets it. */
	unsigned retries;

	oo_source_log_fn log;
	void *log_context;
	oo_source_cache *cache;
};

/* Key of the enterprise number behind an establishment unit in a record. */
#define OO_CONCEPT_PARENT "establishment.enterprise_number"

/* Opens a fixtures folder (arg is the folder, or NULL for the default). */
oo_status oo_source__open_fixtures(oo_source *src, const char *arg, oo_error *err);

/* Opens the MAGDA client for the endpoint URL arg, configured from the
 * file config_path (may be NULL) and the environment. */
oo_status oo_source__open_magda(oo_source *src, const char *arg, const char *config_path,
				oo_error *err);

/* Opens a KBO open-data SQLite store written by oo_kbo_import. */
oo_status oo_source__open_kbo(oo_source *src, const char *arg, oo_error *err);

/* Returns the blocks that concepts need; concepts NULL means every block. */
unsigned oo_source__blocks_for(const char *const *concepts, size_t count);

/* Cached lookups, keyed by number: the first lookup of a number asks the
 * source, later ones copy the stored outcome. Defined in source_cache.c. */
oo_status oo_source__cached_lookup(oo_source *src, const char *digits, unsigned blocks,
				   oo_record **out, oo_error *err);
void oo_source__cache_free(oo_source_cache *cache);

/* Copies the values, metadata and message of from into a new record. */
oo_status oo_source__record_copy(oo_record **out, const oo_record *from);

#endif
