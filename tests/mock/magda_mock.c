/* SPDX-License-Identifier: EUPL-1.2 */
/* A mock of the MAGDA GeefOnderneming-02.00 web service for tests and the
 * demo. It listens on 127.0.0.1 only, on a free port that it writes to a
 * file, answers from a folder of fixtures by enterprise number, and plays
 * the faults of faults.h. With --tls-cert it speaks HTTPS (GnuTLS through
 * libmicrohttpd) and, with --client-ca, refuses requests whose client
 * certificate that CA did not sign.
 *
 * Usage: magda_mock --fixtures DIR --port-file FILE [--request-dir DIR]
 *                   [--tls-cert PEM --tls-key PEM [--client-ca PEM]]
 * Runs until SIGTERM or SIGINT. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <microhttpd.h>

#include "faults.h"

/* Largest request body the mock reads; a GeefOnderneming request is about
 * 2 KiB. */
#define REQUEST_MAX (64 * 1024)
#define HUGE_SIZE (5 * 1024 * 1024)
#define DELAY_MS 5000

typedef struct {
	const char *fixtures;
	const char *request_dir;
	char *tls_cert, *tls_key, *client_ca;
	int require_client_cert;
} mock_config;

typedef struct {
	char *data;
	size_t len;
	int too_large;
} request_body;

static mock_config config;
static volatile sig_atomic_t stopping;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* Numbers whose "once" fault was played already. */
static char played[16][11];
static int played_count;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data = NULL;
	long size;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
	    (data = malloc((size_t)size + 1)) && fread(data, 1, (size_t)size, fp) == (size_t)size) {
		data[size] = '\0';
		*len = (size_t)size;
	} else {
		free(data);
		data = NULL;
	}
	fclose(fp);
	return data;
}

/* Returns 1 the first time number asks for a "once" fault, 0 later. */
static int first_time(const char *number)
{
	int i, first = 1;

	pthread_mutex_lock(&lock);
	for (i = 0; i < played_count; i++)
		if (strcmp(played[i], number) == 0)
			first = 0;
	if (first && played_count < 16)
		snprintf(played[played_count++], sizeof(played[0]), "%s", number);
	pthread_mutex_unlock(&lock);
	return first;
}

static enum MHD_Result send_text(struct MHD_Connection *conn, unsigned status, const char *type,
				 const char *text)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(strlen(text), (void *)text,
								    MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	rc = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return rc;
}

static enum MHD_Result send_owned(struct MHD_Connection *conn, unsigned status, char *xml,
				  size_t len)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, xml, MHD_RESPMEM_MUST_FREE);
	enum MHD_Result rc;

	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "text/xml; charset=utf-8");
	rc = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return rc;
}

#define ENVELOPE_START                                                                       \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                          \
	"<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"        \
	"<soapenv:Body><web:GeefOndernemingResponse xmlns:web=\"http://webservice."             \
	"geefondernemingdienst-02_00.onderneming-02_00.vip.vlaanderen.be\"><Repliek><Context>"  \
	"<Naam>GeefOnderneming</Naam><Versie>02.00.0000</Versie></Context><Antwoorden>"         \
	"<Antwoord><Referte>mock</Referte>"
#define ENVELOPE_END "</Antwoord></Antwoorden></Repliek></web:GeefOndernemingResponse>" \
	"</soapenv:Body></soapenv:Envelope>\n"

static enum MHD_Result send_exception(struct MHD_Connection *conn, const char *code,
				      const char *type, const char *origin, const char *diagnose)
{
	char xml[2048];

	snprintf(xml, sizeof(xml), ENVELOPE_START "<Uitzonderingen><Uitzondering>"
		 "<Identificatie>%s</Identificatie><Oorsprong>%s</Oorsprong><Type>%s</Type>"
		 "<Diagnose>%s</Diagnose></Uitzondering></Uitzonderingen>" ENVELOPE_END,
		 code, origin, type, diagnose);
	return send_text(conn, MHD_HTTP_OK, "text/xml; charset=utf-8", xml);
}

static enum MHD_Result send_throttled(struct MHD_Connection *conn)
{
	return send_text(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "text/xml; charset=utf-8",
			 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			 "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
			 "<soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode>"
			 "<faultstring>99995 - Te veel gelijktijdige bevragingen</faultstring>"
			 "<detail><message>Exceeded the max throttle rate of 10 within 1000ms"
			 "</message></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>\n");
}

