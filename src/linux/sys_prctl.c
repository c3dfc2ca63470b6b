/* prctl: the options a program uses on itself. Most act on the calling
 * thread or process and mean the same to the host kernel (names, death
 * signal, dumpable, capabilities and securebits, timer slack...), so they
 * pass through. hart answers the ones that describe the guest rather than
 * hart: PR_GET_TID_ADDRESS (the guest's clear_child_tid) and PR_GET_AUXV
 * (the guest's auxiliary vector; its size is that of the vector, where
 * Linux reports its fixed buffer, which is at least as long).
 *
 * Options that would act on hart itself are refused with EINVAL, as from
 * a kernel without them: a seccomp filter would judge hart's x86-64 calls
 * by the guest's numbers, PR_SET_MM and PR_SET_VMA describe host memory,
 * memory-deny-write-execute would stop the translator, and the options of
 * other architectures (x86's TSC, arm's tagged addresses) and riscv's
 * vector control (hart has no V) are unknown to the guest's kernel too. */
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/process.h"
#include "linux/sys.h"
#include "linux/thread.h"

#ifndef PR_GET_AUXV
#define PR_GET_AUXV 0x41555856
#endif

/* A name for the thread: at most 15 bytes, cut there as Linux does. */
static int64_t set_name(uint64_t addr)
{
    char name[16] = {0};
    uint64_t n = sys_prefix(addr, sizeof name - 1, PAGE_R);
    if (!n)
        return -EFAULT;
    memcpy(name, g2h(addr), n);
    return sys_ret(prctl(PR_SET_NAME, name));
}

static int64_t get_name(uint64_t addr)
{
    char name[16];
    void *out = sys_out(addr, sizeof name);
    if (!out)
        return -EFAULT;
    if (prctl(PR_GET_NAME, name) < 0)
        return -errno;
    memcpy(out, name, sizeof name);
    return 0;
}

/* Options that store an int through their first argument. */
static int64_t get_int(int opt, uint64_t addr)
{
    int v;
    void *out = sys_out(addr, 4);
    if (!out)
        return -EFAULT;
    if (prctl(opt, &v) < 0)
        return -errno;
    int32_t g = v;
    memcpy(out, &g, 4);
    return 0;
}

static int64_t get_auxv(const uint64_t *a)
{
    if (a[3] || a[4])
        return -EINVAL;
    uint64_t size = proc.auxv_len;
    uint64_t n = a[2] < size ? a[2] : size;
    if (n) {
        const void *in = sys_in(proc.auxv_addr, n);
        void *out = sys_out(a[1], n);
        if (!in || !out)
            return -EFAULT;
        memmove(out, in, n);
    }
    return (int64_t)size;
}

int64_t sys_prctl(struct hart *h, const uint64_t *a)
{
    int opt = (int)a[0];
    switch (opt) {
    case PR_SET_NAME:
        return set_name(a[1]);
    case PR_GET_NAME:
        return get_name(a[1]);
    case PR_GET_PDEATHSIG:
    case PR_GET_CHILD_SUBREAPER:
        return get_int(opt, a[1]);
    case PR_GET_TID_ADDRESS: {
        void *out = sys_out(a[1], 8);
        if (!out)
            return -EFAULT;
        memcpy(out, &thread_of(h)->clear_child_tid, 8);
        return 0;
    }
    case PR_GET_AUXV:
        return get_auxv(a);
    case PR_SET_PDEATHSIG:
    case PR_SET_DUMPABLE:
    case PR_GET_DUMPABLE:
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_NO_NEW_PRIVS:
    case PR_GET_NO_NEW_PRIVS:
    case PR_SET_TIMERSLACK:
    case PR_GET_TIMERSLACK:
    case PR_CAPBSET_READ:
    case PR_CAPBSET_DROP:
    case PR_SET_KEEPCAPS:
    case PR_GET_KEEPCAPS:
    case PR_GET_SECUREBITS:
    case PR_SET_SECUREBITS:
    case PR_CAP_AMBIENT:
    case PR_GET_SECCOMP:
    case PR_SET_THP_DISABLE:
    case PR_GET_THP_DISABLE:
    case PR_MCE_KILL:
    case PR_MCE_KILL_GET:
    case PR_SET_IO_FLUSHER:
    case PR_GET_IO_FLUSHER:
    case PR_SET_PTRACER:
    case PR_TASK_PERF_EVENTS_DISABLE:
    case PR_TASK_PERF_EVENTS_ENABLE:
    case PR_GET_TIMING:
    case PR_SET_TIMING:
        /* plain values only: the raw call, as the guest made it */
        return sys_ret(syscall(SYS_prctl, opt, a[1], a[2], a[3], a[4]));
    default:
        return -EINVAL;
    }
}
