/* UDP over loopback: sendto/recvfrom with the sender's address, recvmsg
 * with a name buffer and IP_PKTINFO and SO_TIMESTAMP control messages
 * (their sizes and the destination address, not the time), MSG_TRUNC and
 * MSG_PEEK, a connected socket, sendmmsg and recvmmsg with several
 * iovecs, and the errors of a too long address and a bad buffer. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
    alarms++;
}

struct late {
    int s;
    struct sockaddr_in to;
};

static void *send_late(void *arg)
{
    struct late *l = arg;
    usleep(80000);
    sendto(l->s, "late", 4, 0, (struct sockaddr *)&l->to, sizeof l->to);
    return NULL;
}

/* A blocking recv interrupted by a handled signal: EINTR without
 * SA_RESTART; with it, the call goes on and gets the datagram another
 * thread sends later. */
static void interrupted(int r, int s, struct sockaddr_in *ra)
{
    struct sigaction sa = {.sa_handler = on_alarm};
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval v = {{0, 0}, {0, 20000}};
    setitimer(ITIMER_REAL, &v, NULL);
    char buf[16];
    result("recv interrupted", recv(r, buf, sizeof buf, 0));
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    struct late l = {s, *ra};
    pthread_t t;
    pthread_create(&t, NULL, send_late, &l);
    setitimer(ITIMER_REAL, &v, NULL);
    long n = recv(r, buf, sizeof buf, 0);
    printf("recv restarted: %ld %.*s\n", n, (int)(n > 0 ? n : 0), buf);
    pthread_join(t, NULL);
    sigset_t none;
    sigemptyset(&none);
    while (alarms < 2)
        sigsuspend(&none);
    printf("alarms: %d\n", alarms);
}

static int bound_socket(struct sockaddr_in *a)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)a, sizeof *a);
    socklen_t len = sizeof *a;
    getsockname(s, (struct sockaddr *)a, &len);
    return s;
}

