/* The run loop and the host fault handlers.
 *
 * The engine returns here for everything it does not do itself: system
 * calls, code invalidation, and guest signals, which the Linux personality
 * delivers (linux/signal.c) before the engine resumes. */
#include "core/run.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "core/diag.h"
#include "jit/jit.h"
#include "linux/signal.h"
#include "linux/syscall.h"
#include "rv/block.h"
#include "rv/fpu.h"
#include "rv/interp.h"
#include "rv/smc.h"
#include "mem/access.h"

/* Guest threads run decoded blocks under the read side of engine_lock;
 * dropping blocks (fence.i, cache full, code unmapped) takes the write side,
 * after asking every running hart to stop at its next block boundary.
 * Writers are preferred, so a flush cannot be starved by busy threads. */
static pthread_rwlock_t engine_lock;
static pthread_once_t engine_lock_once = PTHREAD_ONCE_INIT;

/* Every hart that is running, so a flush can interrupt them; guarded by
 * harts_lock. */
static pthread_mutex_t harts_lock = PTHREAD_MUTEX_INITIALIZER;
static struct hart **harts;
static int nharts, harts_cap;

static void engine_lock_init(void)
{
    pthread_rwlockattr_t attr;
    pthread_rwlockattr_init(&attr);
    pthread_rwlockattr_setkind_np(&attr,
                                  PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&engine_lock, &attr);
    pthread_rwlockattr_destroy(&attr);
}

static void register_hart(struct hart *h)
{
    pthread_mutex_lock(&harts_lock);
    if (nharts == harts_cap) {
        /* A hart missing here would never be asked to stop for a flush,
         * which would then wait for it forever. */
        int cap = harts_cap ? 2 * harts_cap : 64;
        struct hart **bigger = realloc(harts, (size_t)cap * sizeof *harts);
        if (!bigger) {
            fputs("hart: out of memory\n", stderr);
            abort();
        }
        harts = bigger;
        harts_cap = cap;
    }
    harts[nharts++] = h;
    pthread_mutex_unlock(&harts_lock);
}

void run_unregister(struct hart *h)
{
    pthread_mutex_lock(&harts_lock);
    for (int i = 0; i < nharts; i++)
        if (harts[i] == h)
            harts[i] = harts[--nharts];
    pthread_mutex_unlock(&harts_lock);
}

static void interrupt_all(void)
{
    pthread_mutex_lock(&harts_lock);
    for (int i = 0; i < nharts; i++) {
        atomic_store(&harts[i]->interrupt, 1);
        /* Translated code notices only a kick; elsewhere the run loop
         * (or jit_reload, after a call into C) reads interrupt. */
        if (atomic_load(&harts[i]->jit_running))
            signal_kick(harts[i]);
    }
    pthread_mutex_unlock(&harts_lock);
}

void run_flush_code(void)
{
    pthread_once(&engine_lock_once, engine_lock_init);
    /* A thread's run loop may clear its interrupt (for one of its own
     * reasons) just after it was set here and then enter the engine before
     * this thread queues for the lock; so the request is repeated until
     * the lock is taken. */
    for (;;) {
        interrupt_all();
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 2000000;
        if (until.tv_nsec >= 1000000000) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000;
        }
        if (pthread_rwlock_timedwrlock(&engine_lock, &until) == 0)
            break;
    }
    jit_flush(); /* first: the remap reads the profile in the blocks */
    block_flush();
    pthread_rwlock_unlock(&engine_lock);
}

void run_fork_child(struct hart *h)
{
    /* Threads of the parent that held these do not exist here. */
    engine_lock_init();
    pthread_mutex_init(&harts_lock, NULL);
    harts[0] = h;
    nharts = 1;
    jit_fork_child();
    /* The parent may have chained its code to translations it made after
     * the fork, in the cache this process shared with it until now: none
     * of that code can be trusted here, so it all goes (translations
     * first: a pending remap reads the blocks). */
    jit_flush();
    block_flush();
}

