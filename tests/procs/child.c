/* What a program started by execve sees: its argv, its PC_* environment
 * variables, its names (/proc/self/exe, AT_EXECFN, comm), its
 * /proc/self/cmdline and its blocked signals. Exits with $PC_EXIT, or
 * dies of signal $PC_KILL; with $PC_CHDIR, changes directory first. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (getenv("PC_CHDIR") && chdir("/") < 0)
        return 1;
    printf("argc %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d] %s\n", i, argv[i]);
    for (char **e = environ; *e; e++)
        if (!strncmp(*e, "PC_", 3))
            printf("env %s\n", *e);
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("exe %s\n", buf);
    printf("execfn %s\n", (const char *)getauxval(AT_EXECFN));
    int fd = open("/proc/self/comm", O_RDONLY);
    n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : 0;
    buf[n > 0 ? n : 0] = '\0';
    printf("comm %s", buf);
    close(fd);
    fd = open("/proc/self/cmdline", O_RDONLY);
    n = fd >= 0 ? read(fd, buf, sizeof buf) : 0;
    close(fd);
    ssize_t want = 0;
    for (int i = 0; i < argc; i++) {
        size_t l = strlen(argv[i]) + 1;
        if (want + (ssize_t)l > n || memcmp(buf + want, argv[i], l))
            want = -1000000;
        want += (ssize_t)l;
    }
    printf("cmdline is argv: %s\n", want == n ? "yes" : "no");
    sigset_t set;
    sigprocmask(SIG_BLOCK, NULL, &set);
    printf("blocked:");
    for (int sig = 1; sig < 32; sig++)
        if (sigismember(&set, sig))
            printf(" %s", sigabbrev_np(sig));
    printf("\n");
    fflush(stdout);
    if (getenv("PC_KILL"))
        kill(getpid(), atoi(getenv("PC_KILL")));
    return getenv("PC_EXIT") ? atoi(getenv("PC_EXIT")) : 0;
}