int main(void)
{
    struct sockaddr_in ra, sa;
    int r = bound_socket(&ra), s = bound_socket(&sa);

    result("sendto", sendto(s, "datagram one", 12, 0, (struct sockaddr *)&ra,
                            sizeof ra));
    char buf[256];
    struct sockaddr_in from;
    socklen_t len = sizeof from;
    long n = recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
    printf("recvfrom: %ld '%.*s' len %u from sender %d\n", n, (int)n, buf, len,
           from.sin_port == sa.sin_port &&
               from.sin_addr.s_addr == sa.sin_addr.s_addr);

    /* truncation and peeking */
    sendto(s, "0123456789", 10, 0, (struct sockaddr *)&ra, sizeof ra);
    result("recv peek", recv(r, buf, 4, MSG_PEEK));
    result("recv trunc", recv(r, buf, 4, MSG_TRUNC));
    printf("got %.4s\n", buf);

    /* recvmsg with a name and control messages */
    int one = 1;
    setsockopt(r, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
    setsockopt(r, SOL_SOCKET, SO_TIMESTAMP, &one, sizeof one);
    sendto(s, "with control", 12, 0, (struct sockaddr *)&ra, sizeof ra);
    char part1[4], part2[32];
    struct iovec iov[2] = {{part1, sizeof part1}, {part2, sizeof part2}};
    union {
        char buf[256];
        struct cmsghdr align;
    } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr m = {.msg_name = &from, .msg_namelen = sizeof from,
                       .msg_iov = iov, .msg_iovlen = 2,
                       .msg_control = ctl.buf, .msg_controllen = sizeof ctl};
    memset(&from, 0, sizeof from);
    n = recvmsg(r, &m, 0);
    printf("recvmsg: %ld '%.4s' '%.8s' namelen %u from sender %d flags %#x\n",
           n, part1, part2, m.msg_namelen, from.sin_port == sa.sin_port,
           m.msg_flags);
    printf("controllen nonzero %d\n", m.msg_controllen > 0);
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
            struct in_pktinfo pi;
            memcpy(&pi, CMSG_DATA(c), sizeof pi);
            printf("  IP_PKTINFO len %zu dst %s\n", (size_t)c->cmsg_len,
                   inet_ntoa(pi.ipi_addr));
        } else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_TIMESTAMP) {
            struct timeval tv;
            memcpy(&tv, CMSG_DATA(c), sizeof tv);
            printf("  SO_TIMESTAMP len %zu plausible %d\n", (size_t)c->cmsg_len,
                   tv.tv_sec > 1600000000 && tv.tv_usec < 1000000);
        } else {
            printf("  cmsg %d %d\n", c->cmsg_level, c->cmsg_type);
        }
    }
    /* control buffer too small: MSG_CTRUNC */
    sendto(s, "again", 5, 0, (struct sockaddr *)&ra, sizeof ra);
    m.msg_controllen = sizeof(struct cmsghdr);
    m.msg_namelen = sizeof from;
    n = recvmsg(r, &m, 0);
    printf("recvmsg short control: %ld ctrunc %d\n", n,
           (m.msg_flags & MSG_CTRUNC) != 0);
    setsockopt(r, IPPROTO_IP, IP_PKTINFO, &(int){0}, sizeof(int));
    setsockopt(r, SOL_SOCKET, SO_TIMESTAMP, &(int){0}, sizeof(int));

    /* sendmmsg and recvmmsg */
    struct iovec out[3][2];
    struct mmsghdr mm[3];
    static const char *words[3][2] = {{"al", "pha"}, {"be", "ta"}, {"gam", "ma"}};
    memset(mm, 0, sizeof mm);
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 2; j++)
            out[i][j] = (struct iovec){(void *)words[i][j], strlen(words[i][j])};
        mm[i].msg_hdr.msg_iov = out[i];
        mm[i].msg_hdr.msg_iovlen = 2;
        mm[i].msg_hdr.msg_name = &ra;
        mm[i].msg_hdr.msg_namelen = sizeof ra;
    }
    result("sendmmsg", sendmmsg(s, mm, 3, 0));
    printf("msg_len %u %u %u\n", mm[0].msg_len, mm[1].msg_len, mm[2].msg_len);
    char in[4][16];
    struct iovec inv[4];
    struct sockaddr_in names[4];
    memset(mm, 0, sizeof mm);
    struct mmsghdr rm[4];
    memset(rm, 0, sizeof rm);
    for (int i = 0; i < 4; i++) {
        inv[i] = (struct iovec){in[i], sizeof in[i]};
        rm[i].msg_hdr.msg_iov = &inv[i];
        rm[i].msg_hdr.msg_iovlen = 1;
        rm[i].msg_hdr.msg_name = &names[i];
        rm[i].msg_hdr.msg_namelen = sizeof names[i];
    }
    n = recvmmsg(r, rm, 4, MSG_DONTWAIT, NULL);
    printf("recvmmsg: %ld\n", n);
    for (int i = 0; i < n; i++)
        printf("  %u '%.*s' namelen %u sender %d\n", rm[i].msg_len,
               (int)rm[i].msg_len, in[i], rm[i].msg_hdr.msg_namelen,
               names[i].sin_port == sa.sin_port);
    struct timespec ts = {0, 20000000};
    result("recvmmsg timeout, nothing there",
           recvmmsg(r, rm, 4, MSG_DONTWAIT, &ts));

    interrupted(r, s, &ra);

    /* a connected socket: send and recv without addresses */
    result("connect", connect(s, (struct sockaddr *)&ra, sizeof ra));
    result("send", send(s, "connected", 9, 0));
    n = recv(r, buf, sizeof buf, 0);
    printf("recv: %ld '%.*s'\n", n, (int)n, buf);

    char big[200];
    memset(big, 0, sizeof big);
    memcpy(big, &ra, sizeof ra);
    result("sendto long address", sendto(s, "x", 1, 0, (struct sockaddr *)big,
                                         sizeof big));
    result("sendto bad buffer", sendto(s, (void *)8, 4, 0, NULL, 0));
    sendto(s, "lost", 4, 0, NULL, 0);
    result("recvfrom bad buffer", recvfrom(r, (void *)8, 4, 0, NULL, NULL));
    struct msghdr bad = {.msg_iov = iov, .msg_iovlen = 2000};
    result("sendmsg too many iovecs", sendmsg(s, &bad, 0));
    close(r);
    close(s);
    return 0;
}
