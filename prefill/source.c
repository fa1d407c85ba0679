/* SPDX-License-Identifier: EUPL-1.2 */
/* Opening a prefill source from its specification, and the lookup steps
 * that every kind of source shares. */
#include "onlyonce/prefill.h"

#include <string.h>

#include "magda_xml.h"
#include "onlyonce/alloc.h"
#include "onlyonce/identifiers.h"
#include "source.h"

typedef struct {
	const char *name;
	oo_status (*open)(oo_source *src, const char *arg, oo_error *err);
} source_kind;

/* TODO: the MAGDA SOAP client (libcurl, mutual TLS) is not built yet. */
static oo_status open_magda(oo_source *src, const char *arg, oo_error *err)
{
	(void)src;
	(void)arg;
	return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
			    "the MAGDA SOAP client is not available yet");
}

/* TODO: the KBO open-data store is not built yet. */
static oo_status open_kbo(oo_source *src, const char *arg, oo_error *err)
{
	(void)src;
	(void)arg;
	return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
			    "the KBO open-data source is not available yet");
}

static const source_kind kinds[] = {
	{ "fixtures", oo_source__open_fixtures },
	{ "magda", open_magda },
	{ "kbo", open_kbo },
};

/* Finds the kind named by spec up to its first ':' and points *arg after
 * that colon, or at NULL when spec has none. */
static const source_kind *find_kind(const char *spec, const char **arg)
{
	const char *colon = strchr(spec, ':');
	size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
	size_t i;

	*arg = colon ? colon + 1 : NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strlen(kinds[i].name) == len && strncmp(kinds[i].name, spec, len) == 0)
			return &kinds[i];
	return NULL;
}

oo_status oo_source_open(oo_source **out, const char *spec, oo_error *err)
{
	const source_kind *kind;
	const char *arg;
	oo_source *src;
	oo_status rc;

	*out = NULL;
	if (!spec || !*spec)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "missing prefill source: expected \"fixtures\" or \"fixtures:DIR\"");
	kind = find_kind(spec, &arg);
	if (!kind)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "unknown prefill source \"%s\": expected \"fixtures\" or \"fixtures:DIR\"",
				    spec);
	if (arg && !*arg)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "missing value after \"%s:\" in prefill source \"%s\"", kind->name, spec);

	src = oo_calloc(1, sizeof(*src));
	if (!src)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory opening prefill source");
	rc = kind->open(src, arg, err);
	if (rc != OO_OK) {
		oo_source_free(src);
		return rc;
	}
	*out = src;
	return OO_OK;
}

oo_status oo_source_lookup(oo_source *src, const char *number, oo_record **out,
			   oo_error *err)
{
	char digits[11], today[11];
	oo_status rc;

	*out = NULL;
	if (!src)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "missing prefill source");
	rc = oo_kbo_number_normalize(digits, number, err);
	if (rc != OO_OK)
		return rc;
	rc = src->lookup(src, digits, out, err);
	if (rc != OO_OK)
		return rc;

	oo_magda__today(today);
	if (oo_record_set_retrieved(*out, today) != OO_OK) {
		oo_record_free(*out);
		*out = NULL;
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory looking up %s", digits);
	}
	return OO_OK;
}

void oo_source_free(oo_source *src)
{
	if (!src)
		return;
	if (src->release)
		src->release(src->state);
	oo_free(src);
}
