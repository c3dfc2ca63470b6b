/* The code cache's two views of one piece of shared memory. The executable
 * view is never writable and the writable view never executable; hart writes through
 * one and runs the other. Both are outside the guest's reservation, so
 * the guest can neither read nor write translated code. The cache is
 * process-wide; allocation happens under the translator's lock. Shared
 * memory would also be shared with a forked child, so the child gets its
 * own copy (jit_cache_fork_child). */
#include "jit/cache.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Changed only by a flush (jit_cache_renew), when no thread runs
 * translated code; read by signal handlers (jit_cache_contains). */
static uint8_t *exec_view, *write_view;
static size_t capacity;

/* Two bump-allocated regions: hot code in the first half, the cold stubs
 * of the same blocks (exits, bounds errors, slow paths) in the second, so
 * that the code that runs sits densely in the instruction cache. */
struct region {
    size_t base, limit, used, last_start;
};
static struct region hot, cold;

/* Two views of one piece of shared memory of size bytes, at the given
 * addresses (MAP_FIXED) or anywhere (NULL); 0 or -errno. The memory is
 * anonymous shared memory, and the executable view a second mapping of
 * its pages (mremap with an old size of 0): /proc/PID/maps shows both as
 * "/dev/zero (deleted)", which perf takes for anonymous memory and so
 * names from /tmp/perf-PID.map (--perfmap). A memfd shows under its own
 * name, which perf (6.1, Debian 12's) looks for as a file instead; it
 * serves where that mremap is refused (valgrind refuses it). */
static int map_anonymous_views(size_t size, uint8_t *w_at, uint8_t *x_at,
                               void **w_out, void **x_out)
{
    int fixed = w_at ? MAP_FIXED : 0;
    void *w = mmap(w_at, size, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS | fixed, -1, 0);
    if (w == MAP_FAILED)
        return -errno;
    /* The second view comes writable like the first, and is made
     * executable only once it is no longer writable. */
    void *x = mremap(w, 0, size, MREMAP_MAYMOVE | (x_at ? MREMAP_FIXED : 0),
                     x_at);
    if (x != MAP_FAILED && mprotect(x, size, PROT_READ | PROT_EXEC) != 0) {
        int err = errno;
        munmap(x, size);
        x = MAP_FAILED;
        errno = err;
    }
    if (x == MAP_FAILED) {
        int err = errno;
        if (!fixed)
            munmap(w, size);
        return -err;
    }
    *w_out = w;
    *x_out = x;
    return 0;
}

static int map_memfd_views(size_t size, uint8_t *w_at, uint8_t *x_at,
                           void **w_out, void **x_out)
{
    int fd = memfd_create("hart-code-cache", MFD_CLOEXEC);
    if (fd < 0)
        return -errno;
    if (ftruncate(fd, (off_t)size) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    int fixed = w_at ? MAP_FIXED : 0;
    void *w = mmap(w_at, size, PROT_READ | PROT_WRITE, MAP_SHARED | fixed, fd,
                   0);
    void *x = w == MAP_FAILED ? MAP_FAILED
                              : mmap(x_at, size, PROT_READ | PROT_EXEC,
                                     MAP_SHARED | fixed, fd, 0);
    int err = errno;
    close(fd);
    if (x == MAP_FAILED) {
        if (w != MAP_FAILED && !fixed)
            munmap(w, size);
        return -err;
    }
    *w_out = w;
    *x_out = x;
    return 0;
}

static int map_views(size_t size, uint8_t *w_at, uint8_t *x_at, void **w_out,
                     void **x_out)
{
    if (map_anonymous_views(size, w_at, x_at, w_out, x_out) == 0)
        return 0;
    return map_memfd_views(size, w_at, x_at, w_out, x_out);
}

int jit_cache_fork_child(void)
{
    if (!capacity)
        return 0;
    /* The code is copied out, then both views are replaced in place, so
     * every pointer into the cache stays valid. */
    size_t hot_len = hot.used - hot.base, cold_len = cold.used - cold.base;
    size_t len = hot_len + cold_len;
    void *copy = mmap(NULL, len ? len : 1, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (copy == MAP_FAILED)
        return -errno;
    memcpy(copy, write_view + hot.base, hot_len);
    memcpy((uint8_t *)copy + hot_len, write_view + cold.base, cold_len);
    void *w, *x;
    int err = map_views(capacity, write_view, exec_view, &w, &x);
    if (!err) {
        memcpy(write_view + hot.base, copy, hot_len);
        memcpy(write_view + cold.base, (uint8_t *)copy + hot_len, cold_len);
    }
    munmap(copy, len ? len : 1);
    return err;
}

int jit_cache_init(size_t size)
{
    size = (size + 8191) & ~(size_t)8191;
    void *w, *x;
    int err = map_views(size, NULL, NULL, &w, &x);
    if (err)
        return err;
    write_view = w;
    exec_view = x;
    capacity = size;
    hot = (struct region){0, size / 2, 0, 0};
    cold = (struct region){size / 2, size, size / 2, size / 2};
    return 0;
}

static void *region_alloc(struct region *r, size_t size, uint8_t **write)
{
    size_t start = (r->used + 15) & ~(size_t)15;
    if (start + size > r->limit)
        return NULL;
    r->used = start + size;
    r->last_start = start;
    *write = write_view + start;
    return exec_view + start;
}

void *jit_cache_alloc(size_t size, uint8_t **write)
{
    return region_alloc(&hot, size, write);
}

void *jit_cache_alloc_cold(size_t size, uint8_t **write)
{
    return region_alloc(&cold, size, write);
}

void jit_cache_shrink_last(void *exec, size_t size)
{
    struct region *r = (uint8_t *)exec < exec_view + cold.base ? &hot : &cold;
    if ((uint8_t *)exec == exec_view + r->last_start)
        r->used = r->last_start + size;
}

bool jit_cache_contains(uintptr_t run)
{
    return exec_view && run >= (uintptr_t)exec_view &&
           run < (uintptr_t)exec_view + capacity;
}

uint8_t *jit_cache_writable(const void *exec)
{
    return write_view + ((const uint8_t *)exec - exec_view);
}

void jit_cache_reset(void)
{
    hot.used = hot.base;
    cold.used = cold.base;
}

int jit_cache_renew(void)
{
    void *w, *x;
    int err = map_views(capacity, NULL, NULL, &w, &x);
    if (err)
        return err;
    /* The old executable range stays reserved, so no later mapping (of
     * new code) lands at the addresses its code had. */
    mmap(exec_view, capacity, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    munmap(write_view, capacity);
    write_view = w;
    exec_view = x;
    jit_cache_reset();
    return 0;
}
