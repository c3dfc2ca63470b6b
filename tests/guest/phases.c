/* Two phases that keep different values in registers: a first one long
 * enough to decide hart's first register mapping, then a longer second
 * one, whose own registers the later remap picks (hart --stats counts the
 * remaps; tests/jit). The second phase prints as it goes: hart takes the
 * steps of its remapping plan when translated code exits, as a system
 * call makes it. The output is checksums of both. */
#include <stdint.h>
#include <stdio.h>

static uint64_t phase1(uint64_t n)
{
    uint64_t x = 88172645463325252u;
    for (uint64_t i = 0; i < n; i++)
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return x;
}

/* Eight state words mixed round by round: more live values than the first
 * phase, in other registers. */
static uint32_t a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;

static uint64_t phase2(uint64_t n)
{
    for (uint64_t i = 0; i < n; i++) {
        uint32_t t1 = h + (e >> 6 ^ e << 26) + ((e & f) ^ (~e & g)) + (uint32_t)i;
        uint32_t t2 = (a >> 2 ^ a << 30) + ((a & b) ^ (a & c) ^ (b & c));
        h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    return (uint64_t)a << 32 ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
}

int main(void)
{
    printf("%016llx\n", (unsigned long long)phase1(5000000));
    for (int k = 0; k < 16; k++) {
        printf("%016llx\n", (unsigned long long)phase2(1000000));
        fflush(stdout);
    }
    return 0;
}
