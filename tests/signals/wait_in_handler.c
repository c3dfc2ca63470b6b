/* Two blocked signals are unblocked at once. Linux delivers the first
 * (SIGUSR1, whose sa_mask blocks SIGUSR2); the second stays pending,
 * blocked by the handler's mask, so the handler can take it with
 * sigtimedwait and SIGUSR2's own handler never runs. qemu-riscv64 7.2
 * runs SIGUSR2's handler first and the sigtimedwait times out. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static volatile int waited_sig, usr2_handler_ran;

static void on_usr1(int sig)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    siginfo_t si;
    struct timespec ts = {1, 0};
    waited_sig = sigtimedwait(&s, &si, &ts);
}

static void on_usr2(int sig)
{
    usr2_handler_ran++;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = on_usr2;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR2, &sa, NULL);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR2);
    raise(SIGUSR1);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("sigtimedwait in SIGUSR1's handler: %d; SIGUSR2 handler ran %d\n",
           waited_sig, usr2_handler_ran);
    return 0;
}
