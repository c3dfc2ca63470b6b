/* The interpreter: one semantic body per operation, run over decoded blocks
 * with threaded dispatch (computed goto; define HART_INTERP_SWITCH to build
 * the same bodies as a switch, for compilers without it or for comparison).
 *
 * Hot-path choices:
 * - the pc is not kept up to date; an instruction's pc is its block's pc plus
 *   its offset, computed only by the few bodies that need it;
 * - writes to x0 land in a sink register (see block.c), so no body checks rd;
 * - going from block to block follows the successor pointers cached in the
 *   block, so a loop runs without hash lookups;
 * - guest loads and stores do one bounds check (mem/access.h) and let the
 *   host MMU enforce protections. A host fault on a guest address longjmps
 *   back here through interp_host_fault, which is why every memory body
 *   records the instruction it is executing first.
 * The bodies live in interp_*.inc, grouped by extension; they are textually
 * part of run_blocks so that they share its registers. */
#include "rv/interp.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include "mem/access.h"
#include "rv/block.h"
#include "rv/csr.h"
#include "rv/fpu.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Per host thread: where a host fault in guest memory returns to. */
static __thread struct {
    sigjmp_buf env;
    bool active;                   /* inside run_blocks */
    const struct block_insn *ip;   /* last instruction that touched memory */
    uint64_t step_pc;              /* its pc, when ip is NULL (interp_one) */
} ctx;

static inline uint64_t sext32(uint64_t v)
{
    return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
}

uint64_t interp_hot_threshold = UINT64_MAX;

/* The hart running on this host thread, for the fault handler. */
static __thread struct hart *current_hart;

void interp_interrupt_current(void)
{
    if (current_hart)
        atomic_store(&current_hart->interrupt, 1);
}


static enum interp_exit run_blocks(struct hart *h, struct block **handed);

/* Offsets of the bodies from the first one, filled by run_blocks(NULL). */
static int32_t handler_offset[OP_TOTAL];
static pthread_once_t handlers_once = PTHREAD_ONCE_INIT;

static void find_handlers(void)
{
    run_blocks(NULL, NULL);
}

int32_t interp_handler(unsigned op)
{
    pthread_once(&handlers_once, find_handlers);
    return handler_offset[op];
}

enum interp_exit interp_run(struct hart *h)
{
    struct block *at = NULL;
    return interp_run_at(h, &at);
}

enum interp_exit interp_run_at(struct hart *h, struct block **at)
{
    if (sigsetjmp(ctx.env, 0)) {
        /* A guest access faulted (interp_host_fault filled in the signal).
         * Instructions from the faulting one on have not retired. */
        ctx.active = false;
        if (!ctx.ip) {
            h->pc = ctx.step_pc;
            return EXIT_SIGNAL;
        }
        const struct block *b = block_of(ctx.ip);
        h->pc = b->pc + ctx.ip->off;
        h->instret -= b->n - ctx.ip->index;
        return EXIT_SIGNAL;
    }
    ctx.active = true;
    enum interp_exit why = run_blocks(h, at);
    ctx.active = false;
    return why;
}

void interp_host_fault(int sig, const siginfo_t *info, void *ucontext)
{
    uintptr_t host = (uintptr_t)info->si_addr;
    if (!ctx.active || !host_in_guest_space(host))
        return;
    struct hart *h = current_hart;
    uint64_t addr = host - guest_base;
    if (sig == SIGBUS) { /* e.g. a file mapping past the end of its file */
        h->exit_signal = SIGBUS;
        h->exit_code = BUS_ADRERR;
    } else {
        h->exit_signal = SIGSEGV;
        h->exit_code = (space_page_flags(addr) & PAGE_MAPPED) ? SEGV_ACCERR
                                                              : SEGV_MAPERR;
    }
    h->exit_addr = addr;
    /* The handler runs with a fresh MXCSR, and siglongjmp keeps it. */
    fpu_host_signal(h, ucontext);
    siglongjmp(ctx.env, 1);
}

