/* SPDX-License-Identifier: EUPL-1.2 */
/* Extracts the forms of an existing HTML page into the oo_form model: one
 * walk in document order keeps the heading outline up to date and collects
 * the controls of each <form>; labels are resolved when the form ends. */
#include "audit_private.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/file.h"

#define HEADING_LEVELS 4

/* What a field needs from the tree once its form has ended. */
typedef struct {
	const xmlNode *first;  /* the control, or the first member of a group */
	char *headings;        /* heading outline where the control sits */
	int group;             /* radio buttons or checkboxes sharing a name */
} pending_field;

typedef struct {
	const char *path;
	oo_findings *findings;
	oo_error *err;
	oo_audit__index index;
	oo_lang lang;
	char *headings[HEADING_LEVELS];
	char *page_title;

	oo_form **forms;
	size_t form_count;
	size_t form_cap;
	size_t form_position;  /* 1-based position of the current <form> on the page */
	size_t field_total;

	oo_form *form;         /* the form being collected, or NULL */
	const xmlNode *form_node;
	pending_field *pending;
	size_t pending_cap;
} extractor;

/* Returns the heading outline, deepest level first, as "h3 / h2 / h1". */
static char *heading_outline(const extractor *x)
{
	oo_buf buf = OO_BUF_INIT;
	int level;

	for (level = HEADING_LEVELS - 1; level >= 0; level--) {
		if (!x->headings[level] || !*x->headings[level])
			continue;
		if (buf.len)
			oo_buf_puts(&buf, " / ");
		oo_buf_puts(&buf, x->headings[level]);
	}
	return oo_buf_detach(&buf);
}

static oo_status set_heading(extractor *x, const xmlNode *node, int level)
{
	char *text = oo_audit__text(node);
	int i;

	if (!text)
		return OO_ENOMEM;
	oo_free(x->headings[level]);
	x->headings[level] = text;
	for (i = level + 1; i < HEADING_LEVELS; i++) {
		oo_free(x->headings[i]);
		x->headings[i] = NULL;
	}
	return OO_OK;
}

static int heading_level(const xmlNode *node)
{
	static const char *const names[HEADING_LEVELS] = { "h1", "h2", "h3", "h4" };
	int i;

	for (i = 0; i < HEADING_LEVELS; i++)
		if (oo_audit__is(node, names[i]))
			return i;
	return -1;
}

/* The login convention of the fixtures and the report: an element around
 * the form (often <body>) carries data-login with the scheme the user
 * logged in with. eHerkenning proves a KvK number, DigiD a BSN, itsme and
 * the Belgian eID (CSAM) an INSZ. */
static oo_identification login_of(const xmlNode *form_node)
{
	static const struct { const char *scheme; oo_identification who; } schemes[] = {
		{ "eherkenning", OO_IDENTIFY_ENTERPRISE }, { "digid", OO_IDENTIFY_PERSON },
		{ "itsme", OO_IDENTIFY_PERSON }, { "eid", OO_IDENTIFY_PERSON },
		{ "csam", OO_IDENTIFY_PERSON },
	};
	const xmlNode *n;
	size_t i;

	for (n = form_node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
			if (oo_audit__attr_is(n, "data-login", schemes[i].scheme))
				return schemes[i].who;
	return OO_IDENTIFY_NONE;
}

static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : (path ? path : "page");
}

/* Names the form by its id or name attribute, else by the file name without
 * its extension and the form's position on the page. */
static char *form_id(const extractor *x, const xmlNode *node)
{
	const char *base = base_name(x->path);
	const char *dot = strrchr(base, '.');
	char *id = oo_audit__attr(node, "id");
	oo_buf buf = OO_BUF_INIT;

	if (id && *id)
		return id;
	oo_free(id);
	id = oo_audit__attr(node, "name");
	if (id && *id)
		return id;
	oo_free(id);
	oo_buf_printf(&buf, "%.*s-%zu", (int)(dot ? (size_t)(dot - base) : strlen(base)),
		      base, x->form_position);
	return oo_buf_detach(&buf);
}

