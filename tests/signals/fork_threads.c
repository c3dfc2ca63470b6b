/* fork from a multithreaded process: while four threads keep running
 * (allocating, taking a mutex, running code that is being translated),
 * the main thread forks 20 times. Each child has exactly one thread, can
 * malloc (glibc resets its own locks at fork), start threads of its own, and runs code the parent never ran (translated in
 * the child only) before exiting with a checksum the parent verifies.
 * The parent's threads are unaffected. Not in tests/guest: qemu-riscv64
 * 7.2 cannot start a thread in such a child (an assertion in its TCG). */
#define _GNU_SOURCE
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static atomic_int stop;
static _Atomic long work_done;
static pthread_mutex_t shared = PTHREAD_MUTEX_INITIALIZER;

static void *busy(void *arg)
{
    long n = 0;
    while (!atomic_load(&stop)) {
        char *p = malloc(64 + n % 512);
        memset(p, (int)n, 64);
        pthread_mutex_lock(&shared);
        n += p[0] == (char)n;
        pthread_mutex_unlock(&shared);
        free(p);
    }
    work_done += n;
    return NULL;
}

static int count_threads(void)
{
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* Code only children run: a different function per child. */
static long child_work(int k)
{
    long acc = k;
    for (int i = 0; i < 20000; i++)
        acc = acc * 31 + (i ^ k);
    return acc;
}

static void *child_thread(void *arg)
{
    return (void *)(child_work((int)(long)arg) & 0xff);
}

static int child(int k)
{
    int threads = count_threads();
    char *p = malloc(100000);
    if (!p)
        return 1;
    memset(p, k, 100000);
    pthread_t t;
    pthread_create(&t, NULL, child_thread, (void *)(long)k);
    void *r;
    pthread_join(t, &r);
    free(p);
    long expect = child_work(k) & 0xff;
    return threads == 1 && (long)r == expect ? 100 + k : 1;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, busy, NULL);
    usleep(20000);
    int good = 0;
    for (int k = 0; k < 20; k++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0)
            _exit(child(k));
        int status;
        waitpid(pid, &status, 0);
        good += WIFEXITED(status) && WEXITSTATUS(status) == 100 + k;
        if (!(WIFEXITED(status) && WEXITSTATUS(status) == 100 + k))
            printf("child %d: status %#x\n", k, status);
    }
    atomic_store(&stop, 1);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    /* A joined thread may take a moment more to leave /proc (on Linux
     * too; under hart, the host thread still has to unwind). */
    int now = count_threads();
    for (int i = 0; i < 1000 && now != 1; i++) {
        usleep(1000);
        now = count_threads();
    }
    printf("children ok: %d/20, parent threads worked: %d, threads now: %d\n",
           good, work_done > 0, now);
    return 0;
}
