/* Corner cases of every F and D operation, with results and fflags derived
 * by hand from the RISC-V F/D chapters and IEEE 754 (not from running any
 * implementation), in each static rounding mode. Shared by the unit test
 * (tests/unit/test_fpu.c) and the guest program tests/guest/fp_cases.c,
 * which checks the same table on qemu-riscv64 or hart.
 *
 * An entry: operation, mode (0..4; ignored by operations without one),
 * operands a b c as register bits (single operands include their NaN
 * boxing, so improper boxing can be tested), expected register bits (FP
 * or integer) and expected fflags. */
#ifndef HART_TEST_FPU_CASES_H
#define HART_TEST_FPU_CASES_H

#include "test_fpu_ops.h"

struct fpu_case {
    unsigned char op, rm, flags;
    uint64_t a, b, c, want;
};

enum { NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16 };

/* Doubles. */
#define D0 0x0000000000000000ull
#define DN0 0x8000000000000000ull
#define D1 0x3ff0000000000000ull
#define DN1 0xbff0000000000000ull
#define D2 0x4000000000000000ull
#define DN2 0xc000000000000000ull
#define D3 0x4008000000000000ull
#define D4 0x4010000000000000ull
#define D5 0x4014000000000000ull
#define DN5 0xc014000000000000ull
#define DN7 0xc01c000000000000ull
#define DH 0x3fe0000000000000ull   /* 0.5 */
#define DNH 0xbfe0000000000000ull
#define DQ 0x3fd0000000000000ull   /* 0.25 */
#define D1H 0x3ff8000000000000ull  /* 1.5 */
#define DN1H 0xbff8000000000000ull
#define D2H 0x4004000000000000ull  /* 2.5 */
#define DN2H 0xc004000000000000ull
#define DINF 0x7ff0000000000000ull
#define DNINF 0xfff0000000000000ull
#define DQNAN 0x7ff8000000000000ull  /* canonical */
#define DQNANP 0xfff8000000000123ull /* negative quiet NaN with payload */
#define DSNAN 0x7ff0000000000001ull
#define DSNANN 0xfff4000000000000ull /* negative signalling NaN */
#define DMAX 0x7fefffffffffffffull
#define DNMAX 0xffefffffffffffffull
#define DMIN 0x0010000000000000ull     /* smallest normal */
#define DMAXSUB 0x000fffffffffffffull
#define DMINSUB 0x0000000000000001ull
#define DNMINSUB 0x8000000000000001ull
#define D1U 0x3ff0000000000001ull /* 1 + 2^-52 */
#define D1U2 0x3ff0000000000002ull
#define D1U3 0x3ff0000000000003ull
#define D1M 0x3fefffffffffffffull /* 1 - 2^-53 */
#define DE53 0x3ca0000000000000ull /* 2^-53, half an ulp of 1 */
#define DE54 0x3c90000000000000ull
#define D3E54 0x3ca8000000000000ull /* 1.5 * 2^-53 */

/* Singles, and NaN-boxing. */
#define B(x) (0xffffffff00000000ull | (x))
#define S0 B(0x00000000u)
#define SN0 B(0x80000000u)
#define S1 B(0x3f800000u)
#define SN1 B(0xbf800000u)
#define S2 B(0x40000000u)
#define SN2 B(0xc0000000u)
#define S3 B(0x40400000u)
#define SH B(0x3f000000u)
#define S1H B(0x3fc00000u)
#define S2H B(0x40200000u)
#define SN2H B(0xc0200000u)
#define SINF B(0x7f800000u)
#define SNINF B(0xff800000u)
#define SQNAN B(0x7fc00000u)
#define SQNANP B(0xffc00123u)
#define SSNAN B(0x7f800001u)
#define SMAX B(0x7f7fffffu)
#define SNMAX B(0xff7fffffu)
#define SMIN B(0x00800000u)
#define SMAXSUB B(0x007fffffu)
#define SMINSUB B(0x00000001u)
#define SNMINSUB B(0x80000001u)
#define S1U B(0x3f800001u)
#define SE24 B(0x33800000u) /* 2^-24, half an ulp of 1 */
#define SBAD 0x000000003f800000ull /* 1.0 improperly boxed: canonical NaN */
#define SBAD2 0xfffffffe40000000ull

/* One entry per mode 0..4: same result in all; per-mode results with the
 * same flags; per-mode results and flags. N: operations without rm. */
