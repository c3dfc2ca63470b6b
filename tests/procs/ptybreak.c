/* A break on a pseudo-terminal the program opens itself: TIOCSBRK starts
 * it, TIOCCBRK ends it (qemu-riscv64 7.2 answers ENOSYS to both). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void result(const char *what, int r)
{
    printf("%s: %s\n", what, r < 0 ? strerrorname_np(errno) : "0");
}

int main(void)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0)
        return 1;
    int s = open(ptsname(m), O_RDWR | O_NOCTTY);
    if (s < 0)
        return 1;
    result("TIOCSBRK", ioctl(s, TIOCSBRK));
    result("TIOCCBRK", ioctl(s, TIOCCBRK));
    result("TIOCSBRK on a file", ioctl(0, TIOCSBRK));
    return 0;
}
