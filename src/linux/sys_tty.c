/* ioctl: the terminal requests programs use (isatty, line editing, window
 * size, job control) and the generic FIO* ones. riscv64 uses asm-generic's
 * kernel termios, which x86-64 shares, but the structures are still copied
 * field by field through explicit guest types. Other requests give ENOTTY,
 * as for a device that does not know them; arbitrary requests cannot be
 * passed through, since their argument may be a pointer to anything. */
#include <asm/termbits.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include "linux/process.h"
#include "linux/sys.h"

_Static_assert(TCGETS == GUEST_TCGETS && TCSETSF == GUEST_TCSETSF &&
                   TIOCGWINSZ == GUEST_TIOCGWINSZ && FIONREAD == GUEST_FIONREAD &&
                   TCGETS2 == GUEST_TCGETS2 && TCSETSF2 == GUEST_TCSETSF2 &&
                   TIOCGPTN == GUEST_TIOCGPTN && FIOCLEX == GUEST_FIOCLEX &&
                   TIOCSPTLCK == GUEST_TIOCSPTLCK &&
                   TIOCGPTLCK == GUEST_TIOCGPTLCK &&
                   TIOCGPTPEER == GUEST_TIOCGPTPEER &&
                   TIOCEXCL == GUEST_TIOCEXCL && TIOCNXCL == GUEST_TIOCNXCL &&
                   TIOCGEXCL == GUEST_TIOCGEXCL && TIOCMGET == GUEST_TIOCMGET &&
                   TIOCMSET == GUEST_TIOCMSET && TIOCMBIS == GUEST_TIOCMBIS &&
                   TIOCMBIC == GUEST_TIOCMBIC && TIOCSETD == GUEST_TIOCSETD &&
                   TIOCGETD == GUEST_TIOCGETD && TCSBRKP == GUEST_TCSBRKP &&
                   TIOCSBRK == GUEST_TIOCSBRK && TIOCCBRK == GUEST_TIOCCBRK,
               "terminal ioctl numbers pass through unchanged");
_Static_assert(NCCS == GUEST_NCCS, "kernel termios has 19 control chars");

void sys_conv_termios_in(struct termios *k, const struct guest_termios *g)
{
    memset(k, 0, sizeof *k);
    k->c_iflag = g->c_iflag;
    k->c_oflag = g->c_oflag;
    k->c_cflag = g->c_cflag;
    k->c_lflag = g->c_lflag;
    k->c_line = g->c_line;
    memcpy(k->c_cc, g->c_cc, GUEST_NCCS);
}

void sys_conv_termios_out(struct guest_termios *g, const struct termios *k)
{
    memset(g, 0, sizeof *g);
    g->c_iflag = k->c_iflag;
    g->c_oflag = k->c_oflag;
    g->c_cflag = k->c_cflag;
    g->c_lflag = k->c_lflag;
    g->c_line = k->c_line;
    memcpy(g->c_cc, k->c_cc, GUEST_NCCS);
}

static int64_t tc_get(int fd, uint64_t addr)
{
    struct termios k;
    if (ioctl(fd, TCGETS, &k) < 0)
        return -errno;
    void *out = sys_out(addr, sizeof(struct guest_termios));
    if (!out)
        return -EFAULT;
    struct guest_termios g;
    sys_conv_termios_out(&g, &k);
    memcpy(out, &g, sizeof g);
    return 0;
}

static int64_t tc_set(int fd, unsigned long req, uint64_t addr)
{
    const void *in = sys_in(addr, sizeof(struct guest_termios));
    if (!in)
        return -EFAULT;
    struct guest_termios g;
    memcpy(&g, in, sizeof g);
    struct termios k;
    sys_conv_termios_in(&k, &g);
    return sys_ret(ioctl(fd, req, &k));
}

static int64_t tc_get2(int fd, uint64_t addr)
{
    struct termios2 k;
    if (ioctl(fd, TCGETS2, &k) < 0)
        return -errno;
    void *out = sys_out(addr, sizeof(struct guest_termios2));
    if (!out)
        return -EFAULT;
    struct guest_termios2 g;
    struct termios t;
    memcpy(&t, &k, sizeof t); /* termios2 begins with termios's fields */
    sys_conv_termios_out(&g.t, &t);
    g.c_ispeed = k.c_ispeed;
    g.c_ospeed = k.c_ospeed;
    memcpy(out, &g, sizeof g);
    return 0;
}

