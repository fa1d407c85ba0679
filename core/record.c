/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/record.h"

#include <string.h>

#include "onlyonce/alloc.h"

typedef struct {
	char *concept;
	char *value;
} entry;

struct oo_record {
	entry *entries;
	size_t count;
	oo_lookup_outcome outcome;
	oo_entity_kind entity;
	char *source;
	char *retrieved;
	char *message;
};

oo_status oo_record_new(oo_record **out)
{
	*out = oo_calloc(1, sizeof(**out));
	return *out ? OO_OK : OO_ENOMEM;
}

static entry *find_entry(const oo_record *rec, const char *concept)
{
	size_t i;

	for (i = 0; i < rec->count; i++)
		if (strcmp(rec->entries[i].concept, concept) == 0)
			return &rec->entries[i];
	return NULL;
}

static void remove_entry(oo_record *rec, entry *e)
{
	size_t i = (size_t)(e - rec->entries);

	oo_free(e->concept);
	oo_free(e->value);
	memmove(e, e + 1, (rec->count - i - 1) * sizeof(*e));
	rec->count--;
}

oo_status oo_record_set(oo_record *rec, const char *concept, const char *value)
{
	entry *e = find_entry(rec, concept);
	entry *grown;
	char *copy;

	if (!value || !*value) {
		if (e)
			remove_entry(rec, e);
		return OO_OK;
	}
	if (!(copy = oo_strdup(value)))
		return OO_ENOMEM;
	if (e) {
		oo_free(e->value);
		e->value = copy;
		return OO_OK;
	}
	grown = oo_realloc(rec->entries, (rec->count + 1) * sizeof(*grown));
	if (!grown) {
		oo_free(copy);
		return OO_ENOMEM;
	}
	rec->entries = grown;
	e = &grown[rec->count];
	if (!(e->concept = oo_strdup(concept))) {
		oo_free(copy);
		return OO_ENOMEM;
	}
	e->value = copy;
	rec->count++;
	return OO_OK;
}

const char *oo_record_get(const oo_record *rec, const char *concept)
{
	const entry *e;

	if (!rec || !concept)
		return NULL;
	e = find_entry(rec, concept);
	return e ? e->value : NULL;
}

size_t oo_record_count(const oo_record *rec)
{
	return rec ? rec->count : 0;
}

void oo_record_at(const oo_record *rec, size_t i, const char **concept, const char **value)
{
	*concept = i < rec->count ? rec->entries[i].concept : NULL;
	*value = i < rec->count ? rec->entries[i].value : NULL;
}

void oo_record_set_outcome(oo_record *rec, oo_lookup_outcome outcome) { rec->outcome = outcome; }
oo_lookup_outcome oo_record_outcome(const oo_record *rec) { return rec->outcome; }
void oo_record_set_entity(oo_record *rec, oo_entity_kind kind) { rec->entity = kind; }
oo_entity_kind oo_record_entity(const oo_record *rec) { return rec->entity; }

static oo_status replace_string(char **slot, const char *s)
{
	char *copy = NULL;

	if (s && !(copy = oo_strdup(s)))
		return OO_ENOMEM;
	oo_free(*slot);
	*slot = copy;
	return OO_OK;
}

oo_status oo_record_set_source(oo_record *rec, const char *s) { return replace_string(&rec->source, s); }
const char *oo_record_source(const oo_record *rec) { return rec->source; }
oo_status oo_record_set_retrieved(oo_record *rec, const char *s) { return replace_string(&rec->retrieved, s); }
const char *oo_record_retrieved(const oo_record *rec) { return rec->retrieved; }
oo_status oo_record_set_message(oo_record *rec, const char *s) { return replace_string(&rec->message, s); }
const char *oo_record_message(const oo_record *rec) { return rec->message; }

void oo_record_free(oo_record *rec)
{
	size_t i;

	if (!rec)
		return;
	for (i = 0; i < rec->count; i++) {
		oo_free(rec->entries[i].concept);
		oo_free(rec->entries[i].value);
	}
	oo_free(rec->entries);
	oo_free(rec->source);
	oo_free(rec->retrieved);
	oo_free(rec->message);
	oo_free(rec);
}
