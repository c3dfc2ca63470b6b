/* The architectural state of one guest hart (one guest thread), laid out for
 * the interpreter now and translated code later: registers at fixed offsets
 * from one base pointer, so generated code can address any of them with a
 * single displacement. Each thread owns its struct hart exclusively; nothing
 * here is shared, so nothing here needs a lock. */
#ifndef HART_CORE_HART_H
#define HART_CORE_HART_H

#include <stdbool.h>
#include <stdint.h>

/* Writes to x0 are redirected to this slot when instructions are prepared
 * for execution, so x[0] stays zero without a check on every write. */
#define RV_SINK 32

struct hart {
    /* For translated code: GUEST_SPACE_SIZE, which it compares guest
     * addresses with. First, so that it and x[0..30] are all within a
     * one-byte displacement of the register that points into this struct
     * (jit/translate.h, JIT_STATE_BIAS). */
    uint64_t jit_limit;
    uint64_t x[33];      /* x[0] is always 0; x[RV_SINK] absorbs writes to x0 */
    uint64_t pc;         /* exact at every exit to the run loop */
    uint64_t f[32];      /* FP registers; singles are NaN-boxed */
    /* Accrued FP exception flags. The interpreter lets the host MXCSR collect
     * the flags of plain arithmetic; fpu_read_fflags() folds them in here.
     * Read fflags through fpu_read_fflags(), never directly. */
    uint32_t fflags;
    uint32_t frm;        /* dynamic rounding mode, 0..7 as written */
    uint64_t instret;    /* instructions retired (at block granularity + offset) */

    /* LR/SC reservation: SC succeeds when the address matches and memory
     * still holds the value LR saw (compare-and-swap emulation). */
    uint64_t resv_addr;
    uint64_t resv_value;
    bool resv_valid;

    /* Why the engine last stopped with EXIT_SIGNAL. Filled by the engine,
     * read by the run loop. */
    int exit_signal;     /* guest signal to raise, or 0 */
    int exit_code;       /* si_code for it */
    uint64_t exit_addr;  /* si_addr / stval */

    /* Set (to non-zero) by signal handlers and other threads to make the
     * engine stop at the next block boundary; cleared by the run loop of the
     * thread that owns this hart. The only field written by others. */
    _Atomic int interrupt;
    /* Set by the owning thread while it runs translated code: another
     * thread that sets interrupt then also kicks it (run.c), as translated
     * code does not read interrupt. Read by others. */
    _Atomic int jit_running;

    /* For translated code (jit/): what its exit stubs leave for the run
     * loop. */
    uint64_t jit_site;    /* run address of the rel32 to chain */
    void *jit_table;      /* indirect-jump table: host code by guest pc */
    /* The return-address stack of translated code (jit/ras.c): where the
     * run loop puts it, and its empty position; and the host stack it
     * was entered from, where calls into C from translated code run. */
    uint64_t jit_ras_top;
    uint64_t jit_rsp;
    uint64_t jit_c_rsp;
    uint32_t jit_mxcsr;   /* where translated code stores MXCSR to edit it */
    uint32_t jit_nan_s;   /* RISC-V's canonical NaNs, single and double, */
    uint64_t jit_nan_d;   /* which FP stubs load without using a register */
};

#endif
