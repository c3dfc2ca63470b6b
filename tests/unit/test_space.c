/* Tests of the guest address space (mem/): the mmap family's semantics and
 * error codes, the page table, the region list, host protections, brk, the
 * code-change notifications, and the buffer checks. Each test starts from
 * an empty space (space_reset). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "mem/access.h"
#include "mem/space.h"
#include "mem/vma.h"
#include "test.h"

#define PG GUEST_PAGE_SIZE
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static void fresh(void)
{
    CHECK_EQ(space_init(), 0);
    space_code_changed = NULL;
    space_reset();
}

/* The code-change notifications of the last operation. */
static uint64_t inval_lo, inval_len;
static int inval_calls;

static void note_inval(uint64_t addr, uint64_t len)
{
    inval_lo = addr;
    inval_len = len;
    inval_calls++;
}

static void watch_code(void)
{
    inval_calls = 0;
    inval_lo = inval_len = 0;
    space_code_changed = note_inval;
}

/* Regions as space_for_each reports them. */
struct regions {
    int n;
    struct space_region r[16];
    char names[16][128];
};

static void collect(const struct space_region *r, void *arg)
{
    struct regions *rs = arg;
    if (rs->n < 16) {
        rs->r[rs->n] = *r;
        if (r->name) {
            strncpy(rs->names[rs->n], r->name, 127);
            rs->r[rs->n].name = rs->names[rs->n];
        }
    }
    rs->n++;
}

static struct regions regions(void)
{
    struct regions rs;
    memset(&rs, 0, sizeof rs);
    space_for_each(collect, &rs);
    return rs;
}

/* The host protection of the host page behind guest address a, from
 * /proc/self/maps ("rw-p" etc.), or "" when nothing is mapped there. */
static const char *host_perms(uint64_t a)
{
    static char perms[8];
    uintptr_t h = (uintptr_t)g2h(a);
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    perms[0] = '\0';
    while (f && fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        char p[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, p) == 3 && lo <= h && h < hi) {
            strcpy(perms, p);
            break;
        }
    }
    if (f)
        fclose(f);
    return perms;
}

/* Runs fn in a child; true when the child died of a fault (SIGSEGV or
 * SIGBUS, seen by our handler or by the sanitizer's). */
static sigjmp_buf fault_jmp;
static void on_fault(int sig)
{
    (void)sig;
    _exit(42);
}

static bool faults(void (*fn)(uint64_t), uint64_t arg)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fault;
        sigaction(SIGSEGV, &sa, NULL);
        sigaction(SIGBUS, &sa, NULL);
        fn(arg);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    (void)fault_jmp;
    return !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static void write_byte(uint64_t a)
{
    *(volatile char *)g2h(a) = 1;
}

static void read_byte(uint64_t a)
{
    (void)*(volatile char *)g2h(a);
}

TEST(space_init_reserves_once)
{
    CHECK_EQ(space_init(), 0);
    uintptr_t base = guest_base;
    CHECK(base != 0);
    CHECK_EQ(space_init(), 0);
    CHECK_EQ(guest_base, base);
    CHECK(base % PG == 0);
    /* The whole space and the guard are one PROT_NONE reservation. */
    fresh();
    CHECK(!strcmp(host_perms(0), "---p"));
    CHECK(!strcmp(host_perms(GUEST_SPACE_SIZE - 1), "---p"));
    CHECK(!strcmp(host_perms(GUEST_SPACE_SIZE + GUEST_GUARD_SIZE - 1), "---p"));
}

TEST(space_mmap_topdown_and_flags)
{
    fresh();
    int64_t a = space_mmap(0, 3 * PG, RW, ANON, -1, 0);
    CHECK(a > 0);
    CHECK_EQ(a % PG, 0);
    CHECK_EQ(a + 3 * PG, GUEST_MMAP_BASE); /* the first goes just below */
    int64_t b = space_mmap(0, 100, PROT_READ, ANON, -1, 0);
    CHECK_EQ(b + PG, a); /* rounded to a page, right below */
    CHECK_EQ(space_page_flags(a), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(a + 3 * PG - 1), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(b), PAGE_MAPPED | PAGE_R);
    CHECK_EQ(space_page_flags(b - 1), 0);
    CHECK_EQ(space_page_flags(GUEST_SPACE_SIZE), 0);
    CHECK_EQ(space_page_flags(UINT64_MAX), 0);
    /* Fresh anonymous memory reads as zeroes and is writable. */
    CHECK_EQ(guest_load64((uint64_t)a + 8), 0);
    guest_store64((uint64_t)a + 8, 0x1122334455667788ull);
    CHECK_EQ(guest_load64((uint64_t)a + 8), 0x1122334455667788ull);
    CHECK(!strcmp(host_perms((uint64_t)a), "rw-p"));
    CHECK(!strcmp(host_perms((uint64_t)b), "r--p"));
}

