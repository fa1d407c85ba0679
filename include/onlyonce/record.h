/* SPDX-License-Identifier: EUPL-1.2 */
/* What a prefill source returns: values keyed by concept id, plus whether
 * the lookup found something, found nothing, or failed. */
#ifndef ONLYONCE_RECORD_H
#define ONLYONCE_RECORD_H

#include <stddef.h>

#include "onlyonce/status.h"

typedef enum {
	OO_LOOKUP_FOUND = 0,
	OO_LOOKUP_NOT_FOUND,
	OO_LOOKUP_FAILED
} oo_lookup_outcome;

typedef enum {
	OO_ENTITY_ENTERPRISE = 0,
	OO_ENTITY_ESTABLISHMENT
} oo_entity_kind;

typedef struct oo_record oo_record;

/* Creates an empty record. Caller frees with oo_record_free. */
oo_status oo_record_new(oo_record **out);

/* Stores a copy of value under concept id, replacing an earlier value.
 * An empty or NULL value removes the entry, so "empty in the source" and
 * "not in the source" read the same: oo_record_get returns NULL. */
oo_status oo_record_set(oo_record *rec, const char *concept, const char *value);

/* Returns the value for concept, borrowed until the record changes, or NULL. */
const char *oo_record_get(const oo_record *rec, const char *concept);

size_t oo_record_count(const oo_record *rec);
/* Returns the i-th concept id and value through out-parameters. */
void oo_record_at(const oo_record *rec, size_t i, const char **concept, const char **value);

/* Lookup metadata. Strings are copied. */
void oo_record_set_outcome(oo_record *rec, oo_lookup_outcome outcome);
oo_lookup_outcome oo_record_outcome(const oo_record *rec);
void oo_record_set_entity(oo_record *rec, oo_entity_kind kind);
oo_entity_kind oo_record_entity(const oo_record *rec);
/* Source label shown to the user, e.g. "Kruispuntbank van Ondernemingen (KBO)". */
oo_status oo_record_set_source(oo_record *rec, const char *source);
const char *oo_record_source(const oo_record *rec);
/* Date of retrieval as YYYY-MM-DD. */
oo_status oo_record_set_retrieved(oo_record *rec, const char *date);
const char *oo_record_retrieved(const oo_record *rec);
/* For not found or failed: a message for the user (English). */
oo_status oo_record_set_message(oo_record *rec, const char *message);
const char *oo_record_message(const oo_record *rec);

void oo_record_free(oo_record *rec);

#endif
