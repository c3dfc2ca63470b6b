/* The guest's mmap, munmap, mprotect, mremap and madvise, with Linux's
 * argument checks and error codes. hart chooses every guest address
 * itself (from the region list), then maps at exactly that host address
 * with MAP_FIXED, which atomically replaces the reservation's PROT_NONE
 * memory; unmapping puts the reservation back the same way. File mappings
 * pass the guest's fd straight to the host (guest fds are host fds).
 *
 * Host protections: PROT_EXEC becomes PROT_READ (hart reads code to
 * decode it and never runs guest code natively); a write-only page is
 * readable too, as x86 and Linux riscv make it. The page table keeps the
 * guest's X for instruction fetch. */
#include "mem/space_priv.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
#include "mem/access.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MAP_SYNC
#define MAP_SYNC 0x80000
#endif
#ifndef MAP_UNINITIALIZED
#define MAP_UNINITIALIZED 0x4000000
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#define GUEST_MAP_TYPE 0x0f
#define GUEST_MAP_HUGE_MASK (0x3full << 26)
/* What Linux's MAP_SHARED_VALIDATE accepts (LEGACY_MAP_MASK, MAP_SYNC). */
#define GUEST_MAP_KNOWN                                                        \
    (MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE |    \
     MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED |         \
     MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB |   \
     MAP_SYNC | MAP_FIXED_NOREPLACE | GUEST_MAP_HUGE_MASK)
/* Flags handed on to the host; the rest are the guest's business (FIXED
 * variants, GROWSDOWN) or would mean something else on x86-64 (bit 0x40
 * is MAP_32BIT there). Huge pages are dropped: the guest's huge-page
 * alignment rules do not survive the address translation, and ordinary
 * pages behave the same apart from speed. */
#define HOST_MAP_PASS                                                          \
    (MAP_ANONYMOUS | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE |               \
     MAP_NONBLOCK | MAP_STACK | MAP_SYNC)
#define GUEST_PROT_GROWSDOWN 0x01000000
#define GUEST_PROT_GROWSUP 0x02000000
#define GUEST_PROT_SEM 0x8

static int host_prot(int prot)
{
    int h = prot & (PROT_READ | PROT_WRITE);
    if (prot & PROT_EXEC)
        h |= PROT_READ;
    return h;
}

static int prot_flags(int prot)
{
    int f = PAGE_MAPPED;
    if (prot & (PROT_READ | PROT_WRITE | PROT_EXEC))
        f |= PAGE_R;
    if (prot & PROT_WRITE)
        f |= PAGE_W;
    if (prot & PROT_EXEC)
        f |= PAGE_X;
    return f;
}

static int flags_host_prot(int flags)
{
    return (flags & PAGE_R ? PROT_READ : 0) | (flags & PAGE_W ? PROT_WRITE : 0);
}

int space_unmap_locked(uint64_t addr, uint64_t len, struct space_inval *iv)
{
    uint64_t end = addr + len;
    if (vma_range_free(&space_vmas, addr, end))
        return 0;
    if (vma_reserve(&space_vmas, 2) < 0)
        return -ENOMEM;
    int r = space_host_reserve(addr, len);
    if (r < 0)
        return r;
    space_inval_note(iv, addr, end);
    /* Only the mapped parts have page flags to clear: a huge munmap over
     * a sparse range stays cheap. */
    for (size_t i = vma_index(&space_vmas, addr);
         i < space_vmas.n && space_vmas.v[i].start < end; i++) {
        const struct vma *v = &space_vmas.v[i];
        space_pages_set(v->start > addr ? v->start : addr,
                        v->end < end ? v->end : end, 0);
    }
    vma_remove(&space_vmas, addr, end);
    return 0;
}

