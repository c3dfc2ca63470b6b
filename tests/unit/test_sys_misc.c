/* The other system calls through the dispatcher: machine information,
 * hwprobe, time, limits, signals (partial), polling, terminals, the
 * special /proc files, the sysroot, and the unimplemented path. */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux/process.h"
#include "linux/syscall.h"
#include "sys_testlib.h"
#include "test.h"

#define FDCWD ((uint64_t)(int64_t)GUEST_AT_FDCWD)

TEST(sys_misc_uname)
{
    uint64_t m = stl_area();
    memset(g2h(m), 0x55, 400);
    CHECK_EQ(SYS1(GUEST_NR_uname, m), 0);
    struct guest_utsname u;
    memcpy(&u, g2h(m), sizeof u);
    CHECK(!strcmp(u.machine, "riscv64"));
    CHECK(!strcmp(u.sysname, "Linux"));
    CHECK_EQ(u.machine[GUEST_UTS_LEN - 1], 0);
    CHECK_EQ(*(uint8_t *)g2h(m + 390), 0x55); /* nothing past the struct */
    CHECK_EQ(SYS1(GUEST_NR_uname, stl_readonly_page()), -EFAULT);
}

static uint64_t probe(uint64_t m, int64_t key, int64_t *key_out)
{
    struct guest_hwprobe p = {key, 0x1234};
    memcpy(g2h(m), &p, sizeof p);
    CHECK_EQ(SYS5(GUEST_NR_riscv_hwprobe, m, 1, 0, 0, 0), 0);
    memcpy(&p, g2h(m), sizeof p);
    *key_out = p.key;
    return p.value;
}

TEST(sys_misc_hwprobe)
{
    uint64_t m = stl_area();
    int64_t k;
    CHECK_EQ(probe(m, GUEST_HWPROBE_KEY_BASE_BEHAVIOR, &k), 1);
    CHECK_EQ(k, GUEST_HWPROBE_KEY_BASE_BEHAVIOR);
    uint64_t ext = probe(m, GUEST_HWPROBE_KEY_IMA_EXT_0, &k);
    CHECK_EQ(ext, (1ull << 0) | (1ull << 1) | (1ull << 3) | (1ull << 4) |
                      (1ull << 5) | (1ull << 35));
    CHECK_EQ(probe(m, GUEST_HWPROBE_KEY_MISALIGNED_SCALAR_PERF, &k), 3);
    CHECK_EQ(probe(m, GUEST_HWPROBE_KEY_HIGHEST_VIRT_ADDRESS, &k),
             (1ull << 38) - 1);
    CHECK_EQ(probe(m, GUEST_HWPROBE_KEY_MVENDORID, &k), 0);
    /* Unknown keys: -1, 0 */
    CHECK_EQ(probe(m, 12345, &k), 0);
    CHECK_EQ(k, -1);
    CHECK_EQ(probe(m, -7, &k), 0);
    CHECK_EQ(k, -1);
    /* Flags, the CPU set, bad pointers */
    CHECK_EQ(SYS5(GUEST_NR_riscv_hwprobe, m, 1, 0, 0, 2), -EINVAL);
    CHECK_EQ(SYS5(GUEST_NR_riscv_hwprobe, stl_readonly_page(), 1, 0, 0, 0),
             -EFAULT);
    CHECK_EQ(SYS5(GUEST_NR_riscv_hwprobe, m, 0, 0, 0, 0), 0);
    memset(g2h(m + 100), 0, 8);
    CHECK_EQ(SYS5(GUEST_NR_riscv_hwprobe, m, 1, 8, m + 100, 0), -EINVAL);
    *(uint8_t *)g2h(m + 100) = 1;
    CHECK_EQ(SYS5(GUEST_NR_riscv_hwprobe, m, 1, 8, m + 100, 0), 0);
    /* WHICH_CPUS: a pair hart satisfies keeps the set, one it does not
     * empties it. */
    struct guest_hwprobe p = {GUEST_HWPROBE_KEY_IMA_EXT_0, 1ull << 3};
    memcpy(g2h(m), &p, sizeof p);
    *(uint8_t *)g2h(m + 100) = 1;
    CHECK_EQ(SYS5(GUEST_NR_riscv_hwprobe, m, 1, 8, m + 100, 1), 0);
    CHECK_EQ(*(uint8_t *)g2h(m + 100), 1);
    p.value = 1ull << 2; /* V */
    memcpy(g2h(m), &p, sizeof p);
    CHECK_EQ(SYS5(GUEST_NR_riscv_hwprobe, m, 1, 8, m + 100, 1), 0);
    CHECK_EQ(*(uint8_t *)g2h(m + 100), 0);
}

