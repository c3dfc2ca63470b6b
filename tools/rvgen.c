/* rvgen: random riscv64 test programs, and differential runs of them.
 *   rvgen [-n LEN] [-m MIX] [--illegal-frm] [--ref] SEED OUT.elf
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "gen/prog.h"

int main(int argc, char **argv)
{
    struct gen_options opt;
    gen_default_options(&opt);
    bool ref = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc)
            opt.length = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "-m") && i + 1 < argc) {
            if (!gen_parse_mix(&opt, argv[++i]))
                return 2;
        } else if (!strcmp(argv[i], "--ref"))
            ref = true;
        else if (!strcmp(argv[i], "--illegal-frm"))
            opt.illegal_frm = true;
    }
    if (argc - i != 2)
        return 2;
    struct gen_prog p;
    gen_program(strtoull(argv[i], 0, 0), &opt, &p);
    size_t size;
    uint8_t *img = gen_elf(&p, ref, NULL, &size);
    FILE *f = fopen(argv[i + 1], "wb");
    fwrite(img, 1, size, f);
    fclose(f);
    chmod(argv[i + 1], 0755);
    free(img);
    gen_free(&p);
    return 0;
}
