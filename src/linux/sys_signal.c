/* kill, tkill, tgkill, rt_sigqueueinfo and rt_tgsigqueueinfo: straight to
 * the host, since guest pids and tids are hart's own. A guest that signals
 * itself with a fatal default action thereby kills hart with that signal.
 * Dispositions, masks and delivery are linux/signal.c's. */
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys.h"

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

/* The siginfo is the guest's, 128 bytes with the same layout; Linux lets
 * a process forge only negative si_codes for others, which the host
 * kernel checks. */
static int get_siginfo(uint64_t addr, siginfo_t *si)
{
    const void *in = sys_in(addr, sizeof *si);
    if (!in)
        return -EFAULT;
    memcpy(si, in, sizeof *si);
    return 0;
}

int64_t sys_rt_sigqueueinfo(struct hart *h, const uint64_t *a)
{
    siginfo_t si;
    int err = get_siginfo(a[2], &si);
    return err ? err
               : sys_ret(syscall(SYS_rt_sigqueueinfo, (pid_t)a[0], (int)a[1],
                                 &si));
}

int64_t sys_rt_tgsigqueueinfo(struct hart *h, const uint64_t *a)
{
    siginfo_t si;
    int err = get_siginfo(a[3], &si);
    return err ? err
               : sys_ret(syscall(SYS_rt_tgsigqueueinfo, (pid_t)a[0],
                                 (pid_t)a[1], (int)a[2], &si));
}
