/* Waiting on several descriptors: pselect6 and ppoll. fd_sets are plain
 * bit arrays of 64-bit words, the same on both sides, so the guest's are
 * handed to the host as they are; pollfd arrays are copied. The timeout is
 * updated with the time left, as Linux does. The signal mask argument is
 * checked (its size must be 8, as Linux requires) but, like every guest
 * signal mask for now (see sys_signal.c), not applied to the host. */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys.h"

#define SYS_MAX_POLL_FDS (1 << 20)

static int get_timeout(uint64_t addr, struct timespec *ts, struct timespec **p)
{
    *p = NULL;
    if (!addr)
        return 0;
    const void *in = sys_in(addr, sizeof(struct guest_timespec));
    if (!in)
        return -EFAULT;
    struct guest_timespec g;
    memcpy(&g, in, sizeof g);
    ts->tv_sec = g.tv_sec;
    ts->tv_nsec = g.tv_nsec;
    *p = ts;
    return 0;
}

static void put_timeout(uint64_t addr, const struct timespec *ts)
{
    void *out = ts ? sys_out(addr, sizeof(struct guest_timespec)) : NULL;
    if (out) {
        struct guest_timespec g = {ts->tv_sec, ts->tv_nsec};
        memcpy(out, &g, sizeof g);
    }
}

int64_t sys_pselect6(struct hart *h, const uint64_t *a)
{
    int nfds = (int)a[0];
    if (nfds < 0 || nfds > SYS_MAX_POLL_FDS)
        return -EINVAL;
    uint64_t bytes = ((uint64_t)nfds + 63) / 64 * 8;
    void *sets[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++)
        if (a[1 + i] && !(sets[i] = sys_out(a[1 + i], bytes)))
            return -EFAULT;
    struct timespec ts, *tp;
    if (get_timeout(a[4], &ts, &tp))
        return -EFAULT;
    if (a[5]) {
        const void *in = sys_in(a[5], sizeof(struct guest_sigset_arg));
        if (!in)
            return -EFAULT;
        struct guest_sigset_arg sa;
        memcpy(&sa, in, sizeof sa);
        if (sa.ss && sa.ss_len != 8)
            return -EINVAL;
        if (sa.ss && !sys_in(sa.ss, 8))
            return -EFAULT;
    }
    int64_t r = sys_ret(syscall(SYS_pselect6, nfds, sets[0], sets[1], sets[2],
                                tp, NULL));
    put_timeout(a[4], tp);
    return r;
}

int64_t sys_ppoll(struct hart *h, const uint64_t *a)
{
    uint64_t nfds = (uint32_t)a[1];
    if (nfds > SYS_MAX_POLL_FDS)
        return -EINVAL;
    char *g = sys_out(a[0], nfds * sizeof(struct guest_pollfd));
    if (!g)
        return -EFAULT;
    struct timespec ts, *tp;
    if (get_timeout(a[2], &ts, &tp))
        return -EFAULT;
    if (a[3]) {
        if (a[4] != 8)
            return -EINVAL;
        if (!sys_in(a[3], 8))
            return -EFAULT;
    }
    struct pollfd small[64], *fds = small;
    if (nfds > 64 && !(fds = malloc(nfds * sizeof *fds)))
        return -ENOMEM;
    for (uint64_t i = 0; i < nfds; i++) {
        struct guest_pollfd p;
        memcpy(&p, g + i * sizeof p, sizeof p);
        fds[i] = (struct pollfd){.fd = p.fd, .events = p.events};
        /* hart's own descriptors look closed to the guest */
        if (sys_fd_reserved(p.fd))
            fds[i].fd = -1;
    }
    int64_t r = sys_ret(syscall(SYS_ppoll, fds, (nfds_t)nfds, tp, NULL, 8));
    for (uint64_t i = 0; r >= 0 && i < nfds; i++) {
        struct guest_pollfd p;
        memcpy(&p, g + i * sizeof p, sizeof p);
        p.revents = fds[i].revents;
        if (sys_fd_reserved(p.fd)) {
            p.revents = POLLNVAL;
            r++;
        }
        memcpy(g + i * sizeof p, &p, sizeof p);
    }
    if (fds != small)
        free(fds);
    put_timeout(a[2], tp);
    return r;
}
