/* Guest signals: dispositions, masks, delivery with the riscv64 signal frame,
 * sigreturn, and the system calls that manage them. */
#ifndef HART_LINUX_SIGNAL_H
#define HART_LINUX_SIGNAL_H

#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include "core/hart.h"

/* Delivers the pending signals the guest does not block: sets up the
 * handler's frame (or takes the default action). Called by the run loop at
 * block boundaries and after system calls. */
void signal_deliver_pending(struct hart *h);

/* A synchronous signal raised by the engine (fault, illegal instruction,
 * breakpoint) at h->pc: runs the guest's handler, or kills the process when
 * there is none or the signal is blocked, as Linux's force_sig does. */
void signal_raise_sync(struct hart *h, int sig, int code, uint64_t addr);

/* Before a system call the guest made (h->pc is past the ecall): false if
 * a signal is waiting, which must then be delivered first, with h->pc back
 * on the ecall; true if the call may go ahead, which must be followed by
 * signal_after_syscall. */
bool signal_enter_syscall(struct hart *h);

/* After a system call: when it was interrupted by a signal whose handler
 * has SA_RESTART and the call is restartable (or by hart alone), rewinds
 * the guest to issue it again once the handler returns. Call before
 * signal_deliver_pending. */
void signal_after_syscall(struct hart *h, int nr, uint64_t orig_a0);

/* For hart's host fault handler: a SIGSEGV or SIGBUS that another process
 * sent (not a fault) is an ordinary asynchronous guest signal. */
void signal_host_async(int sig, siginfo_t *info, void *ucontext);
/* Sends h's thread hart's own SIGBUS, which interrupts translated code
 * there (after the caller set h->interrupt: translated code does not read
 * it) and is otherwise ignored. */
void signal_kick(struct hart *h);

/* Takes over the dispositions the process started with (ignored signals
 * stay ignored across execve). Once, before the guest runs. */
void signal_init(void);

/* A new guest thread's host thread takes the guest's signal mask. */
void signal_thread_start(struct hart *h);

/* A guest thread is exiting: its host thread takes no more signals, and
 * the process signals it took but did not deliver go to the others. */
void signal_thread_exit(struct hart *h);

/* Whether this thread has signals waiting for delivery. */
bool signal_pending(struct hart *h);

/* The system calls are declared with all others in linux/sys.h. */

#endif
