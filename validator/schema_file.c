/* SPDX-License-Identifier: EUPL-1.2 */
/* Schemas read from files: the registry entries and the compiled schema
 * get "file://" URIs, so relative references between schema files resolve
 * the way they do on disk. */
/* realpath is an X/Open extension of POSIX. */
#define _XOPEN_SOURCE 700

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/file.h"
#include "onlyonce/json.h"
#include "onlyonce/schema.h"

/* Builds "file://" + the absolute path of path, with the characters that
 * a URI path may not contain percent-encoded. */
static char *file_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *absolute = realpath(path, NULL);
	oo_buf uri = OO_BUF_INIT;
	const unsigned char *p;

	if (!absolute)
		return NULL;
	oo_buf_puts(&uri, "file://");
	for (p = (const unsigned char *)absolute; *p; p++) {
		if (*p > 0x20 && *p < 0x7F && !strchr("%#?[]\"<>\\^`{|}", *p)) {
			oo_buf_putc(&uri, (char)*p);
		} else {
			oo_buf_putc(&uri, '%');
			oo_buf_putc(&uri, hex[*p >> 4]);
			oo_buf_putc(&uri, hex[*p & 15]);
		}
	}
	free(absolute);
	return oo_buf_detach(&uri);
}

static oo_status read_document(json_t **out, char **uri, const char *path, oo_error *err)
{
	char *text = NULL;
	size_t len = 0;
	oo_status rc;

	*out = NULL;
	*uri = NULL;
	rc = oo_file_read(&text, &len, path, OO_FILE_MAX_SIZE, err);
	if (rc == OO_OK)
		rc = oo_json_parse(out, text, len, path, err);
	oo_free(text);
	if (rc != OO_OK)
		return rc;
	*uri = file_uri(path);
	if (!*uri) {
		json_decref(*out);
		*out = NULL;
		return oo_error_set(err, OO_EIO, path, 0, 0, "cannot resolve the absolute path");
	}
	return OO_OK;
}

oo_status oo_schema_registry_add_file(oo_schema_registry *registry, const char *path,
				      oo_error *err)
{
	json_t *doc, *id;
	char *uri, *hash;
	oo_status rc = read_document(&doc, &uri, path, err);

	if (rc != OO_OK)
		return rc;
	rc = oo_schema_registry_add(registry, uri, doc, err);
	id = json_object_get(doc, "$id");
	if (rc == OO_OK && json_is_string(id)) {
		/* "$id" may end in an empty fragment, which the registry key omits. */
		oo_free(uri);
		uri = oo_strdup(json_string_value(id));
		hash = uri ? strchr(uri, '#') : NULL;
		if (hash)
			*hash = '\0';
		rc = uri ? oo_schema_registry_add(registry, uri, doc, err)
			 : oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	}
	oo_free(uri);
	json_decref(doc);
	return rc;
}

oo_status oo_schema_compile_file(oo_schema **out, const char *path,
				 const oo_schema_registry *registry, unsigned flags,
				 oo_error *err)
{
	oo_schema_options options;
	json_t *doc;
	char *uri;
	oo_status rc = read_document(&doc, &uri, path, err);

	*out = NULL;
	if (rc != OO_OK)
		return rc;
	options.base_uri = uri;
	options.registry = registry;
	options.flags = flags;
	rc = oo_schema_compile_with(out, doc, &options, err);
	json_decref(doc);
	oo_free(uri);
	return rc;
}
