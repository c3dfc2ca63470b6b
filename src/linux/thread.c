/* Guest threads and processes: clone (threads on host threads, processes by
 * host fork), thread exit with its CLONE_CHILD_CLEARTID wake-up and robust
 * list, and futex, which works on guest memory directly because a guest
 * address is one fixed offset from its host address.
 *
 * Each guest thread runs on its own host thread (pthread) with its own
 * struct thread; guest tids are host tids. There is no list of threads,
 * only their number; everything in a struct thread belongs to its host
 * thread. The process ends once (thread_exit_process), whichever thread
 * and however many at a time ask. */
#include "linux/thread.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "core/run.h"
#include "jit/jit.h"
#include "linux/signal.h"
#include "linux/sys.h"
#include "linux/vfork_share.h"
#include "mem/access.h"
#include "rv/smc.h"

__thread struct thread *current_thread;

/* Guest threads alive in this process (the main one included). */
static _Atomic int live_threads = 1;

enum {
    G_CLONE_VM = 0x100, G_CLONE_FS = 0x200, G_CLONE_FILES = 0x400,
    G_CLONE_SIGHAND = 0x800, G_CLONE_VFORK = 0x4000, G_CLONE_THREAD = 0x10000,
    G_CLONE_SETTLS = 0x80000, G_CLONE_PARENT_SETTID = 0x100000,
    G_CLONE_CHILD_CLEARTID = 0x200000, G_CLONE_CHILD_SETTID = 0x1000000,
};

static bool put_u32(uint64_t addr, uint32_t v)
{
    if (addr & 3 || !space_range_ok(addr, 4, PAGE_W))
        return false;
    __atomic_store_n((uint32_t *)g2h(addr), v, __ATOMIC_SEQ_CST);
    return true;
}

/* What a new thread needs from its parent until it has started. */
struct thread_start {
    struct thread *t;
    uint64_t flags, parent_tid, child_tid;
    int tid;       /* the child's, for the parent: t may be gone by then */
    sem_t started;
};

enum { HOST_ALTSTACK_SIZE = 64 * 1024 };

/* hart's fault handler needs a stack of its own on every host thread, or
 * an overflow of the thread's stack dies silently. A sanitizer runtime may
 * have given the thread one already; then that one serves. */
static void host_altstack_start(struct thread *t)
{
    stack_t cur;
    if (sigaltstack(NULL, &cur) == 0 && !(cur.ss_flags & SS_DISABLE))
        return;
    void *mem = malloc(HOST_ALTSTACK_SIZE);
    stack_t ss = {.ss_sp = mem, .ss_size = HOST_ALTSTACK_SIZE};
    if (mem && sigaltstack(&ss, NULL) == 0)
        t->host_altstack = mem;
    else
        free(mem);
}

/* Before the host thread ends: a sanitizer runtime unmaps whatever
 * alternate stack a dying thread has, so none may be left that it did not
 * allocate (hart's own, or the first thread's static one). */
static void host_altstack_end(struct thread *t)
{
    stack_t off = {.ss_flags = SS_DISABLE};
    stack_t cur;
    if (sigaltstack(NULL, &cur) == 0 && !(cur.ss_flags & SS_DISABLE) &&
        (t->host_altstack || !t->allocated))
        sigaltstack(&off, NULL);
    free(t->host_altstack);
    t->host_altstack = NULL;
}

static void *thread_main(void *arg)
{
    struct thread_start *s = arg;
    struct thread *t = s->t;
    t->tid = gettid();
    current_thread = t;
    host_altstack_start(t);
    if (s->flags & G_CLONE_CHILD_SETTID)
        put_u32(s->child_tid, (uint32_t)t->tid);
    if (s->flags & G_CLONE_PARENT_SETTID)
        put_u32(s->parent_tid, (uint32_t)t->tid);
    s->tid = t->tid;
    sem_post(&s->started); /* s is gone after this */
    signal_thread_start(&t->hart);
    run_guest(&t->hart);
}

