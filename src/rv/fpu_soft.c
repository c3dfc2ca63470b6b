/* Software binary32/binary64 arithmetic for finite operands: each operation
 * computes its exact result in integers (128-bit where a product needs it;
 * bits shifted out are ORed into the lowest bit, which keeps rounding
 * exact because at least 11 bits always lie below the rounding point) and
 * rounds once, in any RISC-V mode. x86 has no round-to-nearest-ties-away
 * (RMM), so that mode takes its values from here; the tests use the other
 * modes to check this code against the host and the host paths against
 * this code. Not a fast path: the interpreter comes here only for RMM. */
#include "rv/fpu.h"

#define U128 unsigned __int128

struct fpu_fmt {
    int p;     /* significand bits, with the implicit one */
    int emin;  /* exponent of the smallest normal; the bias is emax */
    int emax;
    int width;
};
static const struct fpu_fmt fmt_s = {24, -126, 127, 32};
static const struct fpu_fmt fmt_d = {53, -1022, 1023, 64};

/* A finite value (-1)^neg * m * 2^e; m == 0 for zeros. */
struct fpu_num {
    bool neg;
    int e;
    uint64_t m;
};

static struct fpu_num unpack(const struct fpu_fmt *f, uint64_t x)
{
    int fb = f->p - 1, eb = f->width - f->p;
    int exp = (int)(x >> fb) & ((1 << eb) - 1);
    uint64_t frac = x & ((1ull << fb) - 1);
    struct fpu_num n = {(x >> (f->width - 1)) & 1, 0, frac};
    if (exp) {
        n.m |= 1ull << fb;
        n.e = exp - f->emax - fb;
    } else {
        n.e = f->emin - fb;
    }
    return n;
}

static uint64_t zero(const struct fpu_fmt *f, bool neg)
{
    return (uint64_t)neg << (f->width - 1);
}

static uint64_t nan_invalid(const struct fpu_fmt *f, uint32_t *fl)
{
    *fl |= RV_NV;
    return f->width == 32 ? RV_CANONICAL_NAN_S : RV_CANONICAL_NAN_D;
}

/* Shifts a nonzero m left until its top bit is bit 63. */
static uint64_t norm64(uint64_t m, int *e)
{
    int s = __builtin_clzll(m);
    *e -= s;
    return m << s;
}

/* A nonzero 128-bit magnitude (lowest bit worth 2^*e) as 64 bits with the
 * top bit at 63; bits shifted out go into bit 0. */
static uint64_t norm128(U128 x, int *e)
{
    uint64_t hi = (uint64_t)(x >> 64), lo = (uint64_t)x;
    if (!hi)
        return norm64(lo, e);
    int s = 64 - __builtin_clzll(hi);
    *e += s;
    return (uint64_t)(x >> s) | ((lo << (64 - s)) != 0);
}

static int clz128(U128 x)
{
    uint64_t hi = (uint64_t)(x >> 64);
    return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((uint64_t)x);
}

/* Shifts right by d, ORing what falls off into bit 0. */
static U128 shift_jam(U128 x, int d)
{
    if (d == 0)
        return x;
    if (d >= 127)
        return x != 0;
    return (x >> d) | ((x & (((U128)1 << d) - 1)) != 0);
}

/* How the low `shift` bits of m compare with half of 2^shift: 0 zero,
 * 1 below half, 2 half, 3 above (the classes fpu_round_up takes). */
static int drop_class(uint64_t m, int shift)
{
    if (shift > 64)
        return m != 0;
    uint64_t rem = shift == 64 ? m : m & ((1ull << shift) - 1);
    uint64_t half = 1ull << (shift - 1);
    return rem == 0 ? 0 : rem < half ? 1 : rem == half ? 2 : 3;
}

/* Rounds (-1)^neg * m * 2^e, m with its top bit at 63, into format f.
 * Tininess is detected after rounding, as RISC-V specifies: the value is
 * tiny when rounding it to p bits with an unbounded exponent stays below
 * the smallest normal. */
