/* The M extension: low and high multiplies in every signedness, the W forms
 * (sign-extended 32-bit results, upper input bits ignored), and division's
 * defined corner cases: x / 0 = all ones (-1), x % 0 = x, and
 * MIN / -1 = MIN with remainder 0, for the 64- and 32-bit forms. */
#include "check.h"
TEST_BEGIN
        TEST_RR(mul, 6, 7, 42)
        TEST_RR(mul, -6, 7, -42)
        TEST_RR(mul, 0x8000000000000000, -1, 0x8000000000000000)
        TEST_RR(mul, 0xffffffffffffffff, 0xffffffffffffffff, 1)
        TEST_RR(mul, 0x123456789abcdef0, 0x10, 0x23456789abcdef00)
        TEST_RR(mulh, -1, -1, 0)
        TEST_RR(mulh, 0x8000000000000000, 0x8000000000000000, 0x4000000000000000)
        TEST_RR(mulh, 0x8000000000000000, 2, -1)
        TEST_RR(mulh, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x3fffffffffffffff)
        TEST_RR(mulh, -2, 3, -1)
        TEST_RR(mulhu, -1, -1, 0xfffffffffffffffe)
        TEST_RR(mulhu, 0x8000000000000000, 2, 1)
        TEST_RR(mulhu, 0xffffffff, 0xffffffff, 0)
        TEST_RR(mulhu, 0x100000000, 0x100000000, 1)
        TEST_RR(mulhsu, -1, -1, -1)              /* -1 * (2^64 - 1) */
        TEST_RR(mulhsu, 1, -1, 0)
        TEST_RR(mulhsu, 0x8000000000000000, 0x8000000000000000, 0xc000000000000000)
        TEST_RR(mulhsu, 2, 0x8000000000000000, 1)
        TEST_RR(mulw, 0x7fffffff, 2, -2)
        TEST_RR(mulw, 0x10000, 0x10000, 0)
        TEST_RR(mulw, 0xffffffff00000003, 5, 15)
        TEST_RR(mulw, 0x8000, 0x10000, 0xffffffff80000000)

        /* Operands translated code keeps in struct hart (t3-t5 are not
         * mapped), which mul takes as a memory operand: rs2 there, rs1
         * there, both, and rd the same as the one there. Each li of the
         * register wanted in memory comes first: the last value stored is
         * taken from its scratch register instead. */
        li t4, 7
        li t3, -6
        mul t5, t3, t4                    /* rs2 in memory */
        CHECK_EQ(t5, -42)
        li t3, 0x123456789abcdef0
        li t4, 0x10
        mul a3, t3, t4                    /* rs1 in memory */
        CHECK_EQ(a3, 0x23456789abcdef00)
        li t3, 3
        li t4, 5
        li a0, 1
        mul t5, t3, t4                    /* both */
        CHECK_EQ(t5, 15)
        li t4, 0x10000
        li a0, 0x8000
        mul t4, a0, t4                    /* rd is the one in memory */
        CHECK_EQ(t4, 0x80000000)
        li t4, 0x10000
        li a0, 0x8000
        mulw t5, a0, t4                   /* and W: sign-extended */
        CHECK_EQ(t5, 0xffffffff80000000)

        TEST_RR(div, 42, 5, 8)
        TEST_RR(div, -42, 5, -8)                 /* rounds toward zero */
        TEST_RR(div, 42, -5, -8)
        TEST_RR(div, -42, -5, 8)
        TEST_RR(div, 42, 0, -1)
        TEST_RR(div, 0, 0, -1)
        TEST_RR(div, 0x8000000000000000, -1, 0x8000000000000000)
        TEST_RR(divu, 42, 5, 8)
        TEST_RR(divu, -1, 2, 0x7fffffffffffffff)
        TEST_RR(divu, 42, 0, 0xffffffffffffffff)
        TEST_RR(divu, 0x8000000000000000, -1, 0)
        TEST_RR(rem, 42, 5, 2)
        TEST_RR(rem, -42, 5, -2)                 /* sign of the dividend */
        TEST_RR(rem, 42, -5, 2)
        TEST_RR(rem, -42, -5, -2)
        TEST_RR(rem, 42, 0, 42)
        TEST_RR(rem, -42, 0, -42)
        TEST_RR(rem, 0x8000000000000000, -1, 0)
        TEST_RR(remu, 42, 5, 2)
        TEST_RR(remu, -1, 10, 5)                 /* 18446744073709551615 % 10 */
        TEST_RR(remu, 42, 0, 42)
        TEST_RR(remu, -42, 0, -42)

        TEST_RR(divw, 42, 5, 8)
        TEST_RR(divw, -42, 5, -8)
        TEST_RR(divw, 0x100000000000002a, 0xffffffff00000005, 8)   /* upper bits ignored */
        TEST_RR(divw, 42, 0, -1)
        TEST_RR(divw, 42, 0x100000000, -1)       /* low 32 bits of the divisor are 0 */
        TEST_RR(divw, 0x80000000, -1, 0xffffffff80000000)
        TEST_RR(divw, 0xffffffff80000000, 1, 0xffffffff80000000)
        TEST_RR(divuw, 0xffffffff, 1, -1)        /* 0xffffffff sign-extended */
        TEST_RR(divuw, 0xffffffff, 2, 0x7fffffff)
        TEST_RR(divuw, 42, 0, -1)
        TEST_RR(divuw, 0x80000000, -1, 0)
        TEST_RR(divuw, 0x1ffffffff, 0x100000001, -1)
        TEST_RR(remw, -42, 5, -2)
        TEST_RR(remw, 42, 0, 42)
        TEST_RR(remw, 0x12345678ffffffd6, 0, -42)   /* x % 0 = sext(x[31:0]) */
        TEST_RR(remw, 0x80000000, -1, 0)
        TEST_RR(remw, 0x17fffffff, 0x10, 15)
        TEST_RR(remuw, 0xffffffff, 0x10, 15)
        TEST_RR(remuw, 0x80000005, 0, 0xffffffff80000005)
        TEST_RR(remuw, 0x80000005, 0x80000000, 5)
        TEST_RR(remuw, 0xfffffffe, 0xffffffff, 0xfffffffffffffffe)

        /* x0 as divisor and as destination. */
        li a0, 99
        div a3, a0, zero
        CHECK_EQ(a3, -1)
        rem a3, a0, zero
        CHECK_EQ(a3, 99)
        div zero, a0, zero
        CHECK_EQ(zero, 0)
TEST_END
