/* SPDX-License-Identifier: EUPL-1.2 */
/* Messages and findings as the user sees them. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "onlyonce/alloc.h"
#include "onlyonce/check.h"

void cli_errorf(const char *fmt, ...)
{
	va_list ap;

	fputs("onlyonce: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_print_error(const oo_error *err)
{
	if (err->file[0] && err->line > 0)
		fprintf(stderr, "onlyonce: %s:%d:%d: %s\n", err->file, err->line, err->column,
			err->message);
	else
		fprintf(stderr, "onlyonce: %s\n", err->message);
}

/* Severity names are translated for people, never in JSON. */
static const char *severity_label(oo_severity sev)
{
	switch (sev) {
	case OO_SEVERITY_ERROR: return _("error");
	case OO_SEVERITY_WARNING: return _("warning");
	case OO_SEVERITY_INFO: return _("info");
	}
	return "";
}

static void print_summary(FILE *fp, const size_t counts[3], size_t files_checked)
{
	fprintf(fp, ngettext("%zu file checked: ", "%zu files checked: ", files_checked),
		files_checked);
	fprintf(fp, ngettext("%zu error, ", "%zu errors, ", counts[OO_SEVERITY_ERROR]),
		counts[OO_SEVERITY_ERROR]);
	fprintf(fp, ngettext("%zu warning, ", "%zu warnings, ", counts[OO_SEVERITY_WARNING]),
		counts[OO_SEVERITY_WARNING]);
	fprintf(fp, ngettext("%zu note\n", "%zu notes\n", counts[OO_SEVERITY_INFO]),
		counts[OO_SEVERITY_INFO]);
}

static void print_text(FILE *fp, const oo_findings *list, size_t files_checked)
{
	size_t i, counts[3] = { 0, 0, 0 };

	for (i = 0; i < oo_findings_count(list); i++) {
		const oo_finding *f = oo_findings_at(list, i);

		counts[f->severity]++;
		fprintf(fp, "%s:%d:%d: %s: %s [%s %s]\n", f->file ? f->file : "-", f->line,
			f->column, severity_label(f->severity), f->message, f->code,
			f->rule ? f->rule : "");
		if (f->location && *f->location)
			fprintf(fp, "  %s %s\n", _("at"), f->location);
		if (f->fix)
			fprintf(fp, "  %s %s\n", _("fix:"), f->fix);
	}
	print_summary(fp, counts, files_checked);
}

/* GitHub Actions workflow commands escape %, CR and LF in the message, and
 * also : and , in property values. */
static void put_github_escaped(FILE *fp, const char *s, int property)
{
	for (; s && *s; s++) {
		if (*s == '%')
			fputs("%25", fp);
		else if (*s == '\r')
			fputs("%0D", fp);
		else if (*s == '\n')
			fputs("%0A", fp);
		else if (property && *s == ':')
			fputs("%3A", fp);
		else if (property && *s == ',')
			fputs("%2C", fp);
		else
			fputc(*s, fp);
	}
}

static void print_github(FILE *fp, const oo_findings *list, size_t files_checked)
{
	static const char *const commands[] = { "notice", "warning", "error" };
	size_t i, counts[3] = { 0, 0, 0 };

	for (i = 0; i < oo_findings_count(list); i++) {
		const oo_finding *f = oo_findings_at(list, i);

		counts[f->severity]++;
		fprintf(fp, "::%s file=", commands[f->severity]);
		put_github_escaped(fp, f->file ? f->file : "-", 1);
		if (f->line > 0)
			fprintf(fp, ",line=%d,col=%d", f->line, f->column);
		fputs(",title=", fp);
		put_github_escaped(fp, f->code, 1);
		fputc(' ', fp);
		put_github_escaped(fp, f->rule ? f->rule : "", 1);
		fputs("::", fp);
		put_github_escaped(fp, f->message, 0);
		if (f->fix) {
			fputs("%0A", fp);
			put_github_escaped(fp, _("fix:"), 0);
			fputc(' ', fp);
			put_github_escaped(fp, f->fix, 0);
		}
		fputc('\n', fp);
	}
	print_summary(fp, counts, files_checked);
}

static json_t *finding_json(const oo_finding *f)
{
	json_t *o = json_object();

	json_object_set_new(o, "code", json_string(f->code));
	json_object_set_new(o, "rule", f->rule ? json_string(f->rule) : json_null());
	json_object_set_new(o, "severity", json_string(oo_severity_name(f->severity)));
	json_object_set_new(o, "file", f->file ? json_string(f->file) : json_null());
	json_object_set_new(o, "pointer", json_string(f->location ? f->location : ""));
	json_object_set_new(o, "line", json_integer(f->line));
	json_object_set_new(o, "column", json_integer(f->column));
	json_object_set_new(o, "message", json_string(f->message));
	json_object_set_new(o, "fix", f->fix ? json_string(f->fix) : json_null());
	if (f->field)
		json_object_set_new(o, "field", json_string(f->field));
	if (f->concept)
		json_object_set_new(o, "concept", json_string(f->concept));
	if (f->source)
		json_object_set_new(o, "source", json_string(f->source));
	return o;
}

json_t *cli_findings_json(const oo_findings *list)
{
	json_t *items = json_array();
	size_t i;

	for (i = 0; i < oo_findings_count(list); i++)
		json_array_append_new(items, finding_json(oo_findings_at(list, i)));
	return items;
}

