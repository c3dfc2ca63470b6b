/* TCP over loopback, in one thread: a listening socket on 127.0.0.1 port 0
 * (the port read back with getsockname), a client that connects (the
 * kernel completes the handshake from the backlog), accept4, data both
 * ways with send/recv and write/read, peek, shutdown and end of file;
 * socket options with their own layouts (SO_RCVTIMEO's timeval, SO_LINGER,
 * TCP_NODELAY) read back; errors for a bad address length, a refused
 * connection and a bad buffer. Ports are never printed: they differ from
 * run to run. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static struct sockaddr_in loopback(unsigned short port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

int main(void)
{
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    printf("listener cloexec: %d\n", (fcntl(ls, F_GETFD) & FD_CLOEXEC) != 0);
    int one = 1;
    result("SO_REUSEADDR", setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one,
                                      sizeof one));
    struct sockaddr_in a = loopback(0);
    result("bind short", bind(ls, (struct sockaddr *)&a, 3));
    result("bind", bind(ls, (struct sockaddr *)&a, sizeof a));
    result("listen", listen(ls, 4));

    struct sockaddr_in got;
    socklen_t len = sizeof got;
    memset(&got, 0xee, sizeof got);
    result("getsockname", getsockname(ls, (struct sockaddr *)&got, &len));
    printf("len %u family %d addr %s port nonzero %d\n", len, got.sin_family,
           inet_ntoa(got.sin_addr), got.sin_port != 0);
    /* a short buffer gets the start of the address and the full length */
    unsigned char small[4];
    len = sizeof small;
    result("getsockname short", getsockname(ls, (struct sockaddr *)small, &len));
    printf("len %u family %d\n", len, small[0] | small[1] << 8);

    int c = socket(AF_INET, SOCK_STREAM, 0);
    result("connect", connect(c, (struct sockaddr *)&got, sizeof got));
    struct sockaddr_in peer;
    len = sizeof peer;
    int s = accept4(ls, (struct sockaddr *)&peer, &len, SOCK_NONBLOCK);
    printf("accept4: %s len %u family %d addr %s\n", s >= 0 ? "fd" : "error",
           len, peer.sin_family, inet_ntoa(peer.sin_addr));
    printf("nonblocking: %d\n", (fcntl(s, F_GETFL) & O_NONBLOCK) != 0);
    struct sockaddr_in cpeer;
    len = sizeof cpeer;
    result("getpeername", getpeername(c, (struct sockaddr *)&cpeer, &len));
    printf("client peer is the listener: %d\n",
           cpeer.sin_port == got.sin_port &&
               cpeer.sin_addr.s_addr == got.sin_addr.s_addr);
    struct sockaddr_in me;
    len = sizeof me;
    getsockname(c, (struct sockaddr *)&me, &len);
    printf("accepted peer is the client: %d\n", me.sin_port == peer.sin_port);

    char buf[64];
    result("recv empty nonblocking", recv(s, buf, sizeof buf, 0));
    result("send", send(c, "hello, server", 13, 0));
    struct pollfd p = {s, POLLIN, 0};
    result("poll", poll(&p, 1, 5000));
    result("recv peek", recv(s, buf, 5, MSG_PEEK));
    printf("peeked %.5s\n", buf);
    long n = recv(s, buf, sizeof buf, 0);
    printf("recv: %ld %.*s\n", n, (int)n, buf);
    result("write back", write(s, "hi, client", 10));
    n = read(c, buf, sizeof buf);
    printf("read: %ld %.*s\n", n, (int)n, buf);
    struct sockaddr_in from;
    len = sizeof from;
    memset(&from, 0x55, sizeof from);
    result("sendto on a connected socket", sendto(s, "x", 1, 0, NULL, 0));
    n = recvfrom(c, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
    printf("recvfrom: %ld len %u\n", n, len);
    result("send bad buffer", send(c, (void *)16, 10, 0));

    /* options */
    int v = -1;
    len = sizeof v;
    result("SO_TYPE", getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len));
    printf("type %d len %u\n", v, len);
    len = sizeof v;
    getsockopt(ls, SOL_SOCKET, SO_ACCEPTCONN, &v, &len);
    printf("acceptconn %d\n", v);
    result("TCP_NODELAY", setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one,
                                     sizeof one));
    len = sizeof v;
    getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len);
    printf("nodelay %d\n", v != 0);
    struct timeval tv = {3, 250000};
    result("SO_RCVTIMEO", setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv,
                                     sizeof tv));
    struct timeval tv2 = {0, 0};
    len = sizeof tv2;
    getsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv2, &len);
    printf("rcvtimeo %ld.%06ld len %u\n", (long)tv2.tv_sec,
           (long)tv2.tv_usec, len);
    struct timeval tv3 = {0, 50000};
    setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv3, sizeof tv3);
    len = sizeof tv2;
    getsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv2, &len);
    printf("sndtimeo %ld.%06ld\n", (long)tv2.tv_sec, (long)tv2.tv_usec);
    /* the receive timeout in action */
    tv.tv_sec = 0;
    tv.tv_usec = 30000;
    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    result("recv with timeout", recv(c, buf, sizeof buf, 0));
    struct linger lg = {1, 7}, lg2 = {0, 0};
    result("SO_LINGER", setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
    len = sizeof lg2;
    getsockopt(c, SOL_SOCKET, SO_LINGER, &lg2, &len);
    printf("linger %d %d len %u\n", lg2.l_onoff, lg2.l_linger, len);
    lg.l_onoff = 0;
    setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    len = sizeof v;
    result("getsockopt bad level", getsockopt(c, 12345, 1, &v, &len));
    int bad_len = -1;
    result("getsockopt negative length",
           getsockopt(c, SOL_SOCKET, SO_TYPE, &v, (socklen_t *)&bad_len));

    /* shutdown and end of file */
    result("shutdown write", shutdown(c, SHUT_WR));
    p.revents = 0;
    poll(&p, 1, 5000);
    result("recv at eof", recv(s, buf, sizeof buf, 0));
    result("send after shutdown", send(c, "z", 1, MSG_NOSIGNAL));
    close(s);
    close(c);

    /* a refused connection: the listener's port once it is closed */
    close(ls);
    c = socket(AF_INET, SOCK_STREAM, 0);
    result("connect refused", connect(c, (struct sockaddr *)&got, sizeof got));
    close(c);
    result("socket bad family", socket(12345, SOCK_STREAM, 0));
    return 0;
}
