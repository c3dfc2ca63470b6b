/* The program break, with Linux's brk semantics: brk(addr) moves the break
 * and returns the new one, or leaves it and returns the old one when addr
 * is below the start, the pages above are not free, or memory runs out.
 * The heap is anonymous read-write memory from the start of the break to
 * the page holding the break, named "[heap]"; its state is guarded by
 * space_lock. */
#include "mem/space_priv.h"

#include <sys/mman.h>

static uint64_t brk_start, brk_cur;
static struct vma_name *heap_name; /* kept for good once made */

void space_brk_forget(void)
{
    brk_start = brk_cur = 0;
}

void space_set_brk_start(uint64_t addr)
{
    pthread_mutex_lock(&space_lock);
    if (addr > GUEST_SPACE_SIZE)
        addr = GUEST_SPACE_SIZE;
    brk_start = brk_cur = space_page_round(addr);
    pthread_mutex_unlock(&space_lock);
}

uint64_t space_brk(uint64_t want)
{
    struct space_inval iv = {0, 0};
    pthread_mutex_lock(&space_lock);
    uint64_t ret = brk_cur;
    /* The heap must stay a page clear of the next mapping, as on Linux. */
    if (!brk_start || want < brk_start ||
        want > GUEST_SPACE_SIZE - GUEST_PAGE_SIZE)
        goto out;
    if (!heap_name && !(heap_name = vma_name_new("[heap]")))
        goto out;
    uint64_t old_top = space_page_round(brk_cur);
    uint64_t new_top = space_page_round(want);
    if (new_top < old_top) {
        if (space_unmap_locked(new_top, old_top - new_top, &iv) < 0)
            goto out;
    } else if (new_top > old_top) {
        if (!vma_range_free(&space_vmas, old_top, new_top + GUEST_PAGE_SIZE))
            goto out;
        if (space_map_locked(old_top, new_top - old_top,
                             PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, heap_name,
                             NULL, &iv) < 0)
            goto out;
    }
    brk_cur = ret = want;
out:
    pthread_mutex_unlock(&space_lock);
    space_inval_flush(&iv);
    return ret;
}
