/* Values read byte by byte and assembled with shifts and ors
 * (jit/byteload.c): translated code reads them with one load (and a byte
 * swap for big-endian ones) where nothing else could tell, which most
 * cases give it by clearing every byte register (CLEAR) before the checks,
 * whose branches would see them; three cases leave the partial values
 * live, which translated code then makes from the load's value (one of
 * them sign-extended, as slliw leaves it). The near misses
 * after must stay as written: gaps in the offsets, the base changed
 * between the byte loads, a byte register read again, the destination
 * read or written or a store between the loads. Data bytes with the top
 * bit set check that bytes are zero-extended. s2-s11 and t3-t4 live in
 * memory in translated code. */
#include "check.h"

#define CLEAR(r) li r, 0
/* a5 |= bytes 5, 6, 7, 0, 1, 2 of bl_data, each at its little-endian
 * place (through a1 and a2) */
#define OR_BYTES_5_TO_2                                     \
        lbu a1, 5(a0); lbu a2, 6(a0);                       \
        slli a1, a1, 40; slli a2, a2, 48;                   \
        or a5, a5, a1; or a5, a5, a2;                       \
        lbu a1, 7(a0); lbu a2, 0(a0);                       \
        slli a1, a1, 56; or a5, a5, a1; or a5, a5, a2;      \
        lbu a1, 1(a0); lbu a2, 2(a0);                       \
        slli a1, a1, 8; slli a2, a2, 16;                    \
        or a5, a5, a1; or a5, a5, a2

