/* SPDX-License-Identifier: EUPL-1.2 */
/* Messages and findings as the user sees them. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

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
	fprintf(fp, ngettext("%zu file checked: ", "%zu files checked: ", files_checked),
		files_checked);
	fprintf(fp, ngettext("%zu error, ", "%zu errors, ", counts[OO_SEVERITY_ERROR]),
		counts[OO_SEVERITY_ERROR]);
	fprintf(fp, ngettext("%zu warning, ", "%zu warnings, ", counts[OO_SEVERITY_WARNING]),
		counts[OO_SEVERITY_WARNING]);
	fprintf(fp, ngettext("%zu note\n", "%zu notes\n", counts[OO_SEVERITY_INFO]),
		counts[OO_SEVERITY_INFO]);
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

int cli_print_findings(FILE *fp, const oo_findings *list, const char *format,
		       size_t files_checked)
{
	if (strcmp(format, "json") == 0)
		return print_json(fp, list, files_checked);
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
