/* Clocks and sleeping. Clock ids (including the negative per-process and
 * per-thread CPU clocks) mean the same to the host kernel, whose clocks
 * are the guest's: setting or adjusting one (a privileged guest's ntpd or
 * date -s) sets the host's, as a program run natively would. */
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>
#include "linux/sys.h"

_Static_assert(CLOCK_MONOTONIC == GUEST_CLOCK_MONOTONIC &&
                   TIMER_ABSTIME == GUEST_TIMER_ABSTIME,
               "clock ids pass through unchanged");

static int64_t put_timespec(uint64_t addr, const struct timespec *ts)
{
    void *out = sys_out(addr, sizeof(struct guest_timespec));
    if (!out)
        return -EFAULT;
    struct guest_timespec g = {ts->tv_sec, ts->tv_nsec};
    memcpy(out, &g, sizeof g);
    return 0;
}

static int get_timespec(uint64_t addr, struct timespec *ts)
{
    const void *in = sys_in(addr, sizeof(struct guest_timespec));
    if (!in)
        return -EFAULT;
    struct guest_timespec g;
    memcpy(&g, in, sizeof g);
    ts->tv_sec = g.tv_sec;
    ts->tv_nsec = g.tv_nsec;
    return 0;
}

int64_t sys_clock_gettime(struct hart *h, const uint64_t *a)
{
    struct timespec ts;
    if (clock_gettime((clockid_t)a[0], &ts) < 0)
        return -errno;
    return put_timespec(a[1], &ts);
}

int64_t sys_clock_getres(struct hart *h, const uint64_t *a)
{
    struct timespec ts;
    if (clock_getres((clockid_t)a[0], &ts) < 0)
        return -errno;
    return a[1] ? put_timespec(a[1], &ts) : 0;
}

int64_t sys_gettimeofday(struct hart *h, const uint64_t *a)
{
    struct timeval tv;
    struct timezone tz;
    if (syscall(SYS_gettimeofday, &tv, &tz) < 0)
        return -errno;
    void *ptv = NULL, *ptz = NULL;
    if ((a[0] && !(ptv = sys_out(a[0], sizeof(struct guest_timeval)))) ||
        (a[1] && !(ptz = sys_out(a[1], 8))))
        return -EFAULT;
    if (ptv) {
        struct guest_timeval g = {tv.tv_sec, tv.tv_usec};
        memcpy(ptv, &g, sizeof g);
    }
    if (ptz) {
        int32_t g[2] = {tz.tz_minuteswest, tz.tz_dsttime};
        memcpy(ptz, g, sizeof g);
    }
    return 0;
}

int64_t sys_clock_settime(struct hart *h, const uint64_t *a)
{
    struct timespec ts;
    int err = get_timespec(a[1], &ts);
    if (err)
        return err;
    return sys_ret(syscall(SYS_clock_settime, (clockid_t)a[0], &ts));
}

int64_t sys_settimeofday(struct hart *h, const uint64_t *a)
{
    struct timeval tv;
    struct timezone tz;
    if (a[0]) {
        const void *in = sys_in(a[0], sizeof(struct guest_timeval));
        if (!in)
            return -EFAULT;
        struct guest_timeval g;
        memcpy(&g, in, sizeof g);
        tv.tv_sec = g.tv_sec;
        tv.tv_usec = g.tv_usec;
    }
    if (a[1]) {
        const void *in = sys_in(a[1], 8);
        if (!in)
            return -EFAULT;
        int32_t g[2];
        memcpy(g, in, sizeof g);
        tz.tz_minuteswest = g[0];
        tz.tz_dsttime = g[1];
    }
    return sys_ret(syscall(SYS_settimeofday, a[0] ? &tv : NULL, a[1] ? &tz : NULL));
}

/* struct timex: longs and ints, laid out alike by both 64-bit ABIs. The
 * kernel writes it back after adjtimex whatever the result, after
 * clock_adjtime only on success. */
_Static_assert(sizeof(struct timex) == 208, "struct timex as on riscv64");

static int64_t adjust(uint64_t addr, bool is_adjtimex, clockid_t clock)
{
    void *guest = sys_out(addr, sizeof(struct timex));
    if (!guest || !sys_in(addr, sizeof(struct timex)))
        return -EFAULT;
    struct timex tx;
    memcpy(&tx, guest, sizeof tx);
    long r = is_adjtimex ? syscall(SYS_adjtimex, &tx)
                         : syscall(SYS_clock_adjtime, clock, &tx);
    int64_t result = sys_ret(r);
    if (is_adjtimex || result >= 0)
        memcpy(guest, &tx, sizeof tx);
    return result;
}

int64_t sys_adjtimex(struct hart *h, const uint64_t *a)
{
    return adjust(a[0], true, 0);
}

int64_t sys_clock_adjtime(struct hart *h, const uint64_t *a)
{
    return adjust(a[1], false, (clockid_t)a[0]);
}

/* Both sleeps write the remaining time only when interrupted, and only
 * for relative sleeps (clock_nanosleep with TIMER_ABSTIME has none). */
static int64_t sleep_common(long nr, clockid_t clk, int flags, uint64_t req,
                            uint64_t rem)
{
    struct timespec in, left = {0, 0};
    int err = get_timespec(req, &in);
    if (err)
        return err;
    long r = nr == SYS_nanosleep
                 ? syscall(SYS_nanosleep, &in, &left)
                 : syscall(SYS_clock_nanosleep, clk, flags, &in, &left);
    if (r < 0) {
        int64_t e = -errno;
        if (e == -EINTR && rem && !(flags & TIMER_ABSTIME) &&
            put_timespec(rem, &left))
            return -EFAULT;
        return e;
    }
    return 0;
}

int64_t sys_nanosleep(struct hart *h, const uint64_t *a)
{
    return sleep_common(SYS_nanosleep, CLOCK_MONOTONIC, 0, a[0], a[1]);
}

int64_t sys_clock_nanosleep(struct hart *h, const uint64_t *a)
{
    return sleep_common(SYS_clock_nanosleep, (clockid_t)a[0], (int)a[1], a[2],
                        a[3]);
}
