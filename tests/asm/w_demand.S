/* W results whose sign extension translated code may skip (jit/demand.c):
 * only where every reader up to the next overwrite uses their low 32 bits.
 * Each case makes a W result whose sign-extended and zero-extended forms
 * differ, then reads it, directly or through arithmetic, by something that
 * needs all 64 bits (a right shift, a compare, a 64-bit store, a multiply
 * high), so a wrongly skipped extension changes the value checked. Every
 * intermediate register is overwritten (CLEAR) before the check, whose
 * branch would otherwise demand its full value and so keep the extension
 * whatever the readers between. The
 * last cases pass W results through arithmetic whose upper half may then
 * be stale, into W instructions that must still get the low half right.
 * s2-s11 and t3-t5 live in memory in translated code, a0-a5 in host
 * registers. */
#include "check.h"

#define CLEAR(r) li r, 0

TEST_BEGIN
        li a0, 0x40000000
        /* addw, then a logical right shift of the whole register */
        addw a1, a0, a0
        srli a2, a1, 32
        CLEAR(a1)
        CHECK_EQ(a2, 0xffffffff)
        /* through or and xor, then an arithmetic shift */
        addw a1, a0, a0
        or a2, a1, a0
        xor a3, a2, a0
        srai a4, a3, 63
        CLEAR(a1)
        CLEAR(a2)
        CLEAR(a3)
        CHECK_EQ(a4, -1)
        /* add, then a signed compare */
        addw a1, a0, a0
        add a2, a1, zero
        slti a3, a2, 0
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 1)
        /* sub, then an unsigned compare with a register */
        li a5, 0x100000000
        subw a1, zero, a0                 /* -0x40000000 */
        sub a2, a1, zero
        sltu a3, a5, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 1)
        /* slliw then sll: the shifted word's sign reaches bit 63 */
        li a4, 1
        slliw a1, a0, 1
        sll a2, a1, a4
        CLEAR(a1)
        CHECK_EQ(a2, 0xffffffff00000000)
        /* addiw from a register in a host register, into another */
        li a0, 0x7fffffff
        addiw a1, a0, 1
        srli a2, a1, 32
        CLEAR(a1)
        CHECK_EQ(a2, 0xffffffff)
        /* mulw, then the high half of a product */
        li a0, 0x10000
        mulw a1, a0, a0                   /* 2^32 wraps to 0 */
        li a0, 0x8000
        mulw a1, a0, a0                   /* 2^30 */
        slliw a1, a1, 1                   /* 2^31: negative */
        li a3, 2
        mulh a2, a1, a3
        CLEAR(a1)
        CHECK_EQ(a2, -1)
        /* a 64-bit store of a W result, read back */
        li a0, 0x40000000
        addw a1, a0, a0
        sd a1, -8(sp)
        ld a2, -8(sp)
        CLEAR(a1)
        CHECK_EQ(a2, 0xffffffff80000000)
        /* sllw, srlw and sraw by a register, shift count from a W result */
        li a0, 0x40000000
        li a5, 0x100000021                /* count 1 as a word */
        addiw a4, a5, -32
        sllw a1, a0, a4
        srli a2, a1, 32
        CLEAR(a1)
        CHECK_EQ(a2, 0xffffffff)
        li a0, 0x100000000
        srlw a1, a0, a4                   /* 0 */
        addi a2, a1, 1
        CLEAR(a1)
        CHECK_EQ(a2, 1)
        li a0, -2
        sraw a1, a0, a4
        srli a2, a1, 32
        CLEAR(a1)
        CHECK_EQ(a2, 0xffffffff)
        /* srliw and slliw by 0 copy the word: sext.w */
        li a0, 0x180000000
        srliw a1, a0, 0
        srai a2, a1, 32
        CLEAR(a1)
        CHECK_EQ(a2, -1)
        slliw a1, a0, 0
        srli a2, a1, 63
        CLEAR(a1)
        CHECK_EQ(a2, 1)
        /* sext.w in place, then a full-width reader */
        li a0, 0x180000000
        addiw a0, a0, 0
        srai a2, a0, 32
        CLEAR(a0)
        CHECK_EQ(a2, -1)
        /* the same in registers that live in memory */
        li s3, 0x40000000
        addw s4, s3, s3
        srli s5, s4, 32
        CLEAR(s4)
        CHECK_EQ(s5, 0xffffffff)
        slliw s4, s3, 1
        or s6, s4, s3
        srai s7, s6, 32
        CLEAR(s4)
        CLEAR(s6)
        CHECK_EQ(s7, -1)
        addiw s8, s3, 0x7ff
        addiw s8, s8, 0x7ff
        slliw s8, s8, 1                   /* 0x80000ffc */
        sltu s9, s8, s3
        CLEAR(s8)
        CHECK_EQ(s9, 0)
        /* W results through 64-bit arithmetic into W instructions, whose
         * low 32 bits must come out right whatever the upper half holds */
        li a0, 0x7fffffff
        li s3, 0x12345678
        addw a1, a0, a0                   /* 0xfffffffe */
        add a2, a1, s3
        xor a3, a2, a0
        slli a4, a3, 3
        mul a5, a4, s3
        sub s4, a5, a1
        and s5, s4, a3
        addw s6, s5, s4
        CLEAR(a1)
        CLEAR(a2)
        CLEAR(a3)
        CLEAR(a4)
        CLEAR(a5)
        CLEAR(s4)
        CLEAR(s5)
        CHECK_EQ(s6, 0xffffffffc3c79342)
        slliw t3, a0, 4                   /* 0xfffffff0 */
        srliw t4, a0, 4                   /* 0x07ffffff */
        or t5, t3, t4
        ori t5, t5, 0x123
        sraiw t5, t5, 4
        CLEAR(t3)
        CLEAR(t4)
        CHECK_EQ(t5, -1)
        li a0, 0x7fffffff
        addw a1, a0, a0
        sh1add a2, a1, a0
        add.uw a3, a2, a1
        sh3add.uw a4, a2, a3
        addw a5, a4, zero
        CLEAR(a1)
        CLEAR(a2)
        CLEAR(a3)
        CLEAR(a4)
        CHECK_EQ(a5, 0x7fffffd1)
        /* Readers of only the low half, whatever their result's use: a
         * left shift by 32 or more, an and with a positive immediate,
         * sext.b, sext.h, zext.h. Each gets an unextended W result, and
         * each neighbour that reads one more bit (a shift by 31, an and
         * with a negative immediate) must still see it extended. */
        li a0, 0x40000000
        addw a1, a0, a0
        slli a2, a1, 32
        srai a3, a2, 32
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0xffffffff80000000)
        addw a1, a0, a0
        slli a2, a1, 31
        CLEAR(a1)
        CHECK_EQ(a2, 0xc000000000000000)
        addw a1, a0, a0
        andi a2, a1, 0x7f0
        addi a3, a2, -1
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, -1)
        addw a1, a0, a0
        andi a2, a1, -16
        srli a3, a2, 60
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0xf)
        li a0, 0x7fff80c0
        addw a1, a0, a0                   /* 0xffffffffffff0180 */
        sext.b a2, a1
        sext.h a3, a1
        zext.h a4, a1
        CLEAR(a1)
        CHECK_EQ(a2, -128)
        CHECK_EQ(a3, 0x180)
        CHECK_EQ(a4, 0x180)
TEST_END
