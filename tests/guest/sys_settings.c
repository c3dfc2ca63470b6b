/* Settings of the system and the process. Clocks are set and adjusted
 * without changing any: each call either fails before the kernel would
 * change something (a clock that cannot be set, a time out of range, a bad
 * pointer, a tick out of range) or only reads (adjtimex with no modes), so
 * the output is the same as root and as anyone else. I/O priorities, which
 * a process may lower. Host and domain names, never set (each call has a
 * bad length or pointer). The execution domain (personality), which a child
 * inherits (across execve: tests/procs/persona.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#define BAD_POINTER ((void *)8)

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%s: %ld\n", what, r);
}

int main(void)
{
    struct timespec ts = {1000000000, 0};
    show("clock_settime monotonic", syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts));
    struct timespec bad_ns = {1000000000, 2000000000};
    show("clock_settime nsec out of range",
         syscall(SYS_clock_settime, CLOCK_REALTIME, &bad_ns));
    show("clock_settime bad pointer",
         syscall(SYS_clock_settime, CLOCK_REALTIME, BAD_POINTER));

    struct timeval bad_us = {1000000000, 2000000};
    show("settimeofday usec out of range", syscall(SYS_settimeofday, &bad_us, NULL));
    show("settimeofday bad pointer", syscall(SYS_settimeofday, BAD_POINTER, NULL));

    struct timex tx;
    memset(&tx, 0, sizeof tx);
    long state = syscall(SYS_adjtimex, &tx);
    printf("adjtimex read: %s, tick plausible: %d, modes kept: %d\n",
           state >= 0 ? "ok" : strerrorname_np(errno),
           tx.tick >= 9000 && tx.tick <= 11000, tx.modes == 0);
    memset(&tx, 0, sizeof tx);
    tx.modes = ADJ_TICK;
    tx.tick = 1;
    show("adjtimex tick out of range", syscall(SYS_adjtimex, &tx));
    show("adjtimex bad pointer", syscall(SYS_adjtimex, BAD_POINTER));
    memset(&tx, 0, sizeof tx);
    state = syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
    printf("clock_adjtime read: %s, tick plausible: %d\n",
           state >= 0 ? "ok" : strerrorname_np(errno), tx.tick >= 9000 && tx.tick <= 11000);
    memset(&tx, 0, sizeof tx);
    show("clock_adjtime monotonic", syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, &tx));

    /* IOPRIO_WHO_PROCESS 1; class 2 (best effort) in bits 13 and up */
    show("ioprio_set best effort 7", syscall(SYS_ioprio_set, 1, 0, 2 << 13 | 7));
    show("ioprio_get", syscall(SYS_ioprio_get, 1, 0));
    show("ioprio_set bad class", syscall(SYS_ioprio_set, 1, 0, 7 << 13));
    show("ioprio_get bad who", syscall(SYS_ioprio_get, 99, 0));

    /* Never a valid name: a name too long, or one that cannot be read
     * (EPERM instead of both, unprivileged). */
    show("sethostname too long", syscall(SYS_sethostname, "x", 100));
    show("sethostname bad pointer", syscall(SYS_sethostname, BAD_POINTER, 5));
    show("setdomainname too long", syscall(SYS_setdomainname, "x", 65));
    show("setdomainname negative", syscall(SYS_setdomainname, "x", -1));

    show("personality", syscall(SYS_personality, 0xffffffff));
    show("personality set", syscall(SYS_personality, PER_LINUX | ADDR_NO_RANDOMIZE | UNAME26));
    show("personality", syscall(SYS_personality, 0xffffffff));
    show("personality set", syscall(SYS_personality, PER_LINUX | ADDR_NO_RANDOMIZE | READ_IMPLIES_EXEC));
    show("personality", syscall(SYS_personality, 0xffffffff));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        show("personality in the child", syscall(SYS_personality, 0xffffffff));
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    show("personality reset", syscall(SYS_personality, PER_LINUX));
    show("personality", syscall(SYS_personality, 0xffffffff));
    return 0;
}
