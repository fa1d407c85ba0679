/* SPDX-License-Identifier: EUPL-1.2 */
/* Suppressions written in a definition, and the severity the
 * configuration gives each rule. A suppression must give a reason, so
 * that a reviewer sees why the form still asks what the rule reports. */
#include "rules_private.h"

#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/json.h"

/* One entry of a "suppress" array. */
typedef struct {
	const char *field;      /* id of the field it sits in, NULL at the top level */
	const char *rule;       /* code or name as written */
	const char *reason;     /* NULL or blank: unjustified */
	char *pointer;          /* JSON Pointer of the entry */
	int valid;              /* names a rule and gives a reason */
	int used;
} suppression;

typedef struct {
	suppression *items;
	size_t count;
} suppressions;

static int blank(const char *s)
{
	while (s && *s && strchr(" \t\r\n", *s))
		s++;
	return !s || !*s;
}

static oo_status read_entries(suppressions *set, json_t *array, const char *field, const char *base)
{
	size_t i;
	json_t *entry;

	json_array_foreach(array, i, entry) {
		suppression *s;
		char *pointer = oo_pointer_append_index(base, i);
		void *grown = pointer ? oo_realloc(set->items, (set->count + 1) * sizeof(*set->items)) : NULL;

		if (!grown) {
			oo_free(pointer);
			return OO_ENOMEM;
		}
		set->items = grown;
		s = &set->items[set->count++];
		memset(s, 0, sizeof(*s));
		s->field = field;
		s->rule = json_string_value(json_object_get(entry, "rule"));
		s->reason = json_string_value(json_object_get(entry, "reason"));
		s->pointer = pointer;
		s->valid = s->rule && oo_rules_find(s->rule) && !blank(s->reason);
	}
	return OO_OK;
}

/* Collects the top-level entries and those of every field. */
static oo_status read_suppressions(suppressions *set, json_t *doc)
{
	size_t i, j;
	json_t *section, *field;
	char base[96];
	oo_status rc = read_entries(set, json_object_get(doc, "suppress"), NULL, "/suppress");

	json_array_foreach(json_object_get(doc, "sections"), i, section) {
		json_array_foreach(json_object_get(section, "fields"), j, field) {
			if (rc != OO_OK)
				return rc;
			snprintf(base, sizeof(base), "/sections/%zu/fields/%zu/suppress", i, j);
			rc = read_entries(set, json_object_get(field, "suppress"),
					  json_string_value(json_object_get(field, "id")), base);
		}
	}
	return rc;
}

static void free_suppressions(suppressions *set)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		oo_free(set->items[i].pointer);
	oo_free(set->items);
}

/* Returns the suppression that covers f, or NULL. */
static suppression *covering(suppressions *set, const oo_finding *f)
{
	size_t i;

	for (i = 0; i < set->count; i++) {
		suppression *s = &set->items[i];
		const oo_rule_info *rule = s->valid ? oo_rules_find(s->rule) : NULL;

		if (!rule || strcmp(rule->code, f->code) != 0)
			continue;
		if (!s->field || (f->field && strcmp(s->field, f->field) == 0))
			return s;
	}
	return NULL;
}

static int rule_severity(const oo_checker *c, const char *code, oo_severity given)
{
	size_t count, i;
	const oo_rule_info *rules = oo_rules_list(&count);

	for (i = 0; i < count && i < OO_RULES__COUNT; i++)
		if (strcmp(rules[i].code, code) == 0)
			return c->severity[i] == OO_RULES__UNSET ? (int)given : c->severity[i];
	return (int)given;
}

/* Adds f to out with its configured severity and its line and column. */
static oo_status pass(const oo_checker *c, const oo_finding *f, const char *text, size_t len,
		      oo_findings *out)
{
	oo_finding copy = *f;
	int sev = rule_severity(c, f->code, f->severity);
	int line = 0, column = 0;

	if (sev == OO_SEVERITY_OFF)
		return OO_OK;
	copy.severity = (oo_severity)sev;
	if (text && f->location && oo_jsonloc_find(text, len, f->location, &line, &column) == OO_OK) {
		copy.line = line;
		copy.column = column;
	}
	return oo_findings_add(out, &copy);
}

static oo_status report_suppression(const oo_checker *c, const suppression *s, const char *path,
				    const char *text, size_t len, oo_findings *out)
{
	oo_finding f;
	char message[512];

	memset(&f, 0, sizeof(f));
	f.file = path;
	f.location = s->pointer;
	f.field = s->field;
	f.message = message;
	if (s->rule && oo_rules_find(s->rule) && blank(s->reason)) {
		f.code = "OO009";
		f.rule = "unjustified-suppression";
		f.severity = OO_SEVERITY_ERROR;
		f.fix = OO_("Say in \"reason\" why the finding does not apply here.");
		snprintf(message, sizeof(message), OO_("the suppression of %s gives no reason"), s->rule);
	} else {
		f.code = "OO010";
		f.rule = "unused-suppression";
		f.severity = OO_SEVERITY_WARNING;
		f.fix = OO_("Remove the suppression, or name the code or rule of a finding reported here.");
		if (!s->rule || !oo_rules_find(s->rule))
			snprintf(message, sizeof(message), OO_("the suppression names \"%s\", which is not a rule"),
				 s->rule ? s->rule : "");
		else
			snprintf(message, sizeof(message), OO_("the suppression of %s covers no finding"), s->rule);
	}
	return pass(c, &f, text, len, out);
}

oo_status oo_rules__filter(const oo_checker *c, const oo_findings *raw, json_t *doc,
			   const char *path, const char *text, size_t len, oo_findings *out)
{
	suppressions set = { NULL, 0 };
	size_t i;
	oo_status rc = read_suppressions(&set, doc);

	for (i = 0; i < oo_findings_count(raw) && rc == OO_OK; i++) {
		const oo_finding *f = oo_findings_at(raw, i);
		suppression *s = covering(&set, f);

		if (s)
			s->used = 1;
		else
			rc = pass(c, f, text, len, out);
	}
	for (i = 0; i < set.count && rc == OO_OK; i++)
		if (!set.items[i].valid || !set.items[i].used)
			rc = report_suppression(c, &set.items[i], path, text, len, out);
	free_suppressions(&set);
	return rc;
}
