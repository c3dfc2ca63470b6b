/* RISC-V floating point (F and D) on the x86-64 host: every operation with
 * RISC-V's results and exception flags. Operands and results are raw
 * register bits; single-precision values are NaN-boxed in 64 bits (a single
 * operand that is not properly boxed reads as the canonical NaN, results are
 * boxed).
 *
 * rm is the instruction's rounding-mode field: 0..4, or 7 (dynamic, frm).
 * Callers check fpu_rm_ok first: an invalid mode is an illegal instruction.
 * Flags accrue into the hart (fpu_read_fflags is the only correct reader).
 *
 * Design, for speed: the host MXCSR is part of the guest state. Its rounding
 * control mirrors frm whenever frm is RNE, RTZ, RDN or RUP, and its sticky
 * exception bits collect the flags of plain arithmetic (add, sub, mul, div,
 * sqrt, fma, conversions between FP formats and from integers) lazily:
 * those operations are one host instruction plus a NaN check, inline below.
 * fpu_read_fflags folds the host bits into h->fflags. Everything else
 * (static rm other than frm, RMM, which x86 lacks, comparisons, min/max,
 * conversions to integers, classify) computes its flags explicitly and
 * leaves no host flags behind. Consequences for the rest of hart:
 *  - frm and fflags change only through fpu_write_frm / fpu_write_fflags
 *    (or call fpu_init after changing h->frm some other way);
 *  - host FP arithmetic in hart's own code on a thread running a hart
 *    (printf("%f"), double maths) pollutes the guest's flags: fold them with
 *    fpu_read_fflags before, or save and restore MXCSR around it;
 *  - a host thread that starts running a hart calls fpu_init first;
 *  - a host signal handler that leaves guest code by siglongjmp calls
 *    fpu_host_signal.
 * Host operations are asm volatile so the compiler cannot move them across
 * the MXCSR accesses (even with -frounding-math, GCC moves plain C FP
 * operations across _mm_setcsr). */
#ifndef HART_RV_FPU_H
#define HART_RV_FPU_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "core/hart.h"
#include "rv/insn.h"

#define RV_CANONICAL_NAN_S 0x7fc00000u
#define RV_CANONICAL_NAN_D 0x7ff8000000000000ull

/* Puts the host FP environment in the state fpu functions expect for this
 * hart: all exceptions masked, flags clear, rounding from frm, FTZ and DAZ
 * off. Call when a hart starts running on a host thread. */
void fpu_init(struct hart *h);

/* For a host signal handler that interrupted guest code and leaves by
 * siglongjmp (the guest memory fault handlers): Linux starts handlers with
 * a fresh MXCSR and siglongjmp does not restore it, so this folds the
 * interrupted MXCSR's flags (saved in the ucontext_t) into the hart and
 * puts the hart's MXCSR back. ucontext may be NULL (the flags pending at
 * the fault are then lost). */
void fpu_host_signal(struct hart *h, const void *ucontext);

/* fflags, frm and fcsr as the guest's CSR instructions see them. */
uint32_t fpu_read_fflags(struct hart *h);
/* The RISC-V fflags that MXCSR's sticky exception bits stand for (for
 * translated code, which folds them in itself). */
uint32_t fpu_mxcsr_fflags(uint32_t mxcsr);
void fpu_write_fflags(struct hart *h, uint32_t fflags);
void fpu_write_frm(struct hart *h, uint32_t frm);

/* True when rounding-mode field rm is usable now (static 0..4, or dynamic
 * with a valid frm). */
static inline bool fpu_rm_ok(const struct hart *h, int rm)
{
    return rm < 5 || (rm == 7 && h->frm < 5);
}

/* NaN-boxing. */
static inline uint64_t fpu_box_s(uint32_t bits)
{
    return 0xffffffff00000000ull | bits;
}
static inline uint32_t fpu_unbox_s(uint64_t reg)
{
    return (reg >> 32) == 0xffffffffu ? (uint32_t)reg : RV_CANONICAL_NAN_S;
}

