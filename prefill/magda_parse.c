/* SPDX-License-Identifier: EUPL-1.2 */
/* GeefOnderneming-02.00 responses: SOAP faults, MAGDA exceptions and the
 * answer itself, turned into a record. */
#include "onlyonce/prefill.h"

#include <string.h>

#include "magda_xml.h"
#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/identifiers.h"

#define KBO_SOURCE_LABEL "Kruispuntbank van Ondernemingen (KBO)"

/* MAGDA exception codes with their own handling. */
#define EXC_NOT_FOUND "40046"      /* number does not exist in KBO */
#define EXC_INVALID_NUMBER "20007" /* number has an invalid structure */
#define EXC_KBO_FAILURE "40033"    /* internal error in KBO */

/* Maximum length of a Diagnose or fault text that a message quotes. */
#define DIAGNOSE_MAX 200

/* Summary of the Uitzondering elements of a reply. */
typedef struct {
	int not_found;                   /* 40046 seen, whatever its Type */
	int has_error;                   /* another exception of type FOUT seen */
	char error_code[16];             /* code of the first such FOUT */
	char error_diagnose[DIAGNOSE_MAX];
	oo_buf warnings;                 /* WAARSCHUWING and INFORMATIE texts */
} exceptions;

/* Copies the normalised text of node into dst, cut at a UTF-8 character
 * boundary and ended with "..." when it does not fit. */
static void copy_cut(char *dst, size_t cap, const xmlNode *node)
{
	size_t pos;

	if (oo_magda__text_copy(dst, cap, node) < cap)
		return;
	pos = cap - 4;
	while (pos > 0 && ((unsigned char)dst[pos] & 0xC0) == 0x80)
		pos--;
	memcpy(dst + pos, "...", 4);
}

static void note_exception(exceptions *ex, const xmlNode *uitzondering)
{
	char id[16], type[16], diagnose[DIAGNOSE_MAX];
	int is_warning;

	copy_cut(id, sizeof(id), oo_magda__child(uitzondering, "Identificatie"));
	copy_cut(type, sizeof(type), oo_magda__child(uitzondering, "Type"));
	copy_cut(diagnose, sizeof(diagnose), oo_magda__child(uitzondering, "Diagnose"));

	/* MAGDA documents 40046 as FOUT, real answers send it as INFORMATIE:
	 * match on the code alone. */
	if (strcmp(id, EXC_NOT_FOUND) == 0) {
		ex->not_found = 1;
		return;
	}
	is_warning = strcmp(type, "WAARSCHUWING") == 0 || strcmp(type, "INFORMATIE") == 0;
	if (!is_warning) {
		if (!ex->has_error) {
			ex->has_error = 1;
			memcpy(ex->error_code, id, sizeof(id));
			memcpy(ex->error_diagnose, diagnose, sizeof(diagnose));
		}
		return;
	}
	oo_buf_printf(&ex->warnings, "%sMAGDA %s %s: %s", ex->warnings.len ? "; " : "",
		      strcmp(type, "WAARSCHUWING") == 0 ? "warning" : "information", id, diagnose);
}

/* Exceptions sit under Repliek/Uitzonderingen (request-level) and under
 * Antwoord/Uitzonderingen (answer-level); both count. */
static void scan_exceptions(exceptions *ex, const xmlNode *node)
{
	const xmlNode *child;

	for (child = node->children; child; child = child->next) {
		if (child->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)child->name, "Uitzondering") == 0)
			note_exception(ex, child);
		else
			scan_exceptions(ex, child);
	}
}

static oo_status exception_error(const exceptions *ex, oo_error *err)
{
	const char *diagnose = ex->error_diagnose[0] ? ex->error_diagnose : "no Diagnose given";

	if (strcmp(ex->error_code, EXC_INVALID_NUMBER) == 0)
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
				    "invalid enterprise number (MAGDA error %s: %s)",
				    ex->error_code, diagnose);
	if (strcmp(ex->error_code, EXC_KBO_FAILURE) == 0)
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
				    "KBO source error (MAGDA error %s: %s); try again later",
				    ex->error_code, diagnose);
	return oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "MAGDA error %s: %s",
			    ex->error_code[0] ? ex->error_code : "without code", diagnose);
}

/* SOAP 1.1 puts the text in faultstring, SOAP 1.2 in Reason/Text. The
 * MAGDA gateway adds a detail/message, e.g. the throttle rate. */
