/* Guest signals, mapped onto host signals.
 *
 * Dispositions: a guest handler makes hart install its own host handler for
 * that signal, which only records the signal on the current thread and asks
 * the engine to stop at the next block boundary, where the run loop builds
 * the guest's frame. SIG_DFL and SIG_IGN are installed on the host as they
 * are, so the host kernel carries out default actions itself (a guest killed
 * by SIGTERM kills hart with SIGTERM; SIGTSTP stops it).
 *
 * Masks: the guest's blocked set is the host thread's mask (less SIGSEGV and
 * SIGBUS, which hart needs for guest memory faults), so blocked signals stay
 * pending in the host kernel and rt_sigpending, rt_sigsuspend and
 * rt_sigtimedwait map onto the host calls. Signal numbers are the same on
 * riscv64 and x86-64; so is the siginfo layout (asm-generic, 128 bytes).
 *
 * The frame is the kernel's riscv64 rt_sigframe: siginfo (128 bytes), then
 * the ucontext (960 bytes; mcontext at 176: pc, x1..x31, f0..f31, fcsr).
 * The handler returns through the sigreturn trampoline the loader mapped
 * (li a7, 139; ecall), as the vDSO's would.
 *
 * A signal that arrives while hart is about to make a blocking host system
 * call for the guest must still interrupt that call (QEMU closes this
 * window with hand-written assembly around every call). hart "kicks"
 * instead: a signal recorded while the thread is in a guest system call
 * arms a per-thread timer that sends hart's own SIGBUS every millisecond
 * until the call returns; the kick interrupts the call (hart's handlers
 * are installed without SA_RESTART), the run loop sees the recorded
 * signal and delivers it. A call interrupted by a kick alone is restarted,
 * since on Linux no handler would have interrupted it. */
#include "linux/signal.h"

#include "linux/sys.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "core/run.h"
#include "jit/jit.h"
#include "linux/process.h"
#include "linux/thread.h"
#include "mem/access.h"
#include "rv/fpu.h"

#define SIGBIT(sig) (1ull << ((sig) - 1))

/* Guest ABI values (asm-generic, the same as x86-64's). */
enum {
    G_SA_SIGINFO = 0x4, G_SA_ONSTACK = 0x08000000, G_SA_RESTART = 0x10000000,
    G_SA_NODEFER = 0x40000000, G_SA_RESETHAND = (int)0x80000000u,
    G_SS_ONSTACK = 1, G_SS_DISABLE = 2, G_SS_AUTODISARM = (int)(1u << 31),
    G_MINSIGSTKSZ = 2048,
};
#define G_SIG_DFL 0
#define G_SIG_IGN 1


/* Frame layout offsets (checked against the riscv64 glibc headers). */
enum {
    FRAME_INFO = 0,
    FRAME_UC = 128,
    UC_FLAGS = 0, UC_LINK = 8, UC_STACK = 16, UC_SIGMASK = 40,
    UC_MCONTEXT = 176,
    MC_REGS = 0,      /* pc, then x1..x31 */
    MC_FPREGS = 256,  /* f0..f31 */
    MC_FCSR = 512,
    FRAME_SIZE = 128 + 960,
};

/* Dispositions are process-wide: changed under actions_lock, read by the
 * delivering thread under it too (delivery is rare). */
static struct guest_sigaction actions[GUEST_NSIG + 1];
static pthread_mutex_t actions_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

/* A fork must not leave the child with actions_lock held by a thread that
 * does not exist there. */
static void fork_prepare(void)
{
    pthread_mutex_lock(&actions_lock);
}

static void fork_done(void)
{
    pthread_mutex_unlock(&actions_lock);
}

static void register_atfork(void)
{
    pthread_atfork(fork_prepare, fork_done, fork_done);
}

/* Signals hart never lets the guest block on the host. */
static const uint64_t host_reserved = SIGBIT(SIGSEGV) | SIGBIT(SIGBUS);
static const uint64_t unblockable = SIGBIT(SIGKILL) | SIGBIT(SIGSTOP);

/* The host's rt_sigaction, raw: glibc refuses signals 32 and 33, which the
 * guest's own glibc uses. x86-64 needs a restorer that calls rt_sigreturn. */
