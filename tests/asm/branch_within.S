/* Forward branches that land further on in their own translated unit
 * (jit/translate.c, tr_branch_within): an if-then whose then-part runs on
 * every other round, so that hart's superblock keeps both ways (the
 * branch skips the then-part and lands on the code after it). Where the
 * two ways meet, nothing the then-part learned may be assumed: a base
 * register it bounds-checked (the load there checks a1 again; tests/jit
 * reads that in the translation of this loop), FP values it left in
 * registers; flags the then-part left, which describe no register there.
 * Instruction counts across such branches: instret.S. */
#include "check.h"
TEST_BEGIN
        la s2, bw_vals
        li t0, 0                        /* the round */
        li t3, 200
        li s3, 0                        /* sum of the then-part's loads */
        li s4, 0                        /* sum of the loads after it */
        fcvt.d.l fs0, zero              /* rounds that ran the then-part */
        li t4, 1
        fcvt.d.l fs1, t4
1:      andi t1, t0, 3
        slli t1, t1, 3
        add a1, s2, t1                  /* &bw_vals[round % 4] */
        andi t2, t0, 1
        bnez t2, 2f                     /* odd rounds skip the then-part */
        ld a2, 0(a1)                    /* the then-part checks a1 */
        add s3, s3, a2
        fadd.d fs0, fs0, fs1
2:      ld a3, 8(a1)                    /* the ways meet */
        add s4, s4, a3
        fadd.d fs2, fs0, fs1            /* fs0 as either way left it */
        addi t0, t0, 1
        bne t0, t3, 1b
        CHECK_EQ(t0, 200)
        /* even rounds read bw_vals[0] or [2], 50 times each */
        CHECK_EQ(s3, 50 * 1 + 50 * 3)
        /* every round reads bw_vals[round % 4 + 1] */
        CHECK_EQ(s4, 50 * (2 + 3 + 4 + 5))
        fcvt.l.d a4, fs0
        CHECK_EQ(a4, 100)
        fcvt.l.d a4, fs2
        CHECK_EQ(a4, 101)

        /* A branch on x0 right where the ways meet, just after the
         * then-part's or: the flags are the or's (not zero), which say
         * nothing about x0, so beq zero, zero must still be taken (fuzz
         * seed 1695929337382696: the translation fell through). */
        li t0, 0
        li s5, 0                        /* counts what must not run */
        li s6, 0
3:      andi t2, t0, 1
        bnez t2, 4f                     /* odd rounds skip the or */
        ori s6, t0, 1                   /* never zero: ZF clear */
4:      beq zero, zero, 5f              /* always taken */
        addi s5, s5, 1
5:      addi t0, t0, 1
        bne t0, t3, 3b
        CHECK_EQ(s5, 0)
        CHECK_EQ(s6, 199)
TEST_END
        .data
        .balign 8
bw_vals:
        .dword 1, 2, 3, 4, 5