int space_map_locked(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                     uint64_t offset, struct vma_name *name,
                     const struct stat *st, struct space_inval *iv)
{
    bool anon = flags & MAP_ANONYMOUS;
    int type = flags & GUEST_MAP_TYPE;
    uint64_t end = addr + len;
    if (vma_reserve(&space_vmas, 3) < 0)
        return -ENOMEM;
    bool was_free = vma_range_free(&space_vmas, addr, end);
    int hflags = type | MAP_FIXED | (flags & HOST_MAP_PASS);
    void *p = mmap(g2h(addr), len, host_prot(prot), hflags, anon ? -1 : fd,
                   anon ? 0 : (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        /* The kernel may have dropped the reservation before failing;
         * a range that held nothing of the guest's is safe to refill. */
        if (was_free)
            space_host_reserve(addr, len);
        return -e;
    }
    space_inval_note(iv, addr, end);
    vma_remove(&space_vmas, addr, end);
    struct vma v = {
        .start = addr,
        .end = end,
        .offset = anon ? 0 : offset,
        .dev = !anon && st ? (uint64_t)st->st_dev : 0,
        .ino = !anon && st ? (uint64_t)st->st_ino : 0,
        .name = vma_name_ref(name),
        .flags = (uint8_t)prot_flags(prot),
        .kind = (uint8_t)((anon ? 0 : VMA_FILE) |
                          (type == MAP_PRIVATE ? 0 : VMA_SHARED) |
                          (flags & MAP_GROWSDOWN ? VMA_GROWSDOWN : 0)),
    };
    vma_insert(&space_vmas, &v);
    space_pages_set(addr, end, v.flags);
    return 0;
}

/* Where a mapping without MAP_FIXED goes: at the hint when that range is
 * free, else top-down below GUEST_MMAP_BASE, else (the space nearly full)
 * bottom-up from a third of the space, as Linux falls back. */
static uint64_t pick(uint64_t hint, uint64_t len)
{
    hint = PAGE_DOWN(hint);
    if (hint && hint < GUEST_MMAP_MIN)
        hint = GUEST_MMAP_MIN;
    if (hint && hint <= GUEST_SPACE_SIZE - len &&
        vma_range_free(&space_vmas, hint, hint + len))
        return hint;
    uint64_t a = vma_gap_topdown(&space_vmas, len, GUEST_MMAP_MIN,
                                 GUEST_MMAP_BASE);
    if (a != UINT64_MAX)
        return a;
    return vma_gap_bottomup(&space_vmas, len, PAGE_DOWN(GUEST_SPACE_SIZE / 3),
                            GUEST_SPACE_SIZE);
}

/* The host path of an open file, for /proc/self/maps. */
static struct vma_name *file_name(int fd)
{
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return NULL;
    path[n] = '\0';
    return vma_name_new(path);
}

int64_t space_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                   int64_t offset)
{
    int type = flags & GUEST_MAP_TYPE;
    uint64_t off = (uint64_t)offset;
    if (off & PAGE_MASK_LOW)
        return -EINVAL;
    if (len == 0)
        return -EINVAL;
    if (type != MAP_SHARED && type != MAP_PRIVATE &&
        type != MAP_SHARED_VALIDATE)
        return -EINVAL;
    if (type == MAP_SHARED_VALIDATE && (flags & ~GUEST_MAP_KNOWN))
        return -EOPNOTSUPP;
    len = space_page_round(len);
    if (!len)
        return -ENOMEM;
    if ((off >> 12) + (len >> 12) < (off >> 12))
        return -EOVERFLOW;
    bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
    if (fixed && (addr & PAGE_MASK_LOW))
        return -EINVAL;
    struct stat st;
    struct vma_name *name = NULL;
    if (!(flags & MAP_ANONYMOUS)) {
        if (fstat(fd, &st) < 0)
            return -errno;
        name = file_name(fd);
    }
    struct space_inval iv = {0, 0};
    int64_t r;
    pthread_mutex_lock(&space_lock);
    if (fixed) {
        if (addr > GUEST_SPACE_SIZE - len)
            r = -ENOMEM;
        else if (addr < GUEST_MMAP_MIN)
            r = -EPERM;
        else if ((flags & MAP_FIXED_NOREPLACE) &&
                 !vma_range_free(&space_vmas, addr, addr + len))
            r = -EEXIST;
        else
            r = 0;
    } else {
        addr = pick(addr, len);
        r = addr == UINT64_MAX ? -ENOMEM : 0;
    }
    if (r == 0)
        r = space_map_locked(addr, len, prot, flags, fd, off, name, &st, &iv);
    pthread_mutex_unlock(&space_lock);
    vma_name_put(name);
    space_inval_flush(&iv);
    return r < 0 ? r : (int64_t)addr;
}