struct host_kernel_sigaction {
    void *handler;
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};
void hart_host_restorer(void);
__asm__(".text\n"
        ".globl hart_host_restorer\n"
        "hart_host_restorer:\n"
        "    mov $15, %eax\n" /* __NR_rt_sigreturn on x86-64 */
        "    syscall\n");
#define HOST_SA_RESTORER 0x04000000

/* The host thread blocks what the guest blocks, and also the signals
 * recorded but not yet delivered: a second instance of a real-time signal
 * then waits in the host kernel instead of overwriting the first one's
 * siginfo. */
static void set_host_mask(struct thread *t)
{
    uint64_t mask = (t->blocked | atomic_load(&t->pending)) & ~host_reserved &
                    ~unblockable;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &mask, NULL, 8);
}

/* The kick timer: SIGBUS to this thread, recognised by its value. */
#define KICK_COOKIE 0x6b69636b

/* Async-signal-safe, as it runs in host_handler. */
static void arm_kick(struct thread *t)
{
    if (!t->kick_created) {
        struct sigevent ev;
        memset(&ev, 0, sizeof ev);
        ev.sigev_notify = SIGEV_THREAD_ID;
        ev.sigev_signo = SIGBUS;
        ev.sigev_value.sival_int = KICK_COOKIE;
        ev._sigev_un._tid = t->tid;
        if (syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &t->kick_timer))
            return;
        t->kick_created = true;
    }
    struct itimerspec its = {{0, 1000000}, {0, 200000}};
    if (syscall(SYS_timer_settime, t->kick_timer, 0, &its, NULL) == 0)
        t->kick_armed = true;
}

static void disarm_kick(struct thread *t)
{
    struct itimerspec off;
    memset(&off, 0, sizeof off);
    syscall(SYS_timer_settime, t->kick_timer, 0, &off, NULL);
    t->kick_armed = false;
}

/* Records a host signal for the guest; async-signal-safe. The signal stays
 * blocked on return, so further instances queue in the host kernel until the
 * run loop has delivered this one and restores the guest's mask. */
static void host_handler(int sig, siginfo_t *info, void *ucv)
{
    struct thread *t = current_thread;
    if (!t)
        return;
    memcpy(t->pending_info[sig], info, GUEST_SIGINFO_SIZE);
    t->pending_seq[sig] = ++t->arrivals;
    atomic_fetch_or(&t->pending, SIGBIT(sig));
    atomic_store(&t->hart.interrupt, 1);
    jit_interrupt_context(ucv);
    ucontext_t *uc = ucv;
    sigaddset(&uc->uc_sigmask, sig);
    if (t->in_syscall && !t->kick_armed)
        arm_kick(t);
}

void signal_kick(struct hart *h)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_signo = SIGBUS;
    info.si_code = SI_QUEUE;
    info.si_pid = getpid();
    info.si_uid = getuid();
    info.si_value.sival_int = KICK_COOKIE;
    syscall(SYS_rt_tgsigqueueinfo, getpid(), thread_of(h)->tid, SIGBUS, &info);
}

void signal_host_async(int sig, siginfo_t *info, void *ucontext)
{
    struct thread *t = current_thread;
    if (sig == SIGBUS && info->si_code == SI_TIMER &&
        info->si_value.sival_int == KICK_COOKIE && t && t->kick_created &&
        info->si_timerid == t->kick_timer) {
        t->kicked = true;
        return; /* it has interrupted the system call: done */
    }
    if (sig == SIGBUS && info->si_code == SI_QUEUE &&
        info->si_value.sival_int == KICK_COOKIE && info->si_pid == getpid() &&
        t) { /* signal_kick: the sender has set interrupt */
        if (t->in_syscall)
            t->kicked = true;
        jit_interrupt_context(ucontext);
        return;
    }
    /* Async-signal context: read the disposition without the lock (a
     * word-sized load; a racing sigaction picks either value, as on Linux). */
    if (actions[sig].handler > G_SIG_IGN) {
        host_handler(sig, info, ucontext);
        return;
    }
    if (actions[sig].handler == G_SIG_IGN)
        return;
    run_die_of_signal(t ? &t->hart : NULL, sig);
}

