/* Rounding modes: each of RNE, RTZ, RDN, RUP and RMM (ties away from zero,
 * which x86 lacks) given statically in the instruction and dynamically
 * through frm (fsrm, csrw frm), on ties, non-ties, negative values,
 * overflow (to infinity or to the largest finite value), subnormal
 * underflow, exact zero sums, square roots and fused multiply-adds. */
#include "check.h"
#include "fpconst.h"
#define D_ONE_2ULP  0x3ff0000000000002
#define D_NONE_ULP  0xbff0000000000001
#define D_2_1_      0x4000cccccccccccd   /* 2.1 */
#define D_NTHIRD    0xbfd5555555555555
#define D_NTHIRD_DN 0xbfd5555555555556
#define D_SQRT2_DN  0x3ff6a09e667f3bcc

/* The cases list the modes in the order rne, rtz, rdn, rup, rmm. */
TEST_BEGIN
        /* 1 + 2^-53: an exact tie between 1 and 1 + 2^-52 (even: 1). */
        TEST_FD2_RM(fadd.d, rne, D_ONE, D_EPS_HALF, D_ONE, NX)
        TEST_FD2_RM(fadd.d, rtz, D_ONE, D_EPS_HALF, D_ONE, NX)
        TEST_FD2_RM(fadd.d, rdn, D_ONE, D_EPS_HALF, D_ONE, NX)
        TEST_FD2_RM(fadd.d, rup, D_ONE, D_EPS_HALF, D_ONE_ULP, NX)
        TEST_FD2_RM(fadd.d, rmm, D_ONE, D_EPS_HALF, D_ONE_ULP, NX)
        /* -1 - 2^-53 */
        TEST_FD2_RM(fsub.d, rne, D_NONE, D_EPS_HALF, D_NONE, NX)
        TEST_FD2_RM(fsub.d, rtz, D_NONE, D_EPS_HALF, D_NONE, NX)
        TEST_FD2_RM(fsub.d, rdn, D_NONE, D_EPS_HALF, D_NONE_ULP, NX)
        TEST_FD2_RM(fsub.d, rup, D_NONE, D_EPS_HALF, D_NONE, NX)
        TEST_FD2_RM(fsub.d, rmm, D_NONE, D_EPS_HALF, D_NONE_ULP, NX)
        /* 1 + 3 * 2^-53: a tie between 1 + 2^-52 (odd) and 1 + 2^-51. */
        TEST_FD2_RM(fadd.d, rne, D_ONE_ULP, D_EPS_HALF, D_ONE_2ULP, NX)
        TEST_FD2_RM(fadd.d, rtz, D_ONE_ULP, D_EPS_HALF, D_ONE_ULP, NX)
        TEST_FD2_RM(fadd.d, rdn, D_ONE_ULP, D_EPS_HALF, D_ONE_ULP, NX)
        TEST_FD2_RM(fadd.d, rup, D_ONE_ULP, D_EPS_HALF, D_ONE_2ULP, NX)
        TEST_FD2_RM(fadd.d, rmm, D_ONE_ULP, D_EPS_HALF, D_ONE_2ULP, NX)
        /* Not a tie: 1/3 and -1/3. */
        TEST_FD2_RM(fdiv.d, rne, D_ONE, D_THREE, D_THIRD, NX)
        TEST_FD2_RM(fdiv.d, rtz, D_ONE, D_THREE, D_THIRD, NX)
        TEST_FD2_RM(fdiv.d, rdn, D_ONE, D_THREE, D_THIRD, NX)
        TEST_FD2_RM(fdiv.d, rup, D_ONE, D_THREE, D_THIRD_UP, NX)
        TEST_FD2_RM(fdiv.d, rmm, D_ONE, D_THREE, D_THIRD, NX)
        TEST_FD2_RM(fdiv.d, rne, D_NONE, D_THREE, D_NTHIRD, NX)
        TEST_FD2_RM(fdiv.d, rtz, D_NONE, D_THREE, D_NTHIRD, NX)
        TEST_FD2_RM(fdiv.d, rdn, D_NONE, D_THREE, D_NTHIRD_DN, NX)
        TEST_FD2_RM(fdiv.d, rup, D_NONE, D_THREE, D_NTHIRD, NX)
        TEST_FD2_RM(fdiv.d, rmm, D_NONE, D_THREE, D_NTHIRD, NX)
        /* Overflow: infinity or the largest finite number, by direction. */
        TEST_FD2_RM(fmul.d, rne, D_MAX, D_TWO, D_INF, OF | NX)
        TEST_FD2_RM(fmul.d, rtz, D_MAX, D_TWO, D_MAX, OF | NX)
        TEST_FD2_RM(fmul.d, rdn, D_MAX, D_TWO, D_MAX, OF | NX)
        TEST_FD2_RM(fmul.d, rup, D_MAX, D_TWO, D_INF, OF | NX)
        TEST_FD2_RM(fmul.d, rmm, D_MAX, D_TWO, D_INF, OF | NX)
        TEST_FD2_RM(fmul.d, rne, D_NMAX, D_TWO, D_NINF, OF | NX)
        TEST_FD2_RM(fmul.d, rtz, D_NMAX, D_TWO, D_NMAX, OF | NX)
        TEST_FD2_RM(fmul.d, rdn, D_NMAX, D_TWO, D_NINF, OF | NX)
        TEST_FD2_RM(fmul.d, rup, D_NMAX, D_TWO, D_NMAX, OF | NX)
        TEST_FD2_RM(fmul.d, rmm, D_NMAX, D_TWO, D_NINF, OF | NX)
        /* Half the smallest subnormal: a tie between 0 and 2^-1074. */
        TEST_FD2_RM(fmul.d, rne, D_SUB_MIN, D_HALF, D_ZERO, UF | NX)
        TEST_FD2_RM(fmul.d, rtz, D_SUB_MIN, D_HALF, D_ZERO, UF | NX)
        TEST_FD2_RM(fmul.d, rdn, D_SUB_MIN, D_HALF, D_ZERO, UF | NX)
        TEST_FD2_RM(fmul.d, rup, D_SUB_MIN, D_HALF, D_SUB_MIN, UF | NX)
        TEST_FD2_RM(fmul.d, rmm, D_SUB_MIN, D_HALF, D_SUB_MIN, UF | NX)
        /* x - x is +0, except -0 when rounding down. */
        TEST_FD2_RM(fsub.d, rne, D_ONE, D_ONE, D_ZERO, 0)
        TEST_FD2_RM(fsub.d, rtz, D_ONE, D_ONE, D_ZERO, 0)
        TEST_FD2_RM(fsub.d, rdn, D_ONE, D_ONE, D_NZERO, 0)
        TEST_FD2_RM(fsub.d, rup, D_ONE, D_ONE, D_ZERO, 0)
        TEST_FD2_RM(fsub.d, rmm, D_ONE, D_ONE, D_ZERO, 0)
        /* Square root of 2 lies just below its nearest double. */
        LI_D(fa0, D_TWO)
        fsqrt.d fa3, fa0, rtz
        CHECK_D(fa3, D_SQRT2_DN)
        fsqrt.d fa3, fa0, rdn
        CHECK_D(fa3, D_SQRT2_DN)
        fsqrt.d fa3, fa0, rup
        CHECK_D(fa3, D_SQRT2)
        fsqrt.d fa3, fa0, rmm
        CHECK_D(fa3, D_SQRT2)
        CHECK_FFLAGS(NX)
        /* Fused multiply-add rounds once, in the given mode: 1 * 1 + 2^-53. */
        LI_D(fa0, D_ONE)
        LI_D(fa1, D_EPS_HALF)
        fmadd.d fa3, fa0, fa0, fa1, rup
        CHECK_D(fa3, D_ONE_ULP)
        fmadd.d fa3, fa0, fa0, fa1, rne
        CHECK_D(fa3, D_ONE)
        fmadd.d fa3, fa0, fa0, fa1, rmm
        CHECK_D(fa3, D_ONE_ULP)
        fnmsub.d fa3, fa0, fa0, fa1, rdn    /* -(1) + 2^-53 = -(1 - 2^-53) */
        CHECK_D(fa3, 0xbfefffffffffffff)    /* exact, but the ones above were not */
        CHECK_FFLAGS(NX)
        /* Single precision. */
        TEST_FS2_RM(fdiv.s, rne, S_ONE, S_THREE, S_THIRD, NX)
        TEST_FS2_RM(fdiv.s, rtz, S_ONE, S_THREE, S_THIRD_DN, NX)
        TEST_FS2_RM(fdiv.s, rdn, S_ONE, S_THREE, S_THIRD_DN, NX)
        TEST_FS2_RM(fdiv.s, rup, S_ONE, S_THREE, S_THIRD, NX)
        TEST_FS2_RM(fdiv.s, rmm, S_ONE, S_THREE, S_THIRD, NX)
        TEST_FS2_RM(fadd.s, rne, S_ONE, S_EPS_HALF, S_ONE, NX)
        TEST_FS2_RM(fadd.s, rmm, S_ONE, S_EPS_HALF, S_ONE_ULP, NX)
        TEST_FS2_RM(fadd.s, rup, S_ONE, S_EPS_HALF, S_ONE_ULP, NX)
        TEST_FS2_RM(fmul.s, rtz, S_MAX, S_TWO, S_MAX, OF | NX)
        TEST_FS2_RM(fmul.s, rup, S_NMAX, S_TWO, S_NMAX, OF | NX)
        TEST_FS2_RM(fsub.s, rdn, S_TWO, S_TWO, S_NZERO, 0)

        /* Dynamic rounding: frm selects, static rm = dyn (the default). */
        li a0, RM_RUP
        fsrm a1, a0                       /* returns the old mode */
        CHECK_EQ(a1, RM_RNE)
        frrm a2
        CHECK_EQ(a2, RM_RUP)
        TEST_FD2(fdiv.d, D_ONE, D_THREE, D_THIRD_UP, NX)
        TEST_FD2(fadd.d, D_ONE, D_EPS_HALF, D_ONE_ULP, NX)
        TEST_FD2_RM(fadd.d, rne, D_ONE, D_EPS_HALF, D_ONE, NX)   /* static wins */
        TEST_FD2_RM(fadd.d, dyn, D_ONE, D_EPS_HALF, D_ONE_ULP, NX)
        TEST_FS2(fdiv.s, S_ONE, S_THREE, S_THIRD, NX)
        TEST_FD_X1_RM(fcvt.w.d, dyn, D_2_1_, 3, NX)
        li a0, RM_RDN
        fsrm a0
        TEST_FD2(fdiv.d, D_NONE, D_THREE, D_NTHIRD_DN, NX)
        TEST_FD2(fsub.d, D_ONE, D_ONE, D_NZERO, 0)
        TEST_FS2(fdiv.s, S_ONE, S_THREE, S_THIRD_DN, NX)
        TEST_FD_X1_RM(fcvt.w.d, dyn, D_2_1_, 2, NX)
        li a0, RM_RTZ
        fsrm a0
        TEST_FD2(fmul.d, D_MAX, D_TWO, D_MAX, OF | NX)
        TEST_FD2(fdiv.d, D_NONE, D_THREE, D_NTHIRD, NX)
        fsrmi RM_RMM                      /* immediate form */
        TEST_FD2(fadd.d, D_ONE, D_EPS_HALF, D_ONE_ULP, NX)
        TEST_FD2(fsub.d, D_NONE, D_EPS_HALF, D_NONE_ULP, NX)
        TEST_FS2(fadd.s, S_ONE, S_EPS_HALF, S_ONE_ULP, NX)
        LI_D(fa0, D_TWOHALF)
        fcvt.l.d a3, fa0                  /* dyn: RMM, 2.5 -> 3 */
        CHECK_EQ(a3, 3)
        CHECK_FFLAGS(NX)
        /* Integer to FP conversions use frm too. */
        li a0, 0x7fffffffffffffff
        fcvt.d.l fa3, a0
        CHECK_D(fa3, D_TWO63)
        li a0, RM_RTZ
        csrw frm, a0
        li a0, 0x7fffffffffffffff
        fcvt.d.l fa3, a0
        CHECK_D(fa3, 0x43dfffffffffffff)
        CHECK_FFLAGS(NX)
        fsrmi RM_RNE
        TEST_FD2(fadd.d, D_ONE, D_EPS_HALF, D_ONE, NX)
TEST_END
