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
 * "magda:URL" and "kbo:FILE" are reserved and fail with OO_EINVAL for now.
 * Caller frees with oo_source_free. */
oo_status oo_source_open(oo_source **out, const char *spec, oo_error *err);

/* Looks up an enterprise or establishment-unit number (normalised first
 * with oo_kbo_number_normalize, so "0314.595.348" works too). On OO_OK *out
 * holds a record whose outcome is FOUND or NOT_FOUND, with the source label
 * and today's date as retrieval date; a source failure returns OO_ESOURCE
 * with the reason in err (and no record). Caller frees *out with
 * oo_record_free. */
oo_status oo_source_lookup(oo_source *src, const char *number, oo_record **out,
			   oo_error *err);

void oo_source_free(oo_source *src);

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
