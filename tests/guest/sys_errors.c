/* Error results of system calls: bad descriptors, missing files, bad
 * pointers (raw calls, so libc does not touch the pointer first), invalid
 * arguments, unknown calls, EPIPE with SIGPIPE ignored. Each line shows
 * the call and the errno name it produced. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define BAD ((void *)8) /* never mapped */

static const char *name(int e)
{
    switch (e) {
    case 0: return "ok";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    case EAGAIN: return "EAGAIN";
    case EACCES: return "EACCES";
    case EFAULT: return "EFAULT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case ENOTTY: return "ENOTTY";
    case ESPIPE: return "ESPIPE";
    case EPIPE: return "EPIPE";
    case ERANGE: return "ERANGE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOSYS: return "ENOSYS";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ELOOP: return "ELOOP";
    default: return "other";
    }
}

#define TRY(what, expr)                                                        \
    do {                                                                       \
        errno = 0;                                                             \
        long r_ = (long)(expr);                                                \
        printf("%-28s %ld %s\n", what, r_ < 0 ? -1L : r_,                      \
               name(r_ < 0 ? errno : 0));                                      \
    } while (0)

int main(void)
{
    char dir[] = "/tmp/hart-guest-err-XXXXXX";
    mkdtemp(dir);
    chdir(dir);
    int fd = open("f", O_CREAT | O_RDWR, 0644);
    write(fd, "data", 4);
    int ro = open("f", O_RDONLY);

    TRY("close -1", close(-1));
    TRY("read bad fd", read(999, (char[4]){0}, 4));
    TRY("write to read-only fd", write(ro, "x", 1));
    TRY("fstat bad fd", syscall(SYS_fstat, 12345, BAD));
    TRY("dup2 bad", dup2(999, 3));
    TRY("fcntl bad cmd", fcntl(fd, 99999));
    TRY("lseek bad whence", lseek(fd, 0, 99));

    TRY("open missing", open("missing/file", O_RDONLY));
    TRY("open empty", open("", O_RDONLY));
    TRY("open excl existing", open("f", O_CREAT | O_EXCL | O_RDWR, 0600));
    TRY("open dir for write", open(".", O_WRONLY));
    TRY("open file as dir", open("f", O_RDONLY | O_DIRECTORY));
    TRY("mkdir existing", mkdir("f", 0755));
    TRY("rmdir file", rmdir("f"));
    TRY("unlink missing", unlink("nope"));
    TRY("readlink not link", readlink("f", (char[16]){0}, 16));
    symlink("loop", "loop");
    TRY("open loop", open("loop", O_RDONLY));
    char longname[5000];
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    TRY("open long path", open(longname, O_RDONLY));
    TRY("getcwd small", syscall(SYS_getcwd, (char[2]){0}, 2));

    /* Bad pointers: the kernel answers EFAULT; nothing crashes. */
    TRY("read into bad", syscall(SYS_read, fd, BAD, 4));
    TRY("write from bad", syscall(SYS_write, 1, BAD, 4));
    TRY("openat bad path", syscall(SYS_openat, AT_FDCWD, BAD, O_RDONLY));
    TRY("fstat bad buf", syscall(SYS_fstat, fd, BAD));
    TRY("newfstatat bad buf", syscall(SYS_newfstatat, AT_FDCWD, "f", BAD, 0));
    TRY("uname bad", syscall(SYS_uname, BAD));
    TRY("clock_gettime bad", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, BAD));
    TRY("pipe2 bad", syscall(SYS_pipe2, BAD, 0));
    /* (nanosleep with a bad pointer is left out: qemu 7.2 answers EINVAL
     * where Linux gives EFAULT.) */
    struct iovec bad_iov = {BAD, 4};
    TRY("readv bad base", syscall(SYS_readv, fd, &bad_iov, 1));
    TRY("writev bad array", syscall(SYS_writev, 1, BAD, 1));
    TRY("getrandom bad", syscall(SYS_getrandom, BAD, 8, 0));
    TRY("rt_sigaction bad", syscall(SYS_rt_sigaction, SIGUSR1, BAD, NULL, 8));

    /* Invalid arguments */
    TRY("mmap len 0", (long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    TRY("sigprocmask bad how", syscall(SYS_rt_sigprocmask, 99, NULL, NULL, 8));
    TRY("sigprocmask bad size", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, NULL, 4));
    TRY("rt_sigaction SIGKILL",
        syscall(SYS_rt_sigaction, SIGKILL, &(long[3]){0, 0, 0}, NULL, 8));
    TRY("clock_gettime bad clock", syscall(SYS_clock_gettime, 4242, &(struct timespec){0}));
    struct timespec bad_ns = {0, 2000000000};
    TRY("nanosleep bad ns", nanosleep(&bad_ns, NULL));
    TRY("unknown syscall 38", syscall(38));
    TRY("unknown syscall 38 again", syscall(38)); /* reported once */
    TRY("unknown syscall 1000", syscall(1000));

    /* Terminals, pipes */
    struct termios t;
    TRY("tcgetattr on file", tcgetattr(fd, &t));
    struct winsize ws;
    TRY("TIOCGWINSZ on file", ioctl(fd, TIOCGWINSZ, &ws));
    int p[2];
    pipe(p);
    TRY("lseek pipe", lseek(p[0], 0, SEEK_CUR));
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    TRY("read empty nonblock", read(p[0], (char[1]){0}, 1));
    signal(SIGPIPE, SIG_IGN);
    close(p[0]);
    TRY("write broken pipe", write(p[1], "x", 1));
    close(p[1]);

    close(fd);
    close(ro);
    unlink("f");
    unlink("loop");
    chdir("/");
    TRY("cleanup", rmdir(dir));
    return 0;
}
