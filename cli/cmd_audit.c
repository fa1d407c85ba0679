/* SPDX-License-Identifier: EUPL-1.2 */
/* onlyonce audit: what existing HTML forms and Form.io exports ask that a
 * source already holds, as a report in text, JSON, Markdown or HTML, and
 * optionally a draft definition per form. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "inputs.h"
#include "onlyonce/alloc.h"
#include "onlyonce/audit.h"
#include "onlyonce/check.h"
#include "onlyonce/buf.h"
#include "onlyonce/file.h"

/* Every form of the run, with the file each came from. */
typedef struct {
	oo_form **forms;
	size_t count;
} form_set;

static void print_help(void)
{
	fputs(_("Usage: onlyonce audit [OPTION]... FILE|FOLDER...\n"
		"Report what existing forms ask by hand that an authentic source holds,\n"
		"which attachments the government can fetch itself, and which concepts\n"
		"several forms ask. A FILE is an HTML page or a Form.io or Open Forms JSON\n"
		"export; a FOLDER stands for the .html, .htm and .json files below it.\n"
		"\n"
		"  -f, --format FORMAT  output format: text (default), json, md or html\n"
		"      --lang LANG      language of the md and html reports: nl (default),\n"
		"                       fr or en\n"
		"      --propose DIR    write a draft definition per form to DIR, as\n"
		"                       <id>.form.json\n"
		"      --against DIR    also say which existing fields the definitions\n"
		"                       (*.form.json) in DIR cover\n"
		"      --schemas DIR    read form.schema.json and concepts.json from DIR\n"
		"  -h, --help           show this help and exit\n"
		"\n"
		"Progress goes to standard error when it is a terminal, and a summary line\n"
		"at the end. A file that cannot be read or is not a form is reported and\n"
		"skipped.\n"
		"\n"
		"Exit status: 0 no finding at error level, 1 findings at error level,\n"
		"2 usage error or a file that could not be read.\n"), stdout);
}

static int add_forms(form_set *set, oo_form **forms, size_t count)
{
	oo_form **grown = oo_realloc(set->forms, (set->count + count + 1) * sizeof(*grown));
	size_t i;

	if (!grown)
		return -1;
	set->forms = grown;
	for (i = 0; i < count; i++)
		set->forms[set->count++] = forms[i];
	return 0;
}

/* Reads and audits one page; returns -1 when it could not be read. */
static int audit_page(const char *path, oo_checker *checker, form_set *set, oo_findings *list)
{
	char *html = NULL;
	size_t len = 0, count = 0, i;
	oo_form **forms = NULL;
	oo_error err;
	int rc = -1;

	oo_error_clear(&err);
	if (oo_file_read(&html, &len, path, OO_FILE_MAX_SIZE, &err) != OO_OK ||
	    oo_audit_extract(&forms, &count, html, len, path, list, &err) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}
	for (i = 0; i < count; i++) {
		if (oo_audit_form(forms[i], oo_checker_matcher(checker), oo_checker_catalog(checker),
				  list, &err) != OO_OK) {
			cli_print_error(&err);
			oo_audit_forms_free(forms, count);
			goto cleanup;
		}
	}
	if (add_forms(set, forms, count) != 0) {
		cli_errorf(_("out of memory"));
		oo_audit_forms_free(forms, count);
		goto cleanup;
	}
	oo_free(forms); /* the forms themselves now belong to set */
	rc = 0;

cleanup:
	oo_free(html);
	return rc;
}

/* Loads the definitions in dir that pass check without errors. */
static int load_definitions(const char *dir, oo_checker *checker, form_set *defs)
{
	char *args[] = { (char *)dir };
	cli_inputs in = CLI_INPUTS_INIT;
	size_t i;
	int rc = 0;

	if (cli_inputs_collect(&in, 1, args, ".form.json") != 0)
		return -1;
	for (i = 0; i < in.count && rc == 0; i++) {
		oo_findings *scratch = NULL;
		oo_form *form = NULL;
		oo_error err;

		oo_error_clear(&err);
		if (oo_findings_new(&scratch) != OO_OK ||
		    oo_check_file(checker, in.paths[i], scratch, &form, &err) != OO_OK) {
			cli_print_error(&err);
			rc = -1;
		} else if (form && add_forms(defs, &form, 1) != 0) {
			oo_form_free(form);
			rc = -1;
		}
		oo_findings_free(scratch);
	}
	cli_inputs_free(&in);
	return rc;
}

