/* Signals and threads:
 *  - tgkill and pthread_kill reach the named thread, whose handler runs on
 *    that thread (gettid inside the handler), also while it spins in
 *    guest code or sleeps in a futex wait (pthread_cond_wait, which then
 *    goes on waiting);
 *  - a process-directed signal (kill) goes to the one thread that does
 *    not block it;
 *  - a new thread inherits its creator's signal mask;
 *  - sigwait in a dedicated thread collects signals the others block;
 *  - each thread has its own alternate signal stack.
 * (pthread_sigqueue is in tests/signals/thread_sigqueue: qemu sometimes
 * loses its value.) */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static _Atomic pid_t handled_on;
static _Atomic int handled_count;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    handled_on = gettid();
    handled_count++;
}

static _Atomic pid_t worker_tid;
static atomic_int stop;
static volatile long sink;

static void *spinner(void *arg)
{
    worker_tid = gettid();
    while (!atomic_load(&stop))
        sink++;
    return NULL;
}

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int released;

static void *cond_waiter(void *arg)
{
    worker_tid = gettid();
    pthread_mutex_lock(&m);
    while (!released)
        pthread_cond_wait(&c, &m);
    pthread_mutex_unlock(&m);
    return (void *)(intptr_t)handled_count;
}

static void wait_until(atomic_int *v, int want)
{
    for (int i = 0; i < 5000 && atomic_load(v) < want; i++)
        usleep(1000);
}

static void *unblocked_one(void *arg)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &s, NULL);
    worker_tid = gettid();
    while (!atomic_load(&stop))
        usleep(1000);
    return NULL;
}

static void *report_mask(void *arg)
{
    sigset_t cur;
    pthread_sigmask(SIG_BLOCK, NULL, &cur);
    return (void *)(intptr_t)(sigismember(&cur, SIGUSR2) * 10 +
                              sigismember(&cur, SIGUSR1));
}

static void *waiter_thread(void *arg)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    sigaddset(&s, SIGHUP);
    long got = 0;
    for (int i = 0; i < 3; i++) {
        int sig;
        sigwait(&s, &sig);
        got = got * 100 + sig;
    }
    return (void *)got;
}

static char *alt_of_thread;
static _Atomic int on_own_alt;
static void on_alt(int sig)
{
    char local;
    on_own_alt = &local >= alt_of_thread && &local < alt_of_thread + 65536;
}

static void *altstack_thread(void *arg)
{
    alt_of_thread = malloc(65536);
    stack_t ss = {.ss_sp = alt_of_thread, .ss_size = 65536};
    sigaltstack(&ss, NULL);
    raise(SIGWINCH);
    return NULL;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);

    /* A thread spinning in guest code. */
    pthread_t t;
    pthread_create(&t, NULL, spinner, NULL);
    while (!worker_tid)
        usleep(1000);
    syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1);
    wait_until(&handled_count, 1);
    printf("tgkill to a spinning thread: handled=%d on it=%d\n",
           (int)handled_count, handled_on == worker_tid);
    pthread_kill(t, SIGUSR1);
    wait_until(&handled_count, 2);
    printf("pthread_kill: handled=%d on it=%d\n", (int)handled_count,
           handled_on == worker_tid);
    atomic_store(&stop, 1);
    pthread_join(t, NULL);

    /* A thread asleep in pthread_cond_wait. */
    handled_count = 0;
    worker_tid = 0;
    pthread_create(&t, NULL, cond_waiter, NULL);
    while (!worker_tid)
        usleep(1000);
    usleep(20000);
    pthread_kill(t, SIGUSR1);
    wait_until(&handled_count, 1);
    usleep(20000);
    pthread_mutex_lock(&m);
    released = 1;
    pthread_cond_signal(&c);
    pthread_mutex_unlock(&m);
    void *r;
    pthread_join(t, &r);
    printf("signal during cond_wait: handled on it=%d, wait went on: %d\n",
           handled_on == worker_tid, (int)(intptr_t)r);

    /* Process-directed: only one thread leaves SIGUSR1 unblocked. */
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &s, NULL);
    atomic_store(&stop, 0);
    worker_tid = 0;
    handled_count = 0;
    pthread_create(&t, NULL, unblocked_one, NULL);
    while (!worker_tid)
        usleep(1000);
    for (int i = 0; i < 5; i++) {
        kill(getpid(), SIGUSR1);
        wait_until(&handled_count, i + 1);
    }
    printf("kill with one thread unblocked: handled=%d on it=%d\n",
           (int)handled_count, handled_on == worker_tid);
    atomic_store(&stop, 1);
    pthread_join(t, NULL);

    /* Mask inheritance, then sigwait in a dedicated thread. */
    sigaddset(&s, SIGUSR2);
    sigaddset(&s, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &s, NULL);
    pthread_create(&t, NULL, report_mask, NULL);
    pthread_join(t, &r);
    printf("new thread's mask: usr2=%d usr1=%d\n", (int)(intptr_t)r / 10,
           (int)(intptr_t)r % 10);
    pthread_create(&t, NULL, waiter_thread, NULL);
    kill(getpid(), SIGHUP);
    usleep(10000);
    kill(getpid(), SIGUSR2);
    usleep(10000);
    kill(getpid(), SIGHUP);
    pthread_join(t, &r);
    printf("sigwait thread got: %ld\n", (long)r);

    /* A thread's own alternate stack. */
    sa.sa_handler = on_alt;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGWINCH, &sa, NULL);
    pthread_create(&t, NULL, altstack_thread, NULL);
    pthread_join(t, NULL);
    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("handler on the thread's alternate stack: %d; main's disabled: %d\n",
           (int)on_own_alt, (cur.ss_flags & SS_DISABLE) != 0);
    return 0;
}
