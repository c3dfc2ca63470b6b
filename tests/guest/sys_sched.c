/* Scheduling, accounting and credentials: sched_getaffinity (and setting
 * the same set back), the scheduler, its parameters and priority range,
 * sched_setattr/getattr, rr interval, yield; nice values through
 * getpriority/setpriority; getrusage and times after some work; umask;
 * the set*id calls, which glibc applies to every thread by signalling
 * each (SIGSETXID) to make the per-thread kernel call: a second thread's
 * credentials must follow the main thread's; prctl names and the
 * clear_child_tid address. Prints only what is the same from run to run. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/fsuid.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

struct sched_attr_ {
    uint32_t size, policy;
    uint64_t flags;
    int32_t nice;
    uint32_t priority;
    uint64_t runtime, deadline, period;
};

static void sched(void)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    result("sched_getaffinity", sched_getaffinity(0, sizeof set, &set));
    printf("cpus > 0: %d\n", CPU_COUNT(&set) > 0);
    long raw = syscall(SYS_sched_getaffinity, 0, sizeof set, &set);
    printf("raw size is a multiple of 8: %d\n", raw > 0 && raw % 8 == 0);
    result("sched_setaffinity same", sched_setaffinity(0, sizeof set, &set));
    cpu_set_t empty;
    CPU_ZERO(&empty);
    result("sched_setaffinity empty", sched_setaffinity(0, sizeof empty, &empty));
    result("sched_getaffinity tiny", syscall(SYS_sched_getaffinity, 0, 1, &set));
    result("sched_getscheduler", sched_getscheduler(0));
    struct sched_param p = {-1};
    result("sched_getparam", sched_getparam(0, &p));
    printf("priority %d\n", p.sched_priority);
    result("max FIFO", sched_get_priority_max(SCHED_FIFO));
    result("min FIFO", sched_get_priority_min(SCHED_FIFO));
    result("max OTHER", sched_get_priority_max(SCHED_OTHER));
    result("bad policy", sched_get_priority_max(1234));
    p.sched_priority = 0;
    result("sched_setscheduler OTHER", sched_setscheduler(0, SCHED_OTHER, &p));
    result("sched_setparam", sched_setparam(0, &p));
    p.sched_priority = 5;
    result("sched_setparam bad", sched_setparam(0, &p));
    struct timespec ts = {-1, -1};
    result("sched_rr_get_interval", sched_rr_get_interval(0, &ts));
    printf("interval sane: %d\n", ts.tv_sec >= 0 && ts.tv_nsec >= 0);
    result("sched_yield", sched_yield());
    struct sched_attr_ at;
    memset(&at, 0xff, sizeof at);
    result("sched_getattr", syscall(SYS_sched_getattr, 0, &at, sizeof at, 0));
    printf("attr size %u policy %u nice %d\n", at.size, at.policy, at.nice);
    at.nice = 3;
    result("sched_setattr", syscall(SYS_sched_setattr, 0, &at, 0));
    result("nice now", getpriority(PRIO_PROCESS, 0));
    result("sched_getattr small", syscall(SYS_sched_getattr, 0, &at, 8, 0));
}

static void accounting(void)
{
    errno = 0;
    result("getpriority", getpriority(PRIO_PROCESS, 0));
    result("setpriority", setpriority(PRIO_PROCESS, 0, 5));
    result("getpriority after", getpriority(PRIO_PROCESS, 0));
    /* the raw call answers 20 - nice */
    result("raw getpriority", syscall(SYS_getpriority, PRIO_PROCESS, 0));
    volatile double x = 1;
    for (int i = 0; i < 20000000; i++)
        x = x * 1.0000001 + 1e-9;
    struct rusage ru;
    result("getrusage", getrusage(RUSAGE_SELF, &ru));
    printf("user time > 0: %d maxrss > 0: %d\n",
           ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0, ru.ru_maxrss > 0);
    result("getrusage bad who", getrusage(1234, &ru));
    struct tms t;
    clock_t c = times(&t);
    printf("times: ticks %d, utime >= 0 %d\n", c != (clock_t)-1, t.tms_utime >= 0);
    printf("umask old %03o\n", umask(027));
    printf("umask now %03o\n", umask(022));
    mode_t m = umask(0);
    umask(m);
    printf("umask restored %03o\n", m);
}

static pthread_barrier_t bar;

static void *creds_thread(void *arg)
{
    pthread_barrier_wait(&bar); /* main changes its ids */
    pthread_barrier_wait(&bar);
    uid_t r, e, s;
    syscall(SYS_getresuid, &r, &e, &s);
    gid_t gr, ge, gs;
    syscall(SYS_getresgid, &gr, &ge, &gs);
    printf("thread: uid %u %u %u gid %u %u %u\n", r, e, s, gr, ge, gs);
    return NULL;
}

static void credentials(void)
{
    uid_t uid = getuid();
    result("setuid same", setuid(uid));
    result("setresuid keep", setresuid(-1, -1, -1));
    result("setresgid keep", setresgid(-1, -1, -1));
    result("setreuid keep", setreuid(-1, -1));
    result("setgid same", setgid(getgid()));
    if (uid != 0) {
        result("setuid 0 (not root)", setuid(0));
        return;
    }
    /* as root: change the ids; glibc makes every thread follow */
    gid_t g = 4321;
    result("setgroups", setgroups(1, &g));
    gid_t back[4];
    result("getgroups", getgroups(4, back));
    printf("group %u\n", back[0]);
    result("setfsuid returns the old", setfsuid(0));
    pthread_barrier_init(&bar, NULL, 2);
    pthread_t t;
    pthread_create(&t, NULL, creds_thread, NULL);
    pthread_barrier_wait(&bar);
    result("setresgid", setresgid(1234, 1234, 0));
    result("setresuid", setresuid(1234, 1234, 0));
    pthread_barrier_wait(&bar);
    pthread_join(t, NULL);
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    printf("main: uid %u %u %u\n", r, e, s);
    result("setuid 0 with saved 0", setresuid(0, 0, 0));
    printf("back to root: %d\n", geteuid() == 0);
    result("setgroups too many", setgroups(100000, &g));
}

static void prctls(void)
{
    result("PR_SET_NAME", prctl(PR_SET_NAME, "a-long-thread-name-cut"));
    char name[16];
    result("PR_GET_NAME", prctl(PR_GET_NAME, name));
    printf("name %s\n", name);
    result("PR_GET_DUMPABLE", prctl(PR_GET_DUMPABLE));
    result("PR_SET_PDEATHSIG", prctl(PR_SET_PDEATHSIG, 9));
    int sig = 0;
    prctl(PR_GET_PDEATHSIG, &sig);
    printf("pdeathsig %d\n", sig);
    prctl(PR_SET_PDEATHSIG, 0);
    result("PR_GET_NO_NEW_PRIVS", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    result("PR_GET_KEEPCAPS", prctl(PR_GET_KEEPCAPS));
    result("PR_CAPBSET_READ", prctl(PR_CAPBSET_READ, 0) >= 0);
    result("PR_GET_TIMERSLACK", prctl(PR_GET_TIMERSLACK) > 0);
    result("unknown option", prctl(12345));
}

int main(void)
{
    sched();
    accounting();
    prctls();
    credentials();
    return 0;
}
