/* SPDX-License-Identifier: EUPL-1.2 */
/* Private structures of the JSON Schema engine: schema resources, the
 * compiled tree of keyword nodes, and the helpers shared by its files. */
#ifndef OO_SCHEMA_INTERNAL_H
#define OO_SCHEMA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>

#include "onlyonce/buf.h"
#include "onlyonce/schema.h"
#include "onlyonce/status.h"

/* Maximum length of a "pattern" or "patternProperties" regex, in bytes. */
#define OO_SCHEMA_PATTERN_MAX 4096
/* PCRE2 limits per match, so that a catastrophic pattern ends with an
 * error instead of hanging the check. */
#define OO_SCHEMA_MATCH_LIMIT 1000000
#define OO_SCHEMA_DEPTH_LIMIT 10000
/* Deepest nesting of subschema applications during one validation. It
 * stops "$ref" cycles that never consume the instance. */
#define OO_SCHEMA_MAX_EVAL_DEPTH 512
/* Maximum length of a value quoted in an error message, in bytes,
 * before "..." is appended. */
#define OO_SCHEMA_QUOTE_MAX 60
#define OO_SCHEMA_QUOTE_BUF (OO_SCHEMA_QUOTE_MAX + 4)

/* ---- a string-keyed hash map with pointer values (schema_map.c) ---- */

typedef struct {
	char *key;
	void *value;
} map_entry;

typedef struct {
	map_entry *entries;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
} map;

/* Stores value under key (copied). Replaces an existing value. */
oo_status oo_schema__map_put(map *m, const char *key, void *value);
void *oo_schema__map_get(const map *m, const char *key);
/* Frees the keys and the table, not the values. */
void oo_schema__map_clear(map *m);
/* Builds the map key of a pointer, for maps keyed by json_t identity. */
void oo_schema__map_pointer_key(char out[32], const void *p);

/* ---- URIs and JSON Pointers (schema_uri.c) ---- */

/* Resolves reference against base as RFC 3986 section 5.2 specifies.
 * base may be "" (no base). Returns a new string or NULL when memory runs out. */
char *oo_schema__uri_resolve(const char *base, const char *reference);
/* Splits uri at "#" into a new string without the fragment and a pointer
 * to the fragment inside uri (after "#", "" when none). */
char *oo_schema__uri_split(const char *uri, const char **fragment);
/* Walks the JSON Pointer fragment (percent-encoded, as in a URI) from
 * root and stores the value in *out, or NULL when it does not resolve. */
oo_status oo_schema__pointer_walk(json_t *root, const char *fragment, json_t **out);
/* Appends one reference token to buf, escaped as RFC 6901 specifies. */
void oo_schema__pointer_put_token(oo_buf *buf, const char *token);

/* ---- the instance model (schema_instance.c, schema_parse.c) ---- */

/* Validation runs on this compact model instead of on jansson values:
 * arrays and objects are plain arrays, an object member carries the hash
 * of its name, and strings carry their length (they may contain NUL and
 * need not end in one). Every part lives in an arena or is borrowed from
 * the text or jansson value it was built from. */
typedef enum {
	OV_NULL, OV_FALSE, OV_TRUE, OV_INTEGER, OV_REAL, OV_STRING, OV_ARRAY, OV_OBJECT
} ovalue_type;

typedef struct omember omember;
typedef struct ovalue ovalue;

struct ovalue {
	unsigned char type;       /* ovalue_type */
	unsigned char integral;   /* a number whose value is an integer (1.0 too) */
	uint32_t len;             /* bytes of a string, items of an array, members of an object */
	union {
		const char *str;
		ovalue *items;
		omember *members;
		long long i;
		double d;
	} u;
};

struct omember {
	const char *key;
	uint32_t key_len;
	uint32_t hash;            /* oo_schema__hash of the key */
	ovalue value;
};

/* Memory for model values, freed all at once. */
typedef struct arena_block arena_block;
typedef struct {
	arena_block *head;
	size_t next_size;         /* size of the next block to allocate */
} oo_arena;

void *oo_schema__arena_alloc(oo_arena *arena, size_t size);
void oo_schema__arena_free(oo_arena *arena);

/* Hashes the len bytes at s eight at a time: the member name hash of the
 * model, computed when a text is parsed and when a schema is compiled. */
