/* Socket system calls through the dispatcher with guest memory: addresses
 * copied in and out with Linux's length rules, option values with their
 * own layouts (timeval, linger, the translated SO_ATTACH_FILTER program),
 * refused options, and the message calls: msghdr's pointers translated,
 * SCM_RIGHTS descriptors passed (never one of hart's own), names and the
 * three written-back fields, mmsghdr's msg_len. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "linux/syscall.h"
#include "sys_testlib.h"
#include "test.h"

void syscall_reserve_fd(int fd);

/* Little guest-memory builders. */
static void put_iov(uint64_t at, uint64_t base, uint64_t len)
{
    struct guest_iovec v = {base, len};
    memcpy(g2h(at), &v, sizeof v);
}

static void put_msghdr(uint64_t at, uint64_t name, uint32_t namelen,
                       uint64_t iov, uint64_t iovlen, uint64_t control,
                       uint64_t controllen)
{
    struct guest_msghdr m = {name, namelen, 0x5a5a5a5a, iov, iovlen,
                             control, controllen, 0, 0x5a5a5a5a};
    memcpy(g2h(at), &m, sizeof m);
}

static struct guest_msghdr get_msghdr(uint64_t at)
{
    struct guest_msghdr m;
    memcpy(&m, g2h(at), sizeof m);
    return m;
}

/* A SCM_RIGHTS control message for one descriptor at at; its length. */
static uint64_t put_rights(uint64_t at, int fd)
{
    struct guest_cmsghdr c = {sizeof c + 4, GUEST_SOL_SOCKET, GUEST_SCM_RIGHTS};
    memcpy(g2h(at), &c, sizeof c);
    int32_t f = fd;
    memcpy(g2h(at + sizeof c), &f, 4);
    return sizeof c + 8; /* CMSG_SPACE(4) */
}

TEST(sys_net_socketpair_and_rights)
{
    uint64_t m = stl_area();
    CHECK_EQ(SYS4(GUEST_NR_socketpair, AF_UNIX, SOCK_STREAM, 0,
                  stl_readonly_page()), -EFAULT);
    CHECK_EQ(SYS4(GUEST_NR_socketpair, AF_UNIX, SOCK_STREAM, 0, m), 0);
    int32_t sv[2];
    memcpy(sv, g2h(m), sizeof sv);
    CHECK(fcntl(sv[0], F_GETFD) >= 0 && fcntl(sv[1], F_GETFD) >= 0);

    /* send a pipe's write end with one byte */
    int p[2];
    CHECK_EQ(pipe(p), 0);
    memcpy(g2h(m + 0x100), "R", 1);
    put_iov(m + 0x200, m + 0x100, 1);
    uint64_t clen = put_rights(m + 0x300, p[1]);
    put_msghdr(m + 0x400, 0, 0, m + 0x200, 1, m + 0x300, clen);
    CHECK_EQ(SYS3(GUEST_NR_sendmsg, sv[0], m + 0x400, 0), 1);

    /* receive it into guest buffers */
    put_iov(m + 0x500, m + 0x600, 16);
    memset(g2h(m + 0x700), 0xee, 64);
    put_msghdr(m + 0x800, 0, 0, m + 0x500, 1, m + 0x700, 64);
    CHECK_EQ(SYS3(GUEST_NR_recvmsg, sv[1], m + 0x800, 0), 1);
    struct guest_msghdr got = get_msghdr(m + 0x800);
    CHECK_EQ(got.controllen, 24); /* CMSG_SPACE(4), as the kernel counts */
    CHECK_EQ(got.flags, 0);
    CHECK_EQ(got.pad, 0x5a5a5a5a); /* only the three fields are written */
    CHECK_EQ(got.iov, m + 0x500);
    CHECK_EQ(*(char *)g2h(m + 0x600), 'R');
    struct guest_cmsghdr c;
    memcpy(&c, g2h(m + 0x700), sizeof c);
    CHECK_EQ(c.level, GUEST_SOL_SOCKET);
    CHECK_EQ(c.type, GUEST_SCM_RIGHTS);
    int32_t fd;
    memcpy(&fd, g2h(m + 0x700 + sizeof c), 4);
    CHECK(fd != p[1] && fcntl(fd, F_GETFD) >= 0);
    CHECK_EQ(write(fd, "via", 3), 3);
    char buf[4];
    CHECK_EQ(read(p[0], buf, sizeof buf), 3);
    close(fd);

    /* one of hart's own descriptors cannot be passed */
    int mine = dup(2);
    syscall_reserve_fd(mine);
    put_rights(m + 0x300, mine);
    CHECK_EQ(SYS3(GUEST_NR_sendmsg, sv[0], m + 0x400, 0), -EBADF);
    CHECK(fcntl(mine, F_GETFD) >= 0);

    /* bad pointers: msghdr, iov base, control */
    CHECK_EQ(SYS3(GUEST_NR_sendmsg, sv[0], stl_unmapped_page(), 0), -EFAULT);
    put_iov(m + 0x200, stl_unmapped_page(), 1);
    put_msghdr(m + 0x400, 0, 0, m + 0x200, 1, 0, 0);
    CHECK_EQ(SYS3(GUEST_NR_sendmsg, sv[0], m + 0x400, 0), -EFAULT);
    put_iov(m + 0x200, m + 0x100, 1);
    put_msghdr(m + 0x400, 0, 0, m + 0x200, 1, stl_unmapped_page(), 16);
    CHECK_EQ(SYS3(GUEST_NR_sendmsg, sv[0], m + 0x400, 0), -EFAULT);
    put_msghdr(m + 0x400, 0, 0, m + 0x200, GUEST_UIO_MAXIOV + 1, 0, 0);
    CHECK_EQ(SYS3(GUEST_NR_sendmsg, sv[0], m + 0x400, 0), -EMSGSIZE);
    /* recvmsg writes its msghdr back: a read-only one is refused */
    memcpy(g2h(m + 0x400), g2h(m + 0x800), sizeof(struct guest_msghdr));
    CHECK_EQ(SYS3(GUEST_NR_recvmsg, sv[1], stl_readonly_page(), 0), -EFAULT);
    close(p[0]);
    close(p[1]);
    close(sv[0]);
    close(sv[1]);
}

