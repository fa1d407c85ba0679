/* SPDX-License-Identifier: EUPL-1.2 */
/* The texts of the audit report in Dutch, French and English, one table
 * per language. Finding messages are not here: they come with each
 * finding. */
#include "report_strings.h"

#include <string.h>

static const oo_audit__rule_text rules_nl[] = {
	{ "OO101", "Authentiek gegeven met de hand ingevuld",
	  "Een authentieke bron (KBO, Rijksregister, adressenregister) heeft dit gegeven al. "
	  "Het Bestuursdecreet verplicht de gemeente het daar op te halen.",
	  "Haal het gegeven via MAGDA op en toon het alleen-lezen." },
	{ "OO104", "Bijlage die de overheid zelf kan opvragen",
	  "De overheid maakte of registreerde dit document zelf en mag het niet opnieuw vragen.",
	  "Schrap de upload en vraag het document of zijn gegevens op bij de bron." },
	{ "OO106", "Zelfde vraag in meerdere formulieren",
	  "Meerdere formulieren van de gemeente vragen dit gegeven met de hand.",
	  "Vul het overal vooraf in, of hergebruik het eerdere dossier." },
	{ "OO107", "Aanvrager twee keer geïdentificeerd",
	  "Na het aanmelden kent het formulier het nummer al; opnieuw typen is overbodig (WCAG 3.3.7).",
	  "Neem het nummer uit de aanmelding over en schrap het veld." },
	{ "OO108", "Afleidbaar gegeven",
	  "Het antwoord volgt uit een ander veld van hetzelfde formulier.",
	  "Leid het gegeven af en schrap de vraag." },
	{ "OO201", "Veld zonder label",
	  "Een schermlezer kan het veld niet benoemen (WCAG 1.3.1, 4.1.2).",
	  "Voeg een <label for> toe met de tekst die het veld benoemt." },
	{ "OO202", "Placeholder als enige label",
	  "De placeholder verdwijnt zodra iemand typt (WCAG 3.3.2).",
	  "Voeg een zichtbaar label toe; gebruik de placeholder hooguit voor een voorbeeld." },
	{ "OO203", "Autocomplete ontbreekt",
	  "Persoonsgegevens hebben een autocomplete-token nodig (WCAG 1.3.5).",
	  "Voeg het autocomplete-token uit de catalogus toe." },
	{ "OO204", "Ongeldige autocomplete",
	  "Browsers en hulpsoftware negeren een token dat HTML niet kent (WCAG 1.3.5).",
	  "Gebruik een token uit de HTML-lijst, zoals organization of bday." },
	{ "OO205", "Selectievakje zonder naam",
	  "Zonder name wordt het vakje niet verstuurd, zonder label is het onbegrijpelijk (WCAG 4.1.2).",
	  "Geef het vakje een name en een label." },
	{ "OO207", "Keuzegroep zonder fieldset en legend",
	  "Niets benoemt de vraag van de groep, alleen de opties hebben een label (WCAG 1.3.1).",
	  "Zet de groep in een <fieldset> met een <legend> die de vraag stelt." },
	{ NULL, NULL, NULL, NULL },
};

