/* Socket ioctls (linux/sockios.h and asm-generic/sockios.h, the same
 * numbers on x86-64): the interface queries and settings made with a
 * struct ifreq, SIOCGIFCONF, and the few that take an int or a timeval.
 * sys_ioctl (sys_tty.c) asks here for the requests it does not know.
 *
 * struct ifreq is 40 bytes on both sides (a 16-byte name, then a union of
 * a sockaddr, shorts, ints, an ifmap of longs, or a pointer) and passes as
 * it is, except for the requests whose union holds a pointer (ifr_data:
 * ethtool, MII-private, bonding, bridges, wireless), which hart does not
 * translate and leaves unknown. SIOCGIFCONF's struct ifconf holds a
 * pointer to the guest's array of ifreq, translated here. */
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include "linux/sys.h"

#define GUEST_IFREQ_SIZE 40

_Static_assert(sizeof(struct ifreq) == GUEST_IFREQ_SIZE,
               "struct ifreq has the guest's layout");
_Static_assert(SIOCGIFCONF == 0x8912 && SIOCGIFINDEX == 0x8933 &&
                   SIOCGIFHWADDR == 0x8927 && SIOCATMARK == 0x8905 &&
                   SIOCGSTAMP_OLD == 0x8906,
               "socket ioctls pass through unchanged");

/* struct ifconf: a length, then a pointer (8-aligned). */
struct guest_ifconf {
    int32_t len;
    uint32_t pad;
    uint64_t buf;
};

static int64_t ifconf(int fd, uint64_t arg)
{
    void *p = sys_out(arg, sizeof(struct guest_ifconf));
    if (!p)
        return -EFAULT;
    struct guest_ifconf g;
    memcpy(&g, p, sizeof g);
    struct ifconf ic = {.ifc_len = g.len, .ifc_buf = NULL};
    if (g.buf) {
        if (g.len < 0)
            return -EINVAL;
        if (!(ic.ifc_buf = sys_out(g.buf, (uint64_t)g.len)))
            return -EFAULT;
    }
    if (ioctl(fd, SIOCGIFCONF, &ic) < 0)
        return -errno;
    g.len = ic.ifc_len;
    memcpy(p, &g, sizeof g);
    return 0;
}

/* Requests with an ifreq: 1 for the queries (the kernel writes the ifreq
 * back), 2 for the settings (only read), 0 for the others. */
static int ifreq_request(uint32_t req)
{
    switch (req) {
    case SIOCGIFNAME: case SIOCGIFFLAGS: case SIOCGIFADDR:
    case SIOCGIFDSTADDR: case SIOCGIFBRDADDR: case SIOCGIFNETMASK:
    case SIOCGIFMETRIC: case SIOCGIFMTU: case SIOCGIFHWADDR:
    case SIOCGIFINDEX: case SIOCGIFTXQLEN: case SIOCGIFMAP:
    case SIOCGIFPFLAGS:
        return 1;
    case SIOCSIFFLAGS: case SIOCSIFADDR: case SIOCSIFDSTADDR:
    case SIOCSIFBRDADDR: case SIOCSIFNETMASK: case SIOCSIFMETRIC:
    case SIOCSIFMTU: case SIOCSIFNAME: case SIOCSIFHWADDR:
    case SIOCSIFTXQLEN: case SIOCSIFMAP: case SIOCADDMULTI:
    case SIOCDELMULTI: case SIOCSIFHWBROADCAST: case SIOCSIFPFLAGS:
        return 2;
    default:
        return 0;
    }
}

bool sys_sockio(int fd, uint32_t req, uint64_t arg, int64_t *r)
{
    int kind = ifreq_request(req);
    if (kind) {
        /* in place: the kernel copies the whole ifreq in (and out) */
        void *p = kind == 1 ? sys_out(arg, GUEST_IFREQ_SIZE)
                            : sys_in(arg, GUEST_IFREQ_SIZE);
        *r = p ? sys_ret(ioctl(fd, req, p)) : -EFAULT;
        return true;
    }
    switch (req) {
    case SIOCGIFCONF:
        *r = ifconf(fd, arg);
        return true;
    case SIOCATMARK:
    case FIOGETOWN:
    case SIOCGPGRP: {
        int v;
        if (ioctl(fd, req, &v) < 0) {
            *r = -errno;
            return true;
        }
        void *out = sys_out(arg, 4);
        *r = out ? 0 : -EFAULT;
        if (out)
            memcpy(out, &v, 4);
        return true;
    }
    case FIOSETOWN:
    case SIOCSPGRP: {
        const void *in = sys_in(arg, 4);
        int v = 0;
        if (in)
            memcpy(&v, in, 4);
        *r = in ? sys_ret(ioctl(fd, req, &v)) : -EFAULT;
        return true;
    }
    case SIOCGSTAMP_OLD:
    case SIOCGSTAMPNS_OLD: {
        /* timeval and timespec: two 64-bit words on both sides */
        int64_t t[2];
        if (ioctl(fd, req, t) < 0) {
            *r = -errno;
            return true;
        }
        void *out = sys_out(arg, sizeof t);
        *r = out ? 0 : -EFAULT;
        if (out)
            memcpy(out, t, sizeof t);
        return true;
    }
    default:
        return false;
    }
}
