/* Guest function names for debug output and perf map files. */
#ifndef HART_LINUX_SYMBOLS_H
#define HART_LINUX_SYMBOLS_H

#include <stdint.h>

/* Adds the function symbols of the ELF file at path, loaded with bias. */
void symbols_load(const char *path, uint64_t bias);

/* The function containing pc and the offset into it, or NULL. */
const char *symbols_lookup(uint64_t pc, uint64_t *offset);

#endif
