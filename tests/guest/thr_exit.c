/* How a multithreaded process ends, each case in a child process whose
 * status the parent prints:
 *  - a non-main thread calls exit() while the main thread waits in
 *    pthread_join and others spin in guest code: atexit handlers run
 *    once, buffered output is flushed, the status is the thread's;
 *  - a non-main thread calls _exit() (exit_group) likewise;
 *  - eight threads call _exit() at the same moment;
 *  - main returns while threads spin and block in system calls;
 *  - the main thread calls pthread_exit: the others go on, and the
 *    process ends with status 0 when the last one exits;
 *  - a thread calls the raw exit system call: only that thread ends;
 *  - SIGTERM's default action from another thread ends all of them. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static atomic_int spinning;
static volatile long sink;

static void *spin(void *arg)
{
    atomic_fetch_add(&spinning, 1);
    for (long i = 0;; i++)
        sink = i * 3;
    return NULL;
}

static void *block(void *arg)
{
    atomic_fetch_add(&spinning, 1);
    for (;;)
        pause();
    return NULL;
}

static void start_noise(int n)
{
    pthread_t t;
    for (int i = 0; i < n; i++)
        pthread_create(&t, NULL, i % 2 ? block : spin, NULL);
    while (atomic_load(&spinning) < n)
        usleep(1000);
}

static void at_exit(void)
{
    printf("atexit handler ran\n");
}

static void *call_exit(void *arg)
{
    usleep(10000);
    printf("buffered line from the exiting thread");
    exit(3);
}

static void *call__exit(void *arg)
{
    usleep(10000);
    _exit(4);
}

static pthread_barrier_t barrier;
static void *race_exit(void *arg)
{
    pthread_barrier_wait(&barrier);
    _exit(7);
}

static void *outlive_main(void *arg)
{
    usleep(30000);
    printf("thread still running after main's pthread_exit\n");
    fflush(stdout);
    return NULL;
}

static void *raw_thread_exit(void *arg)
{
    syscall(SYS_exit, 0);
    return NULL;
}

static void *kill_all(void *arg)
{
    usleep(10000);
    kill(getpid(), SIGTERM);
    for (;;)
        pause();
    return NULL;
}

static void scenario(int k)
{
    pthread_t t;
    switch (k) {
    case 0:
        atexit(at_exit);
        start_noise(4);
        pthread_create(&t, NULL, call_exit, NULL);
        pthread_join(t, NULL);
        break;
    case 1:
        atexit(at_exit); /* must not run */
        start_noise(4);
        pthread_create(&t, NULL, call__exit, NULL);
        pthread_join(t, NULL);
        break;
    case 2:
        pthread_barrier_init(&barrier, NULL, 9);
        start_noise(2);
        for (int i = 0; i < 8; i++)
            pthread_create(&t, NULL, race_exit, NULL);
        pthread_barrier_wait(&barrier);
        for (;;)
            pause();
    case 3:
        start_noise(6);
        exit(5);
    case 4:
        pthread_create(&t, NULL, outlive_main, NULL);
        pthread_exit(NULL);
    case 5:
        pthread_create(&t, NULL, raw_thread_exit, NULL);
        usleep(20000);
        printf("main thread alive after a thread's exit syscall\n");
        exit(6);
    case 6:
        start_noise(4);
        pthread_create(&t, NULL, kill_all, NULL);
        pthread_join(t, NULL);
        break;
    }
    exit(99);
}

int main(void)
{
    for (int k = 0; k <= 6; k++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0)
            scenario(k);
        int status;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status))
            printf("\ncase %d: exit %d\n", k, WEXITSTATUS(status));
        else
            printf("\ncase %d: signal %d\n", k, WTERMSIG(status));
    }
    return 0;
}
