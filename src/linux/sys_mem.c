/* Memory system calls. The mapping calls belong to the address space
 * (mem/space.c), which keeps the guest's page table; these handlers only
 * unpack arguments (and have an executable file mapping's symbols read,
 * when names are wanted). The few that act on existing pages without changing
 * mappings (msync, mlock, mincore) run on the host addresses once the
 * range is known to lie inside the guest space; Linux gives ENOMEM for
 * unmapped parts, which the page table answers. */
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
#include "linux/symbols.h"
#include "linux/sys.h"

_Static_assert(PROT_READ == GUEST_PROT_READ && PROT_WRITE == GUEST_PROT_WRITE &&
                   PROT_EXEC == GUEST_PROT_EXEC,
               "PROT_* pass through unchanged");
_Static_assert(MAP_SHARED == GUEST_MAP_SHARED && MAP_PRIVATE == GUEST_MAP_PRIVATE &&
                   MAP_FIXED == GUEST_MAP_FIXED &&
                   MAP_ANONYMOUS == GUEST_MAP_ANONYMOUS &&
                   MAP_FIXED_NOREPLACE == GUEST_MAP_FIXED_NOREPLACE,
               "MAP_* pass through unchanged");

int64_t sys_brk(struct hart *h, const uint64_t *a)
{
    return (int64_t)space_brk(a[0]);
}

int64_t sys_mmap(struct hart *h, const uint64_t *a)
{
    int64_t r = space_mmap(a[0], a[1], (int)a[2], (int)a[3], (int)a[4],
                           (int64_t)a[5]);
    if (symbols_wanted && r >= 0 && ((int)a[2] & PROT_EXEC) &&
        !((int)a[3] & MAP_ANONYMOUS)) {
        /* A library's code (ld.so maps it): its functions get names. */
        char link[64], path[4096];
        snprintf(link, sizeof link, "/proc/self/fd/%d", (int)a[4]);
        ssize_t n = readlink(link, path, sizeof path - 1);
        if (n > 0) {
            path[n] = '\0';
            symbols_load_mapped(path, (uint64_t)r, a[5]);
        }
    }
    return r;
}

int64_t sys_munmap(struct hart *h, const uint64_t *a)
{
    return space_munmap(a[0], a[1]);
}

int64_t sys_mprotect(struct hart *h, const uint64_t *a)
{
    return space_mprotect(a[0], a[1], (int)a[2]);
}

int64_t sys_mremap(struct hart *h, const uint64_t *a)
{
    return space_mremap(a[0], a[1], a[2], (int)a[3], a[4]);
}

int64_t sys_madvise(struct hart *h, const uint64_t *a)
{
    return space_madvise(a[0], a[1], (int)a[2]);
}

/* A page-aligned range of mapped guest pages, as a host pointer; NULL
 * with *err set otherwise (EINVAL misaligned, ENOMEM outside or unmapped). */
static void *mapped_range(uint64_t addr, uint64_t len, int *err)
{
    *err = -EINVAL;
    if (addr & (GUEST_PAGE_SIZE - 1))
        return NULL;
    *err = -ENOMEM;
    len = (len + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
    if (len > GUEST_SPACE_SIZE || addr > GUEST_SPACE_SIZE - len)
        return NULL;
    if (!space_range_ok(addr, len, PAGE_MAPPED))
        return NULL;
    *err = 0;
    return g2h(addr);
}

int64_t sys_msync(struct hart *h, const uint64_t *a)
{
    int err;
    void *p = mapped_range(a[0], a[1], &err);
    return p ? sys_ret(msync(p, a[1], (int)a[2])) : err;
}

int64_t sys_mlock(struct hart *h, const uint64_t *a)
{
    uint64_t off = a[0] & (GUEST_PAGE_SIZE - 1);
    int err;
    void *p = mapped_range(a[0] - off, a[1] + off, &err);
    return p ? sys_ret(mlock(p, a[1] + off)) : err;
}

int64_t sys_mlock2(struct hart *h, const uint64_t *a)
{
    uint64_t off = a[0] & (GUEST_PAGE_SIZE - 1);
    int err;
    void *p = mapped_range(a[0] - off, a[1] + off, &err);
    return p ? sys_ret(mlock2(p, a[1] + off, (unsigned)a[2])) : err;
}

int64_t sys_munlock(struct hart *h, const uint64_t *a)
{
    uint64_t off = a[0] & (GUEST_PAGE_SIZE - 1);
    int err;
    void *p = mapped_range(a[0] - off, a[1] + off, &err);
    return p ? sys_ret(munlock(p, a[1] + off)) : err;
}

int64_t sys_mincore(struct hart *h, const uint64_t *a)
{
    int err;
    void *p = mapped_range(a[0], a[1], &err);
    if (!p)
        return err;
    uint64_t pages = (a[1] + GUEST_PAGE_SIZE - 1) / GUEST_PAGE_SIZE;
    void *vec = sys_out(a[2], pages);
    if (!vec)
        return -EFAULT;
    return sys_ret(mincore(p, a[1], vec));
}
