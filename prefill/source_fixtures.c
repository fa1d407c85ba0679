/* SPDX-License-Identifier: EUPL-1.2 */
/* The fixtures source: GeefOnderneming responses stored as files, one per
 * number, so forms can be built and tested offline. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"
#include "onlyonce/file.h"
#include "onlyonce/identifiers.h"
#include "source.h"

/* NOTE: the default is the fixtures folder of the source tree the library
 * was built from; an installed onlyonce needs "fixtures:DIR" until the
 * fixtures are installed with it. */
#define DEFAULT_DIR ONLYONCE_SOURCE_DIR "/fixtures/magda"

static int is_regular_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int matches_number(const char *name, const char *digits)
{
	size_t len = strlen(name);

	return len > 15 && strncmp(name, digits, 10) == 0 && name[10] == '.' &&
	       strcmp(name + len - 4, ".xml") == 0;
}

/* Picks the first name in byte order among DIR/<digits>.*.xml, so that the
 * choice does not depend on the order readdir returns. */
static oo_status find_variant(char **name, const char *dir, const char *digits, oo_error *err)
{
	DIR *folder = opendir(dir);
	struct dirent *entry;
	oo_status rc = OO_OK;

	*name = NULL;
	if (!folder)
		return oo_error_set(err, OO_ESOURCE, dir, 0, 0, "cannot open fixtures folder '%s': %s",
				    dir, strerror(errno));
	while ((entry = readdir(folder))) {
		if (!matches_number(entry->d_name, digits))
			continue;
		if (*name && strcmp(entry->d_name, *name) >= 0)
			continue;
		oo_free(*name);
		if (!(*name = oo_strdup(entry->d_name))) {
			rc = oo_error_set(err, OO_ENOMEM, dir, 0, 0, "out of memory reading '%s'", dir);
			break;
		}
	}
	closedir(folder);
	return rc;
}

/* Stores in *path the fixture file for digits: DIR/<digits>.xml, else the
 * first DIR/<digits>.*.xml, else NULL. */
static oo_status find_file(char **path, const char *dir, const char *digits, oo_error *err)
{
	oo_buf buf = OO_BUF_INIT;
	char *variant = NULL;
	oo_status rc;

	*path = NULL;
	oo_buf_printf(&buf, "%s/%s.xml", dir, digits);
	if (buf.failed)
		return oo_error_set(err, OO_ENOMEM, dir, 0, 0, "out of memory reading '%s'", dir);
	if (is_regular_file(buf.data)) {
		*path = oo_buf_detach(&buf);
		return OO_OK;
	}

	oo_buf_reset(&buf);
	rc = find_variant(&variant, dir, digits, err);
	if (rc == OO_OK && variant) {
		oo_buf_printf(&buf, "%s/%s", dir, variant);
		if (buf.failed)
			rc = oo_error_set(err, OO_ENOMEM, dir, 0, 0, "out of memory reading '%s'", dir);
		else
			*path = oo_buf_detach(&buf);
	}
	oo_free(variant);
	oo_buf_free(&buf);
	return rc;
}

static const char *kind_of(const char *digits)
{
	return oo_kbo_number_is_enterprise(digits) ? "enterprise" : "establishment unit";
}

/* The parser cannot name the number in a 40046 answer, which does not
 * repeat it, so the message is set here. */
static oo_status mark_not_found(oo_record *rec, const char *digits)
{
	char display[14], message[80];

	oo_kbo_number_format(display, digits);
	snprintf(message, sizeof(message), "%s number %s not found in KBO", kind_of(digits), display);
	oo_record_set_outcome(rec, OO_LOOKUP_NOT_FOUND);
	oo_record_set_entity(rec, oo_kbo_number_is_enterprise(digits) ?
			     OO_ENTITY_ENTERPRISE : OO_ENTITY_ESTABLISHMENT);
	return oo_record_set_message(rec, message);
}