static void install_host(int sig, uint64_t guest_handler)
{
    if (sig == SIGSEGV || sig == SIGBUS)
        return; /* hart's fault handler forwards asynchronous ones */
    struct host_kernel_sigaction ka = {0};
    ka.restorer = hart_host_restorer;
    ka.flags = HOST_SA_RESTORER;
    if (guest_handler == G_SIG_DFL) {
        ka.handler = SIG_DFL;
    } else if (guest_handler == G_SIG_IGN) {
        ka.handler = SIG_IGN;
    } else {
        ka.handler = (void *)host_handler;
        ka.flags |= SA_SIGINFO | SA_ONSTACK;
        ka.mask = ~0ull; /* the handler runs with everything blocked */
    }
    syscall(SYS_rt_sigaction, sig, &ka, NULL, 8);
}

/* The host glibc's pthread_create, used the first time (and again after a
 * fork), installs glibc's own handlers for signals 32 and 33 (SIGCANCEL,
 * SIGSETXID) before it starts the thread; the guest's libc uses the same
 * two, so the guest's dispositions are put back before the new thread
 * takes the guest's mask and can receive them. */
void signal_init(void)
{
    /* Dispositions survive execve only as "ignored" (handlers reset to the
     * default): a guest started by a parent that ignored a signal, or by a
     * guest exec through hart, sees that signal as SIG_IGN, as on Linux. */
    for (int sig = 1; sig <= GUEST_NSIG; sig++) {
        struct host_kernel_sigaction old;
        if (sig == SIGKILL || sig == SIGSTOP ||
            syscall(SYS_rt_sigaction, sig, NULL, &old, 8) < 0)
            continue;
        if (old.handler == SIG_IGN)
            actions[sig].handler = G_SIG_IGN;
    }
}

void signal_thread_start(struct hart *h)
{
    pthread_mutex_lock(&actions_lock);
    for (int sig = 32; sig <= 33; sig++)
        install_host(sig, actions[sig].handler);
    pthread_mutex_unlock(&actions_lock);
    set_host_mask(thread_of(h));
}

void signal_thread_exit(struct hart *h)
{
    struct thread *t = thread_of(h);
    /* From now on the host kernel sends process signals to other threads. */
    uint64_t all = ~0ull;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &all, NULL, 8);
    if (t->kick_created)
        syscall(SYS_timer_delete, t->kick_timer);
    t->kick_created = t->kick_armed = false;
    /* Those this thread took but did not deliver go back to the process;
     * the ones sent to this thread alone die with it, as on Linux. */
    uint64_t left = atomic_exchange(&t->pending, 0);
    for (; left; left &= left - 1) {
        int sig = __builtin_ctzll(left) + 1;
        int32_t code;
        memcpy(&code, t->pending_info[sig] + 8, 4);
        if (code != SI_TKILL)
            syscall(SYS_rt_sigqueueinfo, getpid(), sig, t->pending_info[sig]);
    }
}

bool signal_pending(struct hart *h)
{
    struct thread *t = thread_of(h);
    return (atomic_load(&t->pending) & ~t->blocked) != 0;
}

static bool on_altstack(const struct thread *t, uint64_t sp)
{
    return t->altstack.size && sp - t->altstack.sp < t->altstack.size;
}

/* The kernel's do_sigaltstack: 0 or -errno. cur_sp is the stack pointer
 * that decides whether the thread is running on the alternate stack. */
static int set_altstack(struct thread *t, uint64_t sp, int32_t flags,
                        uint64_t size, uint64_t cur_sp)
{
    if (on_altstack(t, cur_sp))
        return -EPERM;
    int32_t mode = flags & ~G_SS_AUTODISARM;
    if (mode != G_SS_DISABLE && mode != G_SS_ONSTACK && mode != 0)
        return -EINVAL;
    if (mode == G_SS_DISABLE) {
        sp = size = 0;
    } else if (size < G_MINSIGSTKSZ) {
        return -ENOMEM;
    }
    t->altstack.sp = sp;
    t->altstack.size = size;
    t->altstack.flags = flags & G_SS_AUTODISARM;
    return 0;
}

