/* The user-level CSRs: fflags (5 bits), frm (3 bits) and fcsr (frm << 5 |
 * fflags) as three views of one register, through every CSR instruction
 * (csrrw/csrrs/csrrc and their immediate forms, old value returned, bits
 * beyond a field ignored, x0 forms that only read or only write), the
 * fflags/frm pseudo-instructions, flags set by arithmetic, and the cycle,
 * time and instret counters, which must not run backwards. */
#include "check.h"
#include "fpconst.h"
TEST_BEGIN
        li a0, 0xff
        csrrw a1, fcsr, a0
        CHECK_EQ(a1, 0)
        csrr a2, fcsr
        CHECK_EQ(a2, 0xff)
        csrr a3, frm
        CHECK_EQ(a3, 7)
        csrr a4, fflags
        CHECK_EQ(a4, 0x1f)
        csrrci a1, fflags, 0x5
        CHECK_EQ(a1, 0x1f)
        csrr a2, fcsr
        CHECK_EQ(a2, 0xfa)
        csrrsi a1, fflags, 0x1
        CHECK_EQ(a1, 0x1a)
        csrr a2, fflags
        CHECK_EQ(a2, 0x1b)
        li a0, 2
        csrrc a1, frm, a0
        CHECK_EQ(a1, 7)
        csrr a2, fcsr
        CHECK_EQ(a2, 0xbb)
        li a0, 8                          /* beyond frm's 3 bits */
        csrrs a1, frm, a0
        CHECK_EQ(a1, 5)
        csrr a2, frm
        CHECK_EQ(a2, 5)
        csrrwi a1, frm, 3
        CHECK_EQ(a1, 5)
        csrr a2, fcsr
        CHECK_EQ(a2, 0x7b)
        csrrwi a1, fcsr, 0x1f             /* 5-bit immediate: frm becomes 0 */
        CHECK_EQ(a1, 0x7b)
        csrr a2, frm
        CHECK_EQ(a2, 0)
        csrr a2, fflags
        CHECK_EQ(a2, 0x1f)
        csrwi frm, 2
        li a0, -32                        /* all ones above the 5 flag bits */
        csrw fflags, a0
        csrr a2, fcsr
        CHECK_EQ(a2, 0x40)
        li a0, -1
        csrw frm, a0
        csrr a2, fcsr
        CHECK_EQ(a2, 0xe0)
        csrrs a1, fcsr, zero              /* a read, no write */
        CHECK_EQ(a1, 0xe0)
        csrrc a1, fcsr, zero
        CHECK_EQ(a1, 0xe0)
        csrrwi zero, fcsr, 0              /* a write, no read */
        csrr a2, fcsr
        CHECK_EQ(a2, 0)
        li a0, 0x1234
        csrrs a1, fflags, a0              /* only 0x14 lands */
        csrr a2, fcsr
        CHECK_EQ(a2, 0x14)
        li a0, 0x1e
        csrrc a1, fcsr, a0
        CHECK_EQ(a1, 0x14)
        csrr a2, fcsr
        CHECK_EQ(a2, 0)
        /* Pseudo-instructions. */
        li a0, 0x3
        fsflags a1, a0
        CHECK_EQ(a1, 0)
        frflags a2
        CHECK_EQ(a2, 3)
        fsflagsi 0x10
        frcsr a2
        CHECK_EQ(a2, 0x10)
        li a0, 0x85
        fscsr a1, a0
        CHECK_EQ(a1, 0x10)
        frrm a2
        CHECK_EQ(a2, 4)
        frflags a2
        CHECK_EQ(a2, 5)
        fscsr zero
        /* Arithmetic sets flags; frm stays. */
        fsrmi RM_RUP
        LI_D(fa0, D_ONE)
        LI_D(fa1, D_ZERO)
        fdiv.d fa2, fa0, fa1
        csrr a2, fcsr
        CHECK_EQ(a2, (RM_RUP << 5) | DZ)
        fsub.d fa2, fa1, fa2              /* 0 - inf: exact */
        fmul.d fa2, fa2, fa1              /* -inf * 0: invalid */
        csrr a2, fcsr
        CHECK_EQ(a2, (RM_RUP << 5) | DZ | NV)
        csrci fflags, DZ
        frflags a2
        CHECK_EQ(a2, NV)
        csrsi fflags, UF
        frflags a2
        CHECK_EQ(a2, NV | UF)
        fscsr zero
        /* csrs fflags (libm raising a flag) on top of a flag an operation
         * raised: both, and only the five flag bits of the source. */
        LI_D(fa0, D_ONE)
        LI_D(fa1, D_EPS_HALF)
        fadd.d fa2, fa0, fa1              /* inexact */
        li a0, 0x1e8
        csrs fflags, a0
        frflags a2
        CHECK_EQ(a2, NX | DZ)
        fscsr zero

        /* Counters: read twice around some work; never backwards, and
         * instret must move. */
        rdcycle s0
        rdtime s1
        rdinstret s2
        li a0, 200
1:      addi a0, a0, -1
        bnez a0, 1b
        rdcycle s3
        rdtime s4
        rdinstret s5
        sltu a0, s3, s0
        CHECK_EQ(a0, 0)
        sltu a0, s4, s1
        CHECK_EQ(a0, 0)
        sltu a0, s2, s5
        CHECK_EQ(a0, 1)
        csrr a0, instret                  /* the same CSR by name */
        sltu a0, a0, s5
        CHECK_EQ(a0, 0)
TEST_END