static void host_fault(int sig, siginfo_t *info, void *uc)
{
    /* Sent by kill() or a timer, not a fault: si_addr is not an address
     * then (it overlaps the sender's pid and uid), so this comes first. */
    if (info->si_code <= 0) {
        signal_host_async(sig, info, uc);
        return;
    }
    /* A write to a page holding decoded code: let it through, and have the
     * engine drop that code at the next block boundary. */
    uintptr_t host = (uintptr_t)info->si_addr;
    if (sig == SIGSEGV && host_in_guest_space(host) &&
        smc_host_fault(host - guest_base)) {
        interp_interrupt_current();
        jit_interrupt_context(uc);
        return;
    }
    /* The same, when another thread's fault has just released the page and
     * is still between the page table and mprotect: the guest may read and
     * write the page, so the access is retried (boundedly, should the host
     * protection ever stay out of step). */
    static __thread unsigned stale_retries;
    if (sig == SIGSEGV && info->si_code == SEGV_ACCERR &&
        host_in_guest_space(host) && stale_retries < 1000000) {
        int rw = PAGE_MAPPED | PAGE_R | PAGE_W;
        if ((space_page_flags(host - guest_base) & rw) == rw) {
            stale_retries++;
            return;
        }
    }
    stale_retries = 0;
    if (jit_enabled && jit_ras_overflow(info, uc))
        return;
    /* Each returns only if the fault is not a guest access of its own. */
    interp_host_fault(sig, info, uc);
    if (jit_enabled)
        jit_host_fault(sig, info, uc);
    /* Async-signal-safe formatting of where it happened, for bug reports. */
    char msg[128] = "hart: internal error: host fault at 0x";
    size_t n = strlen(msg);
    uintptr_t where[2] = {host, (uintptr_t)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP]};
    for (int k = 0; k < 2; k++) {
        for (int shift = 60; shift >= 0; shift -= 4)
            msg[n++] = "0123456789abcdef"[(where[k] >> shift) & 15];
        if (k == 0) {
            memcpy(msg + n, " (host pc 0x", 12);
            n += 12;
        }
    }
    msg[n++] = ')';
    msg[n++] = '\n';
    if (write(diag_fd, msg, n) < 0) {
        /* nothing better to do */
    }
    signal(sig, SIG_DFL); /* returning re-executes the access: dies */
}

void run_install_fault_handlers(void)
{
    /* Own stack for the handler, so that hart's own stack overflowing is
     * reported instead of silently killing the process. */
    static char altstack[64 * 1024];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = host_fault;
    /* SA_NODEFER: the handler leaves by siglongjmp without restoring the
     * signal mask, so the signal must not be blocked while it runs. */
    sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

void (*run_last_words)(void);

noreturn void run_die_of_signal(struct hart *h, int sig)
{
    if (run_last_words)
        run_last_words();
    fflush(NULL);
    /* hart's reservation is huge; a core of it helps nobody. */
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    /* Not raise(): in a child made by a raw clone, glibc's idea of the
     * thread id is its parent's. */
    syscall(SYS_tgkill, getpid(), gettid(), sig);
    (void)h;
    _exit(128 + sig); /* for signals whose default is to be ignored */
}

void run_code_changed(uint64_t addr, uint64_t len)
{
    (void)addr, (void)len; /* everything goes: flushes are rare */
    run_flush_code();
}

noreturn void run_guest(struct hart *h)
{
    pthread_once(&engine_lock_once, engine_lock_init);
    register_hart(h);
    fpu_init(h);
    for (;;) {
        if (signal_pending(h))
            signal_deliver_pending(h);
        pthread_rwlock_rdlock(&engine_lock);
        enum interp_exit why = jit_enabled ? jit_run(h) : interp_run(h);
        pthread_rwlock_unlock(&engine_lock);
        if (atomic_load(&smc_stale) && atomic_exchange(&smc_stale, 0))
            run_flush_code();
        switch (why) {
        case EXIT_ECALL: {
            int nr = (int)h->x[17];
            uint64_t a0 = h->x[10];
            if (!signal_enter_syscall(h)) {
                h->pc -= 4; /* the handler first, then the call */
                break;
            }
            syscall_dispatch(h);
            signal_after_syscall(h, nr, a0);
            break;
        }
        case EXIT_FENCE_I:
        case EXIT_FLUSH:
            run_flush_code();
            break;
        case EXIT_HOT: /* only from interp_run without the translator */
        case EXIT_INTERRUPT:
            atomic_store(&h->interrupt, 0);
            break;
        case EXIT_SIGNAL:
            signal_raise_sync(h, h->exit_signal, h->exit_code, h->exit_addr);
            break;
        }
    }
}