/* fmv.x.w sign-extends bit 31; fmv.x.d and fmv.d.x move bits unchanged. */
static inline uint64_t fpu_fmv_x_w(uint64_t reg)
{
    return (uint64_t)(int64_t)(int32_t)(uint32_t)reg;
}
static inline uint64_t fpu_fmv_w_x(uint64_t x)
{
    return fpu_box_s((uint32_t)x);
}

/* ---- Internals shared by the inline fast paths and src/rv/fpu*.c ---- */

/* Operations of the slow paths (fpu_slow_s, fpu_slow_d, fpu_soft_op). */
enum fpu_op {
    FPU_ADD, FPU_SUB, FPU_MUL, FPU_DIV, FPU_SQRT, FPU_FMA, /* a*b+c */
    FPU_CVT_SD, /* double a to single */
    FPU_CVT_FROM_I32, FPU_CVT_FROM_U32, FPU_CVT_FROM_I64, FPU_CVT_FROM_U64,
};

/* FMA3, detected at start-up; else libm's fma(), also correct. */
extern bool fpu_host_has_fma;

/* Slow paths: rm is not the host mode (a static mode other than frm, or
 * RMM). Single operands arrive unboxed; a is the double for FPU_CVT_SD and
 * the integer for FPU_CVT_FROM_*; results are register bits. */
uint64_t fpu_slow_d(struct hart *h, enum fpu_op op, uint64_t a, uint64_t b,
                    uint64_t c, int rm);
uint64_t fpu_slow_s(struct hart *h, enum fpu_op op, uint64_t a, uint32_t b,
                    uint32_t c, int rm);
/* Result of an fma whose host result was a NaN: canonical NaN, plus NV for
 * inf*0+qNaN, which x86 leaves unflagged but RISC-V requires. */
uint64_t fpu_fma_nan(struct hart *h, uint64_t a, uint64_t b, uint64_t c,
                     bool single);

/* The host rounds as the instruction asks: rm is dynamic or names frm, and
 * frm is one of the four modes x86 has. */
static inline bool fpu_fast(const struct hart *h, int rm)
{
    return h->frm < 4 && (rm == 7 || (uint32_t)rm == h->frm);
}

static inline double fpu_d(uint64_t x)
{
    double d;
    memcpy(&d, &x, sizeof d);
    return d;
}
static inline uint64_t fpu_bits_d(double d)
{
    uint64_t x;
    memcpy(&x, &d, sizeof x);
    return x;
}
static inline float fpu_f(uint32_t x)
{
    float f;
    memcpy(&f, &x, sizeof f);
    return f;
}
static inline uint32_t fpu_bits_f(float f)
{
    uint32_t x;
    memcpy(&x, &f, sizeof x);
    return x;
}
static inline bool fpu_isnan_d(uint64_t x)
{
    return (x & ~(1ull << 63)) > 0x7ff0000000000000ull;
}
static inline bool fpu_isnan_s(uint32_t x)
{
    return (x & 0x7fffffffu) > 0x7f800000u;
}
/* Every NaN result of arithmetic is the canonical NaN. */
static inline uint64_t fpu_canon_d(double r)
{
    uint64_t x = fpu_bits_d(r);
    return fpu_isnan_d(x) ? RV_CANONICAL_NAN_D : x;
}
static inline uint64_t fpu_canon_s(float r)
{
    uint32_t x = fpu_bits_f(r);
    return fpu_box_s(fpu_isnan_s(x) ? RV_CANONICAL_NAN_S : x);
}

/* Host instructions, in the current MXCSR mode, raising host flags. */
#define FPU_HOST2(name, type, insn)                                            \
    static inline type fpu_host_##name(type a, type b)                         \
    {                                                                          \
        __asm__ volatile(insn " %1, %0" : "+x"(a) : "x"(b));                   \
        return a;                                                              \
    }