/* A UDP socket on 127.0.0.1, its address in the guest at addr. */
static int64_t udp_socket(uint64_t addr)
{
    int64_t s = SYS3(GUEST_NR_socket, AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    memcpy(g2h(addr), &a, sizeof a);
    CHECK_EQ(SYS3(GUEST_NR_bind, s, addr, sizeof a), 0);
    uint32_t len = sizeof a;
    memcpy(g2h(addr + 64), &len, 4);
    CHECK_EQ(SYS3(GUEST_NR_getsockname, s, addr, addr + 64), 0);
    return s;
}

TEST(sys_net_addresses)
{
    uint64_t m = stl_area();
    int64_t r = udp_socket(m), s = udp_socket(m + 0x100);
    struct sockaddr_in ra;
    memcpy(&ra, g2h(m), sizeof ra);
    CHECK(ra.sin_port != 0);
    CHECK_EQ(ra.sin_family, AF_INET);
    /* too long, negative, unreadable */
    CHECK_EQ(SYS3(GUEST_NR_bind, s, m, 129), -EINVAL);
    CHECK_EQ(SYS3(GUEST_NR_connect, s, m, (uint32_t)-1), -EINVAL);
    CHECK_EQ(SYS3(GUEST_NR_connect, s, stl_unmapped_page(), 16), -EFAULT);

    memcpy(g2h(m + 0x200), "datagram", 8);
    CHECK_EQ(SYS6(GUEST_NR_sendto, s, m + 0x200, 8, 0, m, 16), 8);
    /* recvfrom with room for 6 bytes of the sender's 16 */
    memset(g2h(m + 0x300), 0xcc, 32);
    uint32_t len = 6;
    memcpy(g2h(m + 0x340), &len, 4);
    CHECK_EQ(SYS6(GUEST_NR_recvfrom, r, m + 0x400, 64, 0, m + 0x300, m + 0x340),
             8);
    CHECK(!memcmp(g2h(m + 0x400), "datagram", 8));
    memcpy(&len, g2h(m + 0x340), 4);
    CHECK_EQ(len, 16);
    CHECK(!memcmp(g2h(m + 0x300), g2h(m + 0x100), 6));
    CHECK_EQ(*(uint8_t *)g2h(m + 0x306), 0xcc);

    /* getsockname with no buffer and length 0 succeeds with the length */
    len = 0;
    memcpy(g2h(m + 0x340), &len, 4);
    CHECK_EQ(SYS3(GUEST_NR_getsockname, s, 0, m + 0x340), 0);
    memcpy(&len, g2h(m + 0x340), 4);
    CHECK_EQ(len, 16);
    len = (uint32_t)-1;
    memcpy(g2h(m + 0x340), &len, 4);
    CHECK_EQ(SYS3(GUEST_NR_getsockname, s, m + 0x300, m + 0x340), -EINVAL);
    len = 16;
    memcpy(g2h(m + 0x340), &len, 4);
    CHECK_EQ(SYS3(GUEST_NR_getsockname, s, stl_readonly_page(), m + 0x340),
             -EFAULT);
    CHECK_EQ(SYS3(GUEST_NR_getsockname, s, m + 0x300, stl_unmapped_page()),
             -EFAULT);

    /* recvmsg: a short name buffer gets a prefix and the full length */
    CHECK_EQ(SYS6(GUEST_NR_sendto, s, m + 0x200, 4, 0, m, 16), 4);
    put_iov(m + 0x500, m + 0x600, 64);
    memset(g2h(m + 0x700), 0xcc, 32);
    put_msghdr(m + 0x800, m + 0x700, 4, m + 0x500, 1, 0, 0);
    CHECK_EQ(SYS3(GUEST_NR_recvmsg, r, m + 0x800, 0), 4);
    struct guest_msghdr got = get_msghdr(m + 0x800);
    CHECK_EQ(got.namelen, 16);
    CHECK_EQ(got.controllen, 0);
    CHECK(!memcmp(g2h(m + 0x700), g2h(m + 0x100), 4));
    CHECK_EQ(*(uint8_t *)g2h(m + 0x704), 0xcc);

    /* whole buffers only: a send running into an unmapped page fails */
    CHECK_EQ(SYS6(GUEST_NR_sendto, s, stl_readonly_page() + GUEST_PAGE_SIZE - 4,
                  8, 0, m, 16), -EFAULT);
    CHECK_EQ(SYS6(GUEST_NR_recvfrom, r, stl_readonly_page(), 8, 0, 0, 0),
             -EFAULT);
    close((int)r);
    close((int)s);
}

TEST(sys_net_accept)
{
    uint64_t m = stl_area();
    int64_t ls = SYS3(GUEST_NR_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK(ls >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    memcpy(g2h(m), &a, sizeof a);
    CHECK_EQ(SYS3(GUEST_NR_bind, ls, m, sizeof a), 0);
    CHECK_EQ(SYS2(GUEST_NR_listen, ls, 2), 0);
    uint32_t len = sizeof a;
    memcpy(g2h(m + 64), &len, 4);
    CHECK_EQ(SYS3(GUEST_NR_getsockname, ls, m, m + 64), 0);
    memcpy(&a, g2h(m), sizeof a);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_EQ(connect(c, (struct sockaddr *)&a, sizeof a), 0);
    memset(g2h(m + 0x100), 0xcc, 32);
    len = 8;
    memcpy(g2h(m + 64), &len, 4);
    int64_t s = SYS4(GUEST_NR_accept4, ls, m + 0x100, m + 64, SOCK_NONBLOCK);
    CHECK(s >= 0);
    CHECK(fcntl((int)s, F_GETFL) & O_NONBLOCK);
    memcpy(&len, g2h(m + 64), 4);
    CHECK_EQ(len, 16);
    CHECK_EQ(*(uint16_t *)g2h(m + 0x100), AF_INET);
    CHECK_EQ(*(uint8_t *)g2h(m + 0x108), 0xcc);
    /* nothing waiting on a non-blocking listener: EAGAIN, also without an
     * address buffer */
    fcntl((int)ls, F_SETFL, O_NONBLOCK);
    CHECK_EQ(SYS3(GUEST_NR_accept, ls, 0, 0), -EAGAIN);
    close(c);
    close((int)s);
    close((int)ls);
}

TEST(sys_net_options)
{
    uint64_t m = stl_area();
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct guest_timeval tv = {2, 500000};
    memcpy(g2h(m), &tv, sizeof tv);
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, SOL_SOCKET, SO_RCVTIMEO, m,
                  sizeof tv), 0);
    memset(g2h(m + 0x40), 0, 16);
    uint32_t len = 64;
    memcpy(g2h(m + 0x80), &len, 4);
    CHECK_EQ(SYS5(GUEST_NR_getsockopt, s, SOL_SOCKET, SO_RCVTIMEO, m + 0x40,
                  m + 0x80), 0);
    memcpy(&tv, g2h(m + 0x40), sizeof tv);
    CHECK_EQ(tv.tv_sec, 2);
    CHECK(tv.tv_usec >= 500000 && tv.tv_usec < 510000); /* jiffies */
    memcpy(&len, g2h(m + 0x80), 4);
    CHECK_EQ(len, 16);
    int32_t linger[2] = {1, 9};
    memcpy(g2h(m), linger, 8);
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, SOL_SOCKET, SO_LINGER, m, 8), 0);
    len = 8;
    memcpy(g2h(m + 0x80), &len, 4);
    CHECK_EQ(SYS5(GUEST_NR_getsockopt, s, SOL_SOCKET, SO_LINGER, m + 0x40,
                  m + 0x80), 0);
    CHECK_EQ(*(int32_t *)g2h(m + 0x44), 9);
    /* lengths and pointers */
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, SOL_SOCKET, SO_LINGER, m,
                  (uint32_t)-1), -EINVAL);
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, SOL_SOCKET, SO_LINGER,
                  stl_unmapped_page(), 8), -EFAULT);
    len = (uint32_t)-1;
    memcpy(g2h(m + 0x80), &len, 4);
    CHECK_EQ(SYS5(GUEST_NR_getsockopt, s, SOL_SOCKET, SO_TYPE, m + 0x40,
                  m + 0x80), -EINVAL);
    CHECK_EQ(SYS5(GUEST_NR_getsockopt, s, SOL_SOCKET, SO_TYPE, m + 0x40,
                  stl_readonly_page()), -EFAULT);
    len = 4;
    memcpy(g2h(m + 0x80), &len, 4);
    CHECK_EQ(SYS5(GUEST_NR_getsockopt, s, SOL_SOCKET, SO_TYPE,
                  stl_readonly_page(), m + 0x80), -EFAULT);
    /* options carrying host-unsafe pointers are refused */
    CHECK_EQ(SYS5(GUEST_NR_getsockopt, s, IPPROTO_TCP, 35, m + 0x40, m + 0x80),
             -ENOPROTOOPT);
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, IPPROTO_IP, 64, m, 8), -ENOPROTOOPT);
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, 283 /* SOL_XDP */, 4, m, 8),
             -ENOPROTOOPT);

    /* SO_ATTACH_FILTER: the program pointer is translated */
    uint8_t ret_all[8] = {0x06, 0, 0, 0, 0xff, 0xff, 0xff, 0xff}; /* ret #-1 */
    memcpy(g2h(m + 0x200), ret_all, 8);
    struct guest_sock_fprog fp = {1, {0}, m + 0x200};
    memcpy(g2h(m + 0x100), &fp, sizeof fp);
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, SOL_SOCKET, SO_ATTACH_FILTER,
                  m + 0x100, sizeof fp), 0);
    fp.filter = stl_unmapped_page();
    memcpy(g2h(m + 0x100), &fp, sizeof fp);
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, SOL_SOCKET, SO_ATTACH_FILTER,
                  m + 0x100, sizeof fp), -EFAULT);
    CHECK_EQ(SYS5(GUEST_NR_setsockopt, s, SOL_SOCKET, SO_ATTACH_FILTER,
                  m + 0x100, 4), -EINVAL);
    close(s);
}