TEST(space_mmap_errors)
{
    fresh();
    CHECK_EQ(space_mmap(0, 0, RW, ANON, -1, 0), -EINVAL);
    CHECK_EQ(space_mmap(0x100001, PG, RW, ANON | MAP_FIXED, -1, 0), -EINVAL);
    CHECK_EQ(space_mmap(0, PG, RW, ANON, -1, 100), -EINVAL);
    CHECK_EQ(space_mmap(0, PG, RW, MAP_ANONYMOUS, -1, 0), -EINVAL); /* no type */
    CHECK_EQ(space_mmap(0, PG, RW, 0x0f | MAP_ANONYMOUS, -1, 0), -EINVAL);
    CHECK_EQ(space_mmap(GUEST_SPACE_SIZE - PG, 2 * PG, RW, ANON | MAP_FIXED,
                        -1, 0),
             -ENOMEM);
    CHECK_EQ(space_mmap(0x1000, PG, RW, ANON | MAP_FIXED, -1, 0), -EPERM);
    CHECK_EQ(space_mmap(0, GUEST_SPACE_SIZE + PG, RW, ANON, -1, 0), -ENOMEM);
    CHECK_EQ(space_mmap(0, UINT64_MAX, RW, ANON, -1, 0), -ENOMEM);
    CHECK_EQ(space_mmap(0, PG, RW, MAP_PRIVATE, 9999, 0), -EBADF);
    CHECK_EQ(space_mmap(0, PG, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | 0x40,
                        -1, 0),
             -EOPNOTSUPP);
    /* Nothing got mapped by the failures. */
    struct regions rs = regions();
    CHECK_EQ(rs.n, 0);
    /* Bit 0x40 (MAP_32BIT on x86-64) means nothing on riscv64. */
    int64_t a = space_mmap(0, PG, RW, ANON | 0x40, -1, 0);
    CHECK_EQ(a + PG, GUEST_MMAP_BASE);
}

