/* epoll with several descriptors: two pipes, an eventfd and a socketpair,
 * each registered with a 64-bit data word whose two halves differ (the
 * riscv64 epoll_event puts data at offset 8, x86-64's at 4: a wrong
 * conversion shows in the words printed), level- and edge-triggered
 * reporting, EPOLLONESHOT and re-arming with MOD, DEL, maxevents smaller
 * than the ready count, the errors of each call, and epoll_pwait letting a
 * blocked signal in through its mask. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static int cmp(const void *a, const void *b)
{
    const struct epoll_event *x = a, *y = b;
    return x->data.u64 < y->data.u64 ? -1 : x->data.u64 > y->data.u64;
}

/* Waits without blocking and prints the events in data order. */
static void show(int ep, int max, const char *what)
{
    struct epoll_event ev[16];
    memset(ev, 0xa5, sizeof ev);
    int n = epoll_wait(ep, ev, max, 0);
    printf("%s: %d\n", what, n);
    if (n > 0)
        qsort(ev, n, sizeof ev[0], cmp);
    for (int i = 0; i < n; i++)
        printf("  data %#llx events %#x\n", (unsigned long long)ev[i].data.u64,
               ev[i].events);
}

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
    got_usr1 = 1;
}

int main(void)
{
    printf("sizeof(struct epoll_event) %zu\n", sizeof(struct epoll_event));
    int ep = epoll_create1(EPOLL_CLOEXEC);
    result("epoll_create1", ep >= 0);
    int p1[2], p2[2], sv[2];
    pipe(p1);
    pipe(p2);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int efd = eventfd(0, EFD_NONBLOCK);

    struct epoll_event e = {.events = EPOLLIN, .data.u64 = 0x1111111122222222ull};
    result("add pipe1", epoll_ctl(ep, EPOLL_CTL_ADD, p1[0], &e));
    e = (struct epoll_event){.events = EPOLLIN | EPOLLET,
                             .data.u64 = 0x3333333344444444ull};
    result("add pipe2 edge", epoll_ctl(ep, EPOLL_CTL_ADD, p2[0], &e));
    e = (struct epoll_event){.events = EPOLLIN, .data.u64 = 0x5555555566666666ull};
    result("add eventfd", epoll_ctl(ep, EPOLL_CTL_ADD, efd, &e));
    e = (struct epoll_event){.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP,
                             .data.u64 = 0x7777777788888888ull};
    result("add socket", epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &e));
    result("add again", epoll_ctl(ep, EPOLL_CTL_ADD, p1[0], &e));
    result("add bad fd", epoll_ctl(ep, EPOLL_CTL_ADD, 999, &e));
    result("add itself", epoll_ctl(ep, EPOLL_CTL_ADD, ep, &e));
    result("mod unknown", epoll_ctl(ep, EPOLL_CTL_MOD, p1[1], &e));
    result("bad op", epoll_ctl(ep, 99, p1[0], &e));
    result("bad event pointer", epoll_ctl(ep, EPOLL_CTL_ADD, p1[1], (void *)8));

    show(ep, 16, "only the socket is writable");
    write(p1[1], "a", 1);
    write(p2[1], "b", 1);
    uint64_t one = 1;
    write(efd, &one, 8);
    show(ep, 16, "all four");
    show(ep, 16, "level-triggered ones again (pipe2 is edge)");
    show(ep, 2, "maxevents 2");
    write(p2[1], "c", 1);
    show(ep, 16, "pipe2 again after a new write");

    /* ONESHOT, then re-armed with MOD */
    e = (struct epoll_event){.events = EPOLLIN | EPOLLONESHOT,
                             .data.u64 = 0x9999999900000001ull};
    result("mod pipe1 oneshot", epoll_ctl(ep, EPOLL_CTL_MOD, p1[0], &e));
    result("del eventfd", epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL));
    result("del socket", epoll_ctl(ep, EPOLL_CTL_DEL, sv[0], NULL));
    result("del again", epoll_ctl(ep, EPOLL_CTL_DEL, sv[0], NULL));
    show(ep, 16, "oneshot fires once");
    show(ep, 16, "then is disarmed");
    result("rearm", epoll_ctl(ep, EPOLL_CTL_MOD, p1[0], &e));
    show(ep, 16, "rearmed");

    /* a peer that goes away */
    e = (struct epoll_event){.events = EPOLLIN | EPOLLRDHUP,
                             .data.u64 = 0xabcdef0123456789ull};
    epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &e);
    close(sv[1]);
    char buf[8];
    read(p1[0], buf, sizeof buf);
    read(p2[0], buf, sizeof buf);
    show(ep, 16, "hang-up");

    struct epoll_event ev[4];
    result("maxevents 0", epoll_wait(ep, ev, 0, 0));
    struct epoll_event *volatile bad = (void *)8;
    result("bad buffer", epoll_wait(ep, bad, 4, 0));
    result("not an epoll fd", epoll_wait(p1[0], ev, 4, 0));
    result("timeout", epoll_wait(ep, ev, 4, 30) - 1 /* the hang-up */);

    /* epoll_pwait: SIGUSR1 blocked and pending; the wait's mask lets it in */
    epoll_ctl(ep, EPOLL_CTL_DEL, sv[0], NULL);
    signal(SIGUSR1, on_usr1);
    sigset_t block, none;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &block, NULL);
    raise(SIGUSR1);
    printf("handled before the wait: %d\n", got_usr1);
    result("epoll_pwait", epoll_pwait(ep, ev, 4, 5000, &none));
    printf("handled: %d\n", got_usr1);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("still blocked after: %d\n", sigismember(&cur, SIGUSR1));
    result("epoll_create1 bad flags", epoll_create1(1));
    return 0;
}
