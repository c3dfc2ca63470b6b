/* PARTIAL signal support, enough for abort() and for programs that ignore
 * signals; delivering signals to guest handlers is a later issue.
 *
 * What works: kill, tkill and tgkill go to the host (guest pids and tids
 * are hart's), so a guest that signals itself with a fatal default action
 * kills hart with that signal, which is what abort() and raise() need.
 * rt_sigaction records the guest's action and returns the previous one;
 * SIG_IGN and SIG_DFL are also applied to the host, so an ignored SIGPIPE
 * turns into EPIPE as the program expects. rt_sigprocmask keeps the
 * guest's mask per thread and returns it faithfully.
 *
 * What does not: a guest handler is recorded but never run: the host
 * keeps the default action for that signal. The guest's mask is not
 * applied to the host, so blocking does not delay anything. The signals
 * hart needs for itself (faults, traps) are never changed on the host. */
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys.h"

static struct guest_sigaction actions[GUEST_NSIG + 1];
static _Thread_local uint64_t guest_mask;

/* Signals the engine handles itself (guest faults), the two that cannot
 * be caught, and the two the host's libc keeps for its threads (32, 33:
 * cancellation and set*id broadcast). */
static bool hart_owns(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
           sig == SIGTRAP || sig == SIGKILL || sig == SIGSTOP || sig == 32 ||
           sig == 33;
}

static const uint64_t unblockable =
    (1ull << (GUEST_SIGKILL - 1)) | (1ull << (GUEST_SIGSTOP - 1));

int64_t sys_rt_sigaction(struct hart *h, const uint64_t *a)
{
    int sig = (int)a[0];
    if (a[3] != 8)
        return -EINVAL;
    if (sig < 1 || sig > GUEST_NSIG)
        return -EINVAL;
    struct guest_sigaction act;
    const void *in = NULL;
    void *out = NULL;
    if (a[1]) {
        if (sig == GUEST_SIGKILL || sig == GUEST_SIGSTOP)
            return -EINVAL;
        if (!(in = sys_in(a[1], sizeof act)))
            return -EFAULT;
    }
    if (a[2] && !(out = sys_out(a[2], sizeof act)))
        return -EFAULT;
    struct guest_sigaction old = actions[sig];
    if (in) {
        memcpy(&act, in, sizeof act);
        act.mask &= ~unblockable;
        if (!hart_owns(sig)) {
            struct sigaction host;
            memset(&host, 0, sizeof host);
            host.sa_handler = act.handler == GUEST_SIG_IGN ? SIG_IGN : SIG_DFL;
            if (sigaction(sig, &host, NULL) < 0)
                return -errno;
        }
        actions[sig] = act;
    }
    if (out)
        memcpy(out, &old, sizeof old);
    return 0;
}

int64_t sys_rt_sigprocmask(struct hart *h, const uint64_t *a)
{
    int how = (int)a[0];
    if (a[3] != 8)
        return -EINVAL;
    const void *in = NULL;
    void *out = NULL;
    if (a[1] && !(in = sys_in(a[1], 8)))
        return -EFAULT;
    if (a[2] && !(out = sys_out(a[2], 8)))
        return -EFAULT;
    uint64_t old = guest_mask;
    if (in) {
        uint64_t set;
        memcpy(&set, in, 8);
        switch (how) {
        case GUEST_SIG_BLOCK:
            guest_mask |= set;
            break;
        case GUEST_SIG_UNBLOCK:
            guest_mask &= ~set;
            break;
        case GUEST_SIG_SETMASK:
            guest_mask = set;
            break;
        default:
            return -EINVAL;
        }
        guest_mask &= ~unblockable;
    }
    if (out)
        memcpy(out, &old, 8);
    return 0;
}

int64_t sys_kill(struct hart *h, const uint64_t *a)
{
    return sys_ret(kill((pid_t)a[0], (int)a[1]));
}

int64_t sys_tkill(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_tkill, (pid_t)a[0], (int)a[1]));
}

int64_t sys_tgkill(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_tgkill, (pid_t)a[0], (pid_t)a[1], (int)a[2]));
}
