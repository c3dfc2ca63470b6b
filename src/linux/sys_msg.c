/* sendmsg, recvmsg, sendmmsg and recvmmsg. msghdr, mmsghdr, iovec and
 * cmsghdr have the same layout on riscv64 and x86-64 (CMSG_ALIGN is 8 on
 * both), so converting a message means translating its three guest
 * pointers (name, iov, control) and the iov's bases; the control messages
 * themselves (SCM_RIGHTS descriptors, SCM_CREDENTIALS ucred, timestamps,
 * IP_PKTINFO...) pass as bytes.
 *
 * Outgoing control data is copied into hart's memory first and checked
 * there, so that the guest cannot pass hart's own descriptors with
 * SCM_RIGHTS (EBADF, as for a closed descriptor), not even by changing the
 * buffer from another thread after the check. Incoming control data is
 * written by the host kernel straight into the guest's buffer; the
 * descriptors it carries are new host descriptors, hence guest ones.
 *
 * Names received go through hart's buffer and are copied out afterwards,
 * as the kernel's move_addr_to_user does; only msg_namelen, msg_controllen
 * and msg_flags of the guest's msghdr are written back, as on Linux. Data
 * buffers must be accessible as a whole (EFAULT otherwise), as in
 * sys_net.c. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include "linux/sys.h"

_Static_assert(sizeof(struct msghdr) == sizeof(struct guest_msghdr) &&
                   sizeof(struct mmsghdr) == sizeof(struct guest_mmsghdr) &&
                   sizeof(struct cmsghdr) == sizeof(struct guest_cmsghdr) &&
                   CMSG_ALIGN(1) == 8,
               "msghdr, mmsghdr and cmsghdr have the guest's layout");
_Static_assert(SCM_RIGHTS == GUEST_SCM_RIGHTS &&
                   SCM_CREDENTIALS == GUEST_SCM_CREDENTIALS,
               "control message types pass through unchanged");

/* Outgoing control data larger than this gets ENOBUFS, as from the
 * kernel's optmem limit (which is far lower by default). */
#define MSG_MAX_CONTROL (1u << 20)

/* hart's side of one message: the received name and the copy of the
 * control data sent. */
struct msg_side {
    struct sockaddr_storage name;
    void *control;
};

/* A guest iovec array as a host one; every byte must be accessible.
 * Returns the count or -errno (EMSGSIZE beyond UIO_MAXIOV, as Linux). */
static int msg_iov(uint64_t addr, uint64_t cnt, bool receiving,
                   struct iovec *iov)
{
    if (cnt > GUEST_UIO_MAXIOV)
        return -EMSGSIZE;
    const char *g = sys_in(addr, cnt * sizeof(struct guest_iovec));
    if (cnt && !g)
        return -EFAULT;
    uint64_t total = 0;
    for (uint64_t i = 0; i < cnt; i++) {
        struct guest_iovec v;
        memcpy(&v, g + i * sizeof v, sizeof v);
        if (v.iov_len > INT64_MAX - total)
            return -EINVAL;
        total += v.iov_len;
        void *p = NULL;
        if (v.iov_len && !(p = receiving ? sys_out(v.iov_base, v.iov_len)
                                         : sys_in(v.iov_base, v.iov_len)))
            return -EFAULT;
        iov[i] = (struct iovec){p, v.iov_len};
    }
    return (int)cnt;
}

/* Whether outgoing control data names one of hart's descriptors. */
static bool passes_reserved_fd(struct msghdr *m)
{
    for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c; c = CMSG_NXTHDR(m, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS ||
            c->cmsg_len < CMSG_LEN(0))
            continue;
        size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        const unsigned char *d = CMSG_DATA(c);
        for (size_t i = 0; i < n; i++) {
            int fd;
            memcpy(&fd, d + i * sizeof fd, sizeof fd);
            if (sys_fd_reserved(fd))
                return true;
        }
    }
    return false;
}

/* Builds the host msghdr m for the guest's g, using iov (room for
 * GUEST_UIO_MAXIOV) and s. On failure nothing needs freeing. */
