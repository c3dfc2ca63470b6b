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
