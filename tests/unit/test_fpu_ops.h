/* The F and D operations as the FP tests see them, shared by the unit tests
 * (tests/unit/test_fpu*.c, calling src/rv/fpu.h) and the riscv64 guest
 * programs (tests/guest/fp_*.c, executing the real instructions), so both
 * run the same tables. Plain C: it is compiled for both machines.
 *
 * Kinds: R3 f,f,f->f with rm; R2 f,f->f with rm; R1 f->f with rm;
 * SG sign injection f,f->f; MM min/max f,f->f; CMP f,f->x; FX f->x with rm;
 * XF x->f with rm; CL f->x. */
#ifndef HART_TEST_FPU_OPS_H
#define HART_TEST_FPU_OPS_H

#include <stdint.h>

#define FPU_TEST_OPS(X)                                                        \
    X(fmadd_s, "fmadd.s", R3)                                                  \
    X(fmsub_s, "fmsub.s", R3)                                                  \
    X(fnmsub_s, "fnmsub.s", R3)                                                \
    X(fnmadd_s, "fnmadd.s", R3)                                                \
    X(fadd_s, "fadd.s", R2)                                                    \
    X(fsub_s, "fsub.s", R2)                                                    \
    X(fmul_s, "fmul.s", R2)                                                    \
    X(fdiv_s, "fdiv.s", R2)                                                    \
    X(fsqrt_s, "fsqrt.s", R1)                                                  \
    X(fsgnj_s, "fsgnj.s", SG)                                                  \
    X(fsgnjn_s, "fsgnjn.s", SG)                                                \
    X(fsgnjx_s, "fsgnjx.s", SG)                                                \
    X(fmin_s, "fmin.s", MM)                                                    \
    X(fmax_s, "fmax.s", MM)                                                    \
    X(feq_s, "feq.s", CMP)                                                     \
    X(flt_s, "flt.s", CMP)                                                     \
    X(fle_s, "fle.s", CMP)                                                     \
    X(fcvt_w_s, "fcvt.w.s", FX)                                                \
    X(fcvt_wu_s, "fcvt.wu.s", FX)                                              \
    X(fcvt_l_s, "fcvt.l.s", FX)                                                \
    X(fcvt_lu_s, "fcvt.lu.s", FX)                                              \
    X(fcvt_s_w, "fcvt.s.w", XF)                                                \
    X(fcvt_s_wu, "fcvt.s.wu", XF)                                              \
    X(fcvt_s_l, "fcvt.s.l", XF)                                                \
    X(fcvt_s_lu, "fcvt.s.lu", XF)                                              \
    X(fclass_s, "fclass.s", CL)                                                \
    X(fmadd_d, "fmadd.d", R3)                                                  \
    X(fmsub_d, "fmsub.d", R3)                                                  \
    X(fnmsub_d, "fnmsub.d", R3)                                                \
    X(fnmadd_d, "fnmadd.d", R3)                                                \
    X(fadd_d, "fadd.d", R2)                                                    \
    X(fsub_d, "fsub.d", R2)                                                    \
    X(fmul_d, "fmul.d", R2)                                                    \
    X(fdiv_d, "fdiv.d", R2)                                                    \
    X(fsqrt_d, "fsqrt.d", R1)                                                  \
    X(fsgnj_d, "fsgnj.d", SG)                                                  \
    X(fsgnjn_d, "fsgnjn.d", SG)                                                \
    X(fsgnjx_d, "fsgnjx.d", SG)                                                \
    X(fmin_d, "fmin.d", MM)                                                    \
    X(fmax_d, "fmax.d", MM)                                                    \
    X(feq_d, "feq.d", CMP)                                                     \
    X(flt_d, "flt.d", CMP)                                                     \
    X(fle_d, "fle.d", CMP)                                                     \
    X(fcvt_w_d, "fcvt.w.d", FX)                                                \
    X(fcvt_wu_d, "fcvt.wu.d", FX)                                              \
    X(fcvt_l_d, "fcvt.l.d", FX)                                                \
    X(fcvt_lu_d, "fcvt.lu.d", FX)                                              \
    X(fcvt_d_w, "fcvt.d.w", XF)                                                \
    X(fcvt_d_wu, "fcvt.d.wu", XF)                                              \
    X(fcvt_d_l, "fcvt.d.l", XF)                                                \
    X(fcvt_d_lu, "fcvt.d.lu", XF)                                              \
    X(fclass_d, "fclass.d", CL)                                                \
    X(fcvt_s_d, "fcvt.s.d", R1)                                                \
    X(fcvt_d_s, "fcvt.d.s", R1)

