/* SPDX-License-Identifier: EUPL-1.2 */
/* Drafts an only-once definition from an audited form: what the consultant
 * hands the web editor as a start. Every choice the draft makes is written
 * into the purpose of the field concerned, so the editor can check it. */
#include "audit_private.h"
#include "match_private.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"

/* Maximum length of an id that the definition schema accepts. */
#define ID_MAX 64

/* Texts the draft writes, per language of the audited form. "%s" is the
 * label of the original field, or the source's name. */
typedef struct {
	const char *description;   /* %s: the audited file */
	const char *owner;
	const char *legal_basis;
	const char *new_question;  /* %s: label */
	const char *prefilled;     /* %s: source, %s: label */
	const char *kept_concept;  /* %s: label */
	const char *key_added;     /* %s: source */
	const char *key_kept;      /* %s: source */
	const char *dropped;       /* heading of the list of dropped fields */
	const char *remarks;
	const char *sources[3];    /* KBO, Rijksregister, address register */
} draft_texts;

static const draft_texts texts_nl = {
	"Ontwerp dat onlyonce audit maakte uit %s. Kijk het na voor u het gebruikt.",
	"Aan te vullen: de dienst die de aanvraag behandelt",
	"Aan te vullen: het reglement waarop het formulier steunt",
	"Nieuwe vraag, overgenomen uit het bestaande formulier (\"%s\"). Vul aan waarom ze nodig is.",
	"Komt uit %s en wordt vooraf ingevuld; het bestaande formulier vroeg het met de hand (\"%s\").",
	"Overgenomen uit het bestaande formulier (\"%s\"); geen authentieke bron heeft dit gegeven.",
	"Toegevoegd door de audit: met dit nummer haalt de gemeente de gegevens op bij %s.",
	"Identificeert de aanvrager; met dit nummer haalt de gemeente de gegevens op bij %s.",
	"Weggelaten omdat de overheid ze zelf heeft:",
	"Opmerkingen",
	{ "de KBO", "het Rijksregister", "het Gebouwen- en Adressenregister" },
};

static const draft_texts texts_fr = {
	"Projet créé par onlyonce audit à partir de %s. Vérifiez-le avant usage.",
	"À compléter : le service qui traite la demande",
	"À compléter : le règlement sur lequel repose le formulaire",
	"Nouvelle question reprise du formulaire existant (« %s »). Précisez pourquoi elle est nécessaire.",
	"Provient de %s et est prérempli ; le formulaire existant le demandait à la main (« %s »).",
	"Repris du formulaire existant (« %s ») ; aucune source authentique ne détient cette donnée.",
	"Ajouté par l'audit : avec ce numéro, la commune obtient les données auprès de %s.",
	"Identifie le demandeur ; avec ce numéro, la commune obtient les données auprès de %s.",
	"Supprimés parce que l'administration les détient :",
	"Remarques",
	{ "la BCE", "le Registre national", "le registre des bâtiments et adresses" },
};

static const draft_texts texts_en = {
	"Draft made by onlyonce audit from %s. Review it before use.",
	"To complete: the department that handles the application",
	"To complete: the regulation the form rests on",
	"New question taken over from the existing form (\"%s\"). Add why it is needed.",
	"Comes from %s and is prefilled; the existing form asked it by hand (\"%s\").",
	"Taken over from the existing form (\"%s\"); no authentic source holds this datum.",
	"Added by the audit: with this number the municipality fetches the data from %s.",
	"Identifies the applicant; with this number the municipality fetches the data from %s.",
	"Left out because the government holds them:",
	"Remarks",
	{ "KBO", "the Rijksregister", "the Gebouwen- en Adressenregister" },
};

typedef struct {
	const oo_form *form;
	const oo_catalog *cat;
	const oo_matcher *m;
	const draft_texts *t;
	const char *lang;
	json_t *sections;       /* the draft's sections, borrowed from doc */
	json_t *fields;         /* fields of the current section */
	const char *section_context;
	json_t *used_ids;       /* object: field ids taken */
	json_t *used_concepts;  /* object: concepts asked */
	oo_buf dropped;         /* labels of the fields left out */
	json_t *needed_keys;    /* object: key concept -> source that needs it */
} drafter;

/* Returns how the draft's language names source. */
static const char *source_name(const drafter *d, const char *source)
{
	static const char *const ids[3] = { "kbo", "rijksregister", "adressenregister" };
	size_t i;

	for (i = 0; source && i < 3; i++)
		if (strcmp(source, ids[i]) == 0)
			return d->t->sources[i];
	return oo_audit__source_name(source);
}