static int msg_in(const struct guest_msghdr *g, bool receiving,
                  struct msghdr *m, struct iovec *iov, struct msg_side *s)
{
    memset(m, 0, sizeof *m);
    s->control = NULL;
    int n = msg_iov(g->iov, g->iovlen, receiving, iov);
    if (n < 0)
        return n;
    m->msg_iov = iov;
    m->msg_iovlen = (size_t)n;
    if (g->name) {
        if ((int32_t)g->namelen < 0)
            return -EINVAL;
        /* the kernel clamps a long name rather than failing */
        uint32_t len = g->namelen;
        if (len > GUEST_SOCKADDR_MAX)
            len = GUEST_SOCKADDR_MAX;
        if (receiving) {
            m->msg_name = &s->name;
            m->msg_namelen = sizeof s->name;
        } else if (len) {
            if (!(m->msg_name = sys_in(g->name, len)))
                return -EFAULT;
            m->msg_namelen = len;
        }
    }
    if (g->controllen) {
        if (receiving) {
            if (!(m->msg_control = sys_out(g->control, g->controllen)))
                return -EFAULT;
        } else {
            if (g->controllen > MSG_MAX_CONTROL)
                return -ENOBUFS;
            const void *in = sys_in(g->control, g->controllen);
            if (!in)
                return -EFAULT;
            if (!(s->control = malloc(g->controllen)))
                return -ENOMEM;
            memcpy(s->control, in, g->controllen);
            m->msg_control = s->control;
        }
        m->msg_controllen = g->controllen;
    }
    if (!receiving) {
        m->msg_flags = g->flags; /* the kernel honours a few (MSG_EOR) */
        if (passes_reserved_fd(m)) {
            free(s->control);
            s->control = NULL;
            return -EBADF;
        }
    }
    return 0;
}

/* After a successful receive: the name, then the three fields of the
 * guest's msghdr at addr that the kernel writes. */
static int msg_out(uint64_t addr, const struct guest_msghdr *g,
                   const struct msghdr *m, const struct msg_side *s)
{
    char *out = sys_out(addr, sizeof *g);
    if (!out)
        return -EFAULT;
    if (g->name) {
        uint32_t want = g->namelen > GUEST_SOCKADDR_MAX ? GUEST_SOCKADDR_MAX
                                                        : g->namelen;
        uint32_t copy = m->msg_namelen < want ? m->msg_namelen : want;
        void *name = copy ? sys_out(g->name, copy) : NULL;
        if (copy && !name)
            return -EFAULT;
        if (copy)
            memcpy(name, &s->name, copy);
        uint32_t len = m->msg_namelen;
        memcpy(out + offsetof(struct guest_msghdr, namelen), &len, 4);
    }
    uint64_t controllen = m->msg_controllen;
    int32_t flags = m->msg_flags;
    memcpy(out + offsetof(struct guest_msghdr, controllen), &controllen, 8);
    memcpy(out + offsetof(struct guest_msghdr, flags), &flags, 4);
    return 0;
}

static int get_msghdr(uint64_t addr, bool receiving, struct guest_msghdr *g)
{
    const void *in = receiving ? sys_out(addr, sizeof *g)
                               : sys_in(addr, sizeof *g);
    if (!in)
        return -EFAULT;
    memcpy(g, in, sizeof *g);
    return 0;
}

int64_t sys_sendmsg(struct hart *h, const uint64_t *a)
{
    struct guest_msghdr g;
    struct msghdr m;
    struct iovec iov[GUEST_UIO_MAXIOV];
    struct msg_side s;
    int err = get_msghdr(a[1], false, &g);
    if (!err)
        err = msg_in(&g, false, &m, iov, &s);
    if (err)
        return err;
    int64_t r = sys_ret(sendmsg((int)a[0], &m, (int)a[2]));
    free(s.control);
    return r;
}

int64_t sys_recvmsg(struct hart *h, const uint64_t *a)
{
    struct guest_msghdr g;
    struct msghdr m;
    struct iovec iov[GUEST_UIO_MAXIOV];
    struct msg_side s;
    int err = get_msghdr(a[1], true, &g);
    if (!err)
        err = msg_in(&g, true, &m, iov, &s);
    if (err)
        return err;
    ssize_t n = recvmsg((int)a[0], &m, (int)a[2]);
    if (n < 0)
        return -errno;
    return (err = msg_out(a[1], &g, &m, &s)) ? err : n;
}

/* Host copies of a guest mmsghdr vector; each message's iovs have their
 * own GUEST_UIO_MAXIOV slots only when needed, so the pool is sized from
 * the guest's counts. */
struct mmsg {
    unsigned n;
    struct guest_mmsghdr *g;
    struct mmsghdr *m;
    struct msg_side *s;
    struct iovec *iov;
};

