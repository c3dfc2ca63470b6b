/* --strace line formatting, checked against the exact text strace prints
 * for the same calls. */
#include <string.h>
#include "linux/strace.h"
#include "sys_testlib.h"
#include "test.h"

static char line[1024];

static const char *fmt(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
                       uint64_t a3, uint64_t a4, uint64_t a5, int64_t r)
{
    uint64_t a[6] = {a0, a1, a2, a3, a4, a5};
    strace_format(line, sizeof line, nr, a, r, true);
    return line;
}

#define CHECK_LINE(expect, ...)                                                \
    do {                                                                       \
        const char *got_ = fmt(__VA_ARGS__);                                   \
        if (strcmp(got_, expect)) {                                            \
            test_failures++;                                                   \
            printf("  %s:%d: got      %s\n  %*s expected %s\n", __FILE__,      \
                   __LINE__, got_, (int)strlen(__FILE__) + 4, "", expect);     \
        }                                                                      \
    } while (0)

TEST(strace_openat)
{
    uint64_t m = stl_area();
    uint64_t path = stl_put_str(m, "/etc/passwd");
    CHECK_LINE("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3",
               56, (uint64_t)-100, path, 02000000, 0, 0, 0, 3);
    CHECK_LINE("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = -1 ENOENT (No "
               "such file or directory)",
               56, (uint64_t)-100, path, 0, 0, 0, 0, -2);
    /* The mode appears only when the call may create the file. */
    CHECK_LINE("openat(3, \"/etc/passwd\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4",
               56, 3, path, 01101, 0644, 0, 0, 4);
    /* O_DIRECTORY shares a bit with O_TMPFILE but creates nothing. */
    CHECK_LINE("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_DIRECTORY) = 3",
               56, (uint64_t)-100, path, 0200000, 0, 0, 0, 3);
    CHECK_LINE("openat(AT_FDCWD, \"/etc/passwd\", O_RDWR|O_TMPFILE, 0600) = 3",
               56, (uint64_t)-100, path, 020200002, 0600, 0, 0, 3);
    /* Unknown bits are kept, in hex. */
    CHECK_LINE("openat(AT_FDCWD, \"/etc/passwd\", O_RDWR|0x40000000) = 5", 56,
               (uint64_t)-100, path, 02 | 0x40000000, 0, 0, 0, 5);
}

TEST(strace_bad_pointer_prints_address)
{
    uint64_t bad = stl_unmapped_page();
    char expect[128];
    snprintf(expect, sizeof expect,
             "openat(AT_FDCWD, %#llx, O_RDONLY) = -1 EFAULT (Bad address)",
             (unsigned long long)bad);
    CHECK_LINE(expect, 56, (uint64_t)-100, bad, 0, 0, 0, 0, -14);
    CHECK_LINE("write(1, NULL, 0) = 0", 64, 1, 0, 0, 0, 0, 0, 0);
}

TEST(strace_buffers)
{
    uint64_t m = stl_area();
    memcpy(g2h(m), "hello\n\t\"\\\x01" "7\x7f" "x", 13);
    CHECK_LINE("write(1, \"hello\\n\\t\\\"\\\\\\0017\\177x\", 13) = 13", 64, 1,
               m, 13, 0, 0, 0, 13);
    /* Cut at 32 bytes with "..." after the quote. */
    memset(g2h(m), 'a', 40);
    CHECK_LINE("write(2, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"..., 40) = 40", 64,
               2, m, 40, 0, 0, 0, 40);
    /* read shows what it read, and only the result's length. */
    memcpy(g2h(m), "abcdef", 6);
    CHECK_LINE("read(3, \"abc\", 4096) = 3", 63, 3, m, 4096, 0, 0, 0, 3);
    char expect[128];
    snprintf(expect, sizeof expect,
             "read(3, %#llx, 10) = -1 EBADF (Bad file descriptor)",
             (unsigned long long)m);
    CHECK_LINE(expect, 63, 3, m, 10, 0, 0, 0, -9);
}

TEST(strace_mmap_family)
{
    CHECK_LINE("mmap(NULL, 4096, PROT_READ|PROT_WRITE, "
               "MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x3ff7ff0000",
               222, 0, 4096, 3, 0x22, (uint64_t)-1, 0, 0x3ff7ff0000);
    CHECK_LINE("mmap(0x10000, 8192, PROT_NONE, MAP_SHARED|MAP_FIXED, 3, 4096) "
               "= -1 ENOMEM (Cannot allocate memory)",
               222, 0x10000, 8192, 0, 0x11, 3, 4096, -12);
    CHECK_LINE("mprotect(0x71000, 16384, PROT_READ) = 0", 226, 0x71000, 16384,
               1, 0, 0, 0, 0);
    CHECK_LINE("brk(NULL) = 0x7d000", 214, 0, 0, 0, 0, 0, 0, 0x7d000);
}