static oo_status begin_form(extractor *x, const xmlNode *node)
{
	oo_form *form = NULL;
	char *id;
	oo_status rc;

	x->form_position++;
	id = form_id(x, node);
	if (!id)
		return OO_ENOMEM;
	rc = oo_form_new(&form, id);
	oo_free(id);
	if (rc != OO_OK)
		return rc;
	form->languages[x->lang] = 1;
	form->default_language = x->lang;
	form->identification = login_of(node);
	form->login_identifies = form->identification != OO_IDENTIFY_NONE;
	if ((x->path && !(form->file = oo_strdup(x->path))) ||
	    oo_text_set(&form->title, x->lang, x->headings[0] ? x->headings[0] : x->page_title) != OO_OK) {
		oo_form_free(form);
		return OO_ENOMEM;
	}
	x->form = form;
	x->form_node = node;
	return OO_OK;
}

static oo_field_type input_field_type(const char *type)
{
	static const struct { const char *name; oo_field_type type; } types[] = {
		{ "text", OO_FIELD_TEXT }, { "search", OO_FIELD_TEXT }, { "url", OO_FIELD_TEXT },
		{ "number", OO_FIELD_NUMBER }, { "range", OO_FIELD_NUMBER },
		{ "date", OO_FIELD_DATE }, { "email", OO_FIELD_EMAIL }, { "tel", OO_FIELD_TEL },
		{ "radio", OO_FIELD_RADIO }, { "checkbox", OO_FIELD_CHECKBOXES },
		{ "file", OO_FIELD_FILE }, { "hidden", OO_FIELD_HIDDEN },
	};
	size_t i;

	/* A missing or unknown type is a text input, as in browsers. */
	if (!type || !*type)
		return OO_FIELD_TEXT;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(type, types[i].name) == 0)
			return types[i].type;
	return strcasecmp(type, "password") == 0 || strcasecmp(type, "time") == 0 ||
	       strcasecmp(type, "month") == 0 || strcasecmp(type, "week") == 0 ||
	       strcasecmp(type, "color") == 0 || strcasecmp(type, "datetime-local") == 0
		       ? OO_FIELD_OTHER : OO_FIELD_TEXT;
}

/* Returns the id attribute, else the name, else "field-N", made unique
 * within the form with a "-2", "-3" ... suffix. A group of radio buttons
 * or checkboxes is named by its shared name, not by its first member's id. */
static char *field_id(const oo_form *form, const xmlNode *node, const char *name, int group)
{
	char *base = group ? NULL : oo_audit__attr(node, "id");
	oo_buf buf = OO_BUF_INIT;
	unsigned n;

	if (!base || !*base) {
		oo_free(base);
		base = name && *name ? oo_strdup(name) : NULL;
	}
	if (!base)
		oo_buf_printf(&buf, "field-%zu", form->field_count + 1);
	else
		oo_buf_puts(&buf, base);
	for (n = 2; buf.data && !buf.failed && oo_form_find_field(form, buf.data); n++) {
		buf.len = 0;
		if (base)
			oo_buf_printf(&buf, "%s-%u", base, n);
		else
			oo_buf_printf(&buf, "field-%zu-%u", form->field_count + 1, n);
	}
	oo_free(base);
	return oo_buf_detach(&buf);
}

static int is_required(const xmlNode *node)
{
	return oo_audit__has_attr(node, "required") ||
	       oo_audit__attr_is(node, "aria-required", "true");
}

static oo_status fill_field(extractor *x, oo_field *f, const xmlNode *node, oo_field_type type,
			    int group)
{
	f->type = type;
	f->name = oo_audit__attr(node, "name");
	f->id = field_id(x->form, node, f->name, group);
	f->placeholder = oo_audit__attr(node, "placeholder");
	f->html_autocomplete = oo_audit__attr(node, "autocomplete");
	f->location = oo_audit__path(node);
	f->line = (int)xmlGetLineNo(node);
	f->required = is_required(node);
	/* A read-only control that arrives with a value was filled by the site,
	 * so nobody types it by hand. */
	f->prefill = oo_audit__has_attr(node, "readonly") && oo_audit__has_attr(node, "value");
	if (!f->id || !f->location || (oo_audit__has_attr(node, "name") && !f->name))
		return OO_ENOMEM;
	return OO_OK;
}