int space_munmap(uint64_t addr, uint64_t len)
{
    if ((addr & PAGE_MASK_LOW) || len == 0 || addr > GUEST_SPACE_SIZE)
        return -EINVAL;
    len = space_page_round(len);
    if (!len || len > GUEST_SPACE_SIZE - addr)
        return -EINVAL;
    struct space_inval iv = {0, 0};
    pthread_mutex_lock(&space_lock);
    int r = space_unmap_locked(addr, len, &iv);
    pthread_mutex_unlock(&space_lock);
    space_inval_flush(&iv);
    return r;
}

/* Changes each region of [start, end) in turn, as Linux does: a host
 * refusal (a read-only file's MAP_SHARED page made writable) stops there
 * with the earlier regions changed. */
static int protect_locked(uint64_t start, uint64_t end, int prot,
                          struct space_inval *iv)
{
    if (!vma_range_covered(&space_vmas, start, end))
        return -ENOMEM;
    if (vma_reserve(&space_vmas, 2) < 0)
        return -ENOMEM;
    vma_split(&space_vmas, start);
    vma_split(&space_vmas, end);
    int nf = prot_flags(prot), r = 0;
    for (size_t i = vma_index(&space_vmas, start);
         i < space_vmas.n && space_vmas.v[i].start < end; i++) {
        struct vma *v = &space_vmas.v[i];
        if (mprotect(g2h(v->start), v->end - v->start, host_prot(prot)) < 0) {
            r = -errno;
            break;
        }
        if ((v->flags & PAGE_X) &&
            (!(nf & PAGE_X) || ((nf & PAGE_W) && !(v->flags & PAGE_W))))
            space_inval_note(iv, v->start, v->end);
        v->flags = (uint8_t)nf;
        space_pages_set(v->start, v->end, nf);
    }
    vma_merge_range(&space_vmas, start, end);
    return r;
}

int space_mprotect(uint64_t addr, uint64_t len, int prot)
{
    int grows = prot & (GUEST_PROT_GROWSDOWN | GUEST_PROT_GROWSUP);
    if (addr & PAGE_MASK_LOW)
        return -EINVAL;
    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | GUEST_PROT_SEM |
                 GUEST_PROT_GROWSDOWN | GUEST_PROT_GROWSUP))
        return -EINVAL;
    if (grows == (GUEST_PROT_GROWSDOWN | GUEST_PROT_GROWSUP))
        return -EINVAL;
    if (len == 0)
        return 0;
    uint64_t rl = space_page_round(len);
    if (!rl || addr > GUEST_SPACE_SIZE - rl)
        return -ENOMEM;
    uint64_t end = addr + rl;
    struct space_inval iv = {0, 0};
    int r = 0;
    pthread_mutex_lock(&space_lock);
    if (grows) {
        /* Only stacks grow, and only down: the change reaches down to
         * the start of the mapping. */
        struct vma *v = vma_find(&space_vmas, addr);
        if (!v)
            r = -ENOMEM;
        else if (grows == GUEST_PROT_GROWSUP || !(v->kind & VMA_GROWSDOWN))
            r = -EINVAL;
        else
            addr = v->start;
    }
    if (r == 0)
        r = protect_locked(addr, end, prot & ~grows, &iv);
    pthread_mutex_unlock(&space_lock);
    space_inval_flush(&iv);
    return r;
}

static bool advice_known(int advice)
{
    return (advice >= 0 && advice <= 4) || (advice >= 8 && advice <= 25) ||
           advice == 100 || advice == 101 || advice == 102 || advice == 103;
}

/* Advice after which a page may read back different bytes (zeroes, the
 * file's contents, or a guard fault). */