static uint64_t flushed_start, flushed_end;
static int flush_calls;

static void record_flush(uint64_t start, uint64_t end)
{
    flushed_start = start;
    flushed_end = end;
    flush_calls++;
}

TEST(sys_misc_flush_icache)
{
    CHECK_EQ(SYS3(GUEST_NR_riscv_flush_icache, 0x1000, 0x2000, 0), 0);
    sys_flush_icache_hook = record_flush;
    CHECK_EQ(SYS3(GUEST_NR_riscv_flush_icache, 0x1000, 0x2000, 1), 0);
    CHECK_EQ(flush_calls, 1);
    CHECK_EQ(flushed_start, 0x1000);
    CHECK_EQ(flushed_end, 0x2000);
    CHECK_EQ(SYS3(GUEST_NR_riscv_flush_icache, 0, 0, 2), -EINVAL);
    CHECK_EQ(flush_calls, 1);
    sys_flush_icache_hook = NULL;
}

TEST(sys_misc_time)
{
    uint64_t m = stl_area();
    struct guest_timespec a, b;
    CHECK_EQ(SYS2(GUEST_NR_clock_gettime, GUEST_CLOCK_MONOTONIC, m), 0);
    memcpy(&a, g2h(m), sizeof a);
    struct guest_timespec req = {0, 2000000};
    memcpy(g2h(m + 64), &req, sizeof req);
    CHECK_EQ(SYS2(GUEST_NR_nanosleep, m + 64, 0), 0);
    CHECK_EQ(SYS2(GUEST_NR_clock_gettime, GUEST_CLOCK_MONOTONIC, m), 0);
    memcpy(&b, g2h(m), sizeof b);
    int64_t ns = (b.tv_sec - a.tv_sec) * 1000000000 + (b.tv_nsec - a.tv_nsec);
    CHECK(ns >= 2000000);
    CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
    CHECK_EQ(SYS2(GUEST_NR_clock_gettime, 12345, m), -EINVAL);
    CHECK_EQ(SYS2(GUEST_NR_clock_gettime, 0, stl_readonly_page()), -EFAULT);
    CHECK_EQ(SYS2(GUEST_NR_clock_getres, GUEST_CLOCK_MONOTONIC, 0), 0);
    CHECK_EQ(SYS2(GUEST_NR_clock_getres, GUEST_CLOCK_MONOTONIC, m), 0);
    memcpy(&a, g2h(m), sizeof a);
    CHECK(a.tv_sec == 0 && a.tv_nsec > 0);
    CHECK_EQ(SYS2(GUEST_NR_gettimeofday, m, 0), 0);
    struct guest_timeval tv;
    memcpy(&tv, g2h(m), sizeof tv);
    CHECK(tv.tv_sec > 1600000000 && tv.tv_usec < 1000000);
    req.tv_nsec = 2000000000; /* invalid */
    memcpy(g2h(m + 64), &req, sizeof req);
    CHECK_EQ(SYS2(GUEST_NR_nanosleep, m + 64, 0), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_clock_nanosleep, 1, 0, stl_unmapped_page(), 0),
             -EFAULT);
    CHECK(SYS1(GUEST_NR_times, 0) > 0);
}

