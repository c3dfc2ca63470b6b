/* `hart --disas FILE`: a listing of a riscv64 ELF file's code in the layout
 * of GNU objdump -d -M no-aliases, from hart's own decoder. */
#ifndef HART_CORE_DISAS_FILE_H
#define HART_CORE_DISAS_FILE_H

#include <stdio.h>

/* Prints every executable section of the ELF file at path to out. Returns
 * 0, or 1 after a one-line message on stderr when the file cannot be read
 * or is not a well-formed riscv64 ELF file. */
int disas_file(const char *path, FILE *out);

#endif
