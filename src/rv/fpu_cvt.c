/* F and D conversions. To integers: in integer code, because RISC-V
 * saturates (NaN and +inf to the maximum, -inf to the minimum, negative to
 * unsigned 0, each with NV) where x86 returns its "integer indefinite", and
 * rounds in any of five modes where cvtsd2si knows four; NX only when the
 * result is in range and inexact. Values that cannot saturate take the
 * host instruction. From integers and between formats: the
 * host instruction when the host mode is right (lazy flags), otherwise the
 * slow path. */
#include "rv/fpu.h"

/* ---- Floating point to integer ---- */

enum { INT_W, INT_WU, INT_L, INT_LU };

static uint64_t to_int(struct hart *h, uint64_t x, bool single, int rm,
                       int kind)
{
    int fb = single ? 23 : 52, bias = single ? 127 : 1023;
    int expmax = single ? 0xff : 0x7ff;
    bool neg = x >> (single ? 31 : 63) & 1;
    int exp = (int)(x >> fb) & expmax;
    uint64_t m = x & ((1ull << fb) - 1);
    bool is_signed = kind == INT_W || kind == INT_L;
    int bits = kind == INT_W || kind == INT_WU ? 32 : 64;
    /* The largest magnitudes each sign may have. */
    uint64_t pos_max = is_signed ? (1ull << (bits - 1)) - 1
                                 : bits == 64 ? ~0ull : (1ull << 32) - 1;
    uint64_t neg_max = is_signed ? 1ull << (bits - 1) : 0;
    uint64_t mag, r;
    int cls = 0;

    if (exp == expmax) { /* NaN saturates like +inf */
        if (m)
            neg = false;
        goto invalid;
    }
    if (exp)
        m |= 1ull << fb;
    int e = (exp ? exp : 1) - bias - fb; /* value = m * 2^e */
    if (e >= 0) {
        if (e >= 64 - fb)
            goto invalid; /* at least 2^64 */
        mag = m << e;
    } else if (-e > fb + 1) { /* below one half */
        mag = 0;
        cls = m != 0;
    } else {
        int s = -e;
        uint64_t rem = m & ((1ull << s) - 1), half = 1ull << (s - 1);
        mag = m >> s;
        cls = rem == 0 ? 0 : rem < half ? 1 : rem == half ? 2 : 3;
    }
    mag += fpu_round_up(cls, mag & 1, neg, rm == RV_DYN ? h->frm : (uint32_t)rm);
    if (mag > (neg ? neg_max : pos_max))
        goto invalid;
    if (cls)
        h->fflags |= RV_NX;
    r = neg ? -mag : mag;
    return bits == 32 ? (uint64_t)(int64_t)(int32_t)r : r;
invalid:
    h->fflags |= RV_NV;
    r = neg ? -neg_max : pos_max;
    return bits == 32 ? (uint64_t)(int64_t)(int32_t)r : r;
}

/* The common case on the host: a magnitude below 2^30 (2^62 for 64-bit
 * results; non-negative for unsigned ones) cannot leave the range however
 * it rounds, and there x86 converts exactly as RISC-V does, raising only
 * PE (NX) into the lazily collected host flags. cvtt* truncate whatever
 * MXCSR says, which serves static RTZ; cvt* round as MXCSR, which serves
 * the modes fpu_fast accepts. */
static bool host_to_int(const struct hart *h, uint64_t x, bool single, int rm,
                        int kind, uint64_t *out)
{
    bool rtz = rm == RV_RTZ, wide = kind == INT_L || kind == INT_LU;
    if (!rtz && !fpu_fast(h, rm))
        return false;
    int fb = single ? 23 : 52, bias = single ? 127 : 1023;
    int exp = (int)(x >> fb) & (single ? 0xff : 0x7ff);
    bool neg = x >> (single ? 31 : 63) & 1;
    if (exp >= bias + (wide ? 62 : 30) || (neg && (kind == INT_WU ||
                                                    kind == INT_LU)))
        return false;
    int64_t r;
    if (single && rtz)
        __asm__ volatile("cvttss2siq %1, %0" : "=r"(r) : "x"(fpu_f((uint32_t)x)));
    else if (single)
        __asm__ volatile("cvtss2siq %1, %0" : "=r"(r) : "x"(fpu_f((uint32_t)x)));
    else if (rtz)
        __asm__ volatile("cvttsd2siq %1, %0" : "=r"(r) : "x"(fpu_d(x)));
    else
        __asm__ volatile("cvtsd2siq %1, %0" : "=r"(r) : "x"(fpu_d(x)));
    *out = (uint64_t)r;
    return true;
}

