/* A signal that arrives just before a blocking system call starts must
 * still interrupt it: one thread loops on a blocking read of an empty
 * pipe, another sends it SIGUSR1 (handler without SA_RESTART) 1000 times,
 * each time waiting for the handler to have run, at varying delays so
 * that some signals land between the reader's return to user code and
 * its next read. Every read must end with EINTR; a signal that slipped
 * past the check before the read would leave it blocked for good (the
 * sender notices after five seconds). The same with SA_RESTART and the
 * sender writing a byte after each signal: every read returns it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>

enum { ROUNDS = 1000 };
static int fds[2];
static atomic_int handled, reads_eintr, reads_data, reader_ready, done;

static void on_usr1(int sig)
{
    atomic_fetch_add(&handled, 1);
}

/* A large buffer: hart checks it page by page before the host read
 * starts, which widens the window a late check would leave open. */
static char *big;
enum { BIG = 256 << 20 };

static void *reader(void *arg)
{
    atomic_store(&reader_ready, 1);
    while (!atomic_load(&done)) {
        ssize_t n = read(fds[0], big, BIG);
        if (n < 0 && errno == EINTR)
            atomic_fetch_add(&reads_eintr, 1);
        else if (n > 0)
            atomic_fetch_add(&reads_data, (int)n);
    }
    return NULL;
}

static int run(int flags, int write_byte)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = flags;
    sigaction(SIGUSR1, &sa, NULL);
    atomic_store(&handled, 0);
    atomic_store(&done, 0);
    atomic_store(&reader_ready, 0);
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    while (!atomic_load(&reader_ready))
        usleep(100);
    int stuck = 0;
    for (int i = 1; i <= ROUNDS && !stuck; i++) {
        /* Spin a varying while, so signals land all over the loop. */
        for (volatile int k = 0; k < (i * 37) % 2000; k++)
            ;
        pthread_kill(t, SIGUSR1);
        struct timespec start, now;
        clock_gettime(CLOCK_MONOTONIC, &start);
        while (atomic_load(&handled) < i) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (now.tv_sec - start.tv_sec >= 5) {
                stuck = i;
                break;
            }
        }
        if (write_byte && write(fds[1], "x", 1) != 1)
            return -1;
    }
    atomic_store(&done, 1);
    /* Unblock the reader for good. */
    if (write(fds[1], "x", 1) != 1)
        return -1;
    pthread_join(t, NULL);
    /* The reader may have seen done before taking the last bytes (on a
     * loaded machine the sender can run ahead): they count too. */
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    for (ssize_t n; (n = read(fds[0], big, BIG)) > 0;)
        atomic_fetch_add(&reads_data, (int)n);
    fcntl(fds[0], F_SETFL, 0);
    return stuck;
}

int main(void)
{
    if (pipe(fds))
        return 1;
    big = mmap(NULL, BIG, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    int stuck = run(0, 0);
    /* (How many reads failed depends on where the signals landed.) */
    printf("without SA_RESTART: handled=%d stuck at=%d\n", (int)handled,
           stuck);
    atomic_store(&reads_data, 0);
    stuck = run(SA_RESTART, 1);
    printf("with SA_RESTART: handled=%d stuck at=%d bytes read: %d\n",
           (int)handled, stuck, (int)reads_data);
    return 0;
}
