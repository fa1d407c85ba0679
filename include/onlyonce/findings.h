/* SPDX-License-Identifier: EUPL-1.2 */
/* Findings: what check and audit report, collected in a caller-owned list. */
#ifndef ONLYONCE_FINDINGS_H
#define ONLYONCE_FINDINGS_H

#include <stddef.h>

#include "onlyonce/status.h"

typedef enum { OO_SEVERITY_INFO = 0, OO_SEVERITY_WARNING = 1, OO_SEVERITY_ERROR = 2 } oo_severity;

/* One finding. All strings are owned by the list it sits in; any of them
 * except code and message may be NULL. line and column are 1-based, 0 when
 * unknown. For definitions, location is a JSON Pointer; for HTML pages it is
 * an element path such as "/html/body/form[1]/input[3]". */
typedef struct {
	const char *code;      /* stable code, such as "OO101" */
	const char *rule;      /* stable rule name, such as "authentic-data-by-hand" */
	oo_severity severity;
	const char *file;
	const char *location;
	int line;
	int column;
	const char *message;   /* what is wrong, naming the value */
	const char *fix;       /* what to do about it */
	const char *field;     /* id or name of the field concerned */
	const char *concept;   /* concept id, when one is involved */
	const char *source;    /* authentic source, such as "kbo" */
} oo_finding;

typedef struct oo_findings oo_findings;

/* Creates an empty list. Caller frees with oo_findings_free. */
oo_status oo_findings_new(oo_findings **out);

/* Appends a deep copy of f. */
oo_status oo_findings_add(oo_findings *list, const oo_finding *f);

size_t oo_findings_count(const oo_findings *list);

/* Returns the i-th finding, borrowed until the list changes or is freed. */
const oo_finding *oo_findings_at(const oo_findings *list, size_t i);

/* Returns 1 when some finding has at least severity sev. */
int oo_findings_has(const oo_findings *list, oo_severity sev);

/* Sorts by file, line, column and code, for stable output. */
void oo_findings_sort(oo_findings *list);

/* Returns "error", "warning" or "info". */
const char *oo_severity_name(oo_severity sev);

void oo_findings_free(oo_findings *list);

#endif
