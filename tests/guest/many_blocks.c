/* Many blocks: 280000 distinct two-instruction functions (add a constant,
 * return), each called through a pointer, by two threads at once and then
 * once more by each. Every call is an indirect jump to a pc not seen since
 * the last pass, so hart looks each block up in its block cache, whose hash
 * table grows twice on the way (at 2 and 4 blocks per chain) while the
 * other thread keeps looking up. The sums must be exact, and hart --stats
 * must report each block built once: a block lost by a resize would be
 * built again on the second pass (tests/jit many-blocks). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define FUNCTIONS 280000

/* Uncompressed, so that function i starts 8 bytes after function i-1. */
__asm__(".text\n"
        ".option push\n"
        ".option norvc\n"
        ".balign 8\n"
        ".globl many_functions\n"
        "many_functions:\n"
        ".set k, 0\n"
        ".rept 280000\n"
        "addi a0, a0, (k % 61) - 30\n"
        "ret\n"
        ".set k, k + 1\n"
        ".endr\n"
        ".option pop\n");
extern const char many_functions[];

typedef long (*function)(long);

/* Calls every function once, starting at a different one per thread. */
static long pass(unsigned first)
{
    long sum = 0;
    for (unsigned n = 0; n < FUNCTIONS; n++) {
        unsigned i = (first + n * 7919u) % FUNCTIONS; /* 7919 is prime */
        sum = ((function)(uintptr_t)(many_functions + 8 * (uintptr_t)i))(sum);
        sum += i & 3;
    }
    return sum;
}

static void *thread(void *arg)
{
    unsigned first = (unsigned)(uintptr_t)arg;
    long a = pass(first);
    long b = pass(first + 1);
    return (void *)(intptr_t)(a * 3 + b);
}

int main(void)
{
    pthread_t t[2];
    for (int k = 0; k < 2; k++)
        if (pthread_create(&t[k], NULL, thread, (void *)(uintptr_t)(k * 100000)) != 0) {
            perror("pthread_create");
            return 1;
        }
    for (int k = 0; k < 2; k++) {
        void *r;
        pthread_join(t[k], &r);
        printf("thread %d: %ld\n", k, (long)(intptr_t)r);
    }
    return 0;
}