/* The stack_t the kernel reports (sigaltstack's old value, uc_stack). */
static void get_altstack(const struct thread *t, uint64_t cur_sp,
                         uint8_t out[24])
{
    int32_t flags = t->altstack.size == 0 ? G_SS_DISABLE
                  : on_altstack(t, cur_sp) ? G_SS_ONSTACK : 0;
    flags |= t->altstack.flags;
    memset(out, 0, 24);
    memcpy(out, &t->altstack.sp, 8);
    memcpy(out + 8, &flags, 4);
    memcpy(out + 16, &t->altstack.size, 8);
}

/* Default action of a signal the guest does not handle. */
static void default_action(struct hart *h, int sig)
{
    switch (sig) {
    case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
        return; /* ignored by default */
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        kill(getpid(), SIGSTOP);
        return;
    default:
        run_die_of_signal(h, sig);
    }
}

/* Builds the frame for sig and points the guest at its handler; false if
 * the frame cannot be written (the guest then dies of SIGSEGV). */
static bool setup_frame(struct thread *t, int sig,
                        const struct guest_sigaction *act, const uint8_t *info)
{
    struct hart *h = &t->hart;
    uint64_t sp = h->x[2];
    bool to_alt = (act->flags & G_SA_ONSTACK) && t->altstack.size &&
                  !on_altstack(t, sp);
    if (to_alt)
        sp = t->altstack.sp + t->altstack.size;
    sp = (sp - FRAME_SIZE) & ~(uint64_t)15;
    if (!space_range_ok(sp, FRAME_SIZE, PAGE_W))
        return false;

    uint8_t frame[FRAME_SIZE];
    memset(frame, 0, sizeof frame);
    memcpy(frame + FRAME_INFO, info, GUEST_SIGINFO_SIZE);
    uint8_t *uc = frame + FRAME_UC;
    get_altstack(t, h->x[2], uc + UC_STACK);
    uint64_t old_mask = t->has_saved_mask ? t->saved_mask : t->blocked;
    t->has_saved_mask = 0;
    memcpy(uc + UC_SIGMASK, &old_mask, 8);
    uint8_t *mc = uc + UC_MCONTEXT;
    memcpy(mc + MC_REGS, &h->pc, 8);
    memcpy(mc + MC_REGS + 8, &h->x[1], 31 * 8);
    memcpy(mc + MC_FPREGS, h->f, 32 * 8);
    uint32_t fcsr = h->frm << 5 | fpu_read_fflags(h);
    memcpy(mc + MC_FCSR, &fcsr, 4);
    memcpy(g2h(sp), frame, sizeof frame);
    if (to_alt && (t->altstack.flags & G_SS_AUTODISARM))
        t->altstack.sp = t->altstack.size = 0, t->altstack.flags = 0;

    h->x[1] = proc.sigreturn_trampoline;
    h->x[2] = sp;
    h->x[10] = (uint64_t)sig;
    h->x[11] = sp + FRAME_INFO;
    h->x[12] = sp + FRAME_UC;
    h->pc = act->handler;
    t->blocked |= act->mask;
    if (!(act->flags & G_SA_NODEFER))
        t->blocked |= SIGBIT(sig);
    t->blocked &= ~unblockable;
    return true;
}

static void deliver(struct thread *t, int sig, const uint8_t *info)
{
    pthread_mutex_lock(&actions_lock);
    struct guest_sigaction act = actions[sig];
    if (act.handler > G_SIG_IGN && (act.flags & G_SA_RESETHAND)) {
        actions[sig].handler = G_SIG_DFL;
        install_host(sig, G_SIG_DFL);
    }
    pthread_mutex_unlock(&actions_lock);
    if (act.handler == G_SIG_IGN)
        return;
    if (act.handler == G_SIG_DFL) {
        default_action(&t->hart, sig);
        return;
    }
    if (!setup_frame(t, sig, &act, info))
        run_die_of_signal(&t->hart, SIGSEGV);
}

