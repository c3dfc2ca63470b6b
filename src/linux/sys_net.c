/* Sockets: creating, naming, connecting, plain sends and receives, options
 * and shutdown (sendmsg and friends are sys_msg.c's). Guest sockets are
 * host sockets; socket addresses have the same layout on both sides
 * (generic sockaddr_in, _in6, _un, _nl...), so they pass as bytes, with the
 * length checks Linux makes: at most GUEST_SOCKADDR_MAX in, and out only
 * as much as the guest's length allows, the full length reported back.
 *
 * Addresses the call returns go through a buffer of hart's and are copied
 * out afterwards, like the kernel's move_addr_to_user: a bad buffer gives
 * EFAULT after the call, so the order of errors is Linux's (accept then
 * closes the new descriptor, whose connection is lost, as on Linux).
 *
 * Data buffers must be accessible as a whole (EFAULT otherwise): a
 * datagram cut at the first bad page would be a different message.
 *
 * Option values are passed as they are: every option hart knows of has the
 * same layout on both sides (ints, timeval for SO_RCVTIMEO/SO_SNDTIMEO,
 * linger, ucred, ip_mreqn, tcp_info...). The exceptions hold guest
 * pointers: SO_ATTACH_FILTER's program is translated; options whose
 * pointers hart cannot translate (netfilter's table replacement, TCP
 * zero-copy receive, AF_XDP and RDS memory registration) are refused with
 * ENOPROTOOPT, since the host kernel would follow them into hart. */
#include <linux/filter.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "linux/sys.h"

_Static_assert(SOCK_NONBLOCK == GUEST_SOCK_NONBLOCK &&
                   SOCK_CLOEXEC == GUEST_SOCK_CLOEXEC &&
                   MSG_CMSG_CLOEXEC == GUEST_MSG_CMSG_CLOEXEC,
               "socket flags pass through unchanged");
_Static_assert(SOL_SOCKET == GUEST_SOL_SOCKET &&
                   SO_ATTACH_FILTER == GUEST_SO_ATTACH_FILTER &&
                   SO_ATTACH_REUSEPORT_CBPF == GUEST_SO_ATTACH_REUSEPORT_CBPF &&
                   SO_RCVTIMEO == 20 && SO_SNDTIMEO == 21 && SO_LINGER == 13 &&
                   SO_PEERCRED == 17,
               "socket options pass through unchanged");
_Static_assert(sizeof(struct sockaddr_storage) == GUEST_SOCKADDR_MAX,
               "sockaddr_storage");
_Static_assert(sizeof(struct timeval) == sizeof(struct guest_timeval) &&
                   sizeof(struct linger) == 8 && sizeof(struct ucred) == 12,
               "option values have the guest's layout");

int64_t sys_socket(struct hart *h, const uint64_t *a)
{
    return sys_ret(socket((int)a[0], (int)a[1], (int)a[2]));
}

int64_t sys_socketpair(struct hart *h, const uint64_t *a)
{
    void *out = sys_out(a[3], 2 * sizeof(int32_t));
    if (!out)
        return -EFAULT;
    int fds[2];
    if (socketpair((int)a[0], (int)a[1], (int)a[2], fds) < 0)
        return -errno;
    int32_t g[2] = {fds[0], fds[1]};
    memcpy(out, g, sizeof g);
    return 0;
}

/* An address the guest passes in: NULL when addr is 0 and len is 0
 * (sendto without one); -EINVAL past the kernel's limit. */
static int addr_in(uint64_t addr, uint64_t len, const void **p)
{
    int32_t n = (int32_t)len;
    *p = NULL;
    if (n < 0 || n > GUEST_SOCKADDR_MAX)
        return -EINVAL;
    if (!addr && !n)
        return 0;
    if (!(*p = sys_in(addr, (uint64_t)n)))
        return -EFAULT;
    return 0;
}

int64_t sys_bind(struct hart *h, const uint64_t *a)
{
    const void *p;
    int err = addr_in(a[1], a[2], &p);
    return err ? err : sys_ret(bind((int)a[0], p, (socklen_t)a[2]));
}

int64_t sys_connect(struct hart *h, const uint64_t *a)
{
    const void *p;
    int err = addr_in(a[1], a[2], &p);
    return err ? err : sys_ret(connect((int)a[0], p, (socklen_t)a[2]));
}

int64_t sys_listen(struct hart *h, const uint64_t *a)
{
    return sys_ret(listen((int)a[0], (int)a[1]));
}