/* Answers with the fixture of FOD Economie, renumbered to number, for the
 * faults that end in success. */
static enum MHD_Result send_renumbered(struct MHD_Connection *conn, const char *number)
{
	char path[4096], *xml, *at;
	size_t len = 0;

	snprintf(path, sizeof(path), "%s/0314595348.xml", config.fixtures);
	xml = read_file(path, &len);
	if (!xml)
		return send_text(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "text/plain", "fixture missing\n");
	while ((at = strstr(xml, "0314595348")))
		memcpy(at, number, 10);
	return send_owned(conn, MHD_HTTP_OK, xml, len);
}

static enum MHD_Result send_fixture(struct MHD_Connection *conn, const char *number)
{
	char path[4096], *xml;
	size_t len = 0;

	snprintf(path, sizeof(path), "%s/%s.xml", config.fixtures, number);
	xml = read_file(path, &len);
	if (!xml)
		return send_exception(conn, "40046", "INFORMATIE", "MAGDA",
				      "Gevraagde ondernemingsnummer bestaat niet in KBO");
	return send_owned(conn, MHD_HTTP_OK, xml, len);
}

/* Sends half of a body whose Content-Length announces all of it, then
 * ends the connection. */
static ssize_t truncated_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
	const char *text = cls;
	size_t half = strlen(text) / 2;

	if (pos >= half)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	if (max > half - pos)
		max = half - pos;
	memcpy(buf, text + pos, max);
	return (ssize_t)max;
}

static ssize_t huge_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
	static const char filler[] = "<Filler>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</Filler>\n";
	size_t i;

	(void)cls;
	if (pos >= HUGE_SIZE)
		return MHD_CONTENT_READER_END_OF_STREAM;
	if (max > HUGE_SIZE - pos)
		max = HUGE_SIZE - pos;
	for (i = 0; i < max; i++)
		buf[i] = filler[(pos + i) % (sizeof(filler) - 1)];
	return (ssize_t)max;
}

static enum MHD_Result send_stream(struct MHD_Connection *conn, uint64_t size,
				   MHD_ContentReaderCallback reader, void *cls)
{
	struct MHD_Response *resp = MHD_create_response_from_callback(size, 32 * 1024, reader, cls,
								      NULL);
	enum MHD_Result rc;

	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "text/xml; charset=utf-8");
	rc = MHD_queue_response(conn, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return rc;
}

static void sleep_ms(long ms)
{
	struct timespec step = { 0, 100 * 1000000L };

	for (; ms > 0 && !stopping; ms -= 100)
		nanosleep(&step, NULL);
}

static const char truncated_answer[] = ENVELOPE_START "<Inhoud><Onderneming>"
	"<Ondernemingsnummer>" MOCK_TRUNCATED "</Ondernemingsnummer></Onderneming></Inhoud>"
	ENVELOPE_END;

/* Plays the fault for number, or the fixture. */
static enum MHD_Result answer(struct MHD_Connection *conn, const char *number)
{
	if (strcmp(number, MOCK_DELAY) == 0) {
		sleep_ms(DELAY_MS);
		return send_fixture(conn, number);
	}
	if (strcmp(number, MOCK_HTTP_500) == 0)
		return send_text(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, "text/plain", "Internal error\n");
	if (strcmp(number, MOCK_HTTP_503_ONCE) == 0 && first_time(number))
		return send_text(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "text/plain", "Try again\n");
	if (strcmp(number, MOCK_THROTTLE) == 0 ||
	    (strcmp(number, MOCK_THROTTLE_ONCE) == 0 && first_time(number)))
		return send_throttled(conn);
	if (strcmp(number, MOCK_HTTP_503_ONCE) == 0 || strcmp(number, MOCK_THROTTLE_ONCE) == 0)
		return send_renumbered(conn, number);
	if (strcmp(number, MOCK_TRUNCATED) == 0)
		return send_stream(conn, strlen(truncated_answer), truncated_reader,
				   (void *)truncated_answer);
	if (strcmp(number, MOCK_INVALID_XML) == 0)
		return send_text(conn, MHD_HTTP_OK, "text/xml", "<soapenv:Envelope><Body><Repliek>");
	if (strcmp(number, MOCK_HUGE) == 0)
		return send_stream(conn, HUGE_SIZE, huge_reader, NULL);
	if (strcmp(number, MOCK_WRONG_TYPE) == 0)
		return send_text(conn, MHD_HTTP_OK, "text/html",
				 "<html><body>Gateway maintenance</body></html>\n");
	if (strcmp(number, MOCK_XXE) == 0)
		return send_text(conn, MHD_HTTP_OK, "text/xml",
				 "<?xml version=\"1.0\"?>\n<!DOCTYPE Envelope [<!ENTITY secret SYSTEM "
				 "\"file:///etc/passwd\">]>\n<Envelope><Body><Repliek>&secret;"
				 "</Repliek></Body></Envelope>\n");
	if (strcmp(number, MOCK_INVALID_NUMBER) == 0)
		return send_exception(conn, "20007", "FOUT", "MAGDA",
				      "Ondernemingsnummer in de vraag heeft een ongeldige structuur");
	if (strcmp(number, MOCK_KBO_ERROR) == 0)
		return send_exception(conn, "40033", "FOUT", "KBO",
				      "Interne fout bij verwerking door KBO");
	return send_fixture(conn, number);
}