/* Returns the definition field that asks concept, storing its form in *def. */
static const oo_field *covering_field(const form_set *defs, const char *concept,
				      const oo_form **def)
{
	size_t i, j;

	for (i = 0; concept && i < defs->count; i++) {
		for (j = 0; j < defs->forms[i]->field_count; j++) {
			const oo_field *f = &defs->forms[i]->fields[j];
			const char *id = f->concept ? f->concept : f->document;

			if (id && strcmp(id, concept) == 0) {
				*def = defs->forms[i];
				return f;
			}
		}
	}
	return NULL;
}

static int is_fetchable_document(const oo_catalog *cat, const char *concept)
{
	const oo_concept *c = oo_catalog_find(cat, concept);

	return c && c->kind == OO_CONCEPT_DOCUMENT && c->fetchable;
}

static const char *field_label(const oo_field *f)
{
	const char *label = oo_text_get(&f->label, OO_LANG_NL);

	if (label)
		return label;
	if (f->name)
		return f->name;
	return f->id ? f->id : "";
}

static json_t *field_json(const oo_field *f, const oo_catalog *cat, const form_set *defs)
{
	const oo_concept *c = oo_catalog_find(cat, f->concept);
	const oo_form *def = NULL;
	const oo_field *cover = defs ? covering_field(defs, f->concept, &def) : NULL;
	json_t *o = json_object();

	json_object_set_new(o, "label", json_string(field_label(f)));
	json_object_set_new(o, "name", f->name ? json_string(f->name) : json_null());
	json_object_set_new(o, "type", json_string(oo_field_type_name(f->type)));
	json_object_set_new(o, "required", json_boolean(f->required));
	json_object_set_new(o, "location", json_string(f->location ? f->location : ""));
	json_object_set_new(o, "line", json_integer(f->line));
	json_object_set_new(o, "concept", c ? json_string(c->id) : json_null());
	json_object_set_new(o, "source", c ? json_string(c->source) : json_null());
	if (defs)
		json_object_set_new(o, "covered_by", cover ?
				    json_pack("{s:s, s:s}", "definition", def->id, "field", cover->id) :
				    json_null());
	return o;
}

static void print_json(const form_set *set, const form_set *defs, const oo_catalog *cat,
		       const oo_findings *list)
{
	json_t *root = json_object(), *forms = json_array();
	char *dump;
	size_t i, j;

	for (i = 0; i < set->count; i++) {
		const oo_form *form = set->forms[i];
		oo_audit_summary n;
		json_t *o = json_object(), *fields = json_array();

		oo_audit_summarise(&n, form, cat);
		for (j = 0; j < form->field_count; j++)
			if (form->fields[j].type != OO_FIELD_HIDDEN)
				json_array_append_new(fields, field_json(&form->fields[j], cat, defs));
		json_object_set_new(o, "file", json_string(form->file ? form->file : ""));
		json_object_set_new(o, "id", json_string(form->id ? form->id : ""));
		json_object_set_new(o, "title", json_string(oo_text_get(&form->title, OO_LANG_NL) ?
							    oo_text_get(&form->title, OO_LANG_NL) : ""));
		json_object_set_new(o, "summary", json_pack("{s:I, s:I, s:I, s:I}",
			"fields", (json_int_t)n.fields, "can_go", (json_int_t)n.can_go,
			"can_prefill", (json_int_t)n.can_prefill,
			"attachments_can_go", (json_int_t)n.attachments_can_go));
		json_object_set_new(o, "fields", fields);
		json_array_append_new(forms, o);
	}
	json_object_set_new(root, "forms", forms);
	json_object_set_new(root, "findings", cli_findings_json(list));
	dump = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (dump)
		puts(dump);
	free(dump);
	json_decref(root);
}

