/* What a vfork child writes reaches its parent (see vfork_share.c). */
#ifndef HART_LINUX_VFORK_SHARE_H
#define HART_LINUX_VFORK_SHARE_H

/* The pipe a vfork parent waits on (close-on-exec), at descriptor numbers
 * the guest does not use (high, as hart's own): 0 or -errno. */
int vfork_share_pipe(int fds[2]);

/* In every new process: fd is -1, or, in a child made by vfork or
 * clone(CLONE_VM|CLONE_VFORK), the write end of the pipe its parent reads
 * until the child execs or exits, which the guest may not touch from now
 * on. */
void vfork_share_child_start(int fd);

/* Sends the parent every page of guest memory this child has written since
 * it started; does nothing in any other process. Called just before the
 * child execs and when it exits. */
void vfork_share_child_send(void);

/* In the parent: reads the child's pages from fd until the child closes
 * it (by exec or exit) and writes them into this process's memory. */
void vfork_share_parent_receive(int fd);

#endif
