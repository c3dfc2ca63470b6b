/* Random F/D operands (biased towards specials, subnormals, ties and the
 * conversion limits; see tests/unit/test_fpu_ops.h) through every
 * operation in every static rounding mode, and again in the dynamic mode:
 * prints one hash of results and fflags per operation and mode. The guest
 * suite compares the output between hart and qemu-riscv64; the unit tests
 * hold qemu's hashes (tests/unit/test_fpu_golden.h).
 *   fp_random            the hashes
 *   fp_random OP MODE    every operation of one hash, to find a difference
 *                        (OP as in "fadd.d", MODE 0..4) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fp_exec.h"

static const char *const rm_names[5] = {"rne", "rtz", "rdn", "rup", "rmm"};

static uint64_t run(int op, int rm, int dynamic, int verbose)
{
    uint64_t s = fpu_test_seed(op), h = FPU_TEST_HASH_INIT;
    fp_set_frm(dynamic ? rm : (rm + 1) % 5);
    for (int i = 0; i < FPU_TEST_RANDOM_N; i++) {
        uint64_t a, b, c;
        unsigned fl;
        fpu_test_operands(op, &s, &a, &b, &c);
        uint64_t r = fp_exec(op, dynamic ? 7 : rm, a, b, c, &fl);
        h = fpu_test_hash(h, r, fl);
        if (verbose)
            printf("%4d %016llx %016llx %016llx -> %016llx %02x\n", i,
                   (unsigned long long)a, (unsigned long long)b,
                   (unsigned long long)c, (unsigned long long)r, fl);
    }
    return h;
}

int main(int argc, char **argv)
{
    if (argc == 3) {
        for (int op = 0; op < T_COUNT; op++)
            if (!strcmp(argv[1], fpu_test_names[op]))
                run(op, atoi(argv[2]), 0, 1);
        return 0;
    }
    int bad = 0;
    for (int op = 0; op < T_COUNT; op++) {
        int modes = fpu_test_has_rm[op] ? 5 : 1;
        for (int rm = 0; rm < modes; rm++) {
            uint64_t h = run(op, rm, 0, 0);
            printf("%-9s %s %016llx", fpu_test_names[op], rm_names[rm],
                   (unsigned long long)h);
            if (modes > 1 && run(op, rm, 1, 0) != h) {
                printf(" dynamic mode differs");
                bad = 1;
            }
            printf("\n");
        }
    }
    return bad;
}
