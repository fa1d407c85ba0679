/* SPDX-License-Identifier: EUPL-1.2 */
/* The GeefOnderneming-02.00 request: a SOAP 1.1 envelope whose wrapper
 * element alone is namespace-qualified, because the MAGDA schemas are
 * elementFormDefault="unqualified". */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "magda_client.h"
#include "source.h"

#define SOAP_NS "http://schemas.xmlsoap.org/soap/envelope/"
#define SERVICE_NS "http://webservice.geefondernemingdienst-02_00.onderneming-02_00.vip.vlaanderen.be"

/* Reads random bytes from /dev/urandom; falls back on time and clock
 * mixing only when the device cannot be read, since a Referte needs to be
 * unique, not secret. */
static void random_bytes(unsigned char *out, size_t len)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, out, len) : -1;
	struct timespec now;
	size_t i;

	if (fd >= 0)
		close(fd);
	if (got == (ssize_t)len)
		return;
	clock_gettime(CLOCK_REALTIME, &now);
	for (i = 0; i < len; i++)
		out[i] = (unsigned char)((now.tv_nsec >> (i % 24)) ^ (now.tv_sec >> (i % 16)) ^
					 (i * 131u) ^ (unsigned)getpid());
}

void oo_magda__uuid(char out[37])
{
	unsigned char bytes[16];
	size_t i, pos = 0;

	random_bytes(bytes, sizeof(bytes));
	bytes[6] = (unsigned char)((bytes[6] & 0x0F) | 0x40); /* version 4 */
	bytes[8] = (unsigned char)((bytes[8] & 0x3F) | 0x80); /* RFC 4122 variant */
	for (i = 0; i < sizeof(bytes); i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[pos++] = '-';
		snprintf(out + pos, 3, "%02x", bytes[i]);
		pos += 2;
	}
	out[pos] = '\0';
}

/* Appends <name>text</name> with text escaped. oo_buf_put_html escapes
 * &, <, >, " and ', which is also valid XML character data. */
static void put_element(oo_buf *out, const char *indent, const char *name, const char *text)
{
	oo_buf_printf(out, "%s<%s>", indent, name);
	oo_buf_put_html(out, text);
	oo_buf_printf(out, "</%s>\n", name);
}

static void put_context(oo_buf *out, const oo_magda_request_info *info)
{
	oo_buf_puts(out, "        <Context>\n"
		    "          <Naam>GeefOnderneming</Naam>\n"
		    "          <Versie>02.00.0000</Versie>\n"
		    "          <Bericht>\n"
		    "            <Type>VRAAG</Type>\n"
		    "            <Tijdstip>\n");
	put_element(out, "              ", "Datum", info->date);
	put_element(out, "              ", "Tijd", info->time);
	oo_buf_puts(out, "            </Tijdstip>\n"
		    "            <Afzender>\n");
	put_element(out, "              ", "Identificatie", info->sender);
	put_element(out, "              ", "Referte", info->message_ref);
	if (info->capacity && *info->capacity)
		put_element(out, "              ", "Hoedanigheid", info->capacity);
	oo_buf_puts(out, "            </Afzender>\n"
		    "            <Ontvanger>\n"
		    "              <Identificatie>vip.vlaanderen.be</Identificatie>\n"
		    "            </Ontvanger>\n"
		    "          </Bericht>\n"
		    "        </Context>\n");
}

/* The criteria follow the element order of CriteriaGeefOnderneming2_0Type.
 * Functies (persons) and the other blocks are never asked: no concept
 * needs them. */
static void put_criteria(oo_buf *out, const char *digits, unsigned blocks)
{
	oo_buf_puts(out, "              <Criteria>\n");
	put_element(out, "                ", "Ondernemingsnummer", digits);
	oo_buf_puts(out, "                <Basisgegevens>1</Basisgegevens>\n");
	if (blocks & OO_BLOCK_BANK_ACCOUNTS)
		oo_buf_puts(out, "                <Bankrekeningen>1</Bankrekeningen>\n");
	if (blocks & OO_BLOCK_ACTIVITIES)
		oo_buf_puts(out, "                <Activiteiten>1</Activiteiten>\n");
	if (blocks & OO_BLOCK_DESCRIPTIONS)
		oo_buf_puts(out, "                <Omschrijvingen>\n"
			    "                  <Aanduiding>1</Aanduiding>\n"
			    "                </Omschrijvingen>\n");
	oo_buf_puts(out, "              </Criteria>\n");
}

oo_status oo_magda__request(oo_buf *out, const char *digits, unsigned blocks,
			    const oo_magda_request_info *info)
{
	oo_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<soapenv:Envelope xmlns:soapenv=\"" SOAP_NS "\">\n"
		    "  <soapenv:Header/>\n"
		    "  <soapenv:Body Id=\"Body\">\n"
		    "    <geef:GeefOnderneming xmlns:geef=\"" SERVICE_NS "\">\n"
		    "      <Verzoek>\n");
	put_context(out, info);
	oo_buf_puts(out, "        <Vragen>\n"
		    "          <Vraag>\n");
	put_element(out, "            ", "Referte", info->question_ref);
	oo_buf_puts(out, "            <Inhoud>\n");
	put_criteria(out, digits, blocks);
	oo_buf_puts(out, "              <Taal>nl</Taal>\n"
		    "            </Inhoud>\n"
		    "          </Vraag>\n"
		    "        </Vragen>\n"
		    "      </Verzoek>\n"
		    "    </geef:GeefOnderneming>\n"
		    "  </soapenv:Body>\n"
		    "</soapenv:Envelope>\n");
	return out->failed ? OO_ENOMEM : OO_OK;
}
