/* A handler's mask (the old mask, plus sa_mask, plus the signal itself)
 * stays in force after a nested handler returns: Linux restores the mask
 * saved in the nested frame, which is the outer handler's. qemu-riscv64
 * 7.2 leaves sa_mask out of the mask the handler sees (sigprocmask says
 * SIGTERM is not blocked). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile int before, after, self_before, self_after, inner_ran;

static int blocked(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigismember(&cur, sig);
}

static void on_usr1(int sig)
{
    inner_ran = 1;
}

static void on_usr2(int sig)
{
    before = blocked(SIGTERM);
    self_before = blocked(SIGUSR2);
    raise(SIGUSR1);
    after = blocked(SIGTERM);
    self_after = blocked(SIGUSR2);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = on_usr2;
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("in handler: SIGTERM blocked before=%d after=%d; "
           "SIGUSR2 before=%d after=%d; nested ran=%d\n",
           before, after, self_before, self_after, inner_ran);
    printf("after return: SIGTERM blocked=%d SIGUSR2 blocked=%d\n",
           blocked(SIGTERM), blocked(SIGUSR2));
    return 0;
}
