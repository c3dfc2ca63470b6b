/* execve from the guest, with programs of the host (x86-64
 * /bin/echo, /bin/sh), which hart and qemu-riscv64 both hand to the host
 * kernel, so the reference is Linux itself:
 *   - the errors, found before the old program is given up: ENOENT,
 *     EACCES (directory, no execute permission), ENOEXEC, ENOTDIR, ELOOP,
 *     ENAMETOOLONG, E2BIG, EFAULT for each pointer, EINVAL;
 *   - "#!" scripts run through /bin/echo, which prints the argv Linux's
 *     binfmt_script built: the optional argument, blanks, a line longer
 *     than the 256 bytes Linux reads, nested scripts and the depth limit;
 *   - system() and posix_spawn(), with their exit statuses.
 * execveat is tested in tests/procs (qemu-riscv64 7.2 does not have it).
 * Runs in an empty working directory (tests/guest/run.sh). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void write_file(const char *path, const char *text, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
        perror(path);
        exit(1);
    }
    close(fd);
    chmod(path, mode);
}

static const char *err_name(int e)
{
    switch (e) {
    case 0: return "ok";
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case ENOEXEC: return "ENOEXEC";
    case ENOTDIR: return "ENOTDIR";
    case ELOOP: return "ELOOP";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case E2BIG: return "E2BIG";
    case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    default: return strerror(e);
    }
}

/* Runs the raw system call in a child (a success replaces it); prints the
 * error, or the child's output and status when the program ran. */
static void try_execve(const char *what, const char *path, char *const argv[],
                       char *const envp[])
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        long r = syscall(SYS_execve, path, argv, envp);
        printf("%s: %s\n", what, err_name(r < 0 ? errno : 0));
        fflush(stdout);
        _exit(111);
    }
    int status;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 111) {
        printf("%s: ran, ", what);
        if (WIFEXITED(status))
            printf("exit %d\n", WEXITSTATUS(status));
        else
            printf("signal %d\n", WTERMSIG(status));
    }
}

static void try_exec(const char *what, const char *path, char *const argv[])
{
    try_execve(what, path, argv, environ);
}

/* An address nothing is mapped at, hidden from the compiler. */
static volatile uintptr_t unmapped = 8;

int main(void)
{
    char *echo_argv[] = {"echo", "one", "two", NULL};
    char *no_args[] = {NULL};
    try_exec("echo", "/bin/echo", echo_argv);

    /* Errors. */
    try_exec("missing", "./no-such-program", echo_argv);
    try_exec("missing dir", "./no-such-dir/prog", echo_argv);
    try_exec("directory", "/", echo_argv);
    write_file("plain", "just text\n", 0644);
    try_exec("not executable", "./plain", echo_argv);
    write_file("text", "just text\n", 0755);
    try_exec("no format", "./text", echo_argv);
    try_exec("not a directory", "./text/prog", echo_argv);
    symlink("loop-a", "loop-b");
    symlink("loop-b", "loop-a");
    try_exec("symlink loop", "./loop-a", echo_argv);
    char *long_path = malloc(5000);
    memset(long_path, 'x', 4999);
    long_path[4999] = '\0';
    try_exec("long path", long_path, echo_argv);
    char *big = malloc(200000);
    memset(big, 'b', 199999);
    big[199999] = '\0';
    char *big_argv[] = {"echo", big, NULL};
    try_exec("argument too long", "/bin/echo", big_argv);
    try_exec("bad path pointer", (const char *)unmapped, echo_argv);
    try_exec("bad argv", "/bin/echo", (char *const *)unmapped);
    char *bad_elem[] = {"echo", (char *)unmapped, NULL};
    try_exec("bad argv string", "/bin/echo", bad_elem);
    try_execve("bad envp", "/bin/echo", echo_argv, (char *const *)unmapped);
    try_exec("empty path", "", echo_argv);
    try_exec("no argv", "/bin/true", no_args);

    /* Scripts: /bin/echo shows the argv Linux made. */
    char *script_argv[] = {"name-dropped", "arg1", "arg 2", NULL};
    write_file("s-plain", "#!/bin/echo\nrest\n", 0755);
    try_exec("script", "./s-plain", script_argv);
    write_file("s-arg", "#!/bin/echo  first  second \t \n", 0755);
    try_exec("script argument", "./s-arg", script_argv);
    write_file("s-tabs", "#!\t /bin/echo\tx\n", 0755);
    try_exec("script tabs", "./s-tabs", script_argv);
    write_file("s-noline", "#!/bin/echo eof", 0755);
    try_exec("script no newline", "./s-noline", script_argv);
    char line[400] = "#!/bin/echo ";
    memset(line + 12, 'L', 300);
    write_file("s-long", line, 0755);
    try_exec("script long line", "./s-long", script_argv);
    memset(line + 2, 'N', 300);
    write_file("s-longname", line, 0755);
    try_exec("script long name", "./s-longname", script_argv);
    write_file("s-blank", "#!   \n", 0755);
    try_exec("script no interpreter", "./s-blank", script_argv);
    write_file("s-missing", "#!/no/such/interpreter\n", 0755);
    try_exec("script missing interpreter", "./s-missing", script_argv);
    write_file("s-noexec-interp", "#!./plain\n", 0755);
    try_exec("script interpreter not executable", "./s-noexec-interp",
             script_argv);
    write_file("s-cr", "#!/bin/echo\r\n", 0755);
    try_exec("script carriage return", "./s-cr", script_argv);
    write_file("s-noexec", "#!/bin/echo\n", 0644);
    try_exec("script not executable", "./s-noexec", script_argv);
    try_exec("script no argv", "./s-arg", no_args);
    /* Nesting: s1 -> s2 -> ... -> /bin/echo; Linux follows five. */
    write_file("s5", "#!/bin/echo five\n", 0755);
    write_file("s4", "#!./s5 four\n", 0755);
    write_file("s3", "#!./s4\n", 0755);
    write_file("s2", "#!./s3 two\n", 0755);
    write_file("s1", "#!./s2\n", 0755);
    write_file("s0", "#!./s1 zero\n", 0755);
    try_exec("nested 2", "./s4", script_argv);
    try_exec("nested 5", "./s1", script_argv);
    try_exec("nested 6", "./s0", script_argv);

    /* A script's interpreter and its environment. */
    write_file("s-sh", "#!/bin/sh\necho \"sh: $0 $1 $GREETING\"\nexit 7\n",
               0755);
    char *env[] = {"GREETING=hello", NULL};
    char *sh_argv[] = {"x", "arg", NULL};
    try_execve("script sh", "./s-sh", sh_argv, env);

    /* system() and posix_spawn() (vfork and exec in glibc). */
    fflush(stdout);
    int st = system("echo from system; exit 3");
    printf("system: exit %d\n", WEXITSTATUS(st));
    st = system("kill -TERM $$");
    printf("system: signal %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : -1);
    pid_t pid;
    char *spawn_argv[] = {"echo", "spawned", NULL};
    int r = posix_spawn(&pid, "/bin/echo", NULL, NULL, spawn_argv, environ);
    waitpid(pid, &st, 0);
    printf("posix_spawn: %d, exit %d\n", r, WEXITSTATUS(st));
    r = posix_spawnp(&pid, "echo", NULL, NULL, spawn_argv, environ);
    waitpid(pid, &st, 0);
    printf("posix_spawnp: %d, exit %d\n", r, WEXITSTATUS(st));
    return 0;
}
