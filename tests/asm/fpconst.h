/* Bit patterns of the floating-point values the FP tests use, so that the
 * tests read as numbers (binary64 D_*, binary32 S_*). */
#ifndef FPCONST_H
#define FPCONST_H

#define D_ZERO     0x0000000000000000
#define D_NZERO    0x8000000000000000
#define D_ONE      0x3ff0000000000000
#define D_NONE     0xbff0000000000000
#define D_TWO      0x4000000000000000
#define D_THREE    0x4008000000000000
#define D_FOUR     0x4010000000000000
#define D_HALF     0x3fe0000000000000
#define D_ONEHALF  0x3ff8000000000000
#define D_TWOHALF  0x4004000000000000
#define D_THIRD    0x3fd5555555555555   /* 1/3 rounded to nearest (down) */
#define D_THIRD_UP 0x3fd5555555555556
#define D_ONE_ULP  0x3ff0000000000001   /* 1 + 2^-52 */
#define D_ONE_DN   0x3fefffffffffffff   /* 1 - 2^-53 */
#define D_EPS_HALF 0x3ca0000000000000   /* 2^-53: half an ulp of 1 */
#define D_INF      0x7ff0000000000000
#define D_NINF     0xfff0000000000000
#define D_QNAN     0x7ff8000000000000   /* the canonical NaN */
#define D_QNAN_PAY 0x7ff8000000000123   /* quiet, with a payload */
#define D_NQNAN    0xfff8000000000000
#define D_SNAN     0x7ff0000000000001
#define D_MAX      0x7fefffffffffffff
#define D_NMAX     0xffefffffffffffff
#define D_MIN      0x0010000000000000   /* smallest normal */
#define D_SUB_MIN  0x0000000000000001   /* smallest subnormal */
#define D_SUB      0x0008000000000000   /* DBL_MIN / 2 */
#define D_SQRT2    0x3ff6a09e667f3bcd
#define D_TWO63    0x43e0000000000000
#define D_TWO64    0x43f0000000000000
#define D_TWO31    0x41e0000000000000
#define D_TWO32    0x41f0000000000000

#define S_ZERO     0x00000000
#define S_NZERO    0x80000000
#define S_ONE      0x3f800000
#define S_NONE     0xbf800000
#define S_TWO      0x40000000
#define S_THREE    0x40400000
#define S_FOUR     0x40800000
#define S_HALF     0x3f000000
#define S_ONEHALF  0x3fc00000
#define S_TWOHALF  0x40200000
#define S_THIRD    0x3eaaaaab           /* 1/3 rounded to nearest (up) */
#define S_THIRD_DN 0x3eaaaaaa
#define S_ONE_ULP  0x3f800001           /* 1 + 2^-23 */
#define S_EPS_HALF 0x33800000           /* 2^-24 */
#define S_INF      0x7f800000
#define S_NINF     0xff800000
#define S_QNAN     0x7fc00000           /* the canonical NaN */
#define S_QNAN_PAY 0x7fc00123
#define S_NQNAN    0xffc00000
#define S_SNAN     0x7f800001
#define S_MAX      0x7f7fffff
#define S_NMAX     0xff7fffff
#define S_MIN      0x00800000
#define S_SUB_MIN  0x00000001
#define S_SUB      0x00400000
#define S_SQRT2    0x3fb504f3

#endif
