/* The run loop: runs a guest hart until the process exits, handing system
 * calls to the OS layer and turning guest faults into signals. */
#ifndef HART_CORE_RUN_H
#define HART_CORE_RUN_H

#include <stdnoreturn.h>
#include "core/hart.h"

/* Installs the host fault handlers the engine relies on; once, at start. */
void run_install_fault_handlers(void);

/* Runs h on this host thread; does not return (the guest exits, or dies). */
noreturn void run_guest(struct hart *h);

/* Drops all decoded (and later translated) code, safely with respect to
 * every running guest thread. */
void run_flush_code(void);

/* For space_code_changed: guest code in [addr, addr + len) was unmapped or
 * changed protection; called outside the engine (from system calls). */
void run_code_changed(uint64_t addr, uint64_t len);

/* In the child of a fork, on its only thread, before it runs guest code
 * again: the engine forgets the parent's other threads and takes its own
 * copy of what it shared with the parent. */
void run_fork_child(struct hart *h);

/* A hart whose thread is exiting stops being interrupted by flushes. */
void run_unregister(struct hart *h);

/* The guest dies of signal sig (its default action), and hart with it:
 * a guest killed by a signal makes hart die of the same signal. */
noreturn void run_die_of_signal(struct hart *h, int sig);
/* Called by run_die_of_signal before the process dies, if set. */
extern void (*run_last_words)(void);

#endif
