/* The guest's Linux ABI (riscv64, asm-generic): structures and constants as
 * the guest sees them, in explicit-size types with a guest_/GUEST_ prefix.
 * Host structures are never laid over guest memory; handlers copy field by
 * field between the two (sys_conv.c).
 *
 * Layouts were checked by compiling one program that prints sizes and
 * offsets for riscv64 (run under qemu-riscv64) and for x86-64:
 *   struct stat      differs: riscv64 is asm-generic's 128 bytes (32-bit
 *                    mode/nlink/uid/gid, 32-bit blksize); x86-64's is 144.
 *   statfs, kernel termios/termios2, winsize, sysinfo, rusage, tms,
 *   rlimit64, timespec, timeval, utsname, pollfd, iovec, flock, statx,
 *   linux_dirent64: same size and offsets on both.
 *   rt_sigaction's struct differs: riscv64 has no sa_restorer (24 bytes).
 *   struct epoll_event differs: x86-64 packs it (12 bytes, data at 4),
 *   riscv64 aligns data to 8 (16 bytes, data at 8).
 *   sockaddr_*, msghdr (56), mmsghdr (64), cmsghdr (16, CMSG_ALIGN 8),
 *   linger, ucred, the SO_RCVTIMEO timevals (old and new), ip_mreqn,
 *   group_req, tcp_info, sock_fprog (a pointer inside), signalfd_siginfo
 *   (128), inotify_event, itimerval, itimerspec, sigevent (64, tid at 16),
 *   sched_param: same on both; the pointers inside msghdr, iovec and
 *   sock_fprog are guest addresses and are translated.
 * Flag and command values (O_, AT_, MAP_, PROT_, F_, TC and TIOC ioctls,
 * CLOCK_, RLIMIT_, PR_, signal and errno numbers) are the same on both, so
 * they pass through unchanged; the sys_ files assert that against the host
 * headers. */
#ifndef HART_LINUX_ABI_H
#define HART_LINUX_ABI_H

#include <stdint.h>

#define GUEST_PATH_MAX 4096
#define GUEST_IOV_MAX 1024
#define GUEST_AT_FDCWD (-100)

/* openat flags (octal, as in asm-generic/fcntl.h) */
#define GUEST_O_ACCMODE 03
#define GUEST_O_RDONLY 00
#define GUEST_O_WRONLY 01
#define GUEST_O_RDWR 02
#define GUEST_O_CREAT 0100
#define GUEST_O_EXCL 0200
#define GUEST_O_NOCTTY 0400
#define GUEST_O_TRUNC 01000
#define GUEST_O_APPEND 02000
#define GUEST_O_NONBLOCK 04000
#define GUEST_O_DSYNC 010000
#define GUEST_O_ASYNC 020000
#define GUEST_O_DIRECT 040000
#define GUEST_O_LARGEFILE 0100000
#define GUEST_O_DIRECTORY 0200000
#define GUEST_O_NOFOLLOW 0400000
#define GUEST_O_NOATIME 01000000
#define GUEST_O_CLOEXEC 02000000
#define GUEST_O_SYNC 04010000
#define GUEST_O_PATH 010000000
#define GUEST_O_TMPFILE 020200000

#define GUEST_AT_SYMLINK_NOFOLLOW 0x100
#define GUEST_AT_REMOVEDIR 0x200
#define GUEST_AT_EACCESS 0x200
#define GUEST_AT_SYMLINK_FOLLOW 0x400
#define GUEST_AT_NO_AUTOMOUNT 0x800
#define GUEST_AT_EMPTY_PATH 0x1000

#define GUEST_PROT_READ 1
#define GUEST_PROT_WRITE 2
#define GUEST_PROT_EXEC 4
#define GUEST_PROT_GROWSDOWN 0x01000000

#define GUEST_MAP_SHARED 0x01
#define GUEST_MAP_PRIVATE 0x02
#define GUEST_MAP_SHARED_VALIDATE 0x03
#define GUEST_MAP_FIXED 0x10
#define GUEST_MAP_ANONYMOUS 0x20
#define GUEST_MAP_GROWSDOWN 0x100
#define GUEST_MAP_DENYWRITE 0x800
#define GUEST_MAP_EXECUTABLE 0x1000
#define GUEST_MAP_LOCKED 0x2000
#define GUEST_MAP_NORESERVE 0x4000
#define GUEST_MAP_POPULATE 0x8000
#define GUEST_MAP_NONBLOCK 0x10000
#define GUEST_MAP_STACK 0x20000
#define GUEST_MAP_HUGETLB 0x40000
#define GUEST_MAP_SYNC 0x80000
#define GUEST_MAP_FIXED_NOREPLACE 0x100000

