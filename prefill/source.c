/* SPDX-License-Identifier: EUPL-1.2 */
/* Opening a prefill source from its specification, and the lookup steps
 * that every kind of source shares: number checks, the blocks the forms'
 * concepts need, and the enterprise behind an establishment unit. */
#include "onlyonce/prefill.h"

#include <stdlib.h>
#include <string.h>

#include "magda_xml.h"
#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/identifiers.h"
#include "source.h"

#define EXPECTED_SPECS "\"fixtures\", \"fixtures:DIR\", \"magda:URL\" or \"kbo:FILE\""

static oo_status open_kind(oo_source *src, const char *name, const char *arg,
			   const oo_source_options *options, oo_error *err)
{
	if (strcmp(name, "fixtures") == 0)
		return oo_source__open_fixtures(src, arg, err);
	if (strcmp(name, "magda") == 0)
		return oo_source__open_magda(src, arg, options ? options->magda_config : NULL, err);
	return oo_source__open_kbo(src, arg, err);
}

/* Returns the kind named by spec up to its first ':' and points *arg after
 * that colon, or at NULL when spec has none. */
static const char *find_kind(const char *spec, const char **arg)
{
	static const char *const kinds[] = { "fixtures", "magda", "kbo" };
	const char *colon = strchr(spec, ':');
	size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
	size_t i;

	*arg = colon ? colon + 1 : NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strlen(kinds[i]) == len && strncmp(kinds[i], spec, len) == 0)
			return kinds[i];
	return NULL;
}

static oo_status check_spec(const char *spec, const char *kind, const char *arg, oo_error *err)
{
	if (!kind)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "unknown prefill source \"%s\": expected " EXPECTED_SPECS, spec);
	if (arg && !*arg)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "missing value after \"%s:\" in prefill source \"%s\"", kind, spec);
	if (!arg && strcmp(kind, "fixtures") != 0)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "missing value in prefill source \"%s\": use \"%s:%s\"", spec, kind,
				    strcmp(kind, "magda") == 0 ? "URL" : "FILE");
	return OO_OK;
}

oo_status oo_source_open_with(oo_source **out, const char *spec,
			      const oo_source_options *options, oo_error *err)
{
	const char *kind, *arg;
	oo_source *src;
	oo_status rc;

	*out = NULL;
	if (!spec || !*spec)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "missing prefill source: expected " EXPECTED_SPECS);
	kind = find_kind(spec, &arg);
	rc = check_spec(spec, kind, arg, err);
	if (rc != OO_OK)
		return rc;

	src = oo_calloc(1, sizeof(*src));
	if (!src)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory opening prefill source");
	src->kind = kind;
	if (options) {
		src->log = options->log;
		src->log_context = options->log_context;
	}
	rc = open_kind(src, kind, arg, options, err);
	if (rc != OO_OK) {
		oo_source_free(src);
		return rc;
	}
	*out = src;
	return OO_OK;
}

oo_status oo_source_open(oo_source **out, const char *spec, oo_error *err)
{
	return oo_source_open_with(out, spec, NULL, err);
}

oo_status oo_source_lookup(oo_source *src, const char *number, oo_record **out,
			   oo_error *err)
{
	char digits[11];
	oo_status rc;

	*out = NULL;
	if (!src)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "missing prefill source");
	rc = oo_kbo_number_normalize(digits, number, err);
	if (rc != OO_OK)
		return rc;
	src->retries = 0;
	rc = src->lookup(src, digits, OO_BLOCK_ALL, out, err);
	if (rc != OO_OK)
		return rc;
	if (!oo_record_retrieved(*out)) {
		char today[11];

		oo_magda__today(today);
		if (oo_record_set_retrieved(*out, today) != OO_OK) {
			oo_record_free(*out);
			*out = NULL;
			return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory looking up %s", digits);
		}
	}
	return OO_OK;
}

unsigned oo_source__blocks_for(const char *const *concepts, size_t count)
{
	unsigned blocks = 0;
	size_t i;

	if (!concepts)
		return OO_BLOCK_ALL;
	for (i = 0; i < count; i++) {
		if (!concepts[i])
			continue;
		if (strcmp(concepts[i], "enterprise.main_activity") == 0)
			blocks |= OO_BLOCK_ACTIVITIES;
		else if (strcmp(concepts[i], "enterprise.bank_account") == 0)
			blocks |= OO_BLOCK_BANK_ACCOUNTS;
		else if (strcmp(concepts[i], "enterprise.legal_form_label") == 0)
			blocks |= OO_BLOCK_DESCRIPTIONS;
	}
	return blocks;
}

