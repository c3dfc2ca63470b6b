/* Loading a guest program: map the ELF (and its interpreter, if any), build
 * the initial stack as Linux does, and set the registers a new process
 * starts with. */
#ifndef HART_LINUX_LOADER_H
#define HART_LINUX_LOADER_H

#include <stddef.h>
#include "core/hart.h"

/* Loads path with the given argument and environment vectors (argv[0] as
 * the guest will see it). On success fills in proc, sets h->pc and the
 * stack pointer and returns 0. On failure writes one line of explanation,
 * without a "hart: " prefix or newline ("prog: not a RISC-V 64-bit ELF
 * (machine x86-64)"), to err and returns the exit status a shell would give
 * (126 not executable / malformed, 127 not found).
 * Every check on the files and the argument size comes first; only then is
 * the old address space dropped (space_reset). A failure after that point
 * (no memory for a mapping) leaves a half-built space: execve must then
 * kill the process, as Linux does. argv, envp and path must not point into
 * guest memory, which the reset unmaps. */
int loader_exec(struct hart *h, const char *path, int argc, char **argv,
                char **envp, char *err, size_t errlen);

#endif
