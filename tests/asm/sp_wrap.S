/* sp lowered below 0 by addi: translated code checks such a decrement by
 * the carry of the x86 add alone (jit/translate.c, check_bounded), and
 * must leave for the interpreter exactly when sp wraps. Here sp first
 * wraps by a little and comes back, then walks 2 MB below 0, 2 KB at a
 * time, further than the guard under the address space reaches; the store
 * through it must raise SIGSEGV at that address (status 128 + 11,
 * sp_wrap.status), never reach whatever lies below the space. */
#include "check.h"
TEST_BEGIN
        mv s2, sp
        li s3, 0
        li s4, 50
1:      li sp, 16
        addi sp, sp, -32        /* -16 */
        add s3, s3, sp
        addi sp, sp, 48         /* 32 */
        add s3, s3, sp
        mv sp, s2
        addi sp, sp, -16        /* an ordinary frame */
        sd s4, 8(sp)
        ld t0, 8(sp)
        addi sp, sp, 16
        add s3, s3, t0
        addi s4, s4, -1
        bnez s4, 1b
        /* 50 * (-16 + 32) + (50 + 49 + ... + 1) */
        CHECK_EQ(s3, 2075)
        CHECK_PROGRESS
        li sp, 16
        li s4, 1024
2:      addi sp, sp, -2048
        addi s4, s4, -1
        bnez s4, 2b
        sd zero, 0(sp)          /* at 16 - 2^21 */
        mv sp, s2
        CHECK_EQ(zero, 1)       /* not reached */
TEST_END