static int needs_enterprise(const char *const *concepts, size_t count)
{
	size_t i;

	if (!concepts)
		return 1;
	for (i = 0; i < count; i++)
		if (concepts[i] && strncmp(concepts[i], "enterprise.", 11) == 0)
			return 1;
	return 0;
}

/* Appends note to the message of rec, after the text it contains already. */
static oo_status add_note(oo_record *rec, const char *note)
{
	const char *old = oo_record_message(rec);
	oo_buf text = OO_BUF_INIT;
	oo_status rc;

	oo_buf_printf(&text, "%s%s%s", old && *old ? old : "", old && *old ? "; " : "", note);
	rc = text.failed ? OO_ENOMEM : oo_record_set_message(rec, text.data);
	oo_buf_free(&text);
	return rc;
}

/* Copies the enterprise.* values of enterprise into unit. */
static oo_status merge_enterprise(oo_record *unit, const oo_record *enterprise)
{
	const char *concept, *value;
	oo_status rc = OO_OK;
	size_t i;

	for (i = 0; i < oo_record_count(enterprise) && rc == OO_OK; i++) {
		oo_record_at(enterprise, i, &concept, &value);
		if (strncmp(concept, "enterprise.", 11) == 0)
			rc = oo_record_set(unit, concept, value);
	}
	if (rc == OO_OK && oo_record_message(enterprise))
		rc = add_note(unit, oo_record_message(enterprise));
	return rc;
}

/* Writes into note why the enterprise behind a unit adds no values, or
 * merges its values into unit. Only running out of memory fails. */
static oo_status lookup_parent(oo_source *src, oo_record *unit, const char *parent,
			       unsigned blocks, oo_buf *note)
{
	oo_record *enterprise = NULL;
	char digits[11], shown[14];
	oo_error detail;
	oo_status rc = OO_OK;

	oo_error_clear(&detail);
	if (oo_kbo_number_normalize(digits, parent, &detail) != OO_OK) {
		oo_buf_printf(note, "the enterprise behind this establishment unit has an %s",
			      detail.message);
		return OO_OK;
	}
	oo_kbo_number_format(shown, digits);
	if (oo_source__cached_lookup(src, digits, blocks, &enterprise, &detail) != OO_OK) {
		if (detail.code == OO_ENOMEM)
			return OO_ENOMEM;
		oo_buf_printf(note, "lookup of enterprise %s failed: %s", shown, detail.message);
	} else if (oo_record_outcome(enterprise) != OO_LOOKUP_FOUND) {
		oo_buf_printf(note, "enterprise %s not found in KBO", shown);
	} else {
		rc = merge_enterprise(unit, enterprise);
	}
	oo_record_free(enterprise);
	return rc;
}

/* Adds the values of the enterprise behind the establishment unit in unit.
 * When that fails, the unit's values stay usable and the record message
 * says why the enterprise fields stay editable. */
static oo_status add_enterprise(oo_source *src, oo_record *unit, unsigned blocks, oo_error *err)
{
	const char *parent = oo_record_get(unit, OO_CONCEPT_PARENT);
	oo_buf note = OO_BUF_INIT;
	oo_status rc = OO_OK;

	if (!parent)
		oo_buf_puts(&note, "the answer does not name the enterprise behind this "
			    "establishment unit");
	else
		rc = lookup_parent(src, unit, parent, blocks, &note);
	if (rc == OO_OK && note.len)
		rc = note.failed ? OO_ENOMEM : add_note(unit, note.data);
	oo_buf_free(&note);
	if (rc != OO_OK)
		return oo_error_set(err, rc, NULL, 0, 0, "out of memory looking up an enterprise");
	return OO_OK;
}

oo_status oo_source_lookup_for(oo_source *src, const char *number,
			       const char *const *concepts, size_t count,
			       oo_record **out, oo_error *err)
{
	unsigned blocks = oo_source__blocks_for(concepts, count);
	char digits[11];
	oo_status rc;

	*out = NULL;
	if (!src)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "missing prefill source");
	rc = oo_kbo_number_normalize(digits, number, err);
	if (rc != OO_OK)
		return rc;
	rc = oo_source__cached_lookup(src, digits, blocks, out, err);
	if (rc != OO_OK)
		return rc;

	if (!oo_kbo_number_is_enterprise(digits) && oo_record_outcome(*out) == OO_LOOKUP_FOUND &&
	    needs_enterprise(concepts, count)) {
		rc = add_enterprise(src, *out, blocks, err);
		if (rc != OO_OK) {
			oo_record_free(*out);
			*out = NULL;
		}
	}
	return rc;
}

void oo_source_free(oo_source *src)
{
	if (!src)
		return;
	if (src->release)
		src->release(src->state);
	oo_source__cache_free(src->cache);
	oo_free(src);
}
