/* File and descriptor system calls run through the dispatcher with guest
 * memory: data paths, the conversions on the way out, and the error
 * cases (bad descriptors, bad pointers, partial buffers). */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux/syscall.h"
#include "sys_testlib.h"
#include "test.h"

#define FDCWD ((uint64_t)(int64_t)GUEST_AT_FDCWD)

/* Opens dir/name through the guest call. */
static int64_t g_open(const char *dir, const char *name, int flags, int mode)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    uint64_t p = stl_put_str(stl_readonly_page() - 512, path);
    return SYS4(GUEST_NR_openat, FDCWD, p, flags, mode);
}

TEST(sys_file_write_read_seek)
{
    const char *dir = stl_tmpdir();
    uint64_t m = stl_area();
    int64_t fd = g_open(dir, "f", O_RDWR | O_CREAT | O_EXCL, 0640);
    CHECK(fd >= 3);
    memcpy(g2h(m), "hello, world", 12);
    CHECK_EQ(SYS3(GUEST_NR_write, fd, m, 12), 12);
    CHECK_EQ(SYS3(GUEST_NR_lseek, fd, 7, SEEK_SET), 7);
    CHECK_EQ(SYS3(GUEST_NR_read, fd, m + 100, 100), 5);
    CHECK(!memcmp(g2h(m + 100), "world", 5));
    CHECK_EQ(SYS3(GUEST_NR_read, fd, m + 100, 100), 0);
    CHECK_EQ(SYS4(GUEST_NR_pread64, fd, m + 200, 5, 0), 5);
    CHECK(!memcmp(g2h(m + 200), "hello", 5));
    memcpy(g2h(m + 300), "HELLO", 5);
    CHECK_EQ(SYS4(GUEST_NR_pwrite64, fd, m + 300, 5, 0), 5);
    CHECK_EQ(SYS3(GUEST_NR_lseek, fd, 0, SEEK_CUR), 12); /* pwrite kept it */
    CHECK_EQ(SYS4(GUEST_NR_pread64, fd, m + 200, 12, 0), 12);
    CHECK(!memcmp(g2h(m + 200), "HELLO, world", 12));
    /* fstat converts to the guest layout */
    CHECK_EQ(SYS2(GUEST_NR_fstat, fd, m + 512), 0);
    struct guest_stat st;
    memcpy(&st, g2h(m + 512), sizeof st);
    CHECK_EQ(st.st_size, 12);
    CHECK_EQ(st.st_mode, S_IFREG | 0640);
    CHECK_EQ(st.st_nlink, 1);
    CHECK_EQ(SYS1(GUEST_NR_close, fd), 0);
    CHECK_EQ(SYS1(GUEST_NR_close, fd), -EBADF);
    stl_rmtree(dir);
}

TEST(sys_file_vectored)
{
    const char *dir = stl_tmpdir();
    uint64_t m = stl_area();
    int64_t fd = g_open(dir, "v", O_RDWR | O_CREAT, 0600);
    memcpy(g2h(m + 1000), "abc", 3);
    memcpy(g2h(m + 2000), "defgh", 5);
    struct guest_iovec iov[3] = {{m + 1000, 3}, {0, 0}, {m + 2000, 5}};
    memcpy(g2h(m), iov, sizeof iov);
    CHECK_EQ(SYS3(GUEST_NR_writev, fd, m, 3), 8);
    struct guest_iovec rd[2] = {{m + 3000, 2}, {m + 4000, 10}};
    memcpy(g2h(m + 100), rd, sizeof rd);
    CHECK_EQ(SYS5(GUEST_NR_preadv, fd, m + 100, 2, 1, 0), 7);
    CHECK(!memcmp(g2h(m + 3000), "bc", 2));
    CHECK(!memcmp(g2h(m + 4000), "defgh", 5));
    CHECK_EQ(SYS3(GUEST_NR_lseek, fd, 0, SEEK_SET), 0);
    CHECK_EQ(SYS3(GUEST_NR_readv, fd, m + 100, 2), 8);
    CHECK(!memcmp(g2h(m + 3000), "ab", 2));
    /* Too many vectors, a bad vector array */
    CHECK_EQ(SYS3(GUEST_NR_readv, fd, m + 100, 5000), -EINVAL);
    CHECK_EQ(SYS3(GUEST_NR_readv, fd, stl_unmapped_page(), 1), -EFAULT);
    SYS1(GUEST_NR_close, fd);
    stl_rmtree(dir);
}

