/* SPDX-License-Identifier: EUPL-1.2 */
/* A small open-addressing hash map from strings to pointers, used for
 * URIs, anchors and the identity of JSON values. */
#include "schema_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"

/* FNV-1a, 64 bit. */
static uint64_t hash_string(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

static map_entry *find_slot(map_entry *entries, size_t cap, const char *key)
{
	size_t i = (size_t)hash_string(key) & (cap - 1);

	while (entries[i].key && strcmp(entries[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &entries[i];
}

static oo_status grow(map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 16;
	map_entry *entries = oo_calloc(cap, sizeof(*entries));
	size_t i;

	if (!entries)
		return OO_ENOMEM;
	for (i = 0; i < m->cap; i++) {
		if (m->entries[i].key)
			*find_slot(entries, cap, m->entries[i].key) = m->entries[i];
	}
	oo_free(m->entries);
	m->entries = entries;
	m->cap = cap;
	return OO_OK;
}

oo_status oo_schema__map_put(map *m, const char *key, void *value)
{
	map_entry *slot;

	/* Keeping the load under one half keeps probe chains short. */
	if ((m->count + 1) * 2 > m->cap && grow(m) != OO_OK)
		return OO_ENOMEM;
	slot = find_slot(m->entries, m->cap, key);
	if (!slot->key) {
		slot->key = oo_strdup(key);
		if (!slot->key)
			return OO_ENOMEM;
		m->count++;
	}
	slot->value = value;
	return OO_OK;
}

void *oo_schema__map_get(const map *m, const char *key)
{
	if (!m->cap)
		return NULL;
	return find_slot(m->entries, m->cap, key)->value;
}

void oo_schema__map_clear(map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		oo_free(m->entries[i].key);
	oo_free(m->entries);
	m->entries = NULL;
	m->cap = 0;
	m->count = 0;
}

void oo_schema__map_pointer_key(char out[32], const void *p)
{
	snprintf(out, 32, "%p", p);
}
