/* SPDX-License-Identifier: EUPL-1.2 */
/* The MAGDA source: posts a GeefOnderneming-02.00 request with libcurl
 * over mutual TLS and parses the answer. HTTP 5xx and throttling (fault
 * 99995) are retried with a doubling delay; every other failure ends the
 * lookup with a message naming what failed. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "magda_client.h"
#include "magda_xml.h"
#include "onlyonce/alloc.h"
#include "onlyonce/identifiers.h"
#include "source.h"

#define THROTTLING_CODE "99995"

typedef struct {
	oo_magda_config cfg;
	CURL *curl;
	struct curl_slist *headers;
} magda_state;

/* What one HTTP exchange returned. */
typedef struct {
	oo_buf body;
	int over_limit;        /* the body passed OO_MAGDA_MAX_SIZE */
	CURLcode curl_rc;
	long http_status;
	char content_type[128];
	char curl_error[CURL_ERROR_SIZE];
} exchange;

/* Outcome of one attempt: done (record or error), or worth a retry. */
typedef enum { ATTEMPT_DONE, ATTEMPT_RETRY } attempt_result;

static size_t on_data(char *data, size_t size, size_t count, void *context)
{
	exchange *ex = context;
	size_t len = size * count;

	if (ex->body.len + len > OO_MAGDA_MAX_SIZE) {
		ex->over_limit = 1;
		return 0;
	}
	return oo_buf_append(&ex->body, data, len) == OO_OK ? len : 0;
}

static CURLcode set_tls(CURL *curl, const oo_magda_config *cfg)
{
	CURLcode rc = curl_easy_setopt(curl, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);

	/* Peer and host verification stay on for every URL: they are libcurl's
	 * defaults, set here so no later change can turn them off unnoticed. */
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
	if (rc == CURLE_OK && cfg->cert)
		rc = curl_easy_setopt(curl, CURLOPT_SSLCERT, cfg->cert);
	if (rc == CURLE_OK && cfg->key)
		rc = curl_easy_setopt(curl, CURLOPT_SSLKEY, cfg->key);
	if (rc == CURLE_OK && cfg->key_password)
		rc = curl_easy_setopt(curl, CURLOPT_KEYPASSWD, cfg->key_password);
	if (rc == CURLE_OK && cfg->ca)
		rc = curl_easy_setopt(curl, CURLOPT_CAINFO, cfg->ca);
	return rc;
}

static CURLcode set_transport(CURL *curl, const magda_state *st)
{
	const oo_magda_config *cfg = &st->cfg;
	CURLcode rc = curl_easy_setopt(curl, CURLOPT_URL, cfg->url);

	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, cfg->allow_http ? "http,https" : "https");
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, cfg->connect_timeout);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_TIMEOUT, cfg->timeout);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)OO_MAGDA_MAX_SIZE);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_HTTPHEADER, st->headers);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_USERAGENT, "onlyonce");
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
	if (rc == CURLE_OK)
		rc = set_tls(curl, cfg);
	return rc;
}

/* Sends request and fills ex; transport failures are left in ex->curl_rc. */
static void post(magda_state *st, const oo_buf *request, exchange *ex)
{
	const char *type = NULL;

	memset(ex, 0, sizeof(*ex));
	curl_easy_setopt(st->curl, CURLOPT_ERRORBUFFER, ex->curl_error);
	curl_easy_setopt(st->curl, CURLOPT_WRITEDATA, ex);
	curl_easy_setopt(st->curl, CURLOPT_POSTFIELDS, request->data);
	curl_easy_setopt(st->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)request->len);
	ex->curl_rc = curl_easy_perform(st->curl);
	curl_easy_getinfo(st->curl, CURLINFO_RESPONSE_CODE, &ex->http_status);
	if (curl_easy_getinfo(st->curl, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type)
		snprintf(ex->content_type, sizeof(ex->content_type), "%s", type);
	curl_easy_setopt(st->curl, CURLOPT_ERRORBUFFER, NULL);
}

static const char *curl_reason(const exchange *ex)
{
	return ex->curl_error[0] ? ex->curl_error : curl_easy_strerror(ex->curl_rc);
}

/* Turns a transport failure into a message. None of these is retried: a
 * timeout already waited the whole limit, and TLS or connection faults
 * need a change of configuration. */
