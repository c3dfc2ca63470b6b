/* The D extension's arithmetic with exact result bits and exact fflags:
 * add/sub/mul/div/sqrt, the fused multiply-adds (one rounding), signed
 * zeros, overflow, underflow (after rounding, only when inexact), division
 * by zero, invalid operations, canonical NaN results (payloads are never
 * propagated), sign injection (which does keep payloads), compares, loads
 * and stores, and moves to and from integer registers. */
#include "check.h"
#include "fpconst.h"
TEST_BEGIN
        TEST_FD2(fadd.d, D_ONE, D_TWO, D_THREE, 0)
        TEST_FD2(fadd.d, D_ONE, D_EPS_HALF, D_ONE, NX)          /* tie to even */
        TEST_FD2(fadd.d, D_ONE_ULP, D_EPS_HALF, 0x3ff0000000000002, NX)
        TEST_FD2(fadd.d, D_MAX, D_MAX, D_INF, OF | NX)
        TEST_FD2(fadd.d, D_INF, D_NINF, D_QNAN, NV)
        TEST_FD2(fadd.d, D_INF, D_ONE, D_INF, 0)
        TEST_FD2(fadd.d, D_QNAN_PAY, D_ONE, D_QNAN, 0)           /* no payload */
        TEST_FD2(fadd.d, D_ONE, D_NQNAN, D_QNAN, 0)              /* positive */
        TEST_FD2(fadd.d, D_SNAN, D_ONE, D_QNAN, NV)
        TEST_FD2(fadd.d, D_NZERO, D_NZERO, D_NZERO, 0)
        TEST_FD2(fadd.d, D_ZERO, D_NZERO, D_ZERO, 0)
        TEST_FD2(fadd.d, D_ONE, D_NONE, D_ZERO, 0)
        TEST_FD2(fadd.d, 0x0010000000000001, 0x8010000000000000, D_SUB_MIN, 0) /* exact tiny */
        TEST_FD2(fsub.d, D_ONE, D_ONE, D_ZERO, 0)
        TEST_FD2(fsub.d, D_NZERO, D_ZERO, D_NZERO, 0)
        TEST_FD2(fsub.d, D_NMAX, D_MAX, D_NINF, OF | NX)
        TEST_FD2(fsub.d, D_INF, D_INF, D_QNAN, NV)
        TEST_FD2(fsub.d, D_THREE, D_HALF, D_TWOHALF, 0)
        TEST_FD2(fmul.d, D_THREE, D_HALF, D_ONEHALF, 0)
        TEST_FD2(fmul.d, D_THREE, 0x3fb999999999999a, 0x3fd3333333333334, NX) /* 3 * 0.1 */
        TEST_FD2(fmul.d, D_MAX, D_TWO, D_INF, OF | NX)
        TEST_FD2(fmul.d, D_MIN, D_HALF, D_SUB, 0)                /* exact: no UF */
        TEST_FD2(fmul.d, D_MIN, D_MIN, D_ZERO, UF | NX)
        TEST_FD2(fmul.d, D_SUB_MIN, D_HALF, D_ZERO, UF | NX)     /* tie to even: 0 */
        TEST_FD2(fmul.d, D_ZERO, D_INF, D_QNAN, NV)
        TEST_FD2(fmul.d, D_NONE, D_ZERO, D_NZERO, 0)
        TEST_FD2(fmul.d, D_SNAN, D_QNAN, D_QNAN, NV)
        TEST_FD2(fdiv.d, D_ONE, D_THREE, D_THIRD, NX)
        TEST_FD2(fdiv.d, D_THREE, D_TWO, D_ONEHALF, 0)
        TEST_FD2(fdiv.d, D_ONE, D_ZERO, D_INF, DZ)
        TEST_FD2(fdiv.d, D_NONE, D_ZERO, D_NINF, DZ)
        TEST_FD2(fdiv.d, D_ONE, D_NZERO, D_NINF, DZ)
        TEST_FD2(fdiv.d, D_ZERO, D_ZERO, D_QNAN, NV)
        TEST_FD2(fdiv.d, D_INF, D_INF, D_QNAN, NV)
        TEST_FD2(fdiv.d, D_ONE, D_INF, D_ZERO, 0)
        TEST_FD2(fdiv.d, D_INF, D_ZERO, D_INF, 0)                /* not DZ: inf is exact */
        TEST_FD2(fdiv.d, D_MIN, D_THREE, 0x0005555555555555, UF | NX)
        TEST_FD2(fdiv.d, D_MAX, D_HALF, D_INF, OF | NX)
        TEST_FD1(fsqrt.d, D_FOUR, D_TWO, 0)
        TEST_FD1(fsqrt.d, D_TWO, D_SQRT2, NX)
        TEST_FD1(fsqrt.d, D_NONE, D_QNAN, NV)
        TEST_FD1(fsqrt.d, D_NZERO, D_NZERO, 0)
        TEST_FD1(fsqrt.d, D_INF, D_INF, 0)
        TEST_FD1(fsqrt.d, D_NINF, D_QNAN, NV)
        TEST_FD1(fsqrt.d, D_QNAN_PAY, D_QNAN, 0)
        TEST_FD1(fsqrt.d, D_SNAN, D_QNAN, NV)

        /* Fused: (1 + 2^-52)(1 - 2^-53) - 1 is 2^-53 - 2^-105 exactly; a
         * multiply then an add would give 0. */
        TEST_FD3(fmadd.d, D_ONE_ULP, D_ONE_DN, D_NONE, 0x3c9ffffffffffffe, 0)
        TEST_FD3(fmsub.d, D_ONE_ULP, D_ONE_DN, D_ONE, 0x3c9ffffffffffffe, 0)
        TEST_FD3(fmsub.d, D_ONE_ULP, D_ONE_ULP, D_ONE, 0x3cc0000000000000, NX)
        TEST_FD3(fnmsub.d, D_ONE_ULP, D_ONE_DN, D_ONE, 0xbc9ffffffffffffe, 0) /* -(ab) + c */
        TEST_FD3(fnmadd.d, D_ONE_ULP, D_ONE_ULP, D_ONE, 0xc000000000000001, NX) /* -(ab) - c */
        TEST_FD3(fmadd.d, D_TWO, D_THREE, D_ONE, 0x401c000000000000, 0)   /* 7 */
        TEST_FD3(fnmadd.d, D_TWO, D_THREE, D_ONE, 0xc01c000000000000, 0)  /* -7 */
        TEST_FD3(fmadd.d, D_ZERO, D_INF, D_ONE, D_QNAN, NV)
        TEST_FD3(fmadd.d, D_ZERO, D_INF, D_QNAN, D_QNAN, NV)     /* 0 * inf is invalid even + qNaN */
        TEST_FD3(fmadd.d, D_ONE, D_QNAN_PAY, D_ONE, D_QNAN, 0)
        TEST_FD3(fmadd.d, D_ONE, D_ONE, D_SNAN, D_QNAN, NV)
        TEST_FD3(fmadd.d, D_INF, D_ONE, D_NINF, D_QNAN, NV)
        TEST_FD3(fmadd.d, D_MAX, D_TWO, D_NMAX, D_MAX, 0)       /* no overflow in between */
        TEST_FD3(fmadd.d, D_ONE, D_NZERO, D_ZERO, D_ZERO, 0)
        TEST_FD3(fmadd.d, D_ONE, D_NZERO, D_NZERO, D_NZERO, 0)
        TEST_FD3(fmsub.d, D_ONE, D_ONE, D_ONE, D_ZERO, 0)

        /* Sign injection works on raw bits: NaN payloads stay. */
        TEST_FD2(fsgnj.d, D_ONE, D_NZERO, D_NONE, 0)
        TEST_FD2(fsgnj.d, D_NONE, D_ZERO, D_ONE, 0)
        TEST_FD2(fsgnjn.d, D_ONE, D_NZERO, D_ONE, 0)
        TEST_FD2(fsgnjn.d, D_ONE, D_ONE, D_NONE, 0)
        TEST_FD2(fsgnjx.d, D_NONE, D_NONE, D_ONE, 0)
        TEST_FD2(fsgnjx.d, D_NONE, D_ONE, D_NONE, 0)
        TEST_FD2(fsgnj.d, D_SNAN, D_NONE, 0xfff0000000000001, 0)
        TEST_FD2(fsgnjn.d, D_QNAN_PAY, D_QNAN_PAY, 0xfff8000000000123, 0)
        LI_D(fa0, D_TWO)
        fneg.d fa1, fa0
        CHECK_D(fa1, 0xc000000000000000)
        fabs.d fa2, fa1
        CHECK_D(fa2, D_TWO)
        fmv.d fa3, fa1
        CHECK_D(fa3, 0xc000000000000000)
        CHECK_FFLAGS(0)

        /* Compares: feq is quiet (NV only for sNaN), flt/fle signal on any
         * NaN. */
        TEST_FD_X2(feq.d, D_ONE, D_ONE, 1, 0)
        TEST_FD_X2(feq.d, D_ZERO, D_NZERO, 1, 0)
        TEST_FD_X2(feq.d, D_QNAN, D_QNAN, 0, 0)
        TEST_FD_X2(feq.d, D_SNAN, D_ONE, 0, NV)
        TEST_FD_X2(flt.d, D_ONE, D_TWO, 1, 0)
        TEST_FD_X2(flt.d, D_TWO, D_ONE, 0, 0)
        TEST_FD_X2(flt.d, D_NZERO, D_ZERO, 0, 0)
        TEST_FD_X2(flt.d, D_NINF, D_NMAX, 1, 0)
        TEST_FD_X2(flt.d, D_QNAN, D_ONE, 0, NV)
        TEST_FD_X2(fle.d, D_ZERO, D_NZERO, 1, 0)
        TEST_FD_X2(fle.d, D_ONE, D_ONE, 1, 0)
        TEST_FD_X2(fle.d, D_ONE, D_QNAN, 0, NV)
        TEST_FD_X2(fle.d, D_SNAN, D_ONE, 0, NV)

        /* Moves and memory: raw 64-bit patterns, even NaNs. */
        li a0, 0x7ff4000000000abc
        fmv.d.x fa0, a0
        fmv.x.d a1, fa0
        CHECK_EQ(a1, 0x7ff4000000000abc)
        la s0, buf
        fsd fa0, 8(s0)
        ld a1, 8(s0)
        CHECK_EQ(a1, 0x7ff4000000000abc)
        li a0, 0x0123456789abcdef
        sd a0, 16(s0)
        fld fa1, 16(s0)
        CHECK_D(fa1, 0x0123456789abcdef)
        fsd fa1, 3(s0)                   /* misaligned */
        fld fa2, 3(s0)
        CHECK_D(fa2, 0x0123456789abcdef)
        fsd fa1, -8(s0)
        ld a1, -8(s0)
        CHECK_EQ(a1, 0x0123456789abcdef)
        CHECK_FFLAGS(0)

        /* fflags accrue: later exact operations do not clear them. */
        TEST_FD2(fadd.d, D_ONE, D_ONE, D_TWO, 0)
        LI_D(fa0, D_ONE)
        LI_D(fa1, D_THREE)
        LI_D(fa2, D_ZERO)
        fdiv.d fa3, fa0, fa1             /* NX */
        fdiv.d fa3, fa0, fa2             /* DZ */
        fadd.d fa3, fa0, fa0             /* exact */
        CHECK_FFLAGS(NX | DZ)
        /* Every FP register works. */
        LI_D(f0, D_ONE)
        fmv.d f1, f0; fadd.d f2, f1, f0; fadd.d f3, f2, f0; fadd.d f4, f3, f0
        fadd.d f5, f4, f0; fadd.d f6, f5, f0; fadd.d f7, f6, f0; fadd.d f8, f7, f0
        fadd.d f9, f8, f0; fadd.d f10, f9, f0; fadd.d f11, f10, f0; fadd.d f12, f11, f0
        fadd.d f13, f12, f0; fadd.d f14, f13, f0; fadd.d f15, f14, f0; fadd.d f16, f15, f0
        fadd.d f17, f16, f0; fadd.d f18, f17, f0; fadd.d f19, f18, f0; fadd.d f20, f19, f0
        fadd.d f21, f20, f0; fadd.d f22, f21, f0; fadd.d f23, f22, f0; fadd.d f24, f23, f0
        fadd.d f25, f24, f0; fadd.d f26, f25, f0; fadd.d f27, f26, f0; fadd.d f28, f27, f0
        fadd.d f29, f28, f0; fadd.d f30, f29, f0; fadd.d f31, f30, f0
        CHECK_D(f31, 0x403f000000000000)     /* 31 */
        CHECK_D(f16, 0x4030000000000000)     /* 16 */
        CHECK_FFLAGS(0)
TEST_END
        .bss
        .balign 8
        .space 8
buf:    .space 32
