/* ebreak (the 32-bit form) raises SIGTRAP, which kills a process that does
 * not handle it: status 128 + 5 (ebreak.status). */
#include "check.h"
TEST_BEGIN
        li a0, 1
        CHECK_EQ(a0, 1)
        CHECK_PROGRESS
        .option push
        .option norvc
        ebreak
        .option pop
        CHECK_EQ(zero, 1)                  /* not reached */
TEST_END
