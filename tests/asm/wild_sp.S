/* sp, gp and tp may hold any value: only an access through one outside the
 * address space faults. hart's translated code skips the bounds check of
 * accesses based on these three (they stay inside the guest space while
 * translated code runs, jit/translate.h), so here a hot loop moves each of
 * them out of the space and back, computes with the wild values, and uses
 * the stack again once sp is back; then a load through a gp that has left
 * the space on the third round must raise SIGSEGV (status 128 + 11,
 * wild_sp.status), in translated code as in the interpreter. */
#include "check.h"
TEST_BEGIN
        mv s2, sp
        mv s3, gp
        mv s4, tp
        li s5, 0x4000000000     /* 2^38: just past Sv39 user space */
        li s6, 0
        li s7, 50
1:      mv sp, s5
        addi sp, sp, 8
        add s6, s6, sp
        mv gp, s5
        addi gp, gp, -8
        add s6, s6, gp
        mv tp, s5
        add s6, s6, tp
        mv tp, s4
        mv sp, s2
        sd s7, -8(sp)
        ld t0, -8(sp)
        add s6, s6, t0
        addi s7, s7, -1
        bnez s7, 1b
        mv gp, s3
        /* 50 * (3 * 2^38) + (50 + 49 + ... + 1) */
        CHECK_EQ(s6, 0x2580000004fb)
        /* sp far out (a negative number) across a call-free stretch */
        li sp, -4096
        addi sp, sp, 16
        mv s6, sp
        mv sp, s2
        CHECK_EQ(s6, -4080)
        CHECK_PROGRESS
        /* The third round loads through gp = -2^21, past the guard below hart's reservation. */
        la s8, data
        li s7, 3
2:      addi s7, s7, -1
        mv gp, s8
        bnez s7, 3f
        li gp, -0x200000
3:      ld a0, 0(gp)
        bnez s7, 2b
        mv gp, s3
        CHECK_EQ(zero, 1)       /* not reached */
TEST_END

        .data
        .balign 8
data:   .dword 42
