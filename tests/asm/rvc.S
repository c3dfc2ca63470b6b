/* The C extension: every RV64C instruction, written with its c. mnemonic
 * so that the assembler must emit the 16-bit form: stack-pointer-relative
 * loads and stores (integer and double), register-based ones (x8-x15 and
 * f8-f15 only), immediates with their sign extension and scaling, the
 * compressed ALU operations including the W forms, and control transfers,
 * where links are pc + 2. c.ebreak kills the process: see c_ebreak.S. */
#include "check.h"
#include "fpconst.h"
TEST_BEGIN
        la t0, saved_sp
        sd sp, 0(t0)
        la sp, stack_top                  /* a stack with known contents */

        /* Stack-pointer-based. */
        li a0, 0x1122334455667788
        c.sdsp a0, 8(sp)
        c.ldsp a1, 8(sp)
        CHECK_EQ(a1, 0x1122334455667788)
        li a0, 0x80000001
        c.swsp a0, 20(sp)
        c.lwsp a1, 20(sp)
        CHECK_EQ(a1, 0xffffffff80000001)  /* c.lwsp sign-extends */
        c.ldsp a1, 504(sp)                /* largest offset: 8 * 63 */
        CHECK_EQ(a1, 0x0badc0ffee0ddf00d)
        c.lwsp a1, 252(sp)                /* 4 * 63 */
        CHECK_EQ(a1, 0x600dbeef)
        LI_D(fa0, D_THREE)
        c.fsdsp fa0, 32(sp)
        c.fldsp fs0, 32(sp)
        CHECK_D(fs0, D_THREE)
        c.addi4spn a2, sp, 16
        addi a3, sp, 16
        CHECK_EQ_REG(a2, a3)
        c.addi4spn a2, sp, 1020
        addi a3, sp, 1020
        CHECK_EQ_REG(a2, a3)
        mv s1, sp
        c.addi16sp sp, -512
        addi s1, s1, -512
        CHECK_EQ_REG(sp, s1)
        c.addi16sp sp, 496
        c.addi16sp sp, 16
        addi s1, s1, 512
        CHECK_EQ_REG(sp, s1)

        /* Register-based loads and stores (rs1' and rd' in x8-x15). */
        la s0, buf
        li a5, 0x0123456789abcdef
        c.sd a5, 0(s0)
        c.ld a4, 0(s0)
        CHECK_EQ(a4, 0x0123456789abcdef)
        li a5, 0x87654321
        c.sw a5, 12(s0)
        c.lw a4, 12(s0)
        CHECK_EQ(a4, 0xffffffff87654321)
        c.ld a4, 248(s0)                  /* 8 * 31 */
        CHECK_EQ(a4, 0x5555aaaa5555aaaa)
        c.lw a4, 124(s0)                  /* 4 * 31 */
        CHECK_EQ(a4, 0x12121212)
        LI_D(fa5, D_ONEHALF)
        c.fsd fa5, 16(s0)
        c.fld fa4, 16(s0)
        CHECK_D(fa4, D_ONEHALF)
        ld a4, 16(s0)
        CHECK_EQ(a4, D_ONEHALF)

        /* Immediates. */
        c.li a0, -32
        CHECK_EQ(a0, -32)
        c.li a0, 31
        CHECK_EQ(a0, 31)
        c.lui a0, 1
        CHECK_EQ(a0, 0x1000)
        c.lui a0, 0x1f
        CHECK_EQ(a0, 0x1f000)
        c.lui a0, 0xfffff                 /* 6-bit immediate -1: sign-extended */
        CHECK_EQ(a0, 0xfffffffffffff000)
        c.lui a0, 0xfffe0
        CHECK_EQ(a0, 0xfffffffffffe0000)
        li a0, 10
        c.addi a0, -11
        CHECK_EQ(a0, -1)
        c.addi a0, 31
        CHECK_EQ(a0, 30)
        li a0, 0x7fffffff
        c.addiw a0, 1
        CHECK_EQ(a0, 0xffffffff80000000)
        li a0, 0x1ffffffff
        c.addiw a0, 0                     /* sext.w */
        CHECK_EQ(a0, -1)
        c.nop
        /* Shifts and andi on x8-x15 (c.slli on any register). */
        li a1, 0x8000000000000000
        c.srli a1, 63
        CHECK_EQ(a1, 1)
        li a1, 0x8000000000000000
        c.srai a1, 32
        CHECK_EQ(a1, 0xffffffff80000000)
        li a1, 0x8000000000000000
        c.srai a1, 1
        CHECK_EQ(a1, 0xc000000000000000)
        li a1, 0xffff
        c.andi a1, -16
        CHECK_EQ(a1, 0xfff0)
        li a1, -1
        c.andi a1, 31
        CHECK_EQ(a1, 31)
        li t2, 1
        c.slli t2, 63
        CHECK_EQ(t2, 0x8000000000000000)
        li t2, 3
        c.slli t2, 1
        CHECK_EQ(t2, 6)
        /* Register-register ALU. */
        li a2, 100
        li a3, 58
        c.sub a2, a3
        CHECK_EQ(a2, 42)
        li a2, 0xff00
        c.xor a2, a3                      /* 58 = 0x3a */
        CHECK_EQ(a2, 0xff3a)
        c.or a2, a3
        CHECK_EQ(a2, 0xff3a)
        li a2, 0xf0
        c.and a2, a3
        CHECK_EQ(a2, 0x30)
        li a2, 0x7fffffff
        li a3, 1
        c.addw a2, a3
        CHECK_EQ(a2, 0xffffffff80000000)
        li a2, 0x80000000
        c.subw a2, a3
        CHECK_EQ(a2, 0x7fffffff)
        li a2, 0x100000000
        li a3, 0
        c.subw a2, a3                     /* upper half dropped */
        CHECK_EQ(a2, 0)
        li t3, 5
        li t4, 0x1000000000
        c.add t3, t4
        CHECK_EQ(t3, 0x1000000005)
        c.mv t3, t4
        CHECK_EQ(t3, 0x1000000000)

        /* Control transfers. */
        li a0, 0
        c.beqz a0, 1f
        li a0, 1
