/* SPDX-License-Identifier: EUPL-1.2 */
/* The check configuration file: a severity per rule and the level at which
 * check fails, so that a project can adopt new rules step by step. */
#include "rules_private.h"

#include <stdio.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/file.h"
#include "onlyonce/json.h"

/* Largest configuration file read. */
#define CONFIG_MAX_SIZE (64 * 1024)

oo_status oo_checker_set_severity(oo_checker *c, const char *rule, int severity, oo_error *err)
{
	const oo_rule_info *info = oo_rules_find(rule);
	size_t count;
	const oo_rule_info *table = oo_rules_list(&count);

	if (!info)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "unknown rule '%s': use a code such as OO101 or a rule name",
				    rule ? rule : "");
	if (severity < OO_SEVERITY_OFF || severity > OO_SEVERITY_ERROR)
		return oo_error_set(err, OO_EINVAL, NULL, 0, 0, "invalid severity %d for rule %s", severity, info->code);
	c->severity[info - table] = severity;
	return OO_OK;
}

/* Returns the severity named by s ("error", "warning", "info", "off"),
 * or OO_RULES__UNSET when s names none. */
static int severity_from_name(const char *s)
{
	static const struct { const char *name; int severity; } names[] = {
		{ "error", OO_SEVERITY_ERROR }, { "warning", OO_SEVERITY_WARNING },
		{ "info", OO_SEVERITY_INFO }, { "off", OO_SEVERITY_OFF },
	};
	size_t i;

	for (i = 0; s && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i].name) == 0)
			return names[i].severity;
	return OO_RULES__UNSET;
}

static oo_status read_rules(oo_checker *c, json_t *rules, const char *path, oo_error *err)
{
	const char *key;
	json_t *value;

	if (rules && !json_is_object(rules))
		return oo_error_set(err, OO_EINVAL, path, 0, 0, "\"rules\" must be an object of rule: severity");
	json_object_foreach(rules, key, value) {
		int sev = severity_from_name(json_string_value(value));
		oo_status rc;

		if (sev == OO_RULES__UNSET)
			return oo_error_set(err, OO_EINVAL, path, 0, 0,
					    "rule %s: severity must be \"error\", \"warning\", \"info\" or \"off\"", key);
		rc = oo_checker_set_severity(c, key, sev, err);
		if (rc != OO_OK) {
			if (err)
				snprintf(err->file, sizeof(err->file), "%s", path);
			return rc;
		}
	}
	return OO_OK;
}

static oo_status check_members(json_t *doc, const char *path, oo_error *err)
{
	const char *key;
	json_t *value;

	if (!json_is_object(doc))
		return oo_error_set(err, OO_EINVAL, path, 0, 0, "the configuration must be a JSON object");
	json_object_foreach(doc, key, value) {
		(void)value;
		if (strcmp(key, "rules") != 0 && strcmp(key, "fail_on") != 0 && strcmp(key, "$schema") != 0)
			return oo_error_set(err, OO_EINVAL, path, 0, 0,
					    "unknown member \"%s\": a configuration has \"rules\" and \"fail_on\"", key);
	}
	return OO_OK;
}

oo_status oo_checker_load_config(oo_checker *c, const char *path, int *fail_on, oo_error *err)
{
	char *text = NULL;
	size_t len = 0;
	json_t *doc = NULL, *level;
	oo_status rc;

	*fail_on = -1;
	rc = oo_file_read(&text, &len, path, CONFIG_MAX_SIZE, err);
	if (rc == OO_OK)
		rc = oo_json_parse(&doc, text, len, path, err);
	if (rc == OO_OK)
		rc = check_members(doc, path, err);
	if (rc == OO_OK)
		rc = read_rules(c, json_object_get(doc, "rules"), path, err);
	if (rc == OO_OK && (level = json_object_get(doc, "fail_on"))) {
		int sev = severity_from_name(json_string_value(level));

		if (sev < OO_SEVERITY_INFO)
			rc = oo_error_set(err, OO_EINVAL, path, 0, 0,
					  "\"fail_on\" must be \"error\", \"warning\" or \"info\"");
		else
			*fail_on = sev;
	}
	/* Parse errors already name the file; the others get it in front. */
	if (rc == OO_EINVAL && err) {
		char message[OO_ERROR_MESSAGE_MAX];

		snprintf(message, sizeof(message), "%s", err->message);
		oo_error_set(err, rc, path, 0, 0, "%s: %s", path, message);
	}
	json_decref(doc);
	oo_free(text);
	return rc;
}