static int64_t clone_thread(struct hart *h, uint64_t flags, uint64_t newsp,
                            uint64_t ptid, uint64_t tls, uint64_t ctid)
{
    struct thread *parent = thread_of(h);
    struct thread *t = calloc(1, sizeof *t);
    if (!t)
        return -ENOMEM;
    t->allocated = true;
    memcpy(t->hart.x, h->x, sizeof h->x);
    memcpy(t->hart.f, h->f, sizeof h->f);
    t->hart.pc = h->pc;
    t->hart.fflags = h->fflags;
    t->hart.frm = h->frm;
    t->hart.jit_limit = h->jit_limit;
    t->hart.jit_table = h->jit_table;
    t->hart.x[10] = 0;
    if (newsp)
        t->hart.x[2] = newsp;
    if (flags & G_CLONE_SETTLS)
        t->hart.x[4] = tls;
    t->blocked = parent->blocked;
    if (flags & G_CLONE_CHILD_CLEARTID)
        t->clear_child_tid = ctid;

    struct thread_start s = {t, flags, ptid, ctid, 0, {{0}}};
    sem_init(&s.started, 0, 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 1 << 20);
    /* The new host thread starts with every signal blocked; it takes the
     * guest's mask once it is ready to record signals. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    atomic_fetch_add(&live_threads, 1);
    pthread_t pt;
    int err = pthread_create(&pt, &attr, thread_main, &s);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (err) {
        atomic_fetch_sub(&live_threads, 1);
        sem_destroy(&s.started);
        free(t);
        return -err;
    }
    while (sem_wait(&s.started) < 0 && errno == EINTR)
        ;
    sem_destroy(&s.started);
    return s.tid;
}

/* A new process: the host forks, which copies the guest's memory with it.
 * With SIGCHLD as the exit signal (fork, vfork, posix_spawn) that is
 * glibc's fork(), whose atfork handlers keep hart's locks and the host C
 * library consistent in the child; another exit signal needs the raw
 * clone call, which skips them (a lock another thread held at that
 * moment stays held in the child). vfork's promise (the parent waits
 * until the child execs or exits) is kept with a close-on-exec pipe the
 * parent reads until it closes; through it, a child that was to share its
 * parent's memory (CLONE_VM) sends back the pages it wrote
 * (vfork_share.c). */
static int64_t clone_process(struct hart *h, uint64_t flags, uint64_t newsp,
                             uint64_t ptid, uint64_t tls, uint64_t ctid,
                             bool shared_memory)
{
    int vfork_pipe[2] = {-1, -1};
    if (flags & G_CLONE_VFORK) {
        int err = vfork_share_pipe(vfork_pipe);
        if (err)
            return err;
    }
    int exit_signal = flags & 0xff;
    pid_t pid = exit_signal == SIGCHLD
                    ? fork()
                    : (pid_t)syscall(SYS_clone, (unsigned long)exit_signal,
                                     NULL, NULL, NULL, 0);
    if (pid < 0) {
        int err = errno;
        if (vfork_pipe[0] >= 0) {
            close(vfork_pipe[0]);
            close(vfork_pipe[1]);
        }
        return -err;
    }
    if (pid == 0) {
        struct thread *t = thread_of(h);
        t->tid = gettid();
        t->robust_list = 0; /* as Linux: the child registers its own */
        /* Signals the parent took but had not delivered yet are the
         * parent's: a child starts with none pending (fork(2)). */
        atomic_store(&t->pending, 0);
        t->kick_created = t->kick_armed = false; /* timers stay behind */
        atomic_store(&live_threads, 1);
        run_fork_child(h);
        if (vfork_pipe[0] >= 0)
            close(vfork_pipe[0]);
        vfork_share_child_start(shared_memory ? vfork_pipe[1] : -1);
        if (newsp)
            h->x[2] = newsp;
        if (flags & G_CLONE_SETTLS)
            h->x[4] = tls;
        if (flags & G_CLONE_CHILD_SETTID)
            put_u32(ctid, (uint32_t)t->tid);
        t->clear_child_tid = flags & G_CLONE_CHILD_CLEARTID ? ctid : 0;
        return 0;
    }
    if (flags & G_CLONE_PARENT_SETTID)
        put_u32(ptid, (uint32_t)pid);
    if (vfork_pipe[0] >= 0) {
        close(vfork_pipe[1]);
        vfork_share_parent_receive(vfork_pipe[0]); /* until exec or exit */
        close(vfork_pipe[0]);
    }
    return pid;
}

int64_t sys_clone(struct hart *h, const uint64_t *a)
{
    /* riscv64 order: flags, stack, parent_tid, tls, child_tid. */
    uint64_t flags = a[0], newsp = a[1], ptid = a[2], tls = a[3], ctid = a[4];
    if ((flags & G_CLONE_THREAD) && !(flags & G_CLONE_SIGHAND))
        return -EINVAL;
    if ((flags & G_CLONE_SIGHAND) && !(flags & G_CLONE_VM))
        return -EINVAL;
    /* Memory shared without being a thread is only vfork in practice
     * (vfork, posix_spawn): a forked copy that hands what it wrote back
     * to its parent before it execs or exits (vfork_share.c). */
    if ((flags & G_CLONE_VM) && !(flags & G_CLONE_VFORK))
        return clone_thread(h, flags, newsp, ptid, tls, ctid);
    return clone_process(h, flags & ~(uint64_t)G_CLONE_VM, newsp, ptid, tls,
                         ctid, flags & G_CLONE_VM);
}

/* One lock of a dying thread's robust list (the kernel's
 * handle_futex_death): if the thread owns it, it is marked
 * FUTEX_OWNER_DIED and one waiter woken. pending: the lock the thread was
 * in the middle of taking or releasing, which may be free already. */
static void robust_death(struct thread *t, uint64_t futex, bool pi,
                         bool pending)
{
    if (futex & 3 || !space_range_ok(futex, 4, PAGE_W))
        return;
    _Atomic uint32_t *word = g2h(futex);
    uint32_t v = atomic_load(word);
    if (pending && !pi && v == 0) {
        syscall(SYS_futex, word, FUTEX_WAKE, 1, NULL, NULL, 0);
        return;
    }
    while ((v & FUTEX_TID_MASK) == (uint32_t)t->tid) {
        uint32_t nv = (v & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
        if (atomic_compare_exchange_weak(word, &v, nv)) {
            /* A PI lock's waiters wait in the kernel, which hands the lock
             * on when this host thread is gone. */
            if (!pi && (v & FUTEX_WAITERS))
                syscall(SYS_futex, word, FUTEX_WAKE, 1, NULL, NULL, 0);
            return;
        }
    }
}

/* The kernel's walk of a dying thread's robust futex list. Each link is
 * the address of the next entry, with bit 0 set for a PI mutex. */
static void release_robust_list(struct thread *t)
{
    uint64_t head = t->robust_list;
    if (!head || !space_range_ok(head, 24, PAGE_R))
        return;
    uint64_t words[3]; /* next, futex_offset, list_op_pending */
    memcpy(words, g2h(head), sizeof words);
    int64_t offset = (int64_t)words[1];
    uint64_t link = words[0], pending = words[2];
    for (int limit = 0; (link & ~1ull) != head && limit < 2048; limit++) {
        uint64_t entry = link & ~1ull;
        bool pi = link & 1;
        if (!space_range_ok(entry, 8, PAGE_R))
            break;
        memcpy(&link, g2h(entry), 8); /* read before the lock is released */
        if (entry != (pending & ~1ull))
            robust_death(t, entry + (uint64_t)offset, pi, false);
    }
    if (pending & ~1ull)
        robust_death(t, (pending & ~1ull) + (uint64_t)offset, pending & 1,
                     true);
}

noreturn void thread_exit_process(int status)
{
    /* exit() is not safe to run twice at once; the first caller ends the
     * process for every thread, later ones only wait for that. */
    static atomic_flag exiting = ATOMIC_FLAG_INIT;
    if (atomic_flag_test_and_set(&exiting)) {
        sigset_t all;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, NULL);
        for (;;)
            pause();
    }
    vfork_share_child_send(); /* a vfork child's writes, to its parent */
    /* Locks shared with other processes must not stay held by a dead
     * one. (Only this thread's: the others are still running.) */
    if (current_thread)
        release_robust_list(current_thread);
    exit(status);
}

int64_t sys_exit(struct hart *h, const uint64_t *a)
{
    struct thread *t = thread_of(h);
    signal_thread_exit(h);
    if (atomic_fetch_sub(&live_threads, 1) == 1)
        thread_exit_process((int)(a[0] & 0xff));
    release_robust_list(t);
    if (t->clear_child_tid && put_u32(t->clear_child_tid, 0))
        syscall(SYS_futex, g2h(t->clear_child_tid), FUTEX_WAKE, INT_MAX,
                NULL, NULL, 0);
    run_unregister(h);
    current_thread = NULL;
    jit_ras_release();
    host_altstack_end(t);
    if (t->allocated)
        free(t);
    pthread_exit(NULL);
}

int64_t sys_set_tid_address(struct hart *h, const uint64_t *a)
{
    struct thread *t = thread_of(h);
    t->clear_child_tid = a[0];
    return t->tid;
}

int64_t sys_set_robust_list(struct hart *h, const uint64_t *a)
{
    if (a[1] != 24)
        return -EINVAL;
    thread_of(h)->robust_list = a[0];
    return 0;
}

int64_t sys_get_robust_list(struct hart *h, const uint64_t *a)
{
    if (a[0] && (int64_t)a[0] != thread_of(h)->tid)
        return -EPERM; /* only our own list is known to us */
    uint64_t head = thread_of(h)->robust_list, len = 24;
    if (!space_range_ok(a[1], 8, PAGE_W) || !space_range_ok(a[2], 8, PAGE_W))
        return -EFAULT;
    memcpy(g2h(a[1]), &head, 8);
    memcpy(g2h(a[2]), &len, 8);
    return 0;
}

int64_t sys_futex(struct hart *h, const uint64_t *a)
{
    (void)h;
    uint64_t uaddr = a[0], uaddr2 = a[4];
    int op = (int)a[1];
    int cmd = op & FUTEX_CMD_MASK;
    if (uaddr & 3)
        return -EINVAL;
    if (!space_range_ok(uaddr, 4, PAGE_R))
        return -EFAULT;
    struct timespec ts;
    void *arg4 = (void *)(uintptr_t)a[3];
    void *host2 = NULL;
    switch (cmd) {
    case FUTEX_WAIT: case FUTEX_WAIT_BITSET: case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2: case FUTEX_WAIT_REQUEUE_PI:
        /* a[3] is a timeout; struct timespec is the same on both sides. */
        if (a[3]) {
            if (!space_range_ok(a[3], sizeof ts, PAGE_R))
                return -EFAULT;
            memcpy(&ts, g2h(a[3]), sizeof ts);
            arg4 = &ts;
        }
        break;
    default:
        break; /* a[3] is a count (val2) or unused */
    }
    switch (cmd) {
    case FUTEX_REQUEUE: case FUTEX_CMP_REQUEUE: case FUTEX_WAKE_OP:
    case FUTEX_CMP_REQUEUE_PI: case FUTEX_WAIT_REQUEUE_PI:
        if (uaddr2 & 3)
            return -EINVAL;
        if (!space_range_ok(uaddr2, 4, PAGE_R))
            return -EFAULT;
        host2 = g2h(uaddr2);
        break;
    default:
        break;
    }
    /* The host kernel itself writes the words of these: a page hart
     * watches for code changes must be writable again first. */
    switch (cmd) {
    case FUTEX_LOCK_PI: case FUTEX_LOCK_PI2: case FUTEX_TRYLOCK_PI:
    case FUTEX_UNLOCK_PI: case FUTEX_WAIT_REQUEUE_PI:
        smc_before_host_write(uaddr, 4);
        break;
    case FUTEX_WAKE_OP: case FUTEX_CMP_REQUEUE_PI:
        smc_before_host_write(uaddr2, 4);
        break;
    default:
        break;
    }
    long r = syscall(SYS_futex, g2h(uaddr), op, (uint32_t)a[2], arg4, host2,
                     (uint32_t)a[5]);
    return r < 0 ? -errno : r;
}
