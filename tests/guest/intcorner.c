/* Integer corner cases that differ between RISC-V and x86: division by zero
 * and the most negative number divided by -1 (RISC-V defines results, x86
 * traps), 32-bit W operations and their sign extension, shift amounts taken
 * modulo the width, high multiplies, conversions. Operands pass through
 * volatile variables, so the instructions run rather than being folded;
 * the divisions are undefined in C but the compiler emits plain div/rem. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static volatile int64_t v64[] = {0, 1, -1, 2, -2, 7, -7, INT64_MIN, INT64_MAX,
                                 INT32_MIN, INT32_MAX, 0x80000000ll, 0xffffffffll,
                                 0x123456789abcdefll};
#define N (sizeof v64 / sizeof *v64)

static unsigned long long digest;
static void mix(uint64_t x)
{
    digest = (digest ^ x) * 0x100000001b3ull;
}

int main(void)
{
    volatile int64_t zero = 0, minus1 = -1, lmin = INT64_MIN;
    volatile int32_t wzero = 0, wminus1 = -1, wmin = INT32_MIN;
    volatile uint64_t uzero = 0;
    volatile uint32_t uwzero = 0;
    printf("div by 0: %lld %llu %d %u\n", (long long)(lmin / zero),
           (unsigned long long)(42 / uzero), (int)(wmin / wzero), (unsigned)(42u / uwzero));
    printf("rem by 0: %lld %llu %d %u\n", (long long)(lmin % zero),
           (unsigned long long)(lmin % (int64_t)uzero), (int)(wmin % wzero),
           (unsigned)(4242u % uwzero));
    printf("min/-1: %lld rem %lld; w: %d rem %d\n", (long long)(lmin / minus1),
           (long long)(lmin % minus1), (int)(wmin / wminus1), (int)(wmin % wminus1));

    for (unsigned i = 0; i < N; i++)
        for (unsigned j = 0; j < N; j++) {
            int64_t a = v64[i], b = v64[j];
            uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
            int32_t wa = (int32_t)a, wb = (int32_t)b;
            uint32_t uwa = (uint32_t)a, uwb = (uint32_t)b;
            mix(ua + ub);
            mix(ua * ub);
            mix((uint64_t)(((__int128)a * b) >> 64));
            mix((uint64_t)(((unsigned __int128)ua * ub) >> 64));
            mix((uint64_t)(((__int128)a * (unsigned __int128)ub) >> 64));
            mix((uint64_t)(int64_t)(int32_t)(uwa + uwb));   /* addw */
            mix((uint64_t)(int64_t)(int32_t)(uwa - uwb));   /* subw */
            mix((uint64_t)(int64_t)(int32_t)(uwa * uwb));   /* mulw */
            if (b != 0 && !(a == INT64_MIN && b == -1)) {
                mix((uint64_t)(a / b));
                mix((uint64_t)(a % b));
            }
            if (ub != 0) {
                mix(ua / ub);
                mix(ua % ub);
            }
            if (wb != 0 && !(wa == INT32_MIN && wb == -1)) {
                mix((uint64_t)(int64_t)(wa / wb));
                mix((uint64_t)(int64_t)(wa % wb));
            }
            if (uwb != 0) {
                mix((uint64_t)(int64_t)(int32_t)(uwa / uwb));   /* divuw sign-extends */
                mix((uint64_t)(int64_t)(int32_t)(uwa % uwb));
            }
            unsigned sh = (unsigned)b;
            mix(ua << (sh & 63));
            mix(ua >> (sh & 63));
            mix((uint64_t)(a >> (sh & 63)));
            mix((uint64_t)(int64_t)(int32_t)(uwa << (sh & 31)));   /* sllw */
            mix((uint64_t)(int64_t)(int32_t)(uwa >> (sh & 31)));   /* srlw */
            mix((uint64_t)(int64_t)(wa >> (sh & 31)));             /* sraw */
            mix((uint64_t)(a < b) | (uint64_t)(ua < ub) << 1 | (uint64_t)(wa < wb) << 2);
        }
    printf("digest %016llx\n", digest);

    volatile int32_t big = INT32_MAX;
    volatile uint32_t ubig = UINT32_MAX;
    printf("wrap %d %u %lld %llu\n", (int32_t)((uint32_t)big + 1), ubig + 1u,
           (long long)(int32_t)((uint32_t)big * 2u), (unsigned long long)(uint64_t)ubig);
    volatile int8_t c = -1;
    volatile uint16_t h = 0xfffe;
    printf("extend %lld %llu %lld %llu\n", (long long)c, (unsigned long long)(uint8_t)c,
           (long long)(int16_t)h, (unsigned long long)h);
    volatile unsigned amount = 65;
    volatile uint64_t one = 1;
    printf("shift by var&63: %llu, by var&31 on 32 bits: %u\n",
           (unsigned long long)(one << (amount & 63)), (uint32_t)one << (amount & 31));
    volatile double dbig = 1e30, dneg = -1e30, dnan = 0.0;
    dnan = dnan / dnan;
    /* Out-of-range conversions are undefined in C; RISC-V saturates, and the
     * compiler emits fcvt, so compare what the machine does. */
    printf("fcvt sat %lld %lld %lld %llu %d %u\n", (long long)dbig, (long long)dneg,
           (long long)dnan, (unsigned long long)dneg, (int)dbig, (unsigned)dneg);
    return 0;
}