/* Operands and checks, the same in both expansions of the bodies. */
#define RD (ip->d.rd)
#define X1 (x[ip->d.rs1])
#define X2 (x[ip->d.rs2])
#define F1 (f[ip->d.rs1])
#define F2 (f[ip->d.rs2])
#define F3 (f[ip->d.rs3])
#define IMM ((int64_t)ip->d.imm)
#define UIMM ((uint64_t)(int64_t)ip->d.imm)
#define RM (ip->d.rm)

/* A synchronous guest signal at this instruction. */
#define RAISE(sig, code, addr)                                                 \
    do {                                                                       \
        h->exit_signal = (sig);                                                \
        h->exit_code = (code);                                                 \
        h->exit_addr = (addr);                                                 \
        goto raise;                                                            \
    } while (0)
#define ILLEGAL() goto illegal

/* Every guest memory access goes through here first; NOTE_ACCESS tells the
 * fault handler which instruction is touching memory. */
#define MEMCHECK(a)                                                            \
    do {                                                                       \
        if (unlikely(!guest_addr_ok(a)))                                       \
            RAISE(SIGSEGV, SEGV_MAPERR, (a));                                  \
        NOTE_ACCESS();                                                         \
    } while (0)
/* Atomics must be naturally aligned; Linux reports SIGBUS otherwise. */
#define ALIGNCHECK(a, size)                                                    \
    do {                                                                       \
        if (unlikely((a) & ((size) - 1)))                                      \
            RAISE(SIGBUS, BUS_ADRALN, (a));                                    \
    } while (0)
#define RM_CHECK()                                                             \
    do {                                                                       \
        if (unlikely(!fpu_rm_ok(h, RM)))                                       \
            ILLEGAL();                                                         \
    } while (0)
/* Leaves the engine after this 4-byte instruction (ecall, fence.i). */
#define LEAVE_AFTER(why)                                                       \
    do {                                                                       \
        h->pc = PC + 4;                                                        \
        return (why);                                                          \
    } while (0)


static enum interp_exit run_blocks(struct hart *h, struct block **handed)
{
#ifndef HART_INTERP_SWITCH
    static const void *const labels[OP_TOTAL] = {
        [RV_ILLEGAL] = &&op_ILLEGAL,
#define RV_OP(name, mnem, match, mask, fmt, regs, ext) [RV_##name] = &&op_##name,
#include "rv/isa.def"
#undef RV_OP
        [OP_FETCH_FAULT] = &&op_FETCH_FAULT,
        [OP_FALLTHROUGH] = &&op_FALLTHROUGH,
    };
    if (!h) {
        for (unsigned op = 0; op < OP_TOTAL; op++)
            handler_offset[op] =
                (int32_t)((const char *)labels[op] - (const char *)&&op_ILLEGAL);
        return EXIT_ECALL;
    }
#define CASE(name) op_##name:
#define DISPATCH() goto *(const void *)((const char *)&&op_ILLEGAL + ip->handler)
#else
    /* The engine's own operations, named like the ISA's for CASE. */
    enum { RV_FETCH_FAULT = OP_FETCH_FAULT, RV_FALLTHROUGH = OP_FALLTHROUGH };
    if (!h)
        return EXIT_ECALL; /* no handler addresses in this build */
#define CASE(name) case RV_##name:
#define DISPATCH() goto dispatch
#endif
#define NEXT()                                                                 \
    do {                                                                       \
        ip++;                                                                  \
        DISPATCH();                                                            \
    } while (0)

/* Leaving the block for next_pc through successor slot s of the block. */
#define GOTO_PC(target, s)                                                     \
    do {                                                                       \
        next_pc = (target);                                                    \
        slot = &b->succ[s];                                                    \
        goto chain;                                                            \
    } while (0)

#define PC (b->pc + ip->off)
#define RETIRED (h->instret - b->n + ip->index)
#define NOTE_ACCESS() (ctx.ip = ip)

    uint64_t *const x = h->x;
    uint64_t *const f = h->f;
    struct block *b, **slot;
    const struct block_insn *ip;
    uint64_t next_pc = h->pc;

