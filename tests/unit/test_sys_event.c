/* epoll and the event descriptors through the dispatcher: epoll_event in
 * the guest's 16-byte layout both ways (x86-64's is 12 bytes), the wait's
 * limits and signal-mask size, itimerspec for timerfd, the guest's mask
 * for signalfd and what it reads, inotify's path and events, eventfd. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "linux/syscall.h"
#include "sys_testlib.h"
#include "test.h"

static void put_event(uint64_t at, uint32_t events, uint64_t data)
{
    struct guest_epoll_event e = {events, 0x5a5a5a5a, data};
    memcpy(g2h(at), &e, sizeof e);
}

TEST(sys_event_epoll_layout)
{
    uint64_t m = stl_area();
    int64_t ep = SYS1(GUEST_NR_epoll_create1, EPOLL_CLOEXEC);
    CHECK(ep >= 0);
    int p[2], q[2];
    CHECK_EQ(pipe(p), 0);
    CHECK_EQ(pipe(q), 0);
    put_event(m, EPOLLIN, 0x1122334455667788ull);
    CHECK_EQ(SYS4(GUEST_NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], m), 0);
    put_event(m, EPOLLIN, 0x99aabbccddeeff00ull);
    CHECK_EQ(SYS4(GUEST_NR_epoll_ctl, ep, EPOLL_CTL_ADD, q[0], m), 0);
    /* the host sees the guest's data word */
    struct epoll_event hev;
    CHECK_EQ(write(p[1], "x", 1), 1);
    CHECK_EQ(epoll_wait((int)ep, &hev, 1, 0), 1);
    CHECK_EQ(hev.data.u64, 0x1122334455667788ull);

    /* and the guest gets 16-byte events, data at offset 8 */
    memset(g2h(m + 0x100), 0xaa, 64);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, ep, m + 0x100, 3, 0, 0, 8), 1);
    struct guest_epoll_event ge;
    memcpy(&ge, g2h(m + 0x100), sizeof ge);
    CHECK_EQ(ge.events, EPOLLIN);
    CHECK_EQ(ge.pad, 0);
    CHECK_EQ(ge.data, 0x1122334455667788ull);
    CHECK_EQ(*(uint8_t *)g2h(m + 0x110), 0xaa); /* one event written */
    CHECK_EQ(write(q[1], "y", 1), 1);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, ep, m + 0x100, 3, 0, 0, 8), 2);
    struct guest_epoll_event two[2];
    memcpy(two, g2h(m + 0x100), sizeof two);
    CHECK(two[0].data == 0x99aabbccddeeff00ull ||
          two[1].data == 0x99aabbccddeeff00ull);
    CHECK(two[0].data == 0x1122334455667788ull ||
          two[1].data == 0x1122334455667788ull);

    /* MOD changes the word, DEL takes no event */
    put_event(m, EPOLLIN, 42);
    CHECK_EQ(SYS4(GUEST_NR_epoll_ctl, ep, EPOLL_CTL_MOD, q[0], m), 0);
    CHECK_EQ(SYS4(GUEST_NR_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], 0), 0);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, ep, m + 0x100, 3, 0, 0, 8), 1);
    memcpy(&ge, g2h(m + 0x100), sizeof ge);
    CHECK_EQ(ge.data, 42);

    /* epoll_pwait2 with a timespec, none ready */
    char c;
    CHECK_EQ(read(q[0], &c, 1), 1);
    struct guest_timespec ts = {0, 1000000};
    memcpy(g2h(m + 0x80), &ts, sizeof ts);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait2, ep, m + 0x100, 3, m + 0x80, 0, 8), 0);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait2, ep, m + 0x100, 3, stl_unmapped_page(),
                  0, 8), -EFAULT);

    /* limits and pointers */
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, ep, m + 0x100, 0, 0, 0, 8), -EINVAL);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, ep, m + 0x100, -1, 0, 0, 8), -EINVAL);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, ep, stl_readonly_page(), 1, 0, 0, 8),
             -EFAULT);
    /* the array must fit as a whole: 2 events from 16 bytes before the end */
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, ep, stl_readonly_page() - 16, 2, 0, 0,
                  8), -EFAULT);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, ep, m + 0x100, 1, 0, m, 4), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_epoll_ctl, ep, EPOLL_CTL_ADD, p[0],
                  stl_unmapped_page()), -EFAULT);
    CHECK_EQ(SYS6(GUEST_NR_epoll_pwait, p[0], m + 0x100, 1, 0, 0, 8), -EINVAL);
    close(p[0]);
    close(p[1]);
    close(q[0]);
    close(q[1]);
    close((int)ep);
}

