/* Default actions, seen by the parent through wait: children that raise
 * SIGTERM, SIGUSR1 or SIGABRT, that are killed by the parent while blocked
 * in pause(), or that fault (NULL access with no handler, with SIGSEGV
 * blocked, with SIGSEGV ignored) die of that signal; SIGCHLD, SIGURG,
 * SIGWINCH and SIGCONT are ignored by default; an ignored SIGINT is
 * inherited across fork; SIGSTOP and SIGCONT stop and resume a child
 * (waitpid with WUNTRACED and WCONTINUED); SIGCHLD set to SIG_IGN makes
 * children vanish without a zombie (wait gives ECHILD); a SIGCHLD
 * handler gets CLD_EXITED with the child's pid and status. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void describe(const char *what, int status)
{
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by %s\n", what, sigabbrev_np(WTERMSIG(status)));
    else if (WIFSTOPPED(status))
        printf("%s: stopped by %s\n", what, sigabbrev_np(WSTOPSIG(status)));
    else if (WIFCONTINUED(status))
        printf("%s: continued\n", what);
}

static void child_does(const char *what, void (*fn)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        fn();
        _exit(77);
    }
    int status;
    waitpid(pid, &status, 0);
    describe(what, status);
}

static void do_term(void) { raise(SIGTERM); }
static void do_usr1(void) { kill(getpid(), SIGUSR1); }
static void do_abort(void) { abort(); }
static volatile int *volatile null_ptr;
static void do_segv(void) { (void)*null_ptr; }
static void do_segv_blocked(void)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGSEGV);
    sigprocmask(SIG_BLOCK, &s, NULL);
    (void)*null_ptr;
}
static void do_segv_ignored(void)
{
    signal(SIGSEGV, SIG_IGN);
    (void)*null_ptr;
}
static void do_ignored_ones(void)
{
    raise(SIGCHLD);
    raise(SIGURG);
    raise(SIGWINCH);
    raise(SIGCONT);
    _exit(5);
}

static volatile pid_t chld_pid;
static volatile int chld_code, chld_status, chld_calls;
static void on_chld(int sig, siginfo_t *si, void *uc)
{
    chld_calls++;
    chld_pid = si->si_pid;
    chld_code = si->si_code;
    chld_status = si->si_status;
}

int main(void)
{
    child_does("raise(SIGTERM)", do_term);
    child_does("kill(self, SIGUSR1)", do_usr1);
    child_does("abort()", do_abort);
    child_does("NULL read", do_segv);
    child_does("NULL read, SIGSEGV blocked", do_segv_blocked);
    child_does("NULL read, SIGSEGV ignored", do_segv_ignored);
    child_does("default-ignored signals", do_ignored_ones);

    /* Killed by the parent while waiting. */
    int p[2];
    if (pipe(p))
        return 1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        close(p[1]);
        for (;;)
            pause();
    }
    close(p[1]);
    kill(pid, SIGTERM);
    int status;
    waitpid(pid, &status, 0);
    describe("pause() then SIGTERM", status);

    /* Stop and continue. */
    pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    describe("SIGSTOP", status);
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    describe("SIGCONT", status);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    describe("SIGKILL", status);

    /* SIGINT ignored in the parent stays ignored in the child. */
    signal(SIGINT, SIG_IGN);
    pid = fork();
    if (pid == 0) {
        raise(SIGINT);
        _exit(3);
    }
    waitpid(pid, &status, 0);
    describe("ignored SIGINT inherited", status);
    signal(SIGINT, SIG_DFL);

    /* SIGCHLD handler. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &old);
    pid = fork();
    if (pid == 0)
        _exit(9);
    waitpid(pid, &status, 0);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("SIGCHLD handler: calls=%d pid_ok=%d code=%s status=%d\n",
           chld_calls, chld_pid == pid,
           chld_code == CLD_EXITED ? "CLD_EXITED" : "other", chld_status);

    /* SIG_IGN for SIGCHLD: no zombies. */
    signal(SIGCHLD, SIG_IGN);
    pid = fork();
    if (pid == 0)
        _exit(1);
    int r = waitpid(pid, &status, 0);
    printf("SIGCHLD ignored: waitpid=%d errno=%s\n", r,
           r < 0 ? strerrorname_np(errno) : "-");
    return 0;
}
