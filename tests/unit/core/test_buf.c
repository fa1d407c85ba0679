/* SPDX-License-Identifier: EUPL-1.2 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "onlyonce/alloc.h"
#include "onlyonce/buf.h"

static void buf_escapes_html_specials(void **state)
{
	oo_buf b = OO_BUF_INIT;

	(void)state;
	assert_int_equal(oo_buf_put_html(&b, "<script>alert(\"x\")</script> & 'q'"), OO_OK);
	assert_string_equal(b.data,
			    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
	oo_buf_free(&b);
}

static void buf_printf_grows(void **state)
{
	oo_buf b = OO_BUF_INIT;
	int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		assert_int_equal(oo_buf_printf(&b, "%d,", i), OO_OK);
	assert_int_equal(strncmp(b.data, "0,1,2,", 6), 0);
	assert_int_equal(b.len, strlen(b.data));
	oo_buf_free(&b);
}

static void buf_keeps_content_after_failed_growth(void **state)
{
	oo_buf b = OO_BUF_INIT;
	char big[200];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(oo_buf_puts(&b, "abc"), OO_OK);
	oo_alloc_fail_after(1, 0);
	assert_int_equal(oo_buf_puts(&b, big), OO_ENOMEM);
	assert_true(b.failed);
	assert_string_equal(b.data, "abc");
	assert_int_equal(oo_buf_puts(&b, "d"), OO_ENOMEM);
	assert_null(oo_buf_detach(&b));
	oo_alloc_fail_after(0, 0);
}

static void buf_detach_empty_returns_empty_string(void **state)
{
	oo_buf b = OO_BUF_INIT;
	char *s;

	(void)state;
	s = oo_buf_detach(&b);
	assert_non_null(s);
	assert_string_equal(s, "");
	oo_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_escapes_html_specials),
		cmocka_unit_test(buf_printf_grows),
		cmocka_unit_test(buf_keeps_content_after_failed_growth),
		cmocka_unit_test(buf_detach_empty_returns_empty_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
