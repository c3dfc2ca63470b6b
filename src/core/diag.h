/* hart's own standard error: where its messages go (--strace, --stats,
 * warnings, internal errors), whatever the guest does to its fd 2. */
#ifndef HART_CORE_DIAG_H
#define HART_CORE_DIAG_H

/* The descriptor hart writes its messages to: 2 until diag_init. */
extern int diag_fd;

/* Keeps a private copy of the standard error hart started with, closed on
 * exec and out of the guest's reach, and points stdio's stderr at it: a
 * guest that closes or redirects its own fd 2 (as GNU tools do at exit)
 * no longer silences hart. Keeps fd 2 when no copy can be made. */
void diag_init(void);

#endif
