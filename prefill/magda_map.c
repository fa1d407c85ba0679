/* SPDX-License-Identifier: EUPL-1.2 */
/* Maps the Onderneming element of a GeefOnderneming answer to concept ids.
 * Lists in the answer keep their history (ended names, old addresses and
 * accounts), so each value is taken from the entry active today. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "magda_xml.h"
#include "onlyonce/alloc.h"

/* Concept ids are at most "enterprise.registered_address.house_number". */
#define CONCEPT_MAX 96

/* Stores the normalised text of node under concept; an absent or empty node
 * leaves the concept unset. */
static oo_status put_text(oo_record *rec, const char *concept, const xmlNode *node)
{
	char *value = NULL;
	oo_status rc = oo_magda__text(&value, node);

	if (rc == OO_OK)
		rc = oo_record_set(rec, concept, value);
	oo_free(value);
	return rc;
}

static oo_status put_prefixed(oo_record *rec, const char *prefix, const char *field,
			      const xmlNode *node)
{
	char concept[CONCEPT_MAX];

	snprintf(concept, sizeof(concept), "%s.%s", prefix, field);
	return put_text(rec, concept, node);
}

/* Rank of a Taalcode: Dutch first, then French, then any other language. */
static int language_rank(const xmlNode *taalcode)
{
	if (oo_magda__text_is(taalcode, "nl"))
		return 0;
	if (oo_magda__text_is(taalcode, "fr"))
		return 1;
	return 2;
}

static int begins_later(const xmlNode *a, const xmlNode *b)
{
	const char *begin_a = oo_magda__attr(a, "DatumBegin");
	const char *begin_b = oo_magda__attr(b, "DatumBegin");

	return begin_a && (!begin_b || strcmp(begin_a, begin_b) > 0);
}

/* Returns the Naam of the active item (MaatschappelijkeNaam, AfgekorteNaam
 * or CommercieleNaam) in list with the best language, the one that began
 * last when two share a language; NULL when none is active. */
static const xmlNode *pick_name(const xmlNode *list, const char *item, const char *today)
{
	const xmlNode *node, *best = NULL;
	int rank, best_rank = 3;

	for (node = oo_magda__child(list, item); node; node = oo_magda__next(node, item)) {
		if (!oo_magda__is_active(node, today))
			continue;
		rank = language_rank(oo_magda__child(node, "Taalcode"));
		if (rank < best_rank || (rank == best_rank && begins_later(node, best))) {
			best = node;
			best_rank = rank;
		}
	}
	return oo_magda__child(best, "Naam");
}

static const xmlNode *names_of(const xmlNode *namen, const char *list, const char *item,
			       const char *today)
{
	return pick_name(oo_magda__child(namen, list), item, today);
}

static oo_status map_enterprise_names(oo_record *rec, const xmlNode *namen, const char *today)
{
	oo_status rc;

	rc = put_text(rec, "enterprise.legal_name",
		      names_of(namen, "MaatschappelijkeNamen", "MaatschappelijkeNaam", today));
	if (rc == OO_OK)
		rc = put_text(rec, "enterprise.abbreviation",
			      names_of(namen, "AfgekorteNamen", "AfgekorteNaam", today));
	if (rc == OO_OK)
		rc = put_text(rec, "enterprise.commercial_name",
			      names_of(namen, "CommercieleNamen", "CommercieleNaam", today));
	return rc;
}

/* An establishment unit usually carries only a commercial name; its legal
 * name, when the answer has one, is the fallback. */
static oo_status map_establishment_name(oo_record *rec, const xmlNode *namen, const char *today)
{
	const xmlNode *name = names_of(namen, "CommercieleNamen", "CommercieleNaam", today);

	if (!name)
		name = names_of(namen, "MaatschappelijkeNamen", "MaatschappelijkeNaam", today);
	return put_text(rec, "establishment.name", name);
}

/* Returns the active Adres in Adressen whose Type/Code is type_code
 * ("001" registered office, "002" establishment unit), or NULL. */
static const xmlNode *pick_address(const xmlNode *adressen, const char *type_code,
				   const char *today)
{
	const xmlNode *adres;

	for (adres = oo_magda__child(adressen, "Adres"); adres; adres = oo_magda__next(adres, "Adres"))
		if (oo_magda__is_active(adres, today) &&
		    oo_magda__text_is(oo_magda__path(adres, "Type/Code"), type_code))
			return adres;
	return NULL;
}

/* Returns the Descriptie of adres in Dutch or without a language, else the
 * first one. MAGDA puts street and municipality names only here. */