static oo_status fault_error(const xmlNode *fault, oo_error *err)
{
	char text[DIAGNOSE_MAX], detail[DIAGNOSE_MAX];
	const xmlNode *reason = oo_magda__child(fault, "faultstring");

	if (!reason)
		reason = oo_magda__find(oo_magda__child(fault, "Reason"), "Text");
	copy_cut(text, sizeof(text), reason);
	copy_cut(detail, sizeof(detail), oo_magda__find(oo_magda__child(fault, "detail"), "message"));
	if (!text[0])
		copy_cut(text, sizeof(text), oo_magda__child(fault, "faultcode"));
	return oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "MAGDA SOAP fault: %s%s%s%s",
			    text[0] ? text : "no fault text given", detail[0] ? " (" : "",
			    detail, detail[0] ? ")" : "");
}

/* Replaces the number in the record by its checked 10-digit form. */
static oo_status check_number(oo_record *rec, oo_error *err)
{
	const char *concept = oo_record_entity(rec) == OO_ENTITY_ESTABLISHMENT ?
			      "establishment.number" : "enterprise.number";
	const char *value = oo_record_get(rec, concept);
	char digits[11];
	oo_error detail;

	if (!value)
		return oo_error_set(err, OO_EPARSE, NULL, 0, 0,
				    "MAGDA answer has no Ondernemingsnummer");
	if (oo_kbo_number_normalize(digits, value, &detail) != OO_OK)
		return oo_error_set(err, OO_EPARSE, NULL, 0, 0,
				    "MAGDA answer has an %s", detail.message);
	if (oo_record_set(rec, concept, digits) != OO_OK)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory parsing MAGDA response");
	return OO_OK;
}

static oo_status fill_found(oo_record *rec, const xmlNode *repliek, const exceptions *ex,
			    const char *today, oo_error *err)
{
	const xmlNode *ond = oo_magda__path(repliek, "Antwoorden/Antwoord/Inhoud/Onderneming");
	oo_status rc;

	if (!ond)
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
				    "MAGDA answer has neither Inhoud/Onderneming nor an exception");
	oo_record_set_outcome(rec, OO_LOOKUP_FOUND);
	rc = oo_magda__map(rec, ond, today);
	if (rc == OO_OK && ex->warnings.len)
		rc = oo_record_set_message(rec, ex->warnings.data);
	if (rc != OO_OK)
		return oo_error_set(err, rc, NULL, 0, 0, "out of memory parsing MAGDA response");
	return check_number(rec, err);
}

static oo_status build_record(oo_record **out, const xmlNode *repliek, const exceptions *ex,
			      const char *today, oo_error *err)
{
	oo_record *rec = NULL;
	oo_status rc;

	if (oo_record_new(&rec) != OO_OK || oo_record_set_source(rec, KBO_SOURCE_LABEL) != OO_OK) {
		oo_record_free(rec);
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory parsing MAGDA response");
	}
	if (ex->not_found) {
		oo_record_set_outcome(rec, OO_LOOKUP_NOT_FOUND);
		rc = oo_record_set_message(rec, "enterprise number not found in KBO");
		if (rc != OO_OK)
			oo_error_set(err, rc, NULL, 0, 0, "out of memory parsing MAGDA response");
	} else {
		rc = fill_found(rec, repliek, ex, today, err);
	}
	if (rc != OO_OK) {
		oo_record_free(rec);
		return rc;
	}
	*out = rec;
	return OO_OK;
}

oo_status oo_magda_parse_on(oo_record **out, const char *xml, size_t len,
			    const char *today, oo_error *err)
{
	xmlDoc *doc = NULL;
	const xmlNode *root, *fault, *repliek;
	exceptions ex;
	char local_today[11];
	oo_status rc;

	*out = NULL;
	memset(&ex, 0, sizeof(ex));
	if (!today) {
		oo_magda__today(local_today);
		today = local_today;
	}

	rc = oo_magda__read(&doc, xml, len, err);
	if (rc != OO_OK)
		goto cleanup;
	root = xmlDocGetRootElement(doc);
	fault = oo_magda__path(root, "Body/Fault");
	if (fault) {
		rc = fault_error(fault, err);
		goto cleanup;
	}
	repliek = oo_magda__find(root, "Repliek");
	if (!repliek) {
		rc = oo_error_set(err, OO_EPARSE, NULL, 0, 0,
				  "not a GeefOnderneming response: no Repliek element");
		goto cleanup;
	}

	scan_exceptions(&ex, repliek);
	if (ex.warnings.failed) {
		rc = oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory parsing MAGDA response");
		goto cleanup;
	}
	if (!ex.not_found && ex.has_error) {
		rc = exception_error(&ex, err);
		goto cleanup;
	}
	rc = build_record(out, repliek, &ex, today, err);

cleanup:
	oo_buf_free(&ex.warnings);
	xmlFreeDoc(doc);
	return rc;
}

oo_status oo_magda_parse(oo_record **out, const char *xml, size_t len, oo_error *err)
{
	return oo_magda_parse_on(out, xml, len, NULL, err);
}
