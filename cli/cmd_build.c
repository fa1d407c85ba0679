/* SPDX-License-Identifier: EUPL-1.2 */
/* onlyonce build: definitions to HTML forms and submission schemas. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "inputs.h"
#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/check.h"
#include "onlyonce/file.h"
#include "onlyonce/generator.h"
#include "onlyonce/identifiers.h"
#include "onlyonce/prefill.h"

typedef struct {
	const char *number_arg;
	const char *source_spec;
	const char *magda_config;
	const char *out_dir;
	const char *schemas;
	int lang;            /* -1: every language the definition declares */
	char number[11];
	oo_record *record;   /* one lookup per run, shared by every form */
} build_options;

/* The definitions of the run that passed check, loaded before the lookup
 * so the source is asked only for what they bind. */
typedef struct {
	oo_form **forms;
	size_t count;
} form_list;

static void print_help(void)
{
	fputs(_("Usage: onlyonce build [OPTION]... -o DIR FILE...\n"
		"Render form definitions as HTML (DIR/<id>.<lang>.html) and write the JSON Schema\n"
		"of their submission (DIR/<id>.submission.schema.json).\n"
		"\n"
		"  -o, --output DIR      folder to write to (created when missing)\n"
		"  -p, --prefill NUMBER  enterprise or establishment-unit number whose KBO data\n"
		"                        fill the prefilled fields (dots, spaces and BE allowed)\n"
		"  -s, --source SPEC     prefill source: fixtures (default), fixtures:DIR,\n"
		"                        magda:URL (the MAGDA GeefOnderneming service) or\n"
		"                        kbo:FILE (a store made by 'onlyonce kbo import')\n"
		"      --magda-config FILE  key = value settings of the MAGDA client\n"
		"                        (certificate, key, sender); see docs/magda.md\n"
		"  -l, --lang LANG       render only this language: nl, fr, de or en\n"
		"                        (default: every language the definition declares)\n"
		"      --schemas DIR     read form.schema.json and concepts.json from DIR\n"
		"  -h, --help            show this help and exit\n"
		"\n"
		"Exit status: 0 written, 1 a definition has findings at error level,\n"
		"2 usage error, an invalid number, or a file that cannot be read or written.\n"), stdout);
}

/* Prints the source's line for each lookup outcome. */
static void print_lookup_log(void *context, const char *line)
{
	(void)context;
	fprintf(stderr, "onlyonce: %s\n", line);
}

/* Collects the concept ids of the prefilled fields of every form, so the
 * source asks MAGDA only for the blocks they need (data minimisation).
 * The ids are borrowed from the forms. */
static const char **prefill_concepts(const form_list *forms, size_t *count)
{
	const char **ids = NULL;
	size_t i, j, n = 0, cap = 0;

	for (i = 0; i < forms->count; i++) {
		for (j = 0; j < forms->forms[i]->field_count; j++) {
			const oo_field *f = &forms->forms[i]->fields[j];

			if (!f->prefill || !f->concept)
				continue;
			if (n == cap) {
				const char **grown;

				cap = cap ? cap * 2 : 32;
				grown = oo_realloc(ids, cap * sizeof(*ids));
				if (!grown) {
					oo_free(ids);
					return NULL;
				}
				ids = grown;
			}
			ids[n++] = f->concept;
		}
	}
	*count = n;
	return ids ? ids : oo_calloc(1, sizeof(*ids));
}

/* Looks the number up once for all forms (for an establishment unit, also
 * the enterprise behind it when a form needs enterprise data). A failing
 * source does not stop the build: the forms are written with editable
 * fields and a notice. */
