/* The sorted region list of mem/vma.h. A plain array: processes have tens
 * to a few thousand mappings, and changes are rare next to the guest's
 * loads and stores, which never look here. Adjacent regions that Linux
 * would show as one mapping are merged, so that mremap's "the range must
 * lie in one mapping" rule and /proc/self/maps come out as on Linux. */
#include "mem/vma.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct vma_name *vma_name_new(const char *s)
{
    size_t len = strlen(s);
    struct vma_name *n = malloc(sizeof *n + len + 1);
    if (!n)
        return NULL;
    n->refs = 1;
    memcpy(n->s, s, len + 1);
    return n;
}

struct vma_name *vma_name_ref(struct vma_name *n)
{
    if (n)
        n->refs++;
    return n;
}

void vma_name_put(struct vma_name *n)
{
    if (n && --n->refs == 0)
        free(n);
}

int vma_reserve(struct vma_list *l, size_t extra)
{
    if (l->n + extra <= l->cap)
        return 0;
    size_t cap = l->cap ? l->cap : 64;
    while (cap < l->n + extra)
        cap *= 2;
    struct vma *v = realloc(l->v, cap * sizeof *v);
    if (!v)
        return -ENOMEM;
    l->v = v;
    l->cap = cap;
    return 0;
}

size_t vma_index(const struct vma_list *l, uint64_t addr)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->v[mid].end > addr)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

struct vma *vma_find(struct vma_list *l, uint64_t addr)
{
    size_t i = vma_index(l, addr);
    return i < l->n && l->v[i].start <= addr ? &l->v[i] : NULL;
}

void vma_split(struct vma_list *l, uint64_t addr)
{
    size_t i = vma_index(l, addr);
    if (i == l->n || l->v[i].start >= addr)
        return;
    memmove(&l->v[i + 1], &l->v[i], (l->n - i) * sizeof *l->v);
    l->n++;
    struct vma *a = &l->v[i], *b = &l->v[i + 1];
    a->end = addr;
    if (b->kind & VMA_FILE)
        b->offset += addr - b->start;
    b->start = addr;
    vma_name_ref(b->name);
}

void vma_remove(struct vma_list *l, uint64_t start, uint64_t end)
{
    vma_split(l, start);
    vma_split(l, end);
    size_t i = vma_index(l, start), j = i;
    while (j < l->n && l->v[j].end <= end) {
        vma_name_put(l->v[j].name);
        j++;
    }
    memmove(&l->v[i], &l->v[j], (l->n - j) * sizeof *l->v);
    l->n -= j - i;
}

static bool same_name(const struct vma_name *a, const struct vma_name *b)
{
    return a == b || (a && b && !strcmp(a->s, b->s));
}

/* Whether Linux would show a and b (a just below b) as one mapping.
 * Shared anonymous mappings are separate objects, so they never merge. */
static bool mergeable(const struct vma *a, const struct vma *b)
{
    if (a->end != b->start || a->flags != b->flags || a->kind != b->kind ||
        !same_name(a->name, b->name))
        return false;
    if (a->kind & VMA_FILE)
        return a->dev == b->dev && a->ino == b->ino &&
               a->offset + (a->end - a->start) == b->offset;
    return !(a->kind & VMA_SHARED);
}

/* Merges entry i into entry i - 1 when they fit together. */
static bool merge_at(struct vma_list *l, size_t i)
{
    if (i == 0 || i >= l->n || !mergeable(&l->v[i - 1], &l->v[i]))
        return false;
    l->v[i - 1].end = l->v[i].end;
    vma_name_put(l->v[i].name);
    memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof *l->v);
    l->n--;
    return true;
}

void vma_merge_range(struct vma_list *l, uint64_t start, uint64_t end)
{
    /* Pairs (i - 1, i) from the region that ends at or holds start. */
    size_t i = vma_index(l, start ? start - 1 : 0) + 1;
    while (i < l->n && l->v[i - 1].end <= end)
        if (!merge_at(l, i))
            i++;
}

void vma_insert(struct vma_list *l, const struct vma *v)
{
    size_t i = vma_index(l, v->start);
    memmove(&l->v[i + 1], &l->v[i], (l->n - i) * sizeof *l->v);
    l->v[i] = *v;
    l->n++;
    vma_merge_range(l, v->start, v->end);
}

void vma_clear(struct vma_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        vma_name_put(l->v[i].name);
    l->n = 0;
}

bool vma_range_free(const struct vma_list *l, uint64_t start, uint64_t end)
{
    size_t i = vma_index(l, start);
    return i == l->n || l->v[i].start >= end;
}

bool vma_range_covered(const struct vma_list *l, uint64_t start, uint64_t end)
{
    for (size_t i = vma_index(l, start); start < end; i++) {
        if (i == l->n || l->v[i].start > start)
            return false;
        start = l->v[i].end;
    }
    return true;
}

bool vma_range_has(const struct vma_list *l, uint64_t start, uint64_t end,
                   int flags)
{
    for (size_t i = vma_index(l, start); i < l->n && l->v[i].start < end; i++)
        if ((l->v[i].flags & flags) == flags)
            return true;
    return false;
}

/* The gaps between regions, clipped to [lo, hi), are tried from the top
 * down or the bottom up; gap i is [end of region i - 1, start of region i). */
static void gap(const struct vma_list *l, size_t i, uint64_t *lo, uint64_t *hi)
{
    *lo = i ? l->v[i - 1].end : 0;
    *hi = i < l->n ? l->v[i].start : UINT64_MAX;
}

uint64_t vma_gap_topdown(const struct vma_list *l, uint64_t len, uint64_t lo,
                         uint64_t hi)
{
    if (hi < lo || hi - lo < len)
        return UINT64_MAX;
    for (size_t i = vma_index(l, hi - 1);; i--) {
        uint64_t a, b;
        gap(l, i, &a, &b);
        bool last = i == 0 || a <= lo;
        a = a < lo ? lo : a;
        b = b > hi ? hi : b;
        if (b >= a && b - a >= len)
            return b - len;
        if (last)
            return UINT64_MAX;
    }
}

uint64_t vma_gap_bottomup(const struct vma_list *l, uint64_t len, uint64_t lo,
                          uint64_t hi)
{
    if (hi < lo || hi - lo < len)
        return UINT64_MAX;
    for (size_t i = vma_index(l, lo); i <= l->n; i++) {
        uint64_t a, b;
        gap(l, i, &a, &b);
        bool last = b >= hi;
        a = a < lo ? lo : a;
        b = b > hi ? hi : b;
        if (b >= a && b - a >= len)
            return a;
        if (last)
            break;
    }
    return UINT64_MAX;
}
