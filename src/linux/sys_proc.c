/* Process and thread identity, limits, scheduling and exit. The guest is
 * hart's host process (pid, tid, uids and process groups are the host's),
 * so most calls pass through. Three resource limits are kept virtual,
 * because applying them to the host would constrain hart rather than the
 * guest: RLIMIT_AS (hart reserves 256 GiB of address space for the guest),
 * RLIMIT_DATA (hart's own heap and the guest's mappings would count) and
 * RLIMIT_STACK (hart's stack, not the guest's, would be limited). */
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <unistd.h>
#include "linux/sys.h"
#include "linux/thread.h"

_Static_assert(RLIMIT_AS == GUEST_RLIMIT_AS && RLIMIT_DATA == GUEST_RLIMIT_DATA &&
                   RLIMIT_STACK == GUEST_RLIMIT_STACK &&
                   RLIM_NLIMITS == GUEST_RLIM_NLIMITS,
               "RLIMIT_* pass through unchanged");

int64_t sys_getpid(struct hart *h, const uint64_t *a)
{
    return getpid();
}

int64_t sys_getppid(struct hart *h, const uint64_t *a)
{
    return getppid();
}

int64_t sys_gettid(struct hart *h, const uint64_t *a)
{
    return gettid();
}

int64_t sys_getuid(struct hart *h, const uint64_t *a)
{
    return getuid();
}

int64_t sys_geteuid(struct hart *h, const uint64_t *a)
{
    return geteuid();
}

int64_t sys_getgid(struct hart *h, const uint64_t *a)
{
    return getgid();
}

int64_t sys_getegid(struct hart *h, const uint64_t *a)
{
    return getegid();
}

static int64_t put_ids(const uint64_t *a, const uint32_t *ids)
{
    void *p[3];
    for (int i = 0; i < 3; i++)
        if (!(p[i] = sys_out(a[i], 4)))
            return -EFAULT;
    for (int i = 0; i < 3; i++)
        memcpy(p[i], &ids[i], 4);
    return 0;
}

int64_t sys_getresuid(struct hart *h, const uint64_t *a)
{
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    return put_ids(a, (const uint32_t[]){r, e, s});
}

int64_t sys_getresgid(struct hart *h, const uint64_t *a)
{
    gid_t r, e, s;
    getresgid(&r, &e, &s);
    return put_ids(a, (const uint32_t[]){r, e, s});
}

int64_t sys_getgroups(struct hart *h, const uint64_t *a)
{
    int size = (int)a[0];
    if (size < 0)
        return -EINVAL;
    if (size == 0)
        return sys_ret(getgroups(0, NULL));
    void *out = sys_out(a[1], (uint64_t)size * 4);
    if (!out)
        return -EFAULT;
    gid_t *list = calloc((size_t)size, sizeof *list);
    if (!list)
        return -ENOMEM;
    int n = getgroups(size, list);
    int64_t r = sys_ret(n);
    for (int i = 0; i < n; i++) {
        uint32_t g = list[i];
        memcpy((char *)out + 4 * i, &g, 4);
    }
    free(list);
    return r;
}

/* Restartable sequences ask the kernel to abort a critical section when
 * the thread is preempted or signalled; hart cannot honour that for code
 * it emulates, so it answers as a kernel without rseq. glibc (2.35+)
 * treats ENOSYS as "no rseq" and carries on. */
int64_t sys_rseq(struct hart *h, const uint64_t *a)
{
    return -ENOSYS;
}

int64_t sys_exit_group(struct hart *h, const uint64_t *a)
{
    thread_exit_process((int)a[0]);
}

/* Resource limits. */

static struct guest_rlimit virt_limits[GUEST_RLIM_NLIMITS];
static bool virt_ready;

static bool is_virtual(int res)
{
    return res == RLIMIT_AS || res == RLIMIT_DATA || res == RLIMIT_STACK;
}