int64_t sys_shutdown(struct hart *h, const uint64_t *a)
{
    return sys_ret(shutdown((int)a[0], (int)a[1]));
}

/* An address the call returns: the guest's length is checked before the
 * call (negative: EINVAL) and the address copied after it. Without a
 * buffer (addr 0), accept and recvfrom skip the address; getsockname and
 * getpeername still go through the copy (always), which fails only when
 * there are bytes to copy. */
struct addr_out {
    bool on;
    uint64_t addr, lenp;
    struct sockaddr_storage ss;
    socklen_t len;
};

static int addr_out_begin(struct addr_out *o, uint64_t addr, uint64_t lenp,
                          bool always)
{
    o->on = addr || always;
    o->addr = addr;
    o->lenp = lenp;
    memset(&o->ss, 0, sizeof o->ss);
    o->len = sizeof o->ss;
    if (!o->on)
        return 0;
    const void *in = sys_in(lenp, 4);
    if (!in)
        return -EFAULT;
    int32_t n;
    memcpy(&n, in, 4);
    return n < 0 ? -EINVAL : 0;
}

static struct sockaddr *addr_out_ptr(struct addr_out *o)
{
    return o->on ? (struct sockaddr *)&o->ss : NULL;
}

static socklen_t *addr_out_len(struct addr_out *o)
{
    return o->on ? &o->len : NULL;
}

/* After a successful call: copies as much of the address as the guest's
 * length allows and stores the full length, as move_addr_to_user does. */
static int addr_out_end(struct addr_out *o)
{
    if (!o->on)
        return 0;
    void *lp = sys_out(o->lenp, 4);
    if (!lp)
        return -EFAULT;
    int32_t n;
    memcpy(&n, lp, 4);
    if (n < 0)
        return -EINVAL;
    uint32_t copy = o->len < (uint32_t)n ? o->len : (uint32_t)n;
    if (copy > sizeof o->ss)
        copy = sizeof o->ss;
    if (copy) {
        void *out = sys_out(o->addr, copy);
        if (!out)
            return -EFAULT;
        memcpy(out, &o->ss, copy);
    }
    int32_t full = (int32_t)o->len;
    memcpy(lp, &full, 4);
    return 0;
}

static int64_t do_accept(const uint64_t *a, int flags)
{
    struct addr_out o;
    int err = addr_out_begin(&o, a[1], a[2], false);
    if (err)
        return err;
    int fd = accept4((int)a[0], addr_out_ptr(&o), addr_out_len(&o), flags);
    if (fd < 0)
        return -errno;
    if ((err = addr_out_end(&o))) {
        close(fd);
        return err;
    }
    return fd;
}

int64_t sys_accept(struct hart *h, const uint64_t *a)
{
    return do_accept(a, 0);
}

int64_t sys_accept4(struct hart *h, const uint64_t *a)
{
    return do_accept(a, (int)a[3]);
}

static int64_t do_getname(const uint64_t *a, bool peer)
{
    struct addr_out o;
    int err = addr_out_begin(&o, a[1], a[2], true);
    if (err)
        return err;
    int r = peer ? getpeername((int)a[0], addr_out_ptr(&o), addr_out_len(&o))
                 : getsockname((int)a[0], addr_out_ptr(&o), addr_out_len(&o));
    if (r < 0)
        return -errno;
    return addr_out_end(&o);
}

int64_t sys_getsockname(struct hart *h, const uint64_t *a)
{
    return do_getname(a, false);
}

int64_t sys_getpeername(struct hart *h, const uint64_t *a)
{
    return do_getname(a, true);
}

/* A whole data buffer, or -EFAULT; len 0 needs no memory. */
static void *data_buf(uint64_t addr, uint64_t len, bool writing)
{
    if (!len)
        return g2h(0);
    return writing ? sys_out(addr, len) : sys_in(addr, len);
}

int64_t sys_sendto(struct hart *h, const uint64_t *a)
{
    uint64_t len = a[2] > INT32_MAX ? INT32_MAX : a[2]; /* as Linux */
    const void *buf = data_buf(a[1], len, false);
    if (!buf)
        return -EFAULT;
    const void *to;
    int err = addr_in(a[4], a[4] ? a[5] : 0, &to);
    if (err)
        return err;
    return sys_ret(sendto((int)a[0], buf, len, (int)a[3], to,
                          to ? (socklen_t)a[5] : 0));
}