TEST(sys_net_mmsg)
{
    uint64_t m = stl_area();
    int sv[2];
    CHECK_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
    /* three messages of 1, 2 and 3 bytes, each from one iovec */
    memcpy(g2h(m), "abbccc", 6);
    uint64_t vec = m + 0x100, iovs = m + 0x400;
    for (int i = 0; i < 3; i++) {
        put_iov(iovs + 16 * i, m + (i == 0 ? 0 : i == 1 ? 1 : 3), i + 1);
        struct guest_mmsghdr mm = {{0, 0, 0, iovs + 16 * i, 1, 0, 0, 0, 0},
                                   0xdead, 0xbeef};
        memcpy(g2h(vec + sizeof mm * i), &mm, sizeof mm);
    }
    CHECK_EQ(SYS4(GUEST_NR_sendmmsg, sv[0], vec, 3, 0), 3);
    for (int i = 0; i < 3; i++) {
        struct guest_mmsghdr mm;
        memcpy(&mm, g2h(vec + sizeof mm * i), sizeof mm);
        CHECK_EQ(mm.len, i + 1);
        CHECK_EQ(mm.pad, 0xbeef);
    }
    /* receive into four slots; a timeout is written back */
    uint64_t rvec = m + 0x800, rbuf = m + 0xc00;
    for (int i = 0; i < 4; i++) {
        put_iov(iovs + 16 * i, rbuf + 16 * i, 16);
        struct guest_mmsghdr mm = {{0, 0, 0, iovs + 16 * i, 1, 0, 0, 0, 0},
                                   0, 0};
        memcpy(g2h(rvec + sizeof mm * i), &mm, sizeof mm);
    }
    struct guest_timespec ts = {5, 0};
    memcpy(g2h(m + 0x80), &ts, sizeof ts);
    CHECK_EQ(SYS5(GUEST_NR_recvmmsg, sv[1], rvec, 4, MSG_DONTWAIT, m + 0x80), 3);
    for (int i = 0; i < 3; i++) {
        struct guest_mmsghdr mm;
        memcpy(&mm, g2h(rvec + sizeof mm * i), sizeof mm);
        CHECK_EQ(mm.len, i + 1);
    }
    CHECK(!memcmp(g2h(rbuf + 32), "ccc", 3));
    memcpy(&ts, g2h(m + 0x80), sizeof ts);
    CHECK(ts.tv_sec <= 5 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
    CHECK_EQ(SYS5(GUEST_NR_recvmmsg, sv[1], rvec, 4, MSG_DONTWAIT, 0), -EAGAIN);
    CHECK_EQ(SYS4(GUEST_NR_sendmmsg, sv[0], vec, 0, 0), 0);
    CHECK_EQ(SYS4(GUEST_NR_sendmmsg, sv[0], stl_unmapped_page(), 1, 0), -EFAULT);
    /* a bad second message: the first is sent and counted */
    struct guest_mmsghdr bad = {{0, 0, 0, stl_unmapped_page(), 1, 0, 0, 0, 0},
                                0, 0};
    memcpy(g2h(vec + sizeof bad), &bad, sizeof bad);
    CHECK_EQ(SYS4(GUEST_NR_sendmmsg, sv[0], vec, 3, 0), 1);
    close(sv[0]);
    close(sv[1]);
}

TEST(sys_net_ioctl)
{
    uint64_t m = stl_area();
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    /* an ifreq in place */
    stl_put_str(m, "lo");
    CHECK_EQ(SYS3(GUEST_NR_ioctl, s, SIOCGIFINDEX, m), 0);
    CHECK_EQ(*(int32_t *)g2h(m + 16), (int32_t)if_nametoindex("lo"));
    CHECK_EQ(SYS3(GUEST_NR_ioctl, s, SIOCGIFINDEX, stl_readonly_page()),
             -EFAULT);
    /* SIOCGIFCONF: the guest's buffer pointer is translated */
    struct ifconf_g {
        int32_t len;
        uint32_t pad;
        uint64_t buf;
    } ic = {32 * 40, 0, m + 0x100};
    memcpy(g2h(m + 0x40), &ic, sizeof ic);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, s, SIOCGIFCONF, m + 0x40), 0);
    memcpy(&ic, g2h(m + 0x40), sizeof ic);
    CHECK(ic.len >= 40 && ic.len % 40 == 0);
    CHECK_EQ(ic.buf, m + 0x100);
    bool lo = false;
    for (int i = 0; i < ic.len / 40; i++)
        lo |= !strcmp(g2h(m + 0x100 + 40 * (uint64_t)i), "lo");
    CHECK(lo);
    ic = (struct ifconf_g){0, 0, 0};
    memcpy(g2h(m + 0x40), &ic, sizeof ic);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, s, SIOCGIFCONF, m + 0x40), 0);
    CHECK(*(int32_t *)g2h(m + 0x40) >= 40);
    ic = (struct ifconf_g){40, 0, stl_readonly_page()};
    memcpy(g2h(m + 0x40), &ic, sizeof ic);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, s, SIOCGIFCONF, m + 0x40), -EFAULT);
    close(s);
}

