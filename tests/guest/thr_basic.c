/* Thread basics: pthread_create/join of 16 threads returning values by
 * return and by pthread_exit; thread-local storage (initialised __thread
 * variables, a per-thread copy each thread changes, thread-specific keys
 * with destructors); pthread_once; a detached thread that signals its
 * end through a semaphore; distinct tids; a thread that creates threads;
 * pthread_join on an exited thread; thread stacks of a chosen size with
 * deep recursion; 300 threads alive at once. */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { N = 16 };
static __thread long tls_counter = 1000;
static __thread char tls_name[16] = "initial";
static pid_t tids[N];
static pthread_key_t key;
static _Atomic int destructed;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static _Atomic int once_runs;

static void destructor(void *p)
{
    destructed += (int)(intptr_t)p;
}

static void init_once(void)
{
    once_runs++;
}

static void *worker(void *arg)
{
    long i = (long)arg;
    pthread_once(&once, init_once);
    tids[i] = gettid();
    int fresh = tls_counter == 1000 && !strcmp(tls_name, "initial");
    for (int k = 0; k < 1000; k++)
        tls_counter += i;
    snprintf(tls_name, sizeof tls_name, "t%ld", i);
    pthread_setspecific(key, (void *)(intptr_t)(i + 1));
    usleep(1000);
    /* Another thread's writes did not touch ours. */
    char want[16];
    snprintf(want, sizeof want, "t%ld", i);
    int mine = tls_counter == 1000 + 1000 * i && !strcmp(tls_name, want);
    long result = i * 100 + fresh * 10 + mine;
    if (i % 2)
        pthread_exit((void *)result);
    return (void *)result;
}

static sem_t detached_done;
static void *detached(void *arg)
{
    *(int *)arg = 7;
    sem_post(&detached_done);
    return NULL;
}

static long depth_sum(int n)
{
    volatile char pad[256];
    pad[0] = (char)n;
    return n == 0 ? 0 : n + depth_sum(n - 1) + pad[0] - (char)n;
}

static void *deep(void *arg)
{
    return (void *)depth_sum((int)(long)arg);
}

static void *spawner(void *arg)
{
    pthread_t t[4];
    long sum = 0;
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, deep, (void *)(i * 10));
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        sum += (long)r;
    }
    return (void *)sum;
}

enum { MANY = 300 };
static pthread_barrier_t all_up;

static void *wait_for_all(void *arg)
{
    pthread_barrier_wait(&all_up);
    return arg;
}

static void many_at_once(void)
{
    static pthread_t t[MANY];
    pthread_barrier_init(&all_up, NULL, MANY + 1);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    for (long i = 0; i < MANY; i++)
        if (pthread_create(&t[i], &attr, wait_for_all, (void *)i)) {
            printf("pthread_create failed at %ld\n", i);
            return;
        }
    pthread_barrier_wait(&all_up);
    long sum = 0;
    for (int i = 0; i < MANY; i++) {
        void *r;
        pthread_join(t[i], &r);
        sum += (long)r;
    }
    printf("%d threads alive at once: sum %ld\n", MANY, sum);
}

int main(void)
{
    pthread_key_create(&key, destructor);
    pthread_t t[N];
    for (long i = 0; i < N; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i))
            return 1;
    long total = 0;
    for (int i = 0; i < N; i++) {
        void *r;
        pthread_join(t[i], &r);
        total += (long)r;
        printf("thread %d: %ld\n", i, (long)r);
    }
    printf("sum=%ld once=%d destructors=%d main tls=%ld %s\n", total,
           (int)once_runs, (int)destructed, tls_counter, tls_name);
    int distinct = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < i; j++)
            distinct &= tids[i] != tids[j] && tids[i] != getpid();
    printf("distinct tids: %d\n", distinct);

    int flag = 0;
    sem_init(&detached_done, 0, 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t d;
    pthread_create(&d, &attr, detached, &flag);
    sem_wait(&detached_done);
    printf("detached thread ran: %d\n", flag);

    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE);
    pthread_attr_setstacksize(&attr, 4 << 20);
    pthread_t big;
    pthread_create(&big, &attr, deep, (void *)5000);
    void *r;
    pthread_join(big, &r);
    printf("deep recursion on a 4 MiB stack: %ld\n", (long)r);
    pthread_create(&big, NULL, spawner, NULL);
    pthread_join(big, &r);
    printf("threads creating threads: %ld\n", (long)r);
    many_at_once();
    return 0;
}
