/* fmin/fmax (IEEE 754-2019 minimumNumber/maximumNumber as RISC-V defines
 * them: one NaN operand gives the other operand, two give the canonical
 * NaN, a signalling NaN sets NV, -0 < +0) and fclass on every class, for
 * single and double. */
#include "check.h"
#include "fpconst.h"
TEST_BEGIN
        TEST_FD2(fmin.d, D_ONE, D_TWO, D_ONE, 0)
        TEST_FD2(fmax.d, D_ONE, D_TWO, D_TWO, 0)
        TEST_FD2(fmin.d, D_NONE, D_ONE, D_NONE, 0)
        TEST_FD2(fmax.d, D_NINF, D_NMAX, D_NMAX, 0)
        TEST_FD2(fmin.d, D_NZERO, D_ZERO, D_NZERO, 0)
        TEST_FD2(fmin.d, D_ZERO, D_NZERO, D_NZERO, 0)
        TEST_FD2(fmax.d, D_NZERO, D_ZERO, D_ZERO, 0)
        TEST_FD2(fmax.d, D_ZERO, D_NZERO, D_ZERO, 0)
        TEST_FD2(fmin.d, D_QNAN, D_ONE, D_ONE, 0)
        TEST_FD2(fmin.d, D_ONE, D_QNAN_PAY, D_ONE, 0)
        TEST_FD2(fmax.d, D_NQNAN, D_NINF, D_NINF, 0)
        TEST_FD2(fmin.d, D_SNAN, D_ONE, D_ONE, NV)
        TEST_FD2(fmax.d, D_ONE, D_SNAN, D_ONE, NV)
        TEST_FD2(fmin.d, D_QNAN_PAY, D_NQNAN, D_QNAN, 0)
        TEST_FD2(fmax.d, D_SNAN, D_QNAN, D_QNAN, NV)
        TEST_FD2(fmax.d, D_SNAN, D_SNAN, D_QNAN, NV)
        TEST_FS2(fmin.s, S_ONE, S_TWO, S_ONE, 0)
        TEST_FS2(fmax.s, S_ONE, S_TWO, S_TWO, 0)
        TEST_FS2(fmin.s, S_ZERO, S_NZERO, S_NZERO, 0)
        TEST_FS2(fmax.s, S_NZERO, S_ZERO, S_ZERO, 0)
        TEST_FS2(fmin.s, S_QNAN, S_NONE, S_NONE, 0)
        TEST_FS2(fmax.s, S_NINF, S_QNAN_PAY, S_NINF, 0)
        TEST_FS2(fmin.s, S_ONE, S_SNAN, S_ONE, NV)
        TEST_FS2(fmax.s, S_QNAN_PAY, S_QNAN_PAY, S_QNAN, 0)
        TEST_FS2(fmin.s, S_SNAN, S_NQNAN, S_QNAN, NV)

        /* fclass: one bit per class. */
        TEST_FD_X1(fclass.d, D_NINF, 1 << 0, 0)
        TEST_FD_X1(fclass.d, D_NONE, 1 << 1, 0)
        TEST_FD_X1(fclass.d, 0x800fffffffffffff, 1 << 2, 0)
        TEST_FD_X1(fclass.d, D_NZERO, 1 << 3, 0)
        TEST_FD_X1(fclass.d, D_ZERO, 1 << 4, 0)
        TEST_FD_X1(fclass.d, D_SUB_MIN, 1 << 5, 0)
        TEST_FD_X1(fclass.d, D_MIN, 1 << 6, 0)
        TEST_FD_X1(fclass.d, D_MAX, 1 << 6, 0)
        TEST_FD_X1(fclass.d, D_INF, 1 << 7, 0)
        TEST_FD_X1(fclass.d, D_SNAN, 1 << 8, 0)        /* no NV: fclass is quiet */
        TEST_FD_X1(fclass.d, 0xfff7ffffffffffff, 1 << 8, 0)
        TEST_FD_X1(fclass.d, D_QNAN, 1 << 9, 0)
        TEST_FD_X1(fclass.d, D_NQNAN, 1 << 9, 0)
        TEST_FS_X1(fclass.s, S_NINF, 1 << 0, 0)
        TEST_FS_X1(fclass.s, S_NMAX, 1 << 1, 0)
        TEST_FS_X1(fclass.s, 0x807fffff, 1 << 2, 0)
        TEST_FS_X1(fclass.s, S_NZERO, 1 << 3, 0)
        TEST_FS_X1(fclass.s, S_ZERO, 1 << 4, 0)
        TEST_FS_X1(fclass.s, S_SUB, 1 << 5, 0)
        TEST_FS_X1(fclass.s, S_ONE, 1 << 6, 0)
        TEST_FS_X1(fclass.s, S_INF, 1 << 7, 0)
        TEST_FS_X1(fclass.s, S_SNAN, 1 << 8, 0)
        TEST_FS_X1(fclass.s, S_QNAN_PAY, 1 << 9, 0)
TEST_END
