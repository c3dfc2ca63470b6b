/* futex as glibc and others use it, including the less common operations:
 *  - priority-inheritance mutexes (PTHREAD_PRIO_INHERIT: FUTEX_LOCK_PI,
 *    FUTEX_UNLOCK_PI, FUTEX_TRYLOCK_PI) under contention, exact counts;
 *  - a PI condition variable with broadcast;
 *  - raw FUTEX_WAIT/FUTEX_WAKE, FUTEX_CMP_REQUEUE moving waiters from one
 *    word to another (only the requeued ones wake on the second word),
 *    FUTEX_REQUEUE, FUTEX_WAKE_OP, FUTEX_WAIT_BITSET/FUTEX_WAKE_BITSET,
 *    FUTEX_WAIT on a changed value (EAGAIN) and with a timeout
 *    (ETIMEDOUT), FUTEX_PRIVATE_FLAG, and bad arguments (EFAULT,
 *    EINVAL). */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long futex(void *uaddr, int op, uint32_t val, const void *ts_or_val2,
                  void *uaddr2, uint32_t val3)
{
    return syscall(SYS_futex, uaddr, op, val, ts_or_val2, uaddr2, val3);
}

static pthread_mutex_t pi;
static long pi_counter;

static void *pi_worker(void *arg)
{
    for (int i = 0; i < 5000; i++) {
        if (i % 7 == 0 && pthread_mutex_trylock(&pi) == 0) {
            pi_counter++;
            pthread_mutex_unlock(&pi);
            continue;
        }
        pthread_mutex_lock(&pi);
        pi_counter++;
        pthread_mutex_unlock(&pi);
    }
    return NULL;
}

static pthread_cond_t pi_cond = PTHREAD_COND_INITIALIZER;
static int go, woken;

static void *pi_waiter(void *arg)
{
    pthread_mutex_lock(&pi);
    while (!go)
        pthread_cond_wait(&pi_cond, &pi);
    woken++;
    pthread_mutex_unlock(&pi);
    return NULL;
}

static _Atomic uint32_t word_a, word_b;
static _Atomic int woke_from;

static void *raw_waiter(void *arg)
{
    /* Wait on word_a while it is 0; report which wake-up got us out. */
    while (futex(&word_a, FUTEX_WAIT, 0, NULL, NULL, 0) == -1 &&
           errno == EINTR)
        ;
    atomic_fetch_add(&woke_from, 1);
    return NULL;
}

/* Waits until n threads are blocked in FUTEX_WAIT on the given word:
 * requeueing the waiters of a word onto itself wakes nobody and returns
 * how many there are. */
static void wait_for_waiters(_Atomic uint32_t *w, uint32_t val, int n)
{
    for (int i = 0; i < 2000; i++) {
        long r = futex(w, FUTEX_CMP_REQUEUE, 0, (void *)(long)INT32_MAX,
                       (void *)w, val);
        if (r >= n)
            return;
        usleep(1000);
    }
    printf("waiters never arrived\n");
}

static _Atomic uint32_t bits_word;
static _Atomic int bit_woken[2];