static uint64_t round_pack(const struct fpu_fmt *f, bool neg, int e, uint64_t m,
                           uint32_t mode, uint32_t *fl)
{
    int top = e + 63; /* exponent of the leading bit */
    int shift = 64 - f->p;
    bool tiny = false;
    uint64_t sign = (uint64_t)neg << (f->width - 1);
    uint64_t inf = ((1ull << (f->width - f->p)) - 1) << (f->p - 1);
    if (top > f->emax)
        goto overflow;
    if (top < f->emin) {
        tiny = true;
        if (top == f->emin - 1) {
            uint64_t q = m >> shift;
            if (fpu_round_up(drop_class(m, shift), q & 1, neg, mode) &&
                q + 1 == 1ull << f->p)
                tiny = false;
        }
        shift += f->emin - top;
        top = f->emin;
    }
    int cls = drop_class(m, shift);
    uint64_t q = shift >= 64 ? 0 : m >> shift;
    q += fpu_round_up(cls, q & 1, neg, mode);
    if (cls)
        *fl |= tiny ? RV_NX | RV_UF : RV_NX;
    /* q carries the implicit bit, which adds one to the exponent field
     * (and a subnormal that rounds up to 2^emin becomes normal). */
    uint64_t bits = ((uint64_t)(top + f->emax - 1) << (f->p - 1)) + q;
    if (bits >= inf)
        goto overflow;
    return sign | bits;
overflow:
    *fl |= RV_OF | RV_NX;
    bool to_inf = mode == RV_RNE || mode == RV_RMM ||
                  (mode == RV_RDN && neg) || (mode == RV_RUP && !neg);
    return sign | (to_inf ? inf : inf - 1);
}

static uint64_t pack_exact(const struct fpu_fmt *f, struct fpu_num x,
                           uint32_t *fl)
{
    if (!x.m)
        return zero(f, x.neg);
    uint64_t m = norm64(x.m, &x.e);
    return round_pack(f, x.neg, x.e, m, RV_RNE, fl);
}

static uint64_t add(const struct fpu_fmt *f, struct fpu_num x, struct fpu_num y,
                    uint32_t mode, uint32_t *fl)
{
    if (!x.m && !y.m) /* x + -x is +0 except when rounding down */
        return zero(f, x.neg == y.neg ? x.neg : mode == RV_RDN);
    if (!x.m)
        return pack_exact(f, y, fl);
    if (!y.m)
        return pack_exact(f, x, fl);
    x.m = norm64(x.m, &x.e);
    y.m = norm64(y.m, &y.e);
    if (x.e < y.e || (x.e == y.e && x.m < y.m)) {
        struct fpu_num t = x;
        x = y;
        y = t;
    }
    /* |x| >= |y|; x's low bits are zero, so a jammed y cannot make an
     * inexact difference look exact. */
    U128 a = (U128)x.m << 62;
    U128 b = shift_jam((U128)y.m << 62, x.e - y.e);
    U128 s = x.neg == y.neg ? a + b : a - b;
    if (!s)
        return zero(f, mode == RV_RDN);
    int e = x.e - 62;
    uint64_t m = norm128(s, &e);
    return round_pack(f, x.neg, e, m, mode, fl);
}

static uint64_t mul(const struct fpu_fmt *f, struct fpu_num x, struct fpu_num y,
                    uint32_t mode, uint32_t *fl)
{
    bool neg = x.neg != y.neg;
    if (!x.m || !y.m)
        return zero(f, neg);
    int e = x.e + y.e;
    uint64_t m = norm128((U128)x.m * y.m, &e);
    return round_pack(f, neg, e, m, mode, fl);
}

static uint64_t fma3(const struct fpu_fmt *f, struct fpu_num x,
                     struct fpu_num y, struct fpu_num z, uint32_t mode,
                     uint32_t *fl)
{
    bool pneg = x.neg != y.neg;
    if (!x.m || !y.m) {
        if (z.m)
            return pack_exact(f, z, fl);
        return zero(f, pneg == z.neg ? pneg : mode == RV_RDN);
    }
    if (!z.m)
        return mul(f, x, y, mode, fl);
    /* Product and addend, each with its top bit at 125 (so the sum fits),
     * the smaller one shifted right to align. */
    U128 p = (U128)x.m * y.m;
    int sp = clz128(p) - 2, ep = x.e + y.e - sp;
    p <<= sp;
    U128 c = z.m;
    int sc = clz128(c) - 2, ec = z.e - sc;
    c <<= sc;
    bool neg = pneg;
    if (ep < ec || (ep == ec && p < c)) {
        U128 t = p;
        p = c;
        c = t;
        int te = ep;
        ep = ec;
        ec = te;
        neg = z.neg;
    }
    c = shift_jam(c, ep - ec);
    U128 s = pneg == z.neg ? p + c : p - c;
    if (!s)
        return zero(f, mode == RV_RDN);
    uint64_t m = norm128(s, &ep);
    return round_pack(f, neg, ep, m, mode, fl);
}

