/* SPDX-License-Identifier: EUPL-1.2 */
/* The form chrome in Dutch, French, German and English, one table per
 * language, and the two helpers that place values into those texts. */
#include "strings.h"

#include <stdio.h>
#include <string.h>

/* NOTE: the FOD Economie pages on correcting KBO data exist in Dutch and
 * French; the German and English pages link to the Dutch one. */
#define KBO_URL_NL "https://economie.fgov.be/nl/themas/ondernemingen/kruispuntbank-van"
#define KBO_URL_FR "https://economie.fgov.be/fr/themes/entreprises/banque-carrefour-des"

static const oo_strings strings_nl = {
	.title_suffix = "online formulier",
	.required = "(verplicht)",
	.optional = "(optioneel)",
	.submit = "Aanvraag indienen",
	.choose = "Kies een antwoord",

	.source_line = "Bron: {1}, opgehaald op {2}.",
	.source_line_undated = "Bron: {1}.",
	.kbo_name = "Kruispuntbank van Ondernemingen (KBO)",
	.kbo_fix = "Klopt een gegeven niet? Laat het dan in de KBO verbeteren, via uw "
		   "ondernemingsloket of zelf in My Enterprise van de FOD Economie.",
	.kbo_fix_link = "Gegevens in de KBO laten verbeteren",
	.kbo_fix_url = KBO_URL_NL,
	.kbo_fix_url_lang = "nl",
	.rr_fix = "Klopt een gegeven niet? De dienst Burgerzaken van uw gemeente "
		  "verbetert het in het Rijksregister.",
	.value_missing = "Dit gegeven staat niet in de bron ({1}). Vul het zelf in.",

	.notice_title = "Let op",
	.notice_found = "Een aantal gegevens zijn al voor u ingevuld. U hoeft ze niet opnieuw "
			"te geven en kunt ze hier niet wijzigen. Bij elk gegeven staat uit welke "
			"bron het komt.",
	.notice_not_found_enterprise = "We vonden onderneming {1} niet in de {2}. "
				       "Vul de gegevens zelf in.",
	.notice_not_found = "We vonden uw gegevens niet bij de bron ({1}). Vul ze zelf in.",
	.notice_failed = "De gegevens konden niet worden opgehaald bij de bron ({1}). "
			 "Vul ze zelf in, of probeer het later opnieuw.",
	.notice_no_lookup = "We hebben uw gegevens niet bij de bron opgevraagd. Vul ze zelf in.",

	.condition_equals = "Alleen invullen als het antwoord op \u2018{1}\u2019 \u2018{2}\u2019 is.",
	.condition_checked = "Alleen invullen als u \u2018{1}\u2019 aanvinkt.",
	.condition_unchecked = "Alleen invullen als u \u2018{1}\u2019 niet aanvinkt.",

	.error_summary_title = "Er is een probleem",
	.error_prefix = "Fout: ",

	.process_heading = "Over deze aanvraag",
	.owner = "Behandeld door",
	.legal_basis = "Rechtsgrond",
	.advance_days = "Dien uw aanvraag minstens {1} dagen vooraf in.",
	.handling_days = "De gemeente beslist binnen {1} dagen.",

	.day = "Dag",
	.month = "Maand",
	.year = "Jaar",
	.date_hint = "Bijvoorbeeld 27 3 1980",
	.months = { "januari", "februari", "maart", "april", "mei", "juni", "juli",
		    "augustus", "september", "oktober", "november", "december" },
};

/* French puts a no-break space (U+00A0) before a colon or question mark
 * and inside guillemets. */
