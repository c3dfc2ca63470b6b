/* A loop unit with registers of its own (jit/loopmap.c) whose FP
 * instruction takes its slow path, a call into the interpreter, every
 * round: fadd.d with a static rounding mode (rtz) that is not the dynamic
 * one (rne). The slow path must put the loop's registers back where the
 * interpreter looks for them, and take them in again after: s2-s5 are not
 * among the registers hart maps globally at first, so the loop swaps them
 * in. Run at the default threshold, the loop is translated after 50
 * rounds and runs the rest translated. */
#include "check.h"
TEST_BEGIN
        li s2, 0                        /* rounds */
        li s3, 2000
        li s4, 0                        /* an integer sum */
        li s5, 3
        fcvt.d.l fa0, zero
        li t0, 1
        fcvt.d.l fa1, t0
1:      fadd.d fa0, fa0, fa1, rtz
        add s4, s4, s5
        addi s2, s2, 1
        bne s2, s3, 1b
        CHECK_EQ(s2, 2000)
        CHECK_EQ(s4, 6000)
        fcvt.l.d t1, fa0
        CHECK_EQ(t1, 2000)
TEST_END
