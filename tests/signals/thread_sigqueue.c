/* pthread_sigqueue (rt_tgsigqueueinfo) sends a signal with a value to one
 * thread: the handler runs on that thread and gets SI_QUEUE, the value and
 * the sender's pid; repeated 50 times to a thread spinning in guest code.
 * qemu-riscv64 7.2 now and then delivers it with si_value 0. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static _Atomic pid_t worker_tid, handled_on;
static _Atomic int handled, good;
static atomic_int stop;
static volatile long sink;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    good += si->si_code == SI_QUEUE && si->si_value.sival_int == 1000 + handled &&
            si->si_pid == getpid() && gettid() == worker_tid;
    handled++;
}

static void *spinner(void *arg)
{
    worker_tid = gettid();
    while (!atomic_load(&stop))
        sink++;
    return NULL;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    pthread_t t;
    pthread_create(&t, NULL, spinner, NULL);
    while (!worker_tid)
        usleep(1000);
    for (int i = 0; i < 50; i++) {
        union sigval v = {.sival_int = 1000 + i};
        pthread_sigqueue(t, SIGUSR1, v);
        for (int k = 0; k < 5000 && handled <= i; k++)
            usleep(1000);
    }
    atomic_store(&stop, 1);
    pthread_join(t, NULL);
    printf("delivered %d, right thread, code, value and pid: %d\n",
           (int)handled, (int)good);
    return 0;
}
