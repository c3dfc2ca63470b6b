/* Edge values and register choices for the program generator. Values come
 * half from tables of the cases emulators get wrong (sign boundaries,
 * division overflow, shift limits, NaNs of both kinds and signs, infinities,
 * denormals, -0, conversion limits) and half at random, so that both the
 * corners and the plain middle are covered. */
#include "gen/gen.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static const uint64_t int_edges[] = {
    0, 1, 2, 3, -1ull, -2ull, 0x8000000000000000ull, 0x7fffffffffffffffull,
    0x8000000000000001ull, 0x80000000ull, 0xffffffff80000000ull,
    0x7fffffffull, 0xffffffffull, 0x100000000ull, 0xffffffff7fffffffull,
    31, 32, 63, 64, 0xff, 0x80, 0xffff, 0x8000, 0x7f, -128ull, -32768ull,
    0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0123456789abcdefull,
    0xfedcba9876543210ull, 0x00000000fffff800ull, 0x0000000000000800ull,
    0x7ff0000000000000ull, 0x7ff8000000000000ull, 0x3ff0000000000000ull,
    0xffffffff7fc00000ull, 0x4f000000ull, 0x43e0000000000000ull,
};

static const uint64_t double_edges[] = {
    0x0000000000000000ull, 0x8000000000000000ull, /* +0, -0 */
    0x3ff0000000000000ull, 0xbff0000000000000ull, /* 1, -1 */
    0x3fe0000000000000ull, 0xbfe0000000000000ull, /* 0.5, -0.5 */
    0x3ff8000000000000ull, 0x4004000000000000ull, /* 1.5, 2.5 */
    0xc004000000000000ull, 0x3fb999999999999aull, /* -2.5, 0.1 */
    0x4008000000000000ull, 0x400921fb54442d18ull, /* 3, pi */
    0x7ff0000000000000ull, 0xfff0000000000000ull, /* +inf, -inf */
    0x7ff8000000000000ull, 0xfff8000000000000ull, /* qNaN, -qNaN */
    0x7ff8000000000123ull, 0x7ff0000000000001ull, /* qNaN payload, sNaN */
    0x7ff4000000000000ull, 0xfff0000000000001ull, /* sNaN, -sNaN */
    0x0000000000000001ull, 0x800fffffffffffffull, /* denormals */
    0x000fffffffffffffull, 0x0010000000000000ull, /* max denormal, min normal */
    0x7fefffffffffffffull, 0xffefffffffffffffull, /* +-max */
    0x43e0000000000000ull, 0xc3e0000000000000ull, /* 2^63, -2^63 */
    0x43f0000000000000ull, 0x43efffffffffffffull, /* 2^64, below 2^63 */
    0xc3e0000000000001ull, 0x41e0000000000000ull, /* below -2^63, 2^31 */
    0xc1e0000000000000ull, 0xc1e0000000200000ull, /* -2^31, -2^31-1 */
    0x41f0000000000000ull, 0x41efffffffe00000ull, /* 2^32, 2^32-1 */
    0x41dfffffffc00000ull, 0x41dfffffffe00000ull, /* 2^31-1, 2^31-0.5 */
    0x3ca0000000000000ull, 0x36a0000000000000ull, /* 2^-53, tiny */
};

static const uint32_t single_edges[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0xbf000000,
    0x3fc00000, 0x40200000, 0xc0200000, 0x3dcccccd, 0x40400000,
    0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc00123, 0x7f800001,
    0x7fa00000, 0xff800001, 0x00000001, 0x807fffff, 0x007fffff, 0x00800000,
    0x7f7fffff, 0xff7fffff, 0x4f000000, 0xcf000000, 0x4f800000, 0x4effffff,
    0xcf000001, 0x5f000000, 0xdf000000, 0x5f800000, 0x5effffff, 0x33800000,
    0x0d800000,
};