TEST(sys_file_bad_pointers)
{
    const char *dir = stl_tmpdir();
    uint64_t m = stl_area();
    int64_t fd = g_open(dir, "b", O_RDWR | O_CREAT, 0600);
    memset(g2h(m), 'x', 100);
    SYS3(GUEST_NR_write, fd, m, 100);
    SYS3(GUEST_NR_lseek, fd, 0, SEEK_SET);
    /* Nothing accessible: EFAULT; read into read-only memory too. */
    CHECK_EQ(SYS3(GUEST_NR_read, fd, stl_unmapped_page(), 10), -EFAULT);
    CHECK_EQ(SYS3(GUEST_NR_read, fd, stl_readonly_page(), 10), -EFAULT);
    CHECK_EQ(SYS3(GUEST_NR_write, fd, stl_unmapped_page(), 10), -EFAULT);
    CHECK_EQ(SYS3(GUEST_NR_read, fd, (uint64_t)1 << 62, 10), -EFAULT);
    CHECK_EQ(SYS3(GUEST_NR_read, fd, UINT64_MAX - 3, 10), -EFAULT);
    /* The descriptor is checked first, as Linux does. */
    CHECK_EQ(SYS3(GUEST_NR_read, 999, stl_unmapped_page(), 10), -EBADF);
    int wr = open(dir, O_RDONLY | O_DIRECTORY);
    CHECK_EQ(SYS3(GUEST_NR_write, wr, stl_unmapped_page(), 10), -EBADF);
    close(wr);
    /* A buffer that ends in unmapped memory reads what fits. */
    uint64_t tail = stl_readonly_page() - 30;
    CHECK_EQ(SYS3(GUEST_NR_read, fd, tail, 100), 30);
    /* A write from the tail of readable memory writes what is there. */
    CHECK_EQ(SYS3(GUEST_NR_write, fd, stl_unmapped_page() - 16, 100), 16);
    /* Paths */
    CHECK_EQ(SYS4(GUEST_NR_openat, FDCWD, stl_unmapped_page(), 0, 0), -EFAULT);
    memset(g2h(m), 'a', 5000);
    CHECK_EQ(SYS4(GUEST_NR_openat, FDCWD, m, 0, 0), -ENAMETOOLONG);
    CHECK_EQ(SYS2(GUEST_NR_fstat, fd, stl_readonly_page()), -EFAULT);
    SYS1(GUEST_NR_close, fd);
    stl_rmtree(dir);
}

TEST(sys_file_stat_paths)
{
    const char *dir = stl_tmpdir();
    uint64_t m = stl_area();
    int64_t fd = g_open(dir, "s", O_WRONLY | O_CREAT, 0600);
    SYS1(GUEST_NR_close, fd);
    char path[256];
    snprintf(path, sizeof path, "%s/s", dir);
    uint64_t p = stl_put_str(m + 4000, path);
    CHECK_EQ(SYS4(GUEST_NR_newfstatat, FDCWD, p, m, 0), 0);
    struct guest_stat st;
    memcpy(&st, g2h(m), sizeof st);
    CHECK_EQ(st.st_mode, S_IFREG | 0600);
    CHECK_EQ(st.st_size, 0);
    uint64_t missing = stl_put_str(m + 4500, "/nonexistent/hart");
    CHECK_EQ(SYS4(GUEST_NR_newfstatat, FDCWD, missing, m, 0), -ENOENT);
    /* ENOENT wins over a bad buffer, as in Linux */
    CHECK_EQ(SYS4(GUEST_NR_newfstatat, FDCWD, missing, stl_unmapped_page(), 0),
             -ENOENT);
    /* statx is copied as it is */
    CHECK_EQ(SYS5(GUEST_NR_statx, FDCWD, p, 0, 0x7ff, m + 1000), 0);
    uint16_t mode;
    memcpy(&mode, g2h(m + 1000 + 28), 2);
    CHECK_EQ(mode, S_IFREG | 0600);
    /* faccessat, mkdirat, renameat2, unlinkat, symlinkat, readlinkat */
    CHECK_EQ(SYS3(GUEST_NR_faccessat, FDCWD, p, R_OK), 0);
    CHECK_EQ(SYS4(GUEST_NR_faccessat2, FDCWD, missing, F_OK, 0), -ENOENT);
    char d2[256];
    snprintf(d2, sizeof d2, "%s/sub", dir);
    uint64_t pd = stl_put_str(m + 5000, d2);
    CHECK_EQ(SYS3(GUEST_NR_mkdirat, FDCWD, pd, 0755), 0);
    CHECK_EQ(SYS3(GUEST_NR_mkdirat, FDCWD, pd, 0755), -EEXIST);
    char moved[256];
    snprintf(moved, sizeof moved, "%s/sub/t", dir);
    uint64_t pm = stl_put_str(m + 5500, moved);
    CHECK_EQ(SYS5(GUEST_NR_renameat2, FDCWD, p, FDCWD, pm, 0), 0);
    CHECK_EQ(SYS3(GUEST_NR_unlinkat, FDCWD, pd, AT_REMOVEDIR), -ENOTEMPTY);
    uint64_t target = stl_put_str(m + 6000, "t");
    char link[256];
    snprintf(link, sizeof link, "%s/sub/l", dir);
    uint64_t pl = stl_put_str(m + 6500, link);
    CHECK_EQ(SYS3(GUEST_NR_symlinkat, target, FDCWD, pl), 0);
    CHECK_EQ(SYS4(GUEST_NR_readlinkat, FDCWD, pl, m + 7000, 100), 1);
    CHECK_EQ(*(char *)g2h(m + 7000), 't');
    CHECK_EQ(SYS4(GUEST_NR_readlinkat, FDCWD, pl, m + 7000, 0), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_newfstatat, FDCWD, pl, m, AT_SYMLINK_NOFOLLOW), 0);
    memcpy(&st, g2h(m), sizeof st);
    CHECK(S_ISLNK(st.st_mode));
    CHECK_EQ(SYS3(GUEST_NR_unlinkat, FDCWD, pl, 0), 0);
    CHECK_EQ(SYS3(GUEST_NR_unlinkat, FDCWD, pm, 0), 0);
    CHECK_EQ(SYS3(GUEST_NR_unlinkat, FDCWD, pd, AT_REMOVEDIR), 0);
    stl_rmtree(dir);
}

