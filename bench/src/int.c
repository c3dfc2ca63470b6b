/* int: a plain integer loop (64- and 32-bit arithmetic, multiply, shifts,
 * rotates) with one carried dependency chain so no compiler can vectorise or
 * shorten it. The body has no branch but the loop's own, so every iteration
 * runs the same instructions: bench/run.sh counts the program's dynamic
 * RISC-V instruction count exactly from short runs (see there) and turns
 * hart's time into guest instructions per second.  Usage: int [ITERATIONS] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static uint64_t int_loop(uint64_t n)
{
    uint64_t a = 1, b = 0x9e3779b97f4a7c15u, c = 0;
    for (uint64_t i = 0; i < n; i++) {
        a = a * 6364136223846793005u + 1442695040888963407u;
        uint32_t w = (uint32_t)(a >> 32);
        w = (w ^ (w >> 7)) + (uint32_t)i;
        b += w;
        c ^= (b << 5) | (b >> 59);
        c += i & (uint64_t)((int64_t)c >> 63); /* "if (c < 0) c += i", branch-free */
    }
    return a ^ b ^ c;
}

int main(int argc, char **argv)
{
    uint64_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 300000000u;
    printf("int %llu: %016llx\n", (unsigned long long)n,
           (unsigned long long)int_loop(n));
    return 0;
}
