/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/findings.h"

#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"

struct oo_findings {
	oo_finding *items;
	size_t count;
	size_t cap;
};

oo_status oo_findings_new(oo_findings **out)
{
	*out = oo_calloc(1, sizeof(**out));
	return *out ? OO_OK : OO_ENOMEM;
}

static void finding_clear(oo_finding *f)
{
	oo_free((char *)f->code);
	oo_free((char *)f->rule);
	oo_free((char *)f->file);
	oo_free((char *)f->location);
	oo_free((char *)f->message);
	oo_free((char *)f->fix);
	oo_free((char *)f->field);
	oo_free((char *)f->concept);
	oo_free((char *)f->source);
	memset(f, 0, sizeof(*f));
}

/* Copies s into *dst; a NULL s stays NULL. Returns 0 when memory ran out. */
static int copy_string(const char **dst, const char *s)
{
	if (!s) {
		*dst = NULL;
		return 1;
	}
	*dst = oo_strdup(s);
	return *dst != NULL;
}

oo_status oo_findings_add(oo_findings *list, const oo_finding *f)
{
	oo_finding copy;
	int ok = 1;

	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		oo_finding *items = oo_realloc(list->items, cap * sizeof(*items));

		if (!items)
			return OO_ENOMEM;
		list->items = items;
		list->cap = cap;
	}
	memset(&copy, 0, sizeof(copy));
	copy.severity = f->severity;
	copy.line = f->line;
	copy.column = f->column;
	ok &= copy_string(&copy.code, f->code ? f->code : "");
	ok &= copy_string(&copy.rule, f->rule);
	ok &= copy_string(&copy.file, f->file);
	ok &= copy_string(&copy.location, f->location);
	ok &= copy_string(&copy.message, f->message ? f->message : "");
	ok &= copy_string(&copy.fix, f->fix);
	ok &= copy_string(&copy.field, f->field);
	ok &= copy_string(&copy.concept, f->concept);
	ok &= copy_string(&copy.source, f->source);
	if (!ok) {
		finding_clear(&copy);
		return OO_ENOMEM;
	}
	list->items[list->count++] = copy;
	return OO_OK;
}

size_t oo_findings_count(const oo_findings *list)
{
	return list ? list->count : 0;
}

const oo_finding *oo_findings_at(const oo_findings *list, size_t i)
{
	return i < list->count ? &list->items[i] : NULL;
}

int oo_findings_has(const oo_findings *list, oo_severity sev)
{
	size_t i;

	for (i = 0; list && i < list->count; i++)
		if (list->items[i].severity >= sev)
			return 1;
	return 0;
}

static int compare_strings(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int compare_findings(const void *pa, const void *pb)
{
	const oo_finding *a = pa, *b = pb;
	int c = compare_strings(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->column != b->column)
		return a->column < b->column ? -1 : 1;
	c = compare_strings(a->code, b->code);
	if (c)
		return c;
	return compare_strings(a->location, b->location);
}

void oo_findings_sort(oo_findings *list)
{
	if (list && list->count > 1)
		qsort(list->items, list->count, sizeof(*list->items), compare_findings);
}

const char *oo_severity_name(oo_severity sev)
{
	switch (sev) {
	case OO_SEVERITY_ERROR: return "error";
	case OO_SEVERITY_WARNING: return "warning";
	case OO_SEVERITY_INFO: return "info";
	}
	return "info";
}

void oo_findings_free(oo_findings *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->count; i++)
		finding_clear(&list->items[i]);
	oo_free(list->items);
	oo_free(list);
}
