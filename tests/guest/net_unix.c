/* Unix sockets: a socketpair passing descriptors with SCM_RIGHTS (a pipe's
 * write end and a file, used on the other side), several descriptors in
 * one message, SCM_CREDENTIALS with SO_PASSCRED, SO_PEERCRED,
 * MSG_CMSG_CLOEXEC; a named socket in the working directory and an
 * abstract one (getsockname's lengths), and SOCK_SEQPACKET record
 * boundaries. A control buffer too small for the descriptors is
 * tests/expect/net_ctrunc.c's (qemu-riscv64 gets it wrong). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

/* Sends one byte with n descriptors. */
static long send_fds(int s, const int *fds, int n)
{
    union {
        char buf[CMSG_SPACE(8 * sizeof(int))];
        struct cmsghdr align;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {"F", 1};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                       .msg_controllen = CMSG_SPACE(n * sizeof(int))};
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(n * sizeof(int));
    memcpy(CMSG_DATA(c), fds, n * sizeof(int));
    return sendmsg(s, &m, 0);
}

/* Receives one message; returns how many descriptors came (into fds). */
static int recv_fds(int s, int *fds, size_t ctl_size, int flags, int *mflags)
{
    union {
        char buf[256];
        struct cmsghdr align;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    char byte;
    struct iovec iov = {&byte, 1};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                       .msg_controllen = ctl_size};
    if (recvmsg(s, &m, flags) < 0) {
        printf("recvmsg: %s\n", strerror(errno));
        return -1;
    }
    *mflags = m.msg_flags;
    int n = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            memcpy(fds + n, CMSG_DATA(c), k * sizeof(int));
            n += k;
        }
    return n;
}

int main(void)
{
    int sv[2];
    result("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));

    /* a pipe's write end crosses over and is written to there */
    int p[2];
    pipe(p);
    result("send pipe fd", send_fds(sv[0], &p[1], 1));
    int got[8], mflags;
    int n = recv_fds(sv[1], got, 256, 0, &mflags);
    printf("received %d fd, a new one %d\n", n, n == 1 && got[0] != p[1]);
    write(got[0], "through the passed fd", 21);
    close(got[0]);
    char buf[64];
    long k = read(p[0], buf, sizeof buf);
    printf("pipe read: %.*s\n", (int)k, buf);

    /* three at once, with close-on-exec on arrival */
    int fd = open("file", O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(fd, "file contents", 13);
    int three[3] = {fd, p[0], p[1]};
    result("send three", send_fds(sv[0], three, 3));
    n = recv_fds(sv[1], got, 256, MSG_CMSG_CLOEXEC, &mflags);
    printf("received %d, cloexec %d %d %d\n", n,
           (fcntl(got[0], F_GETFD) & FD_CLOEXEC) != 0,
           (fcntl(got[1], F_GETFD) & FD_CLOEXEC) != 0,
           (fcntl(got[2], F_GETFD) & FD_CLOEXEC) != 0);
    struct stat a, b;
    fstat(fd, &a);
    fstat(got[0], &b);
    printf("same file: %d\n", a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    k = pread(got[0], buf, sizeof buf, 5);
    printf("pread through it: %.*s\n", (int)k, buf);
    for (int i = 0; i < n; i++)
        close(got[i]);

    int badfd = 999;
    result("send a closed fd", send_fds(sv[0], &badfd, 1));

    /* credentials */
    struct ucred cr;
    socklen_t len = sizeof cr;
    result("SO_PEERCRED", getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &len));
    printf("peer is us: %d %d %d len %u\n", cr.pid == getpid(),
           cr.uid == getuid(), cr.gid == getgid(), len);
    int one = 1;
    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
    union {
        char buf[CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {"C", 1};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                       .msg_controllen = sizeof ctl.buf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDENTIALS;
    c->cmsg_len = CMSG_LEN(sizeof cr);
    struct ucred mine = {getpid(), getuid(), getgid()};
    memcpy(CMSG_DATA(c), &mine, sizeof mine);
    result("send credentials", sendmsg(sv[0], &m, 0));
    char byte;
    iov = (struct iovec){&byte, 1};
    memset(&ctl, 0, sizeof ctl);
    m.msg_controllen = sizeof ctl.buf;
    result("recvmsg credentials", recvmsg(sv[1], &m, 0));
    c = CMSG_FIRSTHDR(&m);
    if (c && c->cmsg_type == SCM_CREDENTIALS) {
        memcpy(&cr, CMSG_DATA(c), sizeof cr);
        printf("credentials: len %zu pid ok %d uid ok %d gid ok %d\n",
               (size_t)c->cmsg_len, cr.pid == getpid(), cr.uid == getuid(),
               cr.gid == getgid());
    } else {
        printf("no credentials\n");
    }
    close(sv[0]);
    close(sv[1]);

    /* a named socket, datagrams */
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    strcpy(sa.sun_path, "sock");
    int srv = socket(AF_UNIX, SOCK_DGRAM, 0);
    result("bind named", bind(srv, (struct sockaddr *)&sa,
                              offsetof(struct sockaddr_un, sun_path) + 5));
    struct sockaddr_un back;
    len = sizeof back;
    getsockname(srv, (struct sockaddr *)&back, &len);
    printf("named: len %u path %s\n", len, back.sun_path);
    int cl = socket(AF_UNIX, SOCK_DGRAM, 0);
    result("sendto named", sendto(cl, "dgram", 5, 0, (struct sockaddr *)&sa,
                                  sizeof sa));
    len = sizeof back;
    k = recvfrom(srv, buf, sizeof buf, 0, (struct sockaddr *)&back, &len);
    printf("recvfrom: %ld %.*s from unbound, len %u\n", k, (int)k, buf, len);
    close(cl);
    close(srv);
    unlink("sock");

    /* abstract names and SOCK_SEQPACKET; the name is the process's own,
     * as tests/guest/run.sh runs hart and qemu-riscv64 at once, and an
     * abstract name is global: "hart-net-unix-" and 4 digits of the pid */
    struct sockaddr_un ab = {.sun_family = AF_UNIX};
    char abname[19];
    snprintf(abname, sizeof abname, "hart-net-unix-%04u", (unsigned)getpid() % 10000);
    memcpy(ab.sun_path + 1, abname, 18);
    socklen_t ablen = offsetof(struct sockaddr_un, sun_path) + 19;
    int ls = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    result("bind abstract", bind(ls, (struct sockaddr *)&ab, ablen));
    listen(ls, 1);
    len = sizeof back;
    getsockname(ls, (struct sockaddr *)&back, &len);
    printf("abstract: len %u name %.14s, own %s\n", len, back.sun_path + 1,
           memcmp(back.sun_path + 1, abname, 18) == 0 ? "yes" : "no");
    cl = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    result("connect abstract", connect(cl, (struct sockaddr *)&ab, ablen));
    int ac = accept(ls, NULL, NULL);
    send(cl, "first record", 12, 0);
    send(cl, "second", 6, 0);
    k = recv(ac, buf, 5, 0);
    printf("seqpacket: %ld %.*s\n", k, (int)k, buf);
    k = recv(ac, buf, sizeof buf, 0);
    printf("seqpacket: %ld %.*s\n", k, (int)k, buf);
    close(cl);
    close(ac);
    close(ls);
    return 0;
}
