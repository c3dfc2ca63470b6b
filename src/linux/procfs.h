/* The /proc files that must describe the guest rather than hart, built by
 * hart. Everything else under /proc is the host's, which is right for the
 * guest as long as it describes the process as a whole (pid, fds, cwd,
 * limits) rather than the program hart runs. */
#ifndef HART_LINUX_PROCFS_H
#define HART_LINUX_PROCFS_H

#include <stdbool.h>
#include <stdio.h>

/* Writes the guest's version of a /proc file to f. leaf is what
 * sys_proc_self returns: "maps", "auxv", "cmdline", "environ" for
 * /proc/self/..., "../cpuinfo" for /proc/cpuinfo. false when hart does not
 * build that file (the host's is used). */
bool procfs_generate(const char *leaf, FILE *f);

/* The link target of /proc/self/exe as the guest sees it: the guest
 * program's canonical path, with the sysroot prefix taken off when the
 * program lies inside it (the guest's absolute paths are looked up there
 * first, so the shorter name opens the same file). Thread-safe; NULL
 * before a program is loaded. */
const char *procfs_exe_link(void);

#endif