static inline uint32_t oo_schema__hash(const char *s, size_t len)
{
	const uint64_t multiplier = 0xff51afd7ed558ccdull;
	uint64_t h = 0x9E3779B97F4A7C15ull ^ len, word;
	size_t i;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&word, s, 8);
		h = (h ^ word) * multiplier;
		h ^= h >> 32;
	}
	if (len) {
		word = 0;
		for (i = 0; i < len; i++)
			word |= (uint64_t)(unsigned char)s[i] << (8 * i);
		h = (h ^ word) * multiplier;
		h ^= h >> 32;
	}
	return (uint32_t)(h ^ (h >> 29));
}

/* Compares two names of len bytes. Names are short, so two overlapping
 * word loads cover 4 to 16 bytes without a call to memcmp. */
static inline int oo_schema__same_name(const char *a, const char *b, size_t len)
{
	uint64_t x1, x2, y1, y2;
	uint32_t u1, u2, v1, v2;

	if (len > 16)
		return memcmp(a, b, len) == 0;
	if (len >= 8) {
		memcpy(&x1, a, 8);
		memcpy(&y1, b, 8);
		memcpy(&x2, a + len - 8, 8);
		memcpy(&y2, b + len - 8, 8);
		return x1 == y1 && x2 == y2;
	}
	if (len >= 4) {
		memcpy(&u1, a, 4);
		memcpy(&v1, b, 4);
		memcpy(&u2, a + len - 4, 4);
		memcpy(&v2, b + len - 4, 4);
		return u1 == v1 && u2 == v2;
	}
	return len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1]);
}

/* Builds the model of json in arena; strings and names stay borrowed
 * from json. Returns OO_ENOMEM or OO_ELIMIT (nesting deeper than
 * OO_SCHEMA_MAX_EVAL_DEPTH) on failure. */
oo_status oo_schema__model_from_json(ovalue *out, json_t *json, oo_arena *arena);
/* Parses len bytes of JSON text into *out, with strings and names that
 * need no unescaping borrowed from text. Fails with OO_EPARSE (line and
 * column in err) or OO_ELIMIT (nesting deeper than OO_JSON_MAX_DEPTH). */
oo_status oo_schema__parse_text(ovalue *out, const char *text, size_t len, oo_arena *arena,
				oo_error *err);
/* Returns the value of the member named key in object, or NULL. */
const ovalue *oo_schema__object_get(const ovalue *object, const char *key, size_t len,
				    uint32_t hash);
int oo_schema__ov_equal(const ovalue *a, const ovalue *b);
/* Compares two numbers: negative, 0 or positive like strcmp. */
int oo_schema__ov_compare(const ovalue *a, const ovalue *b);
static inline double oo_schema__ov_number(const ovalue *v)
{
	return v->type == OV_INTEGER ? (double)v->u.i : v->u.d;
}
static inline int oo_schema__ov_is_number(const ovalue *v)
{
	return v->type == OV_INTEGER || v->type == OV_REAL;
}
const char *oo_schema__ov_type_name(const ovalue *v);
/* Writes v to out as compact JSON, as jansson writes it, cut to
 * OO_SCHEMA_QUOTE_MAX bytes. */
void oo_schema__ov_quote(char out[OO_SCHEMA_QUOTE_BUF], const ovalue *v);
/* Writes the len bytes of key to out as a JSON string, cut like ov_quote. */
void oo_schema__key_quote(char out[OO_SCHEMA_QUOTE_BUF], const char *key, size_t len);

/* ---- the compiled tree ---- */

typedef struct schema_node schema_node;

/* A schema resource: a document root or a subschema with "$id". */
typedef struct schema_resource {
	char *uri;              /* absolute URI without fragment, "" if none */
	json_t *root;
	map dynamic_anchors;    /* name -> schema_node *, once compiled */
	map dynamic_json;       /* name -> json_t *, found while indexing */
	struct schema_resource *parent; /* enclosing resource, for "$schema" */
	unsigned vocabularies;  /* VOCAB_* bits, once vocabularies_known */
	int vocabularies_known;
} schema_resource;

/* The 2020-12 vocabularies, as a meta-schema's "$vocabulary" lists them. */
enum {
	VOCAB_CORE = 1, VOCAB_APPLICATOR = 2, VOCAB_UNEVALUATED = 4,
	VOCAB_VALIDATION = 8, VOCAB_META_DATA = 16, VOCAB_FORMAT_ANNOTATION = 32,
	VOCAB_CONTENT = 64, VOCAB_FORMAT_ASSERTION = 128
};
/* What a schema without "$vocabulary" in its meta-schema gets: the
 * vocabularies of the 2020-12 meta-schema. */
