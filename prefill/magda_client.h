/* SPDX-License-Identifier: EUPL-1.2 */
/* Private to prefill/: the MAGDA GeefOnderneming-02.00 client, its
 * configuration and the request it sends. */
#ifndef ONLYONCE_PREFILL_MAGDA_CLIENT_H
#define ONLYONCE_PREFILL_MAGDA_CLIENT_H

#include "onlyonce/buf.h"
#include "onlyonce/status.h"

/* Maximum size of a configuration file and of one of its lines. */
#define OO_MAGDA_CONFIG_MAX_SIZE ((size_t)64 * 1024)
#define OO_MAGDA_CONFIG_LINE_MAX 4096

/* Settings of one endpoint. Strings are owned (oo_free), NULL when unset.
 * key_password is never logged or put in a message. */
typedef struct {
	char *url;
	char *cert;           /* client certificate, PEM file */
	char *key;            /* its private key, PEM file */
	char *key_password;   /* passphrase of key, or NULL */
	char *ca;             /* CA bundle to verify the server; NULL: system store */
	char *sender;         /* Afzender/Identificatie: the MAGDA Uri */
	char *capacity;       /* Afzender/Hoedanigheid, or NULL */
	long connect_timeout; /* seconds */
	long timeout;         /* seconds, whole request */
	long retries;         /* extra attempts on HTTP 5xx and throttling */
	long retry_delay_ms;  /* first backoff delay, doubled per retry */
	int allow_http;       /* plain http to a loopback host, for tests */
} oo_magda_config;

/* Loads the configuration for url: defaults, then the file path (NULL: the
 * file named by ONLYONCE_MAGDA_CONFIG, if set), then ONLYONCE_MAGDA_*
 * environment variables. Checks that the URL is https (or http to a
 * loopback host with ONLYONCE_MAGDA_ALLOW_HTTP=1) and that a certificate,
 * key and sender are set. Free with oo_magda__config_free, also on
 * failure. */
oo_status oo_magda__config_load(oo_magda_config *cfg, const char *url, const char *path,
				oo_error *err);
void oo_magda__config_free(oo_magda_config *cfg);

/* Writes a random (version 4) UUID in its 36-character form. */
void oo_magda__uuid(char out[37]);

/* Identity and references of one request. */
typedef struct {
	const char *sender;          /* Afzender/Identificatie */
	const char *capacity;        /* Afzender/Hoedanigheid, or NULL */
	const char *message_ref;     /* Afzender/Referte */
	const char *question_ref;    /* Vraag/Referte */
	const char *date;            /* YYYY-MM-DD */
	const char *time;            /* HH:MM:SS.mmm */
} oo_magda_request_info;

/* Appends the GeefOnderneming-02.00 SOAP request for the 10-digit number
 * digits to out, asking for Basisgegevens and the blocks (OO_BLOCK_*). The
 * body is not signed. Text from the configuration is XML-escaped. */
oo_status oo_magda__request(oo_buf *out, const char *digits, unsigned blocks,
			    const oo_magda_request_info *info);

#endif
