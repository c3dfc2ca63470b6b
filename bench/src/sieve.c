/* sieve: byte-array sieve of Eratosthenes (strided stores, a tight scan)
 * followed by an open-addressing hash set of 64-bit keys (multiplicative
 * hashing, linear probing: loads that miss the cache and unpredictable
 * branches), ROUNDS times over a few megabytes, each round salting the keys
 * differently.  Usage: sieve [LIMIT [ROUNDS]] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t sieve_count(uint8_t *composite, uint32_t limit)
{
    memset(composite, 0, limit + 1);
    uint32_t count = 0;
    for (uint32_t i = 2; i <= limit; i++) {
        if (composite[i])
            continue;
        count++;
        for (uint64_t j = (uint64_t)i * i; j <= limit; j += i)
            composite[j] = 1;
    }
    return count;
}

static uint64_t hash_mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdu;
    k ^= k >> 33;
    return k;
}

/* Inserts every prime (as a key spread over 64 bits) into a set at most half
 * full, then probes for every odd number below the limit: returns the hits. */
static uint64_t hash_probe(const uint8_t *composite, uint32_t limit, uint32_t nprimes,
                           uint64_t salt)
{
    size_t cap = 1;
    while (cap < 2 * (size_t)nprimes)
        cap <<= 1;
    uint64_t *slot = calloc(cap, sizeof *slot); /* 0 = empty; keys are odd */
    if (!slot)
        abort();
    for (uint32_t i = 2; i <= limit; i++)
        if (!composite[i]) {
            uint64_t key = ((uint64_t)i * 0x9e3779b97f4a7c15u ^ salt) | 1;
            size_t h = hash_mix(key) & (cap - 1);
            while (slot[h])
                h = (h + 1) & (cap - 1);
            slot[h] = key;
        }
    uint64_t hits = 0, probes = 0;
    for (uint32_t i = 1; i <= limit; i += 2) {
        uint64_t key = ((uint64_t)i * 0x9e3779b97f4a7c15u ^ salt) | 1;
        size_t h = hash_mix(key) & (cap - 1);
        for (; slot[h]; h = (h + 1) & (cap - 1), probes++)
            if (slot[h] == key) {
                hits++;
                break;
            }
    }
    free(slot);
    return hits << 32 ^ probes;
}

int main(int argc, char **argv)
{
    uint32_t limit = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 4000000u;
    int rounds = argc > 2 ? atoi(argv[2]) : 8;
    uint8_t *composite = malloc((size_t)limit + 1);
    if (!composite)
        abort();
    uint32_t n = 0;
    uint64_t h = 0;
    for (int r = 0; r < rounds; r++) {
        n = sieve_count(composite, limit);
        h = h * 31 + hash_probe(composite, limit, n, (uint64_t)r << 40);
    }
    printf("sieve %u x %d: %u primes, probe %016llx\n", limit, rounds, n,
           (unsigned long long)h);
    free(composite);
    return 0;
}