static int lookup(build_options *o, const form_list *forms)
{
	oo_source_options options = { NULL, print_lookup_log, NULL };
	oo_source *src = NULL;
	const char **concepts = NULL;
	size_t count = 0;
	oo_error err;
	oo_status rc;
	char shown[14];

	oo_error_clear(&err);
	oo_kbo_number_format(shown, o->number);
	options.magda_config = o->magda_config;
	rc = oo_source_open_with(&src, o->source_spec, &options, &err);
	if (rc != OO_OK) {
		cli_print_error(&err);
		return -1;
	}
	concepts = prefill_concepts(forms, &count);
	rc = concepts ? oo_source_lookup_for(src, o->number, concepts, count, &o->record, &err)
		      : OO_ENOMEM;
	oo_free(concepts);
	oo_source_free(src);
	if (rc == OO_ENOMEM) {
		cli_errorf(_("out of memory"));
		return -1;
	}
	if (rc != OO_OK) {
		if (oo_record_new(&o->record) != OO_OK)
			return -1;
		oo_record_set_outcome(o->record, OO_LOOKUP_FAILED);
		oo_record_set_message(o->record, err.message);
		fprintf(stderr, _("onlyonce: prefill %s: lookup failed: %s; the fields stay editable\n"),
			shown, err.message);
	}
	return 0;
}

static int write_output(const char *path, const char *data, size_t len)
{
	oo_error err;

	oo_error_clear(&err);
	if (oo_file_write_atomic(path, data, len, &err) != OO_OK) {
		cli_print_error(&err);
		return -1;
	}
	printf("%s\n", path);
	return 0;
}

static int write_html(build_options *o, const oo_form *form, const oo_catalog *cat, oo_lang lang)
{
	oo_buf html = OO_BUF_INIT, path = OO_BUF_INIT;
	oo_error err;
	int rc = -1;

	oo_error_clear(&err);
	if (oo_render_html(&html, form, cat, o->record, lang, &err) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}
	oo_buf_printf(&path, "%s/%s.%s.html", o->out_dir, form->id, oo_lang_code(lang));
	if (!path.failed && !html.failed)
		rc = write_output(path.data, html.data, html.len);

cleanup:
	oo_buf_free(&html);
	oo_buf_free(&path);
	return rc;
}

static int write_schema(build_options *o, const oo_form *form, const oo_catalog *cat)
{
	json_t *schema = NULL;
	char *text = NULL;
	oo_buf path = OO_BUF_INIT;
	oo_error err;
	int rc = -1;

	oo_error_clear(&err);
	if (oo_submission_schema(&schema, form, cat, &err) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}
	text = json_dumps(schema, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	oo_buf_printf(&path, "%s/%s.submission.schema.json", o->out_dir, form->id);
	if (text && !path.failed)
		rc = write_output(path.data, text, strlen(text));

cleanup:
	free(text);
	json_decref(schema);
	oo_buf_free(&path);
	return rc;
}

/* Checks one definition and adds its model to forms when it has no
 * finding at error level. Returns the exit code for it. */
static int load_one(form_list *forms, oo_checker *checker, const char *path, int lang)
{
	oo_findings *list = NULL;
	oo_form *form = NULL;
	oo_form **grown;
	oo_error err;
	int code = EXIT_CLEAN;

	oo_error_clear(&err);
	if (oo_findings_new(&list) != OO_OK || oo_check_file(checker, path, list, &form, &err) != OO_OK) {
		cli_print_error(&err);
		code = EXIT_USAGE;
		goto cleanup;
	}
	if (oo_findings_has(list, OO_SEVERITY_ERROR) || !form) {
		cli_print_findings(stderr, list, "text", 1);
		cli_errorf(_("%s: not built because the definition has errors"), path);
		code = EXIT_FINDINGS;
		goto cleanup;
	}
	if (lang >= 0 && !form->languages[lang]) {
		cli_errorf(_("%s: the definition does not declare language '%s'"), path,
			   oo_lang_code((oo_lang)lang));
		code = EXIT_USAGE;
		goto cleanup;
	}
	grown = oo_realloc(forms->forms, (forms->count + 1) * sizeof(*grown));
	if (!grown) {
		cli_errorf(_("out of memory"));
		code = EXIT_USAGE;
		goto cleanup;
	}
	forms->forms = grown;
	forms->forms[forms->count++] = form;
	form = NULL;

cleanup:
	oo_form_free(form);
	oo_findings_free(list);
	return code;
}

/* Writes the HTML of every language and the submission schema of form.
 * Returns the exit code for it. */
static int render_one(build_options *o, const oo_form *form, const oo_catalog *cat)
{
	int lang;

	for (lang = 0; lang < OO_LANG_COUNT; lang++) {
		if (o->lang >= 0 ? lang != o->lang : !form->languages[lang])
			continue;
		if (write_html(o, form, cat, (oo_lang)lang) != 0)
			return EXIT_USAGE;
	}
	return write_schema(o, form, cat) == 0 ? EXIT_CLEAN : EXIT_USAGE;
}

static void free_forms(form_list *forms)
{
	size_t i;

	for (i = 0; i < forms->count; i++)
		oo_form_free(forms->forms[i]);
	oo_free(forms->forms);
}

static int parse_options(build_options *o, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "prefill", required_argument, NULL, 'p' },
		{ "source", required_argument, NULL, 's' },
		{ "lang", required_argument, NULL, 'l' },
		{ "schemas", required_argument, NULL, 'S' },
		{ "magda-config", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "o:p:s:l:h", options, NULL)) != -1) {
		switch (opt) {
		case 'o': o->out_dir = optarg; break;
		case 'p': o->number_arg = optarg; break;
		case 's': o->source_spec = optarg; break;
		case 'S': o->schemas = optarg; break;
		case 'M': o->magda_config = optarg; break;
		case 'l':
			o->lang = oo_lang_from_code(optarg);
			if (o->lang < 0) {
				cli_errorf(_("invalid language '%s': use nl, fr, de or en"), optarg);
				return -1;
			}
			break;
		case 'h': print_help(); return 1;
		default: return -1;
		}
	}
	if (!o->out_dir) {
		cli_errorf(_("no output folder given: use -o DIR"));
		return -1;
	}
	if (optind >= argc) {
		cli_errorf(_("no definition given: name one or more FILE"));
		return -1;
	}
	return 0;
}

