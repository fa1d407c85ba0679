/* SPDX-License-Identifier: EUPL-1.2 */
/* onlyonce audit: what existing HTML forms ask that a source already holds. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "inputs.h"
#include "onlyonce/alloc.h"
#include "onlyonce/audit.h"
#include "onlyonce/check.h"
#include "onlyonce/file.h"

/* Every form of the run, with the file each came from. */
typedef struct {
	oo_form **forms;
	size_t count;
} form_set;

static void print_help(void)
{
	fputs(_("Usage: onlyonce audit [OPTION]... FILE|FOLDER...\n"
		"Report what existing HTML forms ask by hand that an authentic source holds,\n"
		"which attachments the government can fetch itself, and which concepts\n"
		"several forms ask. A FOLDER stands for the .html and .htm files below it.\n"
		"\n"
		"  -f, --format FORMAT  output format: text (default) or json\n"
		"      --against DIR    also say which existing fields the definitions\n"
		"                       (*.form.json) in DIR cover\n"
		"      --schemas DIR    read form.schema.json and concepts.json from DIR\n"
		"  -h, --help           show this help and exit\n"
		"\n"
		"Exit status: 0 no finding at error level, 1 findings at error level,\n"
		"2 usage error or a file that cannot be read.\n"), stdout);
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
	    oo_audit_extract_html(&forms, &count, html, len, path, list, &err) != OO_OK) {
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

/* Counts per form what the consultant reports first. */
typedef struct {
	size_t fields, can_prefill, attachments_can_go;
} form_counts;

static form_counts count_form(const oo_form *form, const oo_catalog *cat)
{
	form_counts n = { 0, 0, 0 };
	size_t i;

	for (i = 0; i < form->field_count; i++) {
		const oo_field *f = &form->fields[i];
		const oo_concept *c = oo_catalog_find(cat, f->concept);

		if (f->type == OO_FIELD_HIDDEN)
			continue;
		n.fields++;
		if (!c)
			continue;
		if (c->kind == OO_CONCEPT_DOCUMENT && c->fetchable && f->type == OO_FIELD_FILE)
			n.attachments_can_go++;
		else if (c->kind == OO_CONCEPT_DATUM && oo_concept_is_authentic(c))
			n.can_prefill++;
	}
	return n;
}

static void print_json(const form_set *set, const form_set *defs, const oo_catalog *cat,
		       const oo_findings *list)
{
	json_t *root = json_object(), *forms = json_array();
	char *dump;
	size_t i, j;

	for (i = 0; i < set->count; i++) {
		const oo_form *form = set->forms[i];
		form_counts n = count_form(form, cat);
		json_t *o = json_object(), *fields = json_array();

		for (j = 0; j < form->field_count; j++)
			if (form->fields[j].type != OO_FIELD_HIDDEN)
				json_array_append_new(fields, field_json(&form->fields[j], cat, defs));
		json_object_set_new(o, "file", json_string(form->file ? form->file : ""));
		json_object_set_new(o, "id", json_string(form->id ? form->id : ""));
		json_object_set_new(o, "title", json_string(oo_text_get(&form->title, OO_LANG_NL) ?
							    oo_text_get(&form->title, OO_LANG_NL) : ""));
		json_object_set_new(o, "summary", json_pack("{s:I, s:I, s:I}",
			"fields", (json_int_t)n.fields, "can_prefill", (json_int_t)n.can_prefill,
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
		form_counts n = count_form(form, cat);

		printf(_("%s (form %s): %zu fields, %zu can be prefilled, %zu attachments can go\n"),
		       form->file ? form->file : "-", form->id ? form->id : "-",
		       n.fields, n.can_prefill, n.attachments_can_go);
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

int cmd_audit(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "against", required_argument, NULL, 'a' },
		{ "schemas", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const page_suffixes[] = { ".html", ".htm", NULL };
	const char *format = "text", *against = NULL, *schemas = NULL;
	cli_inputs inputs = CLI_INPUTS_INIT;
	form_set set = { NULL, 0 }, defs = { NULL, 0 };
	oo_checker *checker = NULL;
	oo_findings *list = NULL;
	oo_error err;
	int opt, code = EXIT_USAGE;
	size_t i, unreadable = 0;

	oo_error_clear(&err);
	while ((opt = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (opt) {
		case 'f': format = optarg; break;
		case 'a': against = optarg; break;
		case 's': schemas = optarg; break;
		case 'h': print_help(); return cli_finish(EXIT_CLEAN);
		default: return EXIT_USAGE;
		}
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		cli_errorf(_("invalid format '%s': use text or json"), format);
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

	for (i = 0; i < inputs.count; i++)
		if (audit_page(inputs.paths[i], checker, &set, list) != 0)
			unreadable++; /* reported; the run goes on with the other pages */
	if (oo_audit_across(set.forms, set.count, oo_checker_catalog(checker), list, &err) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}
	oo_findings_sort(list);
	if (strcmp(format, "json") == 0)
		print_json(&set, against ? &defs : NULL, oo_checker_catalog(checker), list);
	else
		print_text(&set, against ? &defs : NULL, oo_checker_catalog(checker), list,
			   inputs.count - unreadable);
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
