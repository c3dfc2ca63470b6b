/* Event descriptors: eventfd (counter and semaphore modes), timerfd with a
 * short timer and an interval (settime's old value, gettime), signalfd
 * receiving a blocked SIGUSR1 sent with sigqueue (signo, code, pid, uid,
 * the value), inotify on a temporary directory (create, write, rename,
 * delete, with the names), and memfd (write, seals, mmap). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static void eventfds(void)
{
    int e = eventfd(5, 0);
    uint64_t v = 0;
    result("eventfd read", read(e, &v, 8));
    printf("value %llu\n", (unsigned long long)v);
    v = 3;
    write(e, &v, 8);
    v = 4;
    write(e, &v, 8);
    read(e, &v, 8);
    printf("summed %llu\n", (unsigned long long)v);
    result("short read", read(e, &v, 4));
    v = UINT64_MAX;
    result("write max", write(e, &v, 8));
    close(e);

    e = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    for (int i = 0; i < 3; i++) {
        v = 0;
        long r = read(e, &v, 8);
        if (r < 0)
            printf("semaphore read: -1 %s\n", strerror(errno));
        else
            printf("semaphore read: %llu\n", (unsigned long long)v);
    }
    close(e);
    result("eventfd bad flags", eventfd(0, 0x4000000));
}

static void timerfds(void)
{
    int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    /* armed for 10 s and read back (time enough for any machine load),
     * then replaced by a 20 ms one, which fires */
    struct itimerspec its = {{0, 0}, {10, 0}}, old;
    memset(&old, 0x55, sizeof old);
    result("timerfd_settime", timerfd_settime(t, 0, &its, &old));
    printf("old: %ld.%09ld %ld.%09ld\n", (long)old.it_interval.tv_sec,
           old.it_interval.tv_nsec, (long)old.it_value.tv_sec,
           old.it_value.tv_nsec);
    struct itimerspec cur;
    timerfd_gettime(t, &cur);
    printf("armed: interval 0 %d, value in (9 s, 10 s] %d\n",
           cur.it_interval.tv_sec == 0 && cur.it_interval.tv_nsec == 0,
           cur.it_value.tv_sec == 9 ||
               (cur.it_value.tv_sec == 10 && cur.it_value.tv_nsec == 0));
    its.it_value = (struct timespec){0, 20000000};
    timerfd_settime(t, 0, &its, &old);
    printf("old value then: %d\n", old.it_value.tv_sec == 9 ||
                                        old.it_value.tv_sec == 10);
    uint64_t n = 0;
    result("read (blocks until it fires)", read(t, &n, 8));
    printf("expirations %llu\n", (unsigned long long)n);
    timerfd_gettime(t, &cur);
    printf("disarmed: %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);

    /* an interval, then the old value when it is replaced */
    its = (struct itimerspec){{0, 5000000}, {0, 5000000}};
    timerfd_settime(t, 0, &its, NULL);
    struct pollfd p = {t, POLLIN, 0};
    poll(&p, 1, 5000);
    usleep(20000);
    read(t, &n, 8);
    printf("interval expirations >= 2: %d\n", n >= 2);
    its = (struct itimerspec){{0, 0}, {0, 0}};
    timerfd_settime(t, 0, &its, &old);
    printf("old interval %ld.%09ld\n", (long)old.it_interval.tv_sec,
           old.it_interval.tv_nsec);
    /* absolute time in the past: fires at once */
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    its = (struct itimerspec){{0, 0}, {now.tv_sec - 1, 0}};
    result("absolute", timerfd_settime(t, TFD_TIMER_ABSTIME, &its, NULL));
    result("read absolute", read(t, &n, 8));
    its.it_value.tv_nsec = 2000000000;
    result("bad nsec", timerfd_settime(t, 0, &its, NULL));
    result("bad pointer", timerfd_settime(t, 0, (void *)8, NULL));
    close(t);
    result("timerfd bad clock", timerfd_create(12345, 0));
}