static json_t *text_json(const drafter *d, const char *s)
{
	return json_pack("{s:s}", d->lang, s && *s ? s : "-");
}

static json_t *textf(const drafter *d, const char *fmt, const char *a, const char *b)
{
	char buf[1024];

	snprintf(buf, sizeof(buf), fmt, a, b);
	return text_json(d, buf);
}

/* Turns s into an id of the schema: lower case letters, digits and sep,
 * starting with a letter, at most ID_MAX bytes. */
static void make_id(char *out, size_t size, const char *s, char sep, const char *prefix)
{
	size_t n = 0;

	if (!s || !isalpha((unsigned char)*s))
		n = (size_t)snprintf(out, size, "%s", prefix);
	for (; s && *s && n + 1 < size && n < ID_MAX - 4; s++) {
		unsigned char c = (unsigned char)*s;

		out[n++] = isalnum(c) && c < 0x80 ? (char)tolower(c) : sep;
	}
	out[n] = '\0';
}

static const char *unique_id(drafter *d, char *id, size_t size)
{
	size_t base = strlen(id);
	unsigned n;

	for (n = 2; json_object_get(d->used_ids, id); n++)
		snprintf(id + base, size - base, "_%u", n);
	json_object_set_new(d->used_ids, id, json_true());
	return id;
}

static json_t *new_field(drafter *d, const char *source_id)
{
	char id[ID_MAX + 8];

	make_id(id, sizeof(id), source_id, '_', "veld_");
	return json_pack("{s:s}", "id", unique_id(d, id, sizeof(id)));
}

/* Opens a new section when the field's context differs from the current
 * one: a draft keeps the blocks of the original form. */
static void section_for(drafter *d, const oo_field *f)
{
	const char *context = f->context && *f->context ? f->context : NULL;
	const char *title = oo_text_get(&d->form->title, d->form->default_language);
	char id[32], heading[OO_AUDIT_TEXT_MAX];
	const char *slash;

	if (d->fields && ((!context && !d->section_context) ||
			  (context && d->section_context && strcmp(context, d->section_context) == 0)))
		return;
	d->section_context = context;
	snprintf(heading, sizeof(heading), "%s", context ? context : (title ? title : d->form->id));
	slash = strstr(heading, " / ");
	if (slash)
		heading[slash - heading] = '\0';
	snprintf(id, sizeof(id), "sectie-%zu", json_array_size(d->sections) + 1);
	d->fields = json_array();
	json_array_append_new(d->sections, json_pack("{s:s, s:o, s:O}", "id", id, "title",
						     text_json(d, heading), "fields", d->fields));
	json_decref(d->fields); /* the section holds the reference now */
}

static void append_field(drafter *d, const oo_field *f, json_t *field)
{
	section_for(d, f);
	json_array_append_new(d->fields, field);
}

static const char *label_of(const drafter *d, const oo_field *f)
{
	const char *label = oo_text_get(&f->label, d->form->default_language);

	if (label && *label)
		return label;
	if (f->placeholder && *f->placeholder)
		return f->placeholder;
	return oo_audit__field_label(f);
}

static void note_dropped(drafter *d, const oo_field *f, const char *concept)
{
	oo_buf_printf(&d->dropped, " \"%s\" (%s);", label_of(d, f), concept ? concept : "");
}

static void need_key(drafter *d, const oo_concept *c)
{
	if (c->key && !json_object_get(d->needed_keys, c->key))
		json_object_set_new(d->needed_keys, c->key, json_string(c->source));
}

static int is_key(const oo_concept *c)
{
	return c->key && strcmp(c->key, c->id) == 0;
}

/* Binds f to concept c: prefilled from the source when one holds it. */
static void add_concept_field(drafter *d, const oo_field *f, const oo_concept *c)
{
	json_t *field = new_field(d, f->id);
	int authentic = oo_concept_is_authentic(c) && c->kind == OO_CONCEPT_DATUM && !is_key(c);

	json_object_set_new(field, "concept", json_string(c->id));
	if (is_key(c)) {
		json_object_set_new(field, "purpose", textf(d, d->t->key_kept,
			source_name(d, c->source), NULL));
		json_object_set_new(field, "required", json_true());
	} else if (authentic) {
		json_object_set_new(field, "purpose", textf(d, d->t->prefilled,
			source_name(d, c->source), label_of(d, f)));
		need_key(d, c);
	} else {
		json_object_set_new(field, "purpose", textf(d, d->t->kept_concept, label_of(d, f), NULL));
		if (f->required)
			json_object_set_new(field, "required", json_true());
	}
	json_object_set_new(d->used_concepts, c->id, json_true());
	append_field(d, f, field);
}