FPU_HOST2(add_d, double, "addsd")
FPU_HOST2(sub_d, double, "subsd")
FPU_HOST2(mul_d, double, "mulsd")
FPU_HOST2(div_d, double, "divsd")
FPU_HOST2(add_s, float, "addss")
FPU_HOST2(sub_s, float, "subss")
FPU_HOST2(mul_s, float, "mulss")
FPU_HOST2(div_s, float, "divss")
#undef FPU_HOST2
static inline double fpu_host_sqrt_d(double a)
{
    double r;
    __asm__ volatile("sqrtsd %1, %0" : "=x"(r) : "x"(a));
    return r;
}
static inline float fpu_host_sqrt_s(float a)
{
    float r;
    __asm__ volatile("sqrtss %1, %0" : "=x"(r) : "x"(a));
    return r;
}
/* a*b+c rounded once. Without FMA3, libm's fma (correctly rounded in the
 * current mode, with flags); the empty asm statements pin the call between
 * the neighbouring MXCSR accesses. */
static inline double fpu_host_fma_d(double a, double b, double c)
{
    if (__builtin_expect(fpu_host_has_fma, 1)) {
        __asm__ volatile("vfmadd231sd %2, %1, %0" : "+x"(c) : "x"(a), "x"(b));
        return c;
    }
    __asm__ volatile("" : "+x"(a), "+x"(b), "+x"(c));
    double r = fma(a, b, c);
    __asm__ volatile("" : "+x"(r));
    return r;
}
static inline float fpu_host_fma_s(float a, float b, float c)
{
    if (__builtin_expect(fpu_host_has_fma, 1)) {
        __asm__ volatile("vfmadd231ss %2, %1, %0" : "+x"(c) : "x"(a), "x"(b));
        return c;
    }
    __asm__ volatile("" : "+x"(a), "+x"(b), "+x"(c));
    float r = fmaf(a, b, c);
    __asm__ volatile("" : "+x"(r));
    return r;
}

/* Conversions. x86 converts only signed integers: an unsigned 64-bit value
 * with the top bit set is halved first, its lost bit kept as a sticky bit
 * far below the rounding point, so the one rounding is still correct (and
 * flags right); doubling the result is exact. */
static inline double fpu_host_cvt_d_i64(uint64_t x)
{
    double r;
    __asm__ volatile("cvtsi2sdq %1, %0" : "=x"(r) : "r"(x));
    return r;
}
static inline double fpu_host_cvt_d_u64(uint64_t x)
{
    if ((int64_t)x >= 0)
        return fpu_host_cvt_d_i64(x);
    double r = fpu_host_cvt_d_i64((x >> 1) | (x & 1));
    return fpu_host_add_d(r, r);
}
static inline float fpu_host_cvt_s_i64(uint64_t x)
{
    float r;
    __asm__ volatile("cvtsi2ssq %1, %0" : "=x"(r) : "r"(x));
    return r;
}
static inline float fpu_host_cvt_s_u64(uint64_t x)
{
    if ((int64_t)x >= 0)
        return fpu_host_cvt_s_i64(x);
    float r = fpu_host_cvt_s_i64((x >> 1) | (x & 1));
    return fpu_host_add_s(r, r);
}
static inline float fpu_host_cvt_s_d(double a)
{
    float r;
    __asm__ volatile("cvtsd2ss %1, %0" : "=x"(r) : "x"(a));
    return r;
}
static inline double fpu_host_cvt_d_s(float a)
{
    double r;
    __asm__ volatile("cvtss2sd %1, %0" : "=x"(r) : "x"(a));
    return r;
}

/* Rounding a magnitude to an integer: whether to add one to the truncated
 * value, given the class of the dropped part (0 none, 1 below half, 2 half,
 * 3 above half), whether the truncated value is odd, and the sign. */
static inline bool fpu_round_up(int cls, bool odd, bool neg, uint32_t mode)
{
    switch (mode) {
    case RV_RNE: return cls == 3 || (cls == 2 && odd);
    case RV_RMM: return cls >= 2;
    case RV_RDN: return cls && neg;
    case RV_RUP: return cls && !neg;
    default: return false; /* RTZ */
    }
}