TEST(space_mmap_fixed_hint_noreplace)
{
    fresh();
    uint64_t at = 0x100000000ull;
    CHECK_EQ(space_mmap(at, 2 * PG, RW, ANON | MAP_FIXED, -1, 0), at);
    guest_store32(at, 0xdeadbeef);
    CHECK_EQ(space_mmap(at + PG, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
             -EEXIST);
    CHECK_EQ(guest_load32(at), 0xdeadbeef);
    /* A free hint is honoured (rounded down to a page); a taken one not. */
    CHECK_EQ(space_mmap(at + 4 * PG + 5, PG, RW, ANON, -1, 0), at + 4 * PG);
    int64_t b = space_mmap(at, PG, RW, ANON, -1, 0);
    CHECK(b > 0 && (uint64_t)b != at);
    /* A low hint is raised to the minimum. */
    CHECK_EQ(space_mmap(0x2000, PG, RW, ANON, -1, 0), GUEST_MMAP_MIN);
    /* MAP_FIXED replaces, with fresh contents. */
    CHECK_EQ(space_mmap(at, PG, PROT_READ, ANON | MAP_FIXED, -1, 0), at);
    CHECK_EQ(guest_load32(at), 0);
    CHECK_EQ(space_page_flags(at), PAGE_MAPPED | PAGE_R);
    CHECK_EQ(space_page_flags(at + PG), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_mmap(at + 8 * PG, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
             at + 8 * PG);
}

TEST(space_host_protections)
{
    fresh();
    int64_t ro = space_mmap(0, PG, PROT_READ, ANON, -1, 0);
    int64_t x = space_mmap(0, PG, PROT_EXEC, ANON, -1, 0);
    int64_t none = space_mmap(0, PG, PROT_NONE, ANON, -1, 0);
    int64_t wo = space_mmap(0, PG, PROT_WRITE, ANON, -1, 0);
    CHECK(faults(write_byte, (uint64_t)ro));
    CHECK(!faults(read_byte, (uint64_t)ro));
    /* Execute-only is readable on the host (and for the guest's view). */
    CHECK(!faults(read_byte, (uint64_t)x));
    CHECK(faults(write_byte, (uint64_t)x));
    CHECK_EQ(space_page_flags(x), PAGE_MAPPED | PAGE_R | PAGE_X);
    CHECK(faults(read_byte, (uint64_t)none));
    CHECK_EQ(space_page_flags(none), PAGE_MAPPED);
    CHECK(!faults(write_byte, (uint64_t)wo));
    CHECK_EQ(space_page_flags(wo), PAGE_MAPPED | PAGE_R | PAGE_W);
    /* Unmapped guest memory faults: it is the reservation. */
    CHECK(faults(read_byte, 0x123456000ull));
    CHECK(faults(read_byte, GUEST_SPACE_SIZE));
}

TEST(space_munmap_rereserves)
{
    fresh();
    int64_t a = space_mmap(0, 4 * PG, RW, ANON, -1, 0);
    CHECK_EQ(space_munmap((uint64_t)a + 1, PG), -EINVAL);
    CHECK_EQ(space_munmap((uint64_t)a, 0), -EINVAL);
    CHECK_EQ(space_munmap(GUEST_SPACE_SIZE - PG, 2 * PG), -EINVAL);
    CHECK_EQ(space_munmap((uint64_t)a + PG, PG + 1), 0); /* 2 pages */
    CHECK_EQ(space_page_flags(a), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(a + PG), 0);
    CHECK_EQ(space_page_flags(a + 2 * PG), 0);
    CHECK_EQ(space_page_flags(a + 3 * PG), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK(!strcmp(host_perms((uint64_t)a + PG), "---p"));
    CHECK(faults(read_byte, (uint64_t)a + PG));
    struct regions rs = regions();
    CHECK_EQ(rs.n, 2);
    CHECK_EQ(rs.r[0].start, a);
    CHECK_EQ(rs.r[0].end, a + PG);
    CHECK_EQ(rs.r[1].start, a + 3 * PG);
    /* Unmapping nothing is fine. */
    CHECK_EQ(space_munmap(0x10000, PG), 0);
    /* The freed pages are found again by the next top-down mmap. */
    CHECK_EQ(space_mmap(0, 2 * PG, RW, ANON, -1, 0), a + PG);
    /* Unmapping (nearly) the whole space at once. */
    space_mmap(0x10000, PG, RW, ANON | MAP_FIXED, -1, 0);
    CHECK_EQ(space_munmap(GUEST_MMAP_MIN, GUEST_SPACE_SIZE - GUEST_MMAP_MIN), 0);
    CHECK_EQ(regions().n, 0);
    CHECK_EQ(space_page_flags(a), 0);
    CHECK_EQ(space_page_flags(0x10000), 0);
}

/* The region list on its own: splitting, merging, removal and the gap
 * searches behind mmap's placement. */
TEST(space_vma_list)
{
    struct vma_list l = {0};
    CHECK_EQ(vma_reserve(&l, 8), 0);
    struct vma a = {.start = 0x10000, .end = 0x20000, .flags = 3};
    struct vma b = {.start = 0x20000, .end = 0x30000, .flags = 3};
    struct vma c = {.start = 0x40000, .end = 0x50000, .flags = 1};
    vma_insert(&l, &c);
    vma_insert(&l, &a);
    vma_insert(&l, &b); /* merges with a */
    CHECK_EQ(l.n, 2);
    CHECK_EQ(l.v[0].start, 0x10000);
    CHECK_EQ(l.v[0].end, 0x30000);
    CHECK(vma_find(&l, 0x2ffff) == &l.v[0]);
    CHECK(vma_find(&l, 0x30000) == NULL);
    CHECK(vma_range_free(&l, 0x30000, 0x40000));
    CHECK(!vma_range_free(&l, 0x30000, 0x40001));
    CHECK(vma_range_covered(&l, 0x10000, 0x30000));
    CHECK(!vma_range_covered(&l, 0x10000, 0x40001));
    CHECK(vma_range_has(&l, 0x30000, 0x50000, 1));
    CHECK(!vma_range_has(&l, 0x30000, 0x50000, 2));
    /* A hole punched in the middle splits; a file region's offset follows. */
    l.v[0].kind = VMA_FILE;
    l.v[0].offset = 0x5000;
    vma_remove(&l, 0x18000, 0x19000);
    CHECK_EQ(l.n, 3);
    CHECK_EQ(l.v[1].start, 0x19000);
    CHECK_EQ(l.v[1].offset, 0x5000 + 0x9000);
    /* Gaps: top-down takes the highest that fits, bottom-up the lowest. */
    CHECK_EQ(vma_gap_topdown(&l, 0x1000, 0x10000, 0x60000), 0x5f000);
    CHECK_EQ(vma_gap_topdown(&l, 0x10000, 0x10000, 0x50000), 0x30000);
    CHECK_EQ(vma_gap_topdown(&l, 0x1000, 0x10000, 0x40000), 0x3f000);
    CHECK_EQ(vma_gap_topdown(&l, 0x1000, 0x10000, 0x30000), 0x18000);
    CHECK_EQ(vma_gap_topdown(&l, 0x2000, 0x10000, 0x30000), UINT64_MAX);
    CHECK_EQ(vma_gap_topdown(&l, 0x2000, 0x0, 0x30000), 0xe000);
    CHECK_EQ(vma_gap_bottomup(&l, 0x1000, 0x10000, 0x60000), 0x18000);
    CHECK_EQ(vma_gap_bottomup(&l, 0x2000, 0x10000, 0x60000), 0x30000);
    CHECK_EQ(vma_gap_bottomup(&l, 0x20000, 0x10000, 0x60000), UINT64_MAX);
    CHECK_EQ(vma_gap_bottomup(&l, 0x20000, 0x10000, UINT64_MAX), 0x50000);
    CHECK_EQ(vma_gap_topdown(&l, 0x1000, 0x50000, 0x40000), UINT64_MAX);
    vma_clear(&l);
    CHECK_EQ(vma_gap_topdown(&l, 0x1000, 0x10000, 0x60000), 0x5f000);
    free(l.v);
}

TEST(space_regions_merge_and_names)
{
    fresh();
    uint64_t at = 0x200000000ull;
    space_mmap(at, PG, RW, ANON | MAP_FIXED, -1, 0);
    space_mmap(at + PG, PG, RW, ANON | MAP_FIXED, -1, 0);
    space_mmap(at + 2 * PG, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
    struct regions rs = regions();
    CHECK_EQ(rs.n, 2);
    CHECK_EQ(rs.r[0].end, at + 2 * PG);
    CHECK_EQ(rs.r[0].flags, PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK(rs.r[0].name == NULL && !rs.r[0].shared);
    CHECK_EQ(space_set_name(at + PG, PG, "[anon:x]"), 0);
    rs = regions();
    CHECK_EQ(rs.n, 3);
    CHECK(rs.r[1].name && !strcmp(rs.r[1].name, "[anon:x]"));
    CHECK_EQ(space_set_name(at, PG, "[anon:x]"), 0);
    rs = regions();
    CHECK_EQ(rs.n, 2);
    CHECK_EQ(rs.r[0].end, at + 2 * PG);
    CHECK_EQ(space_set_name(at, 4 * PG, "y"), -ENOMEM); /* a hole at the end */
    CHECK_EQ(space_set_name(at + 1, PG, "y"), -EINVAL);
    /* Shared anonymous mappings are separate objects: never merged. */
    fresh();
    space_mmap(at, PG, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    space_mmap(at + PG, PG, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    rs = regions();
    CHECK_EQ(rs.n, 2);
    CHECK(rs.r[0].shared);
}

TEST(space_mprotect)
{
    fresh();
    int64_t a = space_mmap(0, 3 * PG, RW, ANON, -1, 0);
    guest_store8((uint64_t)a + PG, 7);
    CHECK_EQ(space_mprotect((uint64_t)a + PG, PG, PROT_READ), 0);
    CHECK_EQ(space_page_flags(a + PG), PAGE_MAPPED | PAGE_R);
    CHECK_EQ(space_page_flags(a), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK(faults(write_byte, (uint64_t)a + PG));
    CHECK_EQ(guest_load8((uint64_t)a + PG), 7); /* contents kept */
    CHECK_EQ(regions().n, 3);
    CHECK_EQ(space_mprotect((uint64_t)a + PG, PG, RW), 0);
    CHECK_EQ(regions().n, 1); /* merged back */
    CHECK_EQ(space_mprotect((uint64_t)a + 1, PG, RW), -EINVAL);
    CHECK_EQ(space_mprotect((uint64_t)a, PG, 0x10 | PROT_READ), -EINVAL);
    CHECK_EQ(space_mprotect((uint64_t)a, 0, PROT_READ), 0);
    CHECK_EQ(space_mprotect((uint64_t)a, 4 * PG, PROT_READ), -ENOMEM);
    CHECK_EQ(space_mprotect(0x10000, PG, PROT_READ), -ENOMEM);
    CHECK_EQ(space_mprotect((uint64_t)a, PG, PROT_READ | 0x01000000), -EINVAL);
    CHECK_EQ(space_mprotect((uint64_t)a, UINT64_MAX - PG, PROT_READ), -ENOMEM);
    /* PROT_GROWSDOWN reaches down to the start of a stack mapping. */
    int64_t s = space_mmap(0, 4 * PG, RW, ANON | MAP_GROWSDOWN, -1, 0);
    CHECK_EQ(space_mprotect((uint64_t)s + 2 * PG, PG,
                            RW | PROT_EXEC | 0x01000000),
             0);
    CHECK_EQ(space_page_flags(s), PAGE_MAPPED | PAGE_R | PAGE_W | PAGE_X);
    CHECK_EQ(space_page_flags(s + 2 * PG), PAGE_MAPPED | PAGE_R | PAGE_W | PAGE_X);
    CHECK_EQ(space_page_flags(s + 3 * PG), PAGE_MAPPED | PAGE_R | PAGE_W);
}

TEST(space_code_changed_calls)
{
    fresh();
    watch_code();
    int64_t d = space_mmap(0, 2 * PG, RW, ANON, -1, 0);
    /* Code never run (no block decoded from it) notifies nothing either
     * way, as a library ld.so maps in steps before running it. */
    int64_t u = space_mmap(0, 2 * PG, PROT_READ | PROT_EXEC, ANON, -1, 0);
    space_mprotect((uint64_t)u, PG, PROT_READ);
    space_munmap((uint64_t)u, 2 * PG);
    CHECK_EQ(inval_calls, 0);
    int64_t c = space_mmap(0, 2 * PG, PROT_READ | PROT_EXEC, ANON, -1, 0);
    space_note_decoded((uint64_t)c); /* as rv/block.c does */
    space_note_decoded((uint64_t)c + PG);
    CHECK_EQ(inval_calls, 0);
    /* Data pages never notify. */
    space_mprotect((uint64_t)d, PG, PROT_READ);
    space_munmap((uint64_t)d, 2 * PG);
    CHECK_EQ(inval_calls, 0);
    /* Keeping X without W: nothing to drop. */
    space_mprotect((uint64_t)c, PG, PROT_EXEC);
    CHECK_EQ(inval_calls, 0);
    /* Gaining W. */
    space_mprotect((uint64_t)c, PG, PROT_READ | PROT_WRITE | PROT_EXEC);
    CHECK_EQ(inval_calls, 1);
    CHECK_EQ(inval_lo, c);
    CHECK_EQ(inval_len, PG);
    /* Losing X. */
    space_mprotect((uint64_t)c + PG, PG, PROT_READ);
    CHECK_EQ(inval_calls, 2);
    CHECK_EQ(inval_lo, c + PG);
    /* Unmapped. */
    space_munmap((uint64_t)c, 2 * PG);
    CHECK_EQ(inval_calls, 3);
    CHECK_EQ(inval_lo, c);
    /* Replaced by MAP_FIXED. */
    c = space_mmap(0, PG, PROT_READ | PROT_EXEC, ANON, -1, 0);
    space_note_decoded((uint64_t)c);
    space_mmap((uint64_t)c, PG, RW, ANON | MAP_FIXED, -1, 0);
    CHECK_EQ(inval_calls, 4);
    CHECK_EQ(inval_lo, c);
    /* Moved by mremap. */
    c = space_mmap(0x300000000ull, PG, PROT_READ | PROT_EXEC, ANON, -1, 0);
    space_note_decoded((uint64_t)c);
    space_mmap(0x300001000ull, PG, RW, ANON | MAP_FIXED, -1, 0);
    int64_t m = space_mremap((uint64_t)c, PG, 2 * PG, MREMAP_MAYMOVE, 0);
    CHECK(m > 0 && m != c);
    CHECK_EQ(inval_calls, 5);
    space_note_decoded((uint64_t)m);
    /* Dropped by madvise. */
    space_madvise((uint64_t)m, PG, MADV_DONTNEED);
    CHECK_EQ(inval_calls, 6);
    space_code_changed = NULL;
}

TEST(space_mremap_grow_shrink_move)
{
    fresh();
    uint64_t at = 0x100000000ull;
    CHECK_EQ(space_mmap(at, 2 * PG, RW, ANON | MAP_FIXED, -1, 0), at);
    guest_store64(at, 0xabc);
    guest_store64(at + PG, 0xdef);
    /* Grows in place when the pages above are free. */
    CHECK_EQ(space_mremap(at, 2 * PG, 4 * PG, 0, 0), at);
    CHECK_EQ(space_page_flags(at + 3 * PG), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(guest_load64(at + PG), 0xdef);
    CHECK_EQ(guest_load64(at + 3 * PG), 0);
    CHECK_EQ(regions().n, 1);
    /* Shrinks. */
    CHECK_EQ(space_mremap(at, 4 * PG, PG + 1, 0, 0), at);
    CHECK_EQ(space_page_flags(at + 2 * PG), 0);
    CHECK_EQ(space_page_flags(at + PG), PAGE_MAPPED | PAGE_R | PAGE_W);
    /* Blocked above: ENOMEM without MAYMOVE, a move with it. */
    space_mmap(at + 2 * PG, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
    CHECK_EQ(space_mremap(at, 2 * PG, 3 * PG, 0, 0), -ENOMEM);
    int64_t m = space_mremap(at, 2 * PG, 3 * PG, MREMAP_MAYMOVE, 0);
    CHECK(m > 0 && (uint64_t)m != at);
    CHECK_EQ(guest_load64((uint64_t)m), 0xabc);
    CHECK_EQ(guest_load64((uint64_t)m + PG), 0xdef);
    CHECK_EQ(space_page_flags(m + 2 * PG), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(at), 0);
    CHECK(!strcmp(host_perms(at), "---p")); /* the hole was refilled */
    /* MREMAP_FIXED to a chosen place, replacing what is there. */
    uint64_t to = 0x180000000ull;
    space_mmap(to, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
    CHECK_EQ(space_mremap((uint64_t)m, 3 * PG, 2 * PG,
                          MREMAP_MAYMOVE | MREMAP_FIXED, to),
             to);
    CHECK_EQ(guest_load64(to + PG), 0xdef);
    CHECK_EQ(space_page_flags(to), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(m), 0);
    CHECK_EQ(space_page_flags(m + 2 * PG), 0);
}

TEST(space_mremap_errors_and_dontunmap)
{
    fresh();
    uint64_t at = 0x100000000ull;
    space_mmap(at, 2 * PG, RW, ANON | MAP_FIXED, -1, 0);
    space_mmap(at + 2 * PG, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
    CHECK_EQ(space_mremap(at + 1, PG, 2 * PG, MREMAP_MAYMOVE, 0), -EINVAL);
    CHECK_EQ(space_mremap(at, PG, 0, MREMAP_MAYMOVE, 0), -EINVAL);
    CHECK_EQ(space_mremap(at, PG, 2 * PG, 8, 0), -EINVAL);
    CHECK_EQ(space_mremap(at, PG, 2 * PG, MREMAP_FIXED, 0x200000000ull),
             -EINVAL);
    CHECK_EQ(space_mremap(at, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, at + PG / 2),
             -EINVAL);
    CHECK_EQ(space_mremap(at, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
                          at + PG),
             -EINVAL); /* overlapping */
    CHECK_EQ(space_mremap(0x50000000ull, PG, 2 * PG, MREMAP_MAYMOVE, 0),
             -EFAULT);
    /* Across two mappings. */
    CHECK_EQ(space_mremap(at, 3 * PG, 4 * PG, MREMAP_MAYMOVE, 0), -EFAULT);
    /* Duplicating a private mapping (old_len 0) is refused. */
    CHECK_EQ(space_mremap(at, 0, PG, MREMAP_MAYMOVE, 0), -EINVAL);
    /* DONTUNMAP needs equal lengths and MAYMOVE. */
    CHECK_EQ(space_mremap(at, PG, 2 * PG, MREMAP_MAYMOVE | 4, 0), -EINVAL);
    CHECK_EQ(space_mremap(at, PG, PG, 4, 0), -EINVAL);
    guest_store64(at, 77);
    int64_t m = space_mremap(at, PG, PG, MREMAP_MAYMOVE | 4, 0);
    CHECK(m > 0);
    if (m > 0) {
        CHECK_EQ(guest_load64((uint64_t)m), 77);
        /* The source stays mapped, its private pages now empty. */
        CHECK_EQ(space_page_flags(at), PAGE_MAPPED | PAGE_R | PAGE_W);
        CHECK_EQ(guest_load64(at), 0);
    }
}

TEST(space_mremap_shared_duplicate)
{
    fresh();
    int64_t a = space_mmap(0, PG, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int64_t b = space_mremap((uint64_t)a, 0, PG, MREMAP_MAYMOVE, 0);
    CHECK(b > 0 && b != a);
    guest_store32((uint64_t)a, 1234);
    CHECK_EQ(guest_load32((uint64_t)b), 1234);
    CHECK_EQ(space_page_flags(a), PAGE_MAPPED | PAGE_R | PAGE_W);
}

static int temp_file(char *path, size_t pages)
{
    strcpy(path, "/tmp/hart-space-XXXXXX");
    int fd = mkstemp(path);
    for (size_t i = 0; i < pages * PG; i += 8) {
        uint64_t v = 0x1000000 + i;
        if (write(fd, &v, 8) != 8)
            break;
    }
    return fd;
}

TEST(space_file_mappings)
{
    fresh();
    char path[64];
    int fd = temp_file(path, 4);
    struct stat st;
    fstat(fd, &st);
    int64_t p = space_mmap(0, 2 * PG, PROT_READ, MAP_PRIVATE, fd, PG);
    CHECK(p > 0);
    CHECK_EQ(guest_load64((uint64_t)p), 0x1000000 + PG);
    CHECK_EQ(guest_load64((uint64_t)p + PG + 8), 0x1000000 + 2 * PG + 8);
    struct regions rs = regions();
    CHECK_EQ(rs.n, 1);
    CHECK(rs.r[0].name && !strcmp(rs.r[0].name, path));
    CHECK_EQ(rs.r[0].offset, PG);
    CHECK_EQ(rs.r[0].dev, st.st_dev);
    CHECK_EQ(rs.r[0].inode, st.st_ino);
    CHECK(!rs.r[0].shared);
    /* Splitting keeps the file offsets right. */
    space_munmap((uint64_t)p, PG);
    rs = regions();
    CHECK_EQ(rs.r[0].offset, 2 * PG);
    /* MAP_SHARED writes reach the file. */
    int64_t s = space_mmap(0, PG, RW, MAP_SHARED, fd, 0);
    CHECK(s > 0);
    guest_store64((uint64_t)s, 0x5555);
    uint64_t v = 0;
    CHECK_EQ(pread(fd, &v, 8, 0), 8);
    CHECK_EQ(v, 0x5555);
    CHECK(regions().r[0].shared);
    /* A shared file mapping grows in place as the same file. */
    uint64_t at = 0x100000000ull;
    CHECK_EQ(space_mmap(at, PG, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0), at);
    CHECK_EQ(space_mremap(at, PG, 3 * PG, 0, 0), at);
    CHECK_EQ(guest_load64(at + 2 * PG), 0x1000000 + 2 * PG);
    CHECK_EQ(guest_load64(at), 0x5555);
    /* And moves as the same file. */
    space_mmap(at + 3 * PG, PG, PROT_READ, ANON | MAP_FIXED, -1, 0);
    int64_t m = space_mremap(at, 3 * PG, 4 * PG, MREMAP_MAYMOVE, 0);
    CHECK(m > 0 && (uint64_t)m != at);
    CHECK_EQ(guest_load64((uint64_t)m + 3 * PG + 8), 0x1000000 + 3 * PG + 8);
    CHECK_EQ(space_page_flags(at), 0);
    /* Writing a read-only file's shared mapping is refused by the host. */
    int ro = open(path, O_RDONLY);
    CHECK_EQ(space_mmap(0, PG, RW, MAP_SHARED, ro, 0), -EACCES);
    int64_t r = space_mmap(0, PG, PROT_READ, MAP_SHARED, ro, 0);
    CHECK_EQ(space_mprotect((uint64_t)r, PG, RW), -EACCES);
    close(ro);
    close(fd);
    unlink(path);
}

TEST(space_madvise)
{
    fresh();
    int64_t a = space_mmap(0, 2 * PG, RW, ANON, -1, 0);
    guest_store64((uint64_t)a, 99);
    CHECK_EQ(space_madvise((uint64_t)a, 2 * PG, MADV_DONTNEED), 0);
    CHECK_EQ(guest_load64((uint64_t)a), 0);
    CHECK_EQ(space_madvise((uint64_t)a + 1, PG, MADV_DONTNEED), -EINVAL);
    CHECK_EQ(space_madvise((uint64_t)a, PG, 7777), -EINVAL);
    CHECK_EQ(space_madvise((uint64_t)a, 0, MADV_DONTNEED), 0);
    CHECK_EQ(space_madvise((uint64_t)a, 3 * PG, MADV_WILLNEED), -ENOMEM);
    CHECK_EQ(space_madvise((uint64_t)a - PG, 2 * PG, MADV_NORMAL), -ENOMEM);
    CHECK_EQ(space_madvise(0x10000, PG, MADV_NORMAL), -ENOMEM);
}

TEST(space_brk)
{
    fresh();
    CHECK_EQ(space_brk(0), 0);
    uint64_t start = 0x10081234;
    space_set_brk_start(start);
    uint64_t s = 0x10082000;
    CHECK_EQ(space_brk(0), s);
    CHECK_EQ(space_brk(s + 10), s + 10);
    CHECK_EQ(space_page_flags(s), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(s + PG), 0);
    guest_store8(s + 9, 1);
    CHECK_EQ(space_brk(s + 3 * PG), s + 3 * PG);
    CHECK_EQ(space_page_flags(s + 2 * PG), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(s + 3 * PG), 0);
    struct regions rs = regions();
    CHECK_EQ(rs.n, 1);
    CHECK(rs.r[0].name && !strcmp(rs.r[0].name, "[heap]"));
    CHECK_EQ(rs.r[0].end, s + 3 * PG);
    /* Below the start: refused, the break stays. */
    CHECK_EQ(space_brk(s - 1), s + 3 * PG);
    /* Shrinking unmaps. */
    CHECK_EQ(space_brk(s + PG), s + PG);
    CHECK_EQ(space_page_flags(s + PG), 0);
    CHECK_EQ(guest_load8(s + 9), 1);
    /* Growing into another mapping (or next to it) fails. */
    space_mmap(s + 4 * PG, PG, RW, ANON | MAP_FIXED, -1, 0);
    CHECK_EQ(space_brk(s + 4 * PG), s + PG);
    CHECK_EQ(space_brk(s + 3 * PG + 1), s + PG);
    CHECK_EQ(space_brk(s + 3 * PG), s + 3 * PG);
    CHECK_EQ(space_brk(GUEST_SPACE_SIZE), s + 3 * PG);
    CHECK_EQ(space_brk(UINT64_MAX), s + 3 * PG);
    space_reset();
    CHECK_EQ(space_brk(0), 0);
}

TEST(space_range_ok_and_strnlen)
{
    fresh();
    int64_t a = space_mmap(0, 2 * PG, RW, ANON, -1, 0);
    int64_t r = space_mmap((uint64_t)a - PG, PG, PROT_READ, ANON | MAP_FIXED,
                           -1, 0);
    CHECK_EQ(r + PG, a);
    CHECK(space_range_ok((uint64_t)a, 2 * PG, PAGE_W));
    CHECK(space_range_ok((uint64_t)r, 3 * PG, PAGE_R));
    CHECK(!space_range_ok((uint64_t)r, 3 * PG, PAGE_W));
    CHECK(!space_range_ok((uint64_t)a, 2 * PG + 1, PAGE_R));
    CHECK(!space_range_ok((uint64_t)a, 8, PAGE_X));
    CHECK(space_range_ok((uint64_t)a + 5, 0, PAGE_W));
    CHECK(space_range_ok(0, 0, PAGE_R));
    CHECK(!space_range_ok(UINT64_MAX - 3, 8, PAGE_R));
    CHECK(!space_range_ok(GUEST_SPACE_SIZE - 4, 8, PAGE_R));
    CHECK(!space_range_ok(0x10000, 1, 0)); /* unmapped even with no need */
    /* Strings: within a page, across pages, running off the mapping. */
    uint64_t e = (uint64_t)a + 2 * PG;
    memset(g2h((uint64_t)a), 'x', 2 * PG);
    guest_store8((uint64_t)a + 10, 0);
    CHECK_EQ(space_strnlen((uint64_t)a, 100), 10);
    CHECK_EQ(space_strnlen((uint64_t)a, 10), -ENAMETOOLONG);
    CHECK_EQ(space_strnlen((uint64_t)a, 11), 10);
    guest_store8((uint64_t)a + PG + 3, 0);
    CHECK_EQ(space_strnlen((uint64_t)a + 11, 2 * PG), PG - 8);
    CHECK_EQ(space_strnlen(e - 5, 100), -EFAULT);
    CHECK_EQ(space_strnlen(e - 5, 5), -ENAMETOOLONG);
    CHECK_EQ(space_strnlen(e, 5), -EFAULT);
    CHECK_EQ(space_strnlen(GUEST_SPACE_SIZE, 5), -EFAULT);
    CHECK_EQ(space_strnlen(UINT64_MAX, 5), -EFAULT);
}

TEST(space_reset_clears)
{
    fresh();
    int64_t a = space_mmap(0, PG, RW, ANON, -1, 0);
    space_mmap(0, PG, PROT_EXEC, ANON, -1, 0);
    watch_code();
    space_reset();
    CHECK_EQ(inval_calls, 1);
    CHECK_EQ(space_page_flags(a), 0);
    CHECK_EQ(regions().n, 0);
    CHECK(!strcmp(host_perms((uint64_t)a), "---p"));
    space_code_changed = NULL;
}

/* Threads mapping and unmapping at once while a reader polls the page
 * table: every mapping must come back where nobody else is, and the
 * regions must be consistent at the end. */
static void *churn(void *arg)
{
    uintptr_t id = (uintptr_t)arg;
    for (int i = 0; i < 300; i++) {
        int64_t a = space_mmap(0, (1 + (uint64_t)(i % 3)) * PG, RW, ANON, -1, 0);
        if (a < 0)
            return (void *)1;
        for (uint64_t p = 0; p <= (uint64_t)(i % 3); p++)
            guest_store64((uint64_t)a + p * PG, id);
        for (uint64_t p = 0; p <= (uint64_t)(i % 3); p++)
            if (guest_load64((uint64_t)a + p * PG) != id)
                return (void *)2;
        if (space_munmap((uint64_t)a, (1 + (uint64_t)(i % 3)) * PG))
            return (void *)3;
    }
    return NULL;
}

TEST(space_concurrent_changes)
{
    fresh();
    pthread_t t[3];
    for (uintptr_t i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, churn, (void *)(i + 1));
    for (int i = 0; i < 3; i++) {
        void *r;
        pthread_join(t[i], &r);
        CHECK(r == NULL);
    }
    CHECK_EQ(regions().n, 0);
}