static void add_options(drafter *d, json_t *field, const oo_field *f)
{
	json_t *options = json_array(), *seen = json_object();
	size_t i;

	for (i = 0; i < f->option_count; i++) {
		const oo_option *o = &f->options[i];
		const char *label = oo_text_get(&o->label, d->form->default_language);

		if (!o->value || !*o->value || json_object_get(seen, o->value) ||
		    strlen(o->value) > 200)
			continue;
		json_object_set_new(seen, o->value, json_true());
		json_array_append_new(options, json_pack("{s:s, s:o}", "value", o->value, "label",
							 text_json(d, label && *label ? label : o->value)));
	}
	json_decref(seen);
	if (json_array_size(options))
		json_object_set_new(field, "options", options);
	else {
		json_decref(options);
		json_object_set_new(field, "type", json_string("text"));
	}
}

static const char *draft_type(const oo_field *f)
{
	return f->type == OO_FIELD_OTHER || f->type == OO_FIELD_HIDDEN ? "text"
	       : oo_field_type_name(f->type);
}

/* Keeps a question no source answers, with its own type and label. */
static void add_own_field(drafter *d, const oo_field *f, const oo_concept *document)
{
	json_t *field = new_field(d, f->id);

	json_object_set_new(field, "type", json_string(draft_type(f)));
	json_object_set_new(field, "label", text_json(d, label_of(d, f)));
	json_object_set_new(field, "purpose", textf(d, d->t->new_question, label_of(d, f), NULL));
	if (f->required)
		json_object_set_new(field, "required", json_true());
	if (document && !json_object_get(d->used_concepts, document->id)) {
		json_object_set_new(field, "document", json_string(document->id));
		json_object_set_new(d->used_concepts, document->id, json_true());
	}
	if (f->type == OO_FIELD_RADIO || f->type == OO_FIELD_SELECT || f->type == OO_FIELD_CHECKBOXES)
		add_options(d, field, f);
	append_field(d, f, field);
}

/* Returns the concept of f: the audit's, else the one onlyonce check would
 * read in the label and id the draft gives the field, so that the draft
 * and check agree on what each field asks. */
static const oo_concept *recognised(const drafter *d, const oo_field *f)
{
	char id[ID_MAX + 8];
	oo_match match;

	if (f->concept)
		return oo_catalog_find(d->cat, f->concept);
	make_id(id, sizeof(id), f->id, '_', "veld_");
	if (oo_matcher_match(d->m, label_of(d, f), id, NULL, &match) != OO_OK || !match.concept)
		return NULL;
	if ((f->type != OO_FIELD_FILE) != (match.concept->kind == OO_CONCEPT_DATUM))
		return NULL;
	return match.concept;
}

/* Returns 1 when the login of the audited form supplies key. */
static int login_supplies(const oo_form *form, const char *key)
{
	int enterprise = form->identification == OO_IDENTIFY_ENTERPRISE ||
			 form->identification == OO_IDENTIFY_BOTH;
	int person = form->identification == OO_IDENTIFY_PERSON ||
		     form->identification == OO_IDENTIFY_BOTH;

	if (!form->login_identifies)
		return 0;
	return (strcmp(key, "enterprise.number") == 0 && enterprise) ||
	       (strcmp(key, "person.insz") == 0 && person);
}

static void draft_field(drafter *d, size_t index)
{
	const oo_field *f = &d->form->fields[index];
	oo_audit__action action = oo_audit__field_action(d->form, index, d->cat);
	const oo_concept *c;

	if (f->type == OO_FIELD_HIDDEN)
		return;
	c = recognised(d, f);
	if (action == OO_AUDIT_FETCH || action == OO_AUDIT_REMOVE ||
	    (c && c->kind == OO_CONCEPT_DOCUMENT && c->fetchable) ||
	    (c && c->kind == OO_CONCEPT_DATUM && (json_object_get(d->used_concepts, c->id) ||
						  login_supplies(d->form, c->id)))) {
		note_dropped(d, f, c ? c->id : NULL);
		return;
	}
	if (c && c->kind == OO_CONCEPT_DATUM)
		add_concept_field(d, f, c);
	else
		add_own_field(d, f, c);
}

/* Adds, at the top of the first section, each key a prefilled field needs
 * that neither a field nor the login supplies. */