static const oo_strings strings_fr = {
	.title_suffix = "formulaire en ligne",
	.required = "(obligatoire)",
	.optional = "(facultatif)",
	.submit = "Envoyer la demande",
	.choose = "Choisissez une r\u00e9ponse",

	.source_line = "Source\u00a0: {1}, consult\u00e9e le {2}.",
	.source_line_undated = "Source\u00a0: {1}.",
	.kbo_name = "Banque-Carrefour des Entreprises (BCE)",
	.kbo_fix = "Une donn\u00e9e est inexacte\u00a0? Faites-la corriger dans la BCE, par votre "
		   "guichet d\u2019entreprises ou vous-m\u00eame dans My Enterprise du SPF Economie.",
	.kbo_fix_link = "Faire corriger des donn\u00e9es dans la BCE",
	.kbo_fix_url = KBO_URL_FR,
	.kbo_fix_url_lang = "fr",
	.rr_fix = "Une donn\u00e9e est inexacte\u00a0? Le service Population de votre commune "
		  "la corrige dans le Registre national.",
	.value_missing = "Cette donn\u00e9e ne figure pas dans la source ({1}). "
			 "Compl\u00e9tez-la vous-m\u00eame.",

	.notice_title = "Attention",
	.notice_found = "Certaines donn\u00e9es ont d\u00e9j\u00e0 \u00e9t\u00e9 compl\u00e9t\u00e9es "
			"pour vous. Vous ne devez pas les fournir \u00e0 nouveau et ne pouvez pas les "
			"modifier ici. La source de chaque donn\u00e9e est indiqu\u00e9e \u00e0 c\u00f4t\u00e9.",
	.notice_not_found_enterprise = "Nous n\u2019avons pas trouv\u00e9 l\u2019entreprise {1} "
				       "dans la {2}. Compl\u00e9tez les donn\u00e9es vous-m\u00eame.",
	.notice_not_found = "Nous n\u2019avons pas trouv\u00e9 vos donn\u00e9es aupr\u00e8s de la "
			    "source ({1}). Compl\u00e9tez-les vous-m\u00eame.",
	.notice_failed = "Les donn\u00e9es n\u2019ont pas pu \u00eatre r\u00e9cup\u00e9r\u00e9es "
			 "aupr\u00e8s de la source ({1}). Compl\u00e9tez-les vous-m\u00eame ou "
			 "r\u00e9essayez plus tard.",
	.notice_no_lookup = "Nous n\u2019avons pas consult\u00e9 la source pour vos donn\u00e9es. "
			    "Compl\u00e9tez-les vous-m\u00eame.",

	.condition_equals = "\u00c0 remplir uniquement si la r\u00e9ponse \u00e0 "
			    "\u00ab\u00a0{1}\u00a0\u00bb est \u00ab\u00a0{2}\u00a0\u00bb.",
	.condition_checked = "\u00c0 remplir uniquement si vous cochez \u00ab\u00a0{1}\u00a0\u00bb.",
	.condition_unchecked = "\u00c0 remplir uniquement si vous ne cochez pas "
			       "\u00ab\u00a0{1}\u00a0\u00bb.",

	.error_summary_title = "Il y a un probl\u00e8me",
	.error_prefix = "Erreur\u00a0: ",

	.process_heading = "\u00c0 propos de cette demande",
	.owner = "Trait\u00e9e par",
	.legal_basis = "Base l\u00e9gale",
	.advance_days = "Introduisez votre demande au moins {1} jours \u00e0 l\u2019avance.",
	.handling_days = "La commune d\u00e9cide dans les {1} jours.",

	.day = "Jour",
	.month = "Mois",
	.year = "Ann\u00e9e",
	.date_hint = "Par exemple 27 3 1980",
	.months = { "janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet",
		    "ao\u00fbt", "septembre", "octobre", "novembre", "d\u00e9cembre" },
};

