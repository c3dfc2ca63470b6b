/* RV64I control transfer and upper immediates: every branch taken and not
 * taken (signed and unsigned edges), jal and jalr link values, jalr adding
 * its offset and clearing bit 0 of the target (also at a site whose
 * targets vary), jalr with rd = rs1, far
 * jumps, lui sign extension and auipc relative to its own address. The
 * compressed forms are in rvc.S; this file is assembled without them. */
#include "check.h"
        .option norvc
TEST_BEGIN
/* BR(op, a, b, taken): a0 = 1 if the branch was taken. */
#define BR(op, a, b, taken) \
        li a1, a; li a2, b; li a0, 1; op a1, a2, 1f; li a0, 0; 1: CHECK_EQ(a0, taken)
        BR(beq, 5, 5, 1)
        BR(beq, 5, 6, 0)
        BR(bne, 5, 6, 1)
        BR(bne, -1, -1, 0)
        BR(blt, -1, 0, 1)
        BR(blt, 0, -1, 0)
        BR(blt, 3, 3, 0)
        BR(blt, 0x8000000000000000, 0x7fffffffffffffff, 1)
        BR(bge, 3, 3, 1)
        BR(bge, -1, 0, 0)
        BR(bge, 0x7fffffffffffffff, 0x8000000000000000, 1)
        BR(bltu, 0, -1, 1)
        BR(bltu, -1, 0, 0)
        BR(bltu, 7, 7, 0)
        BR(bltu, 0x7fffffffffffffff, 0x8000000000000000, 1)
        BR(bgeu, -1, 0, 1)
        BR(bgeu, 7, 7, 1)
        BR(bgeu, 0, 1, 0)
        /* Upper 32 bits matter to 64-bit compares. */
        BR(beq, 0x100000005, 5, 0)
        BR(blt, 0x100000000, 0xffffffff, 0)
/* BRM: the same with a first operand translated code keeps in struct
 * hart (t3 is not mapped; the li a2 after it keeps it from being taken
 * from a scratch register), compared in memory; BRZ against x0. */
#define BRM(op, a, b, taken) \
        li t3, a; li a2, b; li a0, 1; op t3, a2, 1f; li a0, 0; 1: CHECK_EQ(a0, taken)
#define BRZ(op, a, taken) \
        li t3, a; li a2, 0; li a0, 1; op t3, 1f; li a0, 0; 1: CHECK_EQ(a0, taken)
        BRM(beq, 5, 5, 1)
        BRM(bne, 0x100000005, 5, 1)
        BRM(blt, -1, 0, 1)
        BRM(blt, 0, -1, 0)
        BRM(bge, 0x7fffffffffffffff, 0x8000000000000000, 1)
        BRM(bltu, 0, -1, 1)
        BRM(bltu, 0x8000000000000000, 0x7fffffffffffffff, 0)
        BRM(bgeu, -1, 0, 1)
        BRZ(beqz, 0, 1)
        BRZ(beqz, 0x100000000, 0)
        BRZ(bnez, 0x100000000, 1)
        BRZ(bltz, 0x8000000000000000, 1)
        BRZ(bltz, 0x7fffffffffffffff, 0)
        BRZ(bgez, 0, 1)
        BRZ(bgez, -1, 0)
        BRZ(blez, 0, 1)
        BRZ(bgtz, 0, 0)
        BRZ(bgtz, 1, 1)

        /* A backward branch: a counted loop. */
        li a0, 0
        li a1, 10
1:      addi a0, a0, 3
        addi a1, a1, -1
        bnez a1, 1b
        CHECK_EQ(a0, 30)

        /* jal: rd gets the address of the next instruction. */
        jal a0, 2f
here1:  li a0, 0          /* skipped */
2:      la a1, here1
        CHECK_EQ_REG(a0, a1)
        /* jal x0 links nothing (j). */
        li a0, 0
        j 3f
        li a0, 1
