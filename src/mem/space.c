/* The guest address space's state and its read side: the host reservation,
 * the page table (a byte of PAGE_* per guest page), the region list, and
 * the questions asked of them (page flags, buffer checks, string lengths,
 * the list of mappings). The mmap family lives in mem/map.c, the break in
 * mem/brk.c; locking rules are in mem/space_priv.h.
 *
 * Where the reservation goes: munmap and mremap briefly leave holes in the
 * host mapping (mremap moves pages away before the PROT_NONE reservation
 * is put back). A hole is only harmful if another thread's host mmap lands
 * in it; the kernel hands out the highest free gap below its mmap base, so
 * the reservation is asked for far below the usual place of libraries and
 * heaps (and above the sanitizers' shadow memory): every gap up there fits
 * sooner than a hole in here. */
#include "mem/space_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "mem/access.h"

#define RESERVE_HINT 0x200000000000ull /* 32 TiB */

uintptr_t guest_base;
void (*space_code_changed)(uint64_t addr, uint64_t len);
pthread_mutex_t space_lock = PTHREAD_MUTEX_INITIALIZER;
struct vma_list space_vmas;
uint8_t *space_pages;

/* One bit per guest page: some block was decoded from it (rv/block.c sets
 * it, from any thread), so a change of its mapping may leave stale code.
 * Never cleared but by execve: a page that once held decoded code counts
 * as holding it, which costs at most a flush too many. Pages that were
 * never run (a library's data, or code mapped and dropped unused, as a
 * dlopen'd library is mapped in several steps) change without one. */
static uint64_t *space_decoded;
enum { DECODED_BYTES = GUEST_SPACE_SIZE / GUEST_PAGE_SIZE / 8 };

void space_note_decoded(uint64_t addr)
{
    uint64_t page = addr / GUEST_PAGE_SIZE;
    if (addr < GUEST_SPACE_SIZE &&
        !(__atomic_load_n(&space_decoded[page / 64], __ATOMIC_RELAXED) >> (page % 64) & 1))
        __atomic_fetch_or(&space_decoded[page / 64], UINT64_C(1) << (page % 64),
                          __ATOMIC_SEQ_CST);
}

/* Whether a block was ever decoded from a page of [start, end). */
static bool range_decoded(uint64_t start, uint64_t end)
{
    uint64_t first = start / GUEST_PAGE_SIZE, last = (end - 1) / GUEST_PAGE_SIZE;
    for (uint64_t w = first / 64; w <= last / 64; w++) {
        uint64_t bits = __atomic_load_n(&space_decoded[w], __ATOMIC_SEQ_CST);
        if (w == first / 64)
            bits &= ~UINT64_C(0) << (first % 64);
        if (w == last / 64 && last % 64 != 63)
            bits &= (UINT64_C(1) << (last % 64 + 1)) - 1;
        if (bits)
            return true;
    }
    return false;
}

/* A fork while another thread changes mappings must not leave the child
 * with the lock taken forever. */
static void fork_prepare(void)
{
    pthread_mutex_lock(&space_lock);
}

static void fork_done(void)
{
    pthread_mutex_unlock(&space_lock);
}

