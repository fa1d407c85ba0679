/* SPDX-License-Identifier: EUPL-1.2 */
/* Private to prefill/: what each kind of prefill source implements. */
#ifndef ONLYONCE_PREFILL_SOURCE_H
#define ONLYONCE_PREFILL_SOURCE_H

#include "onlyonce/prefill.h"

struct oo_source {
	/* Looks up a checked 10-digit number; the caller sets the retrieval
	 * date. Same contract as oo_source_lookup otherwise. */
	oo_status (*lookup)(oo_source *src, const char *digits, oo_record **out,
			    oo_error *err);
	/* Frees state; may be NULL. */
	void (*release)(void *state);
	void *state;
};

/* Opens a fixtures folder (arg is the folder, or NULL for the default). */
oo_status oo_source__open_fixtures(oo_source *src, const char *arg, oo_error *err);

#endif