static const oo_audit__rule_text rules_fr[] = {
	{ "OO101", "Donnée authentique saisie à la main",
	  "Une source authentique (BCE, Registre national, registre des adresses) détient déjà "
	  "cette donnée ; l'administration doit l'y reprendre.",
	  "Reprenez la donnée via MAGDA et affichez-la en lecture seule." },
	{ "OO104", "Annexe que l'administration peut obtenir elle-même",
	  "Une autorité a délivré ou enregistré ce document ; il ne peut être redemandé.",
	  "Supprimez le téléversement et obtenez le document ou ses données à la source." },
	{ "OO106", "Même question dans plusieurs formulaires",
	  "Plusieurs formulaires de la commune demandent cette donnée à la main.",
	  "Préremplissez-la partout, ou réutilisez le dossier antérieur." },
	{ "OO107", "Demandeur identifié deux fois",
	  "Après la connexion, le formulaire connaît déjà le numéro (WCAG 3.3.7).",
	  "Reprenez le numéro de la connexion et supprimez le champ." },
	{ "OO108", "Donnée déductible",
	  "La réponse découle d'un autre champ du même formulaire.",
	  "Déduisez la donnée et supprimez la question." },
	{ "OO201", "Champ sans libellé",
	  "Un lecteur d'écran ne peut pas nommer le champ (WCAG 1.3.1, 4.1.2).",
	  "Ajoutez un <label for> avec le texte qui nomme le champ." },
	{ "OO202", "Texte indicatif comme seul libellé",
	  "Le texte indicatif disparaît dès que l'on tape (WCAG 3.3.2).",
	  "Ajoutez un libellé visible ; gardez le texte indicatif pour un exemple." },
	{ "OO203", "Autocomplete manquant",
	  "Les données personnelles demandent un jeton autocomplete (WCAG 1.3.5).",
	  "Ajoutez le jeton autocomplete du catalogue." },
	{ "OO204", "Autocomplete invalide",
	  "Navigateurs et aides techniques ignorent un jeton inconnu de HTML (WCAG 1.3.5).",
	  "Utilisez un jeton de la liste HTML, comme organization ou bday." },
	{ "OO205", "Case à cocher sans nom",
	  "Sans name la case n'est pas envoyée, sans libellé elle est incompréhensible (WCAG 4.1.2).",
	  "Donnez à la case un name et un libellé." },
	{ "OO207", "Groupe de choix sans fieldset ni legend",
	  "Rien ne nomme la question du groupe ; seules les options ont un libellé (WCAG 1.3.1).",
	  "Placez le groupe dans un <fieldset> dont la <legend> pose la question." },
	{ NULL, NULL, NULL, NULL },
};

static const oo_audit__rule_text rules_en[] = {
	{ "OO101", "Authentic data typed by hand",
	  "An authentic source (KBO, Rijksregister, address register) holds this datum, and "
	  "the Bestuursdecreet obliges the municipality to take it from there.",
	  "Fetch the datum through MAGDA and show it read-only." },
	{ "OO104", "Attachment the government can fetch itself",
	  "A government body issued or registered this document, so it may not be asked again.",
	  "Drop the upload and fetch the document or its data from the source." },
	{ "OO106", "Same question in several forms",
	  "Several forms of the municipality ask this datum by hand.",
	  "Prefill it everywhere, or reuse the earlier dossier." },
	{ "OO107", "Applicant identified twice",
	  "After the login the form knows the number already (WCAG 3.3.7).",
	  "Take the number from the login and drop the field." },
	{ "OO108", "Derivable data",
	  "The answer follows from another field of the same form.",
	  "Derive the datum and drop the question." },
	{ "OO201", "Field without a label",
	  "A screen reader cannot name the field (WCAG 1.3.1, 4.1.2).",
	  "Add a <label for> with the text that names the field." },
	{ "OO202", "Placeholder as the only label",
	  "The placeholder disappears as soon as the user types (WCAG 3.3.2).",
	  "Add a visible label; keep the placeholder for an example at most." },
	{ "OO203", "Autocomplete missing",
	  "Personal data need an autocomplete token (WCAG 1.3.5).",
	  "Add the catalogue's autocomplete token." },
	{ "OO204", "Invalid autocomplete",
	  "Browsers and assistive technology ignore a token HTML does not define (WCAG 1.3.5).",
	  "Use a token of the HTML list, such as organization or bday." },
	{ "OO205", "Checkbox without a name",
	  "Without a name the box is never submitted, without a label it cannot be understood (WCAG 4.1.2).",
	  "Give the checkbox a name and a label." },
	{ "OO207", "Choice group without fieldset and legend",
	  "Nothing names the question of the group; only its options have labels (WCAG 1.3.1).",
	  "Put the group in a <fieldset> whose <legend> asks the question." },
	{ NULL, NULL, NULL, NULL },
};

