/* SA_SIGINFO handlers: the siginfo of a signal sent by kill (SI_USER, with
 * the sender's pid and uid), by raise/tgkill (SI_TKILL) and by sigqueue
 * (SI_QUEUE, with its value); the handler's three arguments; a plain
 * handler without SA_SIGINFO; a real-time signal queued several times is
 * delivered as often as it was sent, in order of sending. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile int seen_signo, seen_code, seen_value, seen_calls;
static volatile int pid_ok, uid_ok, args_ok;
static int order[8], norder;

static void on_info(int sig, siginfo_t *si, void *uc)
{
    seen_calls++;
    seen_signo = si->si_signo;
    seen_code = si->si_code;
    pid_ok = si->si_pid == getpid();
    uid_ok = si->si_uid == getuid();
    args_ok = sig == si->si_signo && uc != NULL;
    if (si->si_code == SI_QUEUE)
        seen_value = si->si_value.sival_int;
}

static void on_plain(int sig)
{
    seen_calls++;
    seen_signo = sig;
}

static void on_rt(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)uc;
    if (norder < 8)
        order[norder++] = si->si_value.sival_int;
}

static const char *code_name(int code)
{
    switch (code) {
    case SI_USER: return "SI_USER";
    case SI_TKILL: return "SI_TKILL";
    case SI_QUEUE: return "SI_QUEUE";
    default: return "other";
    }
}

static void report(const char *what)
{
    printf("%s: calls=%d signo=%d code=%s pid_ok=%d uid_ok=%d args_ok=%d\n",
           what, seen_calls, seen_signo, code_name(seen_code), pid_ok, uid_ok,
           args_ok);
    seen_calls = seen_signo = seen_code = pid_ok = uid_ok = args_ok = 0;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);

    kill(getpid(), SIGUSR1);
    report("kill");
    raise(SIGUSR2);
    report("raise");
    syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1);
    report("tgkill");
    union sigval v = {.sival_int = 4242};
    sigqueue(getpid(), SIGUSR2, v);
    report("sigqueue");
    printf("sigqueue value=%d\n", seen_value);

    /* The old action comes back as it was set. */
    struct sigaction old;
    sa.sa_handler = on_plain;
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, &old);
    printf("old action: siginfo=%d handler_ok=%d\n",
           (old.sa_flags & SA_SIGINFO) != 0, old.sa_sigaction == on_info);
    raise(SIGUSR1);
    printf("plain: calls=%d signo=%d\n", seen_calls, seen_signo);

    /* Real-time signals queue: block, send three, unblock. */
    sa.sa_sigaction = on_rt;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigset_t set, prev;
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &set, &prev);
    for (int i = 1; i <= 3; i++) {
        v.sival_int = i * 10;
        sigqueue(getpid(), SIGRTMIN + 1, v);
    }
    printf("queued, delivered so far: %d\n", norder);
    sigprocmask(SIG_SETMASK, &prev, NULL);
    printf("rt delivered %d:", norder);
    for (int i = 0; i < norder; i++)
        printf(" %d", order[i]);
    printf("\n");
    return 0;
}
