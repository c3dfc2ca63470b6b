/* hart's private standard error (diag.h). The copy sits high in the
 * descriptor table, where the guest's own descriptors rarely reach, and is
 * reserved (linux/syscall.c): the guest's system calls on it fail with
 * EBADF, as if it were not open. */
#include "core/diag.h"

#include <stdio.h>
#include "linux/syscall.h"

int diag_fd = 2;

void diag_init(void)
{
    int fd = syscall_dup_high(2);
    if (fd < 0)
        return; /* no stderr, or no room: messages share the guest's fd 2 */
    FILE *f = fdopen(fd, "w");
    if (!f)
        return;
    setvbuf(f, NULL, _IONBF, 0);
    stderr = f;
    diag_fd = fd;
    syscall_reserve_fd(fd);
}
