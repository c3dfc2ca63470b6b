/* RV64I register and immediate arithmetic, logic, shifts and compares,
 * including the W forms, whose 32-bit results are sign-extended to 64 bits,
 * and writes to x0, which vanish. */
#include "check.h"
TEST_BEGIN
        /* add, sub: wrap-around at 64 bits. */
        TEST_RR(add, 1, 2, 3)
        TEST_RR(add, -1, 1, 0)
        TEST_RR(add, 0x7fffffffffffffff, 1, 0x8000000000000000)
        TEST_RR(add, 0xffffffff, 1, 0x100000000)
        TEST_RR(sub, 0, 1, -1)
        TEST_RR(sub, 0x8000000000000000, 1, 0x7fffffffffffffff)
        TEST_RR(sub, 5, -5, 10)
        /* addi: 12-bit sign-extended immediate. */
        TEST_RI(addi, 0, 2047, 2047)
        TEST_RI(addi, 0, -2048, -2048)
        TEST_RI(addi, 0x7fffffffffffffff, 1, 0x8000000000000000)
        TEST_RI(addi, 0xfffffffffffff800, -1, 0xfffffffffffff7ff)
        /* addw, subw, addiw: 32-bit results, sign-extended. */
        TEST_RR(addw, 0x7fffffff, 1, 0xffffffff80000000)
        TEST_RR(addw, 0xffffffff, 1, 0)
        TEST_RR(addw, 0x123456789, 0, 0x23456789)
        TEST_RR(addw, 0x80000000, 0, 0xffffffff80000000)
        TEST_RR(subw, 0, 1, -1)
        TEST_RR(subw, 0x80000000, 1, 0x7fffffff)
        TEST_RR(subw, 0x100000000, 0, 0)
        TEST_RI(addiw, 0x7fffffff, 1, 0xffffffff80000000)
        TEST_RI(addiw, 0xffffffff80000000, -1, 0x7fffffff)
        TEST_RI(addiw, 0x1234567800000005, 0, 5)
        TEST_RI(addiw, 0xfffffffff, 0, -1)       /* sext.w */
        /* Logic. */
        TEST_RR(and, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00)
        TEST_RR(or, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0)
        TEST_RR(xor, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0)
        TEST_RI(andi, 0xffffffffffffffff, -2048, 0xfffffffffffff800)
        TEST_RI(andi, 0x123456789abcdef0, 0x7ff, 0x6f0)
        /* zext.b (andi 0xff), a movzx when rd is not rs1: from and to
         * registers mapped at first (a0-a5) and not (s9, s10), and from
         * a value just computed. */
        TEST_RI(andi, 0x80000000000001ff, 0xff, 0xff)
        li s9, 0xfedcba9876543280
        andi a1, s9, 0xff
        CHECK_EQ(a1, 0x80)
        li a0, -2
        andi s10, a0, 0xff
        CHECK_EQ(s10, 0xfe)
        andi s10, s9, 0xff
        CHECK_EQ(s10, 0x80)
        addi s9, s9, 0x7f
        andi s10, s9, 0xff
        CHECK_EQ(s10, 0xff)
        li a2, 0x1234
        andi a2, a2, 0xff                 /* rd = rs1 */
        CHECK_EQ(a2, 0x34)
        TEST_RI(ori, 0x8000000000000000, -2048, 0xfffffffffffff800)
        TEST_RI(ori, 0x1000, 0x234, 0x1234)
        TEST_RI(xori, 0x00ff00ff00ff00ff, -1, 0xff00ff00ff00ff00)   /* not */
        TEST_RI(xori, 0x5555, 0x7ff, 0x52aa)
        /* Shifts: 6-bit amounts for 64-bit forms, taken from rs2 mod 64. */
        TEST_RR(sll, 1, 63, 0x8000000000000000)
        TEST_RR(sll, 1, 64, 1)
        TEST_RR(sll, 3, 65, 6)
        TEST_RR(sll, 0xffffffffffffffff, 0xffffffffffffffc4, 0xfffffffffffffff0)
        TEST_RR(srl, 0x8000000000000000, 63, 1)
        TEST_RR(srl, 0x8000000000000000, 127, 1)
        TEST_RR(srl, 0xffffffffffffffff, 4, 0x0fffffffffffffff)
        TEST_RR(sra, 0x8000000000000000, 63, -1)
        TEST_RR(sra, 0x8000000000000000, 4, 0xf800000000000000)
        TEST_RR(sra, 0x7000000000000000, 68, 0x0700000000000000)
        TEST_RI(slli, 1, 63, 0x8000000000000000)
        TEST_RI(slli, 0x0123456789abcdef, 4, 0x123456789abcdef0)
        TEST_RI(srli, 0x8000000000000000, 63, 1)
        TEST_RI(srli, -1, 32, 0xffffffff)
        TEST_RI(srai, 0x8000000000000000, 32, 0xffffffff80000000)
        TEST_RI(srai, -2, 1, -1)
        TEST_RI(srai, 0x4000000000000000, 62, 1)
        /* W shifts: 5-bit amounts, 32-bit results sign-extended; the upper
         * half of rs1 is ignored. */
        TEST_RR(sllw, 1, 31, 0xffffffff80000000)
        TEST_RR(sllw, 1, 32, 1)
        TEST_RR(sllw, 0xffffffff00000001, 33, 2)
        TEST_RR(sllw, 0x40000000, 1, 0xffffffff80000000)
        TEST_RR(srlw, 0xffffffff80000000, 31, 1)
        TEST_RR(srlw, 0xffffffff80000000, 0, 0xffffffff80000000)
        TEST_RR(srlw, 0x0000000080000000, 0, 0xffffffff80000000)
        TEST_RR(srlw, 0xffffffff, 36, 0x0fffffff)
        TEST_RR(srlw, 0x123456700000000, 4, 0)
        TEST_RR(sraw, 0x80000000, 31, -1)
        TEST_RR(sraw, 0x80000000, 4, 0xfffffffff8000000)
        TEST_RR(sraw, 0x7fffffff00000000, 1, 0)
        TEST_RR(sraw, 0x00000000f0000000, 32, 0xfffffffff0000000)
        TEST_RI(slliw, 1, 31, 0xffffffff80000000)
        TEST_RI(slliw, 0xffffffff, 16, 0xffffffffffff0000)
        TEST_RI(slliw, 0x123456789, 0, 0x23456789)
        TEST_RI(srliw, 0x80000000, 0, 0xffffffff80000000)
        TEST_RI(srliw, 0x80000000, 1, 0x40000000)
        TEST_RI(srliw, 0xffffffff00000000, 4, 0)
        TEST_RI(sraiw, 0x80000000, 1, 0xffffffffc0000000)
        TEST_RI(sraiw, 0x0000000140000000, 30, 1)
        TEST_RI(sraiw, 0x80000000, 31, -1)
        /* sraiw and addiw between registers mapped at first (a0-a5) and
         * not (s9, s10), with garbage in the upper half of the source. */
        li s9, 0x1234567880000001
        sraiw s10, s9, 1
        CHECK_EQ(s10, 0xffffffffc0000000)
        sraiw a1, s9, 0
        CHECK_EQ(a1, 0xffffffff80000001)
        li a2, 0x7654321000000010
        sraiw s10, a2, 4
        CHECK_EQ(s10, 1)
        addiw s10, a2, -17
        CHECK_EQ(s10, -1)
        li a2, 0x123456787ffffffe
        addiw a1, a2, 2
        CHECK_EQ(a1, 0xffffffff80000000)
        addiw s10, s9, 1
        CHECK_EQ(s10, 0xffffffff80000002)
        /* Compares: signed and unsigned. */
        TEST_RR(slt, -1, 0, 1)
        TEST_RR(slt, 0, -1, 0)
        TEST_RR(slt, 0x8000000000000000, 0x7fffffffffffffff, 1)
        TEST_RR(slt, 5, 5, 0)
        TEST_RR(sltu, -1, 0, 0)
        TEST_RR(sltu, 0, -1, 1)
        TEST_RR(sltu, 0x7fffffffffffffff, 0x8000000000000000, 1)
        TEST_RI(slti, -5, -4, 1)
        TEST_RI(slti, 0x8000000000000000, -2048, 1)
        TEST_RI(slti, 2047, 2047, 0)
        TEST_RI(sltiu, 0, 1, 1)                  /* seqz */
        TEST_RI(sltiu, 5, 1, 0)
        TEST_RI(sltiu, 0xfffffffffffffffe, -1, 1)  /* immediate sign-extends, then unsigned */
        TEST_RI(sltiu, 0x7fffffffffffffff, -2048, 1)
        li a1, 7; sltu a3, zero, a1; CHECK_EQ(a3, 1)   /* snez */
        /* The same with operands translated code keeps in struct hart
         * (t3, t4 are not mapped; a later li keeps each from being taken
         * from a scratch register), compared in memory. */
        li t3, -1; li a1, 0; slt a3, t3, a1; CHECK_EQ(a3, 1)
        li t3, 0; li a1, -1; slt a3, t3, a1; CHECK_EQ(a3, 0)
        li t4, 0x8000000000000000; li a0, 0x7fffffffffffffff
        slt a3, a0, t4; CHECK_EQ(a3, 0)
        li t3, 0x7fffffffffffffff; li t4, 0x8000000000000000; li a0, 1
        sltu a3, t3, t4; CHECK_EQ(a3, 1)
        li t3, -1; li a1, 0; sltu a3, t3, a1; CHECK_EQ(a3, 0)
        li t3, 0x8000000000000000; li a0, 0; slti a3, t3, -2048; CHECK_EQ(a3, 1)
        li t3, 2047; li a0, 0; slti a3, t3, 2047; CHECK_EQ(a3, 0)
        li t3, 0xfffffffffffffffe; li a0, 0; sltiu a3, t3, -1; CHECK_EQ(a3, 1)
        li t3, 0; li a0, 0; sltiu a3, t3, 1; CHECK_EQ(a3, 1)   /* seqz */
        /* x0 as destination: the write vanishes; as source it reads 0. */
        li a0, 123
        add zero, a0, a0
        addi x0, a0, 1
        CHECK_EQ(zero, 0)
        add a3, zero, zero
        CHECK_EQ(a3, 0)
        sub a3, zero, a0
        CHECK_EQ(a3, -123)
        /* Destination equal to a source. */
        li a0, 7
        add a0, a0, a0
        CHECK_EQ(a0, 14)
        li a1, 3
        sllw a1, a1, a1
        CHECK_EQ(a1, 24)
        li a2, -1
        sltu a2, a2, a2
        CHECK_EQ(a2, 0)
        /* neg and negw (translated as x86 neg): between registers in host
         * registers and in memory, in place, of the most negative word,
         * and with a branch on the result's flags. */
        li a0, 5
        neg a1, a0
        CHECK_EQ(a1, -5)
        neg a0, a0
        CHECK_EQ(a0, -5)
        li a0, 0x180000000
        negw a1, a0
        CHECK_EQ(a1, 0xffffffff80000000)
        li a0, 0x7fffffff00000001
        negw a0, a0
        CHECK_EQ(a0, -1)
        li s4, 0x123456789
        neg s5, s4
        CHECK_EQ(s5, -0x123456789)
        negw s4, s4
        CHECK_EQ(s4, -0x23456789)
        negw s6, a0                       /* memory from a host register */
        CHECK_EQ(s6, 1)
        neg a1, s6                        /* and back */
        CHECK_EQ(a1, -1)
        li a2, 0x100000000
        li a3, 7
        negw a4, a2
        bnez a4, 1f                       /* 0: the word's zero flag */
        addi a3, a3, -7
