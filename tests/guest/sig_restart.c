/* A blocking read on an empty pipe interrupted by a timer signal: with a
 * handler installed without SA_RESTART the read fails with EINTR; with
 * SA_RESTART it is restarted transparently and gets the byte the handler
 * wrote into the pipe. Also: calls that never restart (nanosleep reports
 * EINTR even with SA_RESTART), a wait in a handler-less state is not
 * interrupted by an ignored signal, and the restarted call sees its
 * original arguments (a0 is both first argument and result). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int fds[2];
static volatile int handled;

static void on_alarm(int sig)
{
    (void)sig;
    handled++;
    char c = 'x';
    if (write(fds[1], &c, 1) != 1)
        handled = -100;
}

static void arm(long usec)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_value.tv_usec = usec;
    setitimer(ITIMER_REAL, &it, NULL);
}

static void set_handler(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void try_read(const char *what, int flags)
{
    char buf[8];
    set_handler(SIGALRM, on_alarm, flags);
    handled = 0;
    arm(50000);
    ssize_t n = read(fds[0], buf, sizeof buf);
    int err = errno;
    printf("%s: read=%zd errno=%s handled=%d\n", what, n,
           n < 0 ? strerrorname_np(err) : "-", handled);
    /* Drain what the handler wrote when the read did not get it. */
    if (n < 0 && read(fds[0], buf, sizeof buf) != 1)
        printf("  pipe did not hold the handler's byte\n");
}

int main(void)
{
    if (pipe(fds))
        return 1;
    try_read("no SA_RESTART", 0);
    try_read("SA_RESTART", SA_RESTART);
    try_read("no SA_RESTART again", 0);

    /* nanosleep is never restarted: EINTR and the time left. */
    set_handler(SIGALRM, on_alarm, SA_RESTART);
    handled = 0;
    arm(50000);
    struct timespec req = {5, 0}, rem = {0, 0};
    int r = nanosleep(&req, &rem);
    printf("nanosleep: r=%d errno=%s handled=%d remaining<5s=%d\n", r,
           r ? strerrorname_np(errno) : "-", handled,
           rem.tv_sec < 5 && (rem.tv_sec > 0 || rem.tv_nsec > 0));
    char c;
    if (read(fds[0], &c, 1) != 1)
        printf("  pipe did not hold the handler's byte\n");

    /* An ignored signal does not interrupt anything. */
    set_handler(SIGALRM, SIG_IGN, 0);
    arm(20000);
    req.tv_sec = 0;
    req.tv_nsec = 100000000;
    r = nanosleep(&req, NULL);
    printf("nanosleep with SIGALRM ignored: r=%d\n", r);

    /* write on a full pipe, interrupted: a partial write when some bytes
     * went in, else EINTR (no SA_RESTART) */
    set_handler(SIGALRM, on_alarm, 0);
    return 0;
}
