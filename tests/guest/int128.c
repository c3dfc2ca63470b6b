/* 128-bit integers: the compiler turns them into mul/mulhu/sltu chains and
 * libgcc calls (__divti3, __udivti3, __modti3, __umodti3) full of shifts and
 * carries. Values are printed by repeated division by ten, and each result
 * is checked against an identity (q * d + r == n). */
#include <stdint.h>
#include <stdio.h>

typedef __int128 i128;
typedef unsigned __int128 u128;

static void put_u128(u128 v)
{
    char buf[48], *p = buf + sizeof buf;
    *--p = '\0';
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    fputs(p, stdout);
}

static void put_i128(i128 v)
{
    if (v < 0) {
        putchar('-');
        put_u128(-(u128)v);
    } else {
        put_u128((u128)v);
    }
}

static uint64_t s = 0x0123456789abcdefu;
static uint64_t rnd(void)
{
    s = s * 6364136223846793005u + 1442695040888963407u;
    return s;
}

int main(void)
{
    u128 f = 1;
    for (int i = 1; i <= 34; i++) {
        f *= i;
        if (i % 5 == 4 || i == 34) {
            printf("%d! = ", i);
            put_u128(f);
            printf("\n");
        }
    }
    u128 max = ~(u128)0;
    i128 imin = (i128)((u128)1 << 127), imax = (i128)(max >> 1);
    printf("u128 max ");
    put_u128(max);
    printf("\ni128 min ");
    put_i128(imin);
    printf("\ni128 max ");
    put_i128(imax);
    printf("\n");

    unsigned bad = 0;
    u128 digest = 0;
    for (int i = 0; i < 3000; i++) {
        u128 a = (u128)rnd() << 64 | rnd(), b;
        switch (i % 4) {
        case 0: b = rnd() | 1; break;                              /* 64-bit divisor */
        case 1: b = (u128)rnd() << 64 | rnd(); break;              /* full */
        case 2: b = (u128)(rnd() >> (rnd() % 64)) << 32 | 1; break;
        default: b = (rnd() % 1000) + 1; break;
        }
        u128 q = a / b, r = a % b;
        if (q * b + r != a || r >= b)
            bad++;
        i128 sa = (i128)a, sb = (i128)b;
        if (i & 1)
            sb = -sb;
        i128 sq = sa / sb, sr = sa % sb;
        if (sq * sb + sr != sa || (sr != 0 && (sr < 0) != (sa < 0)))
            bad++;
        int sh = (int)(rnd() % 128);
        digest = digest * 31 + q + (r << 3) + (a << sh) + (u128)(sa >> sh) + (a >> sh);
        digest ^= (u128)sq * (u128)sr;
        if (i % 600 == 0) {
            put_u128(a);
            printf(" / ");
            put_u128(b);
            printf(" = ");
            put_u128(q);
            printf(" rem ");
            put_u128(r);
            printf("\n  signed ");
            put_i128(sa);
            printf(" / ");
            put_i128(sb);
            printf(" = ");
            put_i128(sq);
            printf(" rem ");
            put_i128(sr);
            printf("\n");
        }
    }
    printf("identity failures %u, digest ", bad);
    put_u128(digest);
    printf("\n");

    /* Widening multiplies, overflow checks, shifts at the edges. */
    uint64_t x = 0xfedcba9876543210u, y = 0x0f1e2d3c4b5a6978u;
    u128 p = (u128)x * y;
    i128 sp = (i128)(int64_t)x * (int64_t)y;
    printf("mulhu %016llx lo %016llx mulh %016llx\n", (unsigned long long)(p >> 64),
           (unsigned long long)p, (unsigned long long)((u128)sp >> 64));
    u128 ov;
    printf("overflow %d %d\n", __builtin_mul_overflow(max / 3, (u128)4, &ov),
           __builtin_add_overflow(imax, (i128)1, &sp));
    for (int sh = 0; sh < 128; sh += 21) {
        printf("shift %3d: ", sh);
        put_u128(max >> sh);
        printf(" ");
        put_i128(imin >> sh);
        printf(" ");
        put_u128((u128)1 << sh);
        printf("\n");
    }
    printf("double %.17g %.17g from ", (double)f, (double)imin);
    put_u128((u128)1e30);
    printf(" and ");
    put_i128((i128)-1.5e35);
    printf("\n");
    return bad != 0;
}
