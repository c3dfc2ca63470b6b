/* The dynamic binary translator, as the run loop sees it: guest code starts
 * in the interpreter, which counts block executions; a block entered
 * jit_threshold times is translated to x86-64 and runs natively from then
 * on, chained directly to the translated blocks it jumps to. */
#ifndef HART_JIT_JIT_H
#define HART_JIT_JIT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/hart.h"
#include "rv/interp.h"

/* Sets up the code cache and turns translation on; 0 or -errno. */
int jit_init(size_t cache_size, uint64_t threshold);

/* Like interp_run, with translation: runs h until the run loop is needed. */
enum interp_exit jit_run(struct hart *h);

/* Drops all translated code; with block_flush, under the engine's write
 * lock (core/run.c). */
void jit_flush(void);

/* In a forked child, before it runs guest code: gives the child its own
 * code cache (see jit_cache_fork_child). */
void jit_fork_child(void);

/* From the host fault handler: a fault in translated code, or in the
 * interpreter called from it, becomes a guest signal (does not return);
 * returns when the fault is not the translator's. */
void jit_host_fault(int sig, const siginfo_t *info, void *ucontext);

/* The return-address stack of this host thread's translated code
 * (ras.c): its top (mapped on first use; 0 if that failed), whether a
 * fault address is its guard page, and its release when the thread ends. */
uintptr_t jit_ras_top(void);
/* From the host fault handler: true if the fault was a call of translated
 * code one deeper than the return-address stack holds, which then starts
 * over empty (the call runs again when the handler returns). */
bool jit_ras_overflow(const siginfo_t *info, void *ucontext);
bool jit_ras_guard_hit(uintptr_t addr);
void jit_ras_release(void);
/* For a host signal handler that has set h->interrupt of this thread:
 * if the signal interrupted translated code, asks that code to stop at
 * its next unit entry (translate.h: JIT_INTERRUPT_BIT). Async-signal-safe. */
void jit_interrupt_context(void *ucontext);

/* Debug output (-d in_asm,out_asm) and perf map (--perfmap). */
enum { JIT_DEBUG_IN_ASM = 1, JIT_DEBUG_OUT_ASM = 2 };
extern unsigned jit_debug;     /* JIT_DEBUG_*, set before jit_init */
extern bool jit_debug_any;     /* debug output or perf map wanted */
bool jit_perfmap_open(void);
/* Whether a perf map is being written: code addresses are then never
 * reused within a process (a perf map cannot say that an address range
 * changed hands), and a forked child writes its own. */
bool jit_perfmap_on(void);
void jit_perfmap_fork_child(void);
struct block;
/* insn_at (may be NULL): where each guest instruction's host code starts,
 * as jit_code_space.insn_at; out_asm then names the guest instruction
 * above its code. The code ends with data_tail bytes of data. */
void jit_debug_block(const struct block *b, const void *code, size_t size,
                     const void *cold, size_t cold_size,
                     const uint32_t *insn_at, size_t data_tail,
                     const int8_t host_reg[33]);

/* --cosim: check every translated block against the interpreter. */
extern bool jit_cosim;
struct block;
int jit_cosim_block(struct hart *h, struct block *b,
                    int (*enter)(struct hart *, void *));

struct jit_stats {
    uint64_t blocks, guest_insns, host_bytes, fallbacks_emitted;
    uint64_t chains, lookups_missed, inline_caches, flushes, remaps;
    uint64_t ic_skipped;          /* indirect jumps translated without one */
    uint64_t loop_maps;           /* loop units with a register mapping of
                                     their own (loopmap.c) */
    uint64_t ras_overflows;       /* calls that emptied the return-address
                                     stack (counted by the fault handler) */
    uint64_t exits[11];            /* returns of translated code, by reason */
    uint64_t fallback_count[512]; /* per op, emitted fallbacks (--stats) */
};
extern struct jit_stats jit_stats;
extern bool jit_enabled;

#endif
