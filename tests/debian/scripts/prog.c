/* Compiled by each side's gcc in the gcc-build workload, then run: the
 * output must not depend on the architecture (no long double, no plain
 * char arithmetic, no libm function that is not correctly rounded). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    char key[16];
    long value;
    struct entry *next;
};

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005u + 1442695040888963407u;
    return *s >> 33;
}

static int by_value(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    uint64_t seed = 42;

    /* primes */
    unsigned char *composite = calloc((size_t)n + 1, 1);
    int primes = 0;
    for (int i = 2; i <= n; i++) {
        if (composite[i])
            continue;
        primes++;
        for (long j = (long)i * i; j <= n; j += i)
            composite[j] = 1;
    }
    printf("primes up to %d: %d\n", n, primes);

    /* sorting */
    long *v = malloc(sizeof *v * (size_t)n);
    for (int i = 0; i < n; i++)
        v[i] = (long)lcg(&seed) % 100000 - 50000;
    qsort(v, (size_t)n, sizeof *v, by_value);
    printf("sorted: %ld %ld %ld\n", v[0], v[n / 2], v[n - 1]);

    /* a hash table of strings */
    struct entry *table[257] = {0};
    for (int i = 0; i < n; i++) {
        char key[16];
        snprintf(key, sizeof key, "k%lu", (unsigned long)(lcg(&seed) % 5000));
        unsigned h = 0;
        for (const unsigned char *p = (const unsigned char *)key; *p; p++)
            h = h * 31 + *p;
        struct entry **at = &table[h % 257];
        while (*at && strcmp((*at)->key, key) != 0)
            at = &(*at)->next;
        if (!*at) {
            *at = calloc(1, sizeof **at);
            strcpy((*at)->key, key);
        }
        (*at)->value += i;
    }
    long distinct = 0, total = 0;
    for (int b = 0; b < 257; b++)
        for (struct entry *e = table[b], *next; e; e = next) {
            next = e->next;
            distinct++;
            total += e->value;
            free(e);
        }
    printf("keys: %ld, values: %ld\n", distinct, total);

    /* integer and floating-point arithmetic */
    int64_t a = -123456789012345, d = 98765;
    uint64_t u = 0xfedcba9876543210u;
    printf("div %lld mod %lld udiv %llu shifts %llx %llx\n", (long long)(a / d),
           (long long)(a % d), (unsigned long long)(u / 12345),
           (unsigned long long)(u >> 13), (unsigned long long)((int64_t)u >> 13));
    double sum = 0;
    for (int i = 1; i <= n; i++)
        sum += sqrt((double)i) / i;
    printf("sum %.17g fib %ld\n", sum, fib(24));
    free(v);
    free(composite);
    return 0;
}
