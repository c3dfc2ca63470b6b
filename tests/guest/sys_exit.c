/* The exit status reaches the parent: the raw exit call (93, not
 * exit_group) with 42 after writing with write(2) directly, so no libc
 * buffer is involved. */
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
    write(1, "exiting with 42\n", 16);
    syscall(SYS_exit, 42);
    return 1;
}
