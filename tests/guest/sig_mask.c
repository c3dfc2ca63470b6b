/* Signal masks and waiting: a blocked signal stays pending (sigpending
 * shows it) and is delivered as soon as it is unblocked, before
 * sigprocmask returns; two blocked signals are delivered lowest first;
 * sigsuspend waits with a temporary mask, runs the handler, returns EINTR
 * and puts the old mask back; sigtimedwait and sigwaitinfo take a blocked
 * signal without running its handler and return its siginfo; a timeout
 * gives EAGAIN; SIGKILL and SIGSTOP cannot be blocked; an invalid "how"
 * is EINVAL. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char order[64];
static volatile int in_suspend_mask_has_usr2;

static void on_sig(int sig)
{
    char s[8];
    snprintf(s, sizeof s, "%d ", sig);
    strcat(order, s);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    in_suspend_mask_has_usr2 = sigismember(&cur, SIGUSR2);
}

static void set_handler(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sig;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void show_pending(const char *what)
{
    sigset_t p;
    sigpending(&p);
    printf("%s: pending usr1=%d usr2=%d hup=%d\n", what, sigismember(&p, SIGUSR1),
           sigismember(&p, SIGUSR2), sigismember(&p, SIGHUP));
}

/* Handlers that make no system call: several signals unblocked at once
 * are all delivered before the code resumes, each frame on top of the
 * previous one, so the one set up last runs first. Linux takes the
 * thread's own signals (raise) before the process's (kill), lowest
 * number first within each. */
static volatile int seq[8], nseq;
static void record(int sig)
{
    seq[nseq++] = sig;
}

static void nesting_order(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = record;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR2);
    raise(SIGUSR1);
    kill(getpid(), SIGHUP);
    raise(SIGINT);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("handlers ran in order:");
    for (int i = 0; i < nseq; i++)
        printf(" %d", seq[i]);
    printf("\n");
}

int main(void)
{
    nesting_order();
    set_handler(SIGUSR1);
    set_handler(SIGUSR2);
    set_handler(SIGHUP);
    sigset_t set, old, cur;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR2);
    kill(getpid(), SIGUSR1);
    raise(SIGUSR2); /* standard signals do not queue: one instance */
    show_pending("blocked");
    printf("delivered while blocked: '%s'\n", order);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("after unblock: '%s'\n", order);
    show_pending("unblocked");

    /* Unblocking one of two: only that one arrives. */
    order[0] = 0;
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGHUP);
    raise(SIGUSR1);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, SIGHUP);
    sigprocmask(SIG_UNBLOCK, &one, NULL);
    printf("unblocked SIGHUP only: '%s'\n", order);
    show_pending("one left");

    /* sigsuspend: SIGUSR1 pending; wait with a mask that lets it in. */
    order[0] = 0;
    sigset_t wait_mask;
    sigfillset(&wait_mask);
    sigdelset(&wait_mask, SIGUSR1);
    int r = sigsuspend(&wait_mask);
    printf("sigsuspend: r=%d errno=%s order='%s' usr2-blocked-in-handler=%d\n",
           r, strerrorname_np(errno), order, in_suspend_mask_has_usr2);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("mask after sigsuspend: usr1=%d usr2=%d term=%d\n",
           sigismember(&cur, SIGUSR1), sigismember(&cur, SIGUSR2),
           sigismember(&cur, SIGTERM));

    /* sigtimedwait: takes the pending signal, no handler runs. */
    order[0] = 0;
    sigprocmask(SIG_BLOCK, &set, NULL);
    union sigval v = {.sival_int = 99};
    sigqueue(getpid(), SIGUSR2, v);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    struct timespec ts = {1, 0};
    r = sigtimedwait(&set, &si, &ts);
    printf("sigtimedwait: r=%d signo=%d code=%d value=%d handler='%s'\n", r,
           si.si_signo, si.si_code, si.si_value.sival_int, order);
    ts.tv_sec = 0;
    ts.tv_nsec = 20 * 1000 * 1000;
    r = sigtimedwait(&set, &si, &ts);
    printf("sigtimedwait timeout: r=%d errno=%s\n", r, strerrorname_np(errno));
    raise(SIGHUP);
    r = sigwaitinfo(&set, &si);
    printf("sigwaitinfo: r=%d signo=%d code=%s\n", r, si.si_signo,
           si.si_code == SI_TKILL ? "SI_TKILL" : "other");
    int sig = 0;
    raise(SIGUSR1);
    r = sigwait(&set, &sig);
    printf("sigwait: r=%d sig=%d\n", r, sig);

    /* Unblockable signals and bad arguments. */
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("fill: kill=%d stop=%d term=%d\n", sigismember(&cur, SIGKILL),
           sigismember(&cur, SIGSTOP), sigismember(&cur, SIGTERM));
    r = sigprocmask(12345, &all, NULL);
    printf("bad how: r=%d errno=%s\n", r, strerrorname_np(errno));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sig;
    r = sigaction(SIGKILL, &sa, NULL);
    printf("sigaction(SIGKILL): r=%d errno=%s\n", r, strerrorname_np(errno));
    r = sigaction(65, &sa, NULL);
    printf("sigaction(65): r=%d errno=%s\n", r, strerrorname_np(errno));
    return 0;
}
