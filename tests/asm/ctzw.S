/* ctzw counts trailing zeros of the low 32 bits only: a zero low word gives
 * 32 whatever the upper word holds. qemu-riscv64 7.2 counts on into the
 * upper word (ctzw.qemu; docs/qemu-divergences.md, qemu-ctzw). */
#include "check.h"
TEST_BEGIN
        TEST_R(ctzw, 0x10000000000, 32)          /* 1 << 40 */
        TEST_R(ctzw, 0x8000000000000000, 32)
        TEST_R(ctzw, 0xffffffff00000000, 32)
        TEST_R(ctzw, 0xffffffff00010000, 16)
        TEST_R(clzw, 0xffffffff00000000, 32)
        TEST_R(cpopw, 0xffffffff00000000, 0)
TEST_END