TEST(sys_misc_getrandom_sysinfo)
{
    uint64_t m = stl_area();
    CHECK_EQ(SYS3(GUEST_NR_getrandom, m, 64, 0), 64);
    int nonzero = 0;
    for (int i = 0; i < 64; i++)
        nonzero += ((uint8_t *)g2h(m))[i] != 0;
    CHECK(nonzero > 32);
    CHECK_EQ(SYS3(GUEST_NR_getrandom, stl_readonly_page(), 8, 0), -EFAULT);
    CHECK_EQ(SYS1(GUEST_NR_sysinfo, m), 0);
    struct guest_sysinfo si;
    memcpy(&si, g2h(m), sizeof si);
    CHECK(si.totalram > 0 && si.mem_unit > 0 && si.procs > 0);
    CHECK_EQ(SYS2(GUEST_NR_getrusage, 0, m), 0);
    CHECK_EQ(SYS2(GUEST_NR_getrusage, 0, stl_readonly_page()), -EFAULT);
}

TEST(sys_misc_ids)
{
    uint64_t m = stl_area();
    CHECK_EQ(SYS0(GUEST_NR_getpid), getpid());
    CHECK_EQ(SYS0(GUEST_NR_gettid), gettid());
    CHECK_EQ(SYS0(GUEST_NR_getppid), getppid());
    CHECK_EQ(SYS0(GUEST_NR_getuid), getuid());
    CHECK_EQ(SYS0(GUEST_NR_getegid), getegid());
    CHECK_EQ(SYS3(GUEST_NR_getresuid, m, m + 4, m + 8), 0);
    uint32_t ids[3];
    memcpy(ids, g2h(m), 12);
    CHECK_EQ(ids[0], getuid());
    CHECK_EQ(ids[1], geteuid());
    CHECK_EQ(SYS3(GUEST_NR_getresgid, m, m + 4, stl_readonly_page()), -EFAULT);
    CHECK_EQ(SYS1(GUEST_NR_set_tid_address, m), gettid());
    CHECK_EQ(SYS2(GUEST_NR_set_robust_list, m, 24), 0);
    CHECK_EQ(SYS2(GUEST_NR_set_robust_list, m, 16), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_rseq, m, 32, 0, 0), -ENOSYS);
    CHECK_EQ(SYS1(GUEST_NR_getpgid, 0), getpgid(0));
    CHECK_EQ(SYS1(GUEST_NR_getsid, 0), getsid(0));
    mode_t old = umask(022);
    CHECK_EQ(SYS1(GUEST_NR_umask, 077), 022);
    CHECK_EQ(umask(old), 077);
    CHECK(SYS3(GUEST_NR_sched_getaffinity, 0, 128, m) > 0);
    CHECK_EQ(SYS0(GUEST_NR_sched_yield), 0);
}

TEST(sys_misc_prlimit_virtual)
{
    uint64_t m = stl_area();
    struct rlimit host_before;
    getrlimit(RLIMIT_AS, &host_before);
    CHECK_EQ(SYS4(GUEST_NR_prlimit64, 0, GUEST_RLIMIT_AS, 0, m), 0);
    struct guest_rlimit g;
    memcpy(&g, g2h(m), sizeof g);
    CHECK_EQ(g.rlim_cur, host_before.rlim_cur);
    /* Lowering the guest's RLIMIT_AS leaves hart's alone. */
    struct guest_rlimit low = {1 << 20, g.rlim_max};
    memcpy(g2h(m + 64), &low, sizeof low);
    CHECK_EQ(SYS4(GUEST_NR_prlimit64, 0, GUEST_RLIMIT_AS, m + 64, m), 0);
    CHECK_EQ(SYS2(GUEST_NR_getrlimit, GUEST_RLIMIT_AS, m), 0);
    memcpy(&g, g2h(m), sizeof g);
    CHECK_EQ(g.rlim_cur, 1 << 20);
    struct rlimit host_after;
    getrlimit(RLIMIT_AS, &host_after);
    CHECK_EQ(host_after.rlim_cur, host_before.rlim_cur);
    struct guest_rlimit bad = {10, 5};
    memcpy(g2h(m + 64), &bad, sizeof bad);
    CHECK_EQ(SYS4(GUEST_NR_prlimit64, 0, GUEST_RLIMIT_AS, m + 64, 0), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_prlimit64, 0, 99, 0, m), -EINVAL);
    /* Others reach the host */
    CHECK_EQ(SYS4(GUEST_NR_prlimit64, 0, RLIMIT_NOFILE, 0, m), 0);
    struct rlimit nofile;
    getrlimit(RLIMIT_NOFILE, &nofile);
    memcpy(&g, g2h(m), sizeof g);
    CHECK_EQ(g.rlim_cur, nofile.rlim_cur);
    /* restore the guest view for later tests */
    memcpy(g2h(m + 64), &(struct guest_rlimit){host_before.rlim_cur,
                                                host_before.rlim_max},
           sizeof low);
    SYS4(GUEST_NR_prlimit64, 0, GUEST_RLIMIT_AS, m + 64, 0);
}

