/* The execution domain across execve: set, then read back by the program
 * execve'd (this one again, with an argument). Linux keeps the flags; the
 * riscv64 kernel clears none of them at exec (hart drops one,
 * READ_IMPLIES_EXEC, which this leaves out: linux/sys_proc.c). */
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc > 1) {
        printf("after execve: %#x\n", (unsigned)personality(0xffffffff));
        return 0;
    }
    printf("before: %#x\n", (unsigned)personality(PER_LINUX | ADDR_NO_RANDOMIZE | UNAME26));
    fflush(stdout);
    char *args[] = {argv[0], "again", NULL};
    execv("/proc/self/exe", args);
    perror("execv");
    return 1;
}
