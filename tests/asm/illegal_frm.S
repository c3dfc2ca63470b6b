/* frm = 5 is a reserved rounding mode: the next FP instruction with the
 * dynamic mode is an illegal instruction, and the process dies of SIGILL
 * (status 128 + 4, illegal_frm.status). Static rounding modes still work
 * before that. */
#include "check.h"
#include "fpconst.h"
TEST_BEGIN
        fsrmi 5
        LI_D(fa0, D_ONE)
        fadd.d fa1, fa0, fa0, rne          /* static: fine */
        CHECK_D(fa1, D_TWO)
        fsgnj.d fa1, fa0, fa0              /* no rounding: fine */
        CHECK_PROGRESS
        fadd.d fa1, fa0, fa0, dyn          /* SIGILL */
        CHECK_EQ(zero, 1)                  /* not reached */
TEST_END
