/* SPDX-License-Identifier: EUPL-1.2 */
/* The autofill detail tokens of the HTML Living Standard (the autocomplete
 * attribute): parsing a value against the grammar, checking that its field
 * name fits the control, and comparing it with a concept's token. */
#ifndef ONLYONCE_AUTOCOMPLETE_H
#define ONLYONCE_AUTOCOMPLETE_H

#include "onlyonce/form.h"

/* Longest value parsed, in bytes; a longer one is OO_AUTOCOMPLETE_TOO_LONG. */
#define OO_AUTOCOMPLETE_MAX 256

typedef enum {
	OO_AUTOCOMPLETE_OK = 0,
	OO_AUTOCOMPLETE_EMPTY,         /* no token at all */
	OO_AUTOCOMPLETE_TOO_LONG,      /* longer than OO_AUTOCOMPLETE_MAX */
	OO_AUTOCOMPLETE_UNKNOWN_NAME,  /* the last token is no autofill field name */
	OO_AUTOCOMPLETE_BAD_ORDER,     /* a token is unknown or out of place */
	OO_AUTOCOMPLETE_NOT_CONTACT,   /* home, work, mobile, fax or pager before a
					  field name that is no contact field */
	OO_AUTOCOMPLETE_ON_OFF_ALONE,  /* "on" or "off" with other tokens */
	OO_AUTOCOMPLETE_WRONG_CONTROL  /* the field name is not allowed on the control */
} oo_autocomplete_fault;

/* A parsed value. The strings point into static tables and live forever. */
typedef struct {
	const char *field_name; /* "given-name", "tel-national"; NULL for on and off */
	const char *mode;       /* "shipping", "billing" or NULL */
	const char *contact;    /* "home", "work", "mobile", "fax", "pager" or NULL */
	int has_section;        /* a section-* token leads */
	int webauthn;           /* a trailing webauthn token */
	int on_off;             /* 1 for "on", 2 for "off", else 0 */
} oo_autocomplete;

/* Parses value (ASCII case-insensitive, tokens separated by ASCII
 * whitespace) into *out. Returns OO_AUTOCOMPLETE_OK or the first fault
 * found; *out is zeroed on a fault. value may be NULL (EMPTY). */
oo_autocomplete_fault oo_autocomplete_parse(oo_autocomplete *out, const char *value);

/* Returns OO_AUTOCOMPLETE_WRONG_CONTROL when the parsed field name may not
 * sit on a control of type: tel-* names only on tel or text inputs, email
 * only on email or text, bday on date or text, street-address only on a
 * textarea or select, and no name on radios, checkboxes or file inputs.
 * Returns OO_AUTOCOMPLETE_OK otherwise. */
oo_autocomplete_fault oo_autocomplete_check_control(const oo_autocomplete *ac,
						    oo_field_type type);

/* Returns 1 when a field name given in a definition agrees with the field
 * name of its concept's token: the same name, a part of it (tel-national
 * for tel, bday-day for bday), or another way to write a street address
 * (address-line1 and street-address). */
int oo_autocomplete_agrees(const char *field_name, const char *concept_field_name);

/* Returns an English description of fault, such as "is not an autofill
 * field name". Static. */
const char *oo_autocomplete_fault_text(oo_autocomplete_fault fault);

#endif
