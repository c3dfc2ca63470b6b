/* Calls qemu-riscv64 7.2 does not implement (docs/qemu-divergences.md,
 * qemu-missing-calls), checked against Linux: epoll_pwait2 (a timespec
 * timeout, none, and its signal mask letting a blocked signal in), and
 * prctl's PR_GET_TID_ADDRESS and PR_GET_AUXV. Raw system calls, so that
 * the same source runs on older C libraries. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NR_epoll_pwait2 441
#define PR_GET_AUXV_ 0x41555856

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
    got = 1;
}

int main(void)
{
    int ep = epoll_create1(0), p[2];
    pipe(p);
    struct epoll_event e = {.events = EPOLLIN, .data.u64 = 0xfeedface12345678ull};
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e);
    struct epoll_event out[4];
    struct timespec ts = {0, 20000000};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    result("epoll_pwait2 timeout", syscall(NR_epoll_pwait2, ep, out, 4, &ts,
                                           NULL, 8));
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("waited about 20 ms: %d\n", ms >= 19 && ms < 2000);
    write(p[1], "x", 1);
    memset(out, 0, sizeof out);
    result("epoll_pwait2 ready", syscall(NR_epoll_pwait2, ep, out, 4, NULL,
                                         NULL, 8));
    printf("data %#llx events %#x\n", (unsigned long long)out[0].data.u64,
           out[0].events);
    ts.tv_nsec = 2000000000;
    result("epoll_pwait2 bad timeout", syscall(NR_epoll_pwait2, ep, out, 4, &ts,
                                               NULL, 8));
    result("epoll_pwait2 bad pointer", syscall(NR_epoll_pwait2, ep, out, 4,
                                               (void *)8, NULL, 8));
    char c;
    read(p[0], &c, 1);
    signal(SIGUSR1, on_usr1);
    sigset_t block, none;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &block, NULL);
    raise(SIGUSR1);
    result("epoll_pwait2 with a mask", syscall(NR_epoll_pwait2, ep, out, 4,
                                               NULL, &none, 8));
    printf("handled: %d\n", got);

    static int32_t tid_word;
    long tid = syscall(SYS_set_tid_address, &tid_word);
    printf("set_tid_address gives the tid: %d\n", tid == syscall(SYS_gettid));
    uint64_t addr = 0;
    result("PR_GET_TID_ADDRESS", prctl(PR_GET_TID_ADDRESS, &addr, 0, 0, 0));
    printf("the address set: %d\n", addr == (uint64_t)(uintptr_t)&tid_word);

    unsigned long auxv[256];
    memset(auxv, 0xff, sizeof auxv);
    long size = prctl(PR_GET_AUXV_, auxv, sizeof auxv, 0, 0);
    int n = 0, pagesz = 0, entry = 0, end = 0;
    for (; n < 128; n++) {
        unsigned long type = auxv[2 * n], val = auxv[2 * n + 1];
        if (type == AT_NULL) {
            end = 1;
            break;
        }
        pagesz |= type == AT_PAGESZ && val == getauxval(AT_PAGESZ);
        entry |= type == AT_ENTRY && val == getauxval(AT_ENTRY);
    }
    printf("PR_GET_AUXV: size covers the vector %d, AT_NULL %d, AT_PAGESZ %d, "
           "AT_ENTRY %d\n",
           size >= (long)(n + 1) * 16, end, pagesz, entry);
    result("PR_GET_AUXV extra argument", prctl(PR_GET_AUXV_, auxv, 16, 1, 0));
    result("PR_GET_AUXV bad buffer", prctl(PR_GET_AUXV_, (void *)8, 16, 0, 0));
    return 0;
}
