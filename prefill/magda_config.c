/* SPDX-License-Identifier: EUPL-1.2 */
/* Configuration of the MAGDA client: defaults, a "key = value" file and
 * ONLYONCE_MAGDA_* environment variables, in that order of precedence
 * (the environment wins). */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "magda_client.h"
#include "onlyonce/alloc.h"
#include "onlyonce/file.h"

/* Defaults: the Flemish MAGDA clients use a 30 s timeout. */
#define DEFAULT_CONNECT_TIMEOUT 10
#define DEFAULT_TIMEOUT 30
#define DEFAULT_RETRIES 2
#define DEFAULT_RETRY_DELAY_MS 500

typedef enum { KIND_TEXT, KIND_NUMBER } value_kind;

/* One setting: its key in the file, its environment variable, and where it
 * is stored. Numbers have an allowed range. */
typedef struct {
	const char *key;
	const char *env;
	value_kind kind;
	size_t offset;
	long min, max;
	const char *unit;
} setting;

#define TEXT(key, env, field) { key, env, KIND_TEXT, offsetof(oo_magda_config, field), 0, 0, "" }
#define NUMBER(key, env, field, min, max, unit) \
	{ key, env, KIND_NUMBER, offsetof(oo_magda_config, field), min, max, unit }

static const setting settings[] = {
	TEXT("cert", "ONLYONCE_MAGDA_CERT", cert),
	TEXT("key", "ONLYONCE_MAGDA_KEY", key),
	TEXT("key_password", "ONLYONCE_MAGDA_KEY_PASSWORD", key_password),
	TEXT("ca", "ONLYONCE_MAGDA_CA", ca),
	TEXT("sender", "ONLYONCE_MAGDA_SENDER", sender),
	TEXT("capacity", "ONLYONCE_MAGDA_CAPACITY", capacity),
	NUMBER("connect_timeout", "ONLYONCE_MAGDA_CONNECT_TIMEOUT", connect_timeout, 1, 300, "seconds"),
	NUMBER("timeout", "ONLYONCE_MAGDA_TIMEOUT", timeout, 1, 600, "seconds"),
	NUMBER("retries", "ONLYONCE_MAGDA_RETRIES", retries, 0, 5, "retries"),
	NUMBER("retry_delay_ms", "ONLYONCE_MAGDA_RETRY_DELAY_MS", retry_delay_ms, 0, 60000,
	       "milliseconds"),
};

#define SETTING_COUNT (sizeof(settings) / sizeof(settings[0]))

static const setting *find_setting(const char *key)
{
	size_t i;

	for (i = 0; i < SETTING_COUNT; i++)
		if (strcmp(settings[i].key, key) == 0)
			return &settings[i];
	return NULL;
}

/* Stores value in the field of s. where names the origin for messages
 * ("ONLYONCE_MAGDA_TIMEOUT" or "file:line"). The key passphrase is never
 * quoted back. */
static oo_status store(oo_magda_config *cfg, const setting *s, const char *value,
		       const char *where, oo_error *err)
{
	char *field = (char *)cfg + s->offset, *end, *copy;
	long number;

	if (s->kind == KIND_NUMBER) {
		number = strtol(value, &end, 10);
		if (end == value || *end || number < s->min || number > s->max)
			return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
					    "invalid %s \"%s\" in %s: expected %ld to %ld %s",
					    s->key, value, where, s->min, s->max, s->unit);
		*(long *)(void *)field = number;
		return OO_OK;
	}
	copy = oo_strdup(value);
	if (!copy)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory reading %s", where);
	oo_free(*(char **)(void *)field);
	*(char **)(void *)field = copy;
	return OO_OK;
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static oo_status parse_line(oo_magda_config *cfg, char *line, const char *path, int number,
			    oo_error *err)
{
	char where[600], *eq, *key, *value;
	const setting *s;

	line = trim(line);
	if (!*line || *line == '#')
		return OO_OK;
	if (strlen(line) >= OO_MAGDA_CONFIG_LINE_MAX)
		return oo_error_set(err, OO_ELIMIT, path, number, 0,
				    "line longer than %d bytes in MAGDA configuration '%s'",
				    OO_MAGDA_CONFIG_LINE_MAX, path);
	eq = strchr(line, '=');
	if (!eq)
		return oo_error_set(err, OO_EINVAL, path, number, 0,
				    "missing '=' in MAGDA configuration '%s', line %d: expected key = value",
				    path, number);
	*eq = '\0';
	key = trim(line);
	value = trim(eq + 1);
	s = find_setting(key);
	if (!s)
		return oo_error_set(err, OO_EINVAL, path, number, 0,
				    "unknown key \"%s\" in MAGDA configuration '%s', line %d", key, path,
				    number);
	snprintf(where, sizeof(where), "'%s', line %d", path, number);
	return store(cfg, s, value, where, err);
}

