/* instret counts exactly the instructions retired before the one that reads
 * it, also when the code between two reads is translated: hart counts a
 * superblock (a block continued through the fall-through side of its
 * conditional branches, jit/superblock.c) segment by segment, so a count
 * off by one at a side exit, or at a read from the middle of a segment,
 * shows here. Linux leaves user-mode instret reads to the hardware (or
 * traps them, by the perf_user_access setting); qemu-riscv64 returns a
 * host tick count instead (instret.qemu), so only hart's run counts. */
#include "check.h"
TEST_BEGIN
        /* A loop whose block falls through a rarely taken exit. */
        rdinstret s2
        li t0, 10
1:      addi t0, t0, -1
        beqz t0, 2f                    /* taken on the tenth round only */
        addi zero, zero, 0
        bnez t0, 1b
2:      rdinstret s3
        sub s3, s3, s2
        /* rdinstret, li, then 9 rounds of 4 and a last one of 2 */
        CHECK_EQ(s3, 1 + 1 + 9 * 4 + 2)

        /* A read in the middle of a segment, after a fall-through. */
        li t0, 5
        li s4, 0
3:      addi t0, t0, -1
        bltz t0, 5f                    /* never taken */
        rdinstret s5
        addi s4, s4, 1
        rdinstret s6
        sub s6, s6, s5
        CHECK_EQ(s6, 2)
        bnez t0, 3b
5:      CHECK_EQ(s4, 5)

        /* Side exits on every round, in both directions. */
        rdinstret s2
        li t0, 6
        li t1, 0
6:      addi t0, t0, -1
        andi t2, t0, 1
        bnez t2, 7f                    /* odd rounds leave here */
        addi t1, t1, 10
7:      addi t1, t1, 1
        bnez t0, 6b
        rdinstret s3
        sub s3, s3, s2
        CHECK_EQ(t1, 36)
        /* rdinstret, li, li, 3 odd rounds of 5, 3 even rounds of 6 */
        CHECK_EQ(s3, 3 + 3 * 5 + 3 * 6)

        /* A forward branch taken on all rounds but the last: once it has
         * run taken, hart's superblock goes on at its target and leaves
         * on the fall-through. */
        rdinstret s2
        li t0, 8
        li t1, 0
8:      addi t0, t0, -1
        bnez t0, 9f                    /* taken but on the last round */
        addi t1, t1, 100
9:      addi t1, t1, 1
        bnez t0, 8b
        rdinstret s3
        sub s3, s3, s2
        CHECK_EQ(t1, 108)
        /* rdinstret, li, li, 7 rounds of 4, a last one of 5 */
        CHECK_EQ(s3, 3 + 7 * 4 + 5)

        /* A loop that goes round from the middle of its unit: the way out
         * has run as often as the branch back when the loop is translated
         * (one round on the first entry), so the superblock goes on past
         * the branch back, which then jumps to the unit's own entry; the
         * unit counts up to it on entry and the rest after it. */
        rdinstret s2
        li t2, 0
        li t1, 0
11:     addi t0, t2, 1                 /* 1, 2, 3, 4, 5 inner rounds */
10:     addi t1, t1, 1
        addi t0, t0, -1
        bnez t0, 10b                   /* the branch back */
        addi t1, t1, 100               /* the way out, in the same unit */
        addi t2, t2, 1
        li t3, 5
        rdinstret s4                   /* a read after the branch back */
        bne t2, t3, 11b
        rdinstret s3
        sub s4, s3, s4
        CHECK_EQ(s4, 2)
        sub s3, s3, s2
        CHECK_EQ(t1, 15 + 500)
        /* rdinstret, li, li; 5 outer rounds of 6 besides the inner
         * rounds, 15 inner rounds of 3 */
        CHECK_EQ(s3, 3 + 5 * 6 + 15 * 3)
TEST_END
