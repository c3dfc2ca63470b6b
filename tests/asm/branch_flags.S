/* beqz/bnez right after the instruction that computed their register,
 * which translated code takes from the flags that instruction's x86
 * add/sub/and/or/xor left, without a test (jit/tr_insn.c): the flags must
 * be those of the whole 64-bit register, of the register branched on, and
 * of W forms only through their sign-extended result (an x86 32-bit op,
 * whose ZF is that of the 32 bits it computed). */
#include "check.h"

TEST_BEGIN
        li s2, 0
        /* addiw: the 64-bit sum is 2^32, the 32-bit one 0. */
        li a0, 0x100000001
        addiw a0, a0, -1
        bnez a0, 1f
        addi s2, s2, 1                    /* must run */
1:
        /* addw: the same through registers. */
        li a1, 0xffffffff
        li a2, 1
        addw a3, a1, a2
        bnez a3, 1f
        addi s2, s2, 2
1:
        /* addi on its own register, counting down to zero. */
        li a4, 3
2:      addi a4, a4, -1
        bnez a4, 2b
        addi s2, s2, 4
        /* The flags of another register than the one tested. */
        li a5, 0
        li a6, 5
        addi a6, a6, -4                   /* 1: ZF clear */
        beqz a5, 1f                       /* on a5, which is 0 */
        j 3f
1:      addi s2, s2, 8
        li a5, 7
        addi a6, a6, -1                   /* 0: ZF set */
        bnez a5, 1f
        j 3f
1:      addi s2, s2, 16
        /* and, or, xor, sub into registers that live in memory. */
        li s8, 0xff00
        andi s9, s8, 0xff
        bnez s9, 3f
        addi s2, s2, 32
        li s10, 0x10
        sub s11, s10, s10
        bnez s11, 3f
        xor s11, s10, s8
        beqz s11, 3f
        or s11, s11, s10
        beqz s11, 3f
        addi s2, s2, 64
        /* Counting down a register that lives in memory (s9, s10: not
         * among the registers translated code maps at first), stepped in
         * place. */
        li s9, 3
        li s10, 0
4:      addi s10, s10, 5
        addi s9, s9, -1
        bnez s9, 4b
        li t0, 15
        bne s10, t0, 3f
        li t1, 16                         /* both compared from memory */
        bge s10, t1, 3f
        bltu t1, s10, 3f
        xori s10, s10, 15
        bnez s10, 3f
        /* A high bit alone makes the register nonzero. */
        li a0, 0x8000000000000000
        li a1, 0
        add a2, a0, a1
        beqz a2, 3f
        addi s2, s2, 128
        /* W forms into each kind of destination, every one 0 in 32 bits
         * and not in 64: subw, addw with rd = rs2 (mapped at first), and
         * addiw and subw into registers that live in memory. */
        li a0, 0x100000005
        li a1, 5
        subw a2, a0, a1
        bnez a2, 3f
        addi s2, s2, 256
        li a3, 0x7fffffff00000001
        li a4, -1
        .option push
        .option norvc                     /* c.addw would swap a3 and a4 */
        addw a4, a3, a4
        .option pop
        bnez a4, 3f
        addi s2, s2, 512
        li s9, 0x300000001
        addiw s10, s9, -1
        bnez s10, 3f
        subw s11, s9, a1
        beqz s11, 3f                      /* -4: not zero */
        addi s2, s2, 1024
3:
        CHECK_EQ(s2, 2047)
TEST_END
