/* wait4 and waitid on forked children: exit codes, deaths by signal,
 * stops and continues, WNOHANG with nothing to report, WNOWAIT, __WALL,
 * P_PGID and P_PIDFD, the siginfo waitid fills, the rusage both fill, and
 * the errors (ECHILD, EINVAL, and EFAULT after the child was reaped, as
 * Linux reports a bad result pointer). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

static volatile uintptr_t unmapped = 8;

/* A child that exits with code, or dies of sig when sig is not 0. */
static pid_t child(int code, int sig)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (sig)
            kill(getpid(), sig);
        _exit(code);
    }
    return pid;
}

/* A child that waits to be killed. */
static pid_t sleeper(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    return pid;
}

static void show_status(const char *what, int st)
{
    printf("%s: ", what);
    if (WIFEXITED(st))
        printf("exited %d\n", WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("killed by %d%s\n", WTERMSIG(st), WCOREDUMP(st) ? " (core)" : "");
    else if (WIFSTOPPED(st))
        printf("stopped by %d\n", WSTOPSIG(st));
    else if (WIFCONTINUED(st))
        printf("continued\n");
    else
        printf("status %#x\n", st);
}

static const char *code_name(int code)
{
    switch (code) {
    case CLD_EXITED: return "CLD_EXITED";
    case CLD_KILLED: return "CLD_KILLED";
    case CLD_DUMPED: return "CLD_DUMPED";
    case CLD_STOPPED: return "CLD_STOPPED";
    case CLD_CONTINUED: return "CLD_CONTINUED";
    default: return "?";
    }
}

static void show_info(const char *what, const siginfo_t *si, pid_t pid)
{
    printf("%s: signo %d code %s pid %s uid %s status %d\n", what,
           si->si_signo, code_name(si->si_code),
           si->si_pid == pid ? "right" : "wrong",
           si->si_uid == getuid() ? "right" : "wrong", si->si_status);
}

static long raw_waitid(int idtype, int id, siginfo_t *si, int options,
                       struct rusage *ru)
{
    return syscall(SYS_waitid, idtype, id, si, options, ru);
}

int main(void)
{
    int st;
    struct rusage ru;
    siginfo_t si;

    /* wait4: exit codes and signals. */
    int codes[] = {0, 1, 42, 255};
    for (int i = 0; i < 4; i++) {
        pid_t pid = child(codes[i], 0);
        memset(&ru, 0xff, sizeof ru);
        pid_t r = wait4(pid, &st, 0, &ru);
        printf("wait4 %s, ", r == pid ? "right pid" : "wrong pid");
        show_status("exit", st);
        printf("rusage filled: %s\n",
               ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 &&
                       ru.ru_maxrss >= 0 ? "yes" : "no");
    }
    int sigs[] = {SIGTERM, SIGKILL, SIGUSR1, SIGINT};
    for (int i = 0; i < 4; i++) {
        pid_t pid = child(0, sigs[i]);
        waitpid(pid, &st, 0);
        show_status("signal", st);
    }

    /* WNOHANG, WUNTRACED, WCONTINUED. */
    pid_t pid = sleeper();
    printf("WNOHANG while running: %d\n", (int)waitpid(pid, &st, WNOHANG));
    kill(pid, SIGSTOP);
    waitpid(pid, &st, WUNTRACED);
    show_status("WUNTRACED", st);
    kill(pid, SIGCONT);
    waitpid(pid, &st, WCONTINUED);
    show_status("WCONTINUED", st);
    kill(pid, SIGKILL);
    waitpid(pid, &st, __WALL);
    show_status("__WALL", st);

    /* Errors. */
    errno = 0;
    printf("no child: %d %s\n", (int)waitpid(-1, &st, 0),
           errno == ECHILD ? "ECHILD" : strerror(errno));
    printf("bad options: %d %s\n", (int)waitpid(-1, &st, 0x100),
           errno == EINVAL ? "EINVAL" : strerror(errno));
    pid = child(3, 0);
    errno = 0;
    long r = syscall(SYS_wait4, pid, (int *)unmapped, 0, NULL);
    printf("bad status pointer: %ld %s, ", r,
           errno == EFAULT ? "EFAULT" : strerror(errno));
    printf("then: %s\n",
           waitpid(pid, &st, WNOHANG) < 0 && errno == ECHILD ? "reaped"
                                                            : "not reaped");
    pid = child(4, 0);
    r = syscall(SYS_wait4, pid, &st, 0, (struct rusage *)unmapped);
    printf("bad rusage pointer: %ld %s\n", r,
           errno == EFAULT ? "EFAULT" : strerror(errno));

    /* waitid. */
    pid = child(5, 0);
    memset(&si, 0x55, sizeof si);
    memset(&ru, 0, sizeof ru);
    r = raw_waitid(P_PID, pid, &si, WEXITED, &ru);
    printf("waitid: %ld\n", r);
    show_info("P_PID", &si, pid);
    printf("untouched siginfo bytes kept: %s\n",
           ((unsigned char *)&si)[100] == 0x55 ? "yes" : "no");
    pid = child(0, SIGTERM);
    r = raw_waitid(P_ALL, 0, &si, WEXITED | WNOWAIT, NULL);
    show_info("WNOWAIT", &si, pid);
    r = raw_waitid(P_PGID, 0, &si, WEXITED, NULL);
    show_info("P_PGID after WNOWAIT", &si, pid);
    pid = sleeper();
    memset(&si, 0x55, sizeof si);
    r = raw_waitid(P_PID, pid, &si, WEXITED | WNOHANG, NULL);
    printf("WNOHANG: %ld, signo %d pid %d\n", r, si.si_signo, si.si_pid);
    kill(pid, SIGSTOP);
    raw_waitid(P_PID, pid, &si, WSTOPPED, NULL);
    show_info("WSTOPPED", &si, pid);
    kill(pid, SIGCONT);
    raw_waitid(P_PID, pid, &si, WCONTINUED, NULL);
    show_info("WCONTINUED", &si, pid);
    kill(pid, SIGKILL);
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    printf("pidfd_open: %s\n", pidfd >= 0 ? "ok" : strerror(errno));
    raw_waitid(P_PIDFD, pidfd, &si, WEXITED, NULL);
    show_info("P_PIDFD", &si, pid);
    close(pidfd);
    r = raw_waitid(P_ALL, 0, &si, WEXITED, NULL);
    printf("waitid no child: %ld %s\n", r,
           errno == ECHILD ? "ECHILD" : strerror(errno));
    r = raw_waitid(P_ALL, 0, &si, 0, NULL);
    printf("waitid no options: %ld %s\n", r,
           errno == EINVAL ? "EINVAL" : strerror(errno));
    pid = child(6, 0);
    r = raw_waitid(P_PID, pid, (siginfo_t *)unmapped, WEXITED, NULL);
    printf("waitid bad siginfo: %ld %s, then %s\n", r,
           errno == EFAULT ? "EFAULT" : strerror(errno),
           waitpid(pid, &st, WNOHANG) < 0 && errno == ECHILD ? "reaped"
                                                            : "not reaped");
    pid = child(7, 0);
    r = raw_waitid(P_PID, pid, NULL, WEXITED, NULL);
    printf("waitid NULL siginfo: %ld, then %s\n", r,
           waitpid(pid, &st, WNOHANG) < 0 && errno == ECHILD ? "reaped"
                                                            : "not reaped");
    return 0;
}