static void mmsg_free(struct mmsg *v)
{
    for (unsigned i = 0; v->s && i < v->n; i++)
        free(v->s[i].control);
    free(v->g);
    free(v->m);
    free(v->s);
    free(v->iov);
}

/* Converts up to vlen messages; stops at the first bad one, which is an
 * error only when it is the first (the kernel handles the messages in
 * order and reports the count done). v->n says how many are ready. */
static int mmsg_in(uint64_t addr, unsigned vlen, bool receiving,
                   struct mmsg *v)
{
    memset(v, 0, sizeof *v);
    const char *in = sys_out(addr, (uint64_t)vlen * sizeof *v->g);
    if (!in)
        return -EFAULT;
    v->g = malloc(vlen * sizeof *v->g);
    v->m = calloc(vlen, sizeof *v->m);
    v->s = calloc(vlen, sizeof *v->s);
    if (!v->g || !v->m || !v->s)
        return -ENOMEM;
    memcpy(v->g, in, vlen * sizeof *v->g);
    uint64_t slots = 0;
    for (unsigned i = 0; i < vlen; i++)
        slots += v->g[i].hdr.iovlen > GUEST_UIO_MAXIOV ? 0 : v->g[i].hdr.iovlen;
    if (slots && !(v->iov = malloc(slots * sizeof *v->iov)))
        return -ENOMEM;
    uint64_t used = 0;
    for (unsigned i = 0; i < vlen; i++) {
        int err = msg_in(&v->g[i].hdr, receiving, &v->m[i].msg_hdr,
                         v->iov ? v->iov + used : NULL, &v->s[i]);
        if (err)
            return i ? 0 : err;
        used += v->m[i].msg_hdr.msg_iovlen;
        v->n = i + 1;
    }
    return 0;
}

/* Writes msg_len of the first n messages (and, receiving, the rest of
 * what recvmsg writes). */
static int mmsg_out(uint64_t addr, const struct mmsg *v, int n, bool receiving)
{
    for (int i = 0; i < n; i++) {
        uint64_t ga = addr + (uint64_t)i * sizeof *v->g;
        char *out = sys_out(ga, sizeof *v->g);
        if (!out)
            return -EFAULT;
        uint32_t len = v->m[i].msg_len;
        memcpy(out + offsetof(struct guest_mmsghdr, len), &len, 4);
        if (receiving) {
            int err = msg_out(ga, &v->g[i].hdr, &v->m[i].msg_hdr, &v->s[i]);
            if (err)
                return err;
        }
    }
    return 0;
}

int64_t sys_sendmmsg(struct hart *h, const uint64_t *a)
{
    unsigned vlen = (unsigned)a[2];
    if (vlen > GUEST_UIO_MAXIOV)
        vlen = GUEST_UIO_MAXIOV;
    if (!vlen)
        return 0;
    struct mmsg v;
    int64_t r = mmsg_in(a[1], vlen, false, &v);
    if (!r) {
        r = sys_ret(sendmmsg((int)a[0], v.m, v.n, (int)a[3]));
        if (r > 0)
            mmsg_out(a[1], &v, (int)r, false);
    }
    mmsg_free(&v);
    return r;
}

int64_t sys_recvmmsg(struct hart *h, const uint64_t *a)
{
    unsigned vlen = (unsigned)a[2];
    if (vlen > GUEST_UIO_MAXIOV)
        vlen = GUEST_UIO_MAXIOV;
    struct timespec ts, *tp = NULL;
    void *tout = NULL;
    if (a[4]) {
        if (!(tout = sys_out(a[4], sizeof(struct guest_timespec))))
            return -EFAULT;
        struct guest_timespec g;
        memcpy(&g, tout, sizeof g);
        ts = (struct timespec){g.tv_sec, g.tv_nsec};
        tp = &ts;
    }
    if (!vlen)
        return 0;
    struct mmsg v;
    int64_t r = mmsg_in(a[1], vlen, true, &v);
    if (!r) {
        r = sys_ret(recvmmsg((int)a[0], v.m, v.n, (int)a[3], tp));
        if (r > 0) {
            int err = mmsg_out(a[1], &v, (int)r, true);
            if (err)
                r = err;
        }
        if (r > 0 && tp) {
            /* the time left, as the kernel reports it */
            struct guest_timespec g = {ts.tv_sec, ts.tv_nsec};
            memcpy(tout, &g, sizeof g);
        }
    }
    mmsg_free(&v);
    return r;
}
