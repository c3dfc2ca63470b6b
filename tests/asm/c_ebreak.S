/* c.ebreak, the 16-bit form of ebreak: SIGTRAP as well (c_ebreak.status). */
#include "check.h"
TEST_BEGIN
        li a0, 1
        CHECK_EQ(a0, 1)
        CHECK_PROGRESS
        c.ebreak
        CHECK_EQ(zero, 1)                  /* not reached */
TEST_END