#define VOCAB_DEFAULT (VOCAB_CORE | VOCAB_APPLICATOR | VOCAB_UNEVALUATED | \
		       VOCAB_VALIDATION | VOCAB_META_DATA | VOCAB_FORMAT_ANNOTATION | \
		       VOCAB_CONTENT)

typedef enum {
	KW_REF, KW_DYNAMIC_REF, KW_TYPE, KW_ENUM, KW_CONST,
	KW_MULTIPLE_OF, KW_MINIMUM, KW_MAXIMUM, KW_EXCLUSIVE_MINIMUM,
	KW_EXCLUSIVE_MAXIMUM, KW_MIN_LENGTH, KW_MAX_LENGTH, KW_PATTERN,
	KW_MIN_ITEMS, KW_MAX_ITEMS, KW_UNIQUE_ITEMS, KW_MIN_PROPERTIES,
	KW_MAX_PROPERTIES, KW_REQUIRED, KW_DEPENDENT_REQUIRED,
	KW_PROPERTIES, KW_PATTERN_PROPERTIES, KW_ADDITIONAL_PROPERTIES,
	KW_PROPERTY_NAMES, KW_DEPENDENT_SCHEMAS, KW_PREFIX_ITEMS, KW_ITEMS,
	KW_CONTAINS, KW_ALL_OF, KW_ANY_OF, KW_ONE_OF, KW_NOT, KW_IF,
	KW_UNEVALUATED_ITEMS, KW_UNEVALUATED_PROPERTIES, KW_FORMAT
} keyword_kind;

/* A format check: 1 when the len bytes at s conform, 0 when not. */
typedef int (*format_fn)(const char *s, size_t len);

/* Bits of the "type" keyword. */
enum {
	TYPE_NULL = 1, TYPE_BOOLEAN = 2, TYPE_OBJECT = 4, TYPE_ARRAY = 8,
	TYPE_NUMBER = 16, TYPE_STRING = 32, TYPE_INTEGER = 64
};

typedef struct keyword {
	keyword_kind kind;
	const char *name;          /* the keyword as written, static storage */
	json_t *value;             /* the keyword's value, borrowed from the document */
	json_t *object;            /* the schema object around it, also borrowed */
	schema_node **subs;        /* subschemas, in array or object order */
	char **keys;               /* property names (object-valued keywords) */
	pcre2_code **regexes;      /* patternProperties, or regexes[0] for pattern */
	size_t count;              /* length of subs, keys and regexes */
	unsigned types;            /* TYPE_* bits for "type" */
	size_t limit;              /* minLength, maxItems and the like */
	schema_node *then_node;    /* "if" only */
	schema_node *else_node;    /* "if" only */
	const struct keyword *properties;          /* siblings that "additionalProperties" */
	const struct keyword *pattern_properties;  /* and "items" depend on */
	const struct keyword *prefix_items;
	char *dynamic_anchor;      /* $dynamicRef: anchor name to look up, or NULL */
	format_fn format;          /* "format" when asserted */
	/* Precomputed for validation: */
	const ovalue *model;       /* enum (an array), const and the number keywords */
	uint32_t *key_lens;        /* byte lengths of keys (NUL may occur in a name) */
	uint32_t *hashes;          /* oo_schema__hash of keys */
	uint32_t *table;           /* "properties": open addressing over keys, index + 1 */
	uint32_t table_mask;       /* table size - 1, the size a power of two */
	size_t min_contains, max_contains; /* "contains" */
	unsigned instance_types;   /* bits 1 << OV_* of the instances it can reject */
} keyword;

struct schema_node {
	int boolean;               /* -1 for an object schema, else 0 or 1 */
	schema_resource *resource;
	char *pointer;             /* JSON Pointer of the node inside its resource */
	keyword *keywords;
	size_t keyword_count;
};

struct oo_schema {
	schema_node *root;
	schema_node **nodes;       /* every node, for freeing */
	size_t node_count, node_cap;
	schema_resource **resources;
	size_t resource_count, resource_cap;
	json_t **documents;        /* references held on every document used */
	size_t document_count, document_cap;
	pcre2_match_context *match_context;
	oo_arena arena;            /* model values of keywords ("enum", "const", limits) */
	int uses_unevaluated;      /* annotations are collected only when set */
};

