/* The F and D operations that only look at bits: sign injection, minimum
 * and maximum, comparisons, classify. Pure integer code: x86's versions
 * differ in NaN handling, signed zeros and flags, and doing it in integers
 * leaves no stray host flags behind. Single operands are unboxed first (an
 * improperly boxed one is the canonical NaN) and held in the low 32 bits,
 * so one body serves both widths. */
#include "rv/fpu.h"

struct fpu_bits {
    uint64_t sign, inf, quiet; /* sign bit, +infinity, quiet-NaN bit */
};
static const struct fpu_bits bits_s = {1ull << 31, 0x7f800000ull, 1ull << 22};
static const struct fpu_bits bits_d = {1ull << 63, 0x7ff0000000000000ull,
                                       1ull << 51};

static bool is_nan(const struct fpu_bits *f, uint64_t x)
{
    return (x & ~f->sign) > f->inf;
}
static bool is_snan(const struct fpu_bits *f, uint64_t x)
{
    return is_nan(f, x) && !(x & f->quiet);
}

/* A signed integer ordered as the value: -0 and +0 both map to 0. */
static int64_t order_key(const struct fpu_bits *f, uint64_t x)
{
    int64_t mag = (int64_t)(x & ~f->sign);
    return x & f->sign ? -mag : mag;
}

/* ---- Sign injection: bits only, no canonicalisation, no flags ---- */

uint64_t fpu_fsgnj_s(uint64_t a, uint64_t b)
{
    uint32_t x = fpu_unbox_s(a), y = fpu_unbox_s(b);
    return fpu_box_s((x & ~FPU_SIGN_S) | (y & FPU_SIGN_S));
}
uint64_t fpu_fsgnjn_s(uint64_t a, uint64_t b)
{
    uint32_t x = fpu_unbox_s(a), y = fpu_unbox_s(b);
    return fpu_box_s((x & ~FPU_SIGN_S) | (~y & FPU_SIGN_S));
}
uint64_t fpu_fsgnjx_s(uint64_t a, uint64_t b)
{
    uint32_t x = fpu_unbox_s(a), y = fpu_unbox_s(b);
    return fpu_box_s(x ^ (y & FPU_SIGN_S));
}
uint64_t fpu_fsgnj_d(uint64_t a, uint64_t b)
{
    return (a & ~FPU_SIGN_D) | (b & FPU_SIGN_D);
}
uint64_t fpu_fsgnjn_d(uint64_t a, uint64_t b)
{
    return (a & ~FPU_SIGN_D) | (~b & FPU_SIGN_D);
}
uint64_t fpu_fsgnjx_d(uint64_t a, uint64_t b)
{
    return a ^ (b & FPU_SIGN_D);
}

/* ---- minimumNumber / maximumNumber (IEEE 754-2019) ---- */

static uint64_t min_max(struct hart *h, const struct fpu_bits *f, uint64_t a,
                        uint64_t b, bool want_min, uint64_t canonical)
{
    bool na = is_nan(f, a), nb = is_nan(f, b);
    if (na || nb) {
        if (is_snan(f, a) || is_snan(f, b))
            h->fflags |= RV_NV;
        return na && nb ? canonical : na ? b : a;
    }
    int64_t ka = order_key(f, a), kb = order_key(f, b);
    if (ka == kb) /* equal, or -0 and +0: -0 is the smaller */
        return want_min ? a | b : a & b;
    return (ka < kb) == want_min ? a : b;
}

uint64_t fpu_fmin_s(struct hart *h, uint64_t a, uint64_t b)
{
    return fpu_box_s((uint32_t)min_max(h, &bits_s, fpu_unbox_s(a),
                                       fpu_unbox_s(b), true,
                                       RV_CANONICAL_NAN_S));
}
uint64_t fpu_fmax_s(struct hart *h, uint64_t a, uint64_t b)
{
    return fpu_box_s((uint32_t)min_max(h, &bits_s, fpu_unbox_s(a),
                                       fpu_unbox_s(b), false,
                                       RV_CANONICAL_NAN_S));
}
uint64_t fpu_fmin_d(struct hart *h, uint64_t a, uint64_t b)
{
    return min_max(h, &bits_d, a, b, true, RV_CANONICAL_NAN_D);
}
uint64_t fpu_fmax_d(struct hart *h, uint64_t a, uint64_t b)
{
    return min_max(h, &bits_d, a, b, false, RV_CANONICAL_NAN_D);
}

/* ---- Comparisons: feq is quiet (NV only for signalling NaNs), flt and
 * fle signal on any NaN; any NaN compares false. ---- */

enum { CMP_EQ, CMP_LT, CMP_LE };

static uint64_t compare(struct hart *h, const struct fpu_bits *f, uint64_t a,
                        uint64_t b, int how)
{
    if (is_nan(f, a) || is_nan(f, b)) {
        if (how != CMP_EQ || is_snan(f, a) || is_snan(f, b))
            h->fflags |= RV_NV;
        return 0;
    }
    int64_t ka = order_key(f, a), kb = order_key(f, b);
    return how == CMP_EQ ? ka == kb : how == CMP_LT ? ka < kb : ka <= kb;
}

uint64_t fpu_feq_s(struct hart *h, uint64_t a, uint64_t b)
{
    return compare(h, &bits_s, fpu_unbox_s(a), fpu_unbox_s(b), CMP_EQ);
}
uint64_t fpu_flt_s(struct hart *h, uint64_t a, uint64_t b)
{
    return compare(h, &bits_s, fpu_unbox_s(a), fpu_unbox_s(b), CMP_LT);
}
uint64_t fpu_fle_s(struct hart *h, uint64_t a, uint64_t b)
{
    return compare(h, &bits_s, fpu_unbox_s(a), fpu_unbox_s(b), CMP_LE);
}
uint64_t fpu_feq_d(struct hart *h, uint64_t a, uint64_t b)
{
    return compare(h, &bits_d, a, b, CMP_EQ);
}
uint64_t fpu_flt_d(struct hart *h, uint64_t a, uint64_t b)
{
    return compare(h, &bits_d, a, b, CMP_LT);
}
uint64_t fpu_fle_d(struct hart *h, uint64_t a, uint64_t b)
{
    return compare(h, &bits_d, a, b, CMP_LE);
}

/* ---- fclass: one of ten bits, from -inf (bit 0) to quiet NaN (bit 9) ---- */

static uint64_t classify(const struct fpu_bits *f, uint64_t x)
{
    bool neg = x & f->sign;
    uint64_t mag = x & ~f->sign;
    if (mag > f->inf)
        return x & f->quiet ? 1u << 9 : 1u << 8;
    if (mag == f->inf)
        return neg ? 1u << 0 : 1u << 7;
    if (mag == 0)
        return neg ? 1u << 3 : 1u << 4;
    if (mag < (f->inf & -f->inf)) /* below the smallest normal */
        return neg ? 1u << 2 : 1u << 5;
    return neg ? 1u << 1 : 1u << 6;
}

uint64_t fpu_fclass_s(uint64_t a)
{
    return classify(&bits_s, fpu_unbox_s(a));
}
uint64_t fpu_fclass_d(uint64_t a)
{
    return classify(&bits_d, a);
}
