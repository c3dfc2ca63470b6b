/* epoll. The one structure, epoll_event, differs: x86-64 packs it (12
 * bytes, data at offset 4), riscv64 aligns its 64-bit data (16 bytes, data
 * at 8), so events are converted one by one in both directions; the data
 * word is the guest's and comes back untouched. Event bits and flags
 * (EPOLLIN... EPOLLET, EPOLL_CLOEXEC) are the same numbers.
 *
 * The waits take at most EPOLL_BATCH events from the host per call:
 * epoll leaves the events it did not report on its ready list, so a
 * smaller batch changes nothing the guest can observe, and hart's buffer
 * stays bounded whatever maxevents says. The optional signal mask is put
 * in force as ppoll's is (sys_wait_mask_begin). */
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "linux/sys.h"

#define EPOLL_BATCH 256
/* The kernel's limit for maxevents, from the guest's event size. */
#define EPOLL_MAX_EVENTS (INT32_MAX / (int)sizeof(struct guest_epoll_event))

_Static_assert(EPOLL_CTL_ADD == GUEST_EPOLL_CTL_ADD &&
                   EPOLL_CTL_DEL == GUEST_EPOLL_CTL_DEL &&
                   EPOLL_CTL_MOD == GUEST_EPOLL_CTL_MOD &&
                   EPOLL_CLOEXEC == GUEST_O_CLOEXEC,
               "epoll constants pass through unchanged");
_Static_assert(sizeof(struct epoll_event) == 12,
               "the host's epoll_event is packed: converted below");

int64_t sys_epoll_create1(struct hart *h, const uint64_t *a)
{
    return sys_ret(epoll_create1((int)a[0]));
}

int64_t sys_epoll_ctl(struct hart *h, const uint64_t *a)
{
    int op = (int)a[1];
    struct epoll_event ev = {0}, *p = NULL;
    /* DEL takes no event (Linux has ignored it since 2.6.9). */
    if (op != EPOLL_CTL_DEL) {
        const void *in = sys_in(a[3], sizeof(struct guest_epoll_event));
        if (!in)
            return -EFAULT;
        struct guest_epoll_event g;
        memcpy(&g, in, sizeof g);
        ev.events = g.events;
        ev.data.u64 = g.data;
        p = &ev;
    }
    return sys_ret(epoll_ctl((int)a[0], op, (int)a[2], p));
}

/* Shared by both waits: checks the guest's array, waits on the host with
 * the mask in force and converts what came back. timeout is epoll_pwait's
 * milliseconds, or ts for epoll_pwait2 (NULL: forever). */
static int64_t do_wait(struct hart *h, const uint64_t *a, int timeout_ms,
                       const struct timespec *ts, bool pwait2)
{
    int max = (int)a[2];
    if (max <= 0 || max > EPOLL_MAX_EVENTS)
        return -EINVAL;
    char *out = sys_out(a[1], (uint64_t)max * sizeof(struct guest_epoll_event));
    if (!out)
        return -EFAULT;
    struct sys_wait_mask w;
    int64_t r = sys_wait_mask_begin(h, a[4], a[5], &w);
    if (r)
        return r;
    struct epoll_event ev[EPOLL_BATCH];
    int n = max < EPOLL_BATCH ? max : EPOLL_BATCH;
    const uint64_t *mask = w.on ? &w.host : NULL;
    r = pwait2 ? syscall(SYS_epoll_pwait2, (int)a[0], ev, n, ts, mask, 8)
               : syscall(SYS_epoll_pwait, (int)a[0], ev, n, timeout_ms, mask, 8);
    r = sys_ret(r);
    sys_wait_mask_end(h, &w);
    for (int64_t i = 0; i < r; i++) {
        struct guest_epoll_event g = {ev[i].events, 0, ev[i].data.u64};
        memcpy(out + i * sizeof g, &g, sizeof g);
    }
    return r;
}

int64_t sys_epoll_pwait(struct hart *h, const uint64_t *a)
{
    return do_wait(h, a, (int)a[3], NULL, false);
}

int64_t sys_epoll_pwait2(struct hart *h, const uint64_t *a)
{
    struct timespec ts, *tp = NULL;
    if (a[3]) {
        const void *in = sys_in(a[3], sizeof(struct guest_timespec));
        if (!in)
            return -EFAULT;
        struct guest_timespec g;
        memcpy(&g, in, sizeof g);
        ts = (struct timespec){g.tv_sec, g.tv_nsec};
        tp = &ts;
    }
    return do_wait(h, a, 0, tp, true);
}
