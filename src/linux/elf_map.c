/* Mapping an ELF file's PT_LOAD segments into the guest space, after
 * elf_open has checked them. A segment whose file offset and address agree
 * modulo the page size is mapped from the file (private, so writes stay
 * the guest's) and its bss is anonymous memory, with the tail of the last
 * file page zeroed as Linux's padzero does. A segment that cannot be
 * mapped from the file (offset and address disagree, its first page is
 * shared with the previous segment, or the file system cannot mmap) is
 * read into anonymous memory instead. */
#include "linux/elf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "mem/access.h"

#define PAGE_UP(a) (((a) + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1))
#define PAGE_DOWN(a) ((a) & ~(GUEST_PAGE_SIZE - 1))

static int seg_prot(const Elf64_Phdr *p)
{
    return (p->p_flags & PF_R ? PROT_READ : 0) |
           (p->p_flags & PF_W ? PROT_WRITE : 0) |
           (p->p_flags & PF_X ? PROT_EXEC : 0);
}

static int64_t map_anon(uint64_t start, uint64_t end, int prot)
{
    if (end <= start)
        return 0;
    int64_t r = space_mmap(start, end - start, prot,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    return r < 0 ? r : 0;
}

/* Zeroes [start, end) inside one page, making it writable for the time. */
static int zero_in_page(uint64_t start, uint64_t end, int prot)
{
    if (end <= start)
        return 0;
    int r = 0;
    if (!(prot & PROT_WRITE))
        r = space_mprotect(PAGE_DOWN(start), GUEST_PAGE_SIZE,
                           prot | PROT_WRITE);
    if (r == 0)
        memset(g2h(start), 0, end - start);
    if (!(prot & PROT_WRITE) && r == 0)
        r = space_mprotect(PAGE_DOWN(start), GUEST_PAGE_SIZE, prot);
    return r;
}

static int64_t map_from_file(const struct elf_file *f, const Elf64_Phdr *p,
                             uint64_t va, int prot)
{
    uint64_t start = PAGE_DOWN(va), fend = va + p->p_filesz;
    uint64_t mend = va + p->p_memsz;
    int64_t r = space_mmap(start, PAGE_UP(fend) - start, prot,
                           MAP_PRIVATE | MAP_FIXED, f->fd,
                           (int64_t)PAGE_DOWN(p->p_offset));
    if (r < 0)
        return r;
    if (mend > fend && (r = zero_in_page(fend, PAGE_UP(fend), prot)) < 0)
        return r;
    return map_anon(PAGE_UP(fend), PAGE_UP(mend), prot);
}

/* The read path. from is where fresh pages start: the segment's first
 * page, or the page after it when that one is shared with the previous
 * segment (prev_prot) and already mapped. */
static int64_t map_by_reading(const struct elf_file *f, const Elf64_Phdr *p,
                              uint64_t va, int prot, uint64_t from,
                              int prev_prot)
{
    uint64_t start = PAGE_DOWN(va), fend = va + p->p_filesz;
    uint64_t mend = va + p->p_memsz, end = PAGE_UP(mend);
    int64_t r = map_anon(from, end, PROT_READ | PROT_WRITE);
    if (r == 0 && from > start)
        r = space_mprotect(start, GUEST_PAGE_SIZE,
                           prev_prot | PROT_READ | PROT_WRITE);
    if (r < 0)
        return r;
    char *dst = g2h(va);
    uint64_t left = p->p_filesz, off = p->p_offset;
    while (left) {
        ssize_t n = pread(f->fd, dst, left, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? -errno : -EIO;
        dst += n;
        left -= (uint64_t)n;
        off += (uint64_t)n;
    }
    /* A shared first page may hold the previous segment's file bytes past
     * its end; the bss must read as zeroes. */
    uint64_t zend = mend < PAGE_UP(fend) ? mend : PAGE_UP(fend);
    if (zend > fend)
        memset(g2h(fend), 0, zend - fend);
    if (from > start) {
        r = space_mprotect(start, GUEST_PAGE_SIZE, prot | prev_prot);
        if (r == 0 && end > from)
            r = space_mprotect(from, end - from, prot);
        return r;
    }
    return space_mprotect(start, end - start, prot);
}

int elf_map(const struct elf_file *f, uint64_t bias, char *err, size_t errlen)
{
    uint64_t prev_end = 0; /* page-aligned end of the previous segment */
    int prev_prot = 0;
    for (unsigned i = 0; i < f->phnum; i++) {
        const Elf64_Phdr *p = &f->ph[i];
        if (p->p_type != PT_LOAD || p->p_memsz == 0)
            continue;
        uint64_t va = p->p_vaddr + bias, start = PAGE_DOWN(va);
        int prot = seg_prot(p);
        bool shared_first = prev_end > start;
        int64_t r = -EINVAL;
        if (!shared_first && p->p_filesz &&
            ((va - p->p_offset) & (GUEST_PAGE_SIZE - 1)) == 0)
            r = map_from_file(f, p, va, prot);
        if (r < 0)
            r = map_by_reading(f, p, va, prot,
                               shared_first ? prev_end : start, prev_prot);
        if (r < 0) {
            snprintf(err, errlen, "%s: cannot map segment %u: %s", f->shown,
                     i, strerror((int)-r));
            return 126;
        }
        prev_end = PAGE_UP(va + p->p_memsz);
        prev_prot = prot;
    }
    return 0;
}