static const xmlNode *pick_description(const xmlNode *adres)
{
	const xmlNode *list = oo_magda__child(adres, "Descripties");
	const xmlNode *node, *taalcode;

	for (node = oo_magda__child(list, "Descriptie"); node; node = oo_magda__next(node, "Descriptie")) {
		taalcode = oo_magda__child(node, "Taalcode");
		if (!taalcode || oo_magda__text_is(taalcode, "nl") || oo_magda__text_is(taalcode, ""))
			return node;
	}
	return oo_magda__child(list, "Descriptie");
}

/* Returns the element at path under the description, else under the
 * address itself, where MAGDA leaves names normally empty. */
static const xmlNode *described(const xmlNode *descr, const xmlNode *adres, const char *path)
{
	const xmlNode *node = oo_magda__path(oo_magda__child(descr, "Adres"), path);

	return node ? node : oo_magda__path(adres, path);
}

static const xmlNode *country_of(const xmlNode *descr, const xmlNode *adres)
{
	const xmlNode *name = described(descr, adres, "Land/Naam");

	return name ? name : oo_magda__path(adres, "Land/ISOCode");
}

static oo_status map_address(oo_record *rec, const char *prefix, const xmlNode *adres)
{
	const xmlNode *descr = pick_description(adres);
	oo_status rc;

	rc = put_prefixed(rec, prefix, "street", described(descr, adres, "Straat/Naam"));
	if (rc == OO_OK)
		rc = put_prefixed(rec, prefix, "house_number", oo_magda__child(adres, "Huisnummer"));
	if (rc == OO_OK)
		rc = put_prefixed(rec, prefix, "box", oo_magda__child(adres, "Busnummer"));
	if (rc == OO_OK)
		rc = put_prefixed(rec, prefix, "postcode", oo_magda__path(adres, "Gemeente/PostCode"));
	if (rc == OO_OK)
		rc = put_prefixed(rec, prefix, "municipality", described(descr, adres, "Gemeente/Naam"));
	if (rc == OO_OK)
		rc = put_prefixed(rec, prefix, "country", country_of(descr, adres));
	return rc;
}

/* Contact data hangs on an address description, not on the enterprise.
 * Takes the chosen description's Contact, else the first one present. */
static const xmlNode *pick_contact(const xmlNode *adres)
{
	const xmlNode *contact = oo_magda__child(pick_description(adres), "Contact");
	const xmlNode *node;

	for (node = oo_magda__path(adres, "Descripties/Descriptie"); node && !contact;
	     node = oo_magda__next(node, "Descriptie"))
		contact = oo_magda__child(node, "Contact");
	return contact;
}

static oo_status map_contact(oo_record *rec, const xmlNode *adres)
{
	const xmlNode *contact = pick_contact(adres);
	const xmlNode *phone = oo_magda__child(contact, "Telefoonnummer");
	oo_status rc;

	if (!phone)
		phone = oo_magda__child(contact, "GSM");
	rc = put_text(rec, "enterprise.phone", phone);
	if (rc == OO_OK)
		rc = put_text(rec, "enterprise.email", oo_magda__child(contact, "Email"));
	if (rc == OO_OK)
		rc = put_text(rec, "enterprise.website", oo_magda__child(contact, "Website"));
	return rc;
}

/* Returns the active child named item of list that began last. */
static const xmlNode *pick_latest(const xmlNode *list, const char *item, const char *today)
{
	const xmlNode *node, *best = NULL;

	for (node = oo_magda__child(list, item); node; node = oo_magda__next(node, item))
		if (oo_magda__is_active(node, today) && (!best || begins_later(node, best)))
			best = node;
	return best;
}

/* The code goes to enterprise.legal_form; the label comes from the answer's
 * Omschrijving (present when Omschrijvingen was requested), else from the
 * table of common codes. */
static oo_status map_legal_form(oo_record *rec, const xmlNode *ond, const char *today)
{
	const xmlNode *form = pick_latest(oo_magda__child(ond, "Rechtsvormen"), "Rechtsvorm", today);
	const xmlNode *description = oo_magda__child(form, "Omschrijving");
	char code[8];
	oo_status rc;

	rc = put_text(rec, "enterprise.legal_form", oo_magda__child(form, "Code"));
	if (rc != OO_OK || !form)
		return rc;
	if (oo_magda__text_copy(NULL, 0, description) > 0)
		return put_text(rec, "enterprise.legal_form_label", description);
	if (oo_magda__text_copy(code, sizeof(code), oo_magda__child(form, "Code")) >= sizeof(code))
		return OO_OK;
	return oo_record_set(rec, "enterprise.legal_form_label", oo_magda__legal_form_label(code));
}

/* NACE versions are years (2003, 2008, 2025); the newest version is the
 * one KBO currently codes activities in. */
static long nace_version(const xmlNode *activiteit)
{
	char text[8];
	size_t len = oo_magda__text_copy(text, sizeof(text), oo_magda__path(activiteit, "Nace/Versie"));

	return len > 0 && len < sizeof(text) ? strtol(text, NULL, 10) : 0;
}

