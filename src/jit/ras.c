/* The memory of translated code's return-address stack (tr_insn.c): per
 * host thread, a mapping of its own with an inaccessible page below it.
 * A guest call one deeper than the stack holds faults on that page instead
 * of every call checking the depth; the fault handler (jit.c) then empties
 * the stack and the call runs again, and the calls it dropped return
 * through the jump table. Translated code calls C (fallbacks) on the
 * thread's own stack, never on this one, and hart's signal handlers run on
 * alternate stacks, so nothing else ever reaches the guard page. */
#include "jit/jit.h"

#include <sys/mman.h>
#include <unistd.h>
#include "jit/translate.h"

/* This thread's mapping: the guard page, then the stack; its size. */
static __thread uint8_t *ras_map;
static __thread size_t ras_page, ras_size;

enum { RAS_BYTES = JIT_RAS_DEPTH * 8 };

uintptr_t jit_ras_top(void)
{
    if (!ras_map) {
        long page = sysconf(_SC_PAGESIZE);
        if (page <= 0)
            return 0;
        size_t size = (size_t)page +
                      (((size_t)RAS_BYTES + (size_t)page - 1) & ~((size_t)page - 1));
        void *m = mmap(NULL, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED)
            return 0;
        if (mprotect(m, (size_t)page, PROT_NONE) != 0) {
            munmap(m, size);
            return 0;
        }
        ras_map = m;
        ras_page = (size_t)page;
        ras_size = size;
    }
    return (uintptr_t)ras_map + ras_size;
}

bool jit_ras_guard_hit(uintptr_t addr)
{
    return ras_map && addr >= (uintptr_t)ras_map &&
           addr < (uintptr_t)ras_map + ras_page;
}

void jit_ras_release(void)
{
    if (!ras_map)
        return;
    munmap(ras_map, ras_size);
    ras_map = NULL;
}