1:      CHECK_EQ(a3, 0)
        /* sub and subw into their second operand (translated as neg, then
         * add): rs1 in a host register, in memory, and just computed;
         * overflow of the word; the zero flag for a branch after. */
        li a0, 10
        li a1, 3
        sub a1, a0, a1
        CHECK_EQ(a1, 7)
        li a1, 13
        subw a1, a0, a1
        CHECK_EQ(a1, -3)
        li s4, 0x100000005
        li a2, 6
        subw a2, s4, a2
        CHECK_EQ(a2, -1)
        li a2, 6
        sub a2, s4, a2
        CHECK_EQ(a2, 0xffffffff)
        li a0, 0x80000000
        li a3, 1
        subw a3, a0, a3
        CHECK_EQ(a3, 0x7fffffff)
        li a3, 2
        addi s5, s4, 1                    /* 0x100000006, just computed */
        sub a3, s5, a3
        CHECK_EQ(a3, 0x100000004)
        li a4, 0x100000007
        li a5, 7
        li a3, 9
        subw a5, a4, a5                   /* 0 as a word */
        bnez a5, 1f
        li a3, 0
1:      CHECK_EQ(a3, 0)
        li a5, 7
        sub a5, a4, a5                    /* not 0 */
        beqz a5, 1f
        li a3, 5
