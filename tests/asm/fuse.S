/* Pairs that hart's translator fuses into one x86 instruction
 * (jit/tr_fuse.c), in each operand arrangement: the pair must give what
 * the two instructions give one after the other. */
#include "check.h"
TEST_BEGIN
        /* slli rd, rs, k; add rd, rd, rt  (rd = rt + (rs << k)) */
        li a0, 0x1234
        li a1, 0x100000
        slli a2, a0, 3
        add a2, a2, a1
        CHECK_EQ(a2, 0x1091a0)
        slli a2, a0, 1                  /* base first */
        add a2, a1, a2
        CHECK_EQ(a2, 0x102468)
        mv a3, a0
        slli a3, a3, 2                  /* shifting rd itself */
        add a3, a3, a1
        CHECK_EQ(a3, 0x1048d0)
        slli a4, a0, 3                  /* base x0 */
        add a4, a4, zero
        CHECK_EQ(a4, 0x91a0)
        li a5, -1
        slli a5, a5, 3                  /* wraps: -8 + 8 */
        addi a5, a5, 8
        CHECK_EQ(a5, 0)
        li a6, 0x7fffffffffffffff
        slli a6, a6, 1                  /* the bit shifted out is lost */
        add a6, a6, a1
        CHECK_EQ(a6, 0xffffe)
        slli a7, a0, 2                  /* add rd, rd, rd: not the pattern */
        add a7, a7, a7
        CHECK_EQ(a7, 0x91a0)
        slli s2, a0, 4                  /* shift 4: not an lea scale */
        add s2, s2, a1
        CHECK_EQ(s2, 0x112340)
        /* lui/auipc + addi, slli/srli 32 */
        lui t0, 0x12345
        addi t0, t0, -1
        CHECK_EQ(t0, 0x12344fff)
        lui t1, 0x80000
        addiw t1, t1, -1
        CHECK_EQ(t1, 0x7fffffff)
        li t2, -2
        slli t2, t2, 32
        srli t2, t2, 32
        CHECK_EQ(t2, 0xfffffffe)
        /* slli rd, rs, k; srli rd, rd, k: the low 64 - k bits */
        li s3, 0x8badf00dcafe8001
        slli s4, s3, 48                 /* zext.h */
        srli s4, s4, 48
        CHECK_EQ(s4, 0x8001)
        slli s5, s3, 56                 /* zext.b */
        srli s5, s5, 56
        CHECK_EQ(s5, 0x01)
        slli s6, s3, 44                 /* a 20-bit mask */
        srli s6, s6, 44
        CHECK_EQ(s6, 0xe8001)
        slli s7, s3, 33                 /* 31 bits */
        srli s7, s7, 33
        CHECK_EQ(s7, 0x4afe8001)
        slli s8, s3, 63                 /* one bit */
        srli s8, s8, 63
        CHECK_EQ(s8, 1)
        slli s9, s3, 16                 /* 48 bits: not fused */
        srli s9, s9, 16
        CHECK_EQ(s9, 0xf00dcafe8001)
        mv t3, s3
        slli t3, t3, 48                 /* rd is rs */
        srli t3, t3, 48
        CHECK_EQ(t3, 0x8001)
        mv t4, s3
        slli t4, t4, 40
        srli t4, t4, 40
        CHECK_EQ(t4, 0xfe8001)
        slli t5, zero, 40               /* of x0 */
        srli t5, t5, 40
        CHECK_EQ(t5, 0)
        /* slli rd, rs, j; srli rd, rd, k > j: a field further up */
        slli a0, s3, 15                 /* bits 34..48 */
        srli a0, a0, 49
        CHECK_EQ(a0, 0x7c03)
        slli a1, s3, 30                 /* bits 20..33 */
        srli a1, a1, 50
        CHECK_EQ(a1, 0x1caf)
        slli a2, s3, 1                  /* bits 32..62: 31 bits */
        srli a2, a2, 33
        CHECK_EQ(a2, 0x0badf00d)
        slli a3, s3, 1                  /* 32 bits: not fused */
        srli a3, a3, 32
        CHECK_EQ(a3, 0x175be01b)
        mv a4, s3
        slli a4, a4, 8                  /* rd is rs */
        srli a4, a4, 60
        CHECK_EQ(a4, 0xa)
        slli a5, s3, 20                 /* j > k: not the pattern */
        srli a5, a5, 4
        CHECK_EQ(a5, 0xdcafe80010000)
TEST_END
