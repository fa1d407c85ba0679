/* SPDX-License-Identifier: EUPL-1.2 */
/* Dutch labels of common KBO JuridicalForm codes, for answers that carry
 * only the code (Omschrijvingen not requested). */
#include <stddef.h>
#include <string.h>

#include "magda_xml.h"

typedef struct {
	const char *code;
	const char *label;
} legal_form;

/* NOTE: a short list, not the full table of about 146 codes that FOD
 * Economie publishes. The labels of 116, 416 and 417 are unverified. Those
 * of 416 and 417 are inferred from the bodies that carry them: Veneco is a
 * dienstverlenende vereniging and Farys an opdrachthoudende vereniging. */
static const legal_form forms[] = {
	{ "001", "Europese coöperatieve vennootschap" },
	{ "014", "Naamloze vennootschap" },
	{ "015", "Besloten vennootschap met beperkte aansprakelijkheid" },
	{ "017", "Vereniging zonder winstoogmerk" },
	{ "026", "Private stichting" },
	{ "029", "Stichting van openbaar nut" },
	{ "030", "Buitenlandse entiteit" },
	{ "114", "Naamloze vennootschap van publiek recht" },
	{ "116", "Coöperatieve vennootschap" },
	{ "124", "Openbare instelling" },
	{ "125", "Internationale vereniging zonder winstoogmerk" },
	{ "416", "Dienstverlenende vereniging (Vlaams Gewest)" },
	{ "417", "Opdrachthoudende vereniging (Vlaams Gewest)" },
	{ "610", "Besloten vennootschap" },
};

const char *oo_magda__legal_form_label(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (strcmp(forms[i].code, code) == 0)
			return forms[i].label;
	return NULL;
}