static oo_status not_found_record(oo_record **out, const char *digits, oo_error *err)
{
	oo_record *rec = NULL;

	if (oo_record_new(&rec) != OO_OK ||
	    oo_record_set_source(rec, "Kruispuntbank van Ondernemingen (KBO)") != OO_OK ||
	    mark_not_found(rec, digits) != OO_OK) {
		oo_record_free(rec);
		return oo_error_set(err, OO_ENOMEM, NULL, 0, 0, "out of memory looking up %s", digits);
	}
	*out = rec;
	return OO_OK;
}

/* Turns a read or parse failure of a fixture into a source failure that
 * names the file, keeping line and column. */
static oo_status source_error(oo_error *err, oo_status rc, const char *path)
{
	char reason[OO_ERROR_MESSAGE_MAX];
	int line = err ? err->line : 0, column = err ? err->column : 0;

	if (rc == OO_ENOMEM || !err)
		return rc;
	memcpy(reason, err->message, sizeof(reason));
	if (rc == OO_ESOURCE || rc == OO_EIO || rc == OO_ELIMIT)
		return oo_error_set(err, OO_ESOURCE, path, line, column, "%s", reason);
	return oo_error_set(err, OO_ESOURCE, path, line, column,
			    "invalid fixture '%s': %s", path, reason);
}

/* A fixture stored under the wrong name would prefill another body's data. */
static oo_status check_answer(oo_record *rec, const char *digits, const char *path,
			      oo_error *err)
{
	const char *number;

	if (oo_record_outcome(rec) == OO_LOOKUP_NOT_FOUND)
		return mark_not_found(rec, digits) == OO_OK ? OO_OK :
		       oo_error_set(err, OO_ENOMEM, path, 0, 0, "out of memory looking up %s", digits);
	number = oo_record_get(rec, oo_record_entity(rec) == OO_ENTITY_ESTABLISHMENT ?
			       "establishment.number" : "enterprise.number");
	if (number && strcmp(number, digits) == 0)
		return OO_OK;
	return oo_error_set(err, OO_ESOURCE, path, 0, 0,
			    "fixture '%s' answers for number %s, not for %s", path,
			    number ? number : "(none)", digits);
}

static oo_status lookup_fixture(oo_source *src, const char *digits, unsigned blocks,
				oo_record **out, oo_error *err)
{
	char *path = NULL, *xml = NULL;
	size_t len = 0;
	oo_status rc;

	(void)blocks; /* a recorded answer contains the blocks it was recorded with */
	rc = find_file(&path, src->state, digits, err);
	if (rc != OO_OK)
		return rc;
	if (!path)
		return not_found_record(out, digits, err);

	rc = oo_file_read(&xml, &len, path, OO_MAGDA_MAX_SIZE, err);
	if (rc == OO_OK)
		rc = oo_magda_parse(out, xml, len, err);
	if (rc != OO_OK)
		rc = source_error(err, rc, path);
	else if ((rc = check_answer(*out, digits, path, err)) != OO_OK) {
		oo_record_free(*out);
		*out = NULL;
	}
	oo_free(xml);
	oo_free(path);
	return rc;
}

oo_status oo_source__open_fixtures(oo_source *src, const char *arg, oo_error *err)
{
	const char *dir = arg ? arg : DEFAULT_DIR;
	struct stat st;

	if (stat(dir, &st) != 0)
		return oo_error_set(err, OO_EIO, dir, 0, 0, "cannot open fixtures folder '%s': %s",
				    dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return oo_error_set(err, OO_EIO, dir, 0, 0, "'%s' is not a folder", dir);
	src->state = oo_strdup(dir);
	if (!src->state)
		return oo_error_set(err, OO_ENOMEM, dir, 0, 0, "out of memory opening '%s'", dir);
	src->lookup = lookup_fixture;
	src->complete = 1;
	src->release = oo_free;
	return OO_OK;
}
