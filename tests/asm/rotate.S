/* Rotates written as two shifts and an or (jit/rotate.c): translated code
 * computes the or as one rotate and leaves the shifts out where nothing
 * else reads or can see their results. Each case clears the shift results
 * (CLEAR) before its checks, whose branches would otherwise see them and so
 * keep the shifts; the cases after the first few are the near misses that
 * must stay three instructions: a shift result read again or seen by a
 * check, the source changed between the shifts, amounts that do not add
 * up, a 32-bit and a 64-bit shift mixed. s2-s11 and t3-t4 live in memory in
 * translated code, a0-a5 in host registers. */
#include "check.h"

#define CLEAR(r) li r, 0

TEST_BEGIN
        li a0, 0x1234567881c00003
        /* rotl32 by 8: the result has bit 31 set, so it is sign-extended */
        slliw a1, a0, 8
        srliw a2, a0, 24
        or a3, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0xffffffffc0000381)
        /* right shift first, operands swapped, a 64-bit reader */
        srliw a2, a0, 24
        slliw a1, a0, 8
        or a3, a2, a1
        srli a4, a3, 32
        CLEAR(a1)
        CLEAR(a2)
        CLEAR(a3)
        CHECK_EQ(a4, 0xffffffff)
        /* the later shift overwrites the source; the or writes it back */
        mv a5, a0
        srliw a2, a5, 7
        slliw a5, a5, 25
        or a5, a5, a2
        CLEAR(a2)
        CHECK_EQ(a5, 0x7038000)
        /* 64 bits, with xor; things between the shifts and the or */
        li a0, 0x8123456789abcdef
        slli a1, a0, 13
        addi a4, a0, 1
        srli a2, a0, 51
        xor a3, a2, a1
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0x68acf13579bdf024)
        CHECK_EQ(a4, 0x8123456789abcdf0)
        /* in memory: source, shift results and result in struct hart */
        li s2, 0x1234567881c00003
        slliw s3, s2, 8
        srliw s4, s2, 24
        add s5, s4, s3
        CLEAR(s3)
        CLEAR(s4)
        CHECK_EQ(s5, 0xffffffffc0000381)
        /* a W reader of the result only */
        slliw s3, s2, 8
        srliw s4, s2, 24
        or s6, s3, s4
        addiw s7, s6, 5
        CLEAR(s3)
        CLEAR(s4)
        CLEAR(s6)
        CHECK_EQ(s7, 0xffffffffc0000386)

        /* near misses */
        li a0, 0x1234567881c00003
        /* a shift result read again after the or */
        slliw a1, a0, 8
        srliw a2, a0, 24
        or a3, a1, a2
        add a4, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0xffffffffc0000381)
        CHECK_EQ(a4, 0xffffffffc0000381)
        /* shift results a check sees */
        slliw a1, a0, 8
        srliw a2, a0, 24
        or a3, a1, a2
        CHECK_EQ(a1, 0xffffffffc0000300)
        CHECK_EQ(a2, 0x81)
        CHECK_EQ(a3, 0xffffffffc0000381)
        /* the source changes between the shifts */
        mv a5, a0
        slliw a1, a5, 8
        not a5, a5
        srliw a2, a5, 24
        or a3, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0xffffffffc000037e)
        /* the first shift overwrites the source */
        mv a5, a0
        slliw a5, a5, 8
        srliw a2, a5, 24
        or a3, a5, a2
        CLEAR(a2)
        CLEAR(a5)
        CHECK_EQ(a3, 0xffffffffc00003c0)
        /* the first shift overwrites the source, which the or writes */
        mv a5, a0
        slliw a5, a5, 8
        srliw a2, a5, 24
        or a5, a5, a2
        CLEAR(a2)
        CHECK_EQ(a5, 0xffffffffc00003c0)
        /* amounts that add up to 31 */
        slliw s3, a0, 8
        srliw s4, a0, 23
        or s5, s3, s4
        CLEAR(s3)
        CLEAR(s4)
        CHECK_EQ(s5, 0xffffffffc0000303)
        /* a 32-bit left shift with a 64-bit right one */
        slliw a1, a0, 8
        srli a2, a0, 56
        or a3, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0xffffffffc0000312)
        /* a shift result live across a load: kept for a fault to see */
        la a4, rotate_data
        slliw a1, a0, 8
        srliw a2, a0, 24
        ld a5, 0(a4)
        or a3, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0xffffffffc0000381)
        CHECK_EQ(a5, 42)
TEST_END

        .data
        .balign 8
rotate_data:
        .dword 42