static bool advice_drops(int advice)
{
    return advice == MADV_DONTNEED || advice == 8 /* FREE */ ||
           advice == 9 /* REMOVE */ || advice == 24 /* DONTNEED_LOCKED */ ||
           advice == 102 /* GUARD_INSTALL */;
}

int space_madvise(uint64_t addr, uint64_t len, int advice)
{
    if ((addr & PAGE_MASK_LOW) || !advice_known(advice))
        return -EINVAL;
    uint64_t rl = space_page_round(len);
    if (len && !rl)
        return -EINVAL;
    if (rl == 0)
        return 0;
    if (advice == 100 || advice == 101) /* HWPOISON, SOFT_OFFLINE */
        return -EPERM;
    if (addr > GUEST_SPACE_SIZE - rl)
        return -ENOMEM;
    uint64_t end = addr + rl;
    struct space_inval iv = {0, 0};
    int r = 0, hole = 0;
    uint64_t at = addr;
    pthread_mutex_lock(&space_lock);
    for (size_t i = vma_index(&space_vmas, addr);
         i < space_vmas.n && space_vmas.v[i].start < end; i++) {
        const struct vma *v = &space_vmas.v[i];
        uint64_t s = v->start > addr ? v->start : addr;
        uint64_t e = v->end < end ? v->end : end;
        if (s > at)
            hole = -ENOMEM;
        at = e;
        if (madvise(g2h(s), e - s, advice) < 0) {
            r = -errno;
            break;
        }
        if (advice_drops(advice))
            space_inval_note(&iv, s, e);
    }
    pthread_mutex_unlock(&space_lock);
    space_inval_flush(&iv);
    if (r == 0 && at < end)
        hole = -ENOMEM;
    return r ? r : hole;
}

/* Grows the mapping that ends at old + old_len up to old + new_len, the
 * range above being free. Private anonymous memory just gets more pages
 * beside it; other mappings must stay one object (more of the same file,
 * the same shared memory), so the host's mremap grows them in place after
 * the reservation above is cleared for it. */
