/* sigaction flags and masks: without SA_NODEFER a signal raised inside its
 * own handler waits until the handler returns; with SA_NODEFER it nests at
 * once. SA_RESETHAND runs the handler once and resets the action to
 * SIG_DFL. sa_mask blocks the listed signals while the handler runs. A
 * different signal raised in a handler nests. The mask inside a handler
 * is the old mask plus sa_mask plus the signal; it is restored after. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char trace[256];
static int depth, raises;

static void note(const char *s)
{
    strcat(trace, s);
}

static int blocked_now(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigismember(&cur, sig);
}

static void on_usr1(int sig)
{
    char buf[32];
    depth++;
    snprintf(buf, sizeof buf, "[1 d%d b%d", depth, blocked_now(SIGUSR1));
    note(buf);
    if (raises++ == 0)
        raise(SIGUSR1);
    note(" ]");
    depth--;
}

static void on_usr2(int sig)
{
    note("[2");
    raises = 1; /* the SIGUSR1 handler raises nothing more */
    raise(SIGUSR1); /* another signal nests inside */
    /* (sa_mask blocking SIGTERM here is checked in tests/signals: qemu
     * loses it once the nested handler returns.) */
    note("]");
}

static volatile int reset_calls;
static void on_reset(int sig)
{
    reset_calls++;
}

static void set_handler(int sig, void (*fn)(int), int flags, int mask_sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    if (mask_sig)
        sigaddset(&sa.sa_mask, mask_sig);
    sigaction(sig, &sa, NULL);
}

int main(void)
{
    set_handler(SIGUSR1, on_usr1, 0, 0);
    trace[0] = 0;
    raises = 0;
    raise(SIGUSR1);
    printf("deferred: %s\n", trace);

    set_handler(SIGUSR1, on_usr1, SA_NODEFER, 0);
    trace[0] = 0;
    raises = 0;
    raise(SIGUSR1);
    printf("nodefer:  %s\n", trace);

    set_handler(SIGUSR1, on_usr1, SA_NODEFER, 0);
    set_handler(SIGUSR2, on_usr2, 0, 0);
    trace[0] = 0;
    raise(SIGUSR2);
    printf("nested:   %s\n", trace);
    printf("after: usr1-blocked=%d usr2-blocked=%d term-blocked=%d\n",
           blocked_now(SIGUSR1), blocked_now(SIGUSR2), blocked_now(SIGTERM));

    set_handler(SIGHUP, on_reset, SA_RESETHAND, 0);
    raise(SIGHUP);
    struct sigaction now;
    sigaction(SIGHUP, NULL, &now);
    printf("resethand: calls=%d now-default=%d\n", reset_calls,
           now.sa_handler == SIG_DFL);
    /* SA_RESETHAND implies SA_NODEFER on Linux: the signal is not blocked
     * in the handler. */
    set_handler(SIGHUP, SIG_IGN, 0, 0);
    raise(SIGHUP);
    printf("ignored: calls=%d\n", reset_calls);
    fflush(stdout);
    /* The default action now: SIGHUP terminates (the parent sees it). */
    set_handler(SIGHUP, on_reset, SA_RESETHAND, 0);
    raise(SIGHUP);
    raise(SIGHUP);
    printf("not reached\n");
    return 0;
}