int space_init(void)
{
    if (guest_base)
        return 0;
    size_t table = GUEST_SPACE_SIZE / GUEST_PAGE_SIZE;
    void *t = mmap(NULL, table, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (t == MAP_FAILED)
        return -errno;
    void *r = mmap((void *)(uintptr_t)(RESERVE_HINT - GUEST_GUARD_SIZE),
                   GUEST_GUARD_SIZE + GUEST_SPACE_SIZE + GUEST_GUARD_SIZE,
                   PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1,
                   0);
    if (r == MAP_FAILED) {
        int e = errno;
        munmap(t, table);
        return -e;
    }
    void *d = mmap(NULL, DECODED_BYTES, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (d == MAP_FAILED) {
        int e = errno;
        munmap(t, table);
        munmap(r, GUEST_GUARD_SIZE + GUEST_SPACE_SIZE + GUEST_GUARD_SIZE);
        return -e;
    }
    space_decoded = d;
    space_pages = t;
    guest_base = (uintptr_t)r + GUEST_GUARD_SIZE;
    pthread_atfork(fork_prepare, fork_done, fork_done);
    return 0;
}

void space_reset(void)
{
    pthread_mutex_lock(&space_lock);
    bool had_code = vma_range_has(&space_vmas, 0, GUEST_SPACE_SIZE, PAGE_X);
    space_host_reserve(0, GUEST_SPACE_SIZE);
    vma_clear(&space_vmas);
    /* Dropping the table's pages zeroes it without touching 64 MiB. */
    madvise(space_pages, GUEST_SPACE_SIZE / GUEST_PAGE_SIZE, MADV_DONTNEED);
    madvise(space_decoded, DECODED_BYTES, MADV_DONTNEED);
    space_brk_forget();
    pthread_mutex_unlock(&space_lock);
    if (had_code && space_code_changed)
        space_code_changed(0, GUEST_SPACE_SIZE);
}

uint64_t space_page_round(uint64_t len)
{
    if (len > GUEST_SPACE_SIZE)
        return 0;
    return (len + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
}

void space_pages_set(uint64_t start, uint64_t end, int flags)
{
    for (uint64_t p = start / GUEST_PAGE_SIZE; p < end / GUEST_PAGE_SIZE; p++)
        if (__atomic_load_n(&space_pages[p], __ATOMIC_RELAXED) != flags)
            __atomic_store_n(&space_pages[p], (uint8_t)flags,
                             __ATOMIC_RELAXED);
}

int space_host_reserve(uint64_t start, uint64_t len)
{
    void *p = mmap(g2h(start), len, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1,
                   0);
    return p == MAP_FAILED ? -errno : 0;
}

void space_inval_note(struct space_inval *iv, uint64_t start, uint64_t end)
{
    if (start >= end || !vma_range_has(&space_vmas, start, end, PAGE_X) ||
        !range_decoded(start, end))
        return;
    if (iv->hi == 0 || start < iv->lo)
        iv->lo = start;
    if (end > iv->hi)
        iv->hi = end;
}

void space_inval_flush(const struct space_inval *iv)
{
    if (iv->hi > iv->lo && space_code_changed)
        space_code_changed(iv->lo, iv->hi - iv->lo);
}

int space_page_flags(uint64_t addr)
{
    if (addr >= GUEST_SPACE_SIZE)
        return 0;
    return __atomic_load_n(&space_pages[addr / GUEST_PAGE_SIZE],
                           __ATOMIC_RELAXED);
}

bool space_range_ok(uint64_t addr, uint64_t len, int need)
{
    if (len == 0)
        return true;
    if (addr >= GUEST_SPACE_SIZE || len > GUEST_SPACE_SIZE - addr)
        return false;
    need |= PAGE_MAPPED;
    for (uint64_t p = PAGE_DOWN(addr); p < addr + len; p += GUEST_PAGE_SIZE)
        if ((space_page_flags(p) & need) != need)
            return false;
    return true;
}

int64_t space_strnlen(uint64_t addr, uint64_t max)
{
    uint64_t n = 0;
    while (n < max) {
        uint64_t a = addr + n;
        if (a < addr || !(space_page_flags(a) & PAGE_R))
            return -EFAULT;
        uint64_t chunk = GUEST_PAGE_SIZE - (a & PAGE_MASK_LOW);
        if (chunk > max - n)
            chunk = max - n;
        const char *z = memchr(g2h(a), 0, chunk);
        if (z)
            return (int64_t)(n + (uint64_t)(z - (const char *)g2h(a)));
        n += chunk;
    }
    return -ENAMETOOLONG;
}

void space_for_each(void (*fn)(const struct space_region *, void *), void *arg)
{
    pthread_mutex_lock(&space_lock);
    for (size_t i = 0; i < space_vmas.n; i++) {
        const struct vma *v = &space_vmas.v[i];
        struct space_region r = {
            .start = v->start,
            .end = v->end,
            .flags = v->flags,
            .name = v->name ? v->name->s : NULL,
            .offset = v->offset,
            .shared = v->kind & VMA_SHARED,
            .dev = v->dev,
            .inode = v->ino,
        };
        fn(&r, arg);
    }
    pthread_mutex_unlock(&space_lock);
}

int space_set_name(uint64_t addr, uint64_t len, const char *name)
{
    if (addr & PAGE_MASK_LOW)
        return -EINVAL;
    uint64_t rl = space_page_round(len);
    if ((len && !rl) || addr > GUEST_SPACE_SIZE - rl)
        return -ENOMEM;
    struct vma_name *n = name ? vma_name_new(name) : NULL;
    if (name && !n)
        return -ENOMEM;
    uint64_t end = addr + rl;
    int r = 0;
    pthread_mutex_lock(&space_lock);
    if (vma_reserve(&space_vmas, 2) < 0) {
        r = -ENOMEM;
    } else {
        r = vma_range_covered(&space_vmas, addr, end) ? 0 : -ENOMEM;
        vma_split(&space_vmas, addr);
        vma_split(&space_vmas, end);
        for (size_t i = vma_index(&space_vmas, addr);
             i < space_vmas.n && space_vmas.v[i].start < end; i++) {
            vma_name_put(space_vmas.v[i].name);
            space_vmas.v[i].name = vma_name_ref(n);
        }
        vma_merge_range(&space_vmas, addr, end);
    }
    pthread_mutex_unlock(&space_lock);
    vma_name_put(n);
    return r;
}