int cmd_build(int argc, char **argv)
{
	build_options o = { NULL, "fixtures", NULL, NULL, NULL, -1, "", NULL };
	cli_inputs inputs = CLI_INPUTS_INIT;
	form_list forms = { NULL, 0 };
	oo_checker *checker = NULL;
	oo_error err;
	int code = EXIT_USAGE, parsed;
	size_t i;

	oo_error_clear(&err);
	parsed = parse_options(&o, argc, argv);
	if (parsed != 0)
		return parsed > 0 ? cli_finish(EXIT_CLEAN) : EXIT_USAGE;
	if (o.number_arg && oo_kbo_number_normalize(o.number, o.number_arg, &err) != OO_OK) {
		cli_print_error(&err);
		return EXIT_USAGE;
	}
	if (cli_inputs_collect(&inputs, argc - optind, argv + optind, ".form.json") != 0)
		goto cleanup;
	if (oo_checker_new(&checker, o.schemas, &err) != OO_OK) {
		cli_print_error(&err);
		goto cleanup;
	}

	code = EXIT_CLEAN;
	for (i = 0; i < inputs.count; i++) {
		int one = load_one(&forms, checker, inputs.paths[i], o.lang);

		if (one > code)
			code = one;
	}
	if (forms.count == 0)
		goto cleanup;
	if (oo_dir_ensure(o.out_dir, &err) != OO_OK) {
		cli_print_error(&err);
		code = EXIT_USAGE;
		goto cleanup;
	}
	if (o.number_arg && lookup(&o, &forms) != 0) {
		code = EXIT_USAGE;
		goto cleanup;
	}
	for (i = 0; i < forms.count; i++) {
		int one = render_one(&o, forms.forms[i], oo_checker_catalog(checker));

		if (one > code)
			code = one;
	}

cleanup:
	free_forms(&forms);
	oo_record_free(o.record);
	oo_checker_free(checker);
	cli_inputs_free(&inputs);
	return cli_finish(code);
}
