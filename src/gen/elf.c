/* The ELF image of a generated program: a static ET_EXEC for riscv64 with
 * three PT_LOAD segments: code (headers, instructions, then the constant
 * pool; read+execute), data (the dump area, then the scratch buffer with
 * its initial contents, then zeroed room for a signal stack; read+write),
 * and a zeroed area for code written at
 * run time (read+write+execute). Nothing else: no sections, no
 * interpreter, no libc. */
#include <assert.h>
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include "gen/gen.h"

#ifndef EM_RISCV
#define EM_RISCV 243
#endif
#define EF_RVC 0x1
#define EF_FLOAT_DOUBLE 0x4
#define PAGE 0x1000u

uint8_t *gen_elf(const struct gen_prog *prog, bool ref, const uint8_t *removed,
                 size_t *size)
{
    const struct gen_slot *last = &prog->slot[prog->nslots - 1];
    size_t text = GEN_TEXT - GEN_CODE_BASE;
    size_t pool = text + ((last->off + last->len + 7) & ~7u);
    size_t code_size = pool + 8 * prog->npool;
    size_t data_off = (code_size + PAGE - 1) & ~(size_t)(PAGE - 1);
    size_t data_size = GEN_DUMP_SIZE;
    size_t smc_off = (data_off + data_size + PAGE - 1) & ~(size_t)(PAGE - 1);
    assert(GEN_DATA_BASE + gen_data_size() <= GEN_SMC_BASE);
    assert(GEN_CODE_BASE + code_size <= GEN_DATA_BASE);

    *size = smc_off + GEN_SMC_SIZE;
    uint8_t *img = calloc(1, *size);
    if (!img)
        abort();
    Elf64_Ehdr eh = {
        .e_ident = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB,
                    EV_CURRENT, ELFOSABI_SYSV},
        .e_type = ET_EXEC, .e_machine = EM_RISCV, .e_version = EV_CURRENT,
        .e_entry = GEN_TEXT, .e_phoff = sizeof eh,
        .e_flags = EF_RVC | EF_FLOAT_DOUBLE, .e_ehsize = sizeof eh,
        .e_phentsize = sizeof(Elf64_Phdr), .e_phnum = 3,
    };
    Elf64_Phdr ph[3] = {
        {.p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
         .p_vaddr = GEN_CODE_BASE, .p_paddr = GEN_CODE_BASE,
         .p_filesz = code_size, .p_memsz = code_size, .p_align = PAGE},
        {.p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = data_off,
         .p_vaddr = GEN_DATA_BASE, .p_paddr = GEN_DATA_BASE,
         .p_filesz = data_size, .p_memsz = gen_data_size(), .p_align = PAGE},
        {.p_type = PT_LOAD, .p_flags = PF_R | PF_W | PF_X, .p_offset = smc_off,
         .p_vaddr = GEN_SMC_BASE, .p_paddr = GEN_SMC_BASE,
         .p_filesz = GEN_SMC_SIZE, .p_memsz = GEN_SMC_SIZE, .p_align = PAGE},
    };
    memcpy(img, &eh, sizeof eh);
    memcpy(img + sizeof eh, ph, sizeof ph);

    for (size_t i = 0; i < prog->nslots; i++) {
        const struct gen_slot *s = &prog->slot[i];
        uint32_t w = ref ? s->ref : s->word;
        if (removed && s->unit >= 0 && removed[s->unit])
            w = s->len == 2 ? 0x0001 /* c.nop */ : 0x00000013 /* nop */;
        memcpy(img + text + s->off, &w, s->len);  /* little-endian host */
    }
    memcpy(img + pool, prog->pool, 8 * prog->npool);
    memcpy(img + data_off + offsetof(struct gen_dump, scratch), prog->scratch,
           GEN_SCRATCH_SIZE);
    return img;
}