#define GUEST_F_DUPFD 0
#define GUEST_F_GETFD 1
#define GUEST_F_SETFD 2
#define GUEST_F_GETFL 3
#define GUEST_F_SETFL 4
#define GUEST_F_GETLK 5
#define GUEST_F_SETLK 6
#define GUEST_F_SETLKW 7
#define GUEST_F_SETOWN 8
#define GUEST_F_GETOWN 9
#define GUEST_F_OFD_GETLK 36
#define GUEST_F_OFD_SETLK 37
#define GUEST_F_OFD_SETLKW 38
#define GUEST_F_DUPFD_CLOEXEC 1030
#define GUEST_F_SETPIPE_SZ 1031
#define GUEST_F_GETPIPE_SZ 1032
#define GUEST_F_ADD_SEALS 1033
#define GUEST_F_GET_SEALS 1034

/* Terminal ioctls (asm-generic/ioctls.h, the same numbers as x86-64). */
#define GUEST_TCGETS 0x5401
#define GUEST_TCSETS 0x5402
#define GUEST_TCSETSW 0x5403
#define GUEST_TCSETSF 0x5404
#define GUEST_TCSBRK 0x5409
#define GUEST_TCXONC 0x540a
#define GUEST_TCFLSH 0x540b
#define GUEST_TIOCSCTTY 0x540e
#define GUEST_TIOCGPGRP 0x540f
#define GUEST_TIOCSPGRP 0x5410
#define GUEST_TIOCOUTQ 0x5411
#define GUEST_TIOCGWINSZ 0x5413
#define GUEST_TIOCSWINSZ 0x5414
#define GUEST_FIONREAD 0x541b
#define GUEST_TIOCNOTTY 0x5422
#define GUEST_TIOCEXCL 0x540c
#define GUEST_TIOCNXCL 0x540d
#define GUEST_TIOCMGET 0x5415
#define GUEST_TIOCMBIS 0x5416
#define GUEST_TIOCMBIC 0x5417
#define GUEST_TIOCMSET 0x5418
#define GUEST_TIOCSETD 0x5423
#define GUEST_TIOCGETD 0x5424
#define GUEST_TCSBRKP 0x5425
#define GUEST_TIOCSBRK 0x5427
#define GUEST_TIOCCBRK 0x5428
#define GUEST_TIOCGEXCL 0x80045440
#define GUEST_FIONBIO 0x5421
#define GUEST_TIOCGSID 0x5429
#define GUEST_TCGETS2 0x802c542a
#define GUEST_TCSETS2 0x402c542b
#define GUEST_TCSETSW2 0x402c542c
#define GUEST_TCSETSF2 0x402c542d
#define GUEST_TIOCGPTN 0x80045430
#define GUEST_TIOCSPTLCK 0x40045431
#define GUEST_TIOCGPTLCK 0x80045439
#define GUEST_TIOCGPTPEER 0x5441
#define GUEST_FIONCLEX 0x5450
#define GUEST_FIOCLEX 0x5451
#define GUEST_FIOASYNC 0x5452

#define GUEST_CLOCK_REALTIME 0
#define GUEST_CLOCK_MONOTONIC 1
#define GUEST_TIMER_ABSTIME 1

#define GUEST_RLIMIT_DATA 2
#define GUEST_RLIMIT_STACK 3
#define GUEST_RLIMIT_AS 9
#define GUEST_RLIM_NLIMITS 16

#define GUEST_SIGABRT 6
#define GUEST_SIGKILL 9
#define GUEST_SIGSTOP 19
#define GUEST_NSIG 64
#define GUEST_SIG_BLOCK 0
#define GUEST_SIG_UNBLOCK 1
#define GUEST_SIG_SETMASK 2
#define GUEST_SIG_DFL 0
#define GUEST_SIG_IGN 1

