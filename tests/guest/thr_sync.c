/* Synchronisation between threads, each checked with exact totals:
 * mutexes (normal, recursive, error-checking, trylock), a condition
 * variable producer/consumer queue with broadcast and timed waits, a
 * reader-writer lock (readers overlap, writers exclude), barriers
 * (every phase sees every thread's previous writes), semaphores, C11
 * atomics (fetch_add, compare_exchange loops, exchange), a spin lock, and
 * LR/SC loops written in assembly. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { T = 8, ITERS = 20000 };

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long plain_counter;
static _Atomic long atomic_counter, cas_counter, xchg_seen, xchg_slot;
static long lrsc_counter;
static pthread_spinlock_t spin;
static long spin_counter;

static void lrsc_add(long *p, long v)
{
    long tmp, fail;
    __asm__ volatile("1: lr.d %0, (%2)\n"
                     "   add %0, %0, %3\n"
                     "   sc.d %1, %0, (%2)\n"
                     "   bnez %1, 1b\n"
                     : "=&r"(tmp), "=&r"(fail) : "r"(p), "r"(v) : "memory");
}

static void *counters(void *arg)
{
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&m);
        plain_counter++;
        pthread_mutex_unlock(&m);
        atomic_fetch_add(&atomic_counter, 2);
        long old = atomic_load(&cas_counter);
        while (!atomic_compare_exchange_weak(&cas_counter, &old, old + 3))
            ;
        lrsc_add(&lrsc_counter, 5);
        pthread_spin_lock(&spin);
        spin_counter += 7;
        pthread_spin_unlock(&spin);
        /* Every 1 put into the slot is taken out exactly once. */
        atomic_fetch_add(&xchg_seen, atomic_exchange(&xchg_slot, 1));
    }
    return NULL;
}

/* Bounded queue with two condition variables. */
enum { QCAP = 8, ITEMS = 5000 };
static int queue[QCAP], qhead, qlen, producers_done;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static long consumed_sum, consumed_count;

static void *producer(void *arg)
{
    long base = (long)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&m);
        while (qlen == QCAP)
            pthread_cond_wait(&not_full, &m);
        queue[(qhead + qlen++) % QCAP] = (int)(base + i);
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&m);
        while (qlen == 0 && producers_done < 2) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += 5000000;
            if (ts.tv_nsec >= 1000000000) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000;
            }
            pthread_cond_timedwait(&not_empty, &m, &ts);
        }
        if (qlen == 0) {
            pthread_mutex_unlock(&m);
            return NULL;
        }
        int v = queue[qhead];
        qhead = (qhead + 1) % QCAP;
        qlen--;
        consumed_sum += v;
        consumed_count++;
        pthread_cond_broadcast(&not_full);
        pthread_mutex_unlock(&m);
    }
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long rw_value[2];
static _Atomic int readers_inside, max_readers, torn;

static void *rw_reader(void *arg)
{
    for (int i = 0; i < 3000; i++) {
        pthread_rwlock_rdlock(&rw);
        int n = ++readers_inside;
        int mx = max_readers;
        while (n > mx && !atomic_compare_exchange_weak(&max_readers, &mx, n))
            ;
        if (rw_value[0] != rw_value[1])
            torn++;
        if (i % 100 == 0)
            usleep(100);
        readers_inside--;
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

static void *rw_writer(void *arg)
{
    for (int i = 0; i < 3000; i++) {
        pthread_rwlock_wrlock(&rw);
        if (readers_inside)
            torn++;
        rw_value[0]++;
        rw_value[1]++;
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

static pthread_barrier_t barrier;
static int phase_data[T];
static _Atomic int barrier_errors, serial_count;

static void *phases(void *arg)
{
    long me = (long)arg;
    for (int phase = 1; phase <= 50; phase++) {
        phase_data[me] = phase;
        if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD)
            serial_count++;
        for (int i = 0; i < T; i++)
            if (phase_data[i] != phase)
                barrier_errors++;
        pthread_barrier_wait(&barrier);
    }
    return NULL;
}

static sem_t sem;
static _Atomic int in_sem, sem_max;

static void *sem_user(void *arg)
{
    for (int i = 0; i < 500; i++) {
        sem_wait(&sem);
        int n = ++in_sem;
        int mx = sem_max;
        while (n > mx && !atomic_compare_exchange_weak(&sem_max, &mx, n))
            ;
        in_sem--;
        sem_post(&sem);
    }
    return NULL;
}

static void run(void *(*fn)(void *), int n)
{
    pthread_t t[T];
    for (long i = 0; i < n; i++)
        pthread_create(&t[i], NULL, fn, (void *)i);
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
}

int main(void)
{
    pthread_spin_init(&spin, 0);
    run(counters, T);
    printf("mutex=%ld atomic=%ld cas=%ld lrsc=%ld spin=%ld xchg=%ld\n",
           plain_counter, (long)atomic_counter, (long)cas_counter, lrsc_counter,
           spin_counter, (long)(xchg_seen + xchg_slot));

    pthread_t p[2], c[3];
    pthread_create(&p[0], NULL, producer, (void *)0);
    pthread_create(&p[1], NULL, producer, (void *)100000);
    for (int i = 0; i < 3; i++)
        pthread_create(&c[i], NULL, consumer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(p[i], NULL);
    pthread_mutex_lock(&m);
    producers_done = 2;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&m);
    for (int i = 0; i < 3; i++)
        pthread_join(c[i], NULL);
    printf("queue: consumed %ld items, sum %ld\n", consumed_count,
           consumed_sum);

    pthread_t r[6];
    for (int i = 0; i < 4; i++)
        pthread_create(&r[i], NULL, rw_reader, NULL);
    for (int i = 4; i < 6; i++)
        pthread_create(&r[i], NULL, rw_writer, NULL);
    for (int i = 0; i < 6; i++)
        pthread_join(r[i], NULL);
    printf("rwlock: value=%ld torn=%d readers-overlapped=%d\n", rw_value[0],
           (int)torn, max_readers > 1);

    pthread_barrier_init(&barrier, NULL, T);
    run(phases, T);
    printf("barrier: errors=%d serial=%d\n", (int)barrier_errors,
           (int)serial_count);

    sem_init(&sem, 0, 3);
    run(sem_user, T);
    printf("semaphore: max inside=%d (limit 3)\n", sem_max <= 3 ? (int)sem_max > 0 : -1);

    /* Mutex kinds. */
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_t rec;
    pthread_mutex_init(&rec, &a);
    int r1 = pthread_mutex_lock(&rec), r2 = pthread_mutex_lock(&rec);
    int r3 = pthread_mutex_unlock(&rec), r4 = pthread_mutex_unlock(&rec);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_t chk;
    pthread_mutex_init(&chk, &a);
    pthread_mutex_lock(&chk);
    int dead = pthread_mutex_lock(&chk);
    pthread_mutex_unlock(&chk);
    int notmine = pthread_mutex_unlock(&chk);
    pthread_mutex_lock(&m);
    int busy = pthread_mutex_trylock(&m);
    pthread_mutex_unlock(&m);
    printf("recursive: %d %d %d %d errorcheck: %s %s trylock: %s\n", r1, r2,
           r3, r4, strerrorname_np(dead), strerrorname_np(notmine),
           strerrorname_np(busy));
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 10000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&m);
    int to = pthread_cond_timedwait(&not_empty, &m, &ts);
    pthread_mutex_unlock(&m);
    printf("timed wait with nobody signalling: %s\n", strerrorname_np(to));
    return 0;
}