/* ---- Arithmetic: host instruction when the host mode is right ---- */

#define FPU_ARITH(name, OP, op)                                                \
    static inline uint64_t fpu_##name##_d(struct hart *h, uint64_t a,          \
                                          uint64_t b, int rm)                  \
    {                                                                          \
        if (__builtin_expect(fpu_fast(h, rm), 1))                              \
            return fpu_canon_d(fpu_host_##op##_d(fpu_d(a), fpu_d(b)));         \
        return fpu_slow_d(h, FPU_##OP, a, b, 0, rm);                           \
    }                                                                          \
    static inline uint64_t fpu_##name##_s(struct hart *h, uint64_t a,          \
                                          uint64_t b, int rm)                  \
    {                                                                          \
        uint32_t x = fpu_unbox_s(a), y = fpu_unbox_s(b);                       \
        if (__builtin_expect(fpu_fast(h, rm), 1))                              \
            return fpu_canon_s(fpu_host_##op##_s(fpu_f(x), fpu_f(y)));         \
        return fpu_slow_s(h, FPU_##OP, x, y, 0, rm);                           \
    }
FPU_ARITH(fadd, ADD, add)
FPU_ARITH(fsub, SUB, sub)
FPU_ARITH(fmul, MUL, mul)
FPU_ARITH(fdiv, DIV, div)
#undef FPU_ARITH

static inline uint64_t fpu_fsqrt_d(struct hart *h, uint64_t a, int rm)
{
    if (__builtin_expect(fpu_fast(h, rm), 1))
        return fpu_canon_d(fpu_host_sqrt_d(fpu_d(a)));
    return fpu_slow_d(h, FPU_SQRT, a, 0, 0, rm);
}
static inline uint64_t fpu_fsqrt_s(struct hart *h, uint64_t a, int rm)
{
    uint32_t x = fpu_unbox_s(a);
    if (__builtin_expect(fpu_fast(h, rm), 1))
        return fpu_canon_s(fpu_host_sqrt_s(fpu_f(x)));
    return fpu_slow_s(h, FPU_SQRT, x, 0, 0, rm);
}

/* a*b+c with the signs already applied (negating an operand is exact, so
 * the four fused forms are one operation). */
static inline uint64_t fpu_fma_d(struct hart *h, uint64_t a, uint64_t b,
                                 uint64_t c, int rm)
{
    if (__builtin_expect(fpu_fast(h, rm), 1)) {
        uint64_t r = fpu_bits_d(fpu_host_fma_d(fpu_d(a), fpu_d(b), fpu_d(c)));
        return fpu_isnan_d(r) ? fpu_fma_nan(h, a, b, c, false) : r;
    }
    return fpu_slow_d(h, FPU_FMA, a, b, c, rm);
}
static inline uint64_t fpu_fma_s(struct hart *h, uint32_t a, uint32_t b,
                                 uint32_t c, int rm)
{
    if (__builtin_expect(fpu_fast(h, rm), 1)) {
        uint32_t r = fpu_bits_f(fpu_host_fma_s(fpu_f(a), fpu_f(b), fpu_f(c)));
        return fpu_isnan_s(r) ? fpu_fma_nan(h, a, b, c, true) : fpu_box_s(r);
    }
    return fpu_slow_s(h, FPU_FMA, a, b, c, rm);
}

#define FPU_SIGN_D (1ull << 63)
#define FPU_SIGN_S (1u << 31)
static inline uint64_t fpu_fmadd_d(struct hart *h, uint64_t a, uint64_t b,
                                   uint64_t c, int rm)
{
    return fpu_fma_d(h, a, b, c, rm);
}
static inline uint64_t fpu_fmsub_d(struct hart *h, uint64_t a, uint64_t b,
                                   uint64_t c, int rm)
{
    return fpu_fma_d(h, a, b, c ^ FPU_SIGN_D, rm);
}
static inline uint64_t fpu_fnmsub_d(struct hart *h, uint64_t a, uint64_t b,
                                    uint64_t c, int rm)
{
    return fpu_fma_d(h, a ^ FPU_SIGN_D, b, c, rm);
}
static inline uint64_t fpu_fnmadd_d(struct hart *h, uint64_t a, uint64_t b,
                                    uint64_t c, int rm)
{
    return fpu_fma_d(h, a ^ FPU_SIGN_D, b, c ^ FPU_SIGN_D, rm);
}
static inline uint64_t fpu_fmadd_s(struct hart *h, uint64_t a, uint64_t b,
                                   uint64_t c, int rm)
{
    return fpu_fma_s(h, fpu_unbox_s(a), fpu_unbox_s(b), fpu_unbox_s(c), rm);
}
static inline uint64_t fpu_fmsub_s(struct hart *h, uint64_t a, uint64_t b,
                                   uint64_t c, int rm)
{
    return fpu_fma_s(h, fpu_unbox_s(a), fpu_unbox_s(b),
                     fpu_unbox_s(c) ^ FPU_SIGN_S, rm);
}
static inline uint64_t fpu_fnmsub_s(struct hart *h, uint64_t a, uint64_t b,
                                    uint64_t c, int rm)
{
    return fpu_fma_s(h, fpu_unbox_s(a) ^ FPU_SIGN_S, fpu_unbox_s(b),
                     fpu_unbox_s(c), rm);
}
static inline uint64_t fpu_fnmadd_s(struct hart *h, uint64_t a, uint64_t b,
                                    uint64_t c, int rm)
{
    return fpu_fma_s(h, fpu_unbox_s(a) ^ FPU_SIGN_S, fpu_unbox_s(b),
                     fpu_unbox_s(c) ^ FPU_SIGN_S, rm);
}

/* ---- Out of line (src/rv/fpu_cmp.c, src/rv/fpu_cvt.c) ---- */

/* Comparisons and conversions to integers return the integer register's
 * value (conversions to 32-bit integers sign-extend, as the W forms do). */
uint64_t fpu_fsgnj_s(uint64_t a, uint64_t b);
uint64_t fpu_fsgnjn_s(uint64_t a, uint64_t b);
uint64_t fpu_fsgnjx_s(uint64_t a, uint64_t b);
uint64_t fpu_fmin_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fmax_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_feq_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_flt_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fle_s(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fcvt_w_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_wu_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_l_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_lu_s(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_s_w(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_s_wu(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_s_l(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_s_lu(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fclass_s(uint64_t a);
uint64_t fpu_fsgnj_d(uint64_t a, uint64_t b);
uint64_t fpu_fsgnjn_d(uint64_t a, uint64_t b);
uint64_t fpu_fsgnjx_d(uint64_t a, uint64_t b);
uint64_t fpu_fmin_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fmax_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_feq_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_flt_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fle_d(struct hart *h, uint64_t a, uint64_t b);
uint64_t fpu_fcvt_w_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_wu_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_l_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_lu_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_d_w(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_d_wu(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_d_l(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fcvt_d_lu(struct hart *h, uint64_t x, int rm);
uint64_t fpu_fclass_d(uint64_t a);
uint64_t fpu_fcvt_s_d(struct hart *h, uint64_t a, int rm);
uint64_t fpu_fcvt_d_s(struct hart *h, uint64_t a, int rm);

/* Software arithmetic (src/rv/fpu_soft.c): exact integer computation and
 * one rounding, in any mode including RMM. Operands must be finite (no
 * NaN or infinity); single operands and results are 32-bit patterns, and
 * for the FPU_CVT_FROM_* ops a is the integer. Adds the operation's flags
 * to *fflags. The RMM paths use it; the tests use it as a second
 * implementation to check the host paths against. */
uint64_t fpu_soft_op(enum fpu_op op, bool single, uint64_t a, uint64_t b,
                     uint64_t c, int rm, uint32_t *fflags);

#endif
