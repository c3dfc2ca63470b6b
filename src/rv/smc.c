/* Self-modifying code without fence.i: guest pages that hold decoded code
 * are write-protected on the host (the guest's own view of them stays
 * writable), so the first store to such a page faults. The fault handler
 * gives the page its write permission back and marks the code stale; the
 * run loop then drops decoded and translated code before the engine goes
 * on, so the stale code runs at most until the end of the current block.
 *
 * A page that keeps being written while code on it keeps being decoded
 * (data beside code) would fault on every write; after a few rounds it is
 * left writable and marked volatile instead, and blocks decoded from it
 * compare their bytes with memory before every execution (block.c), and
 * are never translated.
 *
 * The same write protection tells a vfork child which pages it writes
 * (PAGE_TRACKED, smc_track_writes): the first write to each is reported
 * and the page made writable again.
 *
 * Page states live in the guest page table (PAGE_CODE, PAGE_VOLATILE,
 * PAGE_TRACKED); they are changed with atomic operations so that the fault
 * handler needs no lock. */
#include "rv/smc.h"

#include <stdatomic.h>
#include <sys/mman.h>
#include "mem/access.h"

_Atomic int smc_stale;

/* Write faults per page (hashed), to spot pages written over and over. */
enum { WRITE_COUNTS = 256, VOLATILE_AFTER = 4 };
static _Atomic uint8_t write_counts[WRITE_COUNTS];

static uint8_t *flag_byte(uint64_t addr)
{
    extern uint8_t *space_pages;
    return &space_pages[addr / GUEST_PAGE_SIZE];
}

static int host_prot(int flags)
{
    return (flags & (PAGE_R | PAGE_X) ? PROT_READ : 0) |
           (flags & PAGE_W ? PROT_WRITE : 0);
}

void smc_watch(uint64_t addr)
{
    uint8_t *f = flag_byte(addr);
    uint8_t flags = __atomic_load_n(f, __ATOMIC_RELAXED);
    if (!(flags & PAGE_W) || (flags & (PAGE_CODE | PAGE_VOLATILE)))
        return;
    uint8_t want = flags | PAGE_CODE;
    if (!__atomic_compare_exchange_n(f, &flags, want, false, __ATOMIC_SEQ_CST,
                                     __ATOMIC_RELAXED))
        return;
    mprotect(g2h(addr & ~(GUEST_PAGE_SIZE - 1)), GUEST_PAGE_SIZE,
             host_prot(flags) & ~PROT_WRITE);
}

/* The tracker of smc_track_writes; set once, before any page is tracked. */
static void (*tracker)(uint64_t page);

/* Makes one watched or tracked page writable again; async-signal-safe. */
static bool release_page(uint64_t addr)
{
    uint8_t *f = flag_byte(addr);
    uint8_t flags = __atomic_load_n(f, __ATOMIC_RELAXED);
    if (!(flags & (PAGE_CODE | PAGE_TRACKED)))
        return false;
    uint8_t now = (uint8_t)(flags & ~(PAGE_CODE | PAGE_TRACKED));
    if (flags & PAGE_CODE) {
        unsigned slot = (unsigned)(addr / GUEST_PAGE_SIZE) % WRITE_COUNTS;
        if (atomic_fetch_add(&write_counts[slot], 1) + 1 >= VOLATILE_AFTER)
            now |= PAGE_VOLATILE;
    }
    if (!__atomic_compare_exchange_n(f, &flags, now, false, __ATOMIC_SEQ_CST,
                                     __ATOMIC_RELAXED))
        return true; /* another thread released it meanwhile: retry */
    if (flags & PAGE_TRACKED)
        tracker(addr & ~(GUEST_PAGE_SIZE - 1));
    mprotect(g2h(addr & ~(GUEST_PAGE_SIZE - 1)), GUEST_PAGE_SIZE,
             host_prot(flags));
    if (flags & PAGE_CODE)
        atomic_store(&smc_stale, 1);
    return true;
}

void smc_track_writes(uint64_t addr, uint64_t len, int flags,
                      void (*written)(uint64_t page))
{
    tracker = written;
    for (uint64_t p = addr; p < addr + len; p += GUEST_PAGE_SIZE) {
        uint8_t *f = flag_byte(p);
        uint8_t now = __atomic_load_n(f, __ATOMIC_RELAXED);
        while ((now & PAGE_W) && !(now & PAGE_TRACKED) &&
               !__atomic_compare_exchange_n(f, &now, now | PAGE_TRACKED,
                                            false, __ATOMIC_SEQ_CST,
                                            __ATOMIC_RELAXED))
            ;
    }
    mprotect(g2h(addr), len, host_prot(flags) & ~PROT_WRITE);
}

bool smc_host_fault(uint64_t addr)
{
    return addr < GUEST_SPACE_SIZE && release_page(addr);
}

void smc_before_host_write(uint64_t addr, uint64_t len)
{
    if (!len || addr >= GUEST_SPACE_SIZE)
        return;
    if (len > GUEST_SPACE_SIZE - addr)
        len = GUEST_SPACE_SIZE - addr;
    for (uint64_t p = addr & ~(GUEST_PAGE_SIZE - 1); p < addr + len;
         p += GUEST_PAGE_SIZE)
        release_page(p);
}
