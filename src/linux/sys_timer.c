/* Timers that deliver signals: the interval timers (setitimer, getitimer)
 * and POSIX timers (timer_create and friends). They are the host's: the
 * host kernel sends the signal to hart's process or thread, which is the
 * guest's, and linux/signal.c delivers it like any other. Every structure
 * involved (itimerval, itimerspec, sigevent) has the same 64-bit layout on
 * riscv64 and x86-64, so guest memory goes to the host as it is, once it
 * is checked. */
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "linux/sys.h"

enum {
    ITIMERVAL_SIZE = 32,  /* two struct timeval of two 64-bit fields */
    ITIMERSPEC_SIZE = 32, /* two struct timespec */
    SIGEVENT_SIZE = 64,
};
_Static_assert(sizeof(struct itimerval) == ITIMERVAL_SIZE &&
                   sizeof(struct itimerspec) == ITIMERSPEC_SIZE &&
                   sizeof(struct sigevent) == SIGEVENT_SIZE,
               "timer structures are the guest's");

/* An optional guest pointer: NULL when addr is 0, else the host address or
 * *bad set to -EFAULT. */
static void *opt(uint64_t addr, uint64_t len, bool out, int64_t *bad)
{
    if (!addr)
        return NULL;
    void *p = out ? sys_out(addr, len) : sys_in(addr, len);
    if (!p)
        *bad = -EFAULT;
    return p;
}

int64_t sys_getitimer(struct hart *h, const uint64_t *a)
{
    void *out = sys_out(a[1], ITIMERVAL_SIZE);
    if (!out)
        return -EFAULT;
    return sys_ret(syscall(SYS_getitimer, (int)a[0], out));
}

int64_t sys_setitimer(struct hart *h, const uint64_t *a)
{
    int64_t bad = 0;
    void *in = opt(a[1], ITIMERVAL_SIZE, false, &bad);
    void *out = opt(a[2], ITIMERVAL_SIZE, true, &bad);
    if (bad)
        return bad;
    return sys_ret(syscall(SYS_setitimer, (int)a[0], in, out));
}

int64_t sys_timer_create(struct hart *h, const uint64_t *a)
{
    int64_t bad = 0;
    void *ev = opt(a[1], SIGEVENT_SIZE, false, &bad);
    void *id = sys_out(a[2], sizeof(int));
    if (bad || !id)
        return -EFAULT;
    return sys_ret(syscall(SYS_timer_create, (clockid_t)a[0], ev, id));
}

int64_t sys_timer_settime(struct hart *h, const uint64_t *a)
{
    int64_t bad = 0;
    void *in = sys_in(a[2], ITIMERSPEC_SIZE);
    void *out = opt(a[3], ITIMERSPEC_SIZE, true, &bad);
    if (bad || !in)
        return -EFAULT;
    return sys_ret(syscall(SYS_timer_settime, (int)a[0], (int)a[1], in, out));
}

int64_t sys_timer_gettime(struct hart *h, const uint64_t *a)
{
    void *out = sys_out(a[1], ITIMERSPEC_SIZE);
    if (!out)
        return -EFAULT;
    return sys_ret(syscall(SYS_timer_gettime, (int)a[0], out));
}

int64_t sys_timer_getoverrun(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_timer_getoverrun, (int)a[0]));
}

int64_t sys_timer_delete(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_timer_delete, (int)a[0]));
}