/* Copies the 10 digits after <Ondernemingsnummer> into number. */
static int find_number(const request_body *body, char number[11])
{
	const char *at = body->data ? strstr(body->data, "<Ondernemingsnummer>") : NULL;
	int i;

	if (!at)
		return 0;
	at += strlen("<Ondernemingsnummer>");
	for (i = 0; i < 10; i++) {
		if (at[i] < '0' || at[i] > '9')
			return 0;
		number[i] = at[i];
	}
	number[10] = '\0';
	return at[10] == '<';
}

/* Keeps the request as DIR/<number>.request.xml and adds a line to
 * DIR/requests.log, so tests can check what was asked and how often. */
static void record_request(const request_body *body, const char *number)
{
	char path[4096];
	FILE *fp;

	if (!config.request_dir)
		return;
	pthread_mutex_lock(&lock);
	snprintf(path, sizeof(path), "%s/%s.request.xml", config.request_dir, number);
	if ((fp = fopen(path, "wb"))) {
		fwrite(body->data, 1, body->len, fp);
		fclose(fp);
	}
	snprintf(path, sizeof(path), "%s/requests.log", config.request_dir);
	if ((fp = fopen(path, "a"))) {
		fprintf(fp, "%s\n", number);
		fclose(fp);
	}
	pthread_mutex_unlock(&lock);
}

/* Accepts the connection when its client certificate verifies against
 * the trusted CA. */
static int client_verified(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *info;
	unsigned status = 1;

	if (!config.require_client_cert)
		return 1;
	info = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION);
	if (!info || !info->tls_session)
		return 0;
	if (gnutls_certificate_verify_peers2((gnutls_session_t)info->tls_session, &status) != 0)
		return 0;
	return status == 0 && gnutls_certificate_get_peers((gnutls_session_t)info->tls_session, NULL);
}

static int append_body(request_body *body, const char *data, size_t len)
{
	char *grown;

	if (body->len + len > REQUEST_MAX) {
		body->too_large = 1;
		return 0;
	}
	grown = realloc(body->data, body->len + len + 1);
	if (!grown)
		return 0;
	body->data = grown;
	memcpy(body->data + body->len, data, len);
	body->len += len;
	body->data[body->len] = '\0';
	return 1;
}

static enum MHD_Result respond(struct MHD_Connection *conn, const char *method,
			       request_body *body)
{
	const char *type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						       MHD_HTTP_HEADER_CONTENT_TYPE);
	char number[11];

	if (!client_verified(conn))
		return send_text(conn, MHD_HTTP_FORBIDDEN, "text/plain", "client certificate refused\n");
	if (strcmp(method, "POST") != 0)
		return send_text(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "text/plain", "POST only\n");
	if (!type || !strstr(type, "xml"))
		return send_text(conn, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "text/plain", "expected XML\n");
	if (body->too_large)
		return send_text(conn, MHD_HTTP_CONTENT_TOO_LARGE, "text/plain", "request too large\n");
	if (!find_number(body, number))
		return send_text(conn, MHD_HTTP_BAD_REQUEST, "text/plain", "no Ondernemingsnummer\n");
	record_request(body, number);
	return answer(conn, number);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *data,
				  size_t *data_size, void **state)
{
	request_body *body = *state;

	(void)cls;
	(void)url;
	(void)version;
	if (!body) {
		*state = calloc(1, sizeof(request_body));
		return *state ? MHD_YES : MHD_NO;
	}
	if (*data_size) {
		append_body(body, data, *data_size);
		*data_size = 0;
		return MHD_YES;
	}
	return respond(conn, method, body);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **state,
			 enum MHD_RequestTerminationCode code)
{
	request_body *body = *state;

