/* A thread started late: the main thread runs 30 million instructions
 * first, then a new thread (its own count starting at 0) makes many
 * system calls, each an exit from translated code where hart checks its
 * register-remapping plan. The new thread's small count must not pass for
 * "long since the last step" (hart --stats: one cache flush, the first
 * remap's; tests/jit). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

static uint64_t spin(uint64_t n, uint64_t x)
{
    for (uint64_t i = 0; i < n; i++)
        x = x * 6364136223846793005u + 1442695040888963407u;
    return x;
}

static void *late(void *arg)
{
    uint64_t x = (uint64_t)(uintptr_t)arg;
    for (int k = 0; k < 200; k++) {
        x = spin(2000, x);
        (void)!getppid(); /* a system call */
    }
    return (void *)(uintptr_t)(x & 0xffff);
}

int main(void)
{
    uint64_t x = spin(6000000, 1);
    printf("main: %016llx\n", (unsigned long long)x);
    fflush(stdout);
    pthread_t t;
    void *r;
    if (pthread_create(&t, NULL, late, (void *)(uintptr_t)x) != 0 || pthread_join(t, &r) != 0)
        return 1;
    printf("late: %04llx\n", (unsigned long long)(uintptr_t)r);
    return 0;
}
