/* Shared by the system-call files (syscall.c, sys_*.c, strace.c): the
 * handler type, the argument kinds of the table (syscalls.def), and the
 * checked ways of reaching guest memory.
 *
 * Every handler gets the six argument registers and returns the result or
 * -errno; host calls are turned into -errno right where they are made
 * (sys_ret), nowhere else. A guest pointer is checked against the guest's
 * page table before the host kernel or hart touches it, so a hostile
 * pointer gives -EFAULT, never a fault inside hart. */
#ifndef HART_LINUX_SYS_H
#define HART_LINUX_SYS_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/hart.h"
#include "linux/abi.h"
#include "mem/access.h"
#include "mem/space.h"

/* How strace shows an argument; the same kinds tell syscall.c which
 * arguments are file descriptors. A_VOID ends the list. */
enum sys_arg_kind {
    A_VOID,
    A_INT,     /* 32-bit signed */
    A_UINT,    /* 32-bit unsigned */
    A_LONG,    /* 64-bit signed */
    A_ULONG,   /* 64-bit unsigned (sizes) */
    A_HEX,
    A_OCT,
    A_PTR,     /* NULL or 0x... */
    A_FD,
    A_DIRFD,   /* AT_FDCWD or a descriptor */
    A_PATH,    /* NUL-terminated, shown whole */
    A_STR,     /* NUL-terminated, shown truncated */
    A_OSTR,    /* string the call writes (getcwd) */
    A_IBUF,    /* buffer read by the call; its length is the next argument */
    A_OBUF,    /* buffer written by the call; its length is the result */
    A_FDPAIR,  /* int[2] the call fills (pipe2) */
    A_OFLAGS,  /* O_*, with the access mode */
    A_FDFLAGS, /* O_CLOEXEC, O_NONBLOCK... (dup3, pipe2) */
    A_MODE,    /* permission bits, octal */
    A_PROT,
    A_MFLAGS,  /* MAP_* */
    A_ATFLAGS,
    A_WHENCE,
    A_FCNTL,
    A_IOCTL,
    A_CLOCK,
    A_SIG,
    A_SIGHOW,
    A_RLIMIT,
};

/* How strace shows the result. */
enum sys_ret_kind {
    R_INT,       /* number, or -1 ERRNO (text) */
    R_HEX,       /* address */
    R_OCT,
    R_NORETURN,  /* exit: shown before the call as "= ?" */
};

typedef int64_t (*sys_handler)(struct hart *h, const uint64_t *a);

struct sys_entry {
    const char *name;    /* NULL: no such call on riscv64 */
    sys_handler fn;      /* NULL: not implemented */
    uint8_t ret;         /* enum sys_ret_kind */
    uint8_t arg[6];      /* enum sys_arg_kind, A_VOID-terminated */
};

#define SYS_TABLE_SIZE 463
extern const struct sys_entry sys_table[SYS_TABLE_SIZE];

/* Runs call nr as syscall_dispatch does, without the registers. */
int64_t syscall_run(struct hart *h, uint64_t nr, const uint64_t *a);

/* The entry of call nr, or NULL when riscv64 Linux has no such call. */
const struct sys_entry *sys_entry_of(uint64_t nr);

/* The guest's call numbers, GUEST_NR_openat and so on. */
enum guest_nr {
#define SYSCALL(nr, name, fn, ret, ...) GUEST_NR_##name = nr,
#include "linux/syscalls.def"
#undef SYSCALL
};

#define SYSCALL(nr, name, fn, ret, ...) int64_t sys_##name(struct hart *h, const uint64_t *a);
#include "linux/syscalls.def"
#undef SYSCALL

/* A host result (-1 and errno on failure) as a handler result. */
static inline int64_t sys_ret(int64_t r)
{
    return r < 0 ? -(int64_t)errno : r;
}

/* Guest memory. sys_in/sys_out give the host address of [addr, addr+len)
 * when it is readable (writable), else NULL. len 0 yields a non-NULL
 * pointer only when addr itself is a plausible guest address. */