/* ---- compilation (schema_compile.c, schema_index.c) ---- */

typedef struct {
	oo_schema *schema;
	const oo_schema_registry *registry;
	unsigned flags;   /* OO_SCHEMA_* from the options */
	map resources;    /* uri -> schema_resource * */
	map anchors;      /* "uri#name" -> json_t * */
	map locations;    /* json_t pointer key -> schema_location * */
	map compiled;     /* json_t pointer key -> schema_node * */
	oo_error *err;
} compile_ctx;

typedef struct {
	schema_resource *resource;
	char *pointer;
} schema_location;

oo_status oo_schema__index_document(compile_ctx *ctx, json_t *document, const char *uri);
/* Resolves the absolute URI target to a schema JSON value and its
 * location, indexing a registry document when the URI names one. */
oo_status oo_schema__index_resolve(compile_ctx *ctx, const char *target, json_t **json,
			schema_location *where);
void oo_schema__index_ctx_clear(compile_ctx *ctx);

oo_status oo_schema__compile_node(compile_ctx *ctx, json_t *json, schema_resource *resource,
		       const char *pointer, schema_node **out);
oo_status oo_schema__compile_keyword(compile_ctx *ctx, schema_node *node, json_t *object,
			  keyword *kw);
oo_status oo_schema__compile_regex(compile_ctx *ctx, json_t *pattern, const char *where,
			pcre2_code **out);
/* Compiles the ECMA-262 pattern (len bytes) into *out. On failure stores
 * the PCRE2 message in message (when not NULL, size 160) and the offset. */
oo_status oo_schema__regex_compile_text(pcre2_code **out, const char *pattern, size_t len,
					char *message, size_t *offset);
/* Finds the vocabularies of resource from the "$vocabulary" of its
 * meta-schema ("$schema"), looked up in the schema or the registry. Fails
 * with OO_ESCHEMA when a required vocabulary is unknown. */
oo_status oo_schema__resource_vocabularies(compile_ctx *ctx, schema_resource *resource,
					   unsigned *out);
/* Returns the document the registry has under uri, or NULL. */
json_t *oo_schema__registry_get(const oo_schema_registry *registry, const char *uri);

/* ---- formats (schema_format*.c) ---- */

format_fn oo_schema__format_find(const char *name);
int oo_schema__days_in_month(int year, int month);
int oo_schema__format_email(const char *s, size_t len);
int oo_schema__format_idn_email(const char *s, size_t len);
int oo_schema__format_hostname(const char *s, size_t len);
int oo_schema__format_idn_hostname(const char *s, size_t len);
/* Checks an "xn--" label: valid Punycode that decodes to a valid U-label. */
int oo_schema__idna_a_label(const char *s, size_t len);
int oo_schema__format_ipv4(const char *s, size_t len);
int oo_schema__format_ipv6(const char *s, size_t len);
int oo_schema__format_uri(const char *s, size_t len);
int oo_schema__format_uri_reference(const char *s, size_t len);
int oo_schema__format_iri(const char *s, size_t len);
int oo_schema__format_iri_reference(const char *s, size_t len);
int oo_schema__format_uri_template(const char *s, size_t len);
int oo_schema__format_be_enterprise(const char *s, size_t len);
int oo_schema__format_be_establishment(const char *s, size_t len);
int oo_schema__format_be_insz(const char *s, size_t len);
int oo_schema__format_be_iban(const char *s, size_t len);
int oo_schema__format_be_postcode(const char *s, size_t len);
void oo_schema__keyword_release(keyword *kw);

/* ---- values (schema_value.c) ---- */

int oo_schema__value_is_integer(json_t *v);
/* Writes v to out as compact JSON, cut to OO_SCHEMA_QUOTE_MAX bytes. */
void oo_schema__value_quote(char out[OO_SCHEMA_QUOTE_BUF], json_t *v);
const char *oo_schema__value_type_name(json_t *v);
/* Cuts the text of a quoted value (len bytes) into out, at a UTF-8
 * character boundary, with "..." when it is longer than the maximum. */
void oo_schema__quote_cut(char out[OO_SCHEMA_QUOTE_BUF], const char *text, size_t len);
/* Counts the Unicode code points of a UTF-8 string. */
size_t oo_schema__utf8_length(const char *s, size_t len);

/* ---- validation (schema_validate.c, schema_keywords.c) ---- */

