/* SPDX-License-Identifier: EUPL-1.2 */
/* Regular expressions of "pattern" and "patternProperties": ECMA-262
 * syntax compiled by PCRE2, with match and depth limits. */
#include "schema_internal.h"

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

static void translate_properties(oo_buf *out, const char *s, size_t len)
{
	size_t i = 0, end;

	oo_buf_puts(out, "");
	while (i < len) {
		if (s[i] != '\\' || i + 1 >= len) {
			oo_buf_putc(out, s[i++]);
			continue;
		}
		if ((s[i + 1] == 'p' || s[i + 1] == 'P') && i + 2 < len && s[i + 2] == '{') {
			for (end = i + 3; end < len && s[end] != '}'; end++)
				;
			if (end < len) {
				oo_buf_append(out, s + i, 3);
				put_property(out, s + i + 3, end - i - 3);
				oo_buf_putc(out, '}');
				i = end + 1;
				continue;
			}
		}
		oo_buf_append(out, s + i, 2);
		i += 2;
	}
}

oo_status oo_schema__compile_regex(compile_ctx *ctx, json_t *pattern, const char *where,
			pcre2_code **out)
{
	/* ECMA-262 semantics as far as PCRE2 offers them: "$" matches only at
	 * the end, \u0041 is a code point, and without PCRE2_UCP \d and \w
	 * stay ASCII as in ECMA-262. */
	uint32_t options = PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_ALT_BSUX;
	pcre2_compile_context *cc;
	PCRE2_UCHAR message[160];
	PCRE2_SIZE offset;
	oo_buf source = OO_BUF_INIT;
	int code;

	if (json_string_length(pattern) > OO_SCHEMA_PATTERN_MAX)
		return oo_error_set(ctx->err, OO_ELIMIT, NULL, 0, 0,
				    "pattern at \"%s\" is longer than the limit of %d bytes",
				    where, OO_SCHEMA_PATTERN_MAX);
	cc = pcre2_compile_context_create(NULL);
	if (!cc)
		return oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	pcre2_set_compile_extra_options(cc, PCRE2_EXTRA_ALT_BSUX);
	translate_properties(&source, json_string_value(pattern), json_string_length(pattern));
	if (source.failed) {
		pcre2_compile_context_free(cc);
		oo_buf_free(&source);
		return oo_error_set(ctx->err, OO_ENOMEM, NULL, 0, 0, "out of memory");
	}
	*out = pcre2_compile((PCRE2_SPTR)source.data, source.len, options, &code, &offset, cc);
	pcre2_compile_context_free(cc);
	oo_buf_free(&source);
	if (*out)
		return OO_OK;
	pcre2_get_error_message(code, message, sizeof(message));
	return oo_error_set(ctx->err, OO_ESCHEMA, NULL, 0, 0,
			    "invalid schema: pattern \"%s\" at \"%s\" is not a valid regular expression: %s at offset %zu",
			    json_string_value(pattern), where, (char *)message,
			    (size_t)offset);
}

int oo_schema__regex_search(validate_ctx *ctx, pcre2_code *re, const char *subject, size_t len)
{
	pcre2_match_data *data = pcre2_match_data_create_from_pattern(re, NULL);
	int rc;

	if (!data) {
		ctx->status = ctx->status ? ctx->status : OO_ENOMEM;
		return -1;
	}
	rc = pcre2_match(re, (PCRE2_SPTR)subject, len, 0, 0, data,
			 ctx->schema->match_context);
	pcre2_match_data_free(data);
	if (rc >= 0)
		return 1;
	return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

