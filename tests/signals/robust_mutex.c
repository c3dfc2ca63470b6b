/* Robust mutexes: a thread that exits while holding one (normally, by
 * pthread_exit, and while another thread is already blocked on it) makes
 * the next locker get EOWNERDEAD; pthread_mutex_consistent repairs it;
 * unlocking without repairing makes it ENOTRECOVERABLE. Also a robust PI
 * mutex, several robust mutexes held at once by the dying thread, and the
 * list that get_robust_list reports; a process-shared robust mutex whose
 * owner process exits. Not in tests/guest: qemu-riscv64 7.2
 * does not implement robust lists (the program dies of SIGBUS there). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_mutex_t m[3];

static void init_robust(pthread_mutex_t *mu, int pi)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    if (pi)
        pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(mu, &a);
    pthread_mutexattr_destroy(&a);
}

static void *die_holding(void *arg)
{
    long how = (long)arg;
    for (int i = 0; i < 3; i++)
        pthread_mutex_lock(&m[i]);
    if (how == 1)
        pthread_exit(NULL);
    if (how == 2)
        usleep(50000); /* let the main thread block on m[0] first */
    return NULL;
}

static const char *name(int r)
{
    return r ? strerrorname_np(r) : "0";
}

static void round_trip(const char *what, long how, int pi)
{
    for (int i = 0; i < 3; i++)
        init_robust(&m[i], pi && i == 0);
    pthread_t t;
    pthread_create(&t, NULL, die_holding, (void *)how);
    if (how != 2)
        pthread_join(t, NULL);
    else
        usleep(10000);
    int r0 = pthread_mutex_lock(&m[0]); /* blocks when how == 2 */
    if (how == 2)
        pthread_join(t, NULL);
    int c = r0 == EOWNERDEAD ? pthread_mutex_consistent(&m[0]) : -1;
    pthread_mutex_unlock(&m[0]);
    int again = pthread_mutex_lock(&m[0]);
    pthread_mutex_unlock(&m[0]);
    /* m[1]: unlock without making it consistent. */
    int r1 = pthread_mutex_lock(&m[1]);
    pthread_mutex_unlock(&m[1]);
    int r1b = pthread_mutex_lock(&m[1]);
    int r2 = pthread_mutex_trylock(&m[2]);
    printf("%s: lock=%s consistent=%d relock=%s | m1 %s then %s | "
           "trylock m2 %s\n",
           what, name(r0), c, name(again), name(r1), name(r1b), name(r2));
    if (r2 == EOWNERDEAD || r2 == 0) {
        pthread_mutex_consistent(&m[2]);
        pthread_mutex_unlock(&m[2]);
    }
}

/* A process-shared robust mutex whose owner process exits holding it. */
static void process_death(void)
{
    pthread_mutex_t *pm = mmap(NULL, sizeof *pm, PROT_READ | PROT_WRITE,
                               MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(pm, &a);
    int p[2];
    if (pipe(p))
        return;
    fflush(stdout);
    if (fork() == 0) {
        pthread_mutex_lock(pm);
        if (write(p[1], "x", 1) != 1)
            _exit(2);
        usleep(20000);
        exit(0); /* holding it */
    }
    char c;
    if (read(p[0], &c, 1) != 1)
        return;
    int r = pthread_mutex_lock(pm); /* waits for the child's death */
    printf("owner process exited: lock=%s\n", name(r));
}

int main(void)
{
    round_trip("returned", 0, 0);
    round_trip("pthread_exit", 1, 0);
    round_trip("waiter already blocked", 2, 0);
    round_trip("PI robust", 0, 1);
    round_trip("PI robust, waiter blocked", 2, 1);
    process_death();

    void *head;
    size_t len;
    long r = syscall(SYS_get_robust_list, 0, &head, &len);
    printf("get_robust_list: %ld len=%zu head-set=%d\n", r, len, head != NULL);
    return 0;
}
