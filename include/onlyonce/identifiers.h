/* SPDX-License-Identifier: EUPL-1.2 */
/* Belgian identifiers: enterprise and establishment-unit numbers (KBO). */
#ifndef ONLYONCE_IDENTIFIERS_H
#define ONLYONCE_IDENTIFIERS_H

#include "onlyonce/status.h"

/* Normalises an enterprise or establishment-unit number as a user may type
 * it ("0314.595.348", "BE 0314 595 348", "314595348") into its 10 digits
 * in out (with NUL), then checks it: 10 digits, check digits equal to
 * 97 - (first 8 digits mod 97). A 9-digit legacy number gets a leading 0.
 * Fails with OO_EINVAL and a message naming the value otherwise. */
oo_status oo_kbo_number_normalize(char out[11], const char *input, oo_error *err);

/* Returns 1 when the 10-digit number starts with 0 or 1 (an enterprise),
 * 0 when it starts with 2 to 8 (an establishment unit). */
int oo_kbo_number_is_enterprise(const char digits[11]);

/* Writes the display form: "0314.595.348" for enterprises,
 * "2.147.812.897" for establishment units. out needs 14 bytes. */
void oo_kbo_number_format(char out[14], const char digits[11]);

#endif