static oo_status new_field(extractor *x, const xmlNode *node, oo_field_type type,
			   int group, oo_field **out)
{
	oo_form *form = x->form;
	pending_field *p;
	oo_status rc;

	*out = NULL;
	if (++x->field_total > OO_AUDIT_MAX_FIELDS)
		return oo_error_set(x->err, OO_ELIMIT, x->path, (int)xmlGetLineNo(node), 0,
				    "'%s' has more than %d form fields, the limit of an audit",
				    base_name(x->path), OO_AUDIT_MAX_FIELDS);
	if (form->field_count == x->pending_cap) {
		size_t cap = x->pending_cap ? x->pending_cap * 2 : 32;

		p = oo_realloc(x->pending, cap * sizeof(*p));
		if (!p)
			return OO_ENOMEM;
		x->pending = p;
		x->pending_cap = cap;
	}
	p = &x->pending[form->field_count];
	memset(p, 0, sizeof(*p));
	rc = oo_form_add_field(form, out);
	if (rc != OO_OK)
		return rc;
	p->first = node;
	p->group = group;
	p->headings = heading_outline(x);
	if (!p->headings)
		return OO_ENOMEM;
	return fill_field(x, *out, node, type, group);
}

/* Adds an option whose label is the control's own label. */
static oo_status add_option(extractor *x, oo_field *f, const xmlNode *node, char *value)
{
	oo_audit__label label;
	oo_option *option;
	oo_status rc;

	rc = oo_field_add_option(f, value ? value : "on", &option);
	oo_free(value);
	if (rc != OO_OK)
		return rc;
	oo_audit__label_control(&label, node, &x->index);
	if (label.text)
		rc = oo_text_set(&option->label, x->lang, label.text);
	oo_audit__label_clear(&label);
	if (is_required(node))
		f->required = 1;
	return rc;
}

