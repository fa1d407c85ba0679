/* SPDX-License-Identifier: EUPL-1.2 */
/* The GeefOnderneming request and the MAGDA client configuration. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlschemas.h>

#include "magda_client.h"
#include "onlyonce/alloc.h"
#include "onlyonce/file.h"
#include "source.h"

#define REQUEST_XSD ONLYONCE_SHARED_DIR \
	"/reference/magda/xsd/Onderneming.GeefOndernemingDienst-02.00/WebService/GeefOnderneming.xsd"

static const oo_magda_request_info info = {
	"kb.vlaanderen.be/aiv/<onlyonce>&co", "1234", "6b0e0f5c-4f2b-4c39-9a55-3d0c2f1e0a11",
	"0f6c1c1e-2b0a-4d8e-8f43-5b1d7a9e6c22", "2025-06-30", "10:22:07.512"
};

static char *build(unsigned blocks)
{
	oo_buf out = OO_BUF_INIT;

	assert_int_equal(oo_magda__request(&out, "0314595348", blocks, &info), OO_OK);
	return oo_buf_detach(&out);
}

static void magda_request_escapes_sender(void **state)
{
	char *xml = build(0);

	(void)state;
	assert_non_null(strstr(xml, "<Identificatie>kb.vlaanderen.be/aiv/&lt;onlyonce&gt;&amp;co</Identificatie>"));
	assert_non_null(strstr(xml, "<Referte>6b0e0f5c-4f2b-4c39-9a55-3d0c2f1e0a11</Referte>"));
	assert_non_null(strstr(xml, "<Hoedanigheid>1234</Hoedanigheid>"));
	assert_non_null(strstr(xml, "<Datum>2025-06-30</Datum>"));
	oo_free(xml);
}

static void magda_request_lists_blocks(void **state)
{
	char *xml = build(OO_BLOCK_ALL);
	char *bank = strstr(xml, "<Bankrekeningen>1</Bankrekeningen>");
	char *activities = strstr(xml, "<Activiteiten>1</Activiteiten>");
	char *descriptions = strstr(xml, "<Omschrijvingen>");

	(void)state;
	assert_non_null(bank);
	assert_non_null(activities);
	assert_non_null(descriptions);
	/* The order of CriteriaGeefOnderneming2_0Type. */
	assert_true(bank < activities);
	assert_true(activities < descriptions);
	assert_null(strstr(xml, "<Functies>"));
	oo_free(xml);
}

/* Returns the first element named name below node, depth first. */
static xmlNodePtr find_element(xmlNodePtr node, const char *name)
{
	xmlNodePtr found;

	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)node->name, name) == 0)
			return node;
		if ((found = find_element(node->children, name)))
			return found;
	}
	return NULL;
}

static void validate_body(const char *xml)
{
	xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(REQUEST_XSD);
	xmlSchemaPtr schema = xmlSchemaParse(parser);
	xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema);
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "request.xml", NULL, XML_PARSE_NONET);
	/* Envelope/Body/GeefOnderneming is the element the XSD describes. */
	xmlNodePtr node = find_element(xmlDocGetRootElement(doc), "GeefOnderneming");

	assert_non_null(node);
	assert_int_equal(xmlSchemaValidateOneElement(valid, node), 0);
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(valid);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(parser);
}

static void magda_request_valid_against_xsd(void **state)
{
	unsigned blocks[] = { 0, OO_BLOCK_ACTIVITIES, OO_BLOCK_ALL };
	size_t i;
	char *xml;

	(void)state;
	if (access(REQUEST_XSD, R_OK) != 0) {
		print_message("skipped: %s is missing\n", REQUEST_XSD);
		skip();
	}
	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		xml = build(blocks[i]);
		validate_body(xml);
		oo_free(xml);
	}
}

static void magda_uuid_is_version_4(void **state)
{
	char a[37], b[37];

	(void)state;
	oo_magda__uuid(a);
	oo_magda__uuid(b);
	assert_int_equal(strlen(a), 36);
	assert_int_equal(a[14], '4');
	assert_non_null(strchr("89ab", a[19]));
	assert_int_equal(a[8], '-');
	assert_string_not_equal(a, b);
}

static void magda_blocks_follow_concepts(void **state)
{
	const char *names[] = { "enterprise.legal_name", "establishment.name" };
	const char *all[] = { "enterprise.main_activity", "enterprise.bank_account",
			      "enterprise.legal_form_label" };

	(void)state;
	assert_int_equal(oo_source__blocks_for(names, 2), 0);
	assert_int_equal(oo_source__blocks_for(all, 1), OO_BLOCK_ACTIVITIES);
	assert_int_equal(oo_source__blocks_for(all, 3), OO_BLOCK_ALL);
	assert_int_equal(oo_source__blocks_for(NULL, 0), OO_BLOCK_ALL);
}

