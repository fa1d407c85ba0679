/* SPDX-License-Identifier: EUPL-1.2 */
/* The concept catalogue (schemas/concepts.json): one entry per kind of
 * datum or document, with its authentic source and how to recognise it. */
#ifndef ONLYONCE_CATALOG_H
#define ONLYONCE_CATALOG_H

#include <stddef.h>

#include "onlyonce/status.h"
#include "onlyonce/text.h"

typedef enum {
	OO_CONCEPT_DATUM = 0,
	OO_CONCEPT_DOCUMENT
} oo_concept_kind;

typedef struct {
	char *id;             /* "enterprise.legal_name" */
	oo_concept_kind kind;
	char *source;         /* "kbo", "rijksregister", "adressenregister", "own-records", "none" */
	char *key;            /* concept id of the key the source needs, or NULL */
	char *magda_path;     /* path below Antwoord/Inhoud/Onderneming, or NULL */
	char *kbo_column;     /* KBO open-data file and column, or NULL */
	char *oslo;           /* OSLO or SEMIC URI */
	char *autocomplete;   /* HTML autocomplete token, or NULL */
	char *input_type;     /* field type keyword of form.h, such as "text" or "date" */
	char *value_pattern;  /* pattern of a valid value, or NULL */
	char *check;          /* check-digit rule: "mod97-enterprise", "insz", "iban-be", or NULL */
	char *derived_from;   /* concept id the value can be derived from, or NULL */
	int personal;         /* 1 for personal data (WCAG 1.3.5 applies) */
	int fetchable;        /* documents: 1 when a government body can fetch it itself */
	oo_text fetch_note;   /* documents: from where, and under which condition */
	oo_text label;
	char *patterns[OO_LANG_COUNT]; /* PCRE2 patterns matched against labels, or NULL */
	char *name_pattern;   /* PCRE2 pattern matched against control names and ids */
	char *context;        /* "enterprise", "person" or NULL: which heading context it needs */
} oo_concept;

typedef struct oo_catalog oo_catalog;

/* Loads the catalogue at path. Caller frees with oo_catalog_free. */
oo_status oo_catalog_load(oo_catalog **out, const char *path, oo_error *err);

/* Returns the path of the catalogue shipped with the sources (schemas/concepts.json
 * below ONLYONCE_SOURCE_DIR) or installed, whichever exists. Borrowed. */
const char *oo_catalog_default_path(void);

size_t oo_catalog_count(const oo_catalog *cat);
const oo_concept *oo_catalog_at(const oo_catalog *cat, size_t i);

/* Returns the concept with that id, or NULL. */
const oo_concept *oo_catalog_find(const oo_catalog *cat, const char *id);

/* Returns 1 when the concept's value lives in an authentic source
 * (any source other than "none"). */
int oo_concept_is_authentic(const oo_concept *c);

void oo_catalog_free(oo_catalog *cat);

#endif