static int grow_in_place(const struct vma *v, uint64_t old, uint64_t old_len,
                         uint64_t new_len, struct space_inval *iv)
{
    uint64_t tail = old + old_len, delta = new_len - old_len;
    if (!(v->kind & (VMA_FILE | VMA_SHARED))) {
        void *p = mmap(g2h(tail), delta, flags_host_prot(v->flags),
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (p == MAP_FAILED)
            return -errno;
    } else {
        munmap(g2h(tail), delta);
        if (mremap(g2h(old), old_len, new_len, 0) == MAP_FAILED) {
            int e = errno;
            space_host_reserve(tail, delta);
            return -e;
        }
    }
    struct vma n = *v;
    n.start = tail;
    n.end = tail + delta;
    if (n.kind & VMA_FILE)
        n.offset = v->offset + (tail - v->start);
    n.name = vma_name_ref(v->name);
    space_inval_note(iv, tail, tail + delta);
    vma_insert(&space_vmas, &n);
    space_pages_set(tail, tail + delta, n.flags);
    return 0;
}

/* Moves [old, old + old_len) of the mapping v to dest, new_len long. */
static int move_to(const struct vma *v, uint64_t old, uint64_t old_len,
                   uint64_t new_len, uint64_t dest, bool dontunmap,
                   struct space_inval *iv)
{
    struct vma n = *v;
    n.start = dest;
    n.end = dest + new_len;
    if (n.kind & VMA_FILE)
        n.offset = v->offset + (old - v->start);
    bool dest_free = vma_range_free(&space_vmas, dest, dest + new_len);
    int mflags = MREMAP_MAYMOVE | MREMAP_FIXED | (dontunmap ? MREMAP_DONTUNMAP : 0);
    if (mremap(g2h(old), old_len, new_len, mflags, g2h(dest)) == MAP_FAILED) {
        int e = errno;
        if (dest_free)
            space_host_reserve(dest, new_len);
        return -e;
    }
    n.name = vma_name_ref(v->name); /* v may move in the list from here */
    space_inval_note(iv, dest, dest + new_len);
    space_inval_note(iv, old, old + old_len);
    if (!dontunmap && old_len) {
        space_host_reserve(old, old_len);
        vma_remove(&space_vmas, old, old + old_len);
        space_pages_set(old, old + old_len, 0);
    }
    vma_remove(&space_vmas, dest, dest + new_len);
    vma_insert(&space_vmas, &n);
    space_pages_set(dest, dest + new_len, n.flags);
    return 0;
}

/* The mapping holding [old, old + len) whole, or an error: EFAULT when
 * there is none, EINVAL when old_len is 0 (duplicate) but it is private. */
static int source_vma(uint64_t old, uint64_t len, const struct vma **out)
{
    const struct vma *v = vma_find(&space_vmas, old);
    if (!v || len > v->end - old)
        return -EFAULT;
    if (len == 0 && !(v->kind & VMA_SHARED))
        return -EINVAL;
    *out = v;
    return 0;
}

int64_t space_mremap(uint64_t old, uint64_t old_len, uint64_t new_len,
                     int flags, uint64_t new_addr)
{
    bool dontunmap = flags & MREMAP_DONTUNMAP;
    if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
        return -EINVAL;
    if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE))
        return -EINVAL;
    if (dontunmap && old_len != new_len)
        return -EINVAL;
    if (old & PAGE_MASK_LOW)
        return -EINVAL;
    uint64_t ol = space_page_round(old_len), nl = space_page_round(new_len);
    if (!nl || (old_len && !ol))
        return -EINVAL;
    if (old >= GUEST_SPACE_SIZE || ol > GUEST_SPACE_SIZE - old)
        return -EFAULT;
    old_len = ol;
    new_len = nl;
    struct space_inval iv = {0, 0};
    const struct vma *v = NULL;
    int64_t r = 0;
    pthread_mutex_lock(&space_lock);
    /* Room for every entry the steps below may add, reserved up front so
     * that pointers into the list stay valid until it is changed. */
    if (vma_reserve(&space_vmas, 8) < 0) {
        r = -ENOMEM;
    } else if (flags & MREMAP_FIXED) {
        if (new_addr & PAGE_MASK_LOW || new_addr > GUEST_SPACE_SIZE - new_len ||
            (new_addr < old + old_len && old < new_addr + new_len)) {
            r = -EINVAL;
        } else if (new_addr < GUEST_MMAP_MIN) {
            r = -EPERM;
        } else {
            r = source_vma(old, old_len < new_len ? old_len : new_len, &v);
            if (r == 0 && old_len > new_len) {
                r = space_unmap_locked(old + new_len, old_len - new_len, &iv);
                old_len = new_len;
            }
            if (r == 0)
                r = move_to(vma_find(&space_vmas, old), old, old_len, new_len,
                            new_addr, dontunmap, &iv);
            if (r == 0)
                r = (int64_t)new_addr;
        }
    } else if (old_len >= new_len && !dontunmap) {
        /* Shrinking needs no mapping to be there, as on Linux. */
        if (old_len > new_len)
            r = space_unmap_locked(old + new_len, old_len - new_len, &iv);
        if (r == 0)
            r = (int64_t)old;
    } else if ((r = source_vma(old, old_len, &v)) == 0) {
        uint64_t want_end = old + new_len;
        if (old_len && old + old_len == v->end && new_len > old_len &&
            want_end <= GUEST_SPACE_SIZE && want_end > old &&
            vma_range_free(&space_vmas, v->end, want_end)) {
            r = grow_in_place(v, old, old_len, new_len, &iv);
            if (r == 0)
                r = (int64_t)old;
        } else if (!(flags & MREMAP_MAYMOVE)) {
            r = -ENOMEM;
        } else {
            uint64_t dest = pick(0, new_len);
            r = dest == UINT64_MAX
                    ? -ENOMEM
                    : move_to(v, old, old_len, new_len, dest, dontunmap, &iv);
            if (r == 0)
                r = (int64_t)dest;
        }
    }
    pthread_mutex_unlock(&space_lock);
    space_inval_flush(&iv);
    return r;
}