static void print_text(const form_set *set, const form_set *defs, const oo_catalog *cat,
		       const oo_findings *list, size_t pages)
{
	size_t i, j;

	for (i = 0; i < set->count; i++) {
		const oo_form *form = set->forms[i];
		oo_audit_summary n;

		oo_audit_summarise(&n, form, cat);
		printf(_("%s (form %s): %zu fields, %zu can go, %zu can be prefilled, "
			 "%zu attachments can go\n"),
		       form->file ? form->file : "-", form->id ? form->id : "-",
		       n.fields, n.can_go, n.can_prefill, n.attachments_can_go);
		for (j = 0; defs && j < form->field_count; j++) {
			const oo_field *f = &form->fields[j];
			const oo_form *def = NULL;
			const oo_field *cover = covering_field(defs, f->concept, &def);

			if (!f->concept)
				continue;
			if (cover)
				printf(_("  \"%s\" (%s): covered by %s, field %s\n"), field_label(f),
				       f->concept, def->id, cover->id);
			else if (is_fetchable_document(cat, f->concept))
				printf(_("  \"%s\" (%s): not asked, the government fetches it\n"),
				       field_label(f), f->concept);
			else
				printf(_("  \"%s\" (%s): not covered by any definition\n"),
				       field_label(f), f->concept);
		}
	}
	cli_print_findings(stdout, list, "text", pages);
}

static void free_set(form_set *set)
{
	oo_audit_forms_free(set->forms, set->count);
	set->forms = NULL;
	set->count = 0;
}

/* Writes the report in format (md or html) to stdout. */
static int print_report(const char *format, const form_set *set, const oo_catalog *cat,
			const oo_findings *list, oo_lang lang)
{
	oo_buf out = OO_BUF_INIT;
	oo_error err;
	oo_status rc;

	oo_error_clear(&err);
	if (strcmp(format, "html") == 0)
		rc = oo_audit_report_html(&out, set->forms, set->count, cat, list, lang, &err);
	else
		rc = oo_audit_report_markdown(&out, set->forms, set->count, cat, list, lang, &err);
	if (rc == OO_OK && out.data)
		fputs(out.data, stdout);
	else if (rc != OO_OK)
		cli_print_error(&err);
	oo_buf_free(&out);
	return rc == OO_OK ? 0 : -1;
}

/* Writes one draft to dir as <id>.form.json, with a suffix when two forms
 * of the run share an id. */