#define ALL(op, a, b, c, r, f)                                                 \
    {T_##op, 0, f, a, b, c, r}, {T_##op, 1, f, a, b, c, r},                    \
    {T_##op, 2, f, a, b, c, r}, {T_##op, 3, f, a, b, c, r},                    \
    {T_##op, 4, f, a, b, c, r},
#define R5(op, a, b, c, rne, rtz, rdn, rup, rmm, f)                            \
    {T_##op, 0, f, a, b, c, rne}, {T_##op, 1, f, a, b, c, rtz},                \
    {T_##op, 2, f, a, b, c, rdn}, {T_##op, 3, f, a, b, c, rup},                \
    {T_##op, 4, f, a, b, c, rmm},
#define RF5(op, a, b, c, rne, fne, rtz, ftz, rdn, fdn, rup, fup, rmm, fmm)     \
    {T_##op, 0, fne, a, b, c, rne}, {T_##op, 1, ftz, a, b, c, rtz},            \
    {T_##op, 2, fdn, a, b, c, rdn}, {T_##op, 3, fup, a, b, c, rup},            \
    {T_##op, 4, fmm, a, b, c, rmm},
#define N(op, a, b, r, f) {T_##op, 0, f, a, b, 0, r},

static const struct fpu_case fpu_cases[] = {
    /* ---- fadd.d / fsub.d ---- */
    ALL(fadd_d, D1, D1, 0, D2, 0)
    /* 1 + half an ulp: a tie; even is 1 (down) */
    R5(fadd_d, D1, DE53, 0, D1, D1, D1, D1U, D1U, NX)
    /* above the tie */
    R5(fadd_d, D1, D3E54, 0, D1U, D1, D1, D1U, D1U, NX)
    /* (1+ulp) + half ulp: tie, even is up */
    R5(fadd_d, D1U, DE53, 0, D1U2, D1U, D1U, D1U2, D1U2, NX)
    /* negative tie: away from zero is down */
    R5(fadd_d, DN1, 0xbca0000000000000ull, 0, DN1, DN1, 0xbff0000000000001ull,
       DN1, 0xbff0000000000001ull, NX)
    /* exact cancellation: +0, except -0 when rounding down */
    R5(fadd_d, D1, DN1, 0, D0, D0, DN0, D0, D0, 0)
    R5(fadd_d, D0, DN0, 0, D0, D0, DN0, D0, D0, 0)
    ALL(fadd_d, DN0, DN0, 0, DN0, 0)
    ALL(fadd_d, DINF, DNINF, 0, DQNAN, NV)
    ALL(fadd_d, DINF, D1, 0, DINF, 0)
    ALL(fadd_d, DQNANP, D1, 0, DQNAN, 0)
    ALL(fadd_d, DSNAN, D1, 0, DQNAN, NV)
    ALL(fadd_d, D1, DSNANN, 0, DQNAN, NV)
    ALL(fadd_d, DQNANP, DSNAN, 0, DQNAN, NV)
    /* overflow: to infinity or to the largest finite, by mode */
    R5(fadd_d, DMAX, DMAX, 0, DINF, DMAX, DMAX, DINF, DINF, OF | NX)
    R5(fadd_d, DNMAX, DNMAX, 0, DNINF, DNMAX, DNINF, DNMAX, DNINF, OF | NX)
    /* MAX + half its ulp: a tie; RNE's even neighbour and RMM's away one
     * are 2^1024, which overflows; RTZ and RDN stay finite, only NX */
    RF5(fadd_d, DMAX, 0x7c90000000000000ull, 0, DINF, OF | NX, DMAX, NX, DMAX,
        NX, DINF, OF | NX, DINF, OF | NX)
    /* subnormal sums are exact: no underflow flag */
    ALL(fadd_d, DMINSUB, DMINSUB, 0, 0x0000000000000002ull, 0)
    ALL(fsub_d, DMIN, DMINSUB, 0, DMAXSUB, 0)
    R5(fsub_d, D1, D1, 0, D0, D0, DN0, D0, D0, 0)
    R5(fsub_d, D0, D0, 0, D0, D0, DN0, D0, D0, 0)
    ALL(fsub_d, DN0, D0, 0, DN0, 0)
    ALL(fsub_d, DINF, DINF, 0, DQNAN, NV)
    ALL(fsub_d, D1, DE53, 0, D1M, 0)
    /* 1 - 2^-54: tie between 1-2^-53 (odd) and 1 (even) */
    R5(fsub_d, D1, DE54, 0, D1, D1M, D1M, D1, D1, NX)

    /* ---- fmul.d ---- */
    ALL(fmul_d, D3, DH, 0, D1H, 0)
    ALL(fmul_d, DN0, D5, 0, DN0, 0)
    R5(fmul_d, D1U, D1U, 0, D1U2, D1U2, D1U2, D1U3, D1U2, NX)
    /* (1+3ulp)*1.5 = 1.5 + 4.5ulp: tie, even is down, away is up */
    R5(fmul_d, D1U3, D1H, 0, 0x3ff8000000000004ull, 0x3ff8000000000004ull,
       0x3ff8000000000004ull, 0x3ff8000000000005ull, 0x3ff8000000000005ull, NX)
    R5(fmul_d, 0xbff0000000000003ull, D1H, 0, 0xbff8000000000004ull,
       0xbff8000000000004ull, 0xbff8000000000005ull, 0xbff8000000000004ull,
       0xbff8000000000005ull, NX)
    R5(fmul_d, DMAX, D2, 0, DINF, DMAX, DMAX, DINF, DINF, OF | NX)
    R5(fmul_d, DMAX, DN2, 0, DNINF, DNMAX, DNINF, DNMAX, DNINF, OF | NX)
    ALL(fmul_d, DMIN, DH, 0, 0x0008000000000000ull, 0) /* exact subnormal */
    /* half the smallest subnormal: tie between 0 (even) and MINSUB */
    R5(fmul_d, DMINSUB, DH, 0, D0, D0, D0, DMINSUB, DMINSUB, UF | NX)
    R5(fmul_d, DNMINSUB, DH, 0, DN0, DN0, DNMINSUB, DN0, DNMINSUB, UF | NX)
    R5(fmul_d, DMINSUB, DQ, 0, D0, D0, D0, DMINSUB, D0, UF | NX)
    R5(fmul_d, 0x0000000000000003ull, DH, 0, 2, 1, 1, 2, 2, UF | NX)
    R5(fmul_d, 0x0000000000000005ull, DH, 0, 2, 2, 2, 3, 3, UF | NX)
    /* (1+2^-52) * MAXSUB = 2^-1022 - 2^-1126: rounds to the smallest
     * normal in RNE/RUP/RMM, and with an unbounded exponent also to
     * 2^-1022: not tiny after rounding, so no UF. RTZ/RDN stay below. */
    RF5(fmul_d, D1U, DMAXSUB, 0, DMIN, NX, DMAXSUB, UF | NX, DMAXSUB, UF | NX,
        DMIN, NX, DMIN, NX)
    ALL(fmul_d, DINF, D0, 0, DQNAN, NV)
    ALL(fmul_d, DN0, DNINF, 0, DQNAN, NV)
    ALL(fmul_d, DINF, DN1, 0, DNINF, 0)
    ALL(fmul_d, DSNAN, D0, 0, DQNAN, NV)
    ALL(fmul_d, DQNANP, D0, 0, DQNAN, 0)

    /* ---- fdiv.d ---- */
    R5(fdiv_d, D1, D3, 0, 0x3fd5555555555555ull, 0x3fd5555555555555ull,
       0x3fd5555555555555ull, 0x3fd5555555555556ull, 0x3fd5555555555555ull, NX)
    R5(fdiv_d, DN2, D3, 0, 0xbfe5555555555555ull, 0xbfe5555555555555ull,
       0xbfe5555555555556ull, 0xbfe5555555555555ull, 0xbfe5555555555555ull, NX)
    ALL(fdiv_d, D1, D0, 0, DINF, DZ)
    ALL(fdiv_d, DN1, D0, 0, DNINF, DZ)
    ALL(fdiv_d, D1, DN0, 0, DNINF, DZ)
    ALL(fdiv_d, D0, D0, 0, DQNAN, NV)
    ALL(fdiv_d, DINF, DINF, 0, DQNAN, NV)
    ALL(fdiv_d, DINF, D0, 0, DINF, 0)
    ALL(fdiv_d, D0, DNINF, 0, DN0, 0)
    ALL(fdiv_d, DQNANP, D0, 0, DQNAN, 0)
    ALL(fdiv_d, DSNAN, D1, 0, DQNAN, NV)
    /* quotients tie only when they are subnormal */
    R5(fdiv_d, DMINSUB, D2, 0, D0, D0, D0, DMINSUB, DMINSUB, UF | NX)
    R5(fdiv_d, 0x0000000000000005ull, D2, 0, 2, 2, 2, 3, 3, UF | NX)
    R5(fdiv_d, DMAX, DH, 0, DINF, DMAX, DMAX, DINF, DINF, OF | NX)

    /* ---- fsqrt.d ---- */
    ALL(fsqrt_d, D4, 0, 0, D2, 0)
    R5(fsqrt_d, D2, 0, 0, 0x3ff6a09e667f3bcdull, 0x3ff6a09e667f3bccull,
       0x3ff6a09e667f3bccull, 0x3ff6a09e667f3bcdull, 0x3ff6a09e667f3bcdull, NX)
    ALL(fsqrt_d, DN1, 0, 0, DQNAN, NV)
    ALL(fsqrt_d, DN0, 0, 0, DN0, 0)
    ALL(fsqrt_d, DINF, 0, 0, DINF, 0)
    ALL(fsqrt_d, DNINF, 0, 0, DQNAN, NV)
    ALL(fsqrt_d, DSNAN, 0, 0, DQNAN, NV)
    ALL(fsqrt_d, DQNANP, 0, 0, DQNAN, 0)
    ALL(fsqrt_d, DMINSUB, 0, 0, 0x1e60000000000000ull, 0) /* 2^-537 */

    /* ---- fused multiply-add, double ---- */
    ALL(fmadd_d, D1, D1, D1, D2, 0)
    /* fused: (1+2^-52)(1-2^-53) - 1 = 2^-53 - 2^-105 exactly; a separate
     * multiply would round the product to 1 and give 0 */
    ALL(fmadd_d, D1U, D1M, DN1, 0x3c9ffffffffffffeull, 0)
    ALL(fmadd_d, DMAX, D2, DNMAX, DMAX, 0) /* no intermediate overflow */
    R5(fmadd_d, D1, D1, DE53, D1, D1, D1, D1U, D1U, NX)
    R5(fmadd_d, D1U3, D1H, D0, 0x3ff8000000000004ull, 0x3ff8000000000004ull,
       0x3ff8000000000004ull, 0x3ff8000000000005ull, 0x3ff8000000000005ull, NX)
    R5(fmadd_d, DMINSUB, DH, D0, D0, D0, D0, DMINSUB, DMINSUB, UF | NX)
    /* inf*0 is invalid even with a quiet NaN addend */
    ALL(fmadd_d, DINF, D0, DQNAN, DQNAN, NV)
    ALL(fmadd_d, D0, DNINF, DQNANP, DQNAN, NV)
    ALL(fmadd_d, DINF, D0, D1, DQNAN, NV)
    ALL(fmadd_d, DQNANP, D1, D1, DQNAN, 0)
    ALL(fmadd_d, D1, D1, DQNANP, DQNAN, 0)
    ALL(fmadd_d, DSNAN, D1, D1, DQNAN, NV)
    ALL(fmadd_d, D1, D1, DSNAN, DQNAN, NV)
    ALL(fmadd_d, DINF, D1, DNINF, DQNAN, NV)
    /* signed zeros: exact zero sums are +0 except in RDN */
    R5(fmadd_d, D0, D1, DN0, D0, D0, DN0, D0, D0, 0)
    ALL(fmadd_d, DN0, D1, DN0, DN0, 0)
    R5(fmsub_d, D1, D1, D1, D0, D0, DN0, D0, D0, 0)
    R5(fmsub_d, D0, D1, D0, D0, D0, DN0, D0, D0, 0)
    R5(fnmadd_d, D1, D1, DN1, D0, D0, DN0, D0, D0, 0)
    ALL(fnmadd_d, D0, D1, D0, DN0, 0)
    R5(fnmsub_d, D1, D1, D1, D0, D0, DN0, D0, D0, 0)
    R5(fnmsub_d, D0, D1, D0, D0, D0, DN0, D0, D0, 0)
    ALL(fmsub_d, D2, D3, D1, D5, 0)
    ALL(fnmsub_d, D2, D3, D1, DN5, 0)
    ALL(fnmadd_d, D2, D3, D1, DN7, 0)
    ALL(fnmadd_d, DINF, D0, DQNAN, DQNAN, NV)
    ALL(fmsub_d, D0, DINF, DQNAN, DQNAN, NV)
    /* -(1*1) - 2^-53 = -(1 + half ulp): the negated forms round the exact
     * negative value (RDN goes away from zero) */
    R5(fnmadd_d, D1, D1, DE53, DN1, DN1, 0xbff0000000000001ull, DN1,
       0xbff0000000000001ull, NX)

    /* ---- conversions from double to integers ---- */
    R5(fcvt_w_d, D1H, 0, 0, 2, 1, 1, 2, 2, NX)
    R5(fcvt_w_d, D2H, 0, 0, 2, 2, 2, 3, 3, NX)
    R5(fcvt_w_d, DN2H, 0, 0, -2ull, -2ull, -3ull, -2ull, -3ull, NX)
    R5(fcvt_w_d, DH, 0, 0, 0, 0, 0, 1, 1, NX)
    R5(fcvt_w_d, DNH, 0, 0, 0, 0, -1ull, 0, -1ull, NX)
    ALL(fcvt_w_d, DN0, 0, 0, 0, 0)
    ALL(fcvt_w_d, DN1, 0, 0, -1ull, 0)
    /* -0.5 to unsigned: -0 after rounding is fine (NX); -1 is not (NV) */
    RF5(fcvt_wu_d, DNH, 0, 0, 0, NX, 0, NX, 0, NV, 0, NX, 0, NV)
    RF5(fcvt_lu_d, DNH, 0, 0, 0, NX, 0, NX, 0, NV, 0, NX, 0, NV)
    ALL(fcvt_wu_d, DN1, 0, 0, 0, NV)
    ALL(fcvt_wu_d, DN0, 0, 0, 0, 0)
    ALL(fcvt_w_d, 0x41e0000000000000ull, 0, 0, 0x7fffffffull, NV) /* 2^31 */
    /* 2^31 - 0.5 rounds up to 2^31 in RNE (tie to even), RUP, RMM */
    RF5(fcvt_w_d, 0x41dfffffffe00000ull, 0, 0, 0x7fffffffull, NV,
        0x7fffffffull, NX, 0x7fffffffull, NX, 0x7fffffffull, NV, 0x7fffffffull,
        NV)
    ALL(fcvt_w_d, 0xc1e0000000000000ull, 0, 0, 0xffffffff80000000ull, 0)
    /* -2^31 - 0.5: RNE's even neighbour is -2^31; RDN and RMM go below */
    RF5(fcvt_w_d, 0xc1e0000000100000ull, 0, 0, 0xffffffff80000000ull, NX,
        0xffffffff80000000ull, NX, 0xffffffff80000000ull, NV,
        0xffffffff80000000ull, NX, 0xffffffff80000000ull, NV)
    ALL(fcvt_w_d, 0xc1e0000000200000ull, 0, 0, 0xffffffff80000000ull, NV)
    ALL(fcvt_w_d, DQNAN, 0, 0, 0x7fffffffull, NV)
    ALL(fcvt_w_d, DQNANP, 0, 0, 0x7fffffffull, NV) /* even a negative NaN */
    ALL(fcvt_w_d, DINF, 0, 0, 0x7fffffffull, NV)
    ALL(fcvt_w_d, DNINF, 0, 0, 0xffffffff80000000ull, NV)
    ALL(fcvt_w_d, DMAX, 0, 0, 0x7fffffffull, NV)
    /* 32-bit results are sign-extended, unsigned ones too */
    ALL(fcvt_wu_d, 0x41efffffffe00000ull, 0, 0, 0xffffffffffffffffull, 0)
    ALL(fcvt_wu_d, 0x41f0000000000000ull, 0, 0, 0xffffffffffffffffull, NV)
    ALL(fcvt_wu_d, 0x41dfffffffc00000ull, 0, 0, 0x7fffffffull, 0)
    ALL(fcvt_wu_d, DQNAN, 0, 0, 0xffffffffffffffffull, NV)
    ALL(fcvt_wu_d, DNINF, 0, 0, 0, NV)
    ALL(fcvt_wu_d, DINF, 0, 0, 0xffffffffffffffffull, NV)
    ALL(fcvt_l_d, 0x43e0000000000000ull, 0, 0, 0x7fffffffffffffffull, NV)
    ALL(fcvt_l_d, 0xc3e0000000000000ull, 0, 0, 0x8000000000000000ull, 0)
    ALL(fcvt_l_d, 0x43dfffffffffffffull, 0, 0, 0x7ffffffffffffc00ull, 0)
    ALL(fcvt_l_d, 0xc3e0000000000001ull, 0, 0, 0x8000000000000000ull, NV)
    ALL(fcvt_l_d, DQNAN, 0, 0, 0x7fffffffffffffffull, NV)
    ALL(fcvt_l_d, DNINF, 0, 0, 0x8000000000000000ull, NV)
    R5(fcvt_l_d, DMINSUB, 0, 0, 0, 0, 0, 1, 0, NX)
    R5(fcvt_l_d, DNMINSUB, 0, 0, 0, 0, -1ull, 0, 0, NX)
    R5(fcvt_l_d, 0x4330000000000001ull, 0, 0, 0x0010000000000001ull,
       0x0010000000000001ull, 0x0010000000000001ull, 0x0010000000000001ull,
       0x0010000000000001ull, 0) /* 2^52 + 1, exact */
    R5(fcvt_l_d, 0x432ffffffffffffdull, 0, 0, 0x000ffffffffffffeull,
       0x000ffffffffffffeull, 0x000ffffffffffffeull, 0x000fffffffffffffull,
       0x000fffffffffffffull, NX) /* 2^52 - 1.5 */
    ALL(fcvt_lu_d, 0x43f0000000000000ull, 0, 0, 0xffffffffffffffffull, NV)
    ALL(fcvt_lu_d, 0x43efffffffffffffull, 0, 0, 0xfffffffffffff800ull, 0)
    ALL(fcvt_lu_d, DQNANP, 0, 0, 0xffffffffffffffffull, NV)
    ALL(fcvt_lu_d, DNINF, 0, 0, 0, NV)
    ALL(fcvt_lu_d, DN1, 0, 0, 0, NV)

    /* ---- conversions from integers to double ---- */
    ALL(fcvt_d_w, 0x00000000ffffffffull, 0, 0, DN1, 0) /* low 32 bits only */
    ALL(fcvt_d_w, 0x0000000080000000ull, 0, 0, 0xc1e0000000000000ull, 0)
    ALL(fcvt_d_wu, 0xffffffffffffffffull, 0, 0, 0x41efffffffe00000ull, 0)
    ALL(fcvt_d_wu, 0x1234567800000000ull, 0, 0, D0, 0)
    ALL(fcvt_d_l, 0x8000000000000000ull, 0, 0, 0xc3e0000000000000ull, 0)
    ALL(fcvt_d_l, 0, 0, 0, D0, 0)
    /* 2^53 + 1: tie, even is 2^53 */
    R5(fcvt_d_l, 0x0020000000000001ull, 0, 0, 0x4340000000000000ull,
       0x4340000000000000ull, 0x4340000000000000ull, 0x4340000000000001ull,
       0x4340000000000001ull, NX)
    R5(fcvt_d_l, 0xffdfffffffffffffull, 0, 0, 0xc340000000000000ull,
       0xc340000000000000ull, 0xc340000000000001ull, 0xc340000000000000ull,
       0xc340000000000001ull, NX)
    R5(fcvt_d_l, 0x7fffffffffffffffull, 0, 0, 0x43e0000000000000ull,
       0x43dfffffffffffffull, 0x43dfffffffffffffull, 0x43e0000000000000ull,
       0x43e0000000000000ull, NX)
    R5(fcvt_d_lu, 0xffffffffffffffffull, 0, 0, 0x43f0000000000000ull,
       0x43efffffffffffffull, 0x43efffffffffffffull, 0x43f0000000000000ull,
       0x43f0000000000000ull, NX)
    /* above 2^63 the ulp is 2048: +1025 is above half, +1024 a tie (even
     * is down), +3072 a tie (even is up) */
    R5(fcvt_d_lu, 0x8000000000000401ull, 0, 0, 0x43e0000000000001ull,
       0x43e0000000000000ull, 0x43e0000000000000ull, 0x43e0000000000001ull,
       0x43e0000000000001ull, NX)
    R5(fcvt_d_lu, 0x8000000000000400ull, 0, 0, 0x43e0000000000000ull,
       0x43e0000000000000ull, 0x43e0000000000000ull, 0x43e0000000000001ull,
       0x43e0000000000001ull, NX)
    R5(fcvt_d_lu, 0x8000000000000c00ull, 0, 0, 0x43e0000000000002ull,
       0x43e0000000000001ull, 0x43e0000000000001ull, 0x43e0000000000002ull,
       0x43e0000000000002ull, NX)
    ALL(fcvt_d_lu, 0x8000000000000800ull, 0, 0, 0x43e0000000000001ull, 0)

    /* ---- between formats ---- */
    ALL(fcvt_s_d, D1, 0, 0, S1, 0)
    /* 1 + 2^-24: tie for single, even is 1 */
    R5(fcvt_s_d, 0x3ff0000010000000ull, 0, 0, S1, S1, S1, S1U, S1U, NX)
    R5(fcvt_s_d, 0x3ff0000030000000ull, 0, 0, B(0x3f800002u), S1U, S1U,
       B(0x3f800002u), B(0x3f800002u), NX)
    R5(fcvt_s_d, 0xbff0000010000000ull, 0, 0, SN1, SN1, B(0xbf800001u), SN1,
       B(0xbf800001u), NX)
    R5(fcvt_s_d, DMAX, 0, 0, SINF, SMAX, SMAX, SINF, SINF, OF | NX)
    /* FLT_MAX + half its ulp: a tie whose even and away neighbours
     * overflow */
    RF5(fcvt_s_d, 0x47effffff0000000ull, 0, 0, SINF, OF | NX, SMAX, NX, SMAX,
        NX, SINF, OF | NX, SINF, OF | NX)
    ALL(fcvt_s_d, 0x36a0000000000000ull, 0, 0, SMINSUB, 0) /* 2^-149 */
    R5(fcvt_s_d, 0x3690000000000000ull, 0, 0, S0, S0, S0, SMINSUB, SMINSUB,
       UF | NX) /* 2^-150 */
    R5(fcvt_s_d, 0x36a8000000000000ull, 0, 0, B(2u), SMINSUB, SMINSUB, B(2u),
       B(2u), UF | NX) /* 1.5 * 2^-149 */
    /* 2^-126 - 2^-150: tiny even after rounding (24 bits hold it) */
    R5(fcvt_s_d, 0x380fffffe0000000ull, 0, 0, SMIN, SMAXSUB, SMAXSUB, SMIN,
       SMIN, UF | NX)
    /* 2^-126 - 2^-151: rounds (unbounded) to 2^-126 in RNE, RUP, RMM: not
     * tiny there */
    RF5(fcvt_s_d, 0x380ffffff0000000ull, 0, 0, SMIN, NX, SMAXSUB, UF | NX,
        SMAXSUB, UF | NX, SMIN, NX, SMIN, NX)
    ALL(fcvt_s_d, DSNAN, 0, 0, SQNAN, NV)
    ALL(fcvt_s_d, DQNANP, 0, 0, SQNAN, 0)
    ALL(fcvt_s_d, DNINF, 0, 0, SNINF, 0)
    ALL(fcvt_s_d, DN0, 0, 0, SN0, 0)
    ALL(fcvt_d_s, S1, 0, 0, D1, 0)
    ALL(fcvt_d_s, SSNAN, 0, 0, DQNAN, NV)
    ALL(fcvt_d_s, SQNANP, 0, 0, DQNAN, 0)
    ALL(fcvt_d_s, SBAD, 0, 0, DQNAN, 0)
    ALL(fcvt_d_s, SMINSUB, 0, 0, 0x36a0000000000000ull, 0)
    ALL(fcvt_d_s, SNINF, 0, 0, DNINF, 0)

    /* ---- single-precision arithmetic ---- */
    ALL(fadd_s, S1, S2, 0, S3, 0)
    ALL(fadd_s, SBAD, S1, 0, SQNAN, 0) /* improperly boxed: canonical NaN */
    ALL(fadd_s, S1, SBAD2, 0, SQNAN, 0)
    ALL(fadd_s, SSNAN, S1, 0, SQNAN, NV)
    ALL(fadd_s, SQNANP, S1, 0, SQNAN, 0)
    ALL(fadd_s, SINF, SNINF, 0, SQNAN, NV)
    R5(fadd_s, S1, SE24, 0, S1, S1, S1, S1U, S1U, NX)
    R5(fadd_s, SMAX, SMAX, 0, SINF, SMAX, SMAX, SINF, SINF, OF | NX)
    R5(fsub_s, S1, S1, 0, S0, S0, SN0, S0, S0, 0)
    R5(fsub_s, SN1, SE24, 0, SN1, SN1, B(0xbf800001u), SN1, B(0xbf800001u),
       NX)
    R5(fmul_s, B(0x3f800003u), S1H, 0, B(0x3fc00004u), B(0x3fc00004u),
       B(0x3fc00004u), B(0x3fc00005u), B(0x3fc00005u), NX)
    R5(fmul_s, SMINSUB, SH, 0, S0, S0, S0, SMINSUB, SMINSUB, UF | NX)
    R5(fmul_s, B(5u), SH, 0, B(2u), B(2u), B(2u), B(3u), B(3u), UF | NX)
    RF5(fmul_s, S1U, SMAXSUB, 0, SMIN, NX, SMAXSUB, UF | NX, SMAXSUB, UF | NX,
        SMIN, NX, SMIN, NX)
    R5(fmul_s, SNMAX, S2, 0, SNINF, SNMAX, SNINF, SNMAX, SNINF, OF | NX)
    ALL(fmul_s, SINF, S0, 0, SQNAN, NV)
    R5(fdiv_s, S1, S3, 0, B(0x3eaaaaabu), B(0x3eaaaaaau), B(0x3eaaaaaau),
       B(0x3eaaaaabu), B(0x3eaaaaabu), NX)
    ALL(fdiv_s, SN1, S0, 0, SNINF, DZ)
    ALL(fdiv_s, S0, S0, 0, SQNAN, NV)
    R5(fdiv_s, B(5u), S2, 0, B(2u), B(2u), B(2u), B(3u), B(3u), UF | NX)
    R5(fsqrt_s, S2, 0, 0, B(0x3fb504f3u), B(0x3fb504f3u), B(0x3fb504f3u),
       B(0x3fb504f4u), B(0x3fb504f3u), NX)
    ALL(fsqrt_s, SN1, 0, 0, SQNAN, NV)
    ALL(fsqrt_s, SN0, 0, 0, SN0, 0)
    ALL(fsqrt_s, SBAD, 0, 0, SQNAN, 0)
    /* fused: (1+2^-23)(1-2^-24) - 1 = 2^-24 - 2^-47 exactly */
    ALL(fmadd_s, S1U, B(0x3f7fffffu), SN1, B(0x337ffffeu), 0)
    ALL(fmadd_s, SMAX, S2, SNMAX, SMAX, 0)
    R5(fmadd_s, S1, S1, SE24, S1, S1, S1, S1U, S1U, NX)
    ALL(fmadd_s, SINF, S0, SQNAN, SQNAN, NV)
    ALL(fmadd_s, S0, SINF, SBAD, SQNAN, NV)
    ALL(fmadd_s, SBAD, S1, S1, SQNAN, 0)
    R5(fmsub_s, S1, S1, S1, S0, S0, SN0, S0, S0, 0)
    ALL(fnmadd_s, S0, S1, S0, SN0, 0)
    ALL(fnmsub_s, S2, S3, S1, B(0xc0a00000u), 0) /* -6 + 1 */
    ALL(fnmadd_s, S2, S3, S1, B(0xc0e00000u), 0) /* -6 - 1 */
    ALL(fmsub_s, S2, S3, S1, B(0x40a00000u), 0)  /* 6 - 1 */

    /* ---- single conversions with integers ---- */
    R5(fcvt_w_s, S2H, 0, 0, 2, 2, 2, 3, 3, NX)
    R5(fcvt_w_s, SN2H, 0, 0, -2ull, -2ull, -3ull, -2ull, -3ull, NX)
    ALL(fcvt_w_s, B(0x4f000000u), 0, 0, 0x7fffffffull, NV) /* 2^31 */
    ALL(fcvt_w_s, B(0xcf000000u), 0, 0, 0xffffffff80000000ull, 0)
    ALL(fcvt_w_s, B(0x4effffffu), 0, 0, 0x7fffff80ull, 0)
    ALL(fcvt_w_s, SBAD, 0, 0, 0x7fffffffull, NV)
    ALL(fcvt_wu_s, B(0x4f800000u), 0, 0, 0xffffffffffffffffull, NV)
    ALL(fcvt_wu_s, B(0x4f7fffffu), 0, 0, 0xffffffffffffff00ull, 0)
    RF5(fcvt_wu_s, B(0xbf000000u), 0, 0, 0, NX, 0, NX, 0, NV, 0, NX, 0, NV)
    ALL(fcvt_l_s, B(0x5f000000u), 0, 0, 0x7fffffffffffffffull, NV)
    ALL(fcvt_l_s, B(0xdf000000u), 0, 0, 0x8000000000000000ull, 0)
    ALL(fcvt_l_s, SNINF, 0, 0, 0x8000000000000000ull, NV)
    ALL(fcvt_lu_s, B(0x5f800000u), 0, 0, 0xffffffffffffffffull, NV)
    ALL(fcvt_lu_s, B(0x5f7fffffu), 0, 0, 0xffffff0000000000ull, 0)
    ALL(fcvt_lu_s, SQNAN, 0, 0, 0xffffffffffffffffull, NV)
    R5(fcvt_lu_s, SMINSUB, 0, 0, 0, 0, 0, 1, 0, NX)
    R5(fcvt_s_w, 0x7fffffffull, 0, 0, B(0x4f000000u), B(0x4effffffu),
       B(0x4effffffu), B(0x4f000000u), B(0x4f000000u), NX)
    R5(fcvt_s_w, 0x80000001ull, 0, 0, B(0xcf000000u), B(0xceffffffu),
       B(0xcf000000u), B(0xceffffffu), B(0xcf000000u), NX)
    /* 2^24 + 1 and 2^24 + 3: ties, even down and even up */
    R5(fcvt_s_w, 0x01000001ull, 0, 0, B(0x4b800000u), B(0x4b800000u),
       B(0x4b800000u), B(0x4b800001u), B(0x4b800001u), NX)
    R5(fcvt_s_w, 0x01000003ull, 0, 0, B(0x4b800002u), B(0x4b800001u),
       B(0x4b800001u), B(0x4b800002u), B(0x4b800002u), NX)
    R5(fcvt_s_w, 0xfeffffffull, 0, 0, B(0xcb800000u), B(0xcb800000u),
       B(0xcb800001u), B(0xcb800000u), B(0xcb800001u), NX)
    ALL(fcvt_s_w, 0x1234567800000001ull, 0, 0, S1, 0) /* low 32 bits only */
    ALL(fcvt_s_w, 0, 0, 0, S0, 0)
    R5(fcvt_s_wu, 0xffffffffull, 0, 0, B(0x4f800000u), B(0x4f7fffffu),
       B(0x4f7fffffu), B(0x4f800000u), B(0x4f800000u), NX)
    ALL(fcvt_s_wu, 0xffffffff00000003ull, 0, 0, B(0x40400000u), 0)
    R5(fcvt_s_l, 0x7fffffffffffffffull, 0, 0, B(0x5f000000u), B(0x5effffffu),
       B(0x5effffffu), B(0x5f000000u), B(0x5f000000u), NX)
    R5(fcvt_s_l, 0x0000000001000001ull, 0, 0, B(0x4b800000u), B(0x4b800000u),
       B(0x4b800000u), B(0x4b800001u), B(0x4b800001u), NX)
    ALL(fcvt_s_l, 0xffffffffffffffffull, 0, 0, SN1, 0)
    R5(fcvt_s_lu, 0xffffffffffffffffull, 0, 0, B(0x5f800000u), B(0x5f7fffffu),
       B(0x5f7fffffu), B(0x5f800000u), B(0x5f800000u), NX)
    /* 2^63 + 2^39: a tie for single (ulp 2^40 there), even is down */
    R5(fcvt_s_lu, 0x8000008000000000ull, 0, 0, B(0x5f000000u), B(0x5f000000u),
       B(0x5f000000u), B(0x5f000001u), B(0x5f000001u), NX)

    /* ---- sign injection: bits only; single inputs unboxed first ---- */
    N(fsgnj_d, D1, DN2, DN1, 0)
    N(fsgnjn_d, D1, DN2, D1, 0)
    N(fsgnjx_d, DN1, DN2, D1, 0)
    N(fsgnjx_d, DN1, D2, DN1, 0)
    N(fsgnj_d, DSNAN, DN1, 0xfff0000000000001ull, 0)
    N(fsgnjn_d, DQNANP, DQNANP, 0x7ff8000000000123ull, 0)
    N(fsgnj_s, S1, SN2, SN1, 0)
    N(fsgnjn_s, S1, S2, SN1, 0)
    N(fsgnjx_s, SN1, SN1, S1, 0)
    N(fsgnj_s, SSNAN, SN1, B(0xff800001u), 0)
    N(fsgnj_s, S1, SBAD, S1, 0)             /* b reads as +NaN */
    N(fsgnjn_s, SBAD, S1, B(0xffc00000u), 0) /* a reads as 0x7fc00000 */
    N(fsgnjx_s, SBAD, SN1, B(0xffc00000u), 0)

    /* ---- minimumNumber / maximumNumber ---- */
    N(fmin_d, D1, D2, D1, 0)
    N(fmax_d, D1, D2, D2, 0)
    N(fmin_d, D0, DN0, DN0, 0)
    N(fmin_d, DN0, D0, DN0, 0)
    N(fmax_d, D0, DN0, D0, 0)
    N(fmax_d, DN0, D0, D0, 0)
    N(fmin_d, DQNANP, D1, D1, 0)
    N(fmin_d, D1, DQNANP, D1, 0)
    N(fmax_d, DQNANP, DNINF, DNINF, 0)
    N(fmin_d, DSNAN, D1, D1, NV)
    N(fmax_d, DN1, DSNANN, DN1, NV)
    N(fmin_d, DQNANP, DQNANP, DQNAN, 0)
    N(fmax_d, DSNAN, DQNANP, DQNAN, NV)
    N(fmin_d, DNINF, D1, DNINF, 0)
    N(fmax_d, DINF, DMAX, DINF, 0)
    N(fmin_d, DMINSUB, DNMINSUB, DNMINSUB, 0)
    N(fmax_d, DN1, DN2, DN1, 0)
    N(fmin_d, DN1, DN2, DN2, 0)
    N(fmin_s, S1, S2, S1, 0)
    N(fmax_s, S0, SN0, S0, 0)
    N(fmin_s, S0, SN0, SN0, 0)
    N(fmin_s, SBAD, S1, S1, 0)
    N(fmax_s, S2, SBAD, S2, 0)
    N(fmin_s, SSNAN, S2, S2, NV)
    N(fmax_s, SQNANP, SQNANP, SQNAN, 0)
    N(fmax_s, SNMAX, SNINF, SNMAX, 0)

    /* ---- comparisons ---- */
    N(feq_d, D1, D1, 1, 0)
    N(feq_d, D0, DN0, 1, 0)
    N(flt_d, DN0, D0, 0, 0)
    N(fle_d, DN0, D0, 1, 0)
    N(flt_d, D1, D2, 1, 0)
    N(flt_d, D2, D1, 0, 0)
    N(fle_d, D2, D2, 1, 0)
    N(flt_d, DN2, DN1, 1, 0)
    N(flt_d, DN1, DN2, 0, 0)
    N(flt_d, DNINF, DINF, 1, 0)
    N(fle_d, DNMINSUB, D0, 1, 0)
    N(flt_d, D0, DNMINSUB, 0, 0)
    N(feq_d, DQNANP, D1, 0, 0)
    N(feq_d, DQNAN, DQNAN, 0, 0)
    N(feq_d, DSNAN, D1, 0, NV)
    N(feq_d, D1, DSNANN, 0, NV)
    N(flt_d, DQNANP, D1, 0, NV)
    N(fle_d, D1, DQNAN, 0, NV)
    N(fle_d, DSNAN, DSNAN, 0, NV)
    N(feq_s, S1, S1, 1, 0)
    N(feq_s, S0, SN0, 1, 0)
    N(flt_s, SN1, S1, 1, 0)
    N(fle_s, SMAX, SINF, 1, 0)
    N(feq_s, SBAD, SBAD, 0, 0)
    N(flt_s, SBAD, S1, 0, NV)
    N(feq_s, SSNAN, S1, 0, NV)
    N(fle_s, S1, SQNANP, 0, NV)

    /* ---- classify ---- */
    N(fclass_d, DNINF, 0, 0x001, 0)
    N(fclass_d, DN1, 0, 0x002, 0)
    N(fclass_d, DNMINSUB, 0, 0x004, 0)
    N(fclass_d, DN0, 0, 0x008, 0)
    N(fclass_d, D0, 0, 0x010, 0)
    N(fclass_d, DMAXSUB, 0, 0x020, 0)
    N(fclass_d, DMIN, 0, 0x040, 0)
    N(fclass_d, DMAX, 0, 0x040, 0)
    N(fclass_d, DINF, 0, 0x080, 0)
    N(fclass_d, DSNAN, 0, 0x100, 0)
    N(fclass_d, DSNANN, 0, 0x100, 0)
    N(fclass_d, DQNAN, 0, 0x200, 0)
    N(fclass_d, DQNANP, 0, 0x200, 0)
    N(fclass_s, SNINF, 0, 0x001, 0)
    N(fclass_s, SNMAX, 0, 0x002, 0)
    N(fclass_s, SNMINSUB, 0, 0x004, 0)
    N(fclass_s, SN0, 0, 0x008, 0)
    N(fclass_s, S0, 0, 0x010, 0)
    N(fclass_s, SMAXSUB, 0, 0x020, 0)
    N(fclass_s, SMIN, 0, 0x040, 0)
    N(fclass_s, SINF, 0, 0x080, 0)
    N(fclass_s, SSNAN, 0, 0x100, 0)
    N(fclass_s, SQNANP, 0, 0x200, 0)
    N(fclass_s, SBAD, 0, 0x200, 0)
    N(fclass_s, 0x000000007f800001ull, 0, 0x200, 0) /* sNaN, but unboxed */
};

#define FPU_CASE_COUNT (sizeof fpu_cases / sizeof fpu_cases[0])

#endif