uint64_t gen_edge_int(struct gen *g)
{
    switch (gen_below(g, 8)) {
    case 0: case 1: case 2: case 3:
        return int_edges[gen_below(g, COUNT(int_edges))];
    case 4:
        return (uint64_t)(int64_t)(int)(gen_below(g, 33) - 16);
    case 5: /* one bit set or one bit clear */
        return gen_chance(g, 50) ? 1ull << gen_below(g, 64)
                                 : ~(1ull << gen_below(g, 64));
    case 6: /* a sign-extended 32-bit value */
        return (uint64_t)(int64_t)(int32_t)gen_rand(g);
    default:
        return gen_rand(g);
    }
}

int32_t gen_edge_imm12(struct gen *g)
{
    static const int32_t edges[] = {0, 1, -1, 2047, -2048, 31, 32, 63, 0x7ff,
                                    -2, 0xff, 0x80};
    if (gen_chance(g, 40))
        return edges[gen_below(g, COUNT(edges))];
    return (int32_t)gen_below(g, 4096) - 2048;
}

unsigned gen_edge_shamt(struct gen *g, unsigned bits)
{
    static const unsigned edges[] = {0, 1, 31, 32, 63};
    unsigned n = edges[gen_below(g, COUNT(edges))];
    if (gen_chance(g, 50) || n >= bits)
        n = gen_below(g, bits);
    return n;
}

uint64_t gen_edge_double(struct gen *g)
{
    switch (gen_below(g, 5)) {
    case 0: case 1: case 2:
        return double_edges[gen_below(g, COUNT(double_edges))];
    case 3: { /* a small value with a fraction: rounding-mode sensitive */
        double d = (double)((int)gen_below(g, 2001) - 1000) / 8.0 +
                   (double)gen_below(g, 1000) / 1e3;
        union { double d; uint64_t u; } v = {.d = d};
        return v.u;
    }
    default:
        return gen_rand(g);
    }
}

uint32_t gen_edge_single(struct gen *g)
{
    switch (gen_below(g, 5)) {
    case 0: case 1: case 2:
        return single_edges[gen_below(g, COUNT(single_edges))];
    case 3: {
        float f = (float)((int)gen_below(g, 2001) - 1000) / 8.0f +
                  (float)gen_below(g, 1000) / 1e3f;
        union { float f; uint32_t u; } v = {.f = f};
        return v.u;
    }
    default:
        return (uint32_t)gen_rand(g);
    }
}

uint64_t gen_edge_fp(struct gen *g)
{
    static const uint64_t unboxed_high[] = {0, 0x7fffffff, 0xfffffffe,
                                            0xffff0000, 0x80000000};
    unsigned k = gen_below(g, 20);
    if (k < 8)
        return gen_edge_double(g);
    uint64_t single = gen_edge_single(g);
    if (k < 17)
        return 0xffffffff00000000ull | single;
    /* A single that is not NaN-boxed: reads as the canonical NaN. */
    uint64_t high = gen_chance(g, 70) ?
        unboxed_high[gen_below(g, COUNT(unboxed_high))] :
        (uint32_t)gen_rand(g);
    if (high == 0xffffffff)
        high = 0;
    return high << 32 | single;
}

unsigned gen_xd(struct gen *g)
{
    for (;;) {
        unsigned r;
        if (gen_chance(g, 3))
            r = 0;
        else {
            r = gen_below(g, 28); /* x1, x3..x29 */
            r = r ? r + 2 : 1;
        }
        if ((int)r != g->avoid)
            return r;
    }
}

unsigned gen_xs(struct gen *g)
{
    return gen_below(g, 32);
}

unsigned gen_xtmp(struct gen *g)
{
    for (;;) {
        unsigned r = gen_below(g, 28);
        r = r ? r + 2 : 1;
        if ((int)r != g->avoid)
            return r;
    }
}

unsigned gen_xc(struct gen *g)
{
    for (;;) {
        unsigned r = 8 + gen_below(g, 8);
        if ((int)r != g->avoid)
            return r;
    }
}

unsigned gen_fr(struct gen *g)
{
    return gen_below(g, 32);
}
