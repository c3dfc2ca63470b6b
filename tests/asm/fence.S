/* Fences and instruction-stream coherence: every fence form executes, and
 * code written at run time runs as written after fence.i, also when it
 * replaces code that already ran, and after the riscv_flush_icache system
 * call (259) instead of fence.i. The code buffer comes from mmap. */
#include "check.h"
#define SYS_mmap 222
#define SYS_riscv_flush_icache 259
#define ADDI_A0(imm) (((imm) << 20) | (10 << 7) | 0x13)   /* addi a0, zero, imm */
#define RET 0x00008067
TEST_BEGIN
        fence
        fence rw, rw
        fence r, r
        fence w, w
        fence iorw, iorw
        fence.tso
        fence.i
        .insn i 0x0f, 0, x0, x0, 0x010     /* pause (a fence hint) */

        li a0, 0
        li a1, 4096
        li a2, 7                           /* PROT_READ | PROT_WRITE | PROT_EXEC */
        li a3, 0x22                        /* MAP_PRIVATE | MAP_ANONYMOUS */
        li a4, -1
        li a5, 0
        li a7, SYS_mmap
        ecall
        mv s0, a0
        srli a1, a0, 12
        sltu a1, zero, a1                  /* not an error (page-aligned) */
        CHECK_EQ(a1, 1)

        /* Version 1. */
        li a1, ADDI_A0(1)
        sw a1, 0(s0)
        li a1, RET
        sw a1, 4(s0)
        fence.i
        li a0, 0
        jalr s0
        CHECK_EQ(a0, 1)
        /* Run it a few times so that a translation surely exists. */
        li s1, 10
1:      jalr s0
        addi s1, s1, -1
        bnez s1, 1b
        CHECK_EQ(a0, 1)
        /* Version 2, same address, after fence.i. */
        li a1, ADDI_A0(2)
        sw a1, 0(s0)
        fence.i
        jalr s0
        CHECK_EQ(a0, 2)
        /* Version 3 is longer: the old return becomes an addi. */
        li a1, ADDI_A0(3)
        sw a1, 0(s0)
        li a1, 0x00150513                  /* addi a0, a0, 1 */
        sw a1, 4(s0)
        li a1, RET
        sw a1, 8(s0)
        fence.i
        jalr s0
        CHECK_EQ(a0, 4)
        /* Version 4 through the system call that glibc's
         * __riscv_flush_icache uses. */
        li a1, ADDI_A0(40)
        sw a1, 0(s0)
        mv a0, s0
        addi a1, s0, 12
        li a2, 0
        li a7, SYS_riscv_flush_icache
        ecall
        CHECK_EQ(a0, 0)
        jalr s0
        CHECK_EQ(a0, 41)
        /* A compressed instruction written over the first half of a word. */
        li a1, 0x4515                      /* c.li a0, 5 */
        sh a1, 0(s0)
        li a1, 0x0001                      /* c.nop */
        sh a1, 2(s0)
        fence.i
        jalr s0
        CHECK_EQ(a0, 6)
TEST_END
