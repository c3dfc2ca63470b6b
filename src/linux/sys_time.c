/* Clocks and sleeping. Clock ids (including the negative per-process and
 * per-thread CPU clocks) mean the same to the host kernel, whose clocks
 * are the guest's. */
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
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