TEST(sys_misc_signal_masks)
{
    uint64_t m = stl_area();
    uint64_t set = 1ull << (GUEST_SIGABRT - 1);
    memcpy(g2h(m), &set, 8);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigprocmask, GUEST_SIG_BLOCK, m, 0, 8), 0);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigprocmask, GUEST_SIG_SETMASK, 0, m + 8, 8), 0);
    uint64_t got;
    memcpy(&got, g2h(m + 8), 8);
    CHECK_EQ(got, set);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigprocmask, GUEST_SIG_UNBLOCK, m, m + 8, 8), 0);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigprocmask, GUEST_SIG_SETMASK, 0, m + 8, 8), 0);
    memcpy(&got, g2h(m + 8), 8);
    CHECK_EQ(got, 0);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigprocmask, 7, m, 0, 8), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigprocmask, 0, m, 0, 16), -EINVAL);
    /* SIGUSR2 ignored: applied to the host, and read back. */
    struct guest_sigaction act = {GUEST_SIG_IGN, 0, 0};
    memcpy(g2h(m), &act, sizeof act);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigaction, 12, m, 0, 8), 0);
    CHECK_EQ(SYS3(GUEST_NR_tgkill, getpid(), gettid(), 12), 0); /* survives */
    CHECK_EQ(SYS4(GUEST_NR_rt_sigaction, 12, 0, m + 64, 8), 0);
    memcpy(&act, g2h(m + 64), sizeof act);
    CHECK_EQ(act.handler, GUEST_SIG_IGN);
    act.handler = GUEST_SIG_DFL;
    memcpy(g2h(m), &act, sizeof act);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigaction, 12, m, 0, 8), 0);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigaction, GUEST_SIGKILL, m, 0, 8), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigaction, 65, 0, m, 8), -EINVAL);
    CHECK_EQ(SYS4(GUEST_NR_rt_sigaction, 12, stl_unmapped_page(), 0, 8),
             -EFAULT);
    CHECK_EQ(SYS2(GUEST_NR_kill, getpid(), 0), 0);
}

TEST(sys_misc_poll)
{
    uint64_t m = stl_area();
    int p[2];
    CHECK(pipe(p) == 0);
    struct guest_pollfd fds[2] = {{p[0], POLLIN, 0x7777}, {p[1], POLLOUT, 0}};
    memcpy(g2h(m), fds, sizeof fds);
    struct guest_timespec zero = {0, 0};
    memcpy(g2h(m + 64), &zero, sizeof zero);
    CHECK_EQ(SYS5(GUEST_NR_ppoll, m, 2, m + 64, 0, 0), 1);
    memcpy(fds, g2h(m), sizeof fds);
    CHECK_EQ(fds[0].revents, 0);
    CHECK_EQ(fds[1].revents, POLLOUT);
    CHECK(write(p[1], "x", 1) == 1);
    CHECK_EQ(SYS5(GUEST_NR_ppoll, m, 2, m + 64, 0, 0), 2);
    memcpy(fds, g2h(m), sizeof fds);
    CHECK_EQ(fds[0].revents, POLLIN);
    CHECK_EQ(SYS5(GUEST_NR_ppoll, m, 2, m + 64, m + 200, 16), -EINVAL);
    CHECK_EQ(SYS5(GUEST_NR_ppoll, stl_readonly_page(), 1, m + 64, 0, 0),
             -EFAULT);
    /* pselect6 on the same pipe */
    uint64_t rset = 1ull << p[0];
    memcpy(g2h(m + 128), &rset, 8);
    CHECK_EQ(SYS6(GUEST_NR_pselect6, p[0] + 1, m + 128, 0, 0, m + 64, 0), 1);
    memcpy(&rset, g2h(m + 128), 8);
    CHECK_EQ(rset, 1ull << p[0]);
    struct guest_sigset_arg sa = {m + 300, 16};
    memcpy(g2h(m + 200), &sa, sizeof sa);
    CHECK_EQ(SYS6(GUEST_NR_pselect6, p[0] + 1, m + 128, 0, 0, m + 64, m + 200),
             -EINVAL);
    CHECK_EQ(SYS6(GUEST_NR_pselect6, -1, 0, 0, 0, m + 64, 0), -EINVAL);
    close(p[0]);
    close(p[1]);
}