/* Main activity: the active Activiteit of type P (hoofdactiviteit) with the
 * newest NACE version. */
static oo_status map_main_activity(oo_record *rec, const xmlNode *ond, const char *today)
{
	const xmlNode *list = oo_magda__child(ond, "Activiteiten");
	const xmlNode *node, *best = NULL;

	for (node = oo_magda__child(list, "Activiteit"); node; node = oo_magda__next(node, "Activiteit")) {
		if (!oo_magda__is_active(node, today) ||
		    !oo_magda__text_is(oo_magda__path(node, "Type/Code"), "P"))
			continue;
		if (!best || nace_version(node) > nace_version(best))
			best = node;
	}
	return put_text(rec, "enterprise.main_activity", oo_magda__path(best, "Nace/Code"));
}

/* Bank account: the IBAN of the active account that began last. */
static oo_status map_bank_account(oo_record *rec, const xmlNode *ond, const char *today)
{
	const xmlNode *list = oo_magda__child(ond, "Bankrekeningen");
	const xmlNode *node, *best = NULL;

	for (node = oo_magda__child(list, "Bankrekeningnummer"); node;
	     node = oo_magda__next(node, "Bankrekeningnummer")) {
		if (!oo_magda__is_active(node, today) || !oo_magda__child(node, "IBAN"))
			continue;
		if (!best || begins_later(node, best))
			best = node;
	}
	return put_text(rec, "enterprise.bank_account", oo_magda__child(best, "IBAN"));
}

static oo_status map_enterprise(oo_record *rec, const xmlNode *ond, const char *today)
{
	const xmlNode *office = pick_address(oo_magda__child(ond, "Adressen"), "001", today);
	oo_status rc;

	oo_record_set_entity(rec, OO_ENTITY_ENTERPRISE);
	rc = put_text(rec, "enterprise.number", oo_magda__child(ond, "Ondernemingsnummer"));
	if (rc == OO_OK)
		rc = map_enterprise_names(rec, oo_magda__child(ond, "Namen"), today);
	if (rc == OO_OK)
		rc = map_legal_form(rec, ond, today);
	if (rc == OO_OK)
		rc = put_text(rec, "enterprise.status", oo_magda__path(ond, "StatusKBO/Code"));
	if (rc == OO_OK)
		rc = put_text(rec, "enterprise.start_date", oo_magda__path(ond, "Start/Datum"));
	if (rc == OO_OK && office)
		rc = map_address(rec, "enterprise.registered_address", office);
	if (rc == OO_OK && office)
		rc = map_contact(rec, office);
	if (rc == OO_OK)
		rc = map_main_activity(rec, ond, today);
	if (rc == OO_OK)
		rc = map_bank_account(rec, ond, today);
	return rc;
}

/* Querying an establishment-unit number returns a record coded as a
 * Vestiging whose address has type 002. MaatschappelijkeZetel, when the
 * answer has it, names the enterprise the unit belongs to. */
static oo_status map_establishment(oo_record *rec, const xmlNode *ond, const char *today)
{
	const xmlNode *adressen = oo_magda__child(ond, "Adressen");
	const xmlNode *adres = pick_address(adressen, "002", today);
	oo_status rc;

	oo_record_set_entity(rec, OO_ENTITY_ESTABLISHMENT);
	if (!adres)
		adres = pick_address(adressen, "001", today);
	rc = put_text(rec, "establishment.number", oo_magda__child(ond, "Ondernemingsnummer"));
	if (rc == OO_OK)
		rc = put_text(rec, "establishment.enterprise_number",
			      oo_magda__path(ond, "MaatschappelijkeZetel/Ondernemingsnummer"));
	if (rc == OO_OK)
		rc = map_establishment_name(rec, oo_magda__child(ond, "Namen"), today);
	if (rc == OO_OK && adres)
		rc = map_address(rec, "establishment.address", adres);
	if (rc == OO_OK)
		rc = put_text(rec, "establishment.start_date", oo_magda__path(ond, "Start/Datum"));
	return rc;
}

/* OndernemingOfVestiging/Code is 1 for an enterprise and 2 for an
 * establishment unit; without it, the first digit of the number decides. */
static int is_establishment(const xmlNode *ond)
{
	const xmlNode *code = oo_magda__path(ond, "OndernemingOfVestiging/Code");
	char number[16];

	if (code)
		return oo_magda__text_is(code, "2");
	oo_magda__text_copy(number, sizeof(number), oo_magda__child(ond, "Ondernemingsnummer"));
	return number[0] >= '2' && number[0] <= '8';
}

oo_status oo_magda__map(oo_record *rec, const xmlNode *onderneming, const char *today)
{
	if (is_establishment(onderneming))
		return map_establishment(rec, onderneming, today);
	return map_enterprise(rec, onderneming, today);
}