/* Hostile arguments for the conversions of this area (see
 * test_sys_hostile.c): pointers NULL, unmapped, read-only, straddling,
 * outside the space; absurd sizes; descriptors that are non-blocking unix
 * sockets, a pipe or nothing. Only calls that cannot block or reach the
 * network are used. Each answer must be a result or -errno, and the
 * sanitizers watch every access. */
static uint64_t rng = 0x2545f4914f6cdd1dull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

TEST(sys_net_hostile)
{
    static const int calls[] = {
        GUEST_NR_getsockname, GUEST_NR_getpeername, GUEST_NR_getsockopt,
        GUEST_NR_recvfrom, GUEST_NR_sendto, GUEST_NR_sendmsg, GUEST_NR_recvmsg,
        GUEST_NR_sendmmsg, GUEST_NR_recvmmsg, GUEST_NR_accept4,
        GUEST_NR_epoll_ctl, GUEST_NR_timerfd_gettime, GUEST_NR_getitimer,
        GUEST_NR_timer_gettime, GUEST_NR_getxattr, GUEST_NR_fgetxattr,
        GUEST_NR_listxattr, GUEST_NR_flistxattr, GUEST_NR_capget,
        GUEST_NR_sched_getattr, GUEST_NR_sched_rr_get_interval,
    };
    uint64_t m = stl_area();
    int sv[2], p[2];
    CHECK_EQ(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, sv), 0);
    CHECK_EQ(pipe2(p, O_NONBLOCK), 0);
    const uint64_t ptrs[] = {
        0, 8, stl_unmapped_page(), stl_readonly_page(), stl_readonly_page() - 8,
        stl_unmapped_page() - 8, m, m + 0x1003, GUEST_SPACE_SIZE - 1,
        UINT64_MAX - 4095};
    const uint64_t sizes[] = {0, 1, 4, 8, 16, 56, 64, 128, 4096, 1u << 31,
                              UINT64_MAX, 0xffffffffu, 1025};
    const uint64_t fds[] = {(uint64_t)-1, 999, (uint64_t)sv[0], (uint64_t)sv[1],
                            (uint64_t)p[0]};
    int bad = 0, ok = 0, efault = 0;
    for (int iter = 0; iter < 10000; iter++) {
        /* guest memory full of plausible and implausible pointers */
        if (iter % 64 == 0)
            for (int i = 0; i < 512; i++) {
                uint64_t v = (next() & 1) ? ptrs[next() % 10] : next() % 200;
                memcpy(g2h(m + 8 * i), &v, 8);
            }
        int nr = calls[next() % (sizeof calls / sizeof *calls)];
        const struct sys_entry *e = sys_entry_of((uint64_t)nr);
        uint64_t a[6] = {0};
        for (int i = 0; i < 6 && e->arg[i] != A_VOID; i++) {
            switch (e->arg[i]) {
            case A_FD:
            case A_DIRFD:
                a[i] = fds[next() % (sizeof fds / sizeof *fds)];
                break;
            case A_PTR: case A_PATH: case A_STR: case A_IBUF: case A_OBUF:
                a[i] = ptrs[next() % (sizeof ptrs / sizeof *ptrs)];
                break;
            default:
                a[i] = (next() & 1) ? sizes[next() % (sizeof sizes / sizeof *sizes)]
                                    : next() % 300;
            }
        }
        int64_t r = stl_call((uint64_t)nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        bad += r < -4095;
        ok += r >= 0;
        efault += r == -EFAULT;
        if (r > 2 && nr == GUEST_NR_accept4)
            close((int)r);
    }
    CHECK_EQ(bad, 0);
    CHECK(ok > 100);
    CHECK(efault > 1000);
    close(sv[0]);
    close(sv[1]);
    close(p[0]);
    close(p[1]);
}
