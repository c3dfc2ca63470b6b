/* F and D conversions. To integers: in integer code, because RISC-V
 * saturates (NaN and +inf to the maximum, -inf to the minimum, negative to
 * unsigned 0, each with NV) where x86 returns its "integer indefinite", and
 * rounds in any of five modes where cvtsd2si knows four; NX only when the
 * result is in range and inexact. From integers and between formats: the
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

uint64_t fpu_fcvt_w_s(struct hart *h, uint64_t a, int rm)
{
    return to_int(h, fpu_unbox_s(a), true, rm, INT_W);
}
uint64_t fpu_fcvt_wu_s(struct hart *h, uint64_t a, int rm)
{
    return to_int(h, fpu_unbox_s(a), true, rm, INT_WU);
}
uint64_t fpu_fcvt_l_s(struct hart *h, uint64_t a, int rm)
{
    return to_int(h, fpu_unbox_s(a), true, rm, INT_L);
}
uint64_t fpu_fcvt_lu_s(struct hart *h, uint64_t a, int rm)
{
    return to_int(h, fpu_unbox_s(a), true, rm, INT_LU);
}
uint64_t fpu_fcvt_w_d(struct hart *h, uint64_t a, int rm)
{
    return to_int(h, a, false, rm, INT_W);
}
uint64_t fpu_fcvt_wu_d(struct hart *h, uint64_t a, int rm)
{
    return to_int(h, a, false, rm, INT_WU);
}
uint64_t fpu_fcvt_l_d(struct hart *h, uint64_t a, int rm)
{
    return to_int(h, a, false, rm, INT_L);
}
uint64_t fpu_fcvt_lu_d(struct hart *h, uint64_t a, int rm)
{
    return to_int(h, a, false, rm, INT_LU);
}

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
