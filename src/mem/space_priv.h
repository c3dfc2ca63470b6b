/* State and helpers shared by the files of mem/ (space.c, map.c, brk.c);
 * nothing outside mem/ includes this.
 *
 * Who guards what: space_lock serialises every change to the guest's
 * mappings: the host mappings inside the reservation, space_vmas, the
 * writes to space_pages and the break. space_pages is also read without
 * the lock (space_page_flags, by the engine on every new block and by
 * syscall buffer checks); its bytes are written with atomic stores so such
 * readers see either the old or the new flags of a page. */
#ifndef HART_MEM_SPACE_PRIV_H
#define HART_MEM_SPACE_PRIV_H

#include <pthread.h>
#include <stdint.h>
#include <sys/stat.h>
#include "mem/space.h"
#include "mem/vma.h"

#define PAGE_MASK_LOW (GUEST_PAGE_SIZE - 1)
#define PAGE_DOWN(a) ((a) & ~PAGE_MASK_LOW)

extern pthread_mutex_t space_lock;
extern struct vma_list space_vmas;
extern uint8_t *space_pages; /* PAGE_* of each guest page */

/* Rounds len up to whole pages; 0 when that overflows the space. */
uint64_t space_page_round(uint64_t len);
void space_pages_set(uint64_t start, uint64_t end, int flags);
/* Puts the reservation's PROT_NONE memory back over [start, start + len). */
int space_host_reserve(uint64_t start, uint64_t len);

/* A range whose decoded code must be dropped once the lock is released. */
struct space_inval {
    uint64_t lo, hi;
};
/* Notes [start, end) if some page in it is executable and had code
 * decoded from it. */
void space_inval_note(struct space_inval *iv, uint64_t start, uint64_t end);
void space_inval_flush(const struct space_inval *iv);

/* With the lock held: unmaps [addr, addr + len) (page aligned). */
int space_unmap_locked(uint64_t addr, uint64_t len, struct space_inval *iv);
/* With the lock held: maps at exactly addr (page aligned, in the space),
 * replacing what was there. name is borrowed; st describes fd's file. */
int space_map_locked(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                     uint64_t offset, struct vma_name *name,
                     const struct stat *st, struct space_inval *iv);

/* With the lock held: forgets the break (space_reset). */
void space_brk_forget(void);

#endif