static const oo_strings strings_de = {
	.title_suffix = "Online-Formular",
	.required = "(Pflichtfeld)",
	.optional = "(optional)",
	.submit = "Antrag einreichen",
	.choose = "Bitte w\u00e4hlen",

	.source_line = "Quelle: {1}, abgerufen am {2}.",
	.source_line_undated = "Quelle: {1}.",
	.kbo_name = "Zentrale Datenbank der Unternehmen (ZDU)",
	.kbo_fix = "Ist eine Angabe falsch? Lassen Sie sie in der ZDU berichtigen, \u00fcber Ihren "
		   "Unternehmensschalter oder selbst in My Enterprise des F\u00d6D Wirtschaft.",
	.kbo_fix_link = "Angaben in der ZDU berichtigen lassen (Seite auf Niederl\u00e4ndisch)",
	.kbo_fix_url = KBO_URL_NL,
	.kbo_fix_url_lang = "nl",
	.rr_fix = "Ist eine Angabe falsch? Der Bev\u00f6lkerungsdienst Ihrer Gemeinde "
		  "berichtigt sie im Nationalregister.",
	.value_missing = "Diese Angabe ist in der Quelle ({1}) nicht vorhanden. "
			 "Bitte f\u00fcllen Sie sie selbst aus.",

	.notice_title = "Hinweis",
	.notice_found = "Einige Angaben wurden bereits f\u00fcr Sie ausgef\u00fcllt. Sie m\u00fcssen "
			"sie nicht erneut angeben und k\u00f6nnen sie hier nicht \u00e4ndern. Bei jeder "
			"Angabe steht, aus welcher Quelle sie stammt.",
	.notice_not_found_enterprise = "Das Unternehmen {1} wurde in der {2} nicht gefunden. "
				       "Bitte f\u00fcllen Sie die Angaben selbst aus.",
	.notice_not_found = "Ihre Angaben wurden in der Quelle ({1}) nicht gefunden. "
			    "Bitte f\u00fcllen Sie sie selbst aus.",
	.notice_failed = "Die Angaben konnten nicht aus der Quelle ({1}) abgerufen werden. "
			 "Bitte f\u00fcllen Sie sie selbst aus oder versuchen Sie es sp\u00e4ter erneut.",
	.notice_no_lookup = "Ihre Angaben wurden nicht bei der Quelle abgefragt. "
			    "Bitte f\u00fcllen Sie sie selbst aus.",

	.condition_equals = "Nur ausf\u00fcllen, wenn die Antwort auf \u201e{1}\u201c "
			    "\u201e{2}\u201c lautet.",
	.condition_checked = "Nur ausf\u00fcllen, wenn Sie \u201e{1}\u201c ankreuzen.",
	.condition_unchecked = "Nur ausf\u00fcllen, wenn Sie \u201e{1}\u201c nicht ankreuzen.",

	.error_summary_title = "Es gibt ein Problem",
	.error_prefix = "Fehler: ",

	.process_heading = "\u00dcber diesen Antrag",
	.owner = "Zust\u00e4ndig",
	.legal_basis = "Rechtsgrundlage",
	.advance_days = "Reichen Sie Ihren Antrag mindestens {1} Tage vorher ein.",
	.handling_days = "Die Gemeinde entscheidet innerhalb von {1} Tagen.",

	.day = "Tag",
	.month = "Monat",
	.year = "Jahr",
	.date_hint = "Zum Beispiel 27 3 1980",
	.months = { "Januar", "Februar", "M\u00e4rz", "April", "Mai", "Juni", "Juli",
		    "August", "September", "Oktober", "November", "Dezember" },
};

