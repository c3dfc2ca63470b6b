/* The guest's mappings as a sorted array of non-overlapping regions (what
 * Linux calls VMAs), private to mem/. The page table in mem/space.c answers
 * "what is at this address" in O(1); this list answers the questions that
 * need ranges: where is a free gap, which mapping holds a range (mremap),
 * and what /proc/self/maps shows. Every function here expects space_lock
 * held. Operations that add entries need room reserved first
 * (vma_reserve), so that once the host mapping has changed the list can
 * always follow it: nothing after vma_reserve fails. */
#ifndef HART_MEM_VMA_H
#define HART_MEM_VMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A region name, shared by reference between the pieces of a split. */
struct vma_name {
    unsigned refs;
    char s[];
};

enum {
    VMA_FILE = 1,      /* backed by a file (offset, dev, ino are meaningful) */
    VMA_SHARED = 2,    /* MAP_SHARED */
    VMA_GROWSDOWN = 4, /* a stack: mprotect(PROT_GROWSDOWN) reaches its start */
};

struct vma {
    uint64_t start, end;
    uint64_t offset; /* file offset of start (0 for anonymous memory) */
    uint64_t dev, ino;
    struct vma_name *name; /* one reference owned by this entry, or NULL */
    uint8_t flags;         /* PAGE_* */
    uint8_t kind;          /* VMA_* */
};

struct vma_list {
    struct vma *v;
    size_t n, cap;
};

struct vma_name *vma_name_new(const char *s); /* NULL when out of memory */
struct vma_name *vma_name_ref(struct vma_name *n);
void vma_name_put(struct vma_name *n);

/* Makes room for extra more entries; 0 or -ENOMEM. */
int vma_reserve(struct vma_list *l, size_t extra);
/* Index of the first region that ends after addr (n when none). */
size_t vma_index(const struct vma_list *l, uint64_t addr);
/* The region holding addr, or NULL. */
struct vma *vma_find(struct vma_list *l, uint64_t addr);
/* Ensures no region straddles addr (needs one free slot). */
void vma_split(struct vma_list *l, uint64_t addr);
/* Removes [start, end) from every region (needs two free slots). */
void vma_remove(struct vma_list *l, uint64_t start, uint64_t end);
/* Inserts a region over a free range, taking over its name reference, and
 * merges it with compatible neighbours (needs one free slot). */
void vma_insert(struct vma_list *l, const struct vma *v);
/* Merges compatible neighbours among the regions touching [start, end]. */
void vma_merge_range(struct vma_list *l, uint64_t start, uint64_t end);
/* Drops every region. */
void vma_clear(struct vma_list *l);

/* True when no region overlaps [start, end). */
bool vma_range_free(const struct vma_list *l, uint64_t start, uint64_t end);
/* True when regions cover [start, end) without a hole. */
bool vma_range_covered(const struct vma_list *l, uint64_t start, uint64_t end);
/* True when some region overlapping [start, end) has all the PAGE_* bits
 * in flags. */
bool vma_range_has(const struct vma_list *l, uint64_t start, uint64_t end,
                   int flags);
/* The highest address a >= lo with [a, a + len) free and a + len <= hi,
 * or UINT64_MAX. */
uint64_t vma_gap_topdown(const struct vma_list *l, uint64_t len, uint64_t lo,
                         uint64_t hi);
/* The lowest such address, or UINT64_MAX. */
uint64_t vma_gap_bottomup(const struct vma_list *l, uint64_t len, uint64_t lo,
                          uint64_t hi);

#endif
