/* FP registers read back within straight-line code, which translated code
 * takes from XMM copies rather than from memory (jit/tr_fcache.c): copies
 * must follow every way an FP register is written (FP results, fld, flw,
 * fmv.d.x, sign injection, the interpreter's body for an instruction
 * without a translation, and the slow path of one with), a single result
 * must read back NaN-boxed as 64 bits, and more live registers than XMM
 * copies must all keep their values. Each group computes first and checks
 * after, so that its reads fall in one translation unit. */
#include "check.h"
#include "fpconst.h"
#define D_FIVE 0x4014000000000000
#define D_SIX  0x4018000000000000
#define D_NINE 0x4022000000000000

        .data
        .align 3
buf:    .dword D_ONE, D_TWO, D_THREE, D_FOUR
        .dword 0, 0, 0, 0, 0                /* up to 64(a0) */
        .text
TEST_BEGIN
        /* A dependent chain whose operands come back from copies. */
        LI_D(fa0, D_ONE)
        LI_D(fa1, D_TWO)
        fadd.d fa2, fa0, fa1              /* 3 */
        fmul.d fa3, fa2, fa2              /* 9 */
        fsub.d fa4, fa3, fa2              /* 6 */
        fmv.d fa5, fa4                    /* fsgnj.d: a copy */
        fneg.d fa6, fa5                   /* fsgnjn.d */
        fadd.d fa7, fa6, fa3              /* 3 */
        CHECK_D(fa2, D_THREE)
        CHECK_D(fa3, D_NINE)
        CHECK_D(fa5, D_SIX)
        CHECK_D(fa6, 0xc018000000000000)
        CHECK_D(fa7, D_THREE)

        /* Results computed in place of their copy: rd is rs2, rs1, the
         * addend of a fused multiply-add, or a multiplicand of one. */
        LI_D(ft0, D_FIVE)
        fadd.d ft1, ft0, ft0              /* 10 */
        fsub.d ft1, ft0, ft1              /* rd = rs2: 5 - 10 = -5 */
        fadd.d ft2, ft0, ft0              /* 10 */
        fsub.d ft2, ft2, ft0              /* rd = rs1: 5 */
        fmadd.d ft2, ft0, ft1, ft2        /* rd = rs3: 5 * -5 + 5 = -20 */
        fadd.d ft3, ft0, ft0              /* 10 */
        fmadd.d ft3, ft3, ft0, ft1        /* rd = rs1: 10 * 5 - 5 = 45 */
        fmadd.d ft4, ft0, ft0, ft0        /* rd new: 30 */
        fsqrt.d ft5, ft0
        fmul.d ft5, ft5, ft5              /* 5, rounded */
        CHECK_D(ft1, 0xc014000000000000)
        CHECK_D(ft2, 0xc034000000000000)
        CHECK_D(ft3, 0x4046800000000000)
        CHECK_D(ft4, 0x403e000000000000)
        fmv.x.d a1, ft5
        CHECK_EQ(a1, 0x4014000000000001)
        CHECK_FFLAGS(NX)

        /* fld straight into a copy, fsd from one. */
        la a0, buf
        fld ft0, 0(a0)
        fld ft1, 8(a0)
        fadd.d ft2, ft0, ft1              /* 3 */
        fsd ft2, 32(a0)
        fld ft3, 32(a0)
        fmul.d ft4, ft3, ft1              /* 6 */
        fsd ft4, 40(a0)
        ld a1, 40(a0)
        CHECK_EQ(a1, D_SIX)
        CHECK_D(ft3, D_THREE)

        /* A single result is boxed when read as 64 bits, even where the
         * host register held a double just before (fcvt.s.d keeps the
         * upper bits of its destination). */
        LI_D(fs0, D_ONEHALF)
        fadd.d fs1, fs0, fs0              /* 3, a double */
        fcvt.s.d fs2, fs1                 /* 3.0f */
        fmv.x.d a1, fs2
        fsd fs2, 48(a0)
        ld a2, 48(a0)
        fcvt.d.s fs3, fs2                 /* a boxed single, read as one */
        CHECK_EQ(a1, 0xffffffff00000000 | S_THREE)
        CHECK_EQ(a2, 0xffffffff00000000 | S_THREE)
        CHECK_D(fs3, D_THREE)

        /* flw, fmv.d.x and fmv.w.x write around the copies. */
        LI_D(fs4, D_TWO)
        fadd.d fs5, fs4, fs4              /* fs5 has a copy: 4 */
        li a1, D_FIVE
        fmv.d.x fs5, a1
        fadd.d fs6, fs5, fs4              /* 7 */
        li a1, S_ONE
        sw a1, 56(a0)
        fadd.d fs7, fs4, fs4
        flw fs7, 56(a0)
        fadd.s fs8, fs7, fs7              /* 2.0f */
        li a1, S_THREE
        fmv.w.x fs8, a1
        fadd.s fs9, fs8, fs7              /* 4.0f */
        /* flw's copy holds 32 bits: read as 64 (fsd, fmv.x.d) it must
         * come with its NaN box. */
        fsd fs7, 64(a0)
        fmv.x.d a2, fs7
        ld a3, 64(a0)
        CHECK_D(fs5, D_FIVE)
        CHECK_D(fs6, 0x401c000000000000)
        CHECK_S(fs9, S_FOUR)
        CHECK_EQ(a2, 0xffffffff00000000 | S_ONE)
        CHECK_EQ(a3, 0xffffffff00000000 | S_ONE)

        /* The slow path (a NaN result, which RISC-V makes canonical) and
         * an instruction the translator hands to the interpreter (static
         * RMM) both write a register that has a copy. */
        LI_D(fa0, D_INF)
        fadd.d fa1, fa0, fa0              /* inf, copy */
        fsub.d fa1, fa0, fa1              /* NaN: slow path */
        fmv.x.d a1, fa1
        LI_D(fa2, D_ONE)
        fadd.d fa3, fa2, fa2              /* 2, copy */
        fadd.d fa3, fa2, fa3, rmm         /* 3, in the interpreter's body */
        fmv.x.d a2, fa3
        fmul.d fa4, fa3, fa3              /* 9 */
        CHECK_EQ(a1, D_QNAN)
        CHECK_EQ(a2, D_THREE)
        CHECK_D(fa4, D_NINE)
        CHECK_FFLAGS(NV)

        /* A NaN result keeps the host's NaN in its copy until its bits
         * are seen (tr_fcache.nanfix): each way they can be seen shows
         * RISC-V's canonical NaN, also after more arithmetic on it. */
        la a0, buf
        LI_D(fa0, D_INF)
        LI_S(fs0, S_INF)
        LI_D(fs2, D_ONE)
        fsub.d fa1, fa0, fa0              /* NaN (the host's is negative) */
        fadd.d fa2, fa1, fs2              /* NaN from a NaN operand */
        fneg.d fa3, fa1                   /* sign injection: the bits */
        fmv.d fa4, fa2                    /* a copy of the copy */
        fsd fa2, 40(a0)                   /* to memory */
        fsub.s fs1, fs0, fs0              /* a single NaN */
        fsw fs1, 48(a0)
        fmv.x.w a1, fs1
        fmv.x.d a2, fa4
        ld a3, 40(a0)
        lwu a4, 48(a0)
        fmv.x.d a5, fa3
        fsub.d fa5, fa0, fa0              /* seen only after a jump */
        fsub.s fs3, fs0, fs0
        j 1f
