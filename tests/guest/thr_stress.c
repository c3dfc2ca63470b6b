/* 32 threads hammering shared state, with exact totals at the end:
 *  - a mutex-protected counter and a 64-bit sum (every increment counted);
 *  - atomic fetch-add, compare-and-swap and LR/SC counters;
 *  - a token passed round the ring of threads through one condition
 *    variable (each thread waits for its turn: heavy futex wake/wait);
 *  - a bounded work queue under a mutex and two condition variables, with
 *    every item produced consumed exactly once (checksum).
 * tests/threads/run.sh runs it 100 times in a row; its argument scales
 * the work (default 1). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

enum { T = 32 };
static int scale = 1;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static unsigned long long weighted;
static _Atomic long fadd, cas;
static long lrsc;

static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ring_cond = PTHREAD_COND_INITIALIZER;
static int turn;
static long ring_passes;

enum { QCAP = 16 };
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_not_full = PTHREAD_COND_INITIALIZER;
static long q[QCAP];
static int q_head, q_len, q_closed;
static long consumed_sum, consumed_n;

static void lrsc_add(long *p, long v)
{
    long tmp, fail;
    __asm__ volatile("1: lr.d %0, (%2)\n"
                     "   add %0, %0, %3\n"
                     "   sc.d %1, %0, (%2)\n"
                     "   bnez %1, 1b\n"
                     : "=&r"(tmp), "=&r"(fail) : "r"(p), "r"(v) : "memory");
}

static void put(long v)
{
    pthread_mutex_lock(&q_lock);
    while (q_len == QCAP)
        pthread_cond_wait(&q_not_full, &q_lock);
    q[(q_head + q_len++) % QCAP] = v;
    pthread_cond_signal(&q_not_empty);
    pthread_mutex_unlock(&q_lock);
}

/* Takes one item; 0 once the queue is closed and empty. */
static long take(void)
{
    pthread_mutex_lock(&q_lock);
    while (q_len == 0 && !q_closed)
        pthread_cond_wait(&q_not_empty, &q_lock);
    long v = 0;
    if (q_len) {
        v = q[q_head];
        q_head = (q_head + 1) % QCAP;
        q_len--;
        pthread_cond_signal(&q_not_full);
    }
    pthread_mutex_unlock(&q_lock);
    return v;
}

static void *worker(void *arg)
{
    long me = (long)arg;
    int iters = 2000 * scale, rounds = 5 * scale, items = 300 * scale;
    for (int i = 0; i < iters; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        weighted += (unsigned long long)(me + 1) * (i + 1);
        pthread_mutex_unlock(&lock);
        atomic_fetch_add_explicit(&fadd, 1, memory_order_relaxed);
        long old = atomic_load_explicit(&cas, memory_order_relaxed);
        while (!atomic_compare_exchange_weak(&cas, &old, old + 2))
            ;
        lrsc_add(&lrsc, 3);
    }
    for (int r = 0; r < rounds; r++) {
        pthread_mutex_lock(&ring_lock);
        while (turn != me)
            pthread_cond_wait(&ring_cond, &ring_lock);
        ring_passes++;
        turn = (turn + 1) % T;
        pthread_cond_broadcast(&ring_cond);
        pthread_mutex_unlock(&ring_lock);
    }
    /* Even threads produce, odd ones consume. */
    if (me % 2 == 0) {
        for (int i = 1; i <= items; i++)
            put(me * 100000 + i);
        return NULL;
    }
    long sum = 0, n = 0;
    for (long v; (v = take()) != 0; n++)
        sum += v;
    pthread_mutex_lock(&q_lock);
    consumed_sum += sum;
    consumed_n += n;
    pthread_mutex_unlock(&q_lock);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        scale = atoi(argv[1]);
    pthread_t t[T];
    for (long i = 0; i < T; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i)) {
            printf("pthread_create failed\n");
            return 1;
        }
    /* Producers are the even threads: join them, then close the queue. */
    for (int i = 0; i < T; i += 2)
        pthread_join(t[i], NULL);
    pthread_mutex_lock(&q_lock);
    q_closed = 1;
    pthread_cond_broadcast(&q_not_empty);
    pthread_mutex_unlock(&q_lock);
    for (int i = 1; i < T; i += 2)
        pthread_join(t[i], NULL);

    long iters = 2000L * scale, rounds = 5L * scale, items = 300L * scale;
    unsigned long long want_weighted = 0;
    for (long me = 0; me < T; me++)
        want_weighted += (unsigned long long)(me + 1) * iters * (iters + 1) / 2;
    long want_sum = 0;
    for (long me = 0; me < T; me += 2)
        want_sum += me * 100000 * items + items * (items + 1) / 2;
    int ok = counter == T * iters && weighted == want_weighted &&
             fadd == T * iters && cas == 2 * T * iters &&
             lrsc == 3 * T * iters && ring_passes == T * rounds &&
             consumed_n == T / 2 * items && consumed_sum == want_sum;
    printf("counter=%ld weighted=%llu fadd=%ld cas=%ld lrsc=%ld ring=%ld "
           "items=%ld sum=%ld: %s\n", counter, weighted, (long)fadd, (long)cas,
           lrsc, ring_passes, consumed_n, consumed_sum, ok ? "ok" : "WRONG");
    return ok ? 0 : 1;
}