enum fpu_test_op {
#define X(name, mnem, kind) T_##name,
    FPU_TEST_OPS(X)
#undef X
    T_COUNT
};

static const char *const fpu_test_names[T_COUNT] = {
#define X(name, mnem, kind) mnem,
    FPU_TEST_OPS(X)
#undef X
};

/* Whether the operation has a rounding-mode field. */
#define FPU_TEST_HAS_RM_R3 1
#define FPU_TEST_HAS_RM_R2 1
#define FPU_TEST_HAS_RM_R1 1
#define FPU_TEST_HAS_RM_FX 1
#define FPU_TEST_HAS_RM_XF 1
#define FPU_TEST_HAS_RM_SG 0
#define FPU_TEST_HAS_RM_MM 0
#define FPU_TEST_HAS_RM_CMP 0
#define FPU_TEST_HAS_RM_CL 0
static const unsigned char fpu_test_has_rm[T_COUNT] = {
#define X(name, mnem, kind) FPU_TEST_HAS_RM_##kind,
    FPU_TEST_OPS(X)
#undef X
};

/* Deterministic pseudo-random numbers (xorshift64*), the same on every
 * machine, for the random tests of both sides. */
static inline uint64_t fpu_test_rand(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dull;
}

/* A random operand, biased towards the values that break FP code:
 * specials, subnormals, boundaries, short significands (which make exact
 * ties likely), values near one and near the overflow and underflow
 * thresholds. For singles the result is NaN-boxed, except now and then. */
static inline uint64_t fpu_test_value(uint64_t *s, int single)
{
    static const uint64_t special_d[] = {
        0, 0x8000000000000000ull, 0x3ff0000000000000ull,
        0xbff0000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x7ff8000000000000ull, 0x7ff0000000000001ull, 0xfff8000000000001ull,
        0x7fefffffffffffffull, 0x0010000000000000ull, 0x000fffffffffffffull,
        0x0000000000000001ull, 0x3fe0000000000000ull, 0x43e0000000000000ull,
        0x41e0000000000000ull, 0x43f0000000000000ull, 0x41f0000000000000ull,
    };
    static const uint32_t special_s[] = {
        0, 0x80000000u, 0x3f800000u, 0xbf800000u, 0x7f800000u, 0xff800000u,
        0x7fc00000u, 0x7f800001u, 0xffc00001u, 0x7f7fffffu, 0x00800000u,
        0x007fffffu, 0x00000001u, 0x3f000000u, 0x5f000000u, 0x4f000000u,
        0x5f800000u, 0x4f800000u,
    };
    uint64_t r = fpu_test_rand(s);
    int fb = single ? 23 : 52, eb = single ? 8 : 11, bias = single ? 127 : 1023;
    uint64_t sign = (r >> 60) & 1, exp, frac;
    switch ((r >> 61) & 7) {
    case 0: /* specials */
        r = fpu_test_rand(s) % 18;
        frac = single ? special_s[r] : special_d[r];
        return single ? 0xffffffff00000000ull | frac : frac;
    case 1: /* any bits */
        frac = fpu_test_rand(s);
        if (!single)
            return frac;
        if ((frac & 31) == 0) /* improperly boxed */
            return frac;
        return 0xffffffff00000000ull | (uint32_t)frac;
    case 2: /* short significands, small exponents: ties in arithmetic */
        exp = bias + (fpu_test_rand(s) % 9) - 4;
        frac = (fpu_test_rand(s) & 0xff) << (fb - 8);
        if ((r & 3) == 0) /* powers of two: exact scaling, subnormal ties */
            frac = 0;
        break;
    case 3: /* near one with few low bits, or about half an ulp of one */
        exp = bias - 1 + (r & 1);
        frac = ((r >> 8) & 1 ? (1ull << fb) - 1 - (r >> 20 & 7) : (r >> 20 & 7));
        if ((r >> 30) & 1) {
            exp = bias - fb - 1 - ((r >> 31) & 1);
            frac = ((r >> 20) & 7) << (fb - 3);
        }
        break;
    case 4: /* near the underflow threshold, subnormals included */
        exp = fpu_test_rand(s) % (fb + 4);
        exp = exp > (uint64_t)fb ? exp - fb : 0;
        frac = fpu_test_rand(s) & ((1ull << fb) - 1);
        if (r & 1)
            frac &= ~((1ull << (fb / 2)) - 1);
        break;
    case 5: /* near the overflow threshold */
        exp = ((1ull << eb) - 2) - fpu_test_rand(s) % 4;
        frac = fpu_test_rand(s) & ((1ull << fb) - 1);
        if (r & 1)
            frac |= (1ull << fb) - 1 - 0xf;
        break;
    case 6: /* integers and halves around the conversion limits */
        exp = bias + (single ? 20 : 49) + fpu_test_rand(s) % 48;
        exp = exp > (uint64_t)(bias + 66) ? bias + 30 + (exp & 1) : exp;
        frac = fpu_test_rand(s) & ((1ull << fb) - 1);
        if (r & 2)
            frac |= ((1ull << fb) - 1) & ~((1ull << (fb / 3)) - 1);
        if (r & 4)
            frac &= ~((1ull << (fb / 3)) - 1);
        break;
    default: /* ordinary values; doubles halfway between two singles */
        exp = bias - 30 + fpu_test_rand(s) % 60;
        frac = fpu_test_rand(s) & ((1ull << fb) - 1);
        if (!single && (r & 1))
            frac = (frac & ~((1ull << 29) - 1)) | 1ull << 28;
        break;
    }
    uint64_t v = sign << (single ? 31 : 63) | exp << fb | frac;
    return single ? 0xffffffff00000000ull | (uint32_t)v : v;
}

