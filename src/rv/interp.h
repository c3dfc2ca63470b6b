/* The interpreter: runs decoded blocks with threaded dispatch until
 * something needs the run loop. */
#ifndef HART_RV_INTERP_H
#define HART_RV_INTERP_H

#include <signal.h>
#include <stdbool.h>
#include "core/hart.h"

/* Why interp_run returned. h->pc is exact in every case. */
enum interp_exit {
    EXIT_ECALL,     /* system call; h->pc is past the ecall */
    EXIT_FENCE_I,   /* code may have changed; h->pc is past the fence.i */
    EXIT_FLUSH,     /* block cache full; h->pc is where to go on */
    EXIT_SIGNAL,    /* guest signal h->exit_signal (code, addr) at h->pc */
    EXIT_INTERRUPT, /* h->interrupt was set; at a block boundary */
    EXIT_HOT,       /* h->pc starts a block run interp_hot_threshold times */
};

/* Blocks entered this many times make the interpreter hand over to the
 * translator (EXIT_HOT). UINT64_MAX (the default) never does. */
extern uint64_t interp_hot_threshold;

struct block;
enum interp_exit interp_run(struct hart *h);
/* The same, handing blocks over with a caller that has them at hand: *at
 * is the block at h->pc (or NULL: looked up), and after EXIT_HOT it is the
 * hot block at the new h->pc. Saves the lookups of each hand-over between
 * interpreter and translated code. */
enum interp_exit interp_run_at(struct hart *h, struct block **at);

/* Where the interpreter's body for op is, as block_insn.handler records it
 * (so dispatch needs one load, not two). */
int32_t interp_handler(unsigned op);

/* Asks the hart running on this thread (if any) to stop at the next block
 * boundary; async-signal-safe. */
void interp_interrupt_current(void);

/* Executes one decoded instruction at pc with all guest state in h (the
 * fallback of translated code). Returns STEP_NEXT to go on with the next
 * instruction, STEP_JUMP when it transferred control to h->pc, or an
 * enum interp_exit (h->pc exact). Faults on guest memory need the caller to
 * be inside interp_run's fault recovery. */
enum { STEP_NEXT = -1, STEP_JUMP = -2 };
struct block_insn;
int interp_one(struct hart *h, const struct block_insn *ip, uint64_t pc);

/* Called from the host SIGSEGV/SIGBUS handler: if the fault was a guest
 * access made by the interpreter on this thread, records it as a guest
 * signal and does not return (it resumes interp_run). Returns otherwise. */
void interp_host_fault(int sig, const siginfo_t *info, void *ucontext);

#endif