    current_hart = h;
    b = *handed && (*handed)->pc == next_pc ? *handed : block_get(next_pc);
    if (unlikely(!b))
        return EXIT_FLUSH;
    goto enter;

chain: {
    struct block *nb = *slot;
    if (unlikely(!nb || nb->pc != next_pc)) {
        if (nb) /* only an indirect jump's successor changes */
            b->targets_vary = true;
        nb = block_get(next_pc);
        if (unlikely(!nb)) {
            h->pc = next_pc;
            return EXIT_FLUSH;
        }
        *slot = nb;
    }
    if (unlikely(atomic_load_explicit(&h->interrupt, memory_order_relaxed))) {
        h->pc = next_pc;
        return EXIT_INTERRUPT;
    }
    if (unlikely(nb->check)) {
        nb = block_recheck(nb);
        if (!nb) {
            h->pc = next_pc;
            return EXIT_FLUSH;
        }
    }
    if (unlikely(nb->count >= interp_hot_threshold) && !nb->check) {
        h->pc = next_pc;
        *handed = nb;
        return EXIT_HOT;
    }
    b = nb;
}
enter:
    b->count++;
    h->instret += b->n;
    ip = b->insn;
#ifdef HART_INTERP_SWITCH
dispatch:
    switch (ip->d.op) {
#else
    DISPATCH();
#endif

#include "rv/interp_i.inc"
#include "rv/interp_m.inc"
#include "rv/interp_a.inc"
#include "rv/interp_fd.inc"
#include "rv/interp_b.inc"

    CASE(FETCH_FAULT) {
        /* The fault is on the first unfetchable page: this one, or the
         * next for an instruction that straddles a page end. */
        uint64_t at = PC;
        if (space_page_flags(at) & PAGE_X)
            at = (at + 2) & ~(GUEST_PAGE_SIZE - 1);
        RAISE(SIGSEGV, (space_page_flags(at) & PAGE_MAPPED) ? SEGV_ACCERR
                                                            : SEGV_MAPERR, at);
    }
    CASE(FALLTHROUGH) GOTO_PC(PC, 1);
    CASE(ILLEGAL) ILLEGAL();
#ifdef HART_INTERP_SWITCH
    default:
        ILLEGAL();
    }
#endif

illegal:
    h->exit_signal = SIGILL;
    h->exit_code = ILL_ILLOPC;
    h->exit_addr = PC;
raise:
    h->pc = PC;
    h->instret -= b->n - ip->index;
    return EXIT_SIGNAL;
}
#undef CASE
#undef DISPATCH
#undef NEXT
#undef GOTO_PC
#undef PC
#undef RETIRED
#undef NOTE_ACCESS

/* The same bodies, one instruction at a time: for translated code that
 * meets an instruction it does not translate. The caller has stored all
 * guest state in h and keeps h->instret exact itself. */
int interp_one(struct hart *h, const struct block_insn *ip, uint64_t insn_pc)
{
    enum { RV_FETCH_FAULT = OP_FETCH_FAULT, RV_FALLTHROUGH = OP_FALLTHROUGH };
#define CASE(name) case RV_##name:
#define NEXT() return STEP_NEXT
#define GOTO_PC(target, s)                                                     \
    do {                                                                       \
        h->pc = (target);                                                      \
        return STEP_JUMP;                                                      \
    } while (0)
#define PC insn_pc
#define RETIRED (h->instret)
#define NOTE_ACCESS() (ctx.ip = NULL, ctx.step_pc = insn_pc)
    uint64_t *const x = h->x;
    uint64_t *const f = h->f;
    switch (ip->d.op) {
#include "rv/interp_i.inc"
#include "rv/interp_m.inc"
#include "rv/interp_a.inc"
#include "rv/interp_fd.inc"
#include "rv/interp_b.inc"
    CASE(FETCH_FAULT) {
        uint64_t at = PC;
        if (space_page_flags(at) & PAGE_X)
            at = (at + 2) & ~(GUEST_PAGE_SIZE - 1);
        RAISE(SIGSEGV, (space_page_flags(at) & PAGE_MAPPED) ? SEGV_ACCERR
                                                            : SEGV_MAPERR, at);
    }
    CASE(FALLTHROUGH) GOTO_PC(PC, 1);
    case RV_ILLEGAL:
    default:
        ILLEGAL();
    }
illegal:
    h->exit_signal = SIGILL;
    h->exit_code = ILL_ILLOPC;
    h->exit_addr = PC;
raise:
    h->pc = PC;
    return EXIT_SIGNAL;
}

