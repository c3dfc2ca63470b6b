/* The code cache: where translated code lives. One memory object mapped
 * twice, a writable view for the translator and an executable view for
 * running, so no page is ever writable and executable at once. Code is
 * bump-allocated, hot and cold parts in separate halves, and dropped all
 * at once (a flush), like decoded blocks. */
#ifndef HART_JIT_CACHE_H
#define HART_JIT_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Maps a cache of size bytes; 0 or -errno. */
int jit_cache_init(size_t size);

/* Room for size bytes of code: returns the executable address and sets
 * *write to the writable alias of the same bytes; NULL when full. */
void *jit_cache_alloc(size_t size, uint8_t **write);

/* The same in the cold half, for code that rarely runs. */
void *jit_cache_alloc_cold(size_t size, uint8_t **write);

/* Gives back the unused tail of the last allocation of its half. */
void jit_cache_shrink_last(void *exec, size_t used);

/* The writable alias of an executable address in the cache. */
uint8_t *jit_cache_writable(const void *exec);
/* Whether a run address lies in the code cache (async-signal-safe). */
bool jit_cache_contains(uintptr_t run);

/* In a forked child: the cache becomes the child's own copy, at the same
 * addresses (the parent's and the child's would otherwise be one memory
 * object). 0 or -errno; on failure the views may be gone. */
int jit_cache_fork_child(void);

/* Forgets all code (a flush). */
void jit_cache_reset(void);

/* The same, moving the cache to addresses it never had; 0 or -errno (the
 * cache is unchanged then). */
int jit_cache_renew(void);

#endif
