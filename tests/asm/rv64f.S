/* The F extension's arithmetic, with exact result bits (every single result
 * must come back NaN-boxed: upper 32 bits all ones) and exact fflags; the
 * same families of cases as rv64d.S at single precision, plus the
 * single-precision loads, stores and moves. */
#include "check.h"
#include "fpconst.h"
#define S_ONE_DN 0x3f7fffff   /* 1 - 2^-24 */
TEST_BEGIN
        TEST_FS2(fadd.s, S_ONE, S_TWO, S_THREE, 0)
        TEST_FS2(fadd.s, S_ONE, S_EPS_HALF, S_ONE, NX)
        TEST_FS2(fadd.s, S_ONE_ULP, S_EPS_HALF, 0x3f800002, NX)
        TEST_FS2(fadd.s, S_MAX, S_MAX, S_INF, OF | NX)
        TEST_FS2(fadd.s, S_INF, S_NINF, S_QNAN, NV)
        TEST_FS2(fadd.s, S_QNAN_PAY, S_ONE, S_QNAN, 0)
        TEST_FS2(fadd.s, S_NQNAN, S_ONE, S_QNAN, 0)
        TEST_FS2(fadd.s, S_SNAN, S_ONE, S_QNAN, NV)
        TEST_FS2(fadd.s, S_NZERO, S_NZERO, S_NZERO, 0)
        TEST_FS2(fadd.s, S_ZERO, S_NZERO, S_ZERO, 0)
        TEST_FS2(fadd.s, 0x00800001, 0x80800000, S_SUB_MIN, 0)
        TEST_FS2(fsub.s, S_ONE, S_ONE, S_ZERO, 0)
        TEST_FS2(fsub.s, S_NMAX, S_MAX, S_NINF, OF | NX)
        TEST_FS2(fsub.s, S_INF, S_INF, S_QNAN, NV)
        TEST_FS2(fsub.s, S_THREE, S_HALF, S_TWOHALF, 0)
        TEST_FS2(fmul.s, S_THREE, S_HALF, S_ONEHALF, 0)
        TEST_FS2(fmul.s, S_THREE, 0x3dcccccd, 0x3e99999a, NX)
        TEST_FS2(fmul.s, S_MAX, S_TWO, S_INF, OF | NX)
        TEST_FS2(fmul.s, S_MIN, S_HALF, S_SUB, 0)
        TEST_FS2(fmul.s, S_MIN, S_MIN, S_ZERO, UF | NX)
        TEST_FS2(fmul.s, S_ZERO, S_INF, S_QNAN, NV)
        TEST_FS2(fmul.s, S_NONE, S_ZERO, S_NZERO, 0)
        TEST_FS2(fdiv.s, S_ONE, S_THREE, S_THIRD, NX)
        TEST_FS2(fdiv.s, S_ONE, S_ZERO, S_INF, DZ)
        TEST_FS2(fdiv.s, S_ONE, S_NZERO, S_NINF, DZ)
        TEST_FS2(fdiv.s, S_ZERO, S_ZERO, S_QNAN, NV)
        TEST_FS2(fdiv.s, S_INF, S_INF, S_QNAN, NV)
        TEST_FS2(fdiv.s, S_MIN, S_THREE, 0x002aaaab, UF | NX)
        TEST_FS1(fsqrt.s, S_FOUR, S_TWO, 0)
        TEST_FS1(fsqrt.s, S_TWO, S_SQRT2, NX)
        TEST_FS1(fsqrt.s, S_NONE, S_QNAN, NV)
        TEST_FS1(fsqrt.s, S_NZERO, S_NZERO, 0)
        TEST_FS1(fsqrt.s, S_SNAN, S_QNAN, NV)
        TEST_FS3(fmadd.s, S_ONE_ULP, S_ONE_DN, S_NONE, 0x337ffffe, 0)
        TEST_FS3(fmsub.s, S_ONE_ULP, S_ONE_ULP, S_ONE, 0x34800000, NX)
        TEST_FS3(fnmadd.s, S_ONE_ULP, S_ONE_ULP, S_ONE, 0xc0000001, NX)
        TEST_FS3(fnmsub.s, S_ONE_ULP, S_ONE_DN, S_ONE, 0xb37ffffe, 0)
        TEST_FS3(fmadd.s, S_TWO, S_THREE, S_ONE, 0x40e00000, 0)
        TEST_FS3(fmadd.s, S_INF, S_ZERO, S_QNAN, S_QNAN, NV)
        TEST_FS3(fmadd.s, S_ONE, S_ONE, S_SNAN, S_QNAN, NV)
        TEST_FS3(fmadd.s, S_MAX, S_TWO, S_NMAX, S_MAX, 0)
        TEST_FS2(fsgnj.s, S_ONE, S_NZERO, S_NONE, 0)
        TEST_FS2(fsgnjn.s, S_ONE, S_ONE, S_NONE, 0)
        TEST_FS2(fsgnjx.s, S_NONE, S_NONE, S_ONE, 0)
        TEST_FS2(fsgnj.s, S_SNAN, S_NONE, 0xff800001, 0)
        TEST_FS2(fsgnjx.s, S_QNAN_PAY, S_NONE, 0xffc00123, 0)
        TEST_FS_X2(feq.s, S_ZERO, S_NZERO, 1, 0)
        TEST_FS_X2(feq.s, S_QNAN, S_QNAN, 0, 0)
        TEST_FS_X2(feq.s, S_ONE, S_SNAN, 0, NV)
        TEST_FS_X2(flt.s, S_NONE, S_ONE, 1, 0)
        TEST_FS_X2(flt.s, S_ONE, S_QNAN, 0, NV)
        TEST_FS_X2(fle.s, S_NZERO, S_ZERO, 1, 0)
        TEST_FS_X2(fle.s, S_QNAN, S_QNAN, 0, NV)

        /* flw boxes, fsw stores the low 32 bits, both misaligned too. */
        la s0, buf
        li a0, 0x11223344c0490fdb
        sd a0, 0(s0)
        flw fa0, 0(s0)
        CHECK_D(fa0, 0xffffffffc0490fdb)
        flw fa1, 4(s0)
        CHECK_D(fa1, 0xffffffff11223344)
        fsw fa0, 9(s0)
        lwu a1, 9(s0)
        CHECK_EQ(a1, 0xc0490fdb)
        flw fa2, 9(s0)
        CHECK_S(fa2, 0xc0490fdb)
        /* fmv.x.w sign-extends bit 31; fmv.w.x boxes. */
        fmv.x.w a1, fa0
        CHECK_EQ(a1, 0xffffffffc0490fdb)
        fmv.x.w a1, fa1
        CHECK_EQ(a1, 0x11223344)
        li a0, 0x123456787f800001
        fmv.w.x fa3, a0
        CHECK_D(fa3, 0xffffffff7f800001)
        CHECK_FFLAGS(0)
TEST_END
        .bss
        .balign 8
buf:    .space 32
