/* The code cache's two views of one memfd. The executable view is never
 * writable and the writable view never executable; hart writes through
 * one and runs the other. Both are outside the guest's reservation, so
 * the guest can neither read nor write translated code. The cache is
 * process-wide; allocation happens under the translator's lock. */
#include "jit/cache.h"

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

static uint8_t *exec_view, *write_view;
static size_t capacity, used, last_start;

int jit_cache_init(size_t size)
{
    size = (size + 4095) & ~(size_t)4095;
    int fd = memfd_create("hart-code-cache", MFD_CLOEXEC);
    if (fd < 0)
        return -errno;
    if (ftruncate(fd, (off_t)size) < 0) {
        int err = errno;
        close(fd);
        return -err;
    }
    void *w = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    void *x = w == MAP_FAILED ? MAP_FAILED
                              : mmap(NULL, size, PROT_READ | PROT_EXEC,
                                     MAP_SHARED, fd, 0);
    int err = errno;
    close(fd);
    if (x == MAP_FAILED) {
        if (w != MAP_FAILED)
            munmap(w, size);
        return -err;
    }
    write_view = w;
    exec_view = x;
    capacity = size;
    used = 0;
    return 0;
}

void *jit_cache_alloc(size_t size, uint8_t **write)
{
    size_t start = (used + 15) & ~(size_t)15;
    if (start + size > capacity)
        return NULL;
    used = start + size;
    last_start = start;
    *write = write_view + start;
    return exec_view + start;
}

void jit_cache_shrink_last(void *exec, size_t size)
{
    if ((uint8_t *)exec == exec_view + last_start)
        used = last_start + size;
}

uint8_t *jit_cache_writable(const void *exec)
{
    return write_view + ((const uint8_t *)exec - exec_view);
}

bool jit_cache_contains(uintptr_t host_pc)
{
    return host_pc - (uintptr_t)exec_view < used;
}

void jit_cache_reset(void)
{
    used = 0;
}

size_t jit_cache_used(void)
{
    return used;
}
