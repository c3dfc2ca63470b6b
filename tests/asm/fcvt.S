/* Conversions: FP to integer at every width and signedness, in every
 * rounding mode, with the saturating results of the spec's table (NaN and
 * too-large positive give the maximum, too-large negative the minimum, 0
 * for unsigned), NV for invalid and NX for inexact, 32-bit results
 * sign-extended; integer to FP (only the low 32 bits of the W forms are
 * read); single to double and back. */
#include "check.h"
#include "fpconst.h"
#define D_2_1   0x4000cccccccccccd
#define D_N2_1  0xc000cccccccccccd
#define D_N2_5  0xc004000000000000
#define D_NHALF 0xbfe0000000000000
#define D_3E9   0x41e65a0bc0000000
#define D_N3E9  0xc1e65a0bc0000000
#define D_MIN_M_HALF 0xc1e0000000100000   /* -2147483648.5 */
#define D_MAX_P_HALF 0x41dfffffffe00000   /* 2147483647.5 */
#define D_NTWO31 0xc1e0000000000000
#define D_NTWO63 0xc3e0000000000000
#define D_1E10  0x4202a05f20000000
#define I32_MAX 0x7fffffff
#define I32_MIN 0xffffffff80000000
#define I64_MAX 0x7fffffffffffffff
#define I64_MIN 0x8000000000000000
#define ALL1    0xffffffffffffffff
TEST_BEGIN
        /* fcvt.w.d: rounding. */
        TEST_FD_X1_RM(fcvt.w.d, rne, D_ONEHALF, 2, NX)
        TEST_FD_X1_RM(fcvt.w.d, rne, D_TWOHALF, 2, NX)
        TEST_FD_X1_RM(fcvt.w.d, rne, D_N2_5, -2, NX)
        TEST_FD_X1_RM(fcvt.w.d, rmm, D_TWOHALF, 3, NX)
        TEST_FD_X1_RM(fcvt.w.d, rmm, D_N2_5, -3, NX)
        TEST_FD_X1_RM(fcvt.w.d, rup, D_2_1, 3, NX)
        TEST_FD_X1_RM(fcvt.w.d, rup, D_N2_1, -2, NX)
        TEST_FD_X1_RM(fcvt.w.d, rdn, D_N2_1, -3, NX)
        TEST_FD_X1_RM(fcvt.w.d, rdn, D_2_1, 2, NX)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_N2_1, -2, NX)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_NHALF, 0, NX)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_THREE, 3, 0)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_NZERO, 0, 0)
        TEST_FD_X1_RM(fcvt.w.d, dyn, D_TWOHALF, 2, NX)     /* frm = RNE */
        /* fcvt.w.d: saturation. */
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_QNAN, I32_MAX, NV)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_NQNAN, I32_MAX, NV)   /* any NaN: maximum */
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_SNAN, I32_MAX, NV)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_INF, I32_MAX, NV)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_NINF, I32_MIN, NV)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_3E9, I32_MAX, NV)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_N3E9, I32_MIN, NV)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_NTWO31, I32_MIN, 0)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_TWO31, I32_MAX, NV)
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_MIN_M_HALF, I32_MIN, NX)  /* rounds into range */
        TEST_FD_X1_RM(fcvt.w.d, rdn, D_MIN_M_HALF, I32_MIN, NV)  /* rounds out of range */
        TEST_FD_X1_RM(fcvt.w.d, rtz, D_MAX_P_HALF, I32_MAX, NX)
        TEST_FD_X1_RM(fcvt.w.d, rne, D_MAX_P_HALF, I32_MAX, NV)  /* tie to 2^31 */
        /* fcvt.wu.d: results sign-extended from bit 31. */
        TEST_FD_X1_RM(fcvt.wu.d, rtz, D_3E9, 0xffffffffb2d05e00, 0)
        TEST_FD_X1_RM(fcvt.wu.d, rtz, 0x41efffffffe00000, ALL1, 0) /* 2^32 - 1 */
        TEST_FD_X1_RM(fcvt.wu.d, rtz, D_TWO32, ALL1, NV)
        TEST_FD_X1_RM(fcvt.wu.d, rtz, D_NONE, 0, NV)
        TEST_FD_X1_RM(fcvt.wu.d, rtz, D_NHALF, 0, NX)
        TEST_FD_X1_RM(fcvt.wu.d, rdn, D_NHALF, 0, NV)
        TEST_FD_X1_RM(fcvt.wu.d, rtz, D_QNAN, ALL1, NV)
        TEST_FD_X1_RM(fcvt.wu.d, rtz, D_INF, ALL1, NV)
        TEST_FD_X1_RM(fcvt.wu.d, rtz, D_NINF, 0, NV)
        TEST_FD_X1_RM(fcvt.wu.d, rne, D_TWOHALF, 2, NX)
        /* fcvt.l.d / fcvt.lu.d */
        TEST_FD_X1_RM(fcvt.l.d, rtz, D_1E10, 10000000000, 0)
        TEST_FD_X1_RM(fcvt.l.d, rtz, D_TWO63, I64_MAX, NV)
        TEST_FD_X1_RM(fcvt.l.d, rtz, D_NTWO63, I64_MIN, 0)
        TEST_FD_X1_RM(fcvt.l.d, rtz, D_QNAN, I64_MAX, NV)
        TEST_FD_X1_RM(fcvt.l.d, rtz, D_NQNAN, I64_MAX, NV)
        TEST_FD_X1_RM(fcvt.l.d, rtz, D_INF, I64_MAX, NV)
        TEST_FD_X1_RM(fcvt.l.d, rtz, D_NINF, I64_MIN, NV)
        TEST_FD_X1_RM(fcvt.l.d, rmm, D_N2_5, -3, NX)
        TEST_FD_X1_RM(fcvt.l.d, rup, D_N2_1, -2, NX)
        TEST_FD_X1_RM(fcvt.l.d, rdn, D_N2_1, -3, NX)
        TEST_FD_X1_RM(fcvt.lu.d, rtz, D_TWO64, ALL1, NV)
        TEST_FD_X1_RM(fcvt.lu.d, rtz, D_TWO63, 0x8000000000000000, 0)
        TEST_FD_X1_RM(fcvt.lu.d, rtz, 0x43efffffffffffff, 0xfffffffffffff800, 0)
        TEST_FD_X1_RM(fcvt.lu.d, rtz, D_NONE, 0, NV)
        TEST_FD_X1_RM(fcvt.lu.d, rtz, D_QNAN, ALL1, NV)
        TEST_FD_X1_RM(fcvt.lu.d, rtz, D_NINF, 0, NV)
        TEST_FD_X1_RM(fcvt.lu.d, rup, D_2_1, 3, NX)
        TEST_FD_X1_RM(fcvt.lu.d, rtz, D_NHALF, 0, NX)
        /* From single. */
        TEST_FS_X1_RM(fcvt.w.s, rne, S_TWOHALF, 2, NX)
        TEST_FS_X1_RM(fcvt.w.s, rmm, S_TWOHALF, 3, NX)
        TEST_FS_X1_RM(fcvt.w.s, rtz, 0x4f000000, I32_MAX, NV)       /* 2^31 */
        TEST_FS_X1_RM(fcvt.w.s, rtz, 0xcf000000, I32_MIN, 0)        /* -2^31 */
        TEST_FS_X1_RM(fcvt.w.s, rtz, S_QNAN, I32_MAX, NV)
        TEST_FS_X1_RM(fcvt.w.s, rtz, S_NINF, I32_MIN, NV)
        TEST_FS_X1_RM(fcvt.wu.s, rtz, 0x4f800000, ALL1, NV)         /* 2^32 */
        TEST_FS_X1_RM(fcvt.wu.s, rtz, 0x4f000000, 0xffffffff80000000, 0)
        TEST_FS_X1_RM(fcvt.wu.s, rtz, S_NONE, 0, NV)
        TEST_FS_X1_RM(fcvt.l.s, rtz, 0x501502f9, 10000000000, 0)
        TEST_FS_X1_RM(fcvt.l.s, rtz, 0x5f000000, I64_MAX, NV)       /* 2^63 */
        TEST_FS_X1_RM(fcvt.l.s, rtz, 0xdf000000, I64_MIN, 0)
        TEST_FS_X1_RM(fcvt.l.s, rtz, S_SNAN, I64_MAX, NV)
        TEST_FS_X1_RM(fcvt.lu.s, rtz, 0x5f800000, ALL1, NV)         /* 2^64 */
        TEST_FS_X1_RM(fcvt.lu.s, rtz, 0x5f000000, 0x8000000000000000, 0)
        TEST_FS_X1_RM(fcvt.lu.s, rtz, S_NINF, 0, NV)

        /* Integer to double: W forms read only the low 32 bits. */
        TEST_X_FD1(fcvt.d.w, 0x100000005, 0x4014000000000000, 0)
        TEST_X_FD1(fcvt.d.w, 0xffffffff, D_NONE, 0)
        TEST_X_FD1(fcvt.d.w, 0x80000000, D_NTWO31, 0)
        TEST_X_FD1(fcvt.d.w, 0, D_ZERO, 0)
        TEST_X_FD1(fcvt.d.wu, 0xffffffff, 0x41efffffffe00000, 0)
        TEST_X_FD1(fcvt.d.wu, 0xffffffff00000005, 0x4014000000000000, 0)
        TEST_X_FD1_RM(fcvt.d.l, rne, 0x7fffffffffffffff, D_TWO63, NX)
        TEST_X_FD1_RM(fcvt.d.l, rtz, 0x7fffffffffffffff, 0x43dfffffffffffff, NX)
        TEST_X_FD1_RM(fcvt.d.l, rne, 0x8000000000000000, D_NTWO63, 0)
        TEST_X_FD1_RM(fcvt.d.l, rne, -5, 0xc014000000000000, 0)
        TEST_X_FD1_RM(fcvt.d.lu, rne, -1, D_TWO64, NX)
        TEST_X_FD1_RM(fcvt.d.lu, rtz, -1, 0x43efffffffffffff, NX)
        TEST_X_FD1_RM(fcvt.d.lu, rne, 0x8000000000000000, D_TWO63, 0)
        /* Integer to single. */
        TEST_X_FS1_RM(fcvt.s.w, rne, 16777217, 0x4b800000, NX)
        TEST_X_FS1_RM(fcvt.s.w, rup, 16777217, 0x4b800001, NX)
        TEST_X_FS1_RM(fcvt.s.w, rne, 16777219, 0x4b800002, NX)
        TEST_X_FS1_RM(fcvt.s.w, rne, 0x1ffffffff, S_NONE, 0)
        TEST_X_FS1_RM(fcvt.s.wu, rne, 0xffffffff, 0x4f800000, NX)
        TEST_X_FS1_RM(fcvt.s.wu, rtz, 0xffffffff, 0x4f7fffff, NX)
        TEST_X_FS1_RM(fcvt.s.l, rne, 0x7fffffffffffffff, 0x5f000000, NX)
        TEST_X_FS1_RM(fcvt.s.l, rne, 0x8000000000000000, 0xdf000000, 0)
        TEST_X_FS1_RM(fcvt.s.lu, rne, -1, 0x5f800000, NX)
        TEST_X_FS1_RM(fcvt.s.lu, rdn, -1, 0x5f7fffff, NX)

        /* Double to single and back. */
        LI_D(fa0, 0x3fb999999999999a)
        fcvt.s.d fa3, fa0
        CHECK_S(fa3, 0x3dcccccd)
        CHECK_FFLAGS(NX)
        LI_D(fa0, D_MAX)
        fcvt.s.d fa3, fa0
        CHECK_S(fa3, S_INF)
        CHECK_FFLAGS(OF | NX)
        fcvt.s.d fa3, fa0, rtz
        CHECK_S(fa3, S_MAX)
        CHECK_FFLAGS(OF | NX)
        LI_D(fa0, D_MIN)
        fcvt.s.d fa3, fa0
        CHECK_S(fa3, S_ZERO)
        CHECK_FFLAGS(UF | NX)
        LI_D(fa0, D_QNAN_PAY)
        fcvt.s.d fa3, fa0
        CHECK_S(fa3, S_QNAN)
        CHECK_FFLAGS(0)
        LI_D(fa0, D_SNAN)
        fcvt.s.d fa3, fa0
        CHECK_S(fa3, S_QNAN)
        CHECK_FFLAGS(NV)
        LI_D(fa0, D_NZERO)
        fcvt.s.d fa3, fa0
        CHECK_S(fa3, S_NZERO)
        LI_D(fa0, D_NINF)
        fcvt.s.d fa3, fa0
        CHECK_S(fa3, S_NINF)
        CHECK_FFLAGS(0)
        LI_S(fa0, S_THIRD)
        fcvt.d.s fa3, fa0
        CHECK_D(fa3, 0x3fd5555560000000)
        LI_S(fa0, S_SUB_MIN)
        fcvt.d.s fa3, fa0
        CHECK_D(fa3, 0x36a0000000000000)
        LI_S(fa0, S_MAX)
        fcvt.d.s fa3, fa0
        CHECK_D(fa3, 0x47efffffe0000000)
        CHECK_FFLAGS(0)
        LI_S(fa0, S_QNAN_PAY)
        fcvt.d.s fa3, fa0
        CHECK_D(fa3, D_QNAN)
        CHECK_FFLAGS(0)
        LI_S(fa0, S_SNAN)
        fcvt.d.s fa3, fa0
        CHECK_D(fa3, D_QNAN)
        CHECK_FFLAGS(NV)
TEST_END
