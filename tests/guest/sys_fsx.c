/* More calls on files: extended attributes (set, get, list and remove on a
 * path, a link and a descriptor; sizes, ERANGE, ENODATA, XATTR_CREATE),
 * mknodat (a FIFO, used), flock between two descriptors, splice, tee and
 * vmsplice through pipes, copy_file_range and sendfile with offsets,
 * readahead, sync_file_range, fadvise, syncfs, close_range. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/xattr.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

/* listxattr's answer, sorted, as one line. */
static void show_list(const char *buf, long n)
{
    const char *names[16];
    int k = 0;
    for (const char *p = buf; p < buf + n && k < 16; p += strlen(p) + 1)
        names[k++] = p;
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            const char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    printf("  list:");
    for (int i = 0; i < k; i++)
        printf(" %s", names[i]);
    printf("\n");
}

static void xattrs(void)
{
    int fd = open("x", O_CREAT | O_RDWR, 0644);
    symlink("x", "lnk");
    result("setxattr", setxattr("x", "user.colour", "blue", 4, 0));
    result("fsetxattr", fsetxattr(fd, "user.size", "large", 5, 0));
    result("create existing", setxattr("x", "user.colour", "red", 3, XATTR_CREATE));
    result("replace missing", setxattr("x", "user.none", "1", 1, XATTR_REPLACE));
    char buf[256];
    result("getxattr size", getxattr("x", "user.colour", NULL, 0));
    long n = getxattr("lnk", "user.colour", buf, sizeof buf);
    printf("getxattr through the link: %ld %.*s\n", n, (int)n, buf);
    result("lgetxattr on the link", lgetxattr("lnk", "user.colour", buf, sizeof buf));
    result("fgetxattr", fgetxattr(fd, "user.size", buf, sizeof buf));
    result("too small", getxattr("x", "user.colour", buf, 2));
    result("missing", getxattr("x", "user.missing", buf, sizeof buf));
    result("empty name", getxattr("x", "", buf, sizeof buf));
    char longname[300];
    memset(longname, 'a', sizeof longname);
    memcpy(longname, "user.", 5);
    longname[299] = 0;
    result("long name", getxattr("x", longname, buf, sizeof buf));
    result("no such file", getxattr("nofile", "user.colour", buf, sizeof buf));
    n = listxattr("x", buf, sizeof buf);
    printf("listxattr: %ld\n", n);
    show_list(buf, n);
    result("listxattr size", listxattr("x", NULL, 0));
    result("listxattr too small", listxattr("x", buf, 3));
    n = flistxattr(fd, buf, sizeof buf);
    show_list(buf, n);
    result("llistxattr on the link", llistxattr("lnk", buf, sizeof buf) >= 0);
    result("removexattr", removexattr("x", "user.colour"));
    result("fremovexattr", fremovexattr(fd, "user.size"));
    result("lremovexattr missing", lremovexattr("x", "user.colour"));
    result("listxattr empty", listxattr("x", buf, sizeof buf));
    const char *volatile bad = (const char *)8;
    result("bad value pointer", setxattr("x", "user.v", bad, 4, 0));
    close(fd);
    unlink("lnk");
    unlink("x");
}