TEST(sys_event_eventfd_timerfd)
{
    uint64_t m = stl_area();
    int64_t e = SYS2(GUEST_NR_eventfd2, 7, 0);
    CHECK(e >= 0);
    CHECK_EQ(SYS3(GUEST_NR_read, e, m, 8), 8);
    CHECK_EQ(*(uint64_t *)g2h(m), 7);
    close((int)e);

    int64_t t = SYS2(GUEST_NR_timerfd_create, CLOCK_MONOTONIC, 0);
    CHECK(t >= 0);
    struct guest_itimerspec its = {{1, 250}, {5, 0}}, old;
    memcpy(g2h(m), &its, sizeof its);
    memset(g2h(m + 0x40), 0xaa, sizeof old);
    CHECK_EQ(SYS4(GUEST_NR_timerfd_settime, t, 0, m, m + 0x40), 0);
    memcpy(&old, g2h(m + 0x40), sizeof old);
    CHECK_EQ(old.it_value.tv_sec, 0);
    CHECK_EQ(old.it_interval.tv_nsec, 0);
    CHECK_EQ(SYS2(GUEST_NR_timerfd_gettime, t, m + 0x80), 0);
    struct guest_itimerspec cur;
    memcpy(&cur, g2h(m + 0x80), sizeof cur);
    CHECK_EQ(cur.it_interval.tv_sec, 1);
    CHECK_EQ(cur.it_interval.tv_nsec, 250);
    CHECK(cur.it_value.tv_sec == 4 || cur.it_value.tv_sec == 5);
    CHECK(cur.it_value.tv_nsec >= 0 && cur.it_value.tv_nsec < 1000000000);
    /* replaced: the old value is the one just set */
    memset(g2h(m), 0, sizeof its);
    CHECK_EQ(SYS4(GUEST_NR_timerfd_settime, t, 0, m, m + 0x40), 0);
    memcpy(&old, g2h(m + 0x40), sizeof old);
    CHECK_EQ(old.it_interval.tv_sec, 1);
    CHECK_EQ(old.it_interval.tv_nsec, 250);
    CHECK_EQ(SYS4(GUEST_NR_timerfd_settime, t, 0, stl_unmapped_page(), 0),
             -EFAULT);
    CHECK_EQ(SYS2(GUEST_NR_timerfd_gettime, t, stl_readonly_page()), -EFAULT);
    close((int)t);
}

TEST(sys_event_signalfd)
{
    uint64_t m = stl_area();
    sigset_t usr2, old;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    sigprocmask(SIG_BLOCK, &usr2, &old);
    uint64_t mask = 1ull << (SIGUSR2 - 1);
    memcpy(g2h(m), &mask, 8);
    CHECK_EQ(SYS4(GUEST_NR_signalfd4, -1, m, 4, 0), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_signalfd4, -1, stl_unmapped_page(), 8, 0), -EFAULT);
    int64_t s = SYS4(GUEST_NR_signalfd4, -1, m, 8, SFD_NONBLOCK);
    CHECK(s >= 0);
    CHECK_EQ(SYS3(GUEST_NR_read, s, m + 0x100, 128), -EAGAIN);
    raise(SIGUSR2);
    CHECK_EQ(SYS3(GUEST_NR_read, s, m + 0x100, 128), 128);
    struct signalfd_siginfo si;
    memcpy(&si, g2h(m + 0x100), sizeof si);
    CHECK_EQ(si.ssi_signo, SIGUSR2);
    CHECK_EQ(si.ssi_pid, (uint32_t)getpid());
    sigset_t pending;
    sigpending(&pending);
    CHECK(!sigismember(&pending, SIGUSR2)); /* the read took it */
    close((int)s);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

TEST(sys_event_inotify)
{
    uint64_t m = stl_area();
    const char *dir = stl_tmpdir();
    int64_t in = SYS1(GUEST_NR_inotify_init1, IN_NONBLOCK);
    CHECK(in >= 0);
    stl_put_str(m, dir);
    int64_t wd = SYS3(GUEST_NR_inotify_add_watch, in, m, IN_CREATE);
    CHECK(wd >= 1);
    stl_put_str(m, "/nonexistent-hart-dir");
    CHECK_EQ(SYS3(GUEST_NR_inotify_add_watch, in, m, IN_CREATE), -ENOENT);
    CHECK_EQ(SYS3(GUEST_NR_inotify_add_watch, in, stl_unmapped_page(),
                  IN_CREATE), -EFAULT);
    char path[128];
    snprintf(path, sizeof path, "%s/new", dir);
    close(open(path, O_CREAT | O_WRONLY, 0600));
    int64_t n = SYS3(GUEST_NR_read, in, m + 0x100, 512);
    CHECK(n >= 16);
    struct inotify_event ev;
    memcpy(&ev, g2h(m + 0x100), sizeof ev);
    CHECK_EQ(ev.wd, wd);
    CHECK(ev.mask & IN_CREATE);
    CHECK(!strcmp((char *)g2h(m + 0x100 + sizeof ev), "new"));
    CHECK_EQ(SYS2(GUEST_NR_inotify_rm_watch, in, wd), 0);
    CHECK_EQ(SYS2(GUEST_NR_inotify_rm_watch, in, wd), -EINVAL);
    close((int)in);
    stl_rmtree(dir);
}