	(void)cls;
	(void)conn;
	(void)code;
	if (body) {
		free(body->data);
		free(body);
		*state = NULL;
	}
}

static struct MHD_Daemon *start(void)
{
	struct sockaddr_in addr;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
			 MHD_USE_ERROR_LOG;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = 0; /* the kernel picks a free port */
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (!config.tls_cert)
		return MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL,
					MHD_OPTION_SOCK_ADDR, &addr,
					MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
	if (!config.client_ca)
		return MHD_start_daemon(flags | MHD_USE_TLS, 0, NULL, NULL, on_request, NULL,
					MHD_OPTION_SOCK_ADDR, &addr,
					MHD_OPTION_HTTPS_MEM_CERT, config.tls_cert,
					MHD_OPTION_HTTPS_MEM_KEY, config.tls_key,
					MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
	config.require_client_cert = 1;
	return MHD_start_daemon(flags | MHD_USE_TLS, 0, NULL, NULL, on_request, NULL,
				MHD_OPTION_SOCK_ADDR, &addr,
				MHD_OPTION_HTTPS_MEM_CERT, config.tls_cert,
				MHD_OPTION_HTTPS_MEM_KEY, config.tls_key,
				MHD_OPTION_HTTPS_MEM_TRUST, config.client_ca,
				MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
}

static int write_port(const char *path, unsigned port)
{
	char tmp[4096];
	FILE *fp;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fp = fopen(tmp, "w");
	if (!fp)
		return -1;
	fprintf(fp, "%u\n", port);
	if (fclose(fp) != 0)
		return -1;
	return rename(tmp, path);
}

static char *load_pem(const char *path, const char *kind)
{
	size_t len = 0;
	char *pem = read_file(path, &len);

	if (!pem)
		fprintf(stderr, "magda_mock: cannot read %s '%s': %s\n", kind, path, strerror(errno));
	return pem;
}

static int parse_args(int argc, char **argv, const char **port_file)
{
	static const struct option options[] = {
		{ "fixtures", required_argument, NULL, 'f' },
		{ "port-file", required_argument, NULL, 'p' },
		{ "request-dir", required_argument, NULL, 'r' },
		{ "tls-cert", required_argument, NULL, 'c' },
		{ "tls-key", required_argument, NULL, 'k' },
		{ "client-ca", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'f': config.fixtures = optarg; break;
		case 'p': *port_file = optarg; break;
		case 'r': config.request_dir = optarg; break;
		case 'c': if (!(config.tls_cert = load_pem(optarg, "certificate"))) return -1; break;
		case 'k': if (!(config.tls_key = load_pem(optarg, "key"))) return -1; break;
		case 'a': if (!(config.client_ca = load_pem(optarg, "client CA"))) return -1; break;
		default: return -1;
		}
	}
	if (!config.fixtures || !*port_file || (!config.tls_cert != !config.tls_key)) {
		fprintf(stderr, "usage: magda_mock --fixtures DIR --port-file FILE [--request-dir DIR]\n"
			"                  [--tls-cert PEM --tls-key PEM [--client-ca PEM]]\n");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *port_file = NULL;
	struct MHD_Daemon *daemon;
	const union MHD_DaemonInfo *info;

	if (parse_args(argc, argv, &port_file) != 0)
		return 2;
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGPIPE, SIG_IGN);
	daemon = start();
	if (!daemon) {
		fprintf(stderr, "magda_mock: cannot start the server on 127.0.0.1\n");
		return 1;
	}
	info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
	if (!info || write_port(port_file, info->port) != 0) {
		fprintf(stderr, "magda_mock: cannot write the port to '%s'\n", port_file);
		MHD_stop_daemon(daemon);
		return 1;
	}
	fprintf(stderr, "magda_mock: listening on 127.0.0.1:%u (%s)\n", info->port,
		config.tls_cert ? "https" : "http");
	while (!stopping)
		pause();
	MHD_stop_daemon(daemon);
	fprintf(stderr, "magda_mock: stopped\n");
	return 0;
}
