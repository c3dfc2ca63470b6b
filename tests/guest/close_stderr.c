/* Closes its standard error before exiting, as GNU tools do through
 * close_stdout: the guest's fd 2 is gone (writes fail with EBADF) while
 * hart's own messages (--strace, --stats) must still get out. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    fprintf(stderr, "to stderr before closing it\n");
    if (close(2) != 0)
        return 1;
    ssize_t n = write(2, "lost\n", 5);
    printf("write to the closed fd 2: %zd (%s)\n", n,
           n < 0 ? strerror(errno) : "written");
    return 0;
}
