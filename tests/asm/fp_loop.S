/* FP loops whose registers hart keeps in XMM registers from round to
 * round (jit/tr_fcache.c, tr_f_pin): sums in singles and doubles, a
 * single that is not NaN-boxed when the loop starts (it reads as the
 * canonical NaN; hart runs that loop in the interpreter), the same with
 * a slow path on every round (a static rounding mode other than frm),
 * and a loop whose FP registers outnumber the XMM copies, so that its
 * pinned ones are moved out and the loop is translated again without.
 * 300 rounds: translated after 50. */
#include "check.h"
TEST_BEGIN
        /* a single-precision sum: 300 * 0.5 */
        li t0, 0x3f000000
        fmv.w.x fa1, t0
        fmv.w.x fa0, zero
        li t1, 300
1:      fadd.s fa0, fa0, fa1
        addi t1, t1, -1
        bnez t1, 1b
        fmv.x.w a0, fa0
        CHECK_EQ(a0, 0x43160000)                /* 150.0f */

        /* a double-precision sum: 300 * 0.25 */
        li t0, 0x3fd0000000000000
        fmv.d.x fa3, t0
        fmv.d.x fa2, zero
        li t1, 300
2:      fadd.d fa2, fa2, fa3
        addi t1, t1, -1
        bnez t1, 2b
        fmv.x.d a1, fa2
        CHECK_EQ(a1, 0x4052c00000000000)        /* 75.0 */

        /* fa5 holds a double: as a single it is the canonical NaN (on
         * every round: no sum, where a NaN would stay from the first) */
        li t0, 0x3ff0000000000000
        fmv.d.x fa5, t0
        li t1, 300
3:      fadd.s fa4, fa1, fa5
        addi t1, t1, -1
        bnez t1, 3b
        fmv.x.w a2, fa4
        CHECK_EQ(a2, 0x7fc00000)
        fmv.x.d a3, fa5                         /* fa5 itself unchanged */
        CHECK_EQ(a3, 0x3ff0000000000000)

        /* the same with rtz, which frm (rne) is not: a slow path each
         * round, after which the copies are loaded again */
        fmv.w.x fa6, zero
        li t1, 300
4:      fadd.s fa6, fa6, fa1, rtz
        fadd.s fa7, fa1, fa5
        addi t1, t1, -1
        bnez t1, 4b
        fmv.x.w a4, fa6
        CHECK_EQ(a4, 0x43160000)
        fmv.x.w a5, fa7
        CHECK_EQ(a5, 0x7fc00000)

        /* sixteen FP registers in one loop: more than the copies; each
         * its own value, so that one read in another's place shows */
        fcvt.d.l ft0, zero
        li t0, 1
        fcvt.d.l ft1, t0
        fadd.d ft2, ft1, ft1
        fadd.d ft3, ft2, ft1
        fadd.d ft4, ft3, ft1
        fadd.d ft5, ft4, ft1
        fadd.d ft6, ft5, ft1
        fadd.d ft7, ft6, ft1
        fadd.d ft8, ft7, ft1
        fadd.d ft9, ft8, ft1
        fadd.d ft10, ft9, ft1
        fadd.d ft11, ft10, ft1
        fadd.d fs0, ft11, ft1
        fadd.d fs1, fs0, ft1
        fadd.d fs2, fs1, ft1
        fmul.d fs3, fs2, ft2                    /* 28: not 15 */
        li t1, 300
5:      fadd.d ft0, ft0, ft1
        fadd.d ft0, ft0, ft2
        fadd.d ft0, ft0, ft3
        fadd.d ft0, ft0, ft4
        fadd.d ft0, ft0, ft5
        fadd.d ft0, ft0, ft6
        fadd.d ft0, ft0, ft7
        fadd.d ft0, ft0, ft8
        fadd.d ft0, ft0, ft9
        fadd.d ft0, ft0, ft10
        fadd.d ft0, ft0, ft11
        fadd.d ft0, ft0, fs0
        fadd.d ft0, ft0, fs1
        fadd.d ft0, ft0, fs2
        fadd.d ft0, ft0, fs3
        addi t1, t1, -1
        bnez t1, 5b
        fcvt.l.d a6, ft0
        CHECK_EQ(a6, 300 * (105 + 28))
TEST_END