static int64_t tc_set2(int fd, unsigned long req, uint64_t addr)
{
    const void *in = sys_in(addr, sizeof(struct guest_termios2));
    if (!in)
        return -EFAULT;
    struct guest_termios2 g;
    memcpy(&g, in, sizeof g);
    struct termios t;
    sys_conv_termios_in(&t, &g.t);
    struct termios2 k;
    memset(&k, 0, sizeof k);
    memcpy(&k, &t, sizeof t);
    k.c_ispeed = g.c_ispeed;
    k.c_ospeed = g.c_ospeed;
    return sys_ret(ioctl(fd, req, &k));
}

static int64_t int_out(int fd, unsigned long req, uint64_t addr)
{
    int v;
    if (ioctl(fd, req, &v) < 0)
        return -errno;
    void *out = sys_out(addr, 4);
    if (!out)
        return -EFAULT;
    int32_t g = v;
    memcpy(out, &g, 4);
    return 0;
}

static int64_t int_in(int fd, unsigned long req, uint64_t addr)
{
    const void *in = sys_in(addr, 4);
    if (!in)
        return -EFAULT;
    int32_t g;
    memcpy(&g, in, 4);
    int v = g;
    return sys_ret(ioctl(fd, req, &v));
}

static void report_unknown(uint32_t req)
{
    static _Atomic int reported;
    if (reported++ < 16)
        fprintf(stderr, "hart: unimplemented ioctl %#x\n", req);
}

int64_t sys_ioctl(struct hart *h, const uint64_t *a)
{
    int fd = (int)a[0];
    uint32_t req = (uint32_t)a[1];
    uint64_t arg = a[2];
    switch (req) {
    case GUEST_TCGETS:
        return tc_get(fd, arg);
    case GUEST_TCSETS:
    case GUEST_TCSETSW:
    case GUEST_TCSETSF:
        return tc_set(fd, req, arg);
    case GUEST_TCGETS2:
        return tc_get2(fd, arg);
    case GUEST_TCSETS2:
    case GUEST_TCSETSW2:
    case GUEST_TCSETSF2:
        return tc_set2(fd, req, arg);
    case GUEST_TIOCGWINSZ: {
        struct winsize w;
        if (ioctl(fd, TIOCGWINSZ, &w) < 0)
            return -errno;
        void *out = sys_out(arg, sizeof(struct guest_winsize));
        if (!out)
            return -EFAULT;
        struct guest_winsize g = {w.ws_row, w.ws_col, w.ws_xpixel,
                                  w.ws_ypixel};
        memcpy(out, &g, sizeof g);
        return 0;
    }
    case GUEST_TIOCSWINSZ: {
        const void *in = sys_in(arg, sizeof(struct guest_winsize));
        if (!in)
            return -EFAULT;
        struct guest_winsize g;
        memcpy(&g, in, sizeof g);
        struct winsize w = {g.ws_row, g.ws_col, g.ws_xpixel, g.ws_ypixel};
        return sys_ret(ioctl(fd, TIOCSWINSZ, &w));
    }
    case GUEST_TIOCGPGRP:
    case GUEST_TIOCGSID:
    case GUEST_FIONREAD:
    case GUEST_TIOCOUTQ:
    case GUEST_TIOCGPTN:
    case GUEST_TIOCGPTLCK:
    case GUEST_TIOCGEXCL:
    case GUEST_TIOCGETD:
    case GUEST_TIOCMGET:
        return int_out(fd, req, arg);
    case GUEST_TIOCSPGRP:
    case GUEST_FIONBIO:
    case GUEST_FIOASYNC:
    case GUEST_TIOCSPTLCK:
    case GUEST_TIOCSETD:
    case GUEST_TIOCMSET:
    case GUEST_TIOCMBIS:
    case GUEST_TIOCMBIC:
        return int_in(fd, req, arg);
    case GUEST_TIOCSCTTY:
    case GUEST_TCSBRK:
    case GUEST_TCSBRKP:
    case GUEST_TCXONC:
    case GUEST_TCFLSH:
    case GUEST_TIOCGPTPEER: /* arg: open flags; the result is a descriptor */
        return sys_ret(ioctl(fd, req, (int)arg));
    case GUEST_TIOCNOTTY:
    case GUEST_TIOCEXCL:
    case GUEST_TIOCNXCL:
    case GUEST_TIOCSBRK:
    case GUEST_TIOCCBRK:
    case GUEST_FIOCLEX:
    case GUEST_FIONCLEX:
        return sys_ret(ioctl(fd, req));
    default: {
        int64_t r;
        if (sys_sockio(fd, req, arg, &r))
            return r;
        if (fcntl(fd, F_GETFD) < 0)
            return -errno;
        if (proc.strace || proc.debug_unimplemented)
            report_unknown(req);
        return -ENOTTY;
    }
    }
}
