/* Zicond: czero.eqz rd, rs1, rs2 gives 0 if rs2 == 0, else rs1; czero.nez
 * gives 0 if rs2 != 0, else rs1. The full 64 bits count. Encoded with .insn
 * (binutils 2.40 does not know the mnemonics); qemu-riscv64 7.2 lacks the
 * extension (zicond.qemu). */
#include "check.h"
TEST_BEGIN
        li a0, 0x123456789abcdef0
        li a1, 0
        li a2, 0x100000000               /* non-zero only in the upper half */
        li a4, -1
        CZERO_EQZ(a3, a0, a1)
        CHECK_EQ(a3, 0)
        CZERO_EQZ(a3, a0, a2)
        CHECK_EQ(a3, 0x123456789abcdef0)
        CZERO_EQZ(a3, a0, a4)
        CHECK_EQ(a3, 0x123456789abcdef0)
        CZERO_NEZ(a3, a0, a1)
        CHECK_EQ(a3, 0x123456789abcdef0)
        CZERO_NEZ(a3, a0, a2)
        CHECK_EQ(a3, 0)
        CZERO_NEZ(a3, a0, a4)
        CHECK_EQ(a3, 0)
        /* rd = rs1 and rd = rs2. */
        mv a3, a0
        CZERO_NEZ(a3, a3, a1)
        CHECK_EQ(a3, 0x123456789abcdef0)
        li a3, 5
        CZERO_EQZ(a3, a0, a3)
        CHECK_EQ(a3, 0x123456789abcdef0)
        /* The branchless select idiom: a1 ? a0 : a4. */
        li a1, 7
        CZERO_EQZ(t0, a0, a1)
        CZERO_NEZ(t1, a4, a1)
        or a3, t0, t1
        CHECK_EQ(a3, 0x123456789abcdef0)
        li a1, 0
        CZERO_EQZ(t0, a0, a1)
        CZERO_NEZ(t1, a4, a1)
        or a3, t0, t1
        CHECK_EQ(a3, -1)
        /* x0 as the condition: always zero. */
        CZERO_EQZ(a3, a0, zero)
        CHECK_EQ(a3, 0)
        CZERO_NEZ(a3, a0, zero)
        CHECK_EQ(a3, 0x123456789abcdef0)
TEST_END
