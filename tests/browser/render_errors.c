/* SPDX-License-Identifier: EUPL-1.2 */
/* Renders each definition as the page a user sees again after a failed
 * submission: every required field that is always shown gets an error. The
 * CLI has no command for such a page, so the browser checks use this
 * program to put the error summary and the error messages through
 * axe-core and the Nu HTML Checker as well.
 *
 * Usage: render_errors OUTDIR FILE...  writes OUTDIR/<id>.<lang>.html */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/check.h"
#include "onlyonce/file.h"
#include "onlyonce/generator.h"

/* Room for the errors of one form: definitions hold far fewer fields. */
#define MAX_ERRORS 256

static const char *const phrases[OO_LANG_COUNT] = {
	"vul dit in.", "compl\u00e9tez ce champ.", "bitte ausf\u00fcllen.", "fill this in.",
};

/* Returns the field's label in lang, for the message that names it. */
static const char *field_label(const oo_field *f, const oo_catalog *cat, oo_lang lang)
{
	const oo_concept *c = f->concept ? oo_catalog_find(cat, f->concept) : NULL;
	const char *label = oo_text_get(&f->label, lang);

	if (!label && c)
		label = oo_text_get(&c->label, lang);
	return label ? label : f->id;
}

/* Fills errors for form in lang; messages go to texts, one per error. */
static size_t collect_errors(oo_field_error *errors, oo_buf *texts, const oo_form *form,
			     const oo_catalog *cat, oo_lang lang)
{
	size_t i, n = 0;

	for (i = 0; i < form->field_count && n < MAX_ERRORS; i++) {
		const oo_field *f = &form->fields[i];

		if (!f->required || f->visible_if.field)
			continue;
		oo_buf_printf(&texts[n], "%s: %s", field_label(f, cat, lang), phrases[lang]);
		errors[n].field = f->id;
		/* A three-part date names its wrong part; other fields ignore it. */
		errors[n].part = "month";
		errors[n].message = texts[n].data;
		n++;
	}
	return n;
}

static int render_one(const char *dir, const oo_form *form, const oo_catalog *cat, oo_lang lang)
{
	static oo_field_error errors[MAX_ERRORS];
	static oo_buf texts[MAX_ERRORS];
	oo_buf html = OO_BUF_INIT, path = OO_BUF_INIT;
	oo_error err;
	size_t n, i;
	int rc = 1;

	oo_error_clear(&err);
	n = collect_errors(errors, texts, form, cat, lang);
	if (oo_render_html_errors(&html, form, cat, NULL, lang, errors, n, &err) != OO_OK)
		goto cleanup;
	oo_buf_printf(&path, "%s/%s.%s.html", dir, form->id, oo_lang_code(lang));
	if (path.failed || html.failed ||
	    oo_file_write_atomic(path.data, html.data, html.len, &err) != OO_OK)
		goto cleanup;
	printf("%s\n", path.data);
	rc = 0;

cleanup:
	if (rc)
		fprintf(stderr, "render_errors: %s: %s\n", form->id, err.message);
	for (i = 0; i < n; i++)
		oo_buf_free(&texts[i]);
	oo_buf_free(&html);
	oo_buf_free(&path);
	return rc;
}

static int render_file(oo_checker *checker, const char *dir, const char *file)
{
	oo_findings *list = NULL;
	oo_form *form = NULL;
	oo_error err;
	int lang, rc = 1;

	oo_error_clear(&err);
	if (oo_findings_new(&list) != OO_OK ||
	    oo_check_file(checker, file, list, &form, &err) != OO_OK || !form) {
		fprintf(stderr, "render_errors: %s: cannot load: %s\n", file, err.message);
		goto cleanup;
	}
	rc = 0;
	for (lang = 0; lang < OO_LANG_COUNT; lang++)
		if (form->languages[lang])
			rc |= render_one(dir, form, oo_checker_catalog(checker), (oo_lang)lang);

cleanup:
	oo_form_free(form);
	oo_findings_free(list);
	return rc;
}

int main(int argc, char **argv)
{
	oo_checker *checker = NULL;
	oo_error err;
	int i, rc = 0;

	if (argc < 3) {
		fputs("usage: render_errors OUTDIR FILE...\n", stderr);
		return 2;
	}
	oo_error_clear(&err);
	if (oo_checker_new(&checker, NULL, &err) != OO_OK || oo_dir_ensure(argv[1], &err) != OO_OK) {
		fprintf(stderr, "render_errors: %s\n", err.message);
		oo_checker_free(checker);
		return 2;
	}
	for (i = 2; i < argc; i++)
		rc |= render_file(checker, argv[1], argv[i]);
	oo_checker_free(checker);
	return rc;
}
