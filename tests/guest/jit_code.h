/* Machine code written at run time, for the tests of code that changes
 * (smc.c, mmap_exec.c): a one-instruction function, and a loop that calls
 * it often enough to get it translated. */
#ifndef HART_TEST_JIT_CODE_H
#define HART_TEST_JIT_CODE_H

#include <stdint.h>

typedef long (*fn)(long);

/* addi a0, a0, imm ; ret */
static inline void emit(uint32_t *p, int imm)
{
    p[0] = 0x00050513u | ((uint32_t)imm & 0xfff) << 20;
    p[1] = 0x00008067u;
}

static inline long call_many(fn f, int times)
{
    long sum = 0;
    for (int i = 0; i < times; i++)
        sum += f(i);
    return sum;
}

#endif