static void *bit_waiter(void *arg)
{
    long which = (long)arg;
    futex(&bits_word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 0, NULL, NULL,
          which ? 0x2 : 0x1);
    atomic_store(&bit_woken[which], 1);
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(&pi, &a);
    pthread_t t[8];
    for (int i = 0; i < 8; i++)
        pthread_create(&t[i], NULL, pi_worker, NULL);
    for (int i = 0; i < 8; i++)
        pthread_join(t[i], NULL);
    printf("PI mutex: counter=%ld\n", pi_counter);

    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, pi_waiter, NULL);
    usleep(20000);
    pthread_mutex_lock(&pi);
    go = 1;
    pthread_cond_broadcast(&pi_cond);
    pthread_mutex_unlock(&pi);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("PI condvar broadcast: woken=%d\n", woken);

    /* Requeue: 4 waiters on a; wake 1 and move 2 to b; one stays on a. */
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, raw_waiter, NULL);
    wait_for_waiters(&word_a, 0, 4);
    long r = futex(&word_a, FUTEX_CMP_REQUEUE, 1, (void *)2, &word_b, 0);
    usleep(20000);
    printf("CMP_REQUEUE: returned %ld, woken %d\n", r, (int)woke_from);
    r = futex(&word_a, FUTEX_CMP_REQUEUE, 1, (void *)2, &word_b, 5);
    printf("CMP_REQUEUE with a stale value: %ld %s\n", r,
           strerrorname_np(errno));
    r = futex(&word_b, FUTEX_WAKE, 10, NULL, NULL, 0);
    usleep(20000);
    printf("wake on b: %ld, woken %d\n", r, (int)woke_from);
    r = futex(&word_a, FUTEX_REQUEUE, 0, (void *)1, &word_b, 0);
    r += futex(&word_b, FUTEX_WAKE, 10, NULL, NULL, 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("REQUEUE then wake: %ld, woken %d\n", r, (int)woke_from);

    /* WAKE_OP: word_b += 1, wake one on a, and one on b if old b == 0. */
    atomic_store(&woke_from, 0);
    atomic_store(&word_b, 0);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, raw_waiter, NULL);
    wait_for_waiters(&word_a, 0, 2);
    r = futex(&word_a, FUTEX_WAKE_OP, 1, (void *)1, &word_b,
              FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_EQ, 0));
    printf("WAKE_OP: %ld, b=%u\n", r, (unsigned)word_b);
    futex(&word_a, FUTEX_WAKE, 10, NULL, NULL, 0);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);

    /* Bitsets: wake only the waiter whose mask matches. */
    pthread_create(&t[0], NULL, bit_waiter, (void *)0);
    pthread_create(&t[1], NULL, bit_waiter, (void *)1);
    usleep(30000);
    r = futex(&bits_word, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 10, NULL,
              NULL, 0x2);
    usleep(20000);
    printf("WAKE_BITSET 0x2: %ld, woken %d %d\n", r, (int)bit_woken[0],
           (int)bit_woken[1]);
    futex(&bits_word, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 10, NULL, NULL,
          FUTEX_BITSET_MATCH_ANY);
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);

    /* Errors and timeouts. */
    uint32_t v = 5;
    r = futex(&v, FUTEX_WAIT, 4, NULL, NULL, 0);
    printf("WAIT on a changed value: %ld %s\n", r, strerrorname_np(errno));
    struct timespec ts = {0, 20000000};
    r = futex(&v, FUTEX_WAIT_PRIVATE, 5, &ts, NULL, 0);
    printf("WAIT with timeout: %ld %s\n", r, strerrorname_np(errno));
    struct timespec abs;
    clock_gettime(CLOCK_MONOTONIC, &abs);
    abs.tv_nsec += 20000000;
    if (abs.tv_nsec >= 1000000000) {
        abs.tv_sec++;
        abs.tv_nsec -= 1000000000;
    }
    r = futex(&v, FUTEX_WAIT_BITSET, 5, &abs, NULL, FUTEX_BITSET_MATCH_ANY);
    printf("WAIT_BITSET absolute timeout: %ld %s\n", r, strerrorname_np(errno));
    r = futex((void *)16, FUTEX_WAIT, 0, NULL, NULL, 0);
    printf("WAIT on a bad address: %ld %s\n", r, strerrorname_np(errno));
    r = futex((char *)&v + 1, FUTEX_WAKE, 1, NULL, NULL, 0);
    printf("misaligned: %ld %s\n", r, strerrorname_np(errno));
    r = futex(&v, 99, 1, NULL, NULL, 0);
    printf("unknown op: %ld %s\n", r, strerrorname_np(errno));
    r = futex(&v, FUTEX_WAIT, 5, (void *)8, NULL, 0);
    printf("bad timeout pointer: %ld %s\n", r, strerrorname_np(errno));
    return 0;
}