static int write_draft(const char *dir, json_t *draft, json_t *written)
{
	const char *id = json_string_value(json_object_get(draft, "id"));
	char path[4096], name[160];
	char *text;
	oo_error err;
	unsigned n;
	int rc = 0;

	snprintf(name, sizeof(name), "%s", id ? id : "form");
	for (n = 2; json_object_get(written, name); n++)
		snprintf(name, sizeof(name), "%s-%u", id ? id : "form", n);
	json_object_set_new(written, name, json_true());
	json_object_set_new(draft, "id", json_string(name));
	snprintf(path, sizeof(path), "%s/%s.form.json", dir, name);
	text = json_dumps(draft, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	oo_error_clear(&err);
	if (!text || oo_file_write_atomic(path, text, strlen(text), &err) != OO_OK) {
		if (text)
			cli_print_error(&err);
		else
			cli_errorf(_("out of memory"));
		rc = -1;
	} else {
		fprintf(stderr, _("onlyonce: wrote %s\n"), path);
	}
	free(text);
	return rc;
}

static int write_drafts(const char *dir, const form_set *set, oo_checker *checker)
{
	json_t *written = json_object();
	oo_error err;
	size_t i;
	int rc = 0;

	oo_error_clear(&err);
	if (oo_dir_ensure(dir, &err) != OO_OK) {
		cli_print_error(&err);
		json_decref(written);
		return -1;
	}
	for (i = 0; i < set->count && rc == 0; i++) {
		json_t *draft = NULL;

		if (oo_audit_propose(&draft, set->forms[i], oo_checker_catalog(checker),
				     oo_checker_matcher(checker), &err) != OO_OK) {
			cli_print_error(&err);
			rc = -1;
		} else {
			rc = write_draft(dir, draft, written);
		}
		json_decref(draft);
	}
	json_decref(written);
	return rc;
}

/* Shows "files done of total" on one terminal line; nothing when standard
 * error is a file or a pipe, where the line would only clutter a log. */
static void show_progress(size_t done, size_t total, int terminal)
{
	if (!terminal)
		return;
	fprintf(stderr, _("\ronlyonce: audited %zu of %zu files"), done, total);
	if (done == total)
		fputc('\n', stderr);
	fflush(stderr);
}

static void print_summary_line(size_t files, size_t skipped, size_t forms, const oo_findings *list)
{
	size_t i, errors = 0, warnings = 0;

	for (i = 0; i < oo_findings_count(list); i++) {
		errors += oo_findings_at(list, i)->severity == OO_SEVERITY_ERROR;
		warnings += oo_findings_at(list, i)->severity == OO_SEVERITY_WARNING;
	}
	fprintf(stderr, _("onlyonce: audit done: %zu of %zu files read, %zu skipped; %zu forms, "
			  "%zu errors, %zu warnings\n"), files - skipped, files, skipped, forms,
		errors, warnings);
}

static int parse_lang(const char *code, oo_lang *lang)
{
	int l = oo_lang_from_code(code);

	if (l < 0 || l == OO_LANG_DE) {
		cli_errorf(_("invalid language '%s': use nl, fr or en"), code);
		return -1;
	}
	*lang = (oo_lang)l;
	return 0;
}

static int valid_format(const char *format)
{
	return strcmp(format, "text") == 0 || strcmp(format, "json") == 0 ||
	       strcmp(format, "md") == 0 || strcmp(format, "html") == 0;
}

int cmd_audit(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'l' },
		{ "propose", required_argument, NULL, 'p' },
		{ "against", required_argument, NULL, 'a' },
		{ "schemas", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const page_suffixes[] = { ".html", ".htm", ".json", NULL };
	const char *format = "text", *against = NULL, *schemas = NULL, *propose = NULL;
	cli_inputs inputs = CLI_INPUTS_INIT;
	form_set set = { NULL, 0 }, defs = { NULL, 0 };
	oo_checker *checker = NULL;
	oo_findings *list = NULL;
	oo_lang lang = OO_LANG_NL;
	oo_error err;
	int opt, code = EXIT_USAGE, terminal = isatty(STDERR_FILENO);
	size_t i, unreadable = 0;

	oo_error_clear(&err);
	while ((opt = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (opt) {
		case 'f': format = optarg; break;
		case 'l': if (parse_lang(optarg, &lang) != 0) return EXIT_USAGE; break;
		case 'p': propose = optarg; break;
		case 'a': against = optarg; break;
		case 's': schemas = optarg; break;
		case 'h': print_help(); return cli_finish(EXIT_CLEAN);
		default: return EXIT_USAGE;
		}
	}
	if (!valid_format(format)) {
		cli_errorf(_("invalid format '%s': use text, json, md or html"), format);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		cli_errorf(_("no form given: name one or more FILE or FOLDER"));
		return EXIT_USAGE;
	}
	if (cli_inputs_collect_ext(&inputs, argc - optind, argv + optind, page_suffixes, 1) != 0)
		goto cleanup;
	if (oo_checker_new(&checker, schemas, &err) != OO_OK || oo_findings_new(&list) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}
	if (against && load_definitions(against, checker, &defs) != 0)
		goto cleanup;

	for (i = 0; i < inputs.count; i++) {
		if (audit_page(inputs.paths[i], checker, &set, list) != 0)
			unreadable++; /* reported; the run goes on with the other files */
		show_progress(i + 1, inputs.count, terminal);
	}
	if (oo_audit_across(set.forms, set.count, oo_checker_catalog(checker), list, &err) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}
	oo_findings_sort(list);
	if (strcmp(format, "json") == 0)
		print_json(&set, against ? &defs : NULL, oo_checker_catalog(checker), list);
	else if (strcmp(format, "text") == 0)
		print_text(&set, against ? &defs : NULL, oo_checker_catalog(checker), list,
			   inputs.count - unreadable);
	else if (print_report(format, &set, oo_checker_catalog(checker), list, lang) != 0)
		goto cleanup;
	if (propose && write_drafts(propose, &set, checker) != 0)
		goto cleanup;
	print_summary_line(inputs.count, unreadable, set.count, list);
	if (unreadable)
		code = EXIT_USAGE;
	else
		code = oo_findings_has(list, OO_SEVERITY_ERROR) ? EXIT_FINDINGS : EXIT_CLEAN;

cleanup:
	free_set(&set);
	free_set(&defs);
	oo_findings_free(list);
	oo_checker_free(checker);
	cli_inputs_free(&inputs);
	return cli_finish(code);
}
