/* SPDX-License-Identifier: EUPL-1.2 */
/* The one allocation wrapper of the library. Tests can make the N-th
 * allocation fail to check that every error path releases what it holds. */
#ifndef ONLYONCE_ALLOC_H
#define ONLYONCE_ALLOC_H

#include <stddef.h>

void *oo_malloc(size_t size);
void *oo_calloc(size_t count, size_t size);
void *oo_realloc(void *ptr, size_t size);
void oo_free(void *ptr);

/* Copies s, or returns NULL when s is NULL or memory runs out. */
char *oo_strdup(const char *s);
char *oo_strndup(const char *s, size_t n);

/* Makes the n-th allocation from now fail (1 = the next one), and every
 * one after it when sticky is non-zero. n = 0 turns fault injection off. */
void oo_alloc_fail_after(unsigned long n, int sticky);

#endif