static oo_status transport_error(const magda_state *st, const exchange *ex, oo_error *err)
{
	const oo_magda_config *cfg = &st->cfg;

	switch (ex->curl_rc) {
	case CURLE_WRITE_ERROR:
	case CURLE_FILESIZE_EXCEEDED:
		if (ex->over_limit || ex->curl_rc == CURLE_FILESIZE_EXCEEDED)
			return oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
					    "MAGDA response is larger than the limit of %zu MiB",
					    OO_MAGDA_MAX_SIZE / (1024 * 1024));
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory reading MAGDA response");
	case CURLE_OPERATION_TIMEDOUT:
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
				    "MAGDA did not answer within %ld s (timeout); try again later",
				    cfg->timeout);
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "cannot connect to MAGDA at %s: %s",
				    cfg->url, curl_reason(ex));
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "MAGDA response was cut off: %s",
				    curl_reason(ex));
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CACERT_BADFILE:
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
				    "TLS with MAGDA at %s failed: %s; check the CA, client certificate "
				    "and key settings", cfg->url, curl_reason(ex));
	default:
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "MAGDA request to %s failed: %s",
				    cfg->url, curl_reason(ex));
	}
}

static int is_xml_type(const char *type)
{
	return strncasecmp(type, "text/xml", 8) == 0 || strncasecmp(type, "application/xml", 15) == 0 ||
	       strncasecmp(type, "application/soap+xml", 20) == 0;
}

static int is_throttling(const oo_error *err)
{
	return err->code == OO_ESOURCE && strstr(err->message, THROTTLING_CODE " ") != NULL;
}

/* Parses a response body, keeping parse failures apart from MAGDA errors. */
static oo_status parse_body(const exchange *ex, oo_record **out, oo_error *err)
{
	oo_error detail;
	oo_status rc;

	oo_error_clear(&detail);
	rc = oo_magda_parse(out, ex->body.data ? ex->body.data : "", ex->body.len, &detail);
	if (rc == OO_EPARSE || rc == OO_ELIMIT)
		return oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "invalid MAGDA response: %s",
				    detail.message);
	if (err)
		*err = detail;
	return rc;
}

/* Judges one HTTP exchange: *out set (found or not found), an error in
 * err, or ATTEMPT_RETRY for 5xx and throttling. */
static attempt_result judge(const magda_state *st, const exchange *ex, oo_record **out,
			    oo_status *rc, oo_error *err)
{
	int server_error = ex->http_status >= 500 && ex->http_status <= 599;

	if (ex->curl_rc != CURLE_OK) {
		*rc = transport_error(st, ex, err);
		return ATTEMPT_DONE;
	}
	if (server_error || ex->http_status == 200) {
		if (!is_xml_type(ex->content_type)) {
			*rc = server_error ? oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
							  "MAGDA answered HTTP %ld", ex->http_status) :
			      oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
					   "MAGDA answered with content type \"%s\", expected XML",
					   ex->content_type[0] ? ex->content_type : "(none)");
			return server_error ? ATTEMPT_RETRY : ATTEMPT_DONE;
		}
		*rc = parse_body(ex, out, err);
		if (*rc == OO_OK && server_error) {
			oo_record_free(*out);
			*out = NULL;
			*rc = oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "MAGDA answered HTTP %ld",
					   ex->http_status);
		}
		return server_error || is_throttling(err) ? ATTEMPT_RETRY : ATTEMPT_DONE;
	}
	*rc = oo_error_set(err, OO_ESOURCE, NULL, 0, 0, "MAGDA answered HTTP %ld%s", ex->http_status,
			   ex->http_status == 401 || ex->http_status == 403 ?
			   ": access refused; check the client certificate and sender" : "");
	return ATTEMPT_DONE;
}

static void sleep_ms(long ms)
{
	struct timespec delay = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&delay, &delay) != 0)
		;
}

static oo_status build_request(oo_buf *request, const magda_state *st, const char *digits,
			       unsigned blocks)
{
	char message_ref[37], question_ref[37], date[11], clock[48];
	struct timespec now;
	struct tm local;
	oo_magda_request_info info;

	oo_magda__uuid(message_ref);
	oo_magda__uuid(question_ref);
	clock_gettime(CLOCK_REALTIME, &now);
	localtime_r(&now.tv_sec, &local);
	strftime(date, sizeof(date), "%Y-%m-%d", &local);
	snprintf(clock, sizeof(clock), "%02d:%02d:%02d.%03d", local.tm_hour, local.tm_min,
		 local.tm_sec, (int)(now.tv_nsec / 1000000) % 1000);
	info.sender = st->cfg.sender;
	info.capacity = st->cfg.capacity;
	info.message_ref = message_ref;
	info.question_ref = question_ref;
	info.date = date;
	info.time = clock;
	return oo_magda__request(request, digits, blocks, &info);
}