static oo_status read_file(oo_magda_config *cfg, const char *path, oo_error *err)
{
	char *text = NULL, *line, *next;
	size_t len = 0;
	int number = 0;
	oo_status rc;

	rc = oo_file_read(&text, &len, path, OO_MAGDA_CONFIG_MAX_SIZE, err);
	if (rc != OO_OK)
		return rc;
	for (line = text; rc == OO_OK && line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		rc = parse_line(cfg, line, path, ++number, err);
	}
	oo_free(text);
	return rc;
}

static oo_status read_environment(oo_magda_config *cfg, oo_error *err)
{
	const char *value;
	oo_status rc = OO_OK;
	size_t i;

	for (i = 0; i < SETTING_COUNT && rc == OO_OK; i++) {
		value = getenv(settings[i].env);
		if (value && *value)
			rc = store(cfg, &settings[i], value, settings[i].env, err);
	}
	return rc;
}

/* Returns 1 when url names a loopback host: 127.0.0.1, localhost or [::1]. */
static int is_loopback(const char *url)
{
	const char *host = strstr(url, "://");
	static const char *const names[] = { "127.0.0.1", "localhost", "[::1]" };
	size_t i, len;

	if (!host)
		return 0;
	host += 3;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		len = strlen(names[i]);
		if (strncasecmp(host, names[i], len) == 0 &&
		    (host[len] == ':' || host[len] == '/' || host[len] == '\0'))
			return 1;
	}
	return 0;
}

static oo_status check_url(const oo_magda_config *cfg, oo_error *err)
{
	if (strncasecmp(cfg->url, "https://", 8) == 0 && cfg->url[8])
		return OO_OK;
	if (strncasecmp(cfg->url, "http://", 7) == 0 && cfg->allow_http && is_loopback(cfg->url))
		return OO_OK;
	if (strncasecmp(cfg->url, "http://", 7) == 0)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "MAGDA URL \"%s\" is not https: MAGDA requires TLS with a client "
				    "certificate (plain http is allowed only to 127.0.0.1 for tests, "
				    "with ONLYONCE_MAGDA_ALLOW_HTTP=1)", cfg->url);
	return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
			    "invalid MAGDA URL \"%s\": expected https://HOST/PATH", cfg->url);
}

static oo_status check_required(const oo_magda_config *cfg, oo_error *err)
{
	int https = strncasecmp(cfg->url, "https://", 8) == 0;

	if (!cfg->sender)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "missing MAGDA sender: set ONLYONCE_MAGDA_SENDER or \"sender\" in "
				    "the configuration file to the Uri MAGDA gave you");
	if (https && (!cfg->cert || !cfg->key))
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0,
				    "missing MAGDA client %s: set ONLYONCE_MAGDA_%s or \"%s\" in the "
				    "configuration file", cfg->cert ? "key" : "certificate",
				    cfg->cert ? "KEY" : "CERT", cfg->cert ? "key" : "cert");
	return OO_OK;
}

oo_status oo_magda__config_load(oo_magda_config *cfg, const char *url, const char *path,
				oo_error *err)
{
	const char *allow = getenv("ONLYONCE_MAGDA_ALLOW_HTTP");
	oo_status rc;

	memset(cfg, 0, sizeof(*cfg));
	cfg->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
	cfg->timeout = DEFAULT_TIMEOUT;
	cfg->retries = DEFAULT_RETRIES;
	cfg->retry_delay_ms = DEFAULT_RETRY_DELAY_MS;
	cfg->allow_http = allow && strcmp(allow, "1") == 0;
	cfg->url = oo_strdup(url);
	if (!cfg->url)
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory reading MAGDA configuration");

	if (!path || !*path)
		path = getenv("ONLYONCE_MAGDA_CONFIG");
	rc = path && *path ? read_file(cfg, path, err) : OO_OK;
	if (rc == OO_OK)
		rc = read_environment(cfg, err);
	if (rc == OO_OK)
		rc = check_url(cfg, err);
	if (rc == OO_OK)
		rc = check_required(cfg, err);
	return rc;
}

void oo_magda__config_free(oo_magda_config *cfg)
{
	size_t i;

	for (i = 0; i < SETTING_COUNT; i++)
		if (settings[i].kind == KIND_TEXT)
			oo_free(*(char **)(void *)((char *)cfg + settings[i].offset));
	oo_free(cfg->url);
	memset(cfg, 0, sizeof(*cfg));
}
