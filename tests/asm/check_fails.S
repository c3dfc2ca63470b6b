/* The harness itself: the third check fails on purpose, so the test must
 * print the check number, line, value seen and value wanted, and exit 3
 * (check_fails.status). A harness that cannot fail would pass everything. */
#include "check.h"
TEST_BEGIN
        li a0, 1
        CHECK_EQ(a0, 1)
        li a1, -2
        CHECK_EQ(a1, 0xfffffffffffffffe)
        li a2, 0x123456789abcdef0
        CHECK_EQ(a2, 0x123456789abcdef1)
        CHECK_EQ(a0, 2)
TEST_END