3:      CHECK_EQ(a0, 0)

        /* jalr: target rs1 + offset, link pc + 4. */
        la a1, target1
        jalr a0, 8(a1)
back1:  CHECK_EQ(a2, 0x99)
        la a1, back1
        CHECK_EQ_REG(a0, a1)
        /* Bit 0 of the target is cleared: an odd address works. */
        la a1, target2
        addi a1, a1, 1
        jalr a0, 0(a1)
back2:  CHECK_EQ(a2, 0x77)
        /* Negative offset and bit 0: target = (rs1 - 3) & ~1. */
        la a1, target2
        addi a1, a1, 4
        li a2, 0
        jalr a0, -3(a1)
        CHECK_EQ(a2, 0x77)
        /* rd = rs1: the target comes from the old value. */
        la a1, target3
        li a2, 0
        jalr a1, 0(a1)
back3:  la a3, back3
        CHECK_EQ_REG(a1, a3)
        CHECK_EQ(a2, 0x55)
        /* jalr x0 (a plain indirect jump, as ret is). */
        la a1, 4f
        li a0, 5
        jr a1
        li a0, 6
4:      CHECK_EQ(a0, 5)
        /* call/ret through ra. */
        li a0, 20
        call double_a0
        call double_a0
        CHECK_EQ(a0, 80)
        /* A return through an odd ra goes to the even address below it. */
        li a0, 3
        call odd_return
        CHECK_EQ(a0, 4)
        /* One jalr site whose target alternates between an even address
         * and an odd one: once the targets vary, the odd one goes through
         * the jump-table lookup (translated code clears bit 0 only on the
         * way out of it) and must reach the even address below it. */
        li s3, 0
        li s4, 4
        la s5, alt_even
        la s6, alt_odd
        addi s6, s6, 1
9:      andi t1, s4, 1
        mv t2, s5
        beqz t1, 10f
        mv t2, s6
10:     jalr a0, 0(t2)
        addi s4, s4, -1
        bnez s4, 9b
        CHECK_EQ(s3, 34)

        /* Far jumps: more than the ±4 KiB of a branch, over a gap. */
        li a0, 0
        bnez zero, 5f
        j far_label
        li a0, 9
5:      li a0, 8
far_back:
        CHECK_EQ(a0, 11)

        /* lui: 20-bit immediate shifted by 12, sign-extended from bit 31. */
        lui a0, 0x80000
        CHECK_EQ(a0, 0xffffffff80000000)
        lui a0, 0x7ffff
        CHECK_EQ(a0, 0x7ffff000)
        lui a0, 0xfffff
        CHECK_EQ(a0, 0xfffffffffffff000)
        lui a0, 1
        CHECK_EQ(a0, 0x1000)
        /* auipc: pc of the auipc itself plus the immediate. */
6:      auipc a0, 0
        la a1, 6b
        CHECK_EQ_REG(a0, a1)
7:      auipc a0, 0x80000
        la a1, 7b
        li a2, 0xffffffff80000000
        add a1, a1, a2
        CHECK_EQ_REG(a0, a1)
8:      auipc a0, 1
        la a1, 8b
        addi a1, a1, 2047
        addi a1, a1, 2047
        addi a1, a1, 2
        CHECK_EQ_REG(a0, a1)
TEST_END

target1:
        li a2, 0x11       /* skipped: jalr lands 8 bytes in */
        li a2, 0x22
        li a2, 0x99
        jr a0
target2:
        li a2, 0x77
        jr a0
target3:
        li a2, 0x55
        jr a1
double_a0:
        add a0, a0, a0
        ret
alt_even:
        addi s3, s3, 1
        jr a0
alt_odd:
        addi s3, s3, 16
        jr a0
odd_return:
        addi a0, a0, 1
        addi ra, ra, 1
        ret
        .space 8192
far_label:
        li a0, 11
        j far_back