/* A random integer operand for conversions from integers. */
static inline uint64_t fpu_test_int(uint64_t *s)
{
    uint64_t r = fpu_test_rand(s), x = fpu_test_rand(s);
    int bits = (int)(r % 65);
    x = bits == 64 ? x : x & ((1ull << bits) - 1);
    if (r & 0x100)
        x = -x;
    if ((r & 0xe00) == 0) /* around 2^p: ties for 24 and 53 bits */
        x = (1ull << (r & 0x1000 ? 24 : 53)) + ((r >> 16) & 7);
    if ((r & 0xe00) == 0x200) /* short significand, shifted */
        x = ((r >> 16) & 0x1ffffff) << ((r >> 48) % 40);
    if (r & 0x2000) /* garbage above a 32-bit operand */
        x ^= r & 0xffffffff00000000ull;
    return x;
}

/* Whether the operation's FP operands are singles (else doubles; the
 * XF conversions take integers). */
static inline int fpu_test_single_operands(int op)
{
    return (op <= T_fclass_s && op != T_fcvt_s_d) || op == T_fcvt_d_s;
}

/* The random tests: FPU_TEST_RANDOM_N operations per operation and mode,
 * from a seed that depends on the operation only (so every mode sees the
 * same operands), folded into one 64-bit FNV-1a hash of results and
 * flags. The unit tests compare these hashes with the ones qemu-riscv64
 * gives for tests/guest/fp_random.c. */
#ifndef FPU_TEST_RANDOM_N
#define FPU_TEST_RANDOM_N 2000
#endif
static inline uint64_t fpu_test_seed(int op)
{
    return (uint64_t)(op + 1) * 0x9e3779b97f4a7c15ull;
}
static inline void fpu_test_operands(int op, uint64_t *s, uint64_t *a,
                                     uint64_t *b, uint64_t *c)
{
    int single = fpu_test_single_operands(op);
    *a = fpu_test_value(s, single);
    *b = fpu_test_value(s, single);
    *c = fpu_test_value(s, single);
    if (op == T_fcvt_s_w || op == T_fcvt_s_wu || op == T_fcvt_s_l ||
        op == T_fcvt_s_lu || op == T_fcvt_d_w || op == T_fcvt_d_wu ||
        op == T_fcvt_d_l || op == T_fcvt_d_lu)
        *a = fpu_test_int(s);
}
static inline uint64_t fpu_test_hash(uint64_t h, uint64_t r, unsigned flags)
{
    h = (h ^ r) * 0x100000001b3ull;
    return (h ^ flags) * 0x100000001b3ull;
}
#define FPU_TEST_HASH_INIT 0xcbf29ce484222325ull

#endif