static void clear_environment(void)
{
	static const char *const names[] = {
		"ONLYONCE_MAGDA_CONFIG", "ONLYONCE_MAGDA_CERT", "ONLYONCE_MAGDA_KEY",
		"ONLYONCE_MAGDA_KEY_PASSWORD", "ONLYONCE_MAGDA_CA", "ONLYONCE_MAGDA_SENDER",
		"ONLYONCE_MAGDA_CAPACITY", "ONLYONCE_MAGDA_TIMEOUT", "ONLYONCE_MAGDA_CONNECT_TIMEOUT",
		"ONLYONCE_MAGDA_RETRIES", "ONLYONCE_MAGDA_RETRY_DELAY_MS", "ONLYONCE_MAGDA_ALLOW_HTTP",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		unsetenv(names[i]);
}

static const char *write_config(const char *text)
{
	static char path[] = "/tmp/oo-magda-config-XXXXXX";
	int fd;

	strcpy(path, "/tmp/oo-magda-config-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void magda_config_reads_file_then_environment(void **state)
{
	const char *path;
	oo_magda_config cfg;
	oo_error err;

	(void)state;
	clear_environment();
	path = write_config("# MAGDA test endpoint\ncert = /etc/magda/client.pem\n"
			    "key=/etc/magda/client.key\nsender = kb.vlaanderen.be/aiv/x\n"
			    "timeout = 12\n\ncapacity = 6001\n");
	setenv("ONLYONCE_MAGDA_TIMEOUT", "7", 1);
	assert_int_equal(oo_magda__config_load(&cfg, "https://magda.example/ws", path, &err), OO_OK);
	assert_string_equal(cfg.cert, "/etc/magda/client.pem");
	assert_string_equal(cfg.key, "/etc/magda/client.key");
	assert_string_equal(cfg.sender, "kb.vlaanderen.be/aiv/x");
	assert_string_equal(cfg.capacity, "6001");
	assert_int_equal(cfg.timeout, 7);
	assert_int_equal(cfg.connect_timeout, 10);
	assert_int_equal(cfg.retries, 2);
	oo_magda__config_free(&cfg);
	unlink(path);
	clear_environment();
}

static void magda_config_rejects_unknown_key(void **state)
{
	const char *path;
	oo_magda_config cfg;
	oo_error err;

	(void)state;
	clear_environment();
	path = write_config("sender = x\nverify_peer = 0\n");
	assert_int_equal(oo_magda__config_load(&cfg, "https://magda.example/ws", path, &err), OO_EINVAL);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.message, "unknown key \"verify_peer\""));
	oo_magda__config_free(&cfg);
	unlink(path);
}

static void magda_config_rejects_timeout_out_of_range(void **state)
{
	oo_magda_config cfg;
	oo_error err;

	(void)state;
	clear_environment();
	setenv("ONLYONCE_MAGDA_TIMEOUT", "0", 1);
	assert_int_equal(oo_magda__config_load(&cfg, "https://magda.example/ws", NULL, &err), OO_EINVAL);
	assert_string_equal(err.message, "invalid timeout \"0\" in ONLYONCE_MAGDA_TIMEOUT: expected 1 "
			    "to 600 seconds");
	oo_magda__config_free(&cfg);
	clear_environment();
}

static void magda_config_needs_certificate(void **state)
{
	oo_magda_config cfg;
	oo_error err;

	(void)state;
	clear_environment();
	setenv("ONLYONCE_MAGDA_SENDER", "x", 1);
	assert_int_equal(oo_magda__config_load(&cfg, "https://magda.example/ws", NULL, &err), OO_EINVAL);
	assert_string_equal(err.message, "missing MAGDA client certificate: set ONLYONCE_MAGDA_CERT or "
			    "\"cert\" in the configuration file");
	oo_magda__config_free(&cfg);
	clear_environment();
}

static void magda_config_refuses_plain_http(void **state)
{
	oo_magda_config cfg;
	oo_error err;

	(void)state;
	clear_environment();
	setenv("ONLYONCE_MAGDA_SENDER", "x", 1);
	assert_int_equal(oo_magda__config_load(&cfg, "http://127.0.0.1:8080/ws", NULL, &err), OO_EINVAL);
	assert_non_null(strstr(err.message, "is not https"));
	oo_magda__config_free(&cfg);

	/* The test flag allows http to loopback only. */
	setenv("ONLYONCE_MAGDA_ALLOW_HTTP", "1", 1);
	assert_int_equal(oo_magda__config_load(&cfg, "http://127.0.0.1:8080/ws", NULL, &err), OO_OK);
	oo_magda__config_free(&cfg);
	assert_int_equal(oo_magda__config_load(&cfg, "http://magda.example/ws", NULL, &err), OO_EINVAL);
	oo_magda__config_free(&cfg);
	assert_int_equal(oo_magda__config_load(&cfg, "http://127.0.0.1.example/ws", NULL, &err),
			 OO_EINVAL);
	oo_magda__config_free(&cfg);
	clear_environment();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(magda_request_escapes_sender),
		cmocka_unit_test(magda_request_lists_blocks),
		cmocka_unit_test(magda_request_valid_against_xsd),
		cmocka_unit_test(magda_uuid_is_version_4),
		cmocka_unit_test(magda_blocks_follow_concepts),
		cmocka_unit_test(magda_config_reads_file_then_environment),
		cmocka_unit_test(magda_config_rejects_unknown_key),
		cmocka_unit_test(magda_config_rejects_timeout_out_of_range),
		cmocka_unit_test(magda_config_needs_certificate),
		cmocka_unit_test(magda_config_refuses_plain_http),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
