/* calls: control transfer. Naive recursive Fibonacci (call/return depth and
 * count), an interpreter-style loop calling through a table of function
 * pointers (indirect calls to changing targets), and qsort with a comparison
 * callback (libc calling back into the program).
 * Usage: calls [FIB_N [DISPATCH_STEPS [SORT_N]]] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static uint64_t op_add(uint64_t x, uint64_t k) { return x + k; }
static uint64_t op_xor(uint64_t x, uint64_t k) { return x ^ (k << 7); }
static uint64_t op_mul(uint64_t x, uint64_t k) { return x * (k | 1); }
static uint64_t op_rot(uint64_t x, uint64_t k) { return x << (k & 31) | x >> (64 - (k & 31) - 1) >> 1; }
static uint64_t op_sub(uint64_t x, uint64_t k) { return x - (k >> 3); }
static uint64_t op_neg(uint64_t x, uint64_t k) { return ~x + k; }

static uint64_t (*const ops[8])(uint64_t, uint64_t) = {
    op_add, op_xor, op_mul, op_rot, op_sub, op_neg, op_add, op_xor,
};

static uint64_t dispatch(long steps)
{
    uint64_t x = 1, k = 12345;
    for (long i = 0; i < steps; i++) {
        k = k * 2862933555777941757u + 3037000493u;
        x = ops[k >> 61](x, k);
    }
    return x;
}

static int cmp_u32(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return (a > b) - (a < b);
}

static uint64_t sort(size_t n)
{
    uint32_t *v = malloc(n * sizeof *v);
    if (!v)
        abort();
    uint32_t s = 2463534242u;
    for (size_t i = 0; i < n; i++) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        v[i] = s;
    }
    qsort(v, n, sizeof *v, cmp_u32);
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i += n / 64 + 1)
        sum = sum * 33 + v[i];
    for (size_t i = 1; i < n; i++)
        if (v[i - 1] > v[i])
            sum = 0; /* not sorted: the outputs will disagree */
    free(v);
    return sum;
}

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 30;
    long steps = argc > 2 ? strtol(argv[2], NULL, 10) : 20000000;
    size_t sort_n = argc > 3 ? (size_t)strtoul(argv[3], NULL, 10) : 1000000;
    printf("calls fib(%u): %llu\n", n, (unsigned long long)fib(n));
    printf("calls dispatch %ld: %016llx\n", steps, (unsigned long long)dispatch(steps));
    printf("calls qsort %zu: %016llx\n", sort_n, (unsigned long long)sort(sort_n));
    return 0;
}