1:      CHECK_EQ(a1, S_QNAN)
        CHECK_EQ(a2, D_QNAN)
        CHECK_EQ(a3, D_QNAN)
        CHECK_EQ(a4, S_QNAN)
        CHECK_EQ(a5, D_NQNAN)
        CHECK_D(fa5, D_QNAN)
        CHECK_S(fs3, S_QNAN)
        CHECK_FFLAGS(NV)

        /* A NaN result's copy is the least recently used when an fld
         * through a base that lives in struct hart (t3) needs an XMM:
         * making it canonical as it is stored must not disturb the
         * address. */
        la t3, buf
        LI_D(fa0, D_INF)
        fsub.d ft0, fa0, fa0              /* NaN, from here the oldest copy */
        fadd.d fa1, fa0, fs2
        fadd.d ft1, fs2, fs2
        fadd.d ft2, fs2, ft1
        fadd.d ft3, fs2, ft2
        fadd.d ft4, fs2, ft3
        fadd.d ft5, fs2, ft4
        fadd.d ft6, fs2, ft5
        fadd.d ft7, fs2, ft6
        fadd.d ft8, fs2, ft7
        fadd.d ft9, fs2, ft8
        fadd.d ft10, fs2, ft9             /* 11: all 14 XMM copies taken */
        li a0, 0
        fld fs4, 8(t3)                    /* 2.0, into the NaN's XMM */
        fmv.x.d a1, ft0
        CHECK_D(fs4, D_TWO)
        CHECK_EQ(a1, D_QNAN)
        CHECK_FFLAGS(NV)

        /* More live registers than copies: 20 loads, a sum reading all,
         * then each again. */
        LI_D(ft0, D_ONE)
        fmv.d ft1, ft0
        fadd.d ft2, ft1, ft0
        fadd.d ft3, ft2, ft0
        fadd.d ft4, ft3, ft0
        fadd.d ft5, ft4, ft0
        fadd.d ft6, ft5, ft0
        fadd.d ft7, ft6, ft0
        fadd.d ft8, ft7, ft0
        fadd.d ft9, ft8, ft0
        fadd.d ft10, ft9, ft0
        fadd.d ft11, ft10, ft0
        fadd.d fs0, ft11, ft0
        fadd.d fs1, fs0, ft0
        fadd.d fs2, fs1, ft0
        fadd.d fs3, fs2, ft0
        fadd.d fs4, fs3, ft0
        fadd.d fs5, fs4, ft0
        fadd.d fs6, fs5, ft0
        fadd.d fs7, fs6, ft0              /* 1, 1, 2 .. 19 */
        fadd.d fa0, ft0, ft1
        fadd.d fa0, fa0, ft2
        fadd.d fa0, fa0, ft3
        fadd.d fa0, fa0, ft4
        fadd.d fa0, fa0, ft5
        fadd.d fa0, fa0, ft6
        fadd.d fa0, fa0, ft7
        fadd.d fa0, fa0, ft8
        fadd.d fa0, fa0, ft9
        fadd.d fa0, fa0, ft10
        fadd.d fa0, fa0, ft11
        fadd.d fa0, fa0, fs0
        fadd.d fa0, fa0, fs1
        fadd.d fa0, fa0, fs2
        fadd.d fa0, fa0, fs3
        fadd.d fa0, fa0, fs4
        fadd.d fa0, fa0, fs5
        fadd.d fa0, fa0, fs6
        fadd.d fa0, fa0, fs7              /* 1 + (1 + ... + 19) = 191 */
        fsub.d fa1, fs7, ft0              /* 18 */
        fsub.d fa1, fa1, ft11             /* 7 */
        fsub.d fa1, fa1, ft1              /* 6 */
        CHECK_D(fa0, 0x4067e00000000000)
        CHECK_D(fa1, D_SIX)
        CHECK_D(ft5, D_FIVE)
        CHECK_FFLAGS(0)
TEST_END
