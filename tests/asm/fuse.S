/* Pairs that hart's translator fuses into one x86 instruction
 * (jit/tr_fuse.c), in each operand arrangement: the pair must give what
 * the two instructions give one after the other. */
#include "check.h"
TEST_BEGIN
        /* slli rd, rs, k; add rd, rd, rt  (rd = rt + (rs << k)) */
        li a0, 0x1234
        li a1, 0x100000
        slli a2, a0, 3
        add a2, a2, a1
        CHECK_EQ(a2, 0x1091a0)
        slli a2, a0, 1                  /* base first */
        add a2, a1, a2
        CHECK_EQ(a2, 0x102468)
        mv a3, a0
        slli a3, a3, 2                  /* shifting rd itself */
        add a3, a3, a1
        CHECK_EQ(a3, 0x1048d0)
        slli a4, a0, 3                  /* base x0 */
        add a4, a4, zero
        CHECK_EQ(a4, 0x91a0)
        li a5, -1
        slli a5, a5, 3                  /* wraps: -8 + 8 */
        addi a5, a5, 8
        CHECK_EQ(a5, 0)
        li a6, 0x7fffffffffffffff
        slli a6, a6, 1                  /* the bit shifted out is lost */
        add a6, a6, a1
        CHECK_EQ(a6, 0xffffe)
        slli a7, a0, 2                  /* add rd, rd, rd: not the pattern */
        add a7, a7, a7
        CHECK_EQ(a7, 0x91a0)
        slli s2, a0, 4                  /* shift 4: not an lea scale */
        add s2, s2, a1
        CHECK_EQ(s2, 0x112340)
        /* lui/auipc + addi, slli/srli 32 */
        lui t0, 0x12345
        addi t0, t0, -1
        CHECK_EQ(t0, 0x12344fff)
        lui t1, 0x80000
        addiw t1, t1, -1
        CHECK_EQ(t1, 0x7fffffff)
        li t2, -2
        slli t2, t2, 32
        srli t2, t2, 32
        CHECK_EQ(t2, 0xfffffffe)
TEST_END