TEST(strace_misc_kinds)
{
    uint64_t m = stl_area();
    int32_t fds[2] = {3, 4};
    memcpy(g2h(m), fds, 8);
    CHECK_LINE("pipe2([3, 4], O_CLOEXEC) = 0", 59, m, 02000000, 0, 0, 0, 0, 0);
    CHECK_LINE("dup3(3, 10, 0) = 10", 24, 3, 10, 0, 0, 0, 0, 10);
    CHECK_LINE("lseek(3, -5, SEEK_END) = 95", 62, 3, (uint64_t)-5, 2, 0, 0, 0,
               95);
    CHECK_LINE("fcntl(3, F_GETFL, 0) = 2", 25, 3, 3, 0, 0, 0, 0, 2);
    CHECK_LINE("ioctl(1, TCGETS, 0x1000) = -1 ENOTTY (Inappropriate ioctl for "
               "device)",
               29, 1, 0x5401, 0x1000, 0, 0, 0, -25);
    CHECK_LINE("clock_gettime(CLOCK_MONOTONIC, 0x2000) = 0", 113, 1, 0x2000, 0,
               0, 0, 0, 0);
    CHECK_LINE("tgkill(7, 7, SIGABRT) = 0", 131, 7, 7, 6, 0, 0, 0, 0);
    CHECK_LINE("rt_sigprocmask(SIG_UNBLOCK, 0x10, NULL, 8) = 0", 135, 1, 0x10,
               0, 8, 0, 0, 0);
    CHECK_LINE("prlimit64(0, RLIMIT_STACK, NULL, 0x20) = 0", 261, 0, 3, 0,
               0x20, 0, 0, 0);
    CHECK_LINE("umask(022) = 0", 166, 022, 0, 0, 0, 0, 0, 0);
    CHECK_LINE("getpid() = 42", 172, 0, 0, 0, 0, 0, 0, 42);
    uint64_t p = stl_put_str(m + 64, "x");
    char expect[128];
    snprintf(expect, sizeof expect,
             "newfstatat(AT_FDCWD, \"x\", %#llx, AT_SYMLINK_NOFOLLOW) = 0",
             (unsigned long long)m);
    CHECK_LINE(expect, 79, (uint64_t)-100, p, m, 0x100, 0, 0, 0);
    snprintf(expect, sizeof expect,
             "unlinkat(AT_FDCWD, \"x\", AT_REMOVEDIR) = -1 ENOTEMPTY (Directory "
             "not empty)");
    CHECK_LINE(expect, 35, (uint64_t)-100, p, 0x200, 0, 0, 0, -39);
    snprintf(expect, sizeof expect,
             "faccessat2(AT_FDCWD, \"x\", 04, AT_EACCESS) = 0");
    CHECK_LINE(expect, 439, (uint64_t)-100, p, 4, 0x200, 0, 0, 0);
}

TEST(strace_strings_truncate)
{
    uint64_t m = stl_area();
    uint64_t s = stl_put_str(m, "0123456789abcdefghijklmnopqrstuvwxyz");
    CHECK_LINE("memfd_create(\"0123456789abcdefghijklmnopqrstuv\"..., 0x1) = 3",
               279, s, 1, 0, 0, 0, 0, 3);
    /* getcwd's buffer is shown only once filled. */
    stl_put_str(m, "/home");
    CHECK_LINE("getcwd(\"/home\", 4096) = 6", 17, m, 4096, 0, 0, 0, 0, 6);
}

TEST(strace_noreturn_and_unknown)
{
    uint64_t a[6] = {3, 0, 0, 0, 0, 0};
    strace_format(line, sizeof line, 94, a, 0, false);
    CHECK(!strcmp(line, "exit_group(3) = ?"));
    CHECK_LINE("syscall_999(0x1, 0x2, 0, 0, 0, 0) = -1 ENOSYS (Function not "
               "implemented)",
               999, 1, 2, 0, 0, 0, 0, -38);
    CHECK_LINE("io_setup(1, 0x10) = -1 ENOSYS (Function not implemented)", 0,
               1, 0x10, 0, 0, 0, 0, -38);
}

TEST(strace_small_buffer_stays_terminated)
{
    uint64_t m = stl_area();
    uint64_t path = stl_put_str(m, "/a/rather/long/path/name");
    char small[16];
    uint64_t a[6] = {(uint64_t)-100, path, 0, 0, 0, 0};
    size_t n = strace_format(small, sizeof small, 56, a, 3, true);
    CHECK_EQ(n, 15);
    CHECK_EQ(strlen(small), 15);
    CHECK(!strncmp(small, "openat(AT_FDCWD", 15));
}
