/* Waiting for children: wait4, waitid, and pidfd_open for waitid's
 * P_PIDFD. Guest children are host children (clone forks hart), so the
 * host kernel does the waiting; what differs is only where results go.
 * The wait status encoding, the option bits (WNOHANG, __WALL...), the
 * idtypes, struct rusage (144 bytes) and the siginfo fields waitid fills
 * (si_signo, si_errno, si_code, si_pid, si_uid, si_status at offsets 0, 4,
 * 8, 16, 20, 24) are the same on riscv64 and x86-64 (checked by compiling
 * for both). As in Linux, a child is reaped first and an unwritable result
 * pointer is reported afterwards (EFAULT, the child gone). */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "linux/sys.h"

#define SIGINFO_SIZE 128

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

_Static_assert(WNOHANG == 1 && WUNTRACED == 2 && WCONTINUED == 8 &&
                   WEXITED == 4 && WNOWAIT == 0x1000000 &&
                   __WALL == 0x40000000,
               "wait options pass through unchanged");
_Static_assert(P_ALL == 0 && P_PID == 1 && P_PGID == 2,
               "idtypes pass through unchanged");

static int put_rusage(uint64_t addr, const struct rusage *ru)
{
    void *out = sys_out(addr, sizeof(struct guest_rusage));
    if (!out)
        return -EFAULT;
    struct guest_rusage g = {
        .ru_utime = {ru->ru_utime.tv_sec, ru->ru_utime.tv_usec},
        .ru_stime = {ru->ru_stime.tv_sec, ru->ru_stime.tv_usec},
        .ru_maxrss = ru->ru_maxrss, .ru_ixrss = ru->ru_ixrss,
        .ru_idrss = ru->ru_idrss, .ru_isrss = ru->ru_isrss,
        .ru_minflt = ru->ru_minflt, .ru_majflt = ru->ru_majflt,
        .ru_nswap = ru->ru_nswap, .ru_inblock = ru->ru_inblock,
        .ru_oublock = ru->ru_oublock, .ru_msgsnd = ru->ru_msgsnd,
        .ru_msgrcv = ru->ru_msgrcv, .ru_nsignals = ru->ru_nsignals,
        .ru_nvcsw = ru->ru_nvcsw, .ru_nivcsw = ru->ru_nivcsw};
    memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_wait4(struct hart *h, const uint64_t *a)
{
    int status = 0;
    struct rusage ru;
    pid_t r = wait4((pid_t)a[0], &status, (int)a[2], a[3] ? &ru : NULL);
    if (r <= 0)
        return sys_ret(r);
    if (a[1]) {
        void *out = sys_out(a[1], 4);
        if (!out)
            return -EFAULT;
        memcpy(out, &status, 4);
    }
    if (a[3] && put_rusage(a[3], &ru))
        return -EFAULT;
    return r;
}

/* siginfo fields waitid writes, as (offset, size 4) pairs. */
static const int waitid_fields[] = {0, 4, 8, 16, 20, 24};

int64_t sys_waitid(struct hart *h, const uint64_t *a)
{
    int idtype = (int)a[0], id = (int)a[1];
    uint64_t infop = a[2], ru_addr = a[4];
    if (idtype == P_PIDFD && sys_fd_reserved(id))
        return -EBADF;
    siginfo_t si;
    struct rusage ru;
    memset(&si, 0, sizeof si);
    long r = syscall(SYS_waitid, idtype, id, &si, (int)a[3], &ru);
    int64_t ret = sys_ret(r);
    /* Linux fills the fields even when it fails or finds no child. */
    if (infop) {
        uint8_t *out = sys_out(infop, SIGINFO_SIZE);
        if (!out)
            return -EFAULT;
        for (size_t i = 0; i < sizeof waitid_fields / sizeof *waitid_fields; i++)
            memcpy(out + waitid_fields[i], (uint8_t *)&si + waitid_fields[i], 4);
    }
    if (r == 0 && si.si_signo == SIGCHLD && ru_addr && put_rusage(ru_addr, &ru))
        return -EFAULT;
    return ret;
}

int64_t sys_pidfd_open(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_pidfd_open, (pid_t)a[0], (unsigned)a[1]));
}
