/* mem: bulk memory traffic and memory latency. memset and memcpy over two
 * 16 MiB buffers (glibc's string routines: long runs of loads and stores),
 * then a walk of a random single-cycle permutation over 4 MiB (each load's
 * address depends on the previous load, so every step pays the full
 * latency of guest memory access).  Usage: mem [COPY_ROUNDS [CHASE_STEPS]] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_BYTES (16u << 20)
#define CHASE_SLOTS (512u << 10) /* uint64_t each: 4 MiB */

static uint64_t rng_state = 0x853c49e6748fea9bu;

static uint64_t rng_next(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static uint64_t copy_rounds(int rounds)
{
    uint8_t *a = malloc(BUF_BYTES), *b = malloc(BUF_BYTES);
    if (!a || !b)
        abort();
    uint64_t sum = 0;
    for (int r = 0; r < rounds; r++) {
        memset(a, r + 1, BUF_BYTES);
        /* A differently aligned copy each round, so both the aligned and the
         * misaligned paths of memcpy run. */
        size_t off = (size_t)r % 8;
        memcpy(b + off, a, BUF_BYTES - 8);
        b[(size_t)r * 4099 % BUF_BYTES] ^= (uint8_t)r;
        for (size_t i = 0; i < BUF_BYTES; i += 4096)
            sum = sum * 131 + b[i];
        memmove(a, b + 4096, BUF_BYTES - 4096);
        sum += a[BUF_BYTES / 2];
    }
    free(a);
    free(b);
    return sum;
}

static uint64_t chase(long steps)
{
    uint64_t *next = malloc(CHASE_SLOTS * sizeof *next);
    if (!next)
        abort();
    /* Sattolo's shuffle: one cycle through every slot. */
    for (uint64_t i = 0; i < CHASE_SLOTS; i++)
        next[i] = i;
    for (uint64_t i = CHASE_SLOTS - 1; i > 0; i--) {
        uint64_t j = rng_next() % i;
        uint64_t t = next[i];
        next[i] = next[j];
        next[j] = t;
    }
    uint64_t p = 0, sum = 0;
    for (long s = 0; s < steps; s++) {
        p = next[p];
        sum += p;
    }
    free(next);
    return sum;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 48;
    long steps = argc > 2 ? strtol(argv[2], NULL, 10) : 4000000;
    uint64_t c = copy_rounds(rounds);
    printf("mem copy %d: %016llx\n", rounds, (unsigned long long)c);
    printf("mem chase %ld: %016llx\n", steps, (unsigned long long)chase(steps));
    return 0;
}