static int64_t do_prlimit(int pid, uint64_t res, uint64_t new_addr,
                          uint64_t old_addr)
{
    if (res >= GUEST_RLIM_NLIMITS)
        return -EINVAL;
    struct guest_rlimit g;
    const void *in = NULL;
    void *out = NULL;
    if (new_addr && !(in = sys_in(new_addr, sizeof g)))
        return -EFAULT;
    if (old_addr && !(out = sys_out(old_addr, sizeof g)))
        return -EFAULT;
    struct rlimit64 nl, ol;
    if (in) {
        memcpy(&g, in, sizeof g);
        if (g.rlim_cur > g.rlim_max)
            return -EINVAL;
        nl.rlim_cur = g.rlim_cur;
        nl.rlim_max = g.rlim_max;
    }
    if ((pid && pid != getpid()) || !is_virtual((int)res)) {
        if (prlimit64(pid, (int)res, in ? &nl : NULL, &ol) < 0)
            return -errno;
        g.rlim_cur = ol.rlim_cur;
        g.rlim_max = ol.rlim_max;
    } else {
        /* Start from what hart was given; no lock: limits are set at
         * start-up by single-threaded code in practice. */
        if (!virt_ready) {
            for (int r = 0; r < GUEST_RLIM_NLIMITS; r++) {
                getrlimit64(r, &ol);
                virt_limits[r].rlim_cur = ol.rlim_cur;
                virt_limits[r].rlim_max = ol.rlim_max;
            }
            virt_ready = true;
        }
        struct guest_rlimit old = virt_limits[res];
        if (in) {
            if (nl.rlim_max > old.rlim_max && geteuid() != 0)
                return -EPERM;
            virt_limits[res].rlim_cur = nl.rlim_cur;
            virt_limits[res].rlim_max = nl.rlim_max;
        }
        g = old;
    }
    if (out)
        memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_prlimit64(struct hart *h, const uint64_t *a)
{
    return do_prlimit((int)a[0], (uint32_t)a[1], a[2], a[3]);
}

int64_t sys_getrlimit(struct hart *h, const uint64_t *a)
{
    if (!a[1])
        return -EFAULT;
    return do_prlimit(0, (uint32_t)a[0], 0, a[1]);
}

int64_t sys_setrlimit(struct hart *h, const uint64_t *a)
{
    if (!a[1])
        return -EFAULT;
    return do_prlimit(0, (uint32_t)a[0], a[1], 0);
}

int64_t sys_getrusage(struct hart *h, const uint64_t *a)
{
    struct rusage ru;
    if (getrusage((int)a[0], &ru) < 0)
        return -errno;
    void *out = sys_out(a[1], sizeof(struct guest_rusage));
    if (!out)
        return -EFAULT;
    struct guest_rusage g = {
        .ru_utime = {ru.ru_utime.tv_sec, ru.ru_utime.tv_usec},
        .ru_stime = {ru.ru_stime.tv_sec, ru.ru_stime.tv_usec},
        .ru_maxrss = ru.ru_maxrss, .ru_ixrss = ru.ru_ixrss,
        .ru_idrss = ru.ru_idrss, .ru_isrss = ru.ru_isrss,
        .ru_minflt = ru.ru_minflt, .ru_majflt = ru.ru_majflt,
        .ru_nswap = ru.ru_nswap, .ru_inblock = ru.ru_inblock,
        .ru_oublock = ru.ru_oublock, .ru_msgsnd = ru.ru_msgsnd,
        .ru_msgrcv = ru.ru_msgrcv, .ru_nsignals = ru.ru_nsignals,
        .ru_nvcsw = ru.ru_nvcsw, .ru_nivcsw = ru.ru_nivcsw};
    memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_times(struct hart *h, const uint64_t *a)
{
    struct tms t;
    clock_t r = times(&t);
    if (r == (clock_t)-1)
        return -errno;
    if (a[0]) {
        void *out = sys_out(a[0], sizeof(struct guest_tms));
        if (!out)
            return -EFAULT;
        struct guest_tms g = {t.tms_utime, t.tms_stime, t.tms_cutime,
                              t.tms_cstime};
        memcpy(out, &g, sizeof g);
    }
    return r;
}

int64_t sys_sched_yield(struct hart *h, const uint64_t *a)
{
    return sys_ret(sched_yield());
}

int64_t sys_sched_getaffinity(struct hart *h, const uint64_t *a)
{
    void *out = sys_out(a[2], a[1]);
    if (!out)
        return -EFAULT;
    return sys_ret(syscall(SYS_sched_getaffinity, (int)a[0], (size_t)a[1], out));
}

int64_t sys_sched_setaffinity(struct hart *h, const uint64_t *a)
{
    void *in = sys_in(a[2], a[1]);
    if (!in)
        return -EFAULT;
    return sys_ret(syscall(SYS_sched_setaffinity, (int)a[0], (size_t)a[1], in));
}

int64_t sys_sched_getscheduler(struct hart *h, const uint64_t *a)
{
    return sys_ret(sched_getscheduler((int)a[0]));
}

int64_t sys_sched_getparam(struct hart *h, const uint64_t *a)
{
    struct sched_param p;
    if (sched_getparam((int)a[0], &p) < 0)
        return -errno;
    void *out = sys_out(a[1], 4);
    if (!out)
        return -EFAULT;
    int32_t g = p.sched_priority;
    memcpy(out, &g, 4);
    return 0;
}

static int get_sched_param(uint64_t addr, struct sched_param *p)
{
    const void *in = sys_in(addr, 4);
    if (!in)
        return -EFAULT;
    int32_t g;
    memcpy(&g, in, 4);
    p->sched_priority = g;
    return 0;
}

/* The raw calls: glibc's wrappers are the same, but a pid of 0 must mean
 * the calling thread, which the kernel's call does. */
int64_t sys_sched_setparam(struct hart *h, const uint64_t *a)
{
    struct sched_param p;
    if (!a[1])
        return -EINVAL;
    int err = get_sched_param(a[1], &p);
    return err ? err : sys_ret(syscall(SYS_sched_setparam, (int)a[0], &p));
}

int64_t sys_sched_setscheduler(struct hart *h, const uint64_t *a)
{
    struct sched_param p;
    if (!a[2])
        return -EINVAL;
    int err = get_sched_param(a[2], &p);
    return err ? err
               : sys_ret(syscall(SYS_sched_setscheduler, (int)a[0], (int)a[1],
                                 &p));
}

int64_t sys_sched_rr_get_interval(struct hart *h, const uint64_t *a)
{
    struct timespec ts;
    if (syscall(SYS_sched_rr_get_interval, (int)a[0], &ts) < 0)
        return -errno;
    void *out = sys_out(a[1], sizeof(struct guest_timespec));
    if (!out)
        return -EFAULT;
    struct guest_timespec g = {ts.tv_sec, ts.tv_nsec};
    memcpy(out, &g, sizeof g);
    return 0;
}

/* struct sched_attr is sized by its first field and made of fixed-size
 * fields, the same everywhere; the kernel checks the size. */
#define SCHED_ATTR_SIZE_VER0 48
int64_t sys_sched_setattr(struct hart *h, const uint64_t *a)
{
    const void *in = sys_in(a[1], 4);
    if (!in)
        return a[1] ? -EFAULT : -EINVAL;
    uint32_t size;
    memcpy(&size, in, 4);
    uint64_t len = size ? size : SCHED_ATTR_SIZE_VER0;
    /* a size the kernel refuses: it writes its own into the struct */
    void *p = len < SCHED_ATTR_SIZE_VER0 || len > GUEST_PAGE_SIZE
                  ? sys_out(a[1], 4)
                  : sys_in(a[1], len);
    if (!p)
        return -EFAULT;
    return sys_ret(syscall(SYS_sched_setattr, (int)a[0], p, (unsigned)a[2]));
}

int64_t sys_sched_getattr(struct hart *h, const uint64_t *a)
{
    uint32_t size = (uint32_t)a[2];
    if (!a[1] || size < SCHED_ATTR_SIZE_VER0 || size > GUEST_PAGE_SIZE)
        return -EINVAL;
    void *out = sys_out(a[1], size);
    if (!out)
        return -EFAULT;
    return sys_ret(syscall(SYS_sched_getattr, (int)a[0], out, size,
                           (unsigned)a[3]));
}

int64_t sys_sched_get_priority_max(struct hart *h, const uint64_t *a)
{
    return sys_ret(sched_get_priority_max((int)a[0]));
}

int64_t sys_sched_get_priority_min(struct hart *h, const uint64_t *a)
{
    return sys_ret(sched_get_priority_min((int)a[0]));
}

/* The raw calls: the kernel's getpriority returns 20 - nice, which the
 * guest's libc expects, not the host libc's converted value. */
int64_t sys_getpriority(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_getpriority, (int)a[0], (int)a[1]));
}