/* asm-generic struct stat, 128 bytes. */
struct guest_stat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint32_t st_mode;
    uint32_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint64_t st_rdev;
    uint64_t pad1;
    int64_t st_size;
    int32_t st_blksize;
    int32_t pad2;
    int64_t st_blocks;
    int64_t st_atime_sec;
    uint64_t st_atime_nsec;
    int64_t st_mtime_sec;
    uint64_t st_mtime_nsec;
    int64_t st_ctime_sec;
    uint64_t st_ctime_nsec;
    uint32_t unused4;
    uint32_t unused5;
};

/* asm-generic struct statfs with 64-bit words, 120 bytes. */
struct guest_statfs {
    int64_t f_type;
    int64_t f_bsize;
    uint64_t f_blocks;
    uint64_t f_bfree;
    uint64_t f_bavail;
    uint64_t f_files;
    uint64_t f_ffree;
    int32_t f_fsid[2];
    int64_t f_namelen;
    int64_t f_frsize;
    int64_t f_flags;
    int64_t f_spare[4];
};

/* The kernel's termios (not glibc's 60-byte user struct), 36 bytes; the
 * ioctls TCGETS and TCSETS* exchange this one. */
#define GUEST_NCCS 19
struct guest_termios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t c_line;
    uint8_t c_cc[GUEST_NCCS];
};

struct guest_termios2 {
    struct guest_termios t;
    uint32_t c_ispeed;
    uint32_t c_ospeed;
};

struct guest_winsize {
    uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};

struct guest_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

struct guest_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};

/* 112 bytes; the padding after procs is implicit in the kernel's. */
struct guest_sysinfo {
    int64_t uptime;
    uint64_t loads[3];
    uint64_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
    uint16_t procs;
    uint16_t pad;
    uint32_t pad2;
    uint64_t totalhigh, freehigh;
    uint32_t mem_unit;
    uint32_t pad3;
};

struct guest_rusage {
    struct guest_timeval ru_utime, ru_stime;
    int64_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt,
        ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals,
        ru_nvcsw, ru_nivcsw;
};

struct guest_tms {
    int64_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

struct guest_rlimit {
    uint64_t rlim_cur, rlim_max;
};

#define GUEST_UTS_LEN 65
struct guest_utsname {
    char sysname[GUEST_UTS_LEN];
    char nodename[GUEST_UTS_LEN];
    char release[GUEST_UTS_LEN];
    char version[GUEST_UTS_LEN];
    char machine[GUEST_UTS_LEN];
    char domainname[GUEST_UTS_LEN];
};

struct guest_iovec {
    uint64_t iov_base;
    uint64_t iov_len;
};

struct guest_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};

struct guest_flock {
    int16_t l_type;
    int16_t l_whence;
    uint32_t pad;
    int64_t l_start;
    int64_t l_len;
    int32_t l_pid;
    uint32_t pad2;
};

/* riscv64 has no SA_RESTORER: handler, flags, mask; 24 bytes. */
struct guest_sigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t mask;
};

/* pselect6's sixth argument. */
struct guest_sigset_arg {
    uint64_t ss;
    uint64_t ss_len;
};

/* Sockets (asm-generic/socket.h, the same numbers on x86-64). */
#define GUEST_SOL_SOCKET 1
#define GUEST_SO_ATTACH_FILTER 26
#define GUEST_SO_ATTACH_REUSEPORT_CBPF 51
#define GUEST_SCM_RIGHTS 1
#define GUEST_SCM_CREDENTIALS 2
#define GUEST_SOCK_NONBLOCK GUEST_O_NONBLOCK
#define GUEST_SOCK_CLOEXEC GUEST_O_CLOEXEC
#define GUEST_MSG_CMSG_CLOEXEC 0x40000000
#define GUEST_UIO_MAXIOV 1024
#define GUEST_SOCKADDR_MAX 128  /* sizeof(struct sockaddr_storage) */

struct guest_msghdr {
    uint64_t name;
    uint32_t namelen;
    uint32_t pad;
    uint64_t iov;
    uint64_t iovlen;
    uint64_t control;
    uint64_t controllen;
    int32_t flags;
    uint32_t pad2;
};

struct guest_mmsghdr {
    struct guest_msghdr hdr;
    uint32_t len;
    uint32_t pad;
};

struct guest_cmsghdr {
    uint64_t len;
    int32_t level;
    int32_t type;
};

