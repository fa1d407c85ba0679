/* SPDX-License-Identifier: EUPL-1.2 */
#include "onlyonce/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Fault injection state. Not thread-safe: it exists for single-threaded tests. */
static unsigned long fail_countdown;
static int fail_sticky;
static int fail_active;

void oo_alloc_fail_after(unsigned long n, int sticky)
{
	fail_countdown = n;
	fail_sticky = sticky;
	fail_active = n > 0;
}

static int should_fail(void)
{
	if (!fail_active)
		return 0;
	if (fail_countdown > 1) {
		fail_countdown--;
		return 0;
	}
	if (!fail_sticky)
		fail_active = 0;
	return 1;
}

void *oo_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *oo_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	if (count == 0 || size == 0)
		return calloc(1, 1);
	return calloc(count, size);
}

void *oo_realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void oo_free(void *ptr)
{
	free(ptr);
}

char *oo_strndup(const char *s, size_t n)
{
	char *copy;

	if (!s)
		return NULL;
	copy = oo_malloc(n + 1);
	if (!copy)
		return NULL;
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *oo_strdup(const char *s)
{
	return s ? oo_strndup(s, strlen(s)) : NULL;
}