static oo_field *find_group(const extractor *x, const char *name, oo_field_type type)
{
	size_t i;

	for (i = 0; name && i < x->form->field_count; i++) {
		oo_field *f = &x->form->fields[i];

		if (x->pending[i].group && f->type == type && f->name && strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
}

/* Radio buttons, and checkboxes that share a name, form one field. */
static oo_status add_choice(extractor *x, const xmlNode *node, oo_field_type type)
{
	char *name = oo_audit__attr(node, "name");
	oo_field *f = find_group(x, name, type);
	oo_status rc = OO_OK;

	if (!f)
		rc = new_field(x, node, type, name && *name, &f);
	oo_free(name);
	if (rc != OO_OK)
		return rc;
	return add_option(x, f, node, oo_audit__attr(node, "value"));
}

static oo_status add_select_options(extractor *x, oo_field *f, const xmlNode *select)
{
	const xmlNode *n;
	oo_option *option;
	oo_status rc = OO_OK;
	char *value, *text;

	for (n = select->children; n && rc == OO_OK; n = oo_audit__next(n, select, 1)) {
		if (!oo_audit__is(n, "option"))
			continue;
		text = oo_audit__text(n);
		value = oo_audit__has_attr(n, "value") ? oo_audit__attr(n, "value") : oo_strdup(text);
		rc = text && value ? oo_field_add_option(f, value, &option) : OO_ENOMEM;
		if (rc == OO_OK && *text)
			rc = oo_text_set(&option->label, x->lang, text);
		oo_free(text);
		oo_free(value);
	}
	return rc;
}

static oo_status add_control(extractor *x, const xmlNode *node)
{
	char *type_attr;
	oo_field_type type;
	oo_field *f;
	oo_status rc;

	if (oo_audit__is(node, "select")) {
		rc = new_field(x, node, OO_FIELD_SELECT, 0, &f);
		return rc == OO_OK ? add_select_options(x, f, node) : rc;
	}
	if (oo_audit__is(node, "textarea"))
		return new_field(x, node, OO_FIELD_TEXTAREA, 0, &f);
	type_attr = oo_audit__attr(node, "type");
	if (type_attr && (strcasecmp(type_attr, "submit") == 0 || strcasecmp(type_attr, "button") == 0 ||
			  strcasecmp(type_attr, "reset") == 0 || strcasecmp(type_attr, "image") == 0)) {
		oo_free(type_attr);
		return OO_OK;
	}
	type = input_field_type(type_attr);
	oo_free(type_attr);
	if (type == OO_FIELD_RADIO || type == OO_FIELD_CHECKBOXES)
		return add_choice(x, node, type);
	return new_field(x, node, type, 0, &f);
}

static oo_status resolve_field(extractor *x, oo_field *f, const pending_field *p)
{
	const xmlNode *fieldset = NULL;
	oo_audit__label label;
	char *hint = NULL, *describedby;
	oo_status rc;

	if (f->type == OO_FIELD_CHECKBOXES && f->option_count == 1)
		f->type = OO_FIELD_CHECKBOX;
	/* A hidden input has no label to find; the text before it belongs to
	 * something else. */
	if (f->type == OO_FIELD_HIDDEN) {
		f->context = oo_audit__context(p->first, NULL, p->headings);
		return f->context ? OO_OK : OO_ENOMEM;
	}
	if (f->type == OO_FIELD_RADIO || f->type == OO_FIELD_CHECKBOXES)
		rc = oo_audit__label_group(&label, p->first, f->name, &x->index, &fieldset);
	else
		rc = oo_audit__label_control(&label, p->first, &x->index);
	if (rc != OO_OK)
		return rc;
	f->label_source = label.source;
	f->required |= label.required_mark;
	rc = label.text ? oo_text_set(&f->label, x->lang, label.text) : OO_OK;
	oo_audit__label_clear(&label);
	f->context = oo_audit__context(p->first, fieldset, p->headings);
	describedby = oo_audit__attr(p->first, "aria-describedby");
	if (describedby) {
		hint = oo_audit__text(oo_audit__index_id(&x->index, describedby));
		if (hint && *hint && rc == OO_OK)
			rc = oo_text_set(&f->hint, x->lang, hint);
	}
	oo_free(describedby);
	oo_free(hint);
	if (rc == OO_OK && !f->context)
		rc = OO_ENOMEM;
	return rc;
}

static int search_name(const char *name)
{
	static const char *const names[] = { "q", "s", "zoek", "zoeken", "zoekterm", "query",
					     "search", "keys", "recherche" };
	size_t i;

	for (i = 0; name && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* A site search box is not a form that asks anything: role=search on the
 * form or around it, a <search> element, or one field that is a search
 * input or carries a search name. */
static int is_search_form(const extractor *x)
{
	const xmlNode *n;
	const oo_field *only = NULL;
	size_t i, visible = 0;

	for (n = x->form_node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (oo_audit__attr_is(n, "role", "search") || oo_audit__is(n, "search"))
			return 1;
	for (i = 0; i < x->form->field_count; i++)
		if (x->form->fields[i].type != OO_FIELD_HIDDEN) {
			only = &x->form->fields[i];
			visible++;
		}
	if (visible != 1)
		return 0;
	return search_name(only->name) ||
	       oo_audit__attr_is(x->pending[only - x->form->fields].first, "type", "search");
}

static oo_status keep_form(extractor *x)
{
	if (x->form_count == x->form_cap) {
		size_t cap = x->form_cap ? x->form_cap * 2 : 4;
		oo_form **forms = oo_realloc(x->forms, cap * sizeof(*forms));

		if (!forms)
			return OO_ENOMEM;
		x->forms = forms;
		x->form_cap = cap;
	}
	x->forms[x->form_count++] = x->form;
	x->form = NULL;
	return OO_OK;
}

static void drop_pending(extractor *x)
{
	size_t i;

	for (i = 0; x->form && i < x->form->field_count; i++) {
		oo_free(x->pending[i].headings);
		x->pending[i].headings = NULL;
	}
}

static oo_status end_form(extractor *x)
{
	oo_status rc = OO_OK;
	size_t i;

	for (i = 0; i < x->form->field_count && rc == OO_OK; i++)
		rc = resolve_field(x, &x->form->fields[i], &x->pending[i]);
	if (rc == OO_OK && is_search_form(x)) {
		x->field_total -= x->form->field_count;
		drop_pending(x);
		oo_form_free(x->form);
		x->form = NULL;
		x->form_node = NULL;
		return OO_OK;
	}
	for (i = 0; x->findings && i < x->form->field_count && rc == OO_OK; i++)
		rc = oo_audit__label_findings(x->findings, x->path, x->lang, &x->form->fields[i],
					      oo_audit__has_attr(x->pending[i].first, "name"));
	drop_pending(x);
	if (rc == OO_OK)
		rc = keep_form(x);
	x->form_node = NULL;
	return rc;
}

/* Handles one element of the walk and tells whether to enter its children. */
static oo_status visit(extractor *x, const xmlNode *node, int *descend)
{
	int level = heading_level(node);

	*descend = 1;
	if (level >= 0)
		return set_heading(x, node, level);
	if (oo_audit__is(node, "title") && !x->page_title) {
		x->page_title = oo_audit__text(node);
		return x->page_title ? OO_OK : OO_ENOMEM;
	}
	/* Browsers ignore a <form> start tag inside an open form, and so do we:
	 * its controls belong to the outer form. */
	if (oo_audit__is(node, "form") && !x->form)
		return begin_form(x, node);
	if (oo_audit__is(node, "select") || oo_audit__is(node, "textarea"))
		*descend = 0;
	if (!x->form)
		return OO_OK;
	if (oo_audit__is(node, "input") || oo_audit__is(node, "select") || oo_audit__is(node, "textarea"))
		return add_control(x, node);
	return OO_OK;
}

/* Moves to the next node in document order and ends the current form when
 * the walk leaves it. */
static oo_status advance(extractor *x, const xmlNode **node, int descend)
{
	const xmlNode *n = *node;
	oo_status rc;

	if (descend && n->children) {
		*node = n->children;
		return OO_OK;
	}
	for (;;) {
		if (n == x->form_node && (rc = end_form(x)) != OO_OK)
			return rc;
		if (n->next || !n->parent) {
			*node = n->next;
			return OO_OK;
		}
		n = n->parent;
	}
}

static oo_status walk(extractor *x, xmlDoc *doc)
{
	const xmlNode *node = xmlDocGetRootElement(doc);
	oo_status rc = OO_OK;
	int descend = 1;

	while (node && rc == OO_OK) {
		descend = 0;
		if (node->type == XML_ELEMENT_NODE)
			rc = visit(x, node, &descend);
		if (rc == OO_OK)
			rc = advance(x, &node, descend);
	}
	return rc;
}

static oo_lang page_language(xmlDoc *doc)
{
	char *lang = oo_audit__attr(xmlDocGetRootElement(doc), "lang");
	int code = -1;

	if (lang && strlen(lang) >= 2) {
		lang[2] = '\0';
		code = oo_lang_from_code(lang);
	}
	oo_free(lang);
	return code < 0 ? OO_LANG_NL : (oo_lang)code;
}

static void extractor_free(extractor *x)
{
	size_t i;

	drop_pending(x);
	oo_form_free(x->form);
	oo_free(x->pending);
	for (i = 0; i < HEADING_LEVELS; i++)
		oo_free(x->headings[i]);
	oo_free(x->page_title);
	oo_audit__index_free(&x->index);
	oo_audit_forms_free(x->forms, x->form_count);
}

static xmlDoc *parse_page(const char *html, size_t len, const char *path)
{
	char encoding[OO_AUDIT_ENCODING_MAX];

	oo_audit__detect_charset(html, len, encoding, sizeof(encoding));
	/* NOERROR and NOWARNING silence the parser's complaints about HTML5
	 * elements (main, section, search) that libxml2's HTML 4 tables do not
	 * know; RECOVER keeps going through broken markup as browsers do. */
	return htmlReadMemory(html, (int)len, path, encoding,
			      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
			      HTML_PARSE_RECOVER);
}

oo_status oo_audit_extract_html(oo_form ***forms, size_t *count,
				const char *html, size_t len, const char *path,
				oo_findings *findings, oo_error *err)
{
	extractor x;
	xmlDoc *doc = NULL;
	oo_status rc;

	*forms = NULL;
	*count = 0;
	if (!html)
		return oo_error_set(err, OO_EINVAL, path, 0, 0, "no HTML text given");
	if (len > OO_FILE_MAX_SIZE)
		return oo_error_set(err, OO_ELIMIT, path, 0, 0,
				    "'%s' is larger than the limit of %zu bytes for a page",
				    base_name(path), OO_FILE_MAX_SIZE);
	memset(&x, 0, sizeof(x));
	x.path = path;
	x.findings = findings;
	x.err = err;
	doc = len ? parse_page(html, len, path) : NULL;
	if (!doc)
		return oo_error_set(err, OO_EPARSE, path, 0, 0, "'%s' could not be parsed as HTML",
				    base_name(path));
	x.lang = page_language(doc);
	rc = oo_audit__index_build(&x.index, doc);
	if (rc == OO_OK)
		rc = walk(&x, doc);
	if (rc == OO_OK) {
		*forms = x.forms;
		*count = x.form_count;
		x.forms = NULL;
		x.form_count = 0;
	} else if (rc == OO_ENOMEM) {
		oo_error_set(err, rc, path, 0, 0, "out of memory extracting the forms of '%s'",
			     base_name(path));
	}
	extractor_free(&x);
	xmlFreeDoc(doc);
	return rc;
}

void oo_audit_forms_free(oo_form **forms, size_t count)
{
	size_t i;

	for (i = 0; forms && i < count; i++)
		oo_form_free(forms[i]);
	oo_free(forms);
}