int64_t sys_setpriority(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setpriority, (int)a[0], (int)a[1], (int)a[2]));
}

/* The guest's execution domain is the host process's, so that it starts
 * as the one hart was given (`setarch -R hart PROG`), and is inherited by
 * fork and kept across execve as Linux does, except READ_IMPLIES_EXEC:
 * that one would make hart's own new mappings executable, so it is kept
 * here for the guest to read back and is lost by an execve.
 * Guarded by: atomic access. */
static _Atomic uint32_t guest_read_implies_exec;

int64_t sys_personality(struct hart *h, const uint64_t *a)
{
    int host = personality(0xffffffff);
    if (host == -1)
        return -errno;
    uint32_t old = (uint32_t)host | atomic_load(&guest_read_implies_exec);
    uint32_t want = (uint32_t)a[0];
    if (want != 0xffffffff) {
        if (personality(want & ~(uint32_t)READ_IMPLIES_EXEC) == -1)
            return -errno;
        atomic_store(&guest_read_implies_exec, want & READ_IMPLIES_EXEC);
    }
    return old;
}

/* I/O priorities name processes, groups and users by the ids the guest
 * sees, which are the host's. */
int64_t sys_ioprio_set(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_ioprio_set, (int)a[0], (int)a[1], (int)a[2]));
}