TEST_BEGIN
        la a0, bl_data
        /* a doubleword at offset 1, in gcc's order, into the base */
        mv a5, a0
        lbu t4, 2(a5)
        lbu t0, 1(a5)
        lbu a4, 3(a5)
        lbu t1, 4(a5)
        slli t4, t4, 8
        or t4, t4, t0
        slli a4, a4, 16
        lbu t0, 5(a5)
        or a4, a4, t4
        slli t1, t1, 24
        lbu t4, 6(a5)
        or t1, t1, a4
        slli t0, t0, 32
        lbu a4, 7(a5)
        or t0, t0, t1
        slli t4, t4, 40
        lbu t1, 8(a5)
        or t4, t4, t0
        slli a4, a4, 48
        or a4, a4, t4
        slli t1, t1, 56
        or a5, t1, a4
        CLEAR(t0)
        CLEAR(t1)
        CLEAR(t4)
        CLEAR(a4)
        CHECK_EQ(a5, 0xc9b8a70695e403f2)
        /* a word, in memory-resident registers, with arithmetic between */
        lbu s2, 3(a0)
        lbu s3, 4(a0)
        addi a2, a0, 5
        lbu s4, 5(a0)
        slli s3, s3, 8
        lbu s5, 6(a0)
        xori a3, a2, 1
        slli s4, s4, 16
        or s3, s3, s2
        slli s5, s5, 24
        add s4, s4, s3
        or s6, s5, s4
        CLEAR(s2)
        CLEAR(s3)
        CLEAR(s4)
        CLEAR(s5)
        CHECK_EQ(s6, 0xa70695e4)
        sub a3, a3, a0
        CHECK_EQ(a3, 4)
        /* a halfword, with xor */
        lbu a1, 5(a0)
        lbu a2, 6(a0)
        slli a2, a2, 8
        xor a3, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a3, 0xa706)

        /* a word whose partial values stay live: made from the load */
        lbu t4, 2(a0)
        lbu t0, 1(a0)
        lbu a4, 3(a0)
        lbu t1, 4(a0)
        slli t4, t4, 8
        or t4, t4, t0
        slli a4, a4, 16
        or a4, a4, t4
        slli t1, t1, 24
        or a5, t1, a4
        CHECK_EQ(a5, 0x95e403f2)
        CHECK_EQ(t4, 0x3f2)
        CHECK_EQ(a4, 0xe403f2)
        CHECK_EQ(t1, 0x95000000)
        CHECK_EQ(t0, 0xf2)

        /* big-endian: a word, a doubleword and a halfword */
        lbu a1, 0(a0)
        lbu a2, 1(a0)
        lbu a3, 2(a0)
        lbu a4, 3(a0)
        slli a1, a1, 24
        slli a2, a2, 16
        slli a3, a3, 8
        or a1, a1, a2
        or a3, a3, a4
        or a5, a1, a3
        CLEAR(a1)
        CLEAR(a2)
        CLEAR(a3)
        CLEAR(a4)
        CHECK_EQ(a5, 0x81f203e4)
        lbu a5, 9(a0)
        lbu a1, 8(a0)
        lbu a2, 7(a0)
        slli a1, a1, 8
        slli a2, a2, 16
        or a5, a5, a1
        lbu a3, 6(a0)
        or a5, a5, a2
        lbu a1, 5(a0)
        slli a3, a3, 24
        lbu a2, 4(a0)
        or a5, a5, a3
        slli a1, a1, 32
        lbu a3, 3(a0)
        slli a2, a2, 40
        or a5, a5, a1
        lbu a1, 2(a0)
        slli a3, a3, 48
        or a5, a5, a2
        slli a1, a1, 56
        or a5, a5, a3
        or a5, a5, a1
        CLEAR(a1)
        CLEAR(a2)
        CLEAR(a3)
        CHECK_EQ(a5, 0x3e49506a7b8c9da)
        lbu a1, 6(a0)
        lbu a2, 7(a0)
        slli a1, a1, 8
        or a5, a2, a1
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a5, 0xa7b8)
        /* big-endian with partial values live */
        lbu a1, 4(a0)
        lbu a2, 5(a0)
        lbu a3, 6(a0)
        lbu a4, 7(a0)
        slli a1, a1, 24
        slli a2, a2, 16
        slli a3, a3, 8
        or a1, a1, a2
        or a1, a1, a3
        or a5, a1, a4
        CHECK_EQ(a5, 0x9506a7b8)
        CHECK_EQ(a1, 0x9506a700)
        CHECK_EQ(a2, 0x60000)
        CHECK_EQ(a3, 0xa700)
        CHECK_EQ(a4, 0xb8)

        /* big-endian through slliw (uint32_t in C): sign-extended */
        lbu a1, 0(a0)
        lbu a2, 1(a0)
        lbu a4, 3(a0)
        lbu a3, 2(a0)
        slliw a1, a1, 24
        slliw a2, a2, 16
        or a1, a1, a2
        slliw a3, a3, 8
        or a1, a1, a3
        or a5, a1, a4
        CLEAR(a2)
        CLEAR(a3)
        CLEAR(a4)
        CHECK_EQ(a5, 0xffffffff81f203e4)
        CHECK_EQ(a1, 0xffffffff81f20300)

        /* a halfword into x0: nothing to see, but no harm either */
        lbu a1, 0(a0)
        lbu a2, 1(a0)
        slli a2, a2, 8
        or zero, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(zero, 0)

        /* near misses */
        /* slliw's sign extension ruins the upper bytes of a doubleword */
        lbu a1, 3(a0)
        lbu a2, 4(a0)
        slliw a1, a1, 24
        slli a2, a2, 32
        or a5, a1, a2
        OR_BYTES_5_TO_2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a5, 0xffffffffe403f281)
        /* and so it does shifted further */
        lbu a5, 4(a0)
        slliw a5, a5, 24
        slli a5, a5, 8
        OR_BYTES_5_TO_2
        lbu a1, 3(a0)
        slli a1, a1, 24
        or a5, a5, a1
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a5, 0xffffff95e403f281)
        /* a partial value live with a byte missing in its middle */
        lbu a1, 0(a0)
        lbu a2, 2(a0)
        lbu a3, 1(a0)
        lbu a4, 3(a0)
        slli a2, a2, 16
        or a1, a1, a2
        slli a3, a3, 8
        or a3, a3, a1
        slli a4, a4, 24
        or a5, a4, a3
        CLEAR(a2)
        CLEAR(a3)
        CLEAR(a4)
        CHECK_EQ(a5, 0xe403f281)
        CHECK_EQ(a1, 0x030081)
        /* big-endian with a gap: offsets 0, 1, 3, 4 */
        lbu a1, 0(a0)
        lbu a2, 1(a0)
        lbu a3, 3(a0)
        lbu a4, 4(a0)
        slli a1, a1, 24
        slli a2, a2, 16
        slli a3, a3, 8
        or a1, a1, a2
        or a3, a3, a4
        or a5, a1, a3
        CLEAR(a1)
        CLEAR(a2)
        CLEAR(a3)
        CLEAR(a4)
        CHECK_EQ(a5, 0x81f2e495)
        /* a gap: offsets 0, 1, 3, 4 */
        lbu a1, 0(a0)
        lbu a2, 1(a0)
        lbu a3, 3(a0)
        lbu a4, 4(a0)
        slli a2, a2, 8
        slli a3, a3, 16
        slli a4, a4, 24
        or a1, a1, a2
        or a3, a3, a4
        or a5, a1, a3
        CLEAR(a1)
        CLEAR(a2)
        CLEAR(a3)
        CLEAR(a4)
        CHECK_EQ(a5, 0x95e4f281)
        /* the base moves between the byte loads */
        mv a4, a0
        lbu a1, 1(a4)
        addi a4, a4, 3
        lbu a2, 2(a4)
        slli a2, a2, 8
        or a5, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a5, 0x6f2)
        /* a byte register read again after the assembly */
        lbu a1, 1(a0)
        lbu a2, 2(a0)
        slli a2, a2, 8
        or a5, a1, a2
        add a3, a1, a1
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a5, 0x3f2)
        CHECK_EQ(a3, 0x1e4)
        /* the destination read between the byte loads */
        li a5, 7
        lbu a1, 1(a0)
        addi a3, a5, 1
        lbu a2, 2(a0)
        slli a2, a2, 8
        or a5, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a5, 0x3f2)
        CHECK_EQ(a3, 8)
        /* the destination written between the byte loads */
        lbu a1, 1(a0)
        li a5, 9
        lbu a2, 2(a0)
        slli a2, a2, 8
        or a5, a1, a2
        CLEAR(a1)
        CLEAR(a2)
        CHECK_EQ(a5, 0x3f2)
        /* a store between the byte loads, to a byte read after it */
        la a4, bl_copy
        li a3, 0x77
        lbu a5, 0(a4)
        sb a3, 1(a4)
        lbu a2, 1(a4)
        slli a2, a2, 8
        or a5, a5, a2
        CLEAR(a2)
        CHECK_EQ(a5, 0x7711)
        li a3, 0x22
        sb a3, 1(a4)
TEST_END

        .data
bl_data:
        .byte 0x81, 0xf2, 0x03, 0xe4, 0x95, 0x06, 0xa7, 0xb8
        .byte 0xc9, 0xda, 0x0b, 0xfc, 0x1d, 0x2e, 0x3f, 0x40
bl_copy:
        .byte 0x11, 0x22