TEST(sys_misc_tty)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) || unlockpt(master)) {
        printf("  (no pty available; skipped)\n");
        return;
    }
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    CHECK(slave >= 0);
    uint64_t m = stl_area();
    CHECK_EQ(SYS3(GUEST_NR_ioctl, slave, GUEST_TCGETS, m), 0);
    struct guest_termios t;
    memcpy(&t, g2h(m), sizeof t);
    t.c_lflag ^= 0000010; /* ECHO */
    t.c_cc[6] = 7;        /* VMIN */
    memcpy(g2h(m), &t, sizeof t);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, slave, GUEST_TCSETS, m), 0);
    memset(g2h(m), 0, sizeof t);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, slave, GUEST_TCGETS, m), 0);
    struct guest_termios back;
    memcpy(&back, g2h(m), sizeof back);
    CHECK_EQ(back.c_lflag, t.c_lflag);
    CHECK_EQ(back.c_cc[6], 7);
    struct guest_winsize ws = {24, 80, 0, 0};
    memcpy(g2h(m + 64), &ws, sizeof ws);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, slave, GUEST_TIOCSWINSZ, m + 64), 0);
    memset(g2h(m + 64), 0, sizeof ws);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, master, GUEST_TIOCGWINSZ, m + 64), 0);
    memcpy(&ws, g2h(m + 64), sizeof ws);
    CHECK_EQ(ws.ws_row, 24);
    CHECK_EQ(ws.ws_col, 80);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, slave, GUEST_TCGETS, stl_readonly_page()),
             -EFAULT);
    CHECK_EQ(SYS3(GUEST_NR_ioctl, slave, GUEST_TCGETS2, m), 0);
    struct guest_termios2 t2;
    memcpy(&t2, g2h(m), sizeof t2);
    CHECK_EQ(t2.t.c_lflag, t.c_lflag);
    CHECK(t2.c_ospeed > 0);
    close(slave);
    close(master);
}

TEST(sys_misc_proc_self)
{
    uint64_t m = stl_area();
    const char *saved = proc.exe_path;
    proc.exe_path = "/bin/true";
    uint64_t p = stl_put_str(m, "/proc/self/exe");
    int64_t n = SYS4(GUEST_NR_readlinkat, FDCWD, p, m + 100, 200);
    char want[4096];
    CHECK(realpath("/bin/true", want) != NULL);
    CHECK_EQ(n, (int64_t)strlen(want));
    CHECK(!memcmp(g2h(m + 100), want, strlen(want)));
    /* /proc/<pid>/exe too, and a short buffer truncates */
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/exe", (int)getpid());
    p = stl_put_str(m, path);
    CHECK_EQ(SYS4(GUEST_NR_readlinkat, FDCWD, p, m + 100, 3), 3);
    /* opening it opens the guest program */
    int64_t fd = SYS4(GUEST_NR_openat, FDCWD, p, O_RDONLY, 0);
    CHECK(fd >= 0);
    CHECK_EQ(SYS3(GUEST_NR_read, fd, m + 100, 4), 4);
    CHECK(!memcmp(g2h(m + 100), "\177ELF", 4));
    SYS1(GUEST_NR_close, fd);
    /* /proc/self/maps lists the guest's mappings (the test area) */
    p = stl_put_str(m, "/proc/self/maps");
    fd = SYS4(GUEST_NR_openat, FDCWD, p, O_RDONLY | O_CLOEXEC, 0);
    CHECK(fd >= 0);
    n = SYS3(GUEST_NR_read, fd, m + 1000, 30000);
    CHECK(n > 0);
    char needle[32];
    snprintf(needle, sizeof needle, "%08llx-", (unsigned long long)m);
    ((char *)g2h(m + 1000))[n] = 0;
    CHECK(strstr(g2h(m + 1000), needle) != NULL);
    CHECK(strstr(g2h(m + 1000), " rw-p ") != NULL);
    SYS1(GUEST_NR_close, fd);
    CHECK_EQ(SYS4(GUEST_NR_openat, FDCWD, p, O_RDWR, 0), -EACCES);
    proc.exe_path = saved;
}

