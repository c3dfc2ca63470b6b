/* Changing credentials: the set*id family, setgroups, capget and capset.
 *
 * In the kernel these calls change the calling thread's credentials only;
 * POSIX's process-wide semantics are the C library's doing (glibc sends
 * SIGSETXID, signal 33, to every thread, whose handler makes the same
 * call). The guest's libc does that for the guest's threads, each of which
 * is a host thread, so hart must make the raw per-thread call: the host
 * glibc's setuid would broadcast to all of hart's threads itself, through
 * a signal whose host handler the guest may have replaced with its own.
 * Hence syscall() everywhere here. */
#include <linux/capability.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys.h"

#define GUEST_NGROUPS_MAX 65536

int64_t sys_setuid(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setuid, (uid_t)a[0]));
}

int64_t sys_setgid(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setgid, (gid_t)a[0]));
}

int64_t sys_setreuid(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setreuid, (uid_t)a[0], (uid_t)a[1]));
}

int64_t sys_setregid(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setregid, (gid_t)a[0], (gid_t)a[1]));
}

int64_t sys_setresuid(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setresuid, (uid_t)a[0], (uid_t)a[1],
                           (uid_t)a[2]));
}

int64_t sys_setresgid(struct hart *h, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setresgid, (gid_t)a[0], (gid_t)a[1],
                           (gid_t)a[2]));
}

/* These two return the old id and never fail. */
int64_t sys_setfsuid(struct hart *h, const uint64_t *a)
{
    return syscall(SYS_setfsuid, (uid_t)a[0]);
}

int64_t sys_setfsgid(struct hart *h, const uint64_t *a)
{
    return syscall(SYS_setfsgid, (gid_t)a[0]);
}

/* gid_t is 32 bits on both sides: the list passes as it is. */
int64_t sys_setgroups(struct hart *h, const uint64_t *a)
{
    int n = (int)a[0];
    if (n < 0 || n > GUEST_NGROUPS_MAX)
        return -EINVAL;
    const void *list = n ? sys_in(a[1], (uint64_t)n * 4) : NULL;
    if (n && !list)
        return -EFAULT;
    return sys_ret(syscall(SYS_setgroups, n, list));
}

/* Capabilities: a header (version, pid) and one or two 12-byte data
 * records depending on the version, the same on both sides. The kernel
 * writes its preferred version into the header when it does not know the
 * guest's, so the header is passed in place. */
static int cap_records(uint64_t header)
{
    const void *in = sys_in(header, 8);
    if (!in)
        return -EFAULT;
    uint32_t version;
    memcpy(&version, in, 4);
    switch (version) {
    case _LINUX_CAPABILITY_VERSION_1:
        return 1;
    case _LINUX_CAPABILITY_VERSION_2:
    case _LINUX_CAPABILITY_VERSION_3:
        return 2;
    default:
        return 0; /* the kernel answers EINVAL without touching the data */
    }
}

static int64_t do_cap(const uint64_t *a, bool set)
{
    int n = cap_records(a[0]);
    if (n < 0)
        return n;
    /* written only to report the version the kernel wants */
    void *hdr = n ? sys_in(a[0], 8) : sys_out(a[0], 8);
    if (!hdr)
        return -EFAULT;
    /* With a version the kernel does not know, the data is not touched,
     * but whether there is any decides between EINVAL and 0 (a probe). */
    struct __user_cap_data_struct unused[2];
    void *data = a[1] ? unused : NULL;
    if (n && a[1]) {
        uint64_t len = (uint64_t)n * sizeof(struct __user_cap_data_struct);
        if (!(data = set ? sys_in(a[1], len) : sys_out(a[1], len)))
            return -EFAULT;
    }
    return sys_ret(syscall(set ? SYS_capset : SYS_capget, hdr, data));
}

int64_t sys_capget(struct hart *h, const uint64_t *a)
{
    return do_cap(a, false);
}

int64_t sys_capset(struct hart *h, const uint64_t *a)
{
    return do_cap(a, true);
}
