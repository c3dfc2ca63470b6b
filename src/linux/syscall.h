/* The guest's system calls: the riscv64 Linux ABI (asm-generic numbers)
 * mapped onto the host kernel. */
#ifndef HART_LINUX_SYSCALL_H
#define HART_LINUX_SYSCALL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "core/hart.h"

/* Performs the system call the guest asked for with ecall: number in a7,
 * arguments in a0..a5; writes the result (or -errno) to a0. The caller has
 * already set h->pc to the instruction after the ecall. Does not return for
 * exit_group (and for exit, while the process has one thread). */
void syscall_dispatch(struct hart *h);

/* riscv_flush_icache calls this, when set, with the range the guest gave.
 * Linux ignores the range and makes all code coherent, and programs rely
 * on that (they pass 0, 0 or a loose range), so the engine should too. */
extern void (*sys_flush_icache_hook)(uint64_t start, uint64_t end);

/* Marks a host descriptor as hart's own: guest system calls naming it fail
 * with EBADF (at most 8). */
void syscall_reserve_fd(int fd);

/* A close-on-exec duplicate of fd high in the descriptor table, where the
 * guest's own descriptors rarely reach (for one of hart's own); -1 when
 * there is no room. */
int syscall_dup_high(int fd);

/* Lists the system calls of the table, with "implemented" or "missing"
 * (only the missing ones when missing_only). */
void syscall_print_table(FILE *f, bool missing_only);

#endif
