/* malloc, calloc, realloc and free under a pseudo-random workload, small
 * blocks (brk heap) and large ones (mmap, mremap), each filled with a pattern
 * derived from its slot and checked before it is resized or freed; plus the
 * aligned allocators. Prints counts and a checksum of everything read back. */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SLOTS = 512, ROUNDS = 30000 };
static unsigned char *block[SLOTS];
static size_t size[SLOTS];
static unsigned char tag[SLOTS];
static uint64_t state = 88172645463325252ull;
static uint64_t checksum;
static unsigned long errors;

static uint64_t rnd(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static size_t random_size(void)
{
    uint64_t r = rnd();
    switch (r % 64) {
    case 0:
        return 128 * 1024 + r % (384 * 1024);   /* above the mmap threshold */
    case 1: case 2: case 3: case 4: case 5: case 6: case 7:
        return 4096 + r % 60000;
    default:
        return r % 300;
    }
}

static void fill(int i)
{
    for (size_t k = 0; k < size[i]; k++)
        block[i][k] = (unsigned char)(tag[i] + k * 7);
}

/* Checks the first n bytes of slot i and folds them into the checksum
 * (sparsely for big blocks, to keep the run short). */
static void verify(int i, size_t n)
{
    size_t step = n > 4096 ? 61 : 1;
    for (size_t k = 0; k < n; k += step) {
        unsigned char want = (unsigned char)(tag[i] + k * 7);
        if (block[i][k] != want)
            errors++;
        checksum = checksum * 1099511628211ull ^ block[i][k];
    }
}

int main(void)
{
    unsigned long mallocs = 0, reallocs = 0, frees = 0, callocs = 0;
    for (int round = 0; round < ROUNDS; round++) {
        int i = (int)(rnd() % SLOTS);
        uint64_t op = rnd() % 10;
        if (!block[i]) {
            size[i] = random_size();
            tag[i] = (unsigned char)rnd();
            if (op < 2) {
                block[i] = calloc(size[i], 1);
                callocs++;
                for (size_t k = 0; k < size[i]; k++)
                    if (block[i][k])
                        errors++;
            } else {
                block[i] = malloc(size[i]);
                mallocs++;
            }
            if (!block[i] && size[i]) {
                printf("allocation of %zu failed\n", size[i]);
                return 1;
            }
            fill(i);
        } else if (op < 5) {
            size_t n = random_size();
            verify(i, n < size[i] ? n : size[i]);
            unsigned char *p = realloc(block[i], n ? n : 1);
            if (!p) {
                printf("realloc to %zu failed\n", n);
                return 1;
            }
            block[i] = p;
            /* The old contents must have survived the move. */
            size_t keep = n < size[i] ? n : size[i];
            for (size_t k = 0; k < keep; k += 17)
                if (block[i][k] != (unsigned char)(tag[i] + k * 7))
                    errors++;
            size[i] = n;
            fill(i);
            reallocs++;
        } else {
            verify(i, size[i]);
            free(block[i]);
            block[i] = NULL;
            frees++;
        }
    }
    for (int i = 0; i < SLOTS; i++)
        if (block[i]) {
            verify(i, size[i]);
            free(block[i]);
        }
    printf("malloc %lu calloc %lu realloc %lu free %lu errors %lu checksum %016llx\n",
           mallocs, callocs, reallocs, frees, errors, (unsigned long long)checksum);

    /* Alignment guarantees. */
    int misaligned = 0;
    for (size_t align = 8; align <= 65536; align *= 2) {
        void *p = NULL;
        if (posix_memalign(&p, align, 100 + align) || (uintptr_t)p % align)
            misaligned++;
        memset(p, 0xab, 100 + align);
        free(p);
        void *q = aligned_alloc(align, align * 3);
        if (!q || (uintptr_t)q % align)
            misaligned++;
        free(q);
        void *m = memalign(align, 33);
        if (!m || (uintptr_t)m % align)
            misaligned++;
        free(m);
    }
    int zero_ok = 1;
    for (int i = 0; i < 50; i++) {
        void *p = malloc(16 * (size_t)i);
        if (!p || (uintptr_t)p % 16)
            zero_ok = 0;
        free(p);
    }
    void *huge = malloc((size_t)1 << 62);
    printf("misaligned %d small-ok %d huge-fails %d\n", misaligned, zero_ok, huge == NULL);
    return errors != 0;
}