static void signalfds(void)
{
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    sigaddset(&m, SIGUSR2);
    sigprocmask(SIG_BLOCK, &m, NULL);
    int s = signalfd(-1, &m, SFD_NONBLOCK);
    struct signalfd_siginfo si;
    result("signalfd read, nothing", read(s, &si, sizeof si));
    union sigval val = {.sival_int = 4242};
    sigqueue(getpid(), SIGUSR1, val);
    raise(SIGUSR2);
    /* the thread's own (raise) comes before the process's (sigqueue) */
    for (int i = 0; i < 2; i++) {
        memset(&si, 0, sizeof si);
        result("signalfd read", read(s, &si, sizeof si));
        printf("signo %u code %d pid ok %d uid ok %d int %d\n", si.ssi_signo,
               si.ssi_code, si.ssi_pid == (uint32_t)getpid(),
               si.ssi_uid == getuid(), si.ssi_int);
    }
    /* the mask can change: SIGUSR2 only */
    sigset_t only2;
    sigemptyset(&only2);
    sigaddset(&only2, SIGUSR2);
    result("signalfd update", signalfd(s, &only2, 0) == s);
    raise(SIGUSR1);
    result("SIGUSR1 is no longer read", read(s, &si, sizeof si));
    sigset_t pend;
    sigpending(&pend);
    printf("SIGUSR1 pending: %d\n", sigismember(&pend, SIGUSR1));
    signalfd(s, &m, 0);
    read(s, &si, sizeof si);
    printf("then read: %u\n", si.ssi_signo);
    close(s);
    result("signalfd bad flags", signalfd(-1, &m, 0x10));
    result("signalfd not one", signalfd(0, &m, 0));
    sigprocmask(SIG_UNBLOCK, &m, NULL);
}

static void inotify(void)
{
    mkdir("watched", 0755);
    int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    int wd = inotify_add_watch(in, "watched", IN_CREATE | IN_MODIFY | IN_DELETE |
                                                   IN_MOVED_FROM | IN_MOVED_TO |
                                                   IN_CLOSE_WRITE);
    result("watch descriptor", wd);
    char buf[4096] __attribute__((aligned(8)));
    result("nothing yet", read(in, buf, sizeof buf));
    int fd = open("watched/a", O_CREAT | O_WRONLY, 0644);
    write(fd, "x", 1);
    close(fd);
    rename("watched/a", "watched/b");
    unlink("watched/b");
    long n = read(in, buf, sizeof buf);
    uint32_t cookie = 0;
    for (char *p = buf; p < buf + n;) {
        struct inotify_event *e = (struct inotify_event *)p;
        int paired = e->cookie && (cookie == 0 || cookie == e->cookie);
        if (e->cookie)
            cookie = e->cookie;
        printf("  wd ok %d mask %#x cookie %s len %u name %s\n", e->wd == wd,
               e->mask, e->cookie ? (paired ? "paired" : "other") : "0", e->len,
               e->len ? e->name : "");
        p += sizeof *e + e->len;
    }
    result("rm_watch", inotify_rm_watch(in, wd));
    n = read(in, buf, sizeof buf);
    printf("after rm: %ld, IN_IGNORED %d\n", n,
           n > 0 && (((struct inotify_event *)buf)->mask & IN_IGNORED) != 0);
    result("rm_watch again", inotify_rm_watch(in, wd));
    result("watch missing", inotify_add_watch(in, "missing", IN_CREATE));
    close(in);
    rmdir("watched");
}

static void memfds(void)
{
    int m = memfd_create("hart-test", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    result("memfd write", write(m, "memory file", 11));
    struct stat st;
    fstat(m, &st);
    printf("size %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    result("seal grow", fcntl(m, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK));
    result("seals", fcntl(m, F_GET_SEALS));
    result("write past end", pwrite(m, "x", 1, 11));
    result("write within", pwrite(m, "M", 1, 0));
    char *p = mmap(NULL, 11, PROT_READ, MAP_SHARED, m, 0);
    printf("mapped: %.11s\n", p);
    munmap(p, 11);
    close(m);
    result("memfd bad flags", memfd_create("x", 0x100));
}

int main(void)
{
    eventfds();
    timerfds();
    signalfds();
    inotify();
    memfds();
    return 0;
}