#define FPU_TO_INT(name, single, kind)                                         \
    uint64_t fpu_fcvt_##name(struct hart *h, uint64_t a, int rm)               \
    {                                                                          \
        uint64_t x = single ? fpu_unbox_s(a) : a, r;                           \
        if (host_to_int(h, x, single, rm, kind, &r))                           \
            return r;                                                          \
        return to_int(h, x, single, rm, kind);                                 \
    }
FPU_TO_INT(w_s, true, INT_W)
FPU_TO_INT(wu_s, true, INT_WU)
FPU_TO_INT(l_s, true, INT_L)
FPU_TO_INT(lu_s, true, INT_LU)
FPU_TO_INT(w_d, false, INT_W)
FPU_TO_INT(wu_d, false, INT_WU)
FPU_TO_INT(l_d, false, INT_L)
FPU_TO_INT(lu_d, false, INT_LU)
#undef FPU_TO_INT

/* ---- Integer to floating point ---- */

uint64_t fpu_fcvt_s_w(struct hart *h, uint64_t x, int rm)
{
    if (fpu_fast(h, rm))
        return fpu_box_s(fpu_bits_f(fpu_host_cvt_s_i64((uint64_t)(int32_t)x)));
    return fpu_slow_s(h, FPU_CVT_FROM_I32, x, 0, 0, rm);
}
uint64_t fpu_fcvt_s_wu(struct hart *h, uint64_t x, int rm)
{
    if (fpu_fast(h, rm))
        return fpu_box_s(fpu_bits_f(fpu_host_cvt_s_i64((uint32_t)x)));
    return fpu_slow_s(h, FPU_CVT_FROM_U32, x, 0, 0, rm);
}
uint64_t fpu_fcvt_s_l(struct hart *h, uint64_t x, int rm)
{
    if (fpu_fast(h, rm))
        return fpu_box_s(fpu_bits_f(fpu_host_cvt_s_i64(x)));
    return fpu_slow_s(h, FPU_CVT_FROM_I64, x, 0, 0, rm);
}
uint64_t fpu_fcvt_s_lu(struct hart *h, uint64_t x, int rm)
{
    if (fpu_fast(h, rm))
        return fpu_box_s(fpu_bits_f(fpu_host_cvt_s_u64(x)));
    return fpu_slow_s(h, FPU_CVT_FROM_U64, x, 0, 0, rm);
}
/* Every 32-bit integer is a double: exact in every mode, no flags. */
uint64_t fpu_fcvt_d_w(struct hart *h, uint64_t x, int rm)
{
    (void)h, (void)rm;
    return fpu_bits_d((double)(int32_t)x);
}
uint64_t fpu_fcvt_d_wu(struct hart *h, uint64_t x, int rm)
{
    (void)h, (void)rm;
    return fpu_bits_d((double)(uint32_t)x);
}
uint64_t fpu_fcvt_d_l(struct hart *h, uint64_t x, int rm)
{
    if (fpu_fast(h, rm))
        return fpu_bits_d(fpu_host_cvt_d_i64(x));
    return fpu_slow_d(h, FPU_CVT_FROM_I64, x, 0, 0, rm);
}
uint64_t fpu_fcvt_d_lu(struct hart *h, uint64_t x, int rm)
{
    if (fpu_fast(h, rm))
        return fpu_bits_d(fpu_host_cvt_d_u64(x));
    return fpu_slow_d(h, FPU_CVT_FROM_U64, x, 0, 0, rm);
}

/* ---- Between formats ---- */

uint64_t fpu_fcvt_s_d(struct hart *h, uint64_t a, int rm)
{
    if (fpu_fast(h, rm))
        return fpu_canon_s(fpu_host_cvt_s_d(fpu_d(a)));
    return fpu_slow_s(h, FPU_CVT_SD, a, 0, 0, rm);
}
/* Widening is exact: the mode does not matter; a signalling NaN raises NV
 * through the host instruction. */
uint64_t fpu_fcvt_d_s(struct hart *h, uint64_t a, int rm)
{
    (void)h, (void)rm;
    return fpu_canon_d(fpu_host_cvt_d_s(fpu_f(fpu_unbox_s(a))));
}
