/* Guest memory for the system-call unit tests (see sys_testlib.h).
 *
 * Until mem/space.c lands in the tree, this file also carries a minimal
 * stand-in for the address space: one reservation, a page-flag table for
 * the low 256 MiB, anonymous and fixed mappings only. It compiles itself
 * out as soon as the real space exists, so the tests then run against the
 * real thing. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "linux/thread.h"
#include "linux/process.h"
#include "sys_testlib.h"

/* The process description is the engine's (main.c); the tests bring their
 * own when the engine is not linked in. */
__attribute__((weak)) struct process proc;

#if !__has_include("mem/space.c")
#define STUB_PAGES (1u << 16)
uintptr_t guest_base;
void (*space_code_changed)(uint64_t addr, uint64_t len);
static uint8_t stub_flags[STUB_PAGES];
static uint64_t stub_next = 0x10000000 - 0x8000000; /* bump allocator */
static uint64_t stub_brk;

int space_init(void)
{
    if (guest_base)
        return 0;
    void *p = mmap(NULL, GUEST_SPACE_SIZE + GUEST_GUARD_SIZE, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return -errno;
    guest_base = (uintptr_t)p;
    return 0;
}

static int stub_prot_flags(int prot)
{
    return PAGE_MAPPED | (prot & PROT_READ ? PAGE_R : 0) |
           (prot & PROT_WRITE ? PAGE_W : 0) | (prot & PROT_EXEC ? PAGE_X : 0);
}

static void stub_set(uint64_t addr, uint64_t len, int flags)
{
    for (uint64_t p = addr / GUEST_PAGE_SIZE;
         p < (addr + len + GUEST_PAGE_SIZE - 1) / GUEST_PAGE_SIZE &&
         p < STUB_PAGES;
         p++)
        stub_flags[p] = (uint8_t)flags;
}

int64_t space_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                   int64_t offset)
{
    len = (len + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1);
    if (!len || len > STUB_PAGES * GUEST_PAGE_SIZE)
        return -EINVAL;
    if (!(flags & MAP_FIXED)) {
        addr = stub_next;
        stub_next += len;
    }
    if (addr + len > STUB_PAGES * GUEST_PAGE_SIZE)
        return -ENOMEM;
    void *p = mmap(g2h(addr), len, prot, (flags & ~MAP_FIXED_NOREPLACE) |
                   MAP_FIXED, fd, offset);
    if (p == MAP_FAILED)
        return -errno;
    stub_set(addr, len, stub_prot_flags(prot));
    return (int64_t)addr;
}

int space_munmap(uint64_t addr, uint64_t len)
{
    if (addr + len > STUB_PAGES * GUEST_PAGE_SIZE)
        return -EINVAL;
    mmap(g2h(addr), len, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    stub_set(addr, len, 0);
    return 0;
}

int space_mprotect(uint64_t addr, uint64_t len, int prot)
{
    if (mprotect(g2h(addr), len, prot) < 0)
        return -errno;
    stub_set(addr, len, stub_prot_flags(prot));
    return 0;
}

int64_t space_mremap(uint64_t old_addr, uint64_t old_len, uint64_t new_len,
                     int flags, uint64_t new_addr)
{
    return -ENOSYS;
}

int space_madvise(uint64_t addr, uint64_t len, int advice)
{
    return -ENOSYS;
}

void space_set_brk_start(uint64_t addr)
{
    stub_brk = addr;
}

uint64_t space_brk(uint64_t new_brk)
{
    return stub_brk;
}

int space_page_flags(uint64_t addr)
{
    uint64_t p = addr / GUEST_PAGE_SIZE;
    return p < STUB_PAGES ? stub_flags[p] : 0;
}

bool space_range_ok(uint64_t addr, uint64_t len, int need)
{
    if (!len)
        return true;
    if (addr + len < addr)
        return false;
    for (uint64_t p = addr & ~(GUEST_PAGE_SIZE - 1); p < addr + len;
         p += GUEST_PAGE_SIZE)
        if ((space_page_flags(p) & need) != need || !space_page_flags(p))
            return false;
    return true;
}

int64_t space_strnlen(uint64_t addr, uint64_t max)
{
    for (uint64_t n = 0; n < max; n++) {
        if (!(space_page_flags(addr + n) & PAGE_R))
            return -EFAULT;
        if (!*(const char *)g2h(addr + n))
            return (int64_t)n;
    }
    return -ENAMETOOLONG;
}

void space_for_each(void (*fn)(const struct space_region *, void *), void *arg)
{
    for (uint64_t p = 0; p < STUB_PAGES;) {
        if (!stub_flags[p]) {
            p++;
            continue;
        }
        uint64_t q = p;
        while (q < STUB_PAGES && stub_flags[q] == stub_flags[p])
            q++;
        struct space_region r = {p * GUEST_PAGE_SIZE, q * GUEST_PAGE_SIZE,
                                 stub_flags[p] & 7, NULL, 0};
        fn(&r, arg);
        p = q;
    }
}
#endif

static uint64_t area;

static uint64_t ensure_area(void)
{
    if (!area) {
        if (!guest_base && space_init()) {
            fprintf(stderr, "sys tests: space_init failed\n");
            exit(1);
        }
        int64_t a = space_mmap(0, STL_SIZE + 2 * GUEST_PAGE_SIZE,
                               PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (a < 0 || space_mprotect((uint64_t)a + STL_SIZE, GUEST_PAGE_SIZE,
                                    PROT_READ) ||
            space_munmap((uint64_t)a + STL_SIZE + GUEST_PAGE_SIZE,
                         GUEST_PAGE_SIZE)) {
            fprintf(stderr, "sys tests: cannot map the test area\n");
            exit(1);
        }
        area = (uint64_t)a;
    }
    return area;
}

uint64_t stl_area(void)
{
    memset(g2h(ensure_area()), 0, STL_SIZE);
    return area;
}

uint64_t stl_readonly_page(void)
{
    return ensure_area() + STL_SIZE;
}

uint64_t stl_unmapped_page(void)
{
    return ensure_area() + STL_SIZE + GUEST_PAGE_SIZE;
}

uint64_t stl_put_str(uint64_t addr, const char *s)
{
    memcpy(g2h(addr), s, strlen(s) + 1);
    return addr;
}

int64_t stl_call(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
                 uint64_t a3, uint64_t a4, uint64_t a5)
{
    /* Handlers may use the Linux per-thread state around the hart. */
    static struct thread t; /* kept across calls, like a real thread's */
    t.tid = gettid();
    uint64_t a[6] = {a0, a1, a2, a3, a4, a5};
    return syscall_run(&t.hart, nr, a);
}

static int rm_entry(const char *path, const struct stat *st, int type,
                    struct FTW *ftw)
{
    return remove(path);
}

void stl_rmtree(const char *dir)
{
    nftw(dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

const char *stl_tmpdir(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/hart-sys-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(1);
    }
    return dir;
}
