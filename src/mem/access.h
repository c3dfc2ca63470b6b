/* The one place where guest memory is touched by guest loads and stores.
 * Every access is bounds-checked against GUEST_SPACE_SIZE (see mem/space.h
 * for why that suffices) and then done on the host address; the host MMU
 * enforces page protections, and a host fault inside the reservation is
 * turned into a guest SIGSEGV by the engine's fault handler.
 * memcpy of a constant size compiles to one move, so misaligned accesses,
 * which Linux allows in user space, cost nothing extra on x86-64. */
#ifndef HART_MEM_ACCESS_H
#define HART_MEM_ACCESS_H

#include <stdint.h>
#include <string.h>
#include "mem/space.h"

static inline void *g2h(uint64_t gaddr)
{
    return (void *)(guest_base + gaddr);
}

/* Whether a host address lies in the guest's reservation, guards included:
 * a fault there is the guest's. */
static inline int host_in_guest_space(uintptr_t host)
{
    return host - (guest_base - GUEST_GUARD_SIZE) <
           GUEST_GUARD_SIZE + GUEST_SPACE_SIZE + GUEST_GUARD_SIZE;
}

/* True when an access starting at gaddr is allowed to be tried; the guard
 * after the space catches the bytes of an access that crosses its end. */
static inline int guest_addr_ok(uint64_t gaddr)
{
    return gaddr < GUEST_SPACE_SIZE;
}

#define GUEST_ACCESSORS(bits)                                                  \
    static inline uint##bits##_t guest_load##bits(uint64_t gaddr)              \
    {                                                                          \
        uint##bits##_t v;                                                      \
        memcpy(&v, g2h(gaddr), sizeof v);                                      \
        return v;                                                              \
    }                                                                          \
    static inline void guest_store##bits(uint64_t gaddr, uint##bits##_t v)     \
    {                                                                          \
        memcpy(g2h(gaddr), &v, sizeof v);                                      \
    }
GUEST_ACCESSORS(8)
GUEST_ACCESSORS(16)
GUEST_ACCESSORS(32)
GUEST_ACCESSORS(64)
#undef GUEST_ACCESSORS

#endif
