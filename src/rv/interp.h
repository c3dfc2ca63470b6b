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
};

enum interp_exit interp_run(struct hart *h);

/* Called from the host SIGSEGV/SIGBUS handler: if the fault was a guest
 * access made by the interpreter on this thread, records it as a guest
 * signal and does not return (it resumes interp_run). Returns otherwise. */
void interp_host_fault(int sig, const siginfo_t *info);

#endif