TEST(sys_misc_sysroot)
{
    const char *dir = stl_tmpdir();
    char sub[256], file[256];
    snprintf(sub, sizeof sub, "%s/etc", dir);
    snprintf(file, sizeof file, "%s/etc/only-in-sysroot", dir);
    CHECK(mkdir(sub, 0755) == 0);
    int fd = open(file, O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0 && write(fd, "sysroot", 7) == 7);
    close(fd);
    uint64_t m = stl_area();
    uint64_t p = stl_put_str(m, "/etc/only-in-sysroot");
    CHECK_EQ(SYS4(GUEST_NR_openat, FDCWD, p, O_RDONLY, 0), -ENOENT);
    proc.sysroot = dir;
    int64_t g = SYS4(GUEST_NR_openat, FDCWD, p, O_RDONLY, 0);
    CHECK(g >= 0);
    CHECK_EQ(SYS3(GUEST_NR_read, g, m + 100, 10), 7);
    SYS1(GUEST_NR_close, g);
    /* Paths absent from the sysroot fall back to the host's. */
    p = stl_put_str(m, "/dev/null");
    CHECK_EQ(SYS4(GUEST_NR_faccessat2, FDCWD, p, F_OK, 0), 0);
    proc.sysroot = NULL;
    stl_rmtree(dir);
}

TEST(sys_misc_unimplemented)
{
    /* ENOSYS for known-but-missing, unknown and out-of-table numbers */
    CHECK_EQ(SYS0(GUEST_NR_vhangup), -ENOSYS);
    CHECK_EQ(SYS0(38), -ENOSYS); /* renameat: not on riscv64 */
    CHECK_EQ(SYS0(100000), -ENOSYS);
    CHECK_EQ(SYS0(UINT64_MAX), -ENOSYS);
    CHECK(sys_entry_of(38) == NULL);
    CHECK(sys_entry_of(GUEST_NR_openat)->fn != NULL);
    CHECK(sys_entry_of(GUEST_NR_vhangup)->fn == NULL);
    /* the table listing names each call once */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    syscall_print_table(f, true);
    fclose(f);
    CHECK(strstr(buf, " vhangup ") != NULL);
    CHECK(strstr(buf, " openat ") == NULL);
    free(buf);
}

TEST(sys_misc_table_consistency)
{
    /* Every entry: a name, kinds in range, A_VOID only at the end. */
    int implemented = 0;
    for (uint64_t nr = 0; nr < SYS_TABLE_SIZE; nr++) {
        const struct sys_entry *e = sys_entry_of(nr);
        if (!e)
            continue;
        implemented += e->fn != NULL;
        bool ended = false;
        for (int i = 0; i < 6; i++) {
            if (e->arg[i] == A_VOID)
                ended = true;
            else if (ended)
                CHECK(!"argument after A_VOID");
            CHECK(e->arg[i] <= A_RLIMIT);
        }
        CHECK(e->ret <= R_NORETURN);
    }
    CHECK(implemented > 100);
}
