/* NaN-boxing: a single in a 64-bit FP register has its upper 32 bits all
 * ones. flw, fmv.w.x and every single-precision result box; fmv.x.w and fsw
 * take the low 32 bits as they are; every other single-precision operation
 * reads an operand that is not properly boxed as the canonical NaN. And a
 * boxed single read as a double is a (quiet) NaN. */
#include "check.h"
#include "fpconst.h"
#define UNBOXED_ONE 0x000000003f800000   /* 1.0f without the box */
TEST_BEGIN
        /* Boxing writes. */
        li a0, 0x123456783f800000
        fmv.w.x fa0, a0
        CHECK_D(fa0, 0xffffffff3f800000)
        la s0, buf
        li a0, 0x40490fdb
        sw a0, 0(s0)
        flw fa1, 0(s0)
        fmv.x.d a1, fa1
        CHECK_EQ(a1, 0xffffffff40490fdb)
        LI_S(fa1, S_ONE)
        fadd.s fa2, fa1, fa1
        CHECK_D(fa2, 0xffffffff40000000)
        CHECK_FFLAGS(0)

        /* A boxed single read by a double operation: a quiet NaN, no NV,
         * and the result is the canonical double NaN. */
        LI_S(fa0, S_ONE)
        LI_D(fa1, D_ONE)
        fadd.d fa3, fa0, fa1
        CHECK_D(fa3, D_QNAN)
        CHECK_FFLAGS(0)

        /* An unboxed value read by single-precision operations. */
        LI_D(fa0, UNBOXED_ONE)
        LI_S(fa1, S_ONE)
        fadd.s fa3, fa0, fa1
        CHECK_S(fa3, S_QNAN)
        CHECK_FFLAGS(0)
        fadd.s fa3, fa1, fa0
        CHECK_S(fa3, S_QNAN)
        fmul.s fa3, fa0, fa1
        CHECK_S(fa3, S_QNAN)
        fsqrt.s fa3, fa0
        CHECK_S(fa3, S_QNAN)
        fmadd.s fa3, fa1, fa1, fa0
        CHECK_S(fa3, S_QNAN)
        CHECK_FFLAGS(0)
        LI_D(fa2, 0xfffffffe3f800000)      /* almost boxed is not boxed */
        fadd.s fa3, fa2, fa1
        CHECK_S(fa3, S_QNAN)
        /* Sign injection sees the canonical NaN too. */
        fneg.s fa3, fa0
        CHECK_S(fa3, S_NQNAN)
        fsgnj.s fa3, fa1, fa0              /* sign from canonical NaN: + */
        CHECK_S(fa3, S_ONE)
        LI_S(fa2, S_NONE)
        fsgnj.s fa3, fa0, fa2
        CHECK_S(fa3, S_NQNAN)
        fabs.s fa3, fa0
        CHECK_S(fa3, S_QNAN)
        /* fmin with one NaN: the other operand. */
        fmin.s fa3, fa0, fa1
        CHECK_S(fa3, S_ONE)
        CHECK_FFLAGS(0)
        /* Quiet compare: no flag; signalling compare: NV. */
        feq.s a3, fa0, fa0
        CHECK_EQ(a3, 0)
        CHECK_FFLAGS(0)
        flt.s a3, fa1, fa0
        CHECK_EQ(a3, 0)
        CHECK_FFLAGS(NV)
        fclass.s a3, fa0
        CHECK_EQ(a3, 1 << 9)
        fcvt.d.s fa3, fa0
        CHECK_D(fa3, D_QNAN)
        CHECK_FFLAGS(0)
        fcvt.w.s a3, fa0, rtz
        CHECK_EQ(a3, 0x7fffffff)
        CHECK_FFLAGS(NV)
        /* Transfers ignore the box. */
        fmv.x.w a3, fa0
        CHECK_EQ(a3, 0x3f800000)
        LI_D(fa2, 0x00000000bf800000)
        fmv.x.w a3, fa2
        CHECK_EQ(a3, 0xffffffffbf800000)
        fsw fa0, 8(s0)
        lwu a3, 8(s0)
        CHECK_EQ(a3, 0x3f800000)
        /* A double result read as a single: unboxed unless the upper half
         * happens to be all ones. */
        LI_D(fa0, D_ONE)
        fadd.d fa2, fa0, fa0               /* 2.0: upper half 0x40000000 */
        fadd.s fa3, fa2, fa1
        CHECK_S(fa3, S_QNAN)
        /* fld of a boxed pattern is a valid single for single operations. */
        li a0, 0xffffffff40000000
        sd a0, 16(s0)
        fld fa2, 16(s0)
        fadd.s fa3, fa2, fa1
        CHECK_S(fa3, S_THREE)
        CHECK_FFLAGS(0)
TEST_END
        .bss
        .balign 8
buf:    .space 32
