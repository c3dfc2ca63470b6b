/* --strace: one line per guest system call on stderr, in strace's style,
 * prefixed with the pid as qemu does:
 *   12345 openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3
 *   12345 openat(AT_FDCWD, "/nope", O_RDONLY) = -1 ENOENT (No such file or directory)
 * The argument kinds come from syscalls.def. Guest memory is read only
 * through the checked accessors, so a bad pointer prints as a number. */
#ifndef HART_LINUX_STRACE_H
#define HART_LINUX_STRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Formats the line for call nr with arguments a, without pid or newline,
 * into buf (always NUL-terminated); returns its length. done false gives
 * the form printed before a call that does not return: "exit_group(0) = ?". */
size_t strace_format(char *buf, size_t size, uint64_t nr, const uint64_t *a,
                     int64_t r, bool done);

/* Formats and writes the line, with the pid and newline, in one write. */
void strace_print(uint64_t nr, const uint64_t *a, int64_t r, bool done);

#endif
