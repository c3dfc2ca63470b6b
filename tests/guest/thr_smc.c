/* Data beside code, written by several threads at once: a page holds a
 * small function (run 200,000 times by the main thread) and, further on,
 * four counters that four threads increment as fast as they can. hart
 * write-protects pages it has decoded code from and lets the first write
 * through (dropping the code); with threads, several writes can fault at
 * once, and none of them may turn into a guest SIGSEGV. Every increment
 * must land and the function must keep returning its value. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

static uint32_t *page;
static atomic_int stop;

static void *writer(void *arg)
{
    long me = (long)arg;
    volatile long *slot = (volatile long *)((char *)page + 2048 + 64 * me);
    long n = 0;
    while (!atomic_load(&stop)) {
        *slot += 1;
        n++;
    }
    return (void *)n;
}

int main(void)
{
    page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    page[0] = (7u << 20) | (10u << 7) | 0x13u; /* li a0, 7 */
    page[1] = 0x00008067u;                     /* ret */
    __builtin___clear_cache((char *)page, (char *)(page + 2));
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, writer, (void *)i);
    int (*fn)(void) = (int (*)(void))(uintptr_t)page;
    long s = 0;
    for (int i = 0; i < 200000; i++)
        s += fn();
    atomic_store(&stop, 1);
    long total = 0, sum = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        total += (long)r;
        sum += *(long *)((char *)page + 2048 + 64 * i);
    }
    printf("function results: %ld, every increment landed: %d\n", s,
           sum == total);
    return 0;
}
