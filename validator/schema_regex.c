/* SPDX-License-Identifier: EUPL-1.2 */
/* Regular expressions of "pattern" and "patternProperties": ECMA-262
 * syntax compiled by PCRE2, with match and depth limits. */
#include "schema_internal.h"

#include <stdio.h>
#include <string.h>

/* Unicode General_Category long names, which ECMA-262 accepts in \p{...}
 * and PCRE2 before 10.43 does not, mapped to their short aliases. */
static const char *const category_aliases[][2] = {
	{ "Letter", "L" }, { "Cased_Letter", "L&" }, { "Uppercase_Letter", "Lu" },
	{ "Lowercase_Letter", "Ll" }, { "Titlecase_Letter", "Lt" },
	{ "Modifier_Letter", "Lm" }, { "Other_Letter", "Lo" }, { "Mark", "M" },
	{ "Combining_Mark", "M" }, { "Nonspacing_Mark", "Mn" }, { "Spacing_Mark", "Mc" },
	{ "Enclosing_Mark", "Me" }, { "Number", "N" }, { "Decimal_Number", "Nd" },
	{ "digit", "Nd" }, { "Letter_Number", "Nl" }, { "Other_Number", "No" },
	{ "Punctuation", "P" }, { "punct", "P" }, { "Connector_Punctuation", "Pc" },
	{ "Dash_Punctuation", "Pd" }, { "Open_Punctuation", "Ps" },
	{ "Close_Punctuation", "Pe" }, { "Initial_Punctuation", "Pi" },
	{ "Final_Punctuation", "Pf" }, { "Other_Punctuation", "Po" }, { "Symbol", "S" },
	{ "Math_Symbol", "Sm" }, { "Currency_Symbol", "Sc" }, { "Modifier_Symbol", "Sk" },
	{ "Other_Symbol", "So" }, { "Separator", "Z" }, { "Space_Separator", "Zs" },
	{ "Line_Separator", "Zl" }, { "Paragraph_Separator", "Zp" }, { "Other", "C" },
	{ "Control", "Cc" }, { "cntrl", "Cc" }, { "Format", "Cf" }, { "Surrogate", "Cs" },
	{ "Private_Use", "Co" }, { "Unassigned", "Cn" },
};

/* Writes the property name of one \p{...} escape in the PCRE2 spelling:
 * drops the "General_Category=", "gc=", "Script=" and "sc=" prefixes and
 * maps long category names to short ones. */
static void put_property(oo_buf *out, const char *name, size_t len)
{
	static const char *const prefixes[] = { "General_Category=", "gc=", "Script=", "sc=" };
	size_t i, n;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		n = strlen(prefixes[i]);
		if (len > n && strncmp(name, prefixes[i], n) == 0) {
			name += n;
			len -= n;
			break;
		}
	}
	for (i = 0; i < sizeof(category_aliases) / sizeof(category_aliases[0]); i++) {
		if (strlen(category_aliases[i][0]) == len &&
		    strncmp(name, category_aliases[i][0], len) == 0) {
			oo_buf_puts(out, category_aliases[i][1]);
			return;
		}
	}
	oo_buf_append(out, name, len);
}

/* ECMA-262 \s: white space and line terminators, Unicode-wide, while
 * PCRE2 without PCRE2_UCP matches ASCII white space only. It is spelled
 * with \uHHHH, because PCRE2_ALT_BSUX turns off \x{...}. */
#define ECMA_SPACE "\\t\\n\\x0B\\f\\r \\u00a0\\u1680\\u2000-\\u200a" \
		   "\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"

/* Writes one escape at s (s[0] is the backslash) in PCRE2 spelling and
 * returns the number of bytes of s it used. */
static size_t translate_escape(oo_buf *out, const char *s, size_t len, int in_class)
{
	size_t end;

	if ((s[1] == 'p' || s[1] == 'P') && len > 2 && s[2] == '{') {
		for (end = 3; end < len && s[end] != '}'; end++)
			;
		if (end < len) {
			oo_buf_append(out, s, 3);
			put_property(out, s + 3, end - 3);
			oo_buf_putc(out, '}');
			return end + 1;
		}
	}
	if (s[1] == 's') {
		oo_buf_puts(out, in_class ? ECMA_SPACE : "[" ECMA_SPACE "]");
		return 2;
	}
	/* NOTE: \S inside a class keeps the PCRE2 (ASCII) meaning, because a
	 * negated set cannot be spelled inside another class. */
	if (s[1] == 'S' && !in_class) {
		oo_buf_puts(out, "[^" ECMA_SPACE "]");
		return 2;
	}
	oo_buf_append(out, s, 2);
	return 2;
}

/* Letters that may follow a backslash in ECMA-262 with the "u" flag;
 * PCRE2 escapes such as \a, \A, \z or \Q are not among them. */
static int ecma_escape_letter(char c)
{
	return strchr("bBcdDfknpPrsStuvwWx", c) != NULL;
}

/* Returns 1 when "(?" at s starts a group ECMA-262 does not have: inline
 * flags "(?i)", Python named groups "(?P<n>" and comments "(?#". */