/* Walks a getdents64 buffer and counts names not starting with a dot. */
static int count_entries(const uint8_t *buf, int64_t n, int *saw_a)
{
    int count = 0;
    for (int64_t off = 0; off < n;) {
        uint16_t reclen;
        memcpy(&reclen, buf + off + 16, 2);
        const char *name = (const char *)buf + off + 19;
        if (name[0] != '.')
            count++;
        if (!strcmp(name, "a"))
            *saw_a = buf[off + 18] == DT_REG;
        off += reclen;
    }
    return count;
}

TEST(sys_file_getdents64)
{
    const char *dir = stl_tmpdir();
    uint64_t m = stl_area();
    SYS1(GUEST_NR_close, g_open(dir, "a", O_WRONLY | O_CREAT, 0600));
    SYS1(GUEST_NR_close, g_open(dir, "b", O_WRONLY | O_CREAT, 0600));
    int64_t fd = g_open(dir, "", O_RDONLY | O_DIRECTORY, 0);
    CHECK(fd >= 0);
    int64_t n = SYS3(GUEST_NR_getdents64, fd, m, 4096);
    CHECK(n > 0);
    int saw_a = 0;
    CHECK_EQ(count_entries(g2h(m), n, &saw_a), 2);
    CHECK(saw_a);
    CHECK_EQ(SYS3(GUEST_NR_getdents64, fd, m, 4096), 0);
    CHECK_EQ(SYS3(GUEST_NR_getdents64, fd, stl_readonly_page(), 4096), -EFAULT);
    SYS1(GUEST_NR_close, fd);
    stl_rmtree(dir);
}

