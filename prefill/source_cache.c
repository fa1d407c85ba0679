/* SPDX-License-Identifier: EUPL-1.2 */
/* One lookup per number per source: the outcome of the first lookup of a
 * number (a record, or the failure) is kept and copied to later callers,
 * so building many forms for one enterprise sends one request. Every
 * outcome is reported to the source's log callback. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "magda_xml.h"
#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/identifiers.h"
#include "source.h"

/* Maximum number of cached numbers. A run builds forms for one applicant,
 * so a few entries are normal; past the limit lookups are not cached. */
#define CACHE_MAX 1024

typedef struct {
	char digits[11];
	unsigned blocks;     /* blocks the stored lookup asked for */
	oo_status status;    /* OO_OK, or the failure copied to callers */
	oo_record *record;   /* NULL when status is a failure */
	oo_error error;
} cache_entry;

struct oo_source_cache {
	cache_entry *entries;
	size_t count, cap;
};

oo_status oo_source__record_copy(oo_record **out, const oo_record *from)
{
	const char *concept, *value;
	oo_record *rec = NULL;
	oo_status rc;
	size_t i;

	*out = NULL;
	rc = oo_record_new(&rec);
	for (i = 0; rc == OO_OK && i < oo_record_count(from); i++) {
		oo_record_at(from, i, &concept, &value);
		rc = oo_record_set(rec, concept, value);
	}
	if (rc == OO_OK && oo_record_source(from))
		rc = oo_record_set_source(rec, oo_record_source(from));
	if (rc == OO_OK && oo_record_retrieved(from))
		rc = oo_record_set_retrieved(rec, oo_record_retrieved(from));
	if (rc == OO_OK && oo_record_message(from))
		rc = oo_record_set_message(rec, oo_record_message(from));
	if (rc != OO_OK) {
		oo_record_free(rec);
		return rc;
	}
	oo_record_set_outcome(rec, oo_record_outcome(from));
	oo_record_set_entity(rec, oo_record_entity(from));
	*out = rec;
	return OO_OK;
}

static cache_entry *find_entry(oo_source_cache *cache, const char *digits)
{
	size_t i;

	for (i = 0; cache && i < cache->count; i++)
		if (strcmp(cache->entries[i].digits, digits) == 0)
			return &cache->entries[i];
	return NULL;
}

static void describe_outcome(oo_buf *line, oo_status status, const oo_record *rec,
			     const oo_error *err)
{
	if (status != OO_OK)
		oo_buf_printf(line, "failed: %s", err->message);
	else if (oo_record_outcome(rec) == OO_LOOKUP_NOT_FOUND)
		oo_buf_puts(line, "not found");
	else
		oo_buf_printf(line, "found, %zu values", oo_record_count(rec));
}

/* Sends one line to the log callback, e.g. "lookup of 0314.595.348 in
 * magda: found, 17 values (120 ms, 0 retries)". duration_ms < 0 marks an
 * outcome copied from the cache. */
static void log_outcome(const oo_source *src, const char *digits, oo_status status,
			const oo_record *rec, const oo_error *err, long duration_ms)
{
	oo_buf line = OO_BUF_INIT;
	char shown[14];

	if (!src->log)
		return;
	oo_kbo_number_format(shown, digits);
	oo_buf_printf(&line, "lookup of %s in %s: ", shown, src->kind);
	describe_outcome(&line, status, rec, err);
	if (duration_ms < 0)
		oo_buf_puts(&line, " (from this run's cache, no new request)");
	else
		oo_buf_printf(&line, " (%ld ms, %u %s)", duration_ms, src->retries,
			      src->retries == 1 ? "retry" : "retries");
	if (!line.failed)
		src->log(src->log_context, line.data);
	oo_buf_free(&line);
}

static long elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

static oo_status set_today(oo_record *rec)
{
	char today[11];

	if (oo_record_retrieved(rec))
		return OO_OK;
	oo_magda__today(today);
	return oo_record_set_retrieved(rec, today);
}

/* Returns the entry for digits, a new one when there is room, or NULL. */
static cache_entry *entry_for(oo_source *src, const char *digits)
{
	oo_source_cache *cache = src->cache;
	cache_entry *entry = find_entry(cache, digits), *grown;

	if (entry)
		return entry;
	if (!cache && !(cache = src->cache = oo_calloc(1, sizeof(*cache))))
		return NULL;
	if (cache->count == CACHE_MAX)
		return NULL;
	if (cache->count == cache->cap) {
		size_t cap = cache->cap ? cache->cap * 2 : 4;

		grown = oo_realloc(cache->entries, cap * sizeof(*grown));
		if (!grown)
			return NULL;
		cache->entries = grown;
		cache->cap = cap;
	}
	entry = &cache->entries[cache->count++];
	memset(entry, 0, sizeof(*entry));
	memcpy(entry->digits, digits, sizeof(entry->digits));
	return entry;
}

/* Stores the outcome in the cache. Without room (or memory) the outcome is
 * simply not cached: the next call asks the source again. */
static void remember(oo_source *src, const char *digits, unsigned blocks, oo_status status,
		     const oo_record *rec, const oo_error *err)
{
	cache_entry *entry = entry_for(src, digits);

	if (!entry)
		return;
	oo_record_free(entry->record);
	entry->record = NULL;
	entry->blocks = blocks;
	entry->status = status;
	entry->error = *err;
	if (status == OO_OK && oo_source__record_copy(&entry->record, rec) != OO_OK) {
		entry->status = OO_ENOMEM;
		entry->blocks = 0;
	}
}

static oo_status from_cache(const oo_source *src, const cache_entry *entry, oo_record **out,
			    oo_error *err)
{
	log_outcome(src, entry->digits, entry->status, entry->record, &entry->error, -1);
	if (entry->status != OO_OK) {
		if (err)
			*err = entry->error;
		return entry->status;
	}
	if (oo_source__record_copy(out, entry->record) != OO_OK)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory looking up %s",
				    entry->digits);
	return OO_OK;
}

oo_status oo_source__cached_lookup(oo_source *src, const char *digits, unsigned blocks,
				   oo_record **out, oo_error *err)
{
	cache_entry *entry = find_entry(src->cache, digits);
	struct timespec start;
	oo_error detail;
	oo_status rc;

	*out = NULL;
	if (entry && entry->status != OO_ENOMEM && (blocks & ~entry->blocks) == 0)
		return from_cache(src, entry, out, err);
	if (entry)
		blocks |= entry->blocks;

	oo_error_clear(&detail);
	src->retries = 0;
	clock_gettime(CLOCK_MONOTONIC, &start);
	rc = src->lookup(src, digits, blocks, out, &detail);
	if (rc == OO_OK && set_today(*out) != OO_OK) {
		oo_record_free(*out);
		*out = NULL;
		rc = oo_error_set(&detail, OO_ENOMEM, NULL, 0, 0, "out of memory looking up %s", digits);
	}
	log_outcome(src, digits, rc, *out, &detail, elapsed_ms(&start));
	if (rc != OO_ENOMEM)
		remember(src, digits, src->complete ? OO_BLOCK_ALL : blocks, rc, *out, &detail);
	if (err)
		*err = detail;
	return rc;
}

void oo_source__cache_free(oo_source_cache *cache)
{
	size_t i;

	if (!cache)
		return;
	for (i = 0; i < cache->count; i++)
		oo_record_free(cache->entries[i].record);
	oo_free(cache->entries);
	oo_free(cache);
}
