/* RV64I loads and stores of every width: sign and zero extension,
 * little-endian byte order, positive and negative offsets, misaligned
 * addresses (allowed for ordinary accesses in Linux user space), accesses
 * across a page boundary, and a load into x0. */
#include "check.h"
TEST_BEGIN
        la s0, data
        ld a0, 0(s0)
        CHECK_EQ(a0, 0x8877665544332211)
        lw a0, 0(s0)
        CHECK_EQ(a0, 0x44332211)
        lw a0, 4(s0)
        CHECK_EQ(a0, 0xffffffff88776655)
        lwu a0, 4(s0)
        CHECK_EQ(a0, 0x88776655)
        lh a0, 6(s0)
        CHECK_EQ(a0, 0xffffffffffff8877)
        lhu a0, 6(s0)
        CHECK_EQ(a0, 0x8877)
        lh a0, 0(s0)
        CHECK_EQ(a0, 0x2211)
        lb a0, 7(s0)
        CHECK_EQ(a0, 0xffffffffffffff88)
        lbu a0, 7(s0)
        CHECK_EQ(a0, 0x88)
        lb a0, 3(s0)
        CHECK_EQ(a0, 0x44)
        /* Negative offsets. */
        addi s1, s0, 16
        ld a0, -16(s1)
        CHECK_EQ(a0, 0x8877665544332211)
        lbu a0, -9(s1)
        CHECK_EQ(a0, 0x88)
        /* Large offsets (±2 KiB). */
        la s1, big
        addi s1, s1, 2047
        ld a0, -2047(s1)
        CHECK_EQ(a0, 0x0102030405060708)
        la s1, big
        ld a0, 2040(s1)
        CHECK_EQ(a0, 0xa1a2a3a4a5a6a7a8)
        addi s1, s1, 2047
        addi s1, s1, 1
        ld a0, -2048(s1)
        CHECK_EQ(a0, 0x0102030405060708)
        ld a0, -8(s1)
        CHECK_EQ(a0, 0xa1a2a3a4a5a6a7a8)

        /* Stores write only their width. */
        la s1, scratch
        li a0, -1
        sd a0, 0(s1)
        sd a0, 8(s1)
        li a1, 0x0123456789abcdef
        sb a1, 0(s1)
        ld a0, 0(s1)
        CHECK_EQ(a0, 0xffffffffffffffef)
        sh a1, 2(s1)
        ld a0, 0(s1)
        CHECK_EQ(a0, 0xffffffffcdefffef)
        sw a1, 4(s1)
        ld a0, 0(s1)
        CHECK_EQ(a0, 0x89abcdefcdefffef)
        sd a1, 8(s1)
        ld a0, 8(s1)
        CHECK_EQ(a0, 0x0123456789abcdef)
        lbu a0, 8(s1)
        CHECK_EQ(a0, 0xef)
        lbu a0, 15(s1)
        CHECK_EQ(a0, 0x01)
        /* Store from x0. */
        sd zero, 0(s1)
        ld a0, 0(s1)
        CHECK_EQ(a0, 0)
        sw zero, 8(s1)
        ld a0, 8(s1)
        CHECK_EQ(a0, 0x0123456700000000)

        /* Misaligned loads and stores at every offset in a word. */
        la s1, data
        ld a0, 1(s1)
        CHECK_EQ(a0, 0x0188776655443322)
        ld a0, 3(s1)
        CHECK_EQ(a0, 0x0302018877665544)
        ld a0, 7(s1)
        CHECK_EQ(a0, 0x0706050403020188)
        lw a0, 1(s1)
        CHECK_EQ(a0, 0x55443322)
        lw a0, 5(s1)
        CHECK_EQ(a0, 0x01887766)
        lwu a0, 6(s1)
        CHECK_EQ(a0, 0x02018877)
        lw a0, 6(s1)
        CHECK_EQ(a0, 0x02018877)
        lw a0, 3(s1)
        CHECK_EQ(a0, 0x77665544)
        lh a0, 7(s1)
        CHECK_EQ(a0, 0x0188)
        lh a0, 5(s1)
        CHECK_EQ(a0, 0x7766)
        lhu a0, 3(s1)
        CHECK_EQ(a0, 0x5544)
        la s1, scratch
        li a1, 0x1122334455667788
        sd a1, 3(s1)
        ld a0, 3(s1)
        CHECK_EQ(a0, 0x1122334455667788)
        lbu a0, 3(s1)
        CHECK_EQ(a0, 0x88)
        sw a1, 9(s1)
        lwu a0, 9(s1)
        CHECK_EQ(a0, 0x55667788)
        sh a1, 13(s1)
        lhu a0, 13(s1)
        CHECK_EQ(a0, 0x7788)
        ld a0, 8(s1)
        CHECK_EQ(a0, 0x0177885566778833)
        /* Misaligned loads that sign-extend. */
        li a1, 0x80000001
        sw a1, 17(s1)
        lw a0, 17(s1)
        CHECK_EQ(a0, 0xffffffff80000001)
        lh a0, 19(s1)
        CHECK_EQ(a0, 0xffffffffffff8000)

        /* Across a page boundary: the 8 bytes straddle two pages. */
        la s1, page_end
        li a1, 0xcafef00dd00dfeed
        sd a1, -3(s1)
        ld a0, -3(s1)
        CHECK_EQ(a0, 0xcafef00dd00dfeed)
        lwu a0, -2(s1)
        CHECK_EQ(a0, 0x0dd00dfe)
        lbu a0, 0(s1)
        CHECK_EQ(a0, 0xd0)
        lbu a0, -1(s1)
        CHECK_EQ(a0, 0x0d)

        /* A load into x0 still happens but writes nothing. */
        la s1, data
        lw zero, 0(s1)
        CHECK_EQ(zero, 0)
        /* Load with destination equal to the base register. */
        la s1, data
        ld s1, 0(s1)
        CHECK_EQ(s1, 0x8877665544332211)
TEST_END

        .data
        .balign 8
data:   .byte 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88
        .byte 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08
big:    .dword 0x0102030405060708
        .space 2032
        .dword 0xa1a2a3a4a5a6a7a8
        .bss
        .balign 8
scratch: .space 32
        .balign 4096
        .space 4096
page_end: .space 64
