/* Process-wide facts of the guest: what was executed, with which options,
 * and what the loader laid out. Written once at start-up (and at execve,
 * when the process is alone), read by everyone after; no lock needed. */
#ifndef HART_LINUX_PROCESS_H
#define HART_LINUX_PROCESS_H

#include <stdbool.h>
#include <stdint.h>

struct process {
    /* Options from the command line. */
    const char *sysroot;      /* -L: where absolute guest paths are looked up */
    bool strace;              /* --strace: print each system call */
    bool debug_unimplemented; /* report each unimplemented syscall once */

    /* The program. */
    const char *exe_path;     /* host path of the guest executable */
    const char *exe_name;     /* the guest's AT_EXECFN: the name it was run
                                 by (a script's, for a #! script); NULL:
                                 the loader uses exe_path */

    /* What the loader laid out (guest addresses). */
    uint64_t entry;           /* program entry (not the interpreter's) */
    uint64_t phdr, phnum;
    uint64_t load_bias;       /* of the program; 0 for ET_EXEC */
    uint64_t interp_base;     /* AT_BASE: 0 without an interpreter */
    uint64_t auxv_addr, auxv_len;  /* the auxv on the guest stack */
    /* The argument strings are [arg_start, arg_end), the environment's
     * [arg_end, env_end), as /proc/self/cmdline and environ show them. */
    uint64_t arg_start, arg_end, env_end;
    uint64_t stack_top;
    uint64_t sigreturn_trampoline; /* guest code: li a7, 139; ecall */
};

extern struct process proc;

#endif