static const oo_audit__report_strings strings_nl = {
	.lang = "nl",
	.title = "Only-once-audit van {1} formulier(en)",
	.intro = "Dit rapport toont welke velden gegevens vragen die de overheid al heeft, "
		 "welke bijlagen ze zelf kan opvragen en welke toegankelijkheidsfouten de formulieren hebben.",
	.summary = "Samenvatting per formulier",
	.form = "Formulier",
	.fields = "Velden",
	.can_go = "Kunnen weg",
	.can_prefill = "Vooraf in te vullen",
	.attachments_can_go = "Bijlagen die weg kunnen",
	.matrix = "Redundantiematrix",
	.matrix_intro = "Elke rij is een gegeven, elke kolom een formulier. Hoe donkerder het rood, "
			"hoe meer formulieren het gegeven met de hand vragen.",
	.concept = "Gegeven",
	.not_asked = "niet gevraagd",
	.prefilled = "vooraf ingevuld",
	.by_hand = "met de hand, in {1} formulier(en)",
	.matrix_table = "De matrix als tabel",
	.findings = "Bevindingen",
	.no_findings = "Geen bevindingen.",
	.field = "Veld",
	.rule = "Regel",
	.severity_error = "Fout",
	.severity_warning = "Waarschuwing",
	.severity_info = "Opmerking",
	.why = "Waarom",
	.fix = "Oplossing",
	.detail = "Detail",
	.line = "regel",
	.rules = rules_nl,
};

static const oo_audit__report_strings strings_fr = {
	.lang = "fr",
	.title = "Audit « une seule fois » de {1} formulaire(s)",
	.intro = "Ce rapport montre les champs qui demandent des données que l'administration "
		 "détient déjà, les annexes qu'elle peut obtenir elle-même et les défauts d'accessibilité.",
	.summary = "Résumé par formulaire",
	.form = "Formulaire",
	.fields = "Champs",
	.can_go = "Peuvent disparaître",
	.can_prefill = "À préremplir",
	.attachments_can_go = "Annexes à supprimer",
	.matrix = "Matrice de redondance",
	.matrix_intro = "Chaque ligne est une donnée, chaque colonne un formulaire. Plus le rouge est "
			"foncé, plus de formulaires demandent la donnée à la main.",
	.concept = "Donnée",
	.not_asked = "non demandée",
	.prefilled = "préremplie",
	.by_hand = "à la main, dans {1} formulaire(s)",
	.matrix_table = "La matrice sous forme de tableau",
	.findings = "Constats",
	.no_findings = "Aucun constat.",
	.field = "Champ",
	.rule = "Règle",
	.severity_error = "Erreur",
	.severity_warning = "Avertissement",
	.severity_info = "Remarque",
	.why = "Pourquoi",
	.fix = "Solution",
	.detail = "Détail",
	.line = "ligne",
	.rules = rules_fr,
};

static const oo_audit__report_strings strings_en = {
	.lang = "en",
	.title = "Only-once audit of {1} form(s)",
	.intro = "This report shows which fields ask for data the government already holds, "
		 "which attachments it can fetch itself, and the accessibility faults of the forms.",
	.summary = "Summary per form",
	.form = "Form",
	.fields = "Fields",
	.can_go = "Can go",
	.can_prefill = "Can be prefilled",
	.attachments_can_go = "Attachments that can go",
	.matrix = "Redundancy matrix",
	.matrix_intro = "Each row is a datum, each column a form. The darker the red, the more "
			"forms ask the datum by hand.",
	.concept = "Datum",
	.not_asked = "not asked",
	.prefilled = "prefilled",
	.by_hand = "by hand, in {1} form(s)",
	.matrix_table = "The matrix as a table",
	.findings = "Findings",
	.no_findings = "No findings.",
	.field = "Field",
	.rule = "Rule",
	.severity_error = "Error",
	.severity_warning = "Warning",
	.severity_info = "Note",
	.why = "Why",
	.fix = "Fix",
	.detail = "Detail",
	.line = "line",
	.rules = rules_en,
};

const oo_audit__report_strings *oo_audit__report_strings_for(oo_lang lang)
{
	switch (lang) {
	case OO_LANG_NL: return &strings_nl;
	case OO_LANG_FR: return &strings_fr;
	default: return &strings_en;
	}
}

const oo_audit__rule_text *oo_audit__rule_text_for(const oo_audit__report_strings *s,
						  const char *code)
{
	const oo_audit__rule_text *r;

	for (r = s->rules; code && r->code; r++)
		if (strcmp(r->code, code) == 0)
			return r;
	return NULL;
}
