/* The guest's system calls: the riscv64 Linux ABI (asm-generic numbers)
 * mapped onto the host kernel. */
#ifndef HART_LINUX_SYSCALL_H
#define HART_LINUX_SYSCALL_H

#include "core/hart.h"

/* Performs the system call the guest asked for with ecall: number in a7,
 * arguments in a0..a5; writes the result (or -errno) to a0. The caller has
 * already set h->pc to the instruction after the ecall. Does not return for
 * exit_group (and for exit, while the process has one thread). */
void syscall_dispatch(struct hart *h);

#endif