int64_t sys_recvfrom(struct hart *h, const uint64_t *a)
{
    uint64_t len = a[2] > INT32_MAX ? INT32_MAX : a[2];
    void *buf = data_buf(a[1], len, true);
    if (!buf)
        return -EFAULT;
    struct addr_out o;
    int err = addr_out_begin(&o, a[4], a[5], false);
    if (err)
        return err;
    ssize_t n = recvfrom((int)a[0], buf, len, (int)a[3], addr_out_ptr(&o),
                         addr_out_len(&o));
    if (n < 0)
        return -errno;
    /* Connected sockets report no address (length 0): nothing to copy. */
    return (err = addr_out_end(&o)) ? err : n;
}

/* Options the host kernel would read guest pointers from (see the top of
 * the file): these levels and names are refused. */
#ifndef SOL_XDP
#define SOL_XDP 283
#endif
#ifndef SOL_RDS
#define SOL_RDS 276
#endif
enum {
    IPT_SO_SET_REPLACE_ = 64,  /* ipt_replace.counters */
    ARPT_SO_SET_REPLACE_ = 96, /* arpt_replace.counters */
    EBT_BASE_CTL_ = 128,       /* ebt_replace: entries, counters, chains */
    EBT_LAST_CTL_ = 131,
    TCP_ZEROCOPY_RECEIVE_ = 35, /* an address in the socket's mapping */
};

static bool option_refused(int level, int name, bool set)
{
    switch (level) {
    case SOL_IP:
        return (set && (name == IPT_SO_SET_REPLACE_ ||
                        name == ARPT_SO_SET_REPLACE_)) ||
               (name >= EBT_BASE_CTL_ && name <= EBT_LAST_CTL_);
    case SOL_IPV6:
        return set && name == IPT_SO_SET_REPLACE_; /* ip6t_replace */
    case SOL_TCP:
        return name == TCP_ZEROCOPY_RECEIVE_;
    case SOL_XDP:
    case SOL_RDS:
        return true;
    default:
        return false;
    }
}

/* SO_ATTACH_FILTER and SO_ATTACH_REUSEPORT_CBPF: the program pointer is
 * a guest address. */
static int64_t attach_filter(int fd, int name, uint64_t val, uint32_t len)
{
    if (len < sizeof(struct guest_sock_fprog))
        return -EINVAL;
    const void *in = sys_in(val, sizeof(struct guest_sock_fprog));
    if (!in)
        return -EFAULT;
    struct guest_sock_fprog g;
    memcpy(&g, in, sizeof g);
    const void *insns = sys_in(g.filter, (uint64_t)g.len * 8);
    if (!insns)
        return -EFAULT;
    struct sock_fprog fp = {.len = g.len, .filter = (void *)insns};
    return sys_ret(setsockopt(fd, SOL_SOCKET, name, &fp, sizeof fp));
}

int64_t sys_setsockopt(struct hart *h, const uint64_t *a)
{
    int fd = (int)a[0], level = (int)a[1], name = (int)a[2];
    int32_t len = (int32_t)a[4];
    if (len < 0)
        return -EINVAL;
    if (option_refused(level, name, true))
        return -ENOPROTOOPT;
    if (level == SOL_SOCKET &&
        (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF))
        return attach_filter(fd, name, a[3], (uint32_t)len);
    /* A bad value pointer becomes NULL: the host kernel then fails with
     * EFAULT exactly where Linux would (options that read no value still
     * succeed). */
    const void *val = len ? sys_in(a[3], (uint64_t)len) : NULL;
    return sys_ret(setsockopt(fd, level, name, val, (socklen_t)len));
}

int64_t sys_getsockopt(struct hart *h, const uint64_t *a)
{
    int fd = (int)a[0], level = (int)a[1], name = (int)a[2];
    void *lp = sys_out(a[4], 4);
    if (!lp)
        return -EFAULT;
    int32_t len;
    memcpy(&len, lp, 4);
    if (len < 0)
        return -EINVAL;
    if (option_refused(level, name, false))
        return -ENOPROTOOPT;
    void *val = len ? sys_out(a[3], (uint64_t)len) : NULL;
    socklen_t n = (socklen_t)len;
    if (getsockopt(fd, level, name, val, &n) < 0)
        return -errno;
    int32_t g = (int32_t)n;
    memcpy(lp, &g, 4);
    return 0;
}
