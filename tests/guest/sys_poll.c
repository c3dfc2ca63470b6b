/* poll, ppoll, select and pselect: readiness on pipes, timeouts, and the
 * signal mask that ppoll and pselect put in force while they wait: a
 * blocked, pending signal interrupts the wait when the wait's mask lets it
 * through, its handler runs, and the original mask is back afterwards. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

static volatile sig_atomic_t usr1, usr2;

static void on_usr1(int sig)
{
    usr1++;
}

static void on_usr2(int sig)
{
    usr2++;
}

static int blocked(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigismember(&cur, sig);
}

static void result(const char *what, int r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %d\n", what, r);
}

int main(void)
{
    int p[2];
    pipe(p);
    struct pollfd fds[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
    result("poll idle", poll(fds, 2, 0));
    printf("revents: %#x %#x\n", fds[0].revents, fds[1].revents);
    write(p[1], "x", 1);
    result("poll readable", poll(fds, 2, 0));
    printf("revents: %#x %#x\n", fds[0].revents, fds[1].revents);
    char c;
    read(p[0], &c, 1);
    result("poll timeout", poll(fds, 1, 20));
    struct pollfd closed = {-1, POLLIN, 0};
    result("poll negative fd", poll(&closed, 1, 0));
    struct pollfd bad = {999, POLLIN, 0};
    result("poll bad fd", poll(&bad, 1, 0));
    printf("revents: %#x\n", bad.revents);

    fd_set r;
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    struct timeval tv = {0, 10000};
    result("select timeout", select(p[0] + 1, &r, NULL, NULL, &tv));
    printf("set after timeout: %d\n", FD_ISSET(p[0], &r));
    write(p[1], "y", 1);
    FD_SET(p[0], &r);
    result("select ready", select(p[0] + 1, &r, NULL, NULL, NULL));
    printf("set: %d\n", FD_ISSET(p[0], &r));
    read(p[0], &c, 1);

    /* ppoll: SIGUSR1 blocked and pending; the wait's empty mask lets it in */
    signal(SIGUSR1, on_usr1);
    signal(SIGUSR2, on_usr2);
    sigset_t only1, none, both;
    sigemptyset(&none);
    sigemptyset(&only1);
    sigaddset(&only1, SIGUSR1);
    sigemptyset(&both);
    sigaddset(&both, SIGUSR1);
    sigaddset(&both, SIGUSR2);
    sigprocmask(SIG_BLOCK, &both, NULL);
    raise(SIGUSR1);
    printf("pending, not run: %d\n", usr1);
    struct timespec five = {5, 0}, short_wait = {0, 10000000};
    result("ppoll still blocked", ppoll(fds, 1, &short_wait, &both));
    printf("handler ran: %d\n", usr1);
    result("ppoll unblocking", ppoll(fds, 1, &five, &none));
    printf("handler ran: %d, usr1 blocked again: %d\n", usr1, blocked(SIGUSR1));

    /* pselect: the same with SIGUSR2, whose wait mask still blocks USR1 */
    raise(SIGUSR2);
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    result("pselect unblocking", pselect(p[0] + 1, &r, NULL, NULL, &five, &only1));
    printf("handler ran: %d, usr2 blocked again: %d\n", usr2, blocked(SIGUSR2));
    sigprocmask(SIG_UNBLOCK, &both, NULL);
    printf("final counts: %d %d\n", usr1, usr2);
    close(p[0]);
    close(p[1]);
    return 0;
}
