/* Guest function names for debug output and perf map files. */
#ifndef HART_LINUX_SYMBOLS_H
#define HART_LINUX_SYMBOLS_H

#include <stdbool.h>
#include <stdint.h>

/* Whether names are wanted at all (--perfmap, -d): set once at start-up;
 * reading ELF files for nothing would only slow mmap down. */
extern bool symbols_wanted;

/* Adds the function symbols of the ELF file at path, loaded with bias. */
void symbols_load(const char *path, uint64_t bias);

/* The same for a file the guest mapped at addr from offset, executable:
 * the bias is found from its program headers. Once per file and bias. */
void symbols_load_mapped(const char *path, uint64_t addr, uint64_t offset);

/* The function containing pc and the offset into it, or NULL. */
const char *symbols_lookup(uint64_t pc, uint64_t *offset);

#endif
