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
 *   "fixtures:DIR"   GeefOnderneming response files DIR/<10 digits>*.xml
 * Caller frees with oo_source_free. */
oo_status oo_source_open(oo_source **out, const char *spec, oo_error *err);

/* Looks up a normalised 10-digit number. On OO_OK *out holds a record whose
 * outcome is FOUND or NOT_FOUND; a source failure returns OO_ESOURCE with
 * the reason in err (and no record). Caller frees *out with oo_record_free. */
oo_status oo_source_lookup(oo_source *src, const char *number, oo_record **out,
			   oo_error *err);

void oo_source_free(oo_source *src);

/* Parses a GeefOnderneming-02.00 SOAP response. Values are mapped to
 * concept ids ("enterprise.legal_name", "enterprise.registered_address.street",
 * "establishment.name", ...). Exception 40046 yields a NOT_FOUND record;
 * other exceptions fail with OO_ESOURCE naming the code and Diagnose text.
 * The parser never loads external entities or touches the network. */
oo_status oo_magda_parse(oo_record **out, const char *xml, size_t len,
			 oo_error *err);

#endif
