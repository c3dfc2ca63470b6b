/* The quiet comparisons C's isless, islessequal and isequal compile to:
 * frflags t; flt.d/fle.d/feq.d rd, a, b; fsflags t. Translated code does
 * the three as one (jit/tr_fp.c): t must get the flags accrued before,
 * rd the comparison, and afterwards the flags must be exactly those from
 * before, whatever the operands (ordered, a quiet NaN, a signalling NaN,
 * which raises invalid in the host's compare), also when read again much
 * later. */
#include "check.h"
#include "fpconst.h"
TEST_BEGIN
        LI_D(fa0, D_ONE)
        LI_D(fa1, D_TWO)
        LI_D(fa2, D_QNAN)
        LI_D(fa3, D_SNAN)
        LI_D(fa4, D_EPS_HALF)
        csrwi fflags, 0
        fadd.d fa5, fa0, fa4              /* inexact: NX accrued */

        frflags t0                        /* ordered, true */
        flt.d a0, fa0, fa1
        fsflags t0
        CHECK_EQ(t0, NX)
        CHECK_EQ(a0, 1)

        frflags t1                        /* ordered, false */
        fle.d a1, fa1, fa0
        fsflags t1
        CHECK_EQ(a1, 0)
        CHECK_EQ(t1, NX)

        frflags t2                        /* a quiet NaN: false */
        flt.d a2, fa2, fa1
        fsflags t2
        CHECK_EQ(a2, 0)

        frflags t3                        /* a signalling NaN: false */
        fle.d a3, fa0, fa3
        fsflags t3
        CHECK_EQ(a3, 0)

        frflags t4                        /* feq: equal and ordered */
        feq.d a4, fa1, fa1
        fsflags t4
        CHECK_EQ(a4, 1)
        frflags t4                        /* feq with a signalling NaN */
        feq.d a5, fa3, fa3
        fsflags t4
        CHECK_EQ(a5, 0)
        CHECK_FFLAGS(NX)                  /* never NV */

        /* From clear flags, each kind with a signalling NaN, then an
         * operation that raises nothing: still clear. */
        frflags t0
        flt.d a0, fa3, fa1
        fsflags t0
        frflags t1
        feq.d a1, fa1, fa3
        fsflags t1
        fadd.d fa6, fa1, fa1
        CHECK_EQ(t0, 0)
        CHECK_EQ(t1, 0)
        CHECK_EQ(a0, 0)
        CHECK_EQ(a1, 0)
        CHECK_FFLAGS(0)
TEST_END
