/* SPDX-License-Identifier: EUPL-1.2 */
/* Recognises catalogue concepts in field labels and control names. Every
 * pattern is compiled once, JIT-compiled where the platform allows, and run
 * with match and depth limits so that no label can make a match run long. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "match_private.h"

#include <pcre2.h>
#include <string.h>

#include "onlyonce/alloc.h"

/* Limits per pattern run; a catalogue pattern on a label of at most
 * OO_AUDIT_TEXT_MAX bytes stays far below them. */
#define MATCH_LIMIT 100000
#define DEPTH_LIMIT 1000

/* Score parts: a label match outweighs a name match; among label matches
 * one that starts earlier wins (a label names its subject first, as in
 * "Straat en huisnummer"), then a longer one; a concept of the very
 * subject the heading names beats one only compatible with it. PCRE2
 * returns the leftmost match of the first alternative that fits, not the
 * longest, so the start counts more than the length. */
#define SCORE_LABEL 100
#define SCORE_NAME_ALONE 60
#define SCORE_NAME_EXTRA 40
#define SCORE_SUBJECT 5
#define POSITION_MAX 50

/* Words of headings and labels that say whose data a generic label such
 * as "Naam" or "Straat" asks for, matched on normalised text. */
static const char *const subject_patterns[OO_SUBJECT_COUNT] = {
	[OO_SUBJECT_ENTERPRISE] =
		"\\b(?:onderneming(?:en)?|ondernemings\\w*|bedrijf|bedrijfs\\w*|vennootschap|"
		"rechtspersoon|firma|organisatie|vereniging|kvk|kamer van koophandel|"
		"handelsregister|maatschappelijke zetel|entreprise|societe|personne morale|"
		"unternehmen|company|enterprise)\\b",
	[OO_SUBJECT_ESTABLISHMENT] =
		"\\b(?:zaak|horecazaak|handelszaak|inrichting|vestiging|vestigingseenheid|"
		"etablissement|uitbating|exploitatie|handelspand|cafe|restaurant|"
		"establishment|unite d etablissement)\\b",
	[OO_SUBJECT_PERSON] =
		"\\b(?:aanvrager|aanvraagster|persoon|natuurlijke? persoon|ondernemer|"
		"bestuurder|bestuurslid|bestuursleden|contactpersoon|zaakvoerder|uitbater|"
		"leidinggevende|verantwoordelijke|belastingsplichtige|demandeur|requerant|"
		"personne|gerant|responsable|antragsteller|applicant|person)\\b",
};

static const char *const subject_names[OO_SUBJECT_COUNT] = {
	[OO_SUBJECT_ENTERPRISE] = "enterprise",
	[OO_SUBJECT_ESTABLISHMENT] = "establishment",
	[OO_SUBJECT_PERSON] = "person",
};

typedef struct {
	const oo_concept *concept;
	pcre2_code *label[OO_LANG_COUNT];
	pcre2_code *name;
	int subject;           /* OO_SUBJECT_* the concept needs, or -1 */
} compiled_concept;

struct oo_matcher {
	const oo_catalog *cat;
	compiled_concept *concepts;
	size_t count;
	pcre2_code *subjects[OO_SUBJECT_COUNT];
	pcre2_general_context *gcontext;
	pcre2_compile_context *ccontext;
	pcre2_match_context *mcontext;
};

/* PCRE2 allocates through the library's wrapper, so that fault injection
 * in tests also reaches the matcher. */
static void *pcre_alloc(size_t size, void *data)
{
	(void)data;
	return oo_malloc(size);
}

static void pcre_release(void *ptr, void *data)
{
	(void)data;
	oo_free(ptr);
}

static oo_status compile(pcre2_code **out, const oo_matcher *m, const char *pattern,
			 const char *concept, const char *what, oo_error *err)
{
	PCRE2_UCHAR message[160];
	PCRE2_SIZE offset = 0;
	int code = 0;

	*out = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
			     PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
			     &code, &offset, m->ccontext);
	if (!*out) {
		if (code == PCRE2_ERROR_NOMEMORY)
			return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory compiling patterns");
		pcre2_get_error_message(code, message, sizeof(message));
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "%s pattern of concept '%s' is invalid at offset %zu: %s",
				    what, concept, (size_t)offset, (const char *)message);
	}
	/* JIT is an optimisation only: where it is unavailable (a platform
	 * without JIT support, or a build without it) the interpreter runs. */
	pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);
	return OO_OK;
}

static int subject_of_concept(const oo_concept *c)
{
	int i;

	for (i = 0; c->context && i < OO_SUBJECT_COUNT; i++)
		if (strcmp(c->context, subject_names[i]) == 0)
			return i;
	return -1;
}

