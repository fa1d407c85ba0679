/* SPDX-License-Identifier: EUPL-1.2 */
/* Private to prefill/: safe loading of MAGDA SOAP documents and navigation
 * by local name. MAGDA schemas are elementFormDefault="unqualified" and the
 * envelope and wrapper prefixes vary between gateways, so every lookup here
 * ignores namespaces and prefixes. */
#ifndef ONLYONCE_PREFILL_MAGDA_XML_H
#define ONLYONCE_PREFILL_MAGDA_XML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "onlyonce/record.h"
#include "onlyonce/status.h"

/* Parses xml without network access, entity substitution or DTD loading,
 * and rejects a DOCTYPE, which SOAP 1.1 forbids in a message. Malformed XML
 * fails with OO_EPARSE naming the line; input over OO_MAGDA_MAX_SIZE fails
 * with OO_ELIMIT. Caller frees *out with xmlFreeDoc. */
oo_status oo_magda__read(xmlDoc **out, const char *xml, size_t len, oo_error *err);

/* First element child of parent with local name name, or NULL. */
xmlNode *oo_magda__child(const xmlNode *parent, const char *name);

/* Next element sibling after node with local name name, or NULL. */
xmlNode *oo_magda__next(const xmlNode *node, const char *name);

/* Follows a path of local names separated by '/', taking the first match at
 * each step ("Gemeente/PostCode"). Returns NULL when a step is missing. */
xmlNode *oo_magda__path(const xmlNode *node, const char *path);

/* First descendant of root (depth first, root included) with local name
 * name, or NULL. */
xmlNode *oo_magda__find(const xmlNode *root, const char *name);

/* Copies the text of node into dst (at most cap - 1 bytes and a NUL) with
 * leading and trailing whitespace removed and each inner run of whitespace
 * replaced by one space, because MAGDA gateways indent values with
 * newlines. Returns the length of the whole normalised text, which may be
 * cap or more when dst was too small. node may be NULL (an empty text). */
size_t oo_magda__text_copy(char *dst, size_t cap, const xmlNode *node);

/* Stores the normalised text of node in *out (caller frees with oo_free),
 * or NULL when node is NULL or its text is empty. */
oo_status oo_magda__text(char **out, const xmlNode *node);

/* Returns 1 when the normalised text of node equals value. */
int oo_magda__text_is(const xmlNode *node, const char *value);

/* Value of attribute name of node without copying, or NULL. */
const char *oo_magda__attr(const xmlNode *node, const char *name);

/* Returns 1 when the period in the DatumBegin and DatumEinde attributes of
 * node covers today ("YYYY-MM-DD"): it has begun (or has no begin date) and
 * has no end date or one after today. */
int oo_magda__is_active(const xmlNode *node, const char *today);

/* Writes today's local date as YYYY-MM-DD. */
void oo_magda__today(char out[11]);

/* Maps the Onderneming element of an answer to concept values in rec and
 * sets its entity kind. */
oo_status oo_magda__map(oo_record *rec, const xmlNode *onderneming, const char *today);

/* Dutch label of a KBO JuridicalForm code, or NULL when the code is not in
 * the table. */
const char *oo_magda__legal_form_label(const char *code);

#endif
