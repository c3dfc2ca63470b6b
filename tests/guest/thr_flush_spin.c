/* Flushes of translated code while other threads spin in it without ever
 * making a system call: two threads run a tight loop until told to stop,
 * while the main thread makes new code visible 20 times (each a flush of
 * everything hart translated, which must first get every thread out of
 * translated code). Translated code does not poll for such requests: hart
 * sends the spinning threads a signal of its own (a kick), and without it
 * this test hangs. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

static atomic_int stop;
static _Atomic long spins[2];

/* The loop has no other way out than stop: no call, no rarely taken
 * branch to code not yet translated, which would leave translated code. */
static void *spinner(void *arg)
{
    long me = (long)arg;
    unsigned long x = (unsigned long)me + 1;
    atomic_store(&spins[me], 1);
    while (!atomic_load_explicit(&stop, memory_order_relaxed))
        x = x * 6364136223846793005ul + 1442695040888963407ul;
    return (void *)(uintptr_t)(x | 1);
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, spinner, (void *)i);
    for (int i = 0; i < 2; i++) /* both are spinning */
        while (atomic_load(&spins[i]) == 0)
            usleep(1000);
    usleep(20000); /* long enough for their loops to be translated */
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int good = 0;
    for (int round = 0; round < 20; round++) {
        code[0] = (uint32_t)(round & 0x7ff) << 20 | 10u << 7 | 0x13u; /* li a0 */
        code[1] = 0x00008067u;                                        /* ret */
        __builtin___clear_cache((char *)code, (char *)(code + 2));
        good += ((int (*)(void))(uintptr_t)code)() == round;
    }
    atomic_store(&stop, 1);
    int ran = 0;
    for (int i = 0; i < 2; i++) {
        void *r;
        pthread_join(t[i], &r);
        ran += r != NULL;
    }
    printf("new code right: %d/20, spinners stopped: %d/2\n", good, ran);
    return 0;
}