1:      CHECK_EQ(a3, 5)
        /* Shifts by a constant of a register in memory, in place (one
         * x86 shift of the memory operand): by 1 (its own encoding), by
         * more, and by 63. */
        li s7, 0x8000000000000081
        slli s7, s7, 1
        CHECK_EQ(s7, 0x102)
        li s7, 0x8000000000000081
        srli s7, s7, 7
        CHECK_EQ(s7, 0x0100000000000001)
        li s7, 0x8000000000000081
        srai s7, s7, 1
        CHECK_EQ(s7, 0xc000000000000040)
        li s7, -2
        srli s7, s7, 63
        CHECK_EQ(s7, 1)
        li s7, 5
        slli s7, s7, 63
        CHECK_EQ(s7, 0x8000000000000000)
        /* lui / addi pairs (li) for 32-bit constants with bit 11 set. */
        li a0, 0x12345fff
        CHECK_EQ(a0, 0x12345fff)
        li a0, 0x7ffff800
        CHECK_EQ(a0, 0x7ffff800)
        /* Every register can hold a value (x1..x29; t5/t6 are the harness').
         * sp is saved in memory meanwhile. */
        la t5, saved_sp
        sd sp, 0(t5)
        li x1, 1; li x2, 2; li x3, 3; li x4, 4; li x5, 5; li x6, 6; li x7, 7
        li x8, 8; li x9, 9; li x10, 10; li x11, 11; li x12, 12; li x13, 13
        li x14, 14; li x15, 15; li x16, 16; li x17, 17; li x18, 18; li x19, 19
        li x20, 20; li x21, 21; li x22, 22; li x23, 23; li x24, 24; li x25, 25
        li x26, 26; li x27, 27; li x28, 28; li x29, 29
        add x29, x29, x1; add x29, x29, x3; add x29, x29, x4; add x29, x29, x5
        add x29, x29, x6; add x29, x29, x7; add x29, x29, x8; add x29, x29, x9
        add x29, x29, x10; add x29, x29, x11; add x29, x29, x12; add x29, x29, x13
        add x29, x29, x14; add x29, x29, x15; add x29, x29, x16; add x29, x29, x17
        add x29, x29, x18; add x29, x29, x19; add x29, x29, x20; add x29, x29, x21
        add x29, x29, x22; add x29, x29, x23; add x29, x29, x24; add x29, x29, x25
        add x29, x29, x26; add x29, x29, x27; add x29, x29, x28
        CHECK_EQ(x29, 433)
        CHECK_EQ(x2, 2)
        la t5, saved_sp
        ld sp, 0(t5)
TEST_END
        .data
        .balign 8
saved_sp: .dword 0
