/* Interval timers (getitimer, setitimer) and POSIX timers (timer_create
 * and the calls on a timer id). The timers are the host kernel's: they
 * signal hart's process or one of its threads, which are the guest's, and
 * linux/signal.c hands the signal on with the siginfo the kernel built
 * (si_timerid, si_overrun, and si_value, which is the guest's sigev_value
 * word, untouched).
 *
 * sigevent has the same layout on both sides; it is still copied field by
 * field (value, signo, notify, and the thread id of SIGEV_THREAD_ID, a
 * guest tid and so a host tid). The notify kinds reach the host unchanged
 * and the host kernel checks them: the guest's libc implements
 * SIGEV_THREAD itself, with SIGEV_THREAD_ID to a helper thread, and the
 * raw SIGEV_THREAD means SIGEV_SIGNAL to the kernel. The timer id the
 * kernel writes is an int, whatever size the guest's timer_t has.
 *
 * ITIMER_VIRTUAL and ITIMER_PROF count the CPU time of hart's process,
 * which is the guest's plus hart's own overhead. */
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "linux/sys.h"

_Static_assert(SIGEV_SIGNAL == GUEST_SIGEV_SIGNAL && SIGEV_NONE == GUEST_SIGEV_NONE &&
                   SIGEV_THREAD == GUEST_SIGEV_THREAD &&
                   SIGEV_THREAD_ID == GUEST_SIGEV_THREAD_ID,
               "sigevent kinds pass through unchanged");
_Static_assert(sizeof(struct sigevent) == sizeof(struct guest_sigevent) &&
                   offsetof(struct sigevent, _sigev_un._tid) ==
                       offsetof(struct guest_sigevent, tid),
               "the kernel's sigevent is glibc's on the host");
_Static_assert(ITIMER_REAL == 0 && ITIMER_VIRTUAL == 1 && ITIMER_PROF == 2,
               "interval timers pass through unchanged");

static int64_t put_itimerval(uint64_t addr, const struct itimerval *v)
{
    void *out = sys_out(addr, sizeof(struct guest_itimerval));
    if (!out)
        return -EFAULT;
    struct guest_itimerval g = {
        {v->it_interval.tv_sec, v->it_interval.tv_usec},
        {v->it_value.tv_sec, v->it_value.tv_usec}};
    memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_getitimer(struct hart *h, const uint64_t *a)
{
    struct itimerval v;
    if (syscall(SYS_getitimer, (int)a[0], &v) < 0)
        return -errno;
    return put_itimerval(a[1], &v);
}

/* A NULL new value disarms the timer (Linux accepts it, with a warning). */
int64_t sys_setitimer(struct hart *h, const uint64_t *a)
{
    struct itimerval nv, old, *np = NULL;
    if (a[1]) {
        const void *in = sys_in(a[1], sizeof(struct guest_itimerval));
        if (!in)
            return -EFAULT;
        struct guest_itimerval g;
        memcpy(&g, in, sizeof g);
        nv.it_interval = (struct timeval){g.it_interval.tv_sec,
                                          g.it_interval.tv_usec};
        nv.it_value = (struct timeval){g.it_value.tv_sec, g.it_value.tv_usec};
        np = &nv;
    }
    if (syscall(SYS_setitimer, (int)a[0], np, &old) < 0)
        return -errno;
    return a[2] ? put_itimerval(a[2], &old) : 0;
}

int64_t sys_timer_create(struct hart *h, const uint64_t *a)
{
    struct sigevent sev, *sp = NULL;
    if (a[1]) {
        const void *in = sys_in(a[1], sizeof(struct guest_sigevent));
        if (!in)
            return -EFAULT;
        struct guest_sigevent g;
        memcpy(&g, in, sizeof g);
        memset(&sev, 0, sizeof sev);
        sev.sigev_value.sival_ptr = (void *)(uintptr_t)g.value;
        sev.sigev_signo = g.signo;
        sev.sigev_notify = g.notify;
        sev._sigev_un._tid = g.tid;
        sp = &sev;
    }
    void *out = sys_out(a[2], sizeof(int32_t));
    if (!out)
        return -EFAULT;
    int id;
    if (syscall(SYS_timer_create, (clockid_t)a[0], sp, &id) < 0)
        return -errno;
    int32_t g = id;
    memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_timer_settime(struct hart *h, const uint64_t *a)
{
    struct itimerspec nv, old;
    int err = sys_get_itimerspec(a[2], &nv);
    if (err)
        return err;
    if (syscall(SYS_timer_settime, (int)a[0], (int)a[1], &nv, &old) < 0)
        return -errno;
    return a[3] ? sys_put_itimerspec(a[3], &old) : 0;
}

int64_t sys_timer_gettime(struct hart *h, const uint64_t *a)
{
    struct itimerspec cur;
    if (syscall(SYS_timer_gettime, (int)a[0], &cur) < 0)
        return -errno;
    return sys_put_itimerspec(a[1], &cur);
}

int64_t sys_timer_getoverrun(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_timer_getoverrun, (int)a[0]));
}

int64_t sys_timer_delete(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_timer_delete, (int)a[0]));
}
