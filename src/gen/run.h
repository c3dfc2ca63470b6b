/* Running a guest program under an emulator (hart, qemu-riscv64) and
 * collecting what differential testing compares: exit status and stdout. */
#ifndef HART_GEN_RUN_H
#define HART_GEN_RUN_H

#include <stddef.h>
#include <stdint.h>

/* Exit statuses besides 0..255: death by signal S is 128 + S (as a shell
 * reports it); a run past its time limit is GEN_TIMEOUT; a command that
 * could not start is GEN_NOEXEC. */
enum { GEN_TIMEOUT = 1000, GEN_NOEXEC = 1001 };

struct gen_result {
    int status;
    uint8_t *out;       /* stdout (malloc'ed) */
    size_t len;
    char err[400];      /* start of stderr */
};

/* Runs "cmd prog" (cmd may hold several words, e.g. "qemu-riscv64 -cpu
 * rv64") with stdin closed, for at most timeout seconds. */
void gen_run(const char *cmd, const char *prog, double timeout,
             struct gen_result *r);
void gen_result_free(struct gen_result *r);

/* Whether two results are the same: status and stdout byte for byte. */
int gen_result_equal(const struct gen_result *a, const struct gen_result *b);

/* "exit 0", "killed by SIGILL", "timeout"... */
const char *gen_status_text(int status, char *buf, size_t size);

#endif