typedef struct {
	oo_schema_error *items;
	size_t count, cap;
} error_list;

/* The annotations that "unevaluatedProperties" and "unevaluatedItems"
 * read: what the valid subschemas at one instance location evaluated. */
typedef struct {
	const omember **names;    /* evaluated members of the instance object */
	size_t name_count, name_cap;
	size_t items;             /* items [0, items) were evaluated */
	int all_items;
	unsigned char *contained; /* per index: an item that "contains" matched */
	size_t contained_len;
} annotations;

/* One step of a JSON Pointer: nothing, a name of len bytes, or an index. */
typedef struct {
	const char *name;
	size_t len;
	size_t index;
	unsigned char kind;       /* TOKEN_* */
} path_token;

enum { TOKEN_NONE, TOKEN_NAME, TOKEN_INDEX };

#define TOKEN_NONE_INIT ((path_token){ NULL, 0, 0, TOKEN_NONE })
#define TOKEN_NAME_INIT(s, n) ((path_token){ (s), (n), 0, TOKEN_NAME })
#define TOKEN_INDEX_INIT(i) ((path_token){ NULL, 0, (i), TOKEN_INDEX })

/* One subschema application: what it appends to the keyword path (keyword,
 * then token) and to the instance path. The paths are written out only
 * when an error is reported, so the valid path builds no strings. */
typedef struct {
	const char *keyword;      /* NULL for none */
	path_token token;
	path_token instance;
} path_frame;

typedef struct {
	const oo_schema *schema;
	annotations *ann;         /* of the node being evaluated, or NULL */
	const path_frame *frames[OO_SCHEMA_MAX_EVAL_DEPTH + 2]; /* owned by the callers */
	size_t frame_count;
	const schema_resource *scope[OO_SCHEMA_MAX_EVAL_DEPTH];
	size_t scope_depth;
	size_t depth;
	error_list *errors;       /* NULL while only validity matters */
	oo_status status;         /* first hard failure (OO_ENOMEM, OO_ELIMIT) */
	oo_error *err;
	pcre2_match_data *match_data; /* shared by every regex search, or NULL */
} validate_ctx;

/* Returns 1 when instance is valid against node, 0 when not. Errors go
 * to ctx->errors when it is not NULL. */
int oo_schema__validate_node(validate_ctx *ctx, const schema_node *node, const ovalue *instance);
/* Validates instance against node with frame appended to the paths. */
int oo_schema__validate_child(validate_ctx *ctx, const schema_node *node,
			      const path_frame *frame, const ovalue *instance);
/* Stores a hard failure (OO_ENOMEM or OO_ELIMIT) unless one is stored. */
void oo_schema__fail(validate_ctx *ctx, oo_status code);
/* Adds an error at the current paths for keyword kw of node. */
void oo_schema__report(validate_ctx *ctx, const schema_node *node, const char *kw,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
int oo_schema__validate_keyword(validate_ctx *ctx, const schema_node *node, const keyword *kw,
		     const ovalue *instance);
int oo_schema__validate_applicator(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance);
int oo_schema__validate_combinator(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			const ovalue *instance);
/* Searches subject for re: 1 for a match, 0 for none, -1 when PCRE2 gave
 * up (match or depth limit) or memory ran out. */
int oo_schema__regex_search(validate_ctx *ctx, pcre2_code *re, const char *subject, size_t len);

void oo_schema__error_list_clear(error_list *list);
void oo_schema__annotations_merge(validate_ctx *ctx, annotations *to, const annotations *from);
void oo_schema__annotations_free(annotations *ann);
void oo_schema__annotate_name(validate_ctx *ctx, const omember *member);
void oo_schema__annotate_items(validate_ctx *ctx, size_t items, int all);
void oo_schema__annotate_contained(validate_ctx *ctx, size_t index, size_t length);
int oo_schema__validate_unevaluated(validate_ctx *ctx, const schema_node *node, const keyword *kw,
			 const ovalue *instance);
oo_status oo_schema__error_list_move(error_list *to, error_list *from);

/* Character classes shared by the format checks. ASCII only, because the
 * formats they serve (dates, URIs, addresses) are defined over ASCII. */
static inline int oo_schema__in_set(const char *set, int c)
{
	return c != '\0' && strchr(set, c) != NULL;
}

static inline int oo_schema__is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline int oo_schema__is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int oo_schema__is_hex(char c)
{
	return oo_schema__is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

#endif