/* The deliverable signal that arrived first, or 0. The host kernel hands
 * signals to hart's handler in the order Linux would deliver them (the
 * thread's own before the process's, lowest number first), so hart
 * builds the frames in order of arrival. */
static int next_signal(const struct thread *t)
{
    uint64_t ready = atomic_load(&t->pending) & ~t->blocked;
    int best = 0;
    for (; ready; ready &= ready - 1) {
        int sig = __builtin_ctzll(ready) + 1;
        if (!best || (int32_t)(t->pending_seq[sig] - t->pending_seq[best]) < 0)
            best = sig;
    }
    return best;
}

void signal_deliver_pending(struct hart *h)
{
    struct thread *t = thread_of(h);
    for (;;) {
        int sig = next_signal(t);
        if (!sig)
            break;
        uint8_t info[GUEST_SIGINFO_SIZE];
        memcpy(info, t->pending_info[sig], sizeof info);
        atomic_fetch_and(&t->pending, ~SIGBIT(sig));
        deliver(t, sig, info);
    }
    set_host_mask(t);
}

void signal_raise_sync(struct hart *h, int sig, int code, uint64_t addr)
{
    struct thread *t = thread_of(h);
    uint8_t info[GUEST_SIGINFO_SIZE] = {0};
    int32_t head[3] = {sig, 0, code};
    memcpy(info, head, sizeof head);
    memcpy(info + 16, &addr, 8); /* si_addr */
    pthread_mutex_lock(&actions_lock);
    uint64_t handler = actions[sig].handler;
    pthread_mutex_unlock(&actions_lock);
    /* Like force_sig: a blocked or ignored fault kills the process. hart
     * says where, as qemu-riscv64 does. */
    if (handler <= G_SIG_IGN || (t->blocked & SIGBIT(sig))) {
        fprintf(stderr, "hart: guest killed by SIG%s at pc 0x%llx",
                sigabbrev_np(sig), (unsigned long long)h->pc);
        if (sig == SIGSEGV || sig == SIGBUS)
            fprintf(stderr, " (address 0x%llx)", (unsigned long long)addr);
        fputc('\n', stderr);
        run_die_of_signal(h, sig);
    }
    deliver(t, sig, info);
    set_host_mask(t);
}

/* System calls that report EINTR even with SA_RESTART (Linux returns
 * ERESTARTNOHAND or ERESTART_RESTARTBLOCK for them). */
static bool restartable(int nr)
{
    switch (nr) {
    case 22:  /* epoll_pwait */
    case 72:  /* pselect6 */
    case 73:  /* ppoll */
    case 101: /* nanosleep */
    case 115: /* clock_nanosleep */
    case 133: /* rt_sigsuspend */
    case 137: /* rt_sigtimedwait */
    case 441: /* epoll_pwait2 */
    case 4:   /* io_getevents */
    case 188: /* msgrcv */
    case 189: /* msgsnd */
    case 192: /* semtimedop */
    case 193: /* semop */
    case 292: /* io_pgetevents */
        return false;
    default:
        return true;
    }
}

bool signal_enter_syscall(struct hart *h)
{
    struct thread *t = thread_of(h);
    t->in_syscall = 1;
    atomic_signal_fence(memory_order_seq_cst);
    if (!signal_pending(h)) {
        t->kicked = false;
        return true;
    }
    t->in_syscall = 0;
    return false;
}

void signal_after_syscall(struct hart *h, int nr, uint64_t orig_a0)
{
    struct thread *t = thread_of(h);
    t->in_syscall = 0;
    atomic_signal_fence(memory_order_seq_cst);
    if (t->kick_armed)
        disarm_kick(t);
    /* rt_sigreturn's "result" is the a0 it restored. */
    if ((int64_t)h->x[10] != -EINTR || nr == GUEST_NR_rt_sigreturn)
        return;
    int sig = next_signal(t);
    bool restart;
    if (!sig) {
        /* Only a kick (or hart's own handlers) interrupted the call. */
        restart = t->kicked;
    } else {
        pthread_mutex_lock(&actions_lock);
        restart = restartable(nr) && actions[sig].handler > G_SIG_IGN &&
                  (actions[sig].flags & G_SA_RESTART);
        pthread_mutex_unlock(&actions_lock);
    }
    if (restart) {
        h->x[10] = orig_a0;
        h->pc -= 4;
    }
}

