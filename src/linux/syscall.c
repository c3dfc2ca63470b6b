/* The system-call entry point: one table (syscalls.def) gives each number
 * its name, handler and argument kinds; dispatch looks the call up, refuses
 * descriptors hart keeps for itself, runs the handler and hands the line
 * to strace. Also the checked access to guest memory every handler uses. */
#include <fcntl.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "linux/process.h"
#include "linux/strace.h"
#include "linux/sys.h"
#include "rv/smc.h"
#include "linux/syscall.h"

const struct sys_entry sys_table[SYS_TABLE_SIZE] = {
#define SYSCALL(nr, name_, fn_, ret_, ...)                                     \
    [nr] = {.name = #name_, .fn = fn_, .ret = ret_, .arg = {__VA_ARGS__}},
#include "linux/syscalls.def"
#undef SYSCALL
};

void (*sys_flush_icache_hook)(uint64_t start, uint64_t end);

const struct sys_entry *sys_entry_of(uint64_t nr)
{
    return nr < SYS_TABLE_SIZE && sys_table[nr].name ? &sys_table[nr] : NULL;
}

/* Reported once each; the bitmap covers every table slot and one more bit
 * for all numbers beyond it. */
static _Atomic uint64_t reported[(SYS_TABLE_SIZE + 64) / 64];

static void report_unimplemented(uint64_t nr, const struct sys_entry *e)
{
    uint64_t bit = nr < SYS_TABLE_SIZE ? nr : SYS_TABLE_SIZE;
    uint64_t mask = 1ull << (bit % 64);
    if (atomic_fetch_or(&reported[bit / 64], mask) & mask)
        return;
    fprintf(stderr, "hart: unimplemented syscall %s (%" PRIu64 ")\n",
            e ? e->name : "unknown", nr);
}

/* Descriptors hart holds for itself; few, so a short list. */
static int reserved_fds[SYS_MAX_RESERVED];
static int nreserved;

void syscall_reserve_fd(int fd)
{
    if (nreserved < SYS_MAX_RESERVED)
        reserved_fds[nreserved++] = fd;
}

int syscall_dup_high(int fd)
{
    struct rlimit lim;
    int lowest = 1000;
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur <= 1024)
        lowest = (int)lim.rlim_cur * 3 / 4;
    return fcntl(fd, F_DUPFD_CLOEXEC, lowest);
}

bool sys_fd_reserved(int64_t fd)
{
    for (int i = 0; i < nreserved; i++)
        if (reserved_fds[i] == (int)fd)
            return true;
    return false;
}

int sys_reserved_in(unsigned first, unsigned last, int *out)
{
    int n = 0;
    for (int i = 0; i < nreserved; i++) {
        unsigned fd = (unsigned)reserved_fds[i];
        if (fd < first || fd > last)
            continue;
        int j = n++;
        for (; j > 0 && (unsigned)out[j - 1] > fd; j--)
            out[j] = out[j - 1];
        out[j] = (int)fd;
    }
    return n;
}

static bool touches_reserved_fd(const struct sys_entry *e, const uint64_t *a)
{
    if (!nreserved)
        return false;
    for (int i = 0; i < 6 && e->arg[i] != A_VOID; i++)
        if ((e->arg[i] == A_FD || e->arg[i] == A_DIRFD) &&
            sys_fd_reserved((int)a[i]))
            return true;
    return false;
}

int64_t syscall_run(struct hart *h, uint64_t nr, const uint64_t *a)
{
    const struct sys_entry *e = sys_entry_of(nr);
    int64_t r;
    if (!e || !e->fn) {
        if (proc.strace || proc.debug_unimplemented)
            report_unimplemented(nr, e);
        r = -ENOSYS;
    } else {
        if (e->ret == R_NORETURN && proc.strace)
            strace_print(nr, a, 0, false);
        r = touches_reserved_fd(e, a) ? -EBADF : e->fn(h, a);
    }
    if (proc.strace)
        strace_print(nr, a, r, true);
    return r;
}

void syscall_dispatch(struct hart *h)
{
    uint64_t a[6] = {h->x[10], h->x[11], h->x[12],
                     h->x[13], h->x[14], h->x[15]};
    h->x[10] = (uint64_t)syscall_run(h, h->x[17], a);
}

void syscall_print_table(FILE *f, bool missing_only)
{
    for (uint64_t nr = 0; nr < SYS_TABLE_SIZE; nr++) {
        const struct sys_entry *e = &sys_table[nr];
        if (!e->name || (missing_only && e->fn))
            continue;
        fprintf(f, "%3" PRIu64 " %-24s %s\n", nr, e->name,
                e->fn ? "implemented" : "missing");
    }
}

/* Guest memory checks. */

static bool in_space(uint64_t addr, uint64_t len)
{
    return len <= GUEST_SPACE_SIZE && addr <= GUEST_SPACE_SIZE - len;
}

static void *checked(uint64_t addr, uint64_t len, int need)
{
    if (!in_space(addr, len))
        return NULL;
    if (len && !space_range_ok(addr, len, need))
        return NULL;
    return g2h(addr);
}

void *sys_in(uint64_t addr, uint64_t len)
{
    return checked(addr, len, PAGE_R);
}

void *sys_out(uint64_t addr, uint64_t len)
{
    void *p = checked(addr, len, PAGE_W);
    if (p)
        smc_before_host_write(addr, len); /* else the host call sees EFAULT */
    return p;
}

static uint64_t accessible_prefix(uint64_t addr, uint64_t len, int need)
{
    if (addr >= GUEST_SPACE_SIZE)
        return 0;
    if (len > GUEST_SPACE_SIZE - addr)
        len = GUEST_SPACE_SIZE - addr;
    if (space_range_ok(addr, len, need))
        return len;
    uint64_t p = addr, end = addr + len;
    while (p < end && (space_page_flags(p) & need) == need)
        p = (p | (GUEST_PAGE_SIZE - 1)) + 1;
    return (p < end ? p : end) - addr;
}

uint64_t sys_prefix(uint64_t addr, uint64_t len, int need)
{
    uint64_t n = accessible_prefix(addr, len, need);
    if (need & PAGE_W)
        smc_before_host_write(addr, n);
    return n;
}

int sys_get_string(uint64_t addr, char *buf, size_t size)
{
    int64_t n = space_strnlen(addr, size);
    if (n < 0)
        return (int)n;
    memcpy(buf, g2h(addr), (size_t)n + 1);
    return 0;
}