static const oo_strings strings_en = {
	.title_suffix = "online form",
	.required = "(required)",
	.optional = "(optional)",
	.submit = "Submit application",
	.choose = "Choose an answer",

	.source_line = "Source: {1}, retrieved on {2}.",
	.source_line_undated = "Source: {1}.",
	.kbo_name = "Crossroads Bank for Enterprises (CBE)",
	.kbo_fix = "Is something wrong? Have it corrected in the CBE, through your enterprise "
		   "counter or yourself in My Enterprise of the FPS Economy.",
	.kbo_fix_link = "Having data corrected in the CBE (page in Dutch)",
	.kbo_fix_url = KBO_URL_NL,
	.kbo_fix_url_lang = "nl",
	.rr_fix = "Is something wrong? The civil affairs service of your municipality "
		  "corrects it in the National Register.",
	.value_missing = "The source ({1}) does not hold this information. "
			 "Please fill it in yourself.",

	.notice_title = "Important",
	.notice_found = "Some details have already been filled in for you. You do not need to "
			"give them again, and you cannot change them here. Each one shows the source "
			"it comes from.",
	.notice_not_found_enterprise = "We could not find enterprise {1} in the {2}. "
				       "Please fill in the details yourself.",
	.notice_not_found = "We could not find your details in the source ({1}). "
			    "Please fill them in yourself.",
	.notice_failed = "The details could not be retrieved from the source ({1}). "
			 "Please fill them in yourself or try again later.",
	.notice_no_lookup = "Your details were not looked up at the source. "
			    "Please fill them in yourself.",

	.condition_equals = "Only fill this in if the answer to \u2018{1}\u2019 is \u2018{2}\u2019.",
	.condition_checked = "Only fill this in if you tick \u2018{1}\u2019.",
	.condition_unchecked = "Only fill this in if you do not tick \u2018{1}\u2019.",

	.error_summary_title = "There is a problem",
	.error_prefix = "Error: ",

	.process_heading = "About this application",
	.owner = "Handled by",
	.legal_basis = "Legal basis",
	.advance_days = "Apply at least {1} days in advance.",
	.handling_days = "The municipality decides within {1} days.",

	.day = "Day",
	.month = "Month",
	.year = "Year",
	.date_hint = "For example, 27 3 1980",
	.months = { "January", "February", "March", "April", "May", "June", "July",
		    "August", "September", "October", "November", "December" },
};

const oo_strings *oo_generator__strings(oo_lang lang)
{
	switch (lang) {
	case OO_LANG_FR: return &strings_fr;
	case OO_LANG_DE: return &strings_de;
	case OO_LANG_EN: return &strings_en;
	default: return &strings_nl;
	}
}

/* Escapes the first len bytes of s through oo_buf_put_html, in pieces that
 * fit a stack buffer so that no allocation can fail here. */
static void put_html_span(oo_buf *out, const char *s, size_t len)
{
	char chunk[128];

	while (len > 0) {
		size_t n = len < sizeof(chunk) - 1 ? len : sizeof(chunk) - 1;

		memcpy(chunk, s, n);
		chunk[n] = '\0';
		oo_buf_put_html(out, chunk);
		s += n;
		len -= n;
	}
}

oo_status oo_generator__put_template(oo_buf *out, const char *tmpl,
				     const char *arg1, const char *arg2)
{
	const char *p = tmpl;
	const char *mark = tmpl;

	while ((mark = strchr(mark, '{')) != NULL) {
		if ((mark[1] != '1' && mark[1] != '2') || mark[2] != '}') {
			mark++;
			continue;
		}
		put_html_span(out, p, (size_t)(mark - p));
		oo_buf_put_html(out, mark[1] == '1' ? arg1 : arg2);
		p = mark = mark + 3;
	}
	return oo_buf_put_html(out, p);
}

static int digits(const char *s, size_t n)
{
	int value = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		value = value * 10 + (s[i] - '0');
	}
	return value;
}

/* Reads YYYY-MM-DD into its parts; returns 0 for any other shape. */
static int parse_iso_date(const char *iso, int *year, int *month, int *day)
{
	if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return 0;
	*year = digits(iso, 4);
	*month = digits(iso + 5, 2);
	*day = digits(iso + 8, 2);
	return *year >= 0 && *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

void oo_generator__format_date(char *dst, size_t size, const char *iso, oo_lang lang)
{
	const oo_strings *s = oo_generator__strings(lang);
	int year, month, day;

	if (!parse_iso_date(iso, &year, &month, &day)) {
		snprintf(dst, size, "%s", iso ? iso : "");
		return;
	}
	/* French writes the first day of a month as an ordinal ("1er mai"),
	 * German writes the day as an ordinal number ("4. Mai"). */
	if (lang == OO_LANG_FR && day == 1)
		snprintf(dst, size, "1er %s %d", s->months[month - 1], year);
	else if (lang == OO_LANG_DE)
		snprintf(dst, size, "%d. %s %d", day, s->months[month - 1], year);
	else
		snprintf(dst, size, "%d %s %d", day, s->months[month - 1], year);
}