static int read_sigset(uint64_t addr, uint64_t setsize, uint64_t *set)
{
    if (setsize != 8)
        return -EINVAL;
    if (!space_range_ok(addr, 8, PAGE_R))
        return -EFAULT;
    memcpy(set, g2h(addr), 8);
    return 0;
}

static int write_guest(uint64_t addr, const void *src, size_t len)
{
    if (!space_range_ok(addr, len, PAGE_W))
        return -EFAULT;
    memcpy(g2h(addr), src, len);
    return 0;
}

int64_t sys_rt_sigaction(struct hart *h, const uint64_t *a)
{
    int64_t sig = (int64_t)a[0];
    uint64_t act = a[1], oldact = a[2], setsize = a[3];
    if (setsize != 8)
        return -EINVAL;
    if (sig < 1 || sig > GUEST_NSIG)
        return -EINVAL;
    struct guest_sigaction new_act;
    if (act) {
        if (sig == SIGKILL || sig == SIGSTOP)
            return -EINVAL;
        if (!space_range_ok(act, sizeof new_act, PAGE_R))
            return -EFAULT;
        memcpy(&new_act, g2h(act), sizeof new_act);
    }
    if (oldact && !space_range_ok(oldact, sizeof new_act, PAGE_W))
        return -EFAULT;
    pthread_once(&atfork_once, register_atfork);
    pthread_mutex_lock(&actions_lock);
    if (oldact)
        memcpy(g2h(oldact), &actions[sig], sizeof new_act);
    if (act) {
        new_act.mask &= ~unblockable;
        actions[sig] = new_act;
        install_host((int)sig, new_act.handler);
    }
    pthread_mutex_unlock(&actions_lock);
    return 0;
}

int64_t sys_rt_sigprocmask(struct hart *h, const uint64_t *a)
{
    int64_t how = (int64_t)a[0];
    uint64_t set = a[1], oldset = a[2], setsize = a[3];
    struct thread *t = thread_of(h);
    if (setsize != 8)
        return -EINVAL;
    uint64_t old = t->blocked, s = 0;
    if (set) {
        int err = read_sigset(set, setsize, &s);
        if (err)
            return err;
        switch (how) {
        case SIG_BLOCK: t->blocked |= s; break;
        case SIG_UNBLOCK: t->blocked &= ~s; break;
        case SIG_SETMASK: t->blocked = s; break;
        default: return -EINVAL;
        }
        t->blocked &= ~unblockable;
    }
    if (oldset && write_guest(oldset, &old, 8)) {
        t->blocked = old;
        return -EFAULT;
    }
    set_host_mask(t);
    /* Unblocking may make a recorded signal deliverable. */
    if (signal_pending(h))
        atomic_store(&h->interrupt, 1);
    return 0;
}

int64_t sys_rt_sigpending(struct hart *h, const uint64_t *a)
{
    uint64_t set = a[0], setsize = a[1];
    struct thread *t = thread_of(h);
    if (setsize > 8)
        return -EINVAL;
    uint64_t host = 0;
    syscall(SYS_rt_sigpending, &host, 8);
    uint64_t pending = (host | atomic_load(&t->pending)) & t->blocked;
    return write_guest(set, &pending, setsize);
}

int64_t sys_rt_sigsuspend(struct hart *h, const uint64_t *a)
{
    uint64_t mask = a[0], setsize = a[1];
    struct thread *t = thread_of(h);
    uint64_t m;
    int err = read_sigset(mask, setsize, &m);
    if (err)
        return err;
    t->saved_mask = t->blocked;
    t->has_saved_mask = 1;
    t->blocked = m & ~unblockable;
    uint64_t host = t->blocked & ~host_reserved;
    /* Returns once a handled signal arrived; our handler recorded it. */
    while (!signal_pending(h))
        syscall(SYS_rt_sigsuspend, &host, 8);
    return -EINTR;
}

