/* kill, tkill and tgkill: straight to the host, since guest pids and tids
 * are hart's own. A guest that signals itself with a fatal default action
 * thereby kills hart with that signal. Dispositions, masks and delivery are
 * linux/signal.c's. */
#include <signal.h>
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

/* sigqueue and pthread_sigqueue: the guest's siginfo is the host's
 * (asm-generic on both sides), so it goes through as it is; the host
 * kernel checks that a foreign sender does not forge a kernel si_code. */
int64_t sys_rt_sigqueueinfo(struct hart *h, const uint64_t *a)
{
    const void *info = sys_in(a[2], 128);
    if (!info)
        return -EFAULT;
    return sys_ret(syscall(SYS_rt_sigqueueinfo, (pid_t)a[0], (int)a[1], info));
}

int64_t sys_rt_tgsigqueueinfo(struct hart *h, const uint64_t *a)
{
    const void *info = sys_in(a[3], 128);
    if (!info)
        return -EFAULT;
    return sys_ret(syscall(SYS_rt_tgsigqueueinfo, (pid_t)a[0], (pid_t)a[1],
                           (int)a[2], info));
}
