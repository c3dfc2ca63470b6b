/* Hostile arguments: calls whose only effects are on memory they are given
 * run thousands of times with pointers that are NULL, unmapped, read-only,
 * straddling a protection boundary or far outside the guest space, and
 * with absurd sizes. Each must answer with a result or -errno; under the
 * sanitizers any touch of memory hart should not touch fails the run.
 * Calls that block, change the process or the file system are left out. */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "sys_testlib.h"
#include "test.h"

static const int safe_calls[] = {
    GUEST_NR_fstat, GUEST_NR_newfstatat, GUEST_NR_statx, GUEST_NR_statfs,
    GUEST_NR_fstatfs, GUEST_NR_uname, GUEST_NR_sysinfo, GUEST_NR_getrusage,
    GUEST_NR_times, GUEST_NR_getresuid, GUEST_NR_getresgid,
    GUEST_NR_getgroups, GUEST_NR_clock_gettime, GUEST_NR_clock_getres,
    GUEST_NR_gettimeofday, GUEST_NR_getrandom, GUEST_NR_riscv_hwprobe,
    GUEST_NR_getcwd, GUEST_NR_readlinkat, GUEST_NR_faccessat,
    GUEST_NR_faccessat2, GUEST_NR_getdents64, GUEST_NR_sched_getaffinity,
    GUEST_NR_getcpu, GUEST_NR_read, GUEST_NR_pread64, GUEST_NR_readv,
    GUEST_NR_preadv, GUEST_NR_write, GUEST_NR_writev, GUEST_NR_pwrite64,
    GUEST_NR_lseek, GUEST_NR_fcntl, GUEST_NR_ioctl, GUEST_NR_uname,
    GUEST_NR_sched_getparam, GUEST_NR_getpriority, GUEST_NR_memfd_create,
    GUEST_NR_pipe2,
};

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t pick(const uint64_t *v, size_t n)
{
    return v[next() % n];
}

TEST(sys_hostile_arguments)
{
    uint64_t m = stl_area();
    int p[2];
    CHECK(pipe2(p, O_NONBLOCK) == 0);
    CHECK(write(p[1], "some bytes", 10) == 10);
    int file = memfd_create("hostile", 0);
    CHECK(file >= 0 && write(file, "0123456789", 10) == 10);
    const uint64_t ptrs[] = {
        0, 1, 8, stl_unmapped_page(), stl_readonly_page(),
        stl_readonly_page() - 8,   /* writable, then read-only */
        stl_unmapped_page() - 8,   /* readable, then nothing */
        m, m + 3,                  /* writable, misaligned */
        GUEST_SPACE_SIZE - 1, GUEST_SPACE_SIZE, 1ull << 62, UINT64_MAX,
        UINT64_MAX - 4095};
    const uint64_t sizes[] = {0, 1, 7, 8, 16, 128, 4096, 65536, 1ull << 31,
                              1ull << 40, UINT64_MAX, (uint64_t)-1 >> 1,
                              0x80000000u, 0xffffffffu};
    const uint64_t fds[] = {(uint64_t)-1, 999, (uint64_t)p[0], (uint64_t)p[1],
                            (uint64_t)file, (uint64_t)(int64_t)GUEST_AT_FDCWD,
                            0x100000000ull + (uint64_t)file};
    int bad_results = 0, ok = 0, efault = 0;
    for (int iter = 0; iter < 20000; iter++) {
        int nr = safe_calls[next() % (sizeof safe_calls / sizeof *safe_calls)];
        const struct sys_entry *e = sys_entry_of((uint64_t)nr);
        uint64_t a[6] = {0};
        for (int i = 0; i < 6 && e->arg[i] != A_VOID; i++) {
            switch (e->arg[i]) {
            case A_FD:
            case A_DIRFD:
                a[i] = pick(fds, sizeof fds / sizeof *fds);
                break;
            case A_PTR: case A_PATH: case A_STR: case A_OSTR: case A_IBUF:
            case A_OBUF: case A_FDPAIR:
                a[i] = pick(ptrs, sizeof ptrs / sizeof *ptrs);
                break;
            case A_IOCTL: /* the terminal requests, and junk */
                a[i] = (next() & 1) ? 0x5400 + (next() % 0x60) : next();
                break;
            default:
                a[i] = (next() & 1) ? pick(sizes, sizeof sizes / sizeof *sizes)
                                    : next();
            }
        }
        /* lseek on the pipe only; fcntl must not block on a lock */
        if (nr == GUEST_NR_fcntl && (a[1] == 7 || a[1] == 38))
            continue;
        int64_t r = stl_call((uint64_t)nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        if (r < 0 && r < -4095)
            bad_results++;
        ok += r >= 0;
        efault += r == -EFAULT;
        /* Descriptors the calls made (pipe2, memfd_create, F_DUPFD) go. */
        if (r > 2 && (nr == GUEST_NR_memfd_create ||
                      (nr == GUEST_NR_fcntl && (a[1] == 0 || a[1] == 1030))))
            close((int)r);
        if (nr == GUEST_NR_pipe2 && r == 0 && a[0] == m) {
            int32_t made[2];
            memcpy(made, g2h(m), sizeof made);
            close(made[0]);
            close(made[1]);
        }
    }
    CHECK_EQ(bad_results, 0);
    /* Both kinds of outcome were exercised, not only early refusals. */
    CHECK(ok > 500);
    CHECK(efault > 1000);
    close(p[0]);
    close(p[1]);
    close(file);
}