static oo_status compile_concept(oo_matcher *m, compiled_concept *cc, const oo_concept *c,
				 oo_error *err)
{
	oo_status rc = OO_OK;
	int lang;

	cc->concept = c;
	cc->subject = subject_of_concept(c);
	for (lang = 0; lang < OO_LANG_COUNT && rc == OO_OK; lang++)
		if (c->patterns[lang] && *c->patterns[lang])
			rc = compile(&cc->label[lang], m, c->patterns[lang], c->id,
				     oo_lang_code((oo_lang)lang), err);
	if (rc == OO_OK && c->name_pattern && *c->name_pattern)
		rc = compile(&cc->name, m, c->name_pattern, c->id, "name", err);
	return rc;
}

static oo_status create_contexts(oo_matcher *m)
{
	m->gcontext = pcre2_general_context_create(pcre_alloc, pcre_release, NULL);
	if (!m->gcontext)
		return OO_ENOMEM;
	m->ccontext = pcre2_compile_context_create(m->gcontext);
	m->mcontext = pcre2_match_context_create(m->gcontext);
	if (!m->ccontext || !m->mcontext)
		return OO_ENOMEM;
	pcre2_set_match_limit(m->mcontext, MATCH_LIMIT);
	pcre2_set_depth_limit(m->mcontext, DEPTH_LIMIT);
	return OO_OK;
}

oo_status oo_matcher_new(oo_matcher **out, const oo_catalog *cat, oo_error *err)
{
	oo_matcher *m;
	oo_status rc;
	size_t i;
	int s;

	*out = NULL;
	m = oo_calloc(1, sizeof(*m));
	if (!m)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory creating the matcher");
	m->cat = cat;
	m->count = oo_catalog_count(cat);
	m->concepts = oo_calloc(m->count ? m->count : 1, sizeof(*m->concepts));
	rc = m->concepts ? create_contexts(m) : OO_ENOMEM;
	if (rc == OO_ENOMEM)
		oo_error_set(err, rc, NULL, 0, 0, "out of memory creating the matcher");
	for (s = 0; s < OO_SUBJECT_COUNT && rc == OO_OK; s++)
		rc = compile(&m->subjects[s], m, subject_patterns[s], subject_names[s], "subject", err);
	for (i = 0; i < m->count && rc == OO_OK; i++)
		rc = compile_concept(m, &m->concepts[i], oo_catalog_at(cat, i), err);
	if (rc != OO_OK) {
		oo_matcher_free(m);
		return rc;
	}
	*out = m;
	return OO_OK;
}

/* Runs code on subject and stores the start and length of the match.
 * Returns 1 on a match, 0 on none, and -1 when memory ran out. A run that
 * hits a limit counts as no match. */
static int run(const oo_matcher *m, const pcre2_code *code, const char *subject,
	       size_t *start, size_t *length)
{
	pcre2_match_data *md;
	PCRE2_SIZE *ovector;
	int rc;

	md = pcre2_match_data_create_from_pattern(code, m->gcontext);
	if (!md)
		return -1;
	rc = pcre2_match(code, (PCRE2_SPTR)subject, strlen(subject), 0, 0, md, m->mcontext);
	if (rc > 0) {
		ovector = pcre2_get_ovector_pointer(md);
		*start = ovector[0];
		*length = ovector[1] - ovector[0];
	}
	pcre2_match_data_free(md);
	if (rc == PCRE2_ERROR_NOMEMORY)
		return -1;
	return rc > 0;
}

oo_status oo_matcher__subject(const oo_matcher *m, const char *text, int *subject)
{
	char *normal;
	size_t start, length, best = (size_t)-1;
	int s, hit;

	*subject = -1;
	if (!text)
		return OO_OK;
	normal = oo_match_normalize(text);
	if (!normal)
		return OO_ENOMEM;
	for (s = 0; s < OO_SUBJECT_COUNT; s++) {
		hit = run(m, m->subjects[s], normal, &start, &length);
		if (hit < 0) {
			oo_free(normal);
			return OO_ENOMEM;
		}
		if (hit && start < best) {
			best = start;
			*subject = s;
		}
	}
	oo_free(normal);
	return OO_OK;
}

/* Enterprise and establishment headings admit each other's concepts: a
 * "Gegevens van de zaak" block asks for the enterprise number too. */
static int subject_admits(int needed, int subject)
{
	if (needed < 0 || needed == subject)
		return 1;
	return subject != OO_SUBJECT_PERSON && needed != OO_SUBJECT_PERSON && subject >= 0;
}

enum { KIND_ANY = 0, KIND_DATUM, KIND_DOCUMENT };

typedef struct {
	const char *label;  /* normalised, or NULL */
	const char *name;   /* control name or id, or NULL */
	int subject;
	int kind;
} match_input;