/* A 40046 answer does not repeat the number, so the message names it here;
 * an answer for another number must not prefill this one. */
static oo_status check_answer(oo_record *rec, const char *digits, oo_error *err)
{
	const char *concept = oo_kbo_number_is_enterprise(digits) ? "enterprise.number" :
			      "establishment.number";
	const char *number = oo_record_get(rec, concept);
	char shown[14], message[96];

	oo_kbo_number_format(shown, digits);
	if (oo_record_outcome(rec) == OO_LOOKUP_NOT_FOUND) {
		snprintf(message, sizeof(message), "%s number %s not found in KBO",
			 oo_kbo_number_is_enterprise(digits) ? "enterprise" : "establishment unit", shown);
		oo_record_set_entity(rec, oo_kbo_number_is_enterprise(digits) ?
				     OO_ENTITY_ENTERPRISE : OO_ENTITY_ESTABLISHMENT);
		return oo_record_set_message(rec, message) == OO_OK ? OO_OK :
		       oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory looking up %s", digits);
	}
	if (number && strcmp(number, digits) == 0)
		return OO_OK;
	return oo_error_set(err, OO_ESOURCE, NULL, 0, 0,
			    "MAGDA answered for number %s instead of %s", number ? number : "(none)",
			    digits);
}

/* Adds the number of retries to the message of the last failure. */
static void note_retries(oo_error *err, oo_status rc, unsigned retries)
{
	char reason[OO_ERROR_MESSAGE_MAX];

	memcpy(reason, err->message, sizeof(reason));
	oo_error_set(err, rc, NULL, 0, 0, "%.400s (gave up after %u %s)", reason, retries,
		     retries == 1 ? "retry" : "retries");
}

static oo_status lookup_magda(oo_source *src, const char *digits, unsigned blocks,
			      oo_record **out, oo_error *err)
{
	magda_state *st = src->state;
	oo_buf request = OO_BUF_INIT;
	exchange ex;
	oo_status rc = OO_OK;
	long attempt;

	*out = NULL;
	if (build_request(&request, st, digits, blocks) != OO_OK)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory building MAGDA request");
	for (attempt = 0;; attempt++) {
		post(st, &request, &ex);
		if (judge(st, &ex, out, &rc, err) == ATTEMPT_DONE || attempt >= st->cfg.retries) {
			oo_buf_free(&ex.body);
			break;
		}
		oo_buf_free(&ex.body);
		sleep_ms(st->cfg.retry_delay_ms << attempt);
		src->retries++;
	}
	oo_buf_free(&request);
	if (rc == OO_OK && (rc = check_answer(*out, digits, err)) != OO_OK) {
		oo_record_free(*out);
		*out = NULL;
	}
	if (rc != OO_OK && rc != OO_ENOMEM && src->retries > 0 && err)
		note_retries(err, rc, src->retries);
	return rc;
}

static void release_magda(void *state)
{
	magda_state *st = state;

	if (!st)
		return;
	curl_easy_cleanup(st->curl);
	curl_slist_free_all(st->headers);
	oo_magda__config_free(&st->cfg);
	oo_free(st);
}

oo_status oo_source__open_magda(oo_source *src, const char *arg, const char *config_path,
				oo_error *err)
{
	magda_state *st = oo_calloc(1, sizeof(*st));
	oo_status rc;

	if (!st)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory opening MAGDA source");
	src->state = st;
	src->release = release_magda;
	src->lookup = lookup_magda;
	rc = oo_magda__config_load(&st->cfg, arg, config_path, err);
	if (rc != OO_OK)
		return rc;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	st->headers = curl_slist_append(NULL, "Content-Type: application/soap+xml; charset=utf-8");
	st->curl = curl_easy_init();
	if (!st->headers || !st->curl)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory opening MAGDA source");
	if (set_transport(st->curl, st) != CURLE_OK)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "libcurl rejected the MAGDA transport settings (TLS 1.2 and "
				    "client certificates need libcurl 7.85 or later with TLS)");
	return OO_OK;
}