1:      CHECK_EQ(a0, 0)
        li a0, 5
        c.beqz a0, 2f
        li a0, 6
2:      CHECK_EQ(a0, 6)
        c.bnez a0, 3f
        li a0, 7
3:      CHECK_EQ(a0, 6)
        li a1, 0
        c.bnez a1, 4f
        li a1, 8
4:      CHECK_EQ(a1, 8)
        c.j 5f
        li a1, 9
5:      CHECK_EQ(a1, 8)
        la a0, 6f
        c.jr a0
        li a1, 10
6:      CHECK_EQ(a1, 8)
        la a0, compressed_fn
        c.jalr a0                          /* ra = pc + 2 */
after_jalr:
        la a2, after_jalr
        CHECK_EQ_REG(ra, a2)
        CHECK_EQ(a1, 0x77)
        /* A loop made of compressed instructions. */
        c.li a0, 0
        c.li a1, 10
7:      c.addi a0, 3
        c.addi a1, -1
        c.bnez a1, 7b
        CHECK_EQ(a0, 30)

        la t0, saved_sp
        ld sp, 0(t0)
TEST_END

compressed_fn:
        c.li a1, 0x17
        c.addi a1, 0x10
        c.addi a1, 0x10
        c.addi a1, 0x10
        c.addi a1, 0x10
        c.addi a1, 0x10
        c.addi a1, 0x10
        c.jr ra

        .data
        .balign 8
saved_sp: .dword 0
buf:    .space 124
        .word 0x12121212
        .space 120
        .dword 0x5555aaaa5555aaaa
        .balign 16
stack_bottom:
        .space 1024
stack_top:
        .space 252
        .word 0x600dbeef
        .space 248
        .dword 0xbadc0ffee0ddf00d
        .space 1024
