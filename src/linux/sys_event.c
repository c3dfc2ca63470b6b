/* Descriptors that stand for events: eventfd, timerfd, signalfd, inotify,
 * and what is done with pidfds (pidfd_getfd, pidfd_send_signal). All are host descriptors, read by the guest with plain read;
 * what they return (a u64 counter, signalfd_siginfo, inotify_event) has
 * the same layout on both sides, so only the calls that create and set
 * them need hart: itimerspec is copied field by field, inotify's path goes
 * through the sysroot like any other.
 *
 * signalfd: the mask is the guest's set, as 64 bits. A signal the guest
 * blocks is blocked on its host thread too (linux/signal.c), so it stays
 * pending in the host kernel, which is where the host signalfd reads it
 * from, with the siginfo the sender gave. */
#include <signal.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>
#include "linux/sys.h"
#include "linux/thread.h"

_Static_assert(EFD_CLOEXEC == GUEST_O_CLOEXEC && EFD_NONBLOCK == GUEST_O_NONBLOCK &&
                   EFD_SEMAPHORE == 1 && SFD_CLOEXEC == GUEST_O_CLOEXEC &&
                   SFD_NONBLOCK == GUEST_O_NONBLOCK &&
                   TFD_CLOEXEC == GUEST_O_CLOEXEC &&
                   TFD_NONBLOCK == GUEST_O_NONBLOCK && TFD_TIMER_ABSTIME == 1 &&
                   IN_CLOEXEC == GUEST_O_CLOEXEC && IN_NONBLOCK == GUEST_O_NONBLOCK,
               "event descriptor flags pass through unchanged");
_Static_assert(sizeof(struct signalfd_siginfo) == 128 &&
                   sizeof(struct inotify_event) == 16,
               "what the descriptors return has the guest's layout");

int64_t sys_eventfd2(struct hart *h, const uint64_t *a)
{
    return sys_ret(eventfd((unsigned)a[0], (int)a[1]));
}

int64_t sys_signalfd4(struct hart *h, const uint64_t *a)
{
    if (a[2] != 8)
        return -EINVAL;
    const void *in = sys_in(a[1], 8);
    if (!in)
        return -EFAULT;
    uint64_t mask;
    memcpy(&mask, in, 8);
    return sys_ret(syscall(SYS_signalfd4, (int)a[0], &mask, 8, (int)a[3]));
}

/* itimerspec, both ways (also for the POSIX timers, sys_timer.c). */
int sys_get_itimerspec(uint64_t addr, struct itimerspec *its)
{
    const void *in = sys_in(addr, sizeof(struct guest_itimerspec));
    if (!in)
        return -EFAULT;
    struct guest_itimerspec g;
    memcpy(&g, in, sizeof g);
    its->it_interval = (struct timespec){g.it_interval.tv_sec,
                                         g.it_interval.tv_nsec};
    its->it_value = (struct timespec){g.it_value.tv_sec, g.it_value.tv_nsec};
    return 0;
}

int sys_put_itimerspec(uint64_t addr, const struct itimerspec *its)
{
    void *out = sys_out(addr, sizeof(struct guest_itimerspec));
    if (!out)
        return -EFAULT;
    struct guest_itimerspec g = {
        {its->it_interval.tv_sec, its->it_interval.tv_nsec},
        {its->it_value.tv_sec, its->it_value.tv_nsec}};
    memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_timerfd_create(struct hart *h, const uint64_t *a)
{
    return sys_ret(timerfd_create((int)a[0], (int)a[1]));
}

int64_t sys_timerfd_settime(struct hart *h, const uint64_t *a)
{
    struct itimerspec nv, old;
    int err = sys_get_itimerspec(a[2], &nv);
    if (err)
        return err;
    if (timerfd_settime((int)a[0], (int)a[1], &nv, &old) < 0)
        return -errno;
    return a[3] ? sys_put_itimerspec(a[3], &old) : 0;
}

int64_t sys_timerfd_gettime(struct hart *h, const uint64_t *a)
{
    struct itimerspec cur;
    if (timerfd_gettime((int)a[0], &cur) < 0)
        return -errno;
    return sys_put_itimerspec(a[1], &cur);
}

int64_t sys_inotify_init1(struct hart *h, const uint64_t *a)
{
    return sys_ret(inotify_init1((int)a[0]));
}

int64_t sys_inotify_add_watch(struct hart *h, const uint64_t *a)
{
    char path[GUEST_PATH_MAX];
    int err = sys_get_path(a[1], path, sizeof path);
    if (err)
        return err;
    return sys_ret(inotify_add_watch((int)a[0], path, (uint32_t)a[2]));
}

int64_t sys_inotify_rm_watch(struct hart *h, const uint64_t *a)
{
    return sys_ret(inotify_rm_watch((int)a[0], (int)a[1]));
}

/* Process descriptors (pidfd_open is sys_wait.c's): guest pids are host
 * pids. */
int64_t sys_pidfd_getfd(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_pidfd_getfd, (int)a[0], (int)a[1],
                           (unsigned)a[2]));
}

int64_t sys_pidfd_send_signal(struct hart *h, const uint64_t *a)
{
    siginfo_t si, *p = NULL;
    if (a[2]) {
        const void *in = sys_in(a[2], GUEST_SIGINFO_SIZE);
        if (!in)
            return -EFAULT;
        memcpy(&si, in, sizeof si);
        p = &si;
    }
    return sys_ret(syscall(SYS_pidfd_send_signal, (int)a[0], (int)a[1], p,
                           (unsigned)a[3]));
}