void *sys_in(uint64_t addr, uint64_t len);
void *sys_out(uint64_t addr, uint64_t len);
/* How many bytes from addr, at most len, are accessible with need
 * (PAGE_R or PAGE_W): read and write move what they can up to the first
 * bad page, as Linux does, and fail only when that is nothing. */
uint64_t sys_prefix(uint64_t addr, uint64_t len, int need);

/* Copies a guest path (at most GUEST_PATH_MAX bytes with the NUL) into
 * buf: 0, -EFAULT or -ENAMETOOLONG. */
int sys_get_string(uint64_t addr, char *buf, size_t size);

/* A guest path as the host should open it: copies it, applies the sysroot
 * (-L) to absolute paths that exist under it, and redirects the few /proc
 * files that must describe the guest rather than hart (/proc/self/exe).
 * 0 or -errno. */
int sys_get_path(uint64_t addr, char *buf, size_t size);
/* The same for a path already copied into buf (execve's interpreters). */
int sys_host_path(char *buf, size_t size);

/* A guest iovec array as a host one (iov has room for GUEST_IOV_MAX): the
 * transfer stops at the first inaccessible byte, as read and write do, and
 * fails (-EFAULT) only when that leaves nothing; -EINVAL for too many
 * entries or too many bytes. The count to pass on, or -errno (sys_file.c). */
struct iovec;
int sys_get_iov(uint64_t addr, uint64_t cnt, int need, struct iovec *iov);

/* The signal mask a waiting call (ppoll, pselect6, epoll_pwait) puts in
 * force while it waits (sys_poll.c): begin reads the guest's mask at addr
 * (none when addr is 0; size must be 8) and makes it the guest's; host is
 * the mask for the host call. end puts the old mask back, or keeps the
 * wait's until the handler of a signal that came in has run. */
struct sys_wait_mask {
    bool on;
    uint64_t old, host;
};
int sys_wait_mask_begin(struct hart *h, uint64_t addr, uint64_t size,
                        struct sys_wait_mask *w);
void sys_wait_mask_end(struct hart *h, const struct sys_wait_mask *w);

/* Descriptors hart keeps for itself: the guest gets -EBADF on them.
 * sys_reserved_in lists those in [first, last] in ascending order. */
#define SYS_MAX_RESERVED 8
bool sys_fd_reserved(int64_t fd);
int sys_reserved_in(unsigned first, unsigned last, int *out);

/* Conversions (sys_conv.c), host struct to guest struct, field by field. */
struct stat;
struct statfs;
void sys_conv_stat(struct guest_stat *g, const struct stat *s);
void sys_conv_statfs(struct guest_statfs *g, const struct statfs *s);
/* itimerspec from and to the guest (sys_event.c): 0 or -EFAULT. */
struct itimerspec;
int sys_get_itimerspec(uint64_t addr, struct itimerspec *its);
int sys_put_itimerspec(uint64_t addr, const struct itimerspec *its);
/* The kernel's struct termios (asm/termbits.h, not glibc's), sys_tty.c. */
struct termios;
void sys_conv_termios_in(struct termios *k, const struct guest_termios *g);
void sys_conv_termios_out(struct guest_termios *g, const struct termios *k);

/* /proc/self/... (or /proc/PID/... with hart's pid): the part after it
 * ("../cpuinfo" for /proc/cpuinfo), or NULL. sys_proc_file (procfs.c)
 * opens hart's version of the files it builds (maps, auxv, cmdline,
 * environ, cpuinfo) or returns -ENOENT for the others. */
const char *sys_proc_self(const char *path);
int sys_proc_file(const char *leaf, int flags);

/* Socket ioctls (sys_sockio.c), for sys_ioctl: true when req is one,
 * with the result in *r. */
bool sys_sockio(int fd, uint32_t req, uint64_t arg, int64_t *r);

/* riscv_hwprobe's answer for one key; false for keys hart does not know. */
bool sys_hwprobe_value(int64_t key, uint64_t *value);

/* The ".../exe" link's target for the guest: proc.exe_path made absolute. */
const char *sys_exe_path(void);

#endif
