/* A guest thread as the Linux personality sees it: the engine's struct hart
 * plus what Linux keeps per thread (tid bookkeeping, signal mask, pending
 * signals, alternate stack). Each guest thread runs on its own host thread,
 * which owns its struct thread; the only fields others touch are marked. */
#ifndef HART_LINUX_THREAD_H
#define HART_LINUX_THREAD_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdnoreturn.h>
#include "core/hart.h"
#include "linux/abi.h"

#define GUEST_SIGINFO_SIZE 128

struct thread {
    struct hart hart;           /* first: a struct hart * is a struct thread * */
    int tid;                    /* host tid, which is also the guest's */
    bool allocated;             /* by clone (the first thread is static) */
    void *host_altstack;        /* hart's signal stack for this host thread */
    uint64_t clear_child_tid;   /* CLONE_CHILD_CLEARTID / set_tid_address */
    uint64_t robust_list, robust_list_len;

    /* Signals. blocked mirrors the host thread's signal mask (apart from the
     * signals hart keeps for itself), so the host kernel holds signals the
     * guest blocks, and rt_sigpending/rt_sigsuspend map onto the host. */
    uint64_t blocked;
    /* Signals taken by hart's host handler (on this thread) and not yet
     * delivered to the guest, with their siginfo. Written by the host
     * signal handler (async), read and cleared by this thread's run loop. */
    _Atomic uint64_t pending;
    uint8_t pending_info[GUEST_NSIG + 1][GUEST_SIGINFO_SIZE];
    uint32_t pending_seq[GUEST_NSIG + 1]; /* order of arrival */
    uint32_t arrivals;
    /* The mask to save in the next signal frame instead of blocked, set by
     * rt_sigsuspend (which changes the mask only while it waits). */
    uint64_t saved_mask;
    int has_saved_mask;
    /* The guest system call in progress, for the kick (see signal.c):
     * in_syscall and kicked are shared with this thread's host signal
     * handlers. */
    volatile sig_atomic_t in_syscall;
    volatile bool kicked;
    bool kick_created, kick_armed;
    int kick_timer;
    struct {
        uint64_t sp, size;  /* size 0: disabled */
        int32_t flags;      /* SS_AUTODISARM or 0 */
    } altstack;
};

/* The guest thread running on this host thread. */
extern __thread struct thread *current_thread;

/* Ends the process with this status (exit_group, or the last thread's
 * exit), once even when several threads ask at the same time. */
noreturn void thread_exit_process(int status);

static inline struct thread *thread_of(struct hart *h)
{
    return (struct thread *)h;
}

#endif