static int print_json(FILE *fp, const oo_findings *list, size_t files_checked)
{
	json_t *root = json_object();
	size_t i, counts[3] = { 0, 0, 0 };
	int rc;

	for (i = 0; i < oo_findings_count(list); i++)
		counts[oo_findings_at(list, i)->severity]++;
	json_object_set_new(root, "findings", cli_findings_json(list));
	json_object_set_new(root, "summary",
			    json_pack("{s:I, s:I, s:I, s:I}", "files", (json_int_t)files_checked,
				      "errors", (json_int_t)counts[OO_SEVERITY_ERROR],
				      "warnings", (json_int_t)counts[OO_SEVERITY_WARNING],
				      "notes", (json_int_t)counts[OO_SEVERITY_INFO]));
	rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', fp);
	json_decref(root);
	return rc;
}

/* SARIF levels: "note" is SARIF's name for info. */
static const char *sarif_level(oo_severity sev)
{
	static const char *const levels[] = { "note", "warning", "error" };

	return levels[sev];
}

/* Returns path as a URI reference: characters outside RFC 3986's
 * unreserved set and "/" are percent-encoded. Caller frees with oo_free. */
static char *path_to_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = oo_malloc(strlen(path) * 3 + 1), *p = uri;

	for (; uri && *path; path++) {
		unsigned char c = (unsigned char)*path;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c)) {
			*p++ = (char)c;
		} else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	if (uri)
		*p = '\0';
	return uri;
}

static json_t *sarif_rules(void)
{
	json_t *rules = json_array();
	size_t i, count;
	const oo_rule_info *table = oo_rules_list(&count);

	for (i = 0; i < count; i++)
		json_array_append_new(rules, json_pack("{s:s, s:s, s:{s:s}, s:{s:s}}",
						       "id", table[i].code, "name", table[i].name,
						       "shortDescription", "text", _(table[i].summary),
						       "defaultConfiguration", "level",
						       sarif_level(table[i].severity)));
	return rules;
}

static json_t *sarif_location(const oo_finding *f)
{
	char *uri = path_to_uri(f->file ? f->file : "-");
	json_t *physical = json_pack("{s:{s:s}}", "artifactLocation", "uri", uri ? uri : "-");
	json_t *location = json_object();

	oo_free(uri);
	if (f->line > 0)
		json_object_set_new(physical, "region",
				    json_pack("{s:i, s:i}", "startLine", f->line,
					      "startColumn", f->column > 0 ? f->column : 1));
	json_object_set_new(location, "physicalLocation", physical);
	/* A JSON Pointer of a definition, or the element path of an HTML page. */
	if (f->location && *f->location)
		json_object_set_new(location, "logicalLocations",
				    json_pack("[{s:s, s:s}]", "fullyQualifiedName", f->location, "kind",
					      strncmp(f->location, "/html", 5) == 0 ? "element" : "value"));
	return location;
}

static json_t *sarif_result(const oo_finding *f)
{
	const oo_rule_info *rule = oo_rules_find(f->code);
	size_t count;
	const oo_rule_info *table = oo_rules_list(&count);
	json_t *result = json_pack("{s:s, s:s, s:{s:s}, s:[o]}", "ruleId", f->code,
				   "level", sarif_level(f->severity), "message", "text", f->message,
				   "locations", sarif_location(f));
	json_t *properties = json_object();

	if (rule)
		json_object_set_new(result, "ruleIndex", json_integer(rule - table));
	if (f->fix)
		json_object_set_new(properties, "fix", json_string(f->fix));
	if (f->field)
		json_object_set_new(properties, "field", json_string(f->field));
	if (f->concept)
		json_object_set_new(properties, "concept", json_string(f->concept));
	if (f->source)
		json_object_set_new(properties, "source", json_string(f->source));
	json_object_set_new(result, "properties", properties);
	return result;
}

/* Writes a SARIF 2.1.0 log with one run: the rule table and one result per
 * finding. */
static int print_sarif(FILE *fp, const oo_findings *list)
{
	json_t *results = json_array(), *root;
	size_t i;
	int rc;

	for (i = 0; i < oo_findings_count(list); i++)
		json_array_append_new(results, sarif_result(oo_findings_at(list, i)));
	root = json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:o}}, s:s, s:o}]}",
			 "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
			 "version", "2.1.0",
			 "runs", "tool", "driver", "name", "onlyonce", "version", ONLYONCE_VERSION,
			 "rules", sarif_rules(), "columnKind", "unicodeCodePoints", "results", results);
	if (!root)
		return -1;
	rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', fp);
	json_decref(root);
	return rc;
}

int cli_print_findings(FILE *fp, const oo_findings *list, const char *format,
		       size_t files_checked)
{
	if (strcmp(format, "json") == 0)
		return print_json(fp, list, files_checked);
	if (strcmp(format, "sarif") == 0)
		return print_sarif(fp, list);
	if (strcmp(format, "github") == 0) {
		print_github(fp, list, files_checked);
		return 0;
	}
	print_text(fp, list, files_checked);
	return 0;
}

int cli_finish(int code)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "onlyonce: %s: %s\n", _("cannot write to standard output"),
			strerror(errno));
		return EXIT_USAGE;
	}
	return code;
}
