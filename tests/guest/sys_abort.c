/* abort() must kill the process with SIGABRT (exit status 134 from a
 * shell): glibc unblocks SIGABRT with rt_sigprocmask, then sends it to
 * itself with tgkill. What was written before is not lost. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("before abort\n");
    fflush(stdout);
    abort();
}
