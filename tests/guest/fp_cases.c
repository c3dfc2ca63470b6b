/* The hand-derived F/D corner cases of tests/unit/test_fpu_cases.h, run as
 * real riscv64 instructions: each case with its static rounding mode and
 * again as a dynamic-mode instruction under frm. Prints every result and
 * its fflags in hex (the guest suite compares this output between hart and
 * qemu-riscv64), marks results that differ from the table, and exits 1 if
 * any does. */
#include <stdio.h>
#include "fp_exec.h"
#include "../unit/test_fpu_cases.h"

static const char *const rm_names[8] = {"rne", "rtz", "rdn", "rup", "rmm",
                                        "", "", "dyn"};

int main(void)
{
    unsigned bad = 0;
    for (unsigned i = 0; i < FPU_CASE_COUNT; i++) {
        const struct fpu_case *k = &fpu_cases[i];
        int rm = fpu_test_has_rm[k->op] ? k->rm : 0;
        unsigned fl, dfl = 0;
        fp_set_frm(rm == 0 ? 1 : 0); /* a static mode must ignore frm */
        uint64_t r = fp_exec(k->op, rm, k->a, k->b, k->c, &fl), d = r;
        if (fpu_test_has_rm[k->op]) {
            fp_set_frm(rm);
            d = fp_exec(k->op, 7, k->a, k->b, k->c, &dfl);
        } else {
            dfl = fl;
        }
        printf("%4u %-9s %s %016llx %016llx %016llx -> %016llx %02x", i,
               fpu_test_names[k->op], rm_names[rm], (unsigned long long)k->a,
               (unsigned long long)k->b, (unsigned long long)k->c,
               (unsigned long long)r, fl);
        if (r != k->want || fl != k->flags) {
            printf(" MISMATCH want %016llx %02x", (unsigned long long)k->want,
                   k->flags);
            bad++;
        }
        if (d != r || dfl != fl) {
            printf(" DYN %016llx %02x", (unsigned long long)d, dfl);
            bad++;
        }
        printf("\n");
    }
    printf("%u cases, %u mismatches\n", (unsigned)FPU_CASE_COUNT, bad);
    return bad != 0;
}
