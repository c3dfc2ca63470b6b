/* The loader's view of one ELF file (the program or its interpreter):
 * checked completely when opened, so that every error is reported before
 * the old address space is given up (execve's point of no return), and
 * then mapped into the guest space at a chosen bias. Internal to the
 * loader (linux/loader.c, linux/elf*.c). */
#ifndef HART_LINUX_ELF_H
#define HART_LINUX_ELF_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Linux reads at most one page of program headers. */
#define ELF_MAX_PHNUM (4096 / sizeof(Elf64_Phdr))
/* Where Linux riscv64 (Sv39) puts an ET_DYN program: 2/3 of TASK_SIZE,
 * page aligned (ELF_ET_DYN_BASE, without randomisation). */
#define ELF_ET_DYN_BASE 0x2aaaaaa000ull
/* The largest segment alignment honoured when choosing a base. */
#define ELF_MAX_ALIGN (1ull << 30)

struct elf_file {
    const char *shown; /* how messages name the file */
    int fd;
    uint64_t size;
    Elf64_Ehdr eh;
    Elf64_Phdr ph[ELF_MAX_PHNUM];
    unsigned phnum;
    uint64_t lo, hi;   /* page-aligned span of the PT_LOADs, before bias */
    uint64_t align;    /* largest PT_LOAD p_align, at least a page */
    uint64_t phdr;     /* where the headers are in memory, before bias; 0
                          when no PT_LOAD holds them (AT_PHDR as Linux) */
    char *interp;      /* PT_INTERP path (malloc'd), or NULL */
    bool exec_stack;   /* PT_GNU_STACK asks for an executable stack */
};

/* Opens and checks path; returns 0, or 126/127 with a message "SHOWN: why"
 * in err. need_exec: the file must have execute permission. */
int elf_open(struct elf_file *f, const char *path, const char *shown,
             bool need_exec, char *err, size_t errlen);
void elf_close(struct elf_file *f);

/* Maps the PT_LOAD segments with bias added to their addresses (the
 * space must be free there); 0 or 126 with a message. */
int elf_map(const struct elf_file *f, uint64_t bias, char *err, size_t errlen);

/* The auxiliary vector's variable entries and the initial stack's inputs. */
struct elf_stack_in {
    int argc;
    char **argv, **envp;
    const char *execfn;
    uint64_t phdr, phnum, base, entry;
};
struct elf_stack_out {
    uint64_t sp, auxv_addr, auxv_len;
    uint64_t arg_start, arg_end, env_end; /* the string areas */
};
/* Bytes of strings and pointers the vectors need, for the E2BIG check
 * before the point of no return; SIZE_MAX when one string is too long. */
size_t elf_stack_need(int argc, char **argv, char **envp, const char *execfn);
/* Lays out argc, argv, envp, auxv and the strings below top as Linux's
 * create_elf_tables does. The stack must be mapped writable. */
void elf_build_stack(uint64_t top, const struct elf_stack_in *in,
                     struct elf_stack_out *out);

#endif