/* SO_ATTACH_FILTER's argument: a count and a pointer to the program. */
struct guest_sock_fprog {
    uint16_t len;
    uint16_t pad[3];
    uint64_t filter;
};

/* epoll: data is 8-aligned on riscv64 (x86-64 packs the struct). */
#define GUEST_EPOLL_CTL_ADD 1
#define GUEST_EPOLL_CTL_DEL 2
#define GUEST_EPOLL_CTL_MOD 3
struct guest_epoll_event {
    uint32_t events;
    uint32_t pad;
    uint64_t data;
};

struct guest_itimerval {
    struct guest_timeval it_interval, it_value;
};

struct guest_itimerspec {
    struct guest_timespec it_interval, it_value;
};

/* The kernel's sigevent, 64 bytes; tid is the SIGEV_THREAD_ID target. */
#define GUEST_SIGEV_SIGNAL 0
#define GUEST_SIGEV_NONE 1
#define GUEST_SIGEV_THREAD 2
#define GUEST_SIGEV_THREAD_ID 4
struct guest_sigevent {
    uint64_t value;
    int32_t signo;
    int32_t notify;
    int32_t tid;
    int32_t pad[11];
};

/* riscv_hwprobe (asm/hwprobe.h; keys and bits as in Linux 6.x uapi). */
struct guest_hwprobe {
    int64_t key;
    uint64_t value;
};
#define GUEST_HWPROBE_KEY_MVENDORID 0
#define GUEST_HWPROBE_KEY_MARCHID 1
#define GUEST_HWPROBE_KEY_MIMPID 2
#define GUEST_HWPROBE_KEY_BASE_BEHAVIOR 3
#define GUEST_HWPROBE_BASE_BEHAVIOR_IMA (1ull << 0)
#define GUEST_HWPROBE_KEY_IMA_EXT_0 4
#define GUEST_HWPROBE_IMA_FD (1ull << 0)
#define GUEST_HWPROBE_IMA_C (1ull << 1)
#define GUEST_HWPROBE_IMA_V (1ull << 2)
#define GUEST_HWPROBE_EXT_ZBA (1ull << 3)
#define GUEST_HWPROBE_EXT_ZBB (1ull << 4)
#define GUEST_HWPROBE_EXT_ZBS (1ull << 5)
#define GUEST_HWPROBE_EXT_ZICOND (1ull << 35)
#define GUEST_HWPROBE_KEY_CPUPERF_0 5
#define GUEST_HWPROBE_KEY_ZICBOZ_BLOCK_SIZE 6
#define GUEST_HWPROBE_KEY_HIGHEST_VIRT_ADDRESS 7
#define GUEST_HWPROBE_KEY_TIME_CSR_FREQ 8
#define GUEST_HWPROBE_KEY_MISALIGNED_SCALAR_PERF 9
#define GUEST_HWPROBE_MISALIGNED_FAST 3
#define GUEST_HWPROBE_WHICH_CPUS 1

#define GUEST_FLUSH_ICACHE_LOCAL 1

_Static_assert(sizeof(struct guest_stat) == 128, "asm-generic stat");
_Static_assert(sizeof(struct guest_statfs) == 120, "statfs");
_Static_assert(sizeof(struct guest_termios) == 36, "kernel termios");
_Static_assert(sizeof(struct guest_termios2) == 44, "kernel termios2");
_Static_assert(sizeof(struct guest_sysinfo) == 112, "sysinfo");
_Static_assert(sizeof(struct guest_rusage) == 144, "rusage");
_Static_assert(sizeof(struct guest_utsname) == 390, "new_utsname");
_Static_assert(sizeof(struct guest_flock) == 32, "flock");
_Static_assert(sizeof(struct guest_pollfd) == 8, "pollfd");
_Static_assert(sizeof(struct guest_msghdr) == 56, "msghdr");
_Static_assert(sizeof(struct guest_mmsghdr) == 64, "mmsghdr");
_Static_assert(sizeof(struct guest_cmsghdr) == 16, "cmsghdr");
_Static_assert(sizeof(struct guest_sock_fprog) == 16, "sock_fprog");
_Static_assert(sizeof(struct guest_epoll_event) == 16, "riscv64 epoll_event");
_Static_assert(sizeof(struct guest_itimerspec) == 32, "itimerspec");
_Static_assert(sizeof(struct guest_sigevent) == 64, "sigevent");

#endif
