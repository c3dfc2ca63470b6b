/* Interval and POSIX timers through the dispatcher: itimerval both ways,
 * the guest's sigevent reaching the host (the value word in the siginfo
 * the signal carries, SIGEV_THREAD_ID's tid), the 4-byte timer id, and
 * itimerspec for timer_settime/gettime. The signals stay blocked and are
 * collected with sigtimedwait, so no handler is involved. */
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "linux/syscall.h"
#include "sys_testlib.h"
#include "test.h"

TEST(sys_timer_itimer)
{
    uint64_t m = stl_area();
    struct guest_itimerval v = {{3, 500}, {100, 0}}, got;
    memcpy(g2h(m), &v, sizeof v);
    memset(g2h(m + 0x40), 0xaa, sizeof got);
    CHECK_EQ(SYS3(GUEST_NR_setitimer, ITIMER_REAL, m, m + 0x40), 0);
    memcpy(&got, g2h(m + 0x40), sizeof got);
    CHECK_EQ(got.it_value.tv_sec, 0);
    CHECK_EQ(got.it_interval.tv_usec, 0);
    CHECK_EQ(SYS2(GUEST_NR_getitimer, ITIMER_REAL, m + 0x80), 0);
    memcpy(&got, g2h(m + 0x80), sizeof got);
    CHECK_EQ(got.it_interval.tv_sec, 3);
    CHECK_EQ(got.it_interval.tv_usec, 500);
    CHECK(got.it_value.tv_sec == 99 || got.it_value.tv_sec == 100);
    CHECK(got.it_value.tv_usec >= 0 && got.it_value.tv_usec < 1000000);
    /* disarmed by a NULL value (Linux accepts it); the old one comes back */
    CHECK_EQ(SYS3(GUEST_NR_setitimer, ITIMER_REAL, 0, m + 0x40), 0);
    memcpy(&got, g2h(m + 0x40), sizeof got);
    CHECK_EQ(got.it_interval.tv_sec, 3);
    CHECK_EQ(SYS2(GUEST_NR_getitimer, ITIMER_REAL, m + 0x80), 0);
    memcpy(&got, g2h(m + 0x80), sizeof got);
    CHECK_EQ(got.it_value.tv_sec, 0);
    CHECK_EQ(got.it_value.tv_usec, 0);
    CHECK_EQ(SYS3(GUEST_NR_setitimer, ITIMER_REAL, stl_unmapped_page(), 0),
             -EFAULT);
    CHECK_EQ(SYS2(GUEST_NR_getitimer, ITIMER_REAL, stl_readonly_page()), -EFAULT);
    CHECK_EQ(SYS2(GUEST_NR_getitimer, 9, m), -EINVAL);
}

/* Creates a timer for the guest's sigevent at m, fires it after 1 ms and
 * returns the siginfo of the signal it sent (blocked, then waited for). */
static int fire(uint64_t m, int sig, siginfo_t *si)
{
    int64_t r = SYS3(GUEST_NR_timer_create, CLOCK_MONOTONIC, m, m + 0x100);
    CHECK_EQ(r, 0);
    if (r)
        return -1;
    int32_t id;
    memcpy(&id, g2h(m + 0x100), 4);
    CHECK_EQ(*(uint32_t *)g2h(m + 0x104), 0xaaaaaaaa); /* an int, no more */
    struct guest_itimerspec its = {{0, 0}, {0, 1000000}};
    memcpy(g2h(m + 0x200), &its, sizeof its);
    CHECK_EQ(SYS4(GUEST_NR_timer_settime, id, 0, m + 0x200, 0), 0);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    struct timespec wait = {5, 0};
    CHECK_EQ(sigtimedwait(&set, si, &wait), sig);
    CHECK_EQ(SYS1(GUEST_NR_timer_getoverrun, id), 0);
    CHECK_EQ(SYS1(GUEST_NR_timer_delete, id), 0);
    CHECK_EQ(SYS1(GUEST_NR_timer_delete, id), -EINVAL);
    return id;
}

TEST(sys_timer_posix)
{
    uint64_t m = stl_area();
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, &old);

    struct guest_sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.value = 0x123456789abcull;
    ev.signo = SIGUSR1;
    ev.notify = GUEST_SIGEV_SIGNAL;
    memcpy(g2h(m), &ev, sizeof ev);
    memset(g2h(m + 0x100), 0xaa, 8);
    siginfo_t si;
    int id = fire(m, SIGUSR1, &si);
    CHECK_EQ(si.si_code, SI_TIMER);
    CHECK_EQ((uint64_t)(uintptr_t)si.si_value.sival_ptr, 0x123456789abcull);
    CHECK_EQ(si.si_timerid, id);

    /* SIGEV_THREAD_ID: this thread's tid in the guest's field */
    ev.notify = GUEST_SIGEV_THREAD_ID;
    ev.signo = SIGUSR2;
    ev.tid = gettid();
    ev.value = 77;
    memcpy(g2h(m), &ev, sizeof ev);
    memset(g2h(m + 0x100), 0xaa, 8);
    fire(m, SIGUSR2, &si);
    CHECK_EQ(si.si_signo, SIGUSR2);
    CHECK_EQ(si.si_value.sival_int, 77);
    ev.tid = 1; /* not in this thread group */
    memcpy(g2h(m), &ev, sizeof ev);
    CHECK_EQ(SYS3(GUEST_NR_timer_create, CLOCK_MONOTONIC, m, m + 0x100),
             -EINVAL);

    /* SIGEV_NONE, read with timer_gettime */
    ev.notify = GUEST_SIGEV_NONE;
    memcpy(g2h(m), &ev, sizeof ev);
    CHECK_EQ(SYS3(GUEST_NR_timer_create, CLOCK_MONOTONIC, m, m + 0x100), 0);
    int32_t nid;
    memcpy(&nid, g2h(m + 0x100), 4);
    struct guest_itimerspec its = {{2, 5}, {30, 0}}, cur;
    memcpy(g2h(m + 0x200), &its, sizeof its);
    CHECK_EQ(SYS4(GUEST_NR_timer_settime, nid, 0, m + 0x200, m + 0x240), 0);
    CHECK_EQ(SYS2(GUEST_NR_timer_gettime, nid, m + 0x280), 0);
    memcpy(&cur, g2h(m + 0x280), sizeof cur);
    CHECK_EQ(cur.it_interval.tv_sec, 2);
    CHECK_EQ(cur.it_interval.tv_nsec, 5);
    CHECK(cur.it_value.tv_sec == 29 || cur.it_value.tv_sec == 30);
    CHECK_EQ(SYS2(GUEST_NR_timer_gettime, nid, stl_readonly_page()), -EFAULT);
    CHECK_EQ(SYS1(GUEST_NR_timer_delete, nid), 0);

    /* errors */
    CHECK_EQ(SYS3(GUEST_NR_timer_create, CLOCK_MONOTONIC, stl_unmapped_page(),
                  m + 0x100), -EFAULT);
    CHECK_EQ(SYS3(GUEST_NR_timer_create, CLOCK_MONOTONIC, 0,
                  stl_readonly_page()), -EFAULT);
    ev.notify = 99;
    memcpy(g2h(m), &ev, sizeof ev);
    CHECK_EQ(SYS3(GUEST_NR_timer_create, CLOCK_MONOTONIC, m, m + 0x100),
             -EINVAL);
    sigprocmask(SIG_SETMASK, &old, NULL);
}