static uint64_t divide(const struct fpu_fmt *f, struct fpu_num x,
                       struct fpu_num y, uint32_t mode, uint32_t *fl)
{
    bool neg = x.neg != y.neg;
    if (!y.m) {
        if (!x.m)
            return nan_invalid(f, fl);
        *fl |= RV_DZ;
        return zero(f, neg) | (((1ull << (f->width - f->p)) - 1) << (f->p - 1));
    }
    if (!x.m)
        return zero(f, neg);
    x.m = norm64(x.m, &x.e);
    y.m = norm64(y.m, &y.e);
    U128 n = (U128)x.m << 64;
    U128 q = n / y.m;
    q |= n % y.m != 0;
    int e = x.e - y.e - 64;
    uint64_t m = norm128(q, &e);
    return round_pack(f, neg, e, m, mode, fl);
}

static uint64_t square_root(const struct fpu_fmt *f, struct fpu_num x,
                            uint32_t mode, uint32_t *fl)
{
    if (!x.m)
        return zero(f, x.neg);
    if (x.neg)
        return nan_invalid(f, fl);
    x.m = norm64(x.m, &x.e);
    /* sqrt(m * 2^e) = sqrt(m * 2^k) * 2^((e-k)/2) with e-k even; m * 2^k
     * has 127 or 128 bits, so its integer root has 64. */
    int k = (x.e & 1) ? 63 : 64;
    U128 n = (U128)x.m << k;
    uint64_t r = 0;
    for (int i = 63; i >= 0; i--) {
        uint64_t t = r | (1ull << i);
        if ((U128)t * t <= n)
            r = t;
    }
    r |= (U128)r * r != n;
    return round_pack(f, false, (x.e - k) / 2, r, mode, fl);
}

static uint64_t from_int(const struct fpu_fmt *f, enum fpu_op op, uint64_t a,
                         uint32_t mode, uint32_t *fl)
{
    bool neg = false;
    uint64_t mag = a;
    switch (op) {
    case FPU_CVT_FROM_I32:
        neg = (int32_t)a < 0;
        mag = neg ? -(uint64_t)(int64_t)(int32_t)a : (uint32_t)a;
        break;
    case FPU_CVT_FROM_U32:
        mag = (uint32_t)a;
        break;
    case FPU_CVT_FROM_I64:
        neg = (int64_t)a < 0;
        mag = neg ? -a : a;
        break;
    default:
        break;
    }
    if (!mag)
        return 0;
    int e = 0;
    uint64_t m = norm64(mag, &e);
    return round_pack(f, neg, e, m, mode, fl);
}

uint64_t fpu_soft_op(enum fpu_op op, bool single, uint64_t a, uint64_t b,
                     uint64_t c, int rm, uint32_t *fflags)
{
    const struct fpu_fmt *f = single ? &fmt_s : &fmt_d;
    uint32_t mode = (uint32_t)rm;
    struct fpu_num x = unpack(f, a), y = unpack(f, b);
    switch (op) {
    case FPU_ADD:
        return add(f, x, y, mode, fflags);
    case FPU_SUB:
        y.neg = !y.neg;
        return add(f, x, y, mode, fflags);
    case FPU_MUL:
        return mul(f, x, y, mode, fflags);
    case FPU_DIV:
        return divide(f, x, y, mode, fflags);
    case FPU_SQRT:
        return square_root(f, x, mode, fflags);
    case FPU_FMA:
        return fma3(f, x, y, unpack(f, c), mode, fflags);
    case FPU_CVT_SD:
        x = unpack(&fmt_d, a);
        if (!x.m)
            return zero(&fmt_s, x.neg);
        x.m = norm64(x.m, &x.e);
        return round_pack(&fmt_s, x.neg, x.e, x.m, mode, fflags);
    default:
        return from_int(f, op, a, mode, fflags);
    }
}
