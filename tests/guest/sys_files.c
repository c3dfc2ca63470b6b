/* File system calls as a program uses them: create, write, read, seek,
 * positioned and vectored I/O, stat, truncate, permissions, times,
 * directories and getdents64, links, renames, dup and fcntl, pipes,
 * memfd, statfs, sendfile. Output is deterministic: derived facts only,
 * never inode numbers, pids or times the test did not set itself. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define SHOW(what, expr)                                                       \
    do {                                                                       \
        errno = 0;                                                             \
        long r_ = (long)(expr);                                                \
        if (r_ < 0)                                                            \
            printf("%s: -1 %s\n", what, strerror(errno));                      \
        else                                                                   \
            printf("%s: %ld\n", what, r_);                                     \
    } while (0)

/* A directory's size and link count depend on the file system: left out. */
static void show_stat(const char *what, const struct stat *st)
{
    if (S_ISDIR(st->st_mode)) {
        printf("%s: mode=%o isdir=1\n", what, st->st_mode);
        return;
    }
    printf("%s: size=%lld mode=%o isreg=%d islnk=%d nlink=%d\n", what,
           (long long)st->st_size, st->st_mode, S_ISREG(st->st_mode),
           S_ISLNK(st->st_mode), (int)st->st_nlink);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists a directory with the raw getdents64 call, sorted by name. */
static void list_dir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    char buf[4096], *names[64];
    int n = 0;
    long len;
    while ((len = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        for (long off = 0; off < len;) {
            struct dirent64 *d = (struct dirent64 *)(buf + off);
            if (n < 64) {
                names[n] = malloc(300);
                snprintf(names[n++], 300, "%s%s", d->d_name,
                         d->d_type == DT_DIR ? "/" : d->d_type == DT_LNK ? "@" : "");
            }
            off += d->d_reclen;
        }
    }
    close(fd);
    qsort(names, n, sizeof *names, cmp);
    printf("ls %s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void)
{
    char dir[] = "/tmp/hart-guest-XXXXXX";
    if (!mkdtemp(dir) || chdir(dir)) {
        perror("setup");
        return 1;
    }
    char cwd[256];
    const char *base = strrchr(dir, '/');
    printf("cwd ends in dir: %d\n",
           getcwd(cwd, sizeof cwd) && !strcmp(strrchr(cwd, '/'), base));
    umask(022);

    /* Plain, positioned and vectored I/O */
    int fd = open("a.txt", O_CREAT | O_RDWR | O_TRUNC, 0666);
    printf("open: fd>=3 %d\n", fd >= 3);
    SHOW("write", write(fd, "hello world\n", 12));
    struct stat st;
    fstat(fd, &st);
    show_stat("fstat", &st);
    char buf[256] = {0};
    SHOW("lseek set", lseek(fd, 0, SEEK_SET));
    SHOW("read", read(fd, buf, 5));
    printf("data: %s\n", buf);
    SHOW("lseek cur", lseek(fd, 0, SEEK_CUR));
    SHOW("lseek end", lseek(fd, 0, SEEK_END));
    SHOW("lseek negative", lseek(fd, -100, SEEK_SET));
    memset(buf, 0, sizeof buf);
    SHOW("pread", pread(fd, buf, 5, 6));
    printf("data: %s\n", buf);
    SHOW("pwrite", pwrite(fd, "WORLD", 5, 6));
    memset(buf, 0, sizeof buf);
    SHOW("pread all", pread(fd, buf, sizeof buf, 0));
    printf("data: %s", buf);
    struct iovec w[3] = {{"one ", 4}, {"", 0}, {"two\n", 4}};
    SHOW("writev", writev(fd, w, 3));
    char r1[6] = {0}, r2[32] = {0};
    struct iovec r[2] = {{r1, 5}, {r2, sizeof r2 - 1}};
    lseek(fd, 0, SEEK_SET);
    SHOW("readv", readv(fd, r, 2));
    printf("iov: [%s] [%.6s]\n", r1, r2);
    SHOW("preadv", preadv(fd, r, 2, 12));
    printf("iov: [%s]\n", r1);
    SHOW("ftruncate", ftruncate(fd, 4));
    fstat(fd, &st);
    show_stat("after ftruncate", &st);
    SHOW("ftruncate grow", ftruncate(fd, 10000));
    memset(buf, 'x', 8);
    SHOW("pread hole", pread(fd, buf, 8, 5000));
    printf("hole zero: %d\n", !memcmp(buf, "\0\0\0\0\0\0\0\0", 8));
    SHOW("fsync", fsync(fd));
    SHOW("fdatasync", fdatasync(fd));
    SHOW("flock", flock(fd, LOCK_EX));
    SHOW("unflock", flock(fd, LOCK_UN));
    printf("isatty: %d %s\n", isatty(fd), strerror(errno));

    /* Descriptors */
    int d = dup(fd);
    printf("dup: above %d\n", d > fd);
    SHOW("getfd", fcntl(d, F_GETFD));
    SHOW("dup3", dup3(fd, 40, O_CLOEXEC));
    SHOW("getfd cloexec", fcntl(40, F_GETFD));
    SHOW("dupfd", fcntl(fd, F_DUPFD, 50));
    SHOW("setfl", fcntl(fd, F_SETFL, O_APPEND));
    printf("append: %d\n", (fcntl(d, F_GETFL) & O_APPEND) != 0);
    printf("accmode: %d\n", fcntl(fd, F_GETFL) & O_ACCMODE);
    close(d);
    close(40);
    close(50);

    /* Names: stat, permissions, times, links */
    stat("a.txt", &st);
    show_stat("stat", &st);
    SHOW("access r", access("a.txt", R_OK));
    SHOW("chmod", chmod("a.txt", 0600));
    stat("a.txt", &st);
    show_stat("after chmod", &st);
    SHOW("fchmod", fchmod(fd, 0640));
    struct timespec times[2] = {{1000000000, 500}, {1234567890, 123456789}};
    SHOW("utimensat", utimensat(AT_FDCWD, "a.txt", times, 0));
    stat("a.txt", &st);
    printf("mtime: %lld.%09ld atime: %lld.%09ld\n",
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
           (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec);
    SHOW("symlink", symlink("a.txt", "l"));
    memset(buf, 0, sizeof buf);
    SHOW("readlink", readlink("l", buf, sizeof buf));
    printf("link: %s\n", buf);
    lstat("l", &st);
    show_stat("lstat", &st);
    stat("l", &st);
    show_stat("stat via link", &st);
    SHOW("link", link("a.txt", "h"));
    stat("a.txt", &st);
    show_stat("two names", &st);
    SHOW("truncate", truncate("h", 3));
    stat("a.txt", &st);
    show_stat("truncated", &st);

    /* Directories */
    SHOW("mkdir", mkdir("d", 0755));
    SHOW("mkdir again", mkdir("d", 0755));
    stat("d", &st);
    show_stat("dir", &st);
    close(open("d/x", O_CREAT | O_WRONLY, 0644));
    close(open("d/y", O_CREAT | O_WRONLY, 0644));
    mkdir("d/sub", 0700);
    symlink("x", "d/lnk");
    list_dir("d");
    SHOW("rename", rename("d/x", "d/w"));
    SHOW("renameat2 noreplace",
         syscall(SYS_renameat2, AT_FDCWD, "d/w", AT_FDCWD, "d/y", 1));
    list_dir("d");
    SHOW("rmdir full", rmdir("d"));
    SHOW("unlink dir", unlink("d/sub"));
    SHOW("rmdir sub", rmdir("d/sub"));
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    SHOW("unlinkat", unlinkat(dfd, "w", 0));
    SHOW("fstatat", fstatat(dfd, "y", &st, 0));
    show_stat("fstatat", &st);
    SHOW("chdir", chdir("d"));
    SHOW("fchdir back", fchdir(dfd) == 0 && chdir("..") == 0 ? 0 : -1);
    printf("cwd ends in dir: %d\n",
           getcwd(cwd, sizeof cwd) && !strcmp(strrchr(cwd, '/'), base));
    close(dfd);
    list_dir(".");

    /* Pipes */
    int p[2];
    SHOW("pipe2", pipe2(p, O_CLOEXEC));
    SHOW("pipe write", write(p[1], "abc", 3));
    memset(buf, 0, sizeof buf);
    SHOW("pipe read", read(p[0], buf, sizeof buf));
    printf("pipe data: %s\n", buf);
    SHOW("lseek pipe", lseek(p[0], 0, SEEK_SET));
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    SHOW("empty nonblocking", read(p[0], buf, 1));
    close(p[1]);
    SHOW("eof", read(p[0], buf, 1));
    close(p[0]);

    /* memfd, sendfile, statfs */
    fcntl(fd, F_SETFL, 0); /* sendfile refuses O_APPEND targets */
    lseek(fd, 0, SEEK_SET);
    int mfd = memfd_create("hart", MFD_CLOEXEC);
    SHOW("memfd write", write(mfd, "in memory", 9));
    lseek(mfd, 0, SEEK_SET);
    off_t off = 3;
    SHOW("sendfile", sendfile(fd, mfd, &off, 6));
    printf("sendfile offset: %lld\n", (long long)off);
    memset(buf, 0, sizeof buf);
    pread(fd, buf, sizeof buf, 0);
    printf("after sendfile: %s\n", buf);
    close(mfd);
    struct statfs sf;
    SHOW("statfs", statfs(".", &sf));
    printf("statfs sane: %d\n", sf.f_bsize > 0 && sf.f_namelen > 0);
    SHOW("fstatfs", fstatfs(fd, &sf));
    close(fd);

    unlink("a.txt");
    unlink("h");
    unlink("l");
    unlink("d/y");
    unlink("d/lnk");
    rmdir("d");
    chdir("/");
    SHOW("rmdir tmp", rmdir(dir));
    return 0;
}
