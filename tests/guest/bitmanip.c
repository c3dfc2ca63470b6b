/* Bit manipulation built for Zba/Zbb/Zbs (bitmanip.cflags): the builtins
 * become clz/ctz/cpop(w), rev8, rol/ror, min/max, sext.b/h, zext.h, andn,
 * orn, xnor, bset/bclr/binv/bext and sh1add/sh2add/sh3add/add.uw. Each
 * result is compared with a plain-C loop that computes the same thing. */
#include <stdint.h>
#include <stdio.h>

static volatile uint64_t vals[] = {0, 1, 2, 3, 0x80, 0xff, 0x8000, 0xffff, 0x80000000,
                                   0xffffffff, 0x100000000, 0x8000000000000000,
                                   0xffffffffffffffff, 0x0123456789abcdef,
                                   0xfedcba9876543210, 0x5555555555555555, 0x00f000000000f000};
#define N (sizeof vals / sizeof *vals)

static int slow_clz(uint64_t x, int bits)
{
    int n = 0;
    for (int i = bits - 1; i >= 0 && !(x >> i & 1); i--)
        n++;
    return n;
}
static int slow_ctz(uint64_t x, int bits)
{
    int n = 0;
    for (int i = 0; i < bits && !(x >> i & 1); i++)
        n++;
    return n;
}
static int slow_pop(uint64_t x)
{
    int n = 0;
    for (; x; x >>= 1)
        n += x & 1;
    return n;
}
static uint64_t slow_bswap(uint64_t x, int bytes)
{
    uint64_t r = 0;
    for (int i = 0; i < bytes; i++)
        r = r << 8 | (x >> (8 * i) & 0xff);
    return r;
}

static uint64_t rol(uint64_t x, unsigned n)
{
    return x << (n & 63) | x >> (-n & 63);
}
static uint32_t rolw(uint32_t x, unsigned n)
{
    return x << (n & 31) | x >> (-n & 31);
}
static uint64_t ror(uint64_t x, unsigned n)
{
    return x >> (n & 63) | x << (-n & 63);
}

int main(void)
{
    unsigned bad = 0;
    uint64_t digest = 0;
    for (unsigned i = 0; i < N; i++) {
        uint64_t x = vals[i];
        uint32_t w = (uint32_t)x;
        if (x) {
            bad += __builtin_clzll(x) != slow_clz(x, 64);
            bad += __builtin_ctzll(x) != slow_ctz(x, 64);
        }
        if (w) {
            bad += __builtin_clz(w) != slow_clz(w, 32);
            bad += __builtin_ctz(w) != slow_ctz(w, 32);
        }
        bad += __builtin_popcountll(x) != slow_pop(x);
        bad += __builtin_popcount(w) != slow_pop(w);
        bad += __builtin_bswap64(x) != slow_bswap(x, 8);
        bad += __builtin_bswap32(w) != slow_bswap(w, 4);
        bad += __builtin_bswap16((uint16_t)x) != slow_bswap(x & 0xffff, 2);
        for (unsigned j = 0; j < N; j++) {
            uint64_t y = vals[j];
            int64_t sx = (int64_t)x, sy = (int64_t)y;
            unsigned n = (unsigned)y;
            uint64_t r = rol(x, n);
            bad += ror(r, n) != x;
            digest = digest * 31 + r + ror(x, n) + rolw(w, n) + (x & ~y) + (x | ~y) + ~(x ^ y);
            digest = digest * 31 + (uint64_t)(sx < sy ? sx : sy) + (x > y ? x : y);
            digest = digest * 31 + (x | 1ull << (n & 63)) + (x & ~(1ull << (n & 63))) +
                     (x ^ 1ull << (n & 63)) + (x >> (n & 63) & 1);
            digest = digest * 31 + (x + (y << 1)) + (x + (y << 2)) + (x + (y << 3)) +
                     (x + (uint32_t)y) + ((uint64_t)(uint32_t)y << 5);
        }
        digest += (uint64_t)(int8_t)x + (uint64_t)(int16_t)x + (uint16_t)x;
        printf("%016llx clz %2d ctz %2d pop %2d rev8 %016llx\n", (unsigned long long)x,
               x ? __builtin_clzll(x) : 64, x ? __builtin_ctzll(x) : 64,
               __builtin_popcountll(x), (unsigned long long)__builtin_bswap64(x));
    }
    printf("mismatches %u digest %016llx\n", bad, (unsigned long long)digest);
    return bad != 0;
}
