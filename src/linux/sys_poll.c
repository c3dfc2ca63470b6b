/* Waiting on several descriptors: pselect6 and ppoll. fd_sets are plain
 * bit arrays of 64-bit words, the same on both sides, so the guest's are
 * handed to the host as they are; pollfd arrays are copied. The timeout is
 * updated with the time left, as Linux does.
 *
 * The optional signal mask replaces the thread's for the wait, atomically,
 * which is why programs use these calls (wait for input or SIGCHLD without
 * a race). The guest's mask mirrors the host thread's (linux/signal.c), so
 * the host call gets the same mask minus the signals hart keeps for
 * itself. When a signal came in, the wait's mask stays in force until the
 * handler's frame is built and the original comes back with sigreturn,
 * as rt_sigsuspend does (saved_mask); otherwise it is restored at once. */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/signal.h"
#include "linux/sys.h"
#include "linux/thread.h"

#define SYS_MAX_POLL_FDS (1 << 20)
#define BIT(sig) (1ull << ((sig) - 1))
/* As linux/signal.c: never blocked on the host (faults are hart's), and
 * never blocked at all. */
#define HOST_RESERVED (BIT(SIGSEGV) | BIT(SIGBUS))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))

/* Reads the guest's mask for the wait (sigsetsize must be 8) and puts it in
 * force for the guest; w->host is what the host call gets. */
int sys_wait_mask_begin(struct hart *h, uint64_t addr, uint64_t size,
                        struct sys_wait_mask *w)
{
    w->on = false;
    if (!addr)
        return 0;
    if (size != 8)
        return -EINVAL;
    const void *in = sys_in(addr, 8);
    if (!in)
        return -EFAULT;
    uint64_t m;
    memcpy(&m, in, 8);
    struct thread *t = thread_of(h);
    w->old = t->blocked;
    t->blocked = m & ~UNBLOCKABLE;
    w->host = t->blocked & ~HOST_RESERVED;
    w->on = true;
    return 0;
}

void sys_wait_mask_end(struct hart *h, const struct sys_wait_mask *w)
{
    if (!w->on)
        return;
    struct thread *t = thread_of(h);
    if (signal_pending(h)) {
        t->saved_mask = w->old;
        t->has_saved_mask = 1;
    } else {
        t->blocked = w->old;
    }
}

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
    uint64_t mask_addr = 0, mask_size = 0;
    if (a[5]) {
        const void *in = sys_in(a[5], sizeof(struct guest_sigset_arg));
        if (!in)
            return -EFAULT;
        struct guest_sigset_arg sa;
        memcpy(&sa, in, sizeof sa);
        mask_addr = sa.ss;
        mask_size = sa.ss_len;
    }
    struct sys_wait_mask w;
    int err = sys_wait_mask_begin(h, mask_addr, mask_size, &w);
    if (err)
        return err;
    struct {
        const uint64_t *ss;
        size_t len;
    } host_mask = {&w.host, 8};
    int64_t r = sys_ret(syscall(SYS_pselect6, nfds, sets[0], sets[1], sets[2],
                                tp, w.on ? &host_mask : NULL));
    sys_wait_mask_end(h, &w);
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
    if (a[3] && a[4] != 8)
        return -EINVAL;
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
    struct sys_wait_mask w;
    int64_t r = sys_wait_mask_begin(h, a[3], a[4], &w);
    if (r == 0)
        r = sys_ret(syscall(SYS_ppoll, fds, (nfds_t)nfds, tp,
                            w.on ? &w.host : NULL, 8));
    sys_wait_mask_end(h, &w);
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