TEST(sys_file_pipes_dup_fcntl)
{
    uint64_t m = stl_area();
    CHECK_EQ(SYS2(GUEST_NR_pipe2, m, O_CLOEXEC), 0);
    int32_t fds[2];
    memcpy(fds, g2h(m), 8);
    CHECK(fds[0] >= 3 && fds[1] > fds[0]);
    CHECK_EQ(SYS2(GUEST_NR_fcntl, fds[0], F_GETFD), FD_CLOEXEC);
    CHECK_EQ(SYS3(GUEST_NR_fcntl, fds[0], F_SETFD, 0), 0);
    CHECK_EQ(SYS2(GUEST_NR_fcntl, fds[0], F_GETFD), 0);
    CHECK_EQ(SYS2(GUEST_NR_fcntl, fds[1], F_GETFL) & O_ACCMODE, O_WRONLY);
    int64_t d = SYS1(GUEST_NR_dup, fds[1]);
    CHECK(d > fds[1]);
    int64_t d3 = SYS3(GUEST_NR_dup3, fds[1], 100, O_CLOEXEC);
    CHECK_EQ(d3, 100);
    CHECK_EQ(SYS2(GUEST_NR_fcntl, 100, F_GETFD), FD_CLOEXEC);
    CHECK_EQ(SYS3(GUEST_NR_dup3, fds[1], fds[1], 0), -EINVAL);
    CHECK_EQ(SYS3(GUEST_NR_fcntl, fds[0], F_DUPFD, 200), 200);
    memcpy(g2h(m + 100), "ping", 4);
    CHECK_EQ(SYS3(GUEST_NR_write, 100, m + 100, 4), 4);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, fds[0], GUEST_FIONREAD, m + 200), 0);
    int32_t avail;
    memcpy(&avail, g2h(m + 200), 4);
    CHECK_EQ(avail, 4);
    CHECK_EQ(SYS3(GUEST_NR_read, 200, m + 300, 10), 4);
    CHECK(!memcmp(g2h(m + 300), "ping", 4));
    CHECK_EQ(SYS3(GUEST_NR_fcntl, fds[0], 12345, 0), -EINVAL);
    CHECK_EQ(SYS2(GUEST_NR_pipe2, stl_readonly_page(), 0), -EFAULT);
    /* Not a terminal */
    CHECK_EQ(SYS3(GUEST_NR_ioctl, fds[0], GUEST_TCGETS, m), -ENOTTY);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, 999, GUEST_TCGETS, m), -EBADF);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, fds[0], 0x12345678, m), -ENOTTY);
    int closing[] = {fds[0], fds[1], (int)d, 100, 200};
    for (int i = 0; i < 5; i++)
        CHECK_EQ(SYS1(GUEST_NR_close, closing[i]), 0);
}

TEST(sys_file_flock_conversion)
{
    const char *dir = stl_tmpdir();
    uint64_t m = stl_area();
    int64_t fd = g_open(dir, "k", O_RDWR | O_CREAT, 0600);
    struct guest_flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET,
                             .l_start = 10, .l_len = 20};
    memcpy(g2h(m), &fl, sizeof fl);
    CHECK_EQ(SYS3(GUEST_NR_fcntl, fd, F_SETLK, m), 0);
    /* Our own lock does not conflict with us: F_GETLK says unlocked. */
    CHECK_EQ(SYS3(GUEST_NR_fcntl, fd, F_GETLK, m), 0);
    memcpy(&fl, g2h(m), sizeof fl);
    CHECK_EQ(fl.l_type, F_UNLCK);
    CHECK_EQ(SYS3(GUEST_NR_fcntl, fd, F_SETLK, stl_unmapped_page()), -EFAULT);
    SYS1(GUEST_NR_close, fd);
    stl_rmtree(dir);
}

TEST(sys_file_reserved_fds)
{
    int fd = dup(2);
    syscall_reserve_fd(fd);
    CHECK_EQ(SYS1(GUEST_NR_close, fd), -EBADF);
    CHECK_EQ(SYS3(GUEST_NR_dup3, 1, fd, 0), -EBADF);
    CHECK_EQ(SYS3(GUEST_NR_write, fd, stl_area(), 0), -EBADF);
    /* close_range closes around it */
    int a = dup(1), b = dup(1);
    int lo = a < fd ? a : fd, hi = b > fd ? b : fd;
    CHECK_EQ(SYS3(GUEST_NR_close_range, lo, hi, 0), 0);
    CHECK(fcntl(fd, F_GETFD) >= 0);
    CHECK(fcntl(a, F_GETFD) < 0 && fcntl(b, F_GETFD) < 0);
    CHECK_EQ(SYS3(GUEST_NR_close_range, 5, 4, 0), -EINVAL);
}

TEST(sys_file_getcwd_chdir)
{
    const char *dir = stl_tmpdir();
    uint64_t m = stl_area();
    char old[4096];
    CHECK(getcwd(old, sizeof old) != NULL);
    uint64_t p = stl_put_str(m + 8000, dir);
    CHECK_EQ(SYS1(GUEST_NR_chdir, p), 0);
    int64_t n = SYS2(GUEST_NR_getcwd, m, 4096);
    CHECK_EQ(n, (int64_t)strlen(dir) + 1);
    CHECK(!strcmp(g2h(m), dir));
    CHECK_EQ(SYS2(GUEST_NR_getcwd, m, 3), -ERANGE);
    CHECK_EQ(SYS2(GUEST_NR_getcwd, stl_readonly_page(), 4096), -EFAULT);
    CHECK(chdir(old) == 0);
    stl_rmtree(dir);
}
