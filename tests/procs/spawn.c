/* Starts programs in the ways a guest can, and reports how they ended:
 *   spawn exec|vfork|posix_spawn PROG ARGS...   child runs PROG
 *   spawn system COMMAND                        system(COMMAND)
 *   spawn mask PROG ARGS...                     SIGUSR1 blocked, then exec
 *   spawn fexecve|memfd PROG ARGS...            exec through a descriptor
 *   spawn at DIR NAME ARGS...                   execveat(DIR's fd, NAME)
 *   spawn self                                  exec /proc/self/exe
 *   spawn thread PROG ARGS...                   a second thread execs
 *   spawn shared                                a vfork child's writes, seen
 *                                               by its parent (Linux runs the
 *                                               child in its memory)
 * Each failure prints the error's name. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void report(const char *what, int st)
{
    if (WIFEXITED(st))
        printf("%s: exit %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: status %#x\n", what, st);
}

static void failed(const char *what)
{
    printf("%s: %s\n", what, strerrorname_np(errno));
    fflush(stdout);
}

static int written_by_child = 1;
/* Written by another thread of the parent while a vfork child lives: the
 * write must survive the child's return (hart hands the child's writes
 * back to the parent: linux/vfork_share.c). */
static _Alignas(4096) volatile int written_meanwhile;

static void *write_later(void *arg)
{
    struct timespec pause = {0, 20000000};
    nanosleep(&pause, NULL);
    written_meanwhile = 42;
    return arg;
}

static void *exec_thread(void *arg)
{
    char **rest = arg;
    execv(rest[0], rest);
    failed("thread");
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    const char *how = argv[1];
    char **rest = argv + 2;
    int st;
    pid_t pid;
    fflush(stdout);
    if (!strcmp(how, "exec") || !strcmp(how, "vfork")) {
        pid = how[0] == 'e' ? fork() : vfork();
        if (pid == 0) {
            execv(rest[0], rest);
            failed("execv");
            _exit(127);
        }
        waitpid(pid, &st, 0);
        report(how, st);
    } else if (!strcmp(how, "posix_spawn")) {
        int r = posix_spawn(&pid, rest[0], NULL, NULL, rest, environ);
        if (r) {
            errno = r;
            failed(how);
            return 0;
        }
        waitpid(pid, &st, 0);
        report(how, st);
    } else if (!strcmp(how, "system")) {
        report(how, system(rest[0]));
    } else if (!strcmp(how, "mask")) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGUSR1);
        sigprocmask(SIG_BLOCK, &set, NULL);
        execv(rest[0], rest);
        failed(how);
    } else if (!strcmp(how, "fexecve") || !strcmp(how, "memfd")) {
        int fd = open(rest[0], O_RDONLY | O_CLOEXEC);
        if (how[0] == 'm') {
            int m = memfd_create("copy", MFD_CLOEXEC);
            char buf[65536];
            ssize_t n;
            while ((n = read(fd, buf, sizeof buf)) > 0)
                write(m, buf, (size_t)n);
            close(fd);
            fd = m;
        }
        fexecve(fd, rest, environ);
        failed(how);
    } else if (!strcmp(how, "at")) {
        int dir = open(rest[0], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        syscall(SYS_execveat, dir, rest[1], rest + 1, environ, 0);
        failed(how);
    } else if (!strcmp(how, "self")) {
        if (argc > 2) {
            char exe[4096];
            ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
            exe[n > 0 ? n : 0] = '\0';
            printf("again: exe %s argv[0] %s\n", exe, argv[0]);
            return 0;
        }
        execl("/proc/self/exe", "spawn-again", "self", "again", (char *)NULL);
        failed(how);
    } else if (!strcmp(how, "shared")) {
        volatile int local = 10;
        pid = vfork();
        if (pid == 0) {
            written_by_child = 2;
            local = 20;
            _exit(3);
        }
        waitpid(pid, &st, 0);
        printf("vfork child wrote: global %d, local %d\n", written_by_child, local);
        report("vfork", st);
        /* posix_spawn learns of a failed execve from what its child wrote */
        char *missing[] = {"./no-such-program", NULL};
        int r = posix_spawn(&pid, missing[0], NULL, NULL, missing, environ);
        printf("posix_spawn of a missing program: %s\n", r ? strerrorname_np(r) : "0");
        r = posix_spawn(&pid, "./child", NULL, NULL, (char *[]){"./child", NULL}, environ);
        if (r == 0)
            waitpid(pid, &st, 0);
        printf("posix_spawn of a program: %s\n", r ? strerrorname_np(r) : "0");
        pthread_t t;
        pthread_create(&t, NULL, write_later, NULL);
        pid = vfork();
        if (pid == 0) {
            struct timespec pause = {0, 200000000};
            nanosleep(&pause, NULL);
            _exit(0);
        }
        pthread_join(t, NULL);
        waitpid(pid, &st, 0);
        printf("another thread's write meanwhile kept: %s\n",
               written_meanwhile == 42 ? "yes" : "no");
    } else if (!strcmp(how, "thread")) {
        pthread_t t;
        pthread_create(&t, NULL, exec_thread, rest);
        for (;;)
            pause(); /* the exec ends this thread too */
    } else {
        return 2;
    }
    return 0;
}
