/* SCM_RIGHTS with a control buffer too small for the descriptors sent:
 * Linux installs those that fit, sets MSG_CTRUNC and closes the rest
 * (Linux 6.x; scm_detach_fds). qemu-riscv64 7.2 receives into a larger
 * buffer of its own and drops the rest without closing them or setting
 * MSG_CTRUNC (docs/qemu-divergences.md, qemu-ctrunc). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int open_fds(void)
{
    int n = 0;
    for (int fd = 0; fd < 64; fd++)
        n += fcntl(fd, F_GETFD) >= 0;
    return n;
}

int main(void)
{
    int sv[2], p[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    pipe(p);
    int before = open_fds();
    int three[3] = {p[0], p[1], p[0]};
    union {
        char buf[CMSG_SPACE(sizeof three)];
        struct cmsghdr align;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct iovec iov = {"F", 1};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                       .msg_controllen = sizeof ctl.buf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof three);
    memcpy(CMSG_DATA(c), three, sizeof three);
    printf("sendmsg: %zd\n", sendmsg(sv[0], &m, 0));

    /* room for one descriptor (CMSG_SPACE rounds it up to two) */
    char byte;
    iov = (struct iovec){&byte, 1};
    memset(&ctl, 0, sizeof ctl);
    m.msg_controllen = CMSG_SPACE(sizeof(int));
    printf("recvmsg: %zd\n", recvmsg(sv[1], &m, 0));
    c = CMSG_FIRSTHDR(&m);
    int n = c ? (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int)) : 0;
    printf("received %d, MSG_CTRUNC %d\n", n, (m.msg_flags & MSG_CTRUNC) != 0);
    printf("new descriptors open: %d\n", open_fds() - before);
    return 0;
}