static void fifo_and_locks(void)
{
    result("mknodat fifo", mknodat(AT_FDCWD, "fifo", S_IFIFO | 0600, 0));
    struct stat st;
    stat("fifo", &st);
    printf("is a fifo %d mode %03o\n", S_ISFIFO(st.st_mode), st.st_mode & 0777);
    int r = open("fifo", O_RDONLY | O_NONBLOCK);
    int w = open("fifo", O_WRONLY | O_NONBLOCK);
    write(w, "via fifo", 8);
    char buf[16];
    long n = read(r, buf, sizeof buf);
    printf("fifo read %ld %.*s\n", n, (int)n, buf);
    close(r);
    close(w);
    result("mknodat exists", mknodat(AT_FDCWD, "fifo", S_IFIFO | 0600, 0));
    unlink("fifo");
    result("mknodat regular", mknodat(AT_FDCWD, "plain", S_IFREG | 0600, 0));
    unlink("plain");

    int a = open("lockfile", O_CREAT | O_RDWR, 0600);
    int b = open("lockfile", O_RDWR);
    result("flock a exclusive", flock(a, LOCK_EX | LOCK_NB));
    result("flock b exclusive", flock(b, LOCK_EX | LOCK_NB));
    result("flock b shared", flock(b, LOCK_SH | LOCK_NB));
    result("unlock a", flock(a, LOCK_UN));
    result("flock b shared", flock(b, LOCK_SH | LOCK_NB));
    result("flock a shared", flock(a, LOCK_SH | LOCK_NB));
    result("flock bad op", flock(a, 99));
    close(a);
    close(b);
    unlink("lockfile");
}

static void splicing(void)
{
    int f = open("src", O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(f, "0123456789abcdefghij", 20);
    int p[2], q[2];
    pipe(p);
    pipe(q);
    loff_t off = 5;
    result("splice file to pipe", splice(f, &off, p[1], NULL, 6, 0));
    printf("offset now %lld, file position %lld\n", (long long)off,
           (long long)lseek(f, 0, SEEK_CUR));
    result("tee", tee(p[0], q[1], 6, 0));
    char buf[32];
    long n = read(q[0], buf, sizeof buf);
    printf("tee copy: %.*s\n", (int)n, buf);
    int g = open("dst", O_CREAT | O_RDWR | O_TRUNC, 0644);
    loff_t out = 2;
    result("splice pipe to file", splice(p[0], NULL, g, &out, 6, 0));
    n = pread(g, buf, sizeof buf, 0);
    printf("dst: %ld %d %d %.*s\n", n, buf[0], buf[1], (int)n - 2, buf + 2);

    char one[] = "vm", two[] = "splice";
    struct iovec iov[2] = {{one, 2}, {two, 6}};
    result("vmsplice to pipe", vmsplice(p[1], iov, 2, 0));
    char in[8] = {0};
    struct iovec rv = {in, sizeof in};
    result("vmsplice from pipe", vmsplice(p[0], &rv, 1, 0));
    printf("got %.8s\n", in);

    loff_t from = 10, to = 0;
    int h = open("copy", O_CREAT | O_RDWR | O_TRUNC, 0644);
    result("copy_file_range", copy_file_range(f, &from, h, &to, 5, 0));
    printf("offsets %lld %lld\n", (long long)from, (long long)to);
    off_t so = 15;
    result("sendfile", sendfile(h, f, &so, 5));
    printf("sendfile offset %lld\n", (long long)so);
    n = pread(h, buf, sizeof buf, 0);
    printf("copy: %.*s\n", (int)n, buf);
    result("readahead", readahead(f, 0, 4096));
    result("sync_file_range", sync_file_range(h, 0, 0, SYNC_FILE_RANGE_WRITE));
    result("fadvise", posix_fadvise(f, 0, 0, POSIX_FADV_SEQUENTIAL));
    result("syncfs", syncfs(f));
    result("splice bad offset pointer", splice(f, (void *)8, p[1], NULL, 1, 0));
    result("splice two files", splice(f, NULL, h, NULL, 1, 0));

    /* close_range over the pipes */
    int lo = p[0] < q[0] ? p[0] : q[0];
    result("close_range", close_range(lo, lo + 3, 0));
    printf("closed: %d %d %d %d\n", fcntl(p[0], F_GETFD) < 0,
           fcntl(p[1], F_GETFD) < 0, fcntl(q[0], F_GETFD) < 0,
           fcntl(q[1], F_GETFD) < 0);
    close(f);
    close(g);
    close(h);
    unlink("src");
    unlink("dst");
    unlink("copy");
}

int main(void)
{
    xattrs();
    fifo_and_locks();
    splicing();
    return 0;
}