static void add_missing_keys(drafter *d)
{
	json_t *first = json_object_get(json_array_get(d->sections, 0), "fields");
	const char *key;
	json_t *source;
	char id[ID_MAX + 8];

	json_object_foreach(d->needed_keys, key, source) {
		if (json_object_get(d->used_concepts, key) || login_supplies(d->form, key))
			continue;
		make_id(id, sizeof(id), key, '_', "veld_");
		json_array_insert_new(first, 0, json_pack("{s:s, s:s, s:b, s:o}", "id",
			unique_id(d, id, sizeof(id)), "concept", key, "required", 1, "purpose",
			textf(d, d->t->key_added, source_name(d, json_string_value(source)), NULL)));
		json_object_set_new(d->used_concepts, key, json_true());
	}
}

static const char *applicant_type(const drafter *d)
{
	int enterprise = json_object_get(d->used_concepts, "enterprise.number") ||
			 json_object_get(d->used_concepts, "establishment.number");
	int person = json_object_get(d->used_concepts, "person.insz") != NULL;

	if (d->form->login_identifies) {
		enterprise |= d->form->identification == OO_IDENTIFY_ENTERPRISE ||
			      d->form->identification == OO_IDENTIFY_BOTH;
		person |= d->form->identification == OO_IDENTIFY_PERSON ||
			  d->form->identification == OO_IDENTIFY_BOTH;
	}
	if (enterprise && person)
		return "both";
	if (enterprise)
		return "enterprise";
	return person ? "person" : "none";
}

/* A definition needs a field in its first section; a form whose every
 * question the sources answer keeps one for remarks. */
static void ensure_a_field(drafter *d)
{
	oo_field remarks;

	if (json_array_size(d->sections))
		return;
	memset(&remarks, 0, sizeof(remarks));
	remarks.type = OO_FIELD_TEXTAREA;
	remarks.id = (char *)"opmerkingen";
	oo_text_set(&remarks.label, d->form->default_language, d->t->remarks);
	add_own_field(d, &remarks, NULL);
	oo_text_clear(&remarks.label);
}

static json_t *draft_document(drafter *d)
{
	const oo_form *form = d->form;
	const char *title = oo_text_get(&form->title, form->default_language);
	char id[ID_MAX + 16], description[2048];

	make_id(id, sizeof(id), form->id, '-', "formulier-");
	snprintf(description, sizeof(description), d->t->description, form->file ? form->file : form->id);
	if (d->dropped.len)
		snprintf(description + strlen(description), sizeof(description) - strlen(description),
			 " %s%s", d->t->dropped, d->dropped.data);
	return json_pack("{s:s, s:s, s:[s], s:o, s:o, s:{s:o, s:o}, s:{s:s, s:b}, s:O}",
			 "id", id, "version", "0.1", "languages", d->lang,
			 "title", text_json(d, title ? title : form->id),
			 "description", text_json(d, description),
			 "process", "owner", text_json(d, d->t->owner),
			 "legal_basis", text_json(d, d->t->legal_basis),
			 "applicant", "type", applicant_type(d), "login", form->login_identifies,
			 "sections", d->sections);
}

oo_status oo_audit_propose(json_t **out, const oo_form *form, const oo_catalog *cat,
			   const oo_matcher *m, oo_error *err)
{
	drafter d;
	size_t i;

	*out = NULL;
	if (!form || !cat || !m)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "no form, catalogue or matcher given to the proposal");
	memset(&d, 0, sizeof(d));
	d.form = form;
	d.cat = cat;
	d.m = m;
	d.lang = oo_lang_code(form->default_language == OO_LANG_DE ? OO_LANG_EN : form->default_language);
	d.t = form->default_language == OO_LANG_NL ? &texts_nl
	      : form->default_language == OO_LANG_FR ? &texts_fr : &texts_en;
	d.sections = json_array();
	d.used_ids = json_object();
	d.used_concepts = json_object();
	d.needed_keys = json_object();
	for (i = 0; d.sections && d.used_ids && d.used_concepts && d.needed_keys &&
		    i < form->field_count; i++)
		draft_field(&d, i);
	ensure_a_field(&d);
	add_missing_keys(&d);
	if (!d.dropped.failed && d.sections && d.used_ids && d.used_concepts && d.needed_keys)
		*out = draft_document(&d);
	json_decref(d.sections);
	json_decref(d.used_ids);
	json_decref(d.used_concepts);
	json_decref(d.needed_keys);
	oo_buf_free(&d.dropped);
	if (!*out)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory drafting a definition for '%s'",
				    form->id ? form->id : "");
	return OO_OK;
}