int64_t sys_ioprio_get(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_ioprio_get, (int)a[0], (int)a[1]));
}

int64_t sys_getcpu(struct hart *h, const uint64_t *a)
{
    unsigned cpu, node;
    if (syscall(SYS_getcpu, &cpu, &node, NULL) < 0)
        return -errno;
    void *pc = NULL, *pn = NULL;
    if ((a[0] && !(pc = sys_out(a[0], 4))) || (a[1] && !(pn = sys_out(a[1], 4))))
        return -EFAULT;
    if (pc)
        memcpy(pc, &cpu, 4);
    if (pn)
        memcpy(pn, &node, 4);
    return 0;
}

int64_t sys_membarrier(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_membarrier, (int)a[0], (unsigned)a[1],
                           (int)a[2]));
}

int64_t sys_setpgid(struct hart *h, const uint64_t *a)
{
    return sys_ret(setpgid((pid_t)a[0], (pid_t)a[1]));
}

int64_t sys_getpgid(struct hart *h, const uint64_t *a)
{
    return sys_ret(getpgid((pid_t)a[0]));
}

int64_t sys_getsid(struct hart *h, const uint64_t *a)
{
    return sys_ret(getsid((pid_t)a[0]));
}

int64_t sys_setsid(struct hart *h, const uint64_t *a)
{
    return sys_ret(setsid());
}
