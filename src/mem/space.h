/* The guest address space: one host reservation that holds every guest
 * address, host = guest_base + guest. Laid out like Linux riscv64 with Sv39:
 * user addresses are below GUEST_SPACE_SIZE (2^38), the program low, the mmap
 * area and the stack high.
 *
 * Why the guest cannot reach hart's own memory: the reservation spans
 * [guest_base - GUEST_GUARD_SIZE, guest_base + GUEST_SPACE_SIZE +
 * GUEST_GUARD_SIZE) and is never released, so the kernel places no other
 * mapping inside it; every guest access first checks that its address (or,
 * in translated code, its base register) is below GUEST_SPACE_SIZE
 * (mem/access.h), and what an access can add to a checked value (at most
 * 16 bytes of width, or a 12-bit signed displacement) stays inside the
 * guards on either side, which are never mapped. hart itself only maps
 * inside the reservation on the guest's behalf, so no runtime data (heap,
 * stacks, code cache) can lie in it.
 *
 * Guest page protections are the host's: a guest PROT_WRITE-less page is a
 * host read-only page, so the MMU enforces them. PROT_EXEC pages are mapped
 * readable on the host (hart must read code to decode it), as on Linux riscv
 * where execute-only implies read. A per-page table keeps the guest's own view
 * (including X) for instruction fetch and for checking syscall buffers.
 *
 * The state here is process-wide; the functions that change mappings take
 * space_lock (mem/space.c); lookups by the engine read the page table
 * without it (a byte per page, written atomically). */
#ifndef HART_MEM_SPACE_H
#define HART_MEM_SPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define GUEST_PAGE_SIZE 4096ull
#define GUEST_SPACE_BITS 38
#define GUEST_SPACE_SIZE (1ull << GUEST_SPACE_BITS)
#define GUEST_GUARD_SIZE (1ull << 20)
#define GUEST_STACK_TOP GUEST_SPACE_SIZE /* the stack grows down from here */
/* mmap never gives out addresses below this (Linux's vm.mmap_min_addr);
 * MAP_FIXED below it fails with EPERM. */
#define GUEST_MMAP_MIN 0x10000ull
/* Top-down mmap allocation starts below this, which leaves the stack its
 * room as Linux's mmap_base does (its minimum gap of 128 MiB, without
 * randomisation). */
#define GUEST_MMAP_BASE (GUEST_STACK_TOP - (128ull << 20))

/* Host address of guest address 0. Written once by space_init. */
extern uintptr_t guest_base;

/* Guest page flags, as in the per-page table. */
enum { PAGE_R = 1, PAGE_W = 2, PAGE_X = 4, PAGE_MAPPED = 8,
       /* Engine states (rv/smc.c), cleared by any change of the mapping:
        * decoded code lives here, so the host page is write-protected; or
        * the page is written too often for that and its code is checked;
        * or the host page is write-protected so that a vfork child learns
        * which pages it writes (linux/vfork_share.c). */
       PAGE_CODE = 16, PAGE_VOLATILE = 32, PAGE_TRACKED = 64 };

int space_init(void);                  /* reserve; 0 or -errno */
/* Unmaps every guest mapping and forgets the break (execve, tests). */
void space_reset(void);

/* The guest's mmap family; each returns a guest address or -errno, with
 * Linux's semantics and error codes. prot and flags are the guest's values
 * (the same numbers on riscv64 and x86-64 for everything Linux defines). */
int64_t space_mmap(uint64_t addr, uint64_t len, int prot, int flags, int fd,
                   int64_t offset);
int space_munmap(uint64_t addr, uint64_t len);
int space_mprotect(uint64_t addr, uint64_t len, int prot);
int64_t space_mremap(uint64_t old_addr, uint64_t old_len, uint64_t new_len,
                     int flags, uint64_t new_addr);
int space_madvise(uint64_t addr, uint64_t len, int advice);

/* The program break. space_set_brk_start is called by the loader. */
void space_set_brk_start(uint64_t addr);
uint64_t space_brk(uint64_t new_brk);  /* Linux brk semantics: returns the break */

/* Names the mappings in [addr, addr + len) for space_for_each ("[stack]",
 * or prctl(PR_SET_VMA_ANON_NAME)'s "[anon:...]"); NULL clears. 0, or
 * -EINVAL (unaligned), -ENOMEM (a hole in the range, or out of memory). */
int space_set_name(uint64_t addr, uint64_t len, const char *name);

/* Page flags (PAGE_*) of the page holding addr; 0 when unmapped. */
int space_page_flags(uint64_t addr);

/* True when every byte of [addr, addr + len) is mapped with all of the
 * PAGE_* bits in need. len 0 is always fine. Used to check syscall buffers
 * before the host kernel or hart touches them. */
bool space_range_ok(uint64_t addr, uint64_t len, int need);

/* Length of the NUL-terminated guest string at addr, if it is readable and
 * shorter than max; -EFAULT or -ENAMETOOLONG otherwise. */
int64_t space_strnlen(uint64_t addr, uint64_t max);

/* Calls fn for each guest mapping in address order (for /proc/self/maps and
 * debugging). */
struct space_region {
    uint64_t start, end;
    int flags;              /* PAGE_* */
    const char *name;       /* "[heap]", "[stack]", a file path, or NULL */
    uint64_t offset;
    bool shared;            /* MAP_SHARED: 's' rather than 'p' in maps */
    uint64_t dev, inode;    /* of a file mapping (host st_dev); 0 otherwise */
};
/* fn runs with the space lock held: it must not call the functions above
 * that change mappings. */
void space_for_each(void (*fn)(const struct space_region *, void *), void *arg);

/* A block was decoded from the page at addr (rv/block.c): from now on a
 * change of that page's mapping calls space_code_changed. Any thread. */
void space_note_decoded(uint64_t addr);

/* Called when guest pages that may hold code change (munmap, mprotect
 * dropping X or adding W, remapping, madvise(DONTNEED)): the engine drops
 * decoded blocks in the range. Set by the engine at start-up; may be NULL.
 * It is called after the change, without the space lock held. */
extern void (*space_code_changed)(uint64_t addr, uint64_t len);

#endif
