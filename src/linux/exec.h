/* What execve decides before a new program runs, shared by the system call
 * (linux/sys_exec.c) and hart's command line (main.c): which file a name
 * finally runs once "#!" lines are followed, with which arguments, and
 * which of hart's own options the hart running a guest's new program
 * inherits. */
#ifndef HART_LINUX_EXEC_H
#define HART_LINUX_EXEC_H

#include "linux/abi.h"

#define EXEC_MAX_DEPTH 5   /* #! rewrites Linux follows before ELOOP */
#define EXEC_LINE_MAX 256  /* bytes of a script binfmt_script looks at */

/* A program name after its "#!" lines were followed. */
struct exec_chain {
    char path[GUEST_PATH_MAX]; /* host path of the last file (not a script) */
    int argc;
    char **argv;               /* malloc'd; see exec_follow_scripts */
    int depth;                 /* #! lines followed */
    const char *failed;        /* on error: the name of the file at fault */
    char line[EXEC_MAX_DEPTH][EXEC_LINE_MAX + 1]; /* interpreter words */
};

/* Follows name through "#!" lines as Linux's binfmt_script does: each
 * script S with "#!INTERP ARG" becomes INTERP with arguments INTERP, ARG
 * (when present; the rest of the line, as one word), S (the name it was
 * run by), then the old argv[1..]. Names are the guest's, looked up as
 * its other paths are (the sysroot first). Scripts must be regular,
 * executable files; the last file (path) is left for the caller to check.
 * argv (argc words) is only referred to, not copied. 0 or -errno: ENOENT
 * or EACCES for the name itself (failed == name) or an interpreter
 * (failed == that interpreter), ENOEXEC for a bad "#!" line, ELOOP past
 * EXEC_MAX_DEPTH, ENOMEM. exec_chain_free in every case. */
int exec_follow_scripts(struct exec_chain *c, const char *name, int argc,
                        char **argv);
void exec_chain_free(struct exec_chain *c);

/* main.c: an option of hart's command line (its words, value included)
 * that the hart started by a guest's execve gets too. Options that set
 * the guest's environment or argv[0] (-E, -U, -0) are not kept. */
void exec_keep_option(char **words, int n);
/* main.c: hart's -U NAME. When the guest's new environment lacks NAME and
 * hart has it (a variable for hart itself, like ASAN_OPTIONS), the next
 * hart gets hart's value and removes it from the guest's view again. */
void exec_keep_unset(const char *name);

#endif