int64_t sys_rt_sigtimedwait(struct hart *h, const uint64_t *a)
{
    uint64_t set = a[0], info = a[1], timeout = a[2], setsize = a[3];
    uint64_t s;
    int err = read_sigset(set, setsize, &s);
    if (err)
        return err;
    struct timespec ts, *tsp = NULL;
    if (timeout) {
        int64_t g[2];
        if (!space_range_ok(timeout, sizeof g, PAGE_R))
            return -EFAULT;
        memcpy(g, g2h(timeout), sizeof g);
        ts.tv_sec = g[0];
        ts.tv_nsec = g[1];
        tsp = &ts;
    }
    if (info && !space_range_ok(info, GUEST_SIGINFO_SIZE, PAGE_W))
        return -EFAULT;
    /* One hart's handler took while it was unblocked (it became blocked
     * before delivery, by a handler's mask) is waiting here already. */
    struct thread *t = thread_of(h);
    uint64_t mine = atomic_load(&t->pending) & s & ~unblockable;
    if (mine) {
        int sig = __builtin_ctzll(mine) + 1;
        if (info)
            memcpy(g2h(info), t->pending_info[sig], GUEST_SIGINFO_SIZE);
        atomic_fetch_and(&t->pending, ~SIGBIT(sig));
        set_host_mask(t);
        return sig;
    }
    siginfo_t si;
    long r = syscall(SYS_rt_sigtimedwait, &s, &si, tsp, 8);
    if (r < 0)
        return -errno;
    if (info)
        memcpy(g2h(info), &si, GUEST_SIGINFO_SIZE);
    return r;
}

int64_t sys_sigaltstack(struct hart *h, const uint64_t *a)
{
    uint64_t ss = a[0], old_ss = a[1];
    struct thread *t = thread_of(h);
    uint8_t old[24];
    get_altstack(t, h->x[2], old);
    if (ss) {
        uint8_t g[24];
        if (!space_range_ok(ss, sizeof g, PAGE_R))
            return -EFAULT;
        memcpy(g, g2h(ss), sizeof g);
        uint64_t sp, size;
        int32_t f;
        memcpy(&sp, g, 8);
        memcpy(&f, g + 8, 4);
        memcpy(&size, g + 16, 8);
        int err = set_altstack(t, sp, f, size, h->x[2]);
        if (err)
            return err;
    }
    if (old_ss && write_guest(old_ss, old, sizeof old))
        return -EFAULT;
    return 0;
}

int64_t sys_rt_sigreturn(struct hart *h, const uint64_t *a)
{
    (void)a;
    struct thread *t = thread_of(h);
    uint64_t sp = h->x[2];
    if (!space_range_ok(sp, FRAME_SIZE, PAGE_R))
        run_die_of_signal(h, SIGSEGV);
    const uint8_t *uc = (const uint8_t *)g2h(sp) + FRAME_UC;
    const uint8_t *mc = uc + UC_MCONTEXT;
    memcpy(&h->pc, mc + MC_REGS, 8);
    memcpy(&h->x[1], mc + MC_REGS + 8, 31 * 8);
    memcpy(h->f, mc + MC_FPREGS, 32 * 8);
    uint32_t fcsr;
    memcpy(&fcsr, mc + MC_FCSR, 4);
    fpu_write_fflags(h, fcsr & 0x1f);
    fpu_write_frm(h, (fcsr >> 5) & 7);
    memcpy(&t->blocked, uc + UC_SIGMASK, 8);
    t->blocked &= ~unblockable;
    /* Like the kernel's restore_altstack: the stack the frame recorded
     * comes back, unless the thread is returning onto its current one;
     * errors are ignored. */
    uint64_t ss_sp, ss_size;
    int32_t ss_flags;
    memcpy(&ss_sp, uc + UC_STACK, 8);
    memcpy(&ss_flags, uc + UC_STACK + 8, 4);
    memcpy(&ss_size, uc + UC_STACK + 16, 8);
    set_altstack(t, ss_sp, ss_flags & ~G_SS_ONSTACK, ss_size, h->x[2]);
    set_host_mask(t);
    if (signal_pending(h))
        atomic_store(&h->interrupt, 1);
    /* The caller stores the result in a0: give it the restored a0. */
    return (int64_t)h->x[10];
}