/* Scores one concept; returns the score (0 for no match) or -1 when memory
 * ran out, and sets *by to what matched. */
static int score_concept(const oo_matcher *m, const compiled_concept *cc,
			 const match_input *in, const char **by)
{
	size_t start, length, span = 0, first = POSITION_MAX;
	int lang, hit, label_hit = 0, name_hit = 0, score;

	if ((in->kind == KIND_DATUM && cc->concept->kind != OO_CONCEPT_DATUM) ||
	    (in->kind == KIND_DOCUMENT && cc->concept->kind != OO_CONCEPT_DOCUMENT))
		return 0;
	if (!subject_admits(cc->subject, in->subject))
		return 0;
	for (lang = 0; in->label && lang < OO_LANG_COUNT; lang++) {
		if (!cc->label[lang] || (hit = run(m, cc->label[lang], in->label, &start, &length)) == 0)
			continue;
		if (hit < 0)
			return -1;
		label_hit = 1;
		if (start < first || (start == first && length > span)) {
			first = start;
			span = length;
		}
	}
	if (cc->name && in->name && *in->name &&
	    (name_hit = run(m, cc->name, in->name, &start, &length)) < 0)
		return -1;
	if (!label_hit && !name_hit)
		return 0;
	if (span > POSITION_MAX)
		span = POSITION_MAX;
	score = label_hit ? SCORE_LABEL + 2 * (int)(POSITION_MAX - first) + (int)span : 0;
	score += name_hit ? (label_hit ? SCORE_NAME_EXTRA : SCORE_NAME_ALONE) : 0;
	if (cc->subject >= 0 && cc->subject == in->subject)
		score += SCORE_SUBJECT;
	*by = label_hit ? "label" : "name";
	return score;
}

static oo_status best_match(const oo_matcher *m, const match_input *in, oo_match *out)
{
	const char *by = NULL;
	size_t i;
	int score;

	out->concept = NULL;
	out->score = 0;
	out->matched_by = NULL;
	for (i = 0; i < m->count; i++) {
		score = score_concept(m, &m->concepts[i], in, &by);
		if (score < 0)
			return OO_ENOMEM;
		if (score > out->score) {
			out->concept = m->concepts[i].concept;
			out->score = score;
			out->matched_by = by;
		}
	}
	return OO_OK;
}

static oo_status match_with(const oo_matcher *m, const char *label, const char *name,
			    const char *context, int fallback, int kind, oo_match *out,
			    int *subject)
{
	match_input in = { NULL, name, -1, kind };
	char *normal = NULL;
	oo_status rc;

	rc = oo_matcher__subject(m, label, &in.subject);
	if (rc == OO_OK && in.subject < 0)
		rc = oo_matcher__subject(m, context, &in.subject);
	if (in.subject < 0)
		in.subject = fallback;
	if (rc == OO_OK && label && !(normal = oo_match_normalize(label)))
		rc = OO_ENOMEM;
	in.label = normal;
	if (rc == OO_OK)
		rc = best_match(m, &in, out);
	oo_free(normal);
	if (subject)
		*subject = in.subject;
	return rc;
}

oo_status oo_matcher_match(const oo_matcher *m, const char *label,
			   const char *name, const char *context, oo_match *out)
{
	return match_with(m, label, name, context, -1, KIND_ANY, out, NULL);
}

oo_status oo_matcher__match_field(const oo_matcher *m, const oo_field *field,
				  int fallback_subject, oo_match *out, int *subject)
{
	int kind = field->type == OO_FIELD_FILE ? KIND_DOCUMENT : KIND_DATUM;
	const char *label = oo_text_get(&field->label, OO_LANG_NL);

	if (field->type == OO_FIELD_HIDDEN) {
		memset(out, 0, sizeof(*out));
		*subject = -1;
		return OO_OK;
	}
	return match_with(m, label, field->name ? field->name : field->id, field->context,
			  fallback_subject, kind, out, subject);
}

void oo_matcher_free(oo_matcher *m)
{
	size_t i;
	int j;

	if (!m)
		return;
	for (i = 0; m->concepts && i < m->count; i++) {
		for (j = 0; j < OO_LANG_COUNT; j++)
			pcre2_code_free(m->concepts[i].label[j]);
		pcre2_code_free(m->concepts[i].name);
	}
	for (j = 0; j < OO_SUBJECT_COUNT; j++)
		pcre2_code_free(m->subjects[j]);
	pcre2_match_context_free(m->mcontext);
	pcre2_compile_context_free(m->ccontext);
	pcre2_general_context_free(m->gcontext);
	oo_free(m->concepts);
	oo_free(m);
}