static int foreign_group(const char *s, size_t len)
{
	size_t i = 2;

	if (len < 3)
		return 0;
	if (s[2] == 'P' || s[2] == '#')
		return 1;
	while (i < len && strchr("imsx-", s[i]) && s[i] != '\0')
		i++;
	return i > 2 && i < len && s[i] == ')';
}

/* Rewrites an ECMA-262 pattern for PCRE2: long property names, \s, and
 * the empty classes "[]" (matches nothing) and "[^]" (matches anything),
 * which PCRE2 reads as the start of a class containing "]". Returns 0
 * for syntax that ECMA-262 rejects and PCRE2 would accept. */
static int translate_pattern(oo_buf *out, const char *s, size_t len)
{
	size_t i = 0;
	int in_class = 0;

	oo_buf_puts(out, "");
	while (i < len) {
		if (s[i] == '\\' && i + 1 < len) {
			if (((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z')) &&
			    !ecma_escape_letter(s[i + 1]))
				return 0;
			i += translate_escape(out, s + i, len - i, in_class);
			continue;
		}
		if (!in_class && s[i] == '(' && i + 1 < len && s[i + 1] == '?' &&
		    foreign_group(s + i, len - i))
			return 0;
		if (!in_class && s[i] == '[' && i + 1 < len && s[i + 1] == ']') {
			oo_buf_puts(out, "(?!)");
			i += 2;
			continue;
		}
		if (!in_class && s[i] == '[' && i + 2 < len && s[i + 1] == '^' && s[i + 2] == ']') {
			oo_buf_puts(out, "[\\s\\S]");
			i += 3;
			continue;
		}
		if (s[i] == '[' && !in_class)
			in_class = 1;
		else if (s[i] == ']' && in_class)
			in_class = 0;
		oo_buf_putc(out, s[i++]);
	}
	return 1;
}

oo_status oo_schema__regex_compile_text(pcre2_code **out, const char *pattern, size_t len,
					char *message, size_t *offset)
{
	/* ECMA-262 semantics as far as PCRE2 offers them: "$" matches only at
	 * the end, \u0041 is a code point, and without PCRE2_UCP \d and \w
	 * stay ASCII as in ECMA-262. */
	uint32_t options = PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_ALT_BSUX;
	pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
	oo_buf source = OO_BUF_INIT;
	PCRE2_SIZE error_offset = 0;
	int code = 0;

	*out = NULL;
	if (!cc)
		return OO_ENOMEM;
	pcre2_set_compile_extra_options(cc, PCRE2_EXTRA_ALT_BSUX);
	if (!translate_pattern(&source, pattern, len)) {
		pcre2_compile_context_free(cc);
		oo_buf_free(&source);
		if (message)
			snprintf(message, 160, "syntax that ECMA-262 does not allow");
		if (offset)
			*offset = 0;
		return OO_ESCHEMA;
	}
	if (!source.failed)
		*out = pcre2_compile((PCRE2_SPTR)source.data, source.len, options, &code,
				     &error_offset, cc);
	pcre2_compile_context_free(cc);
	if (source.failed) {
		oo_buf_free(&source);
		return OO_ENOMEM;
	}
	oo_buf_free(&source);
	if (*out) {
		/* Machine code matches several times faster than the interpreter;
		 * pcre2_match falls back to the interpreter where PCRE2 was built
		 * without JIT support or JIT compilation fails. */
		pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);
		return OO_OK;
	}
	if (message)
		pcre2_get_error_message(code, (PCRE2_UCHAR *)message, 160);
	if (offset)
		*offset = (size_t)error_offset;
	return OO_ESCHEMA;
}

oo_status oo_schema__compile_regex(compile_ctx *ctx, json_t *pattern, const char *where,
			pcre2_code **out)
{
	char message[160];
	size_t offset = 0;
	oo_status rc;

	if (json_string_length(pattern) > OO_SCHEMA_PATTERN_MAX)
		return oo_error_set(ctx->err, OO_ELIMIT, NULL, 0, 0,
				    "pattern at \"%s\" is longer than the limit of %d bytes",
				    where, OO_SCHEMA_PATTERN_MAX);
	rc = oo_schema__regex_compile_text(out, json_string_value(pattern),
					   json_string_length(pattern), message, &offset);
	if (rc == OO_ENOMEM)
		return oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc == OO_OK)
		return OO_OK;
	return oo_error_set(ctx->err, OO_ESCHEMA, NULL, 0, 0,
			    "invalid schema: pattern \"%s\" at \"%s\" is not a valid regular expression: %s at offset %zu",
			    json_string_value(pattern), where, message, offset);
}

int oo_schema__regex_search(validate_ctx *ctx, pcre2_code *re, const char *subject, size_t len)
{
	int rc;

	/* One match block for the whole validation: only whether a match
	 * exists matters, so one ovector pair is enough for every pattern. */
	if (!ctx->match_data)
		ctx->match_data = pcre2_match_data_create(1, NULL);
	if (!ctx->match_data) {
		ctx->status = ctx->status ? ctx->status : OO_ENOMEM;
		return -1;
	}
	rc = pcre2_match(re, (PCRE2_SPTR)subject, len, 0, 0, ctx->match_data,
			 ctx->schema->match_context);
	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}
