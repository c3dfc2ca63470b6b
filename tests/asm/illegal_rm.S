/* A static rounding mode of 6 is reserved: the instruction is illegal and
 * the process dies of SIGILL (illegal_rm.status). */
#include "check.h"
#include "fpconst.h"
TEST_BEGIN
        LI_D(fa0, D_ONE)
        fadd.d fa1, fa0, fa0, rtz
        CHECK_D(fa1, D_TWO)
        CHECK_PROGRESS
        .insn r 0x53, 6, 0x01, fa1, fa0, fa0   /* fadd.d fa1, fa0, fa0 with rm = 6 */
        CHECK_EQ(zero, 1)
TEST_END
