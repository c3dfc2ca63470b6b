/* What the guest learns about the machine: uname (the host's, with machine
 * "riscv64"), sysinfo, getrandom, and the riscv-specific riscv_hwprobe and
 * riscv_flush_icache.
 *
 * hwprobe describes the CPU hart emulates: RV64IMA base behaviour, F and D,
 * C, Zba, Zbb, Zbs and Zicond; misaligned scalar accesses are "fast"
 * because hart performs them as single host accesses (x86-64 handles them
 * in hardware). Ids (vendor, arch, impl) are 0, the value the privileged
 * spec reserves for "not implemented". Every hart is the same, so the CPU
 * set only matters for validation. Keys hart has no answer for (the time
 * CSR frequency, vector behaviour) are reported unknown, as Linux does for
 * keys it does not know: key -1, value 0. */
#include <sched.h>
#include <string.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "linux/sys.h"
#include "linux/syscall.h"

static void uts_copy(char *dst, const char *src)
{
    memcpy(dst, src, strnlen(src, GUEST_UTS_LEN - 1));
}

int64_t sys_uname(struct hart *h, const uint64_t *a)
{
    void *out = sys_out(a[0], sizeof(struct guest_utsname));
    if (!out)
        return -EFAULT;
    struct utsname u;
    if (uname(&u) < 0)
        return -errno;
    /* Zero-filled, so the guest sees NULs after each string rather than
     * whatever was on hart's stack. */
    struct guest_utsname g;
    memset(&g, 0, sizeof g);
    uts_copy(g.sysname, u.sysname);
    uts_copy(g.nodename, u.nodename);
    uts_copy(g.release, u.release);
    uts_copy(g.version, u.version);
    uts_copy(g.machine, "riscv64");
    uts_copy(g.domainname, u.domainname);
    memcpy(out, &g, sizeof g);
    return 0;
}

/* The host's names are the guest's (uname above), so a privileged guest
 * sets them for the host, as it would natively. The kernel checks the
 * caller's privilege and the length before it reads the name: a name the
 * guest cannot read goes as NULL, for the kernel's own EFAULT. */
static int64_t set_name(long nr, uint64_t addr, int len)
{
    const void *name = len >= 0 && len <= 64 ? sys_in(addr, (uint64_t)len) : NULL;
    return sys_ret(syscall(nr, name, len));
}

int64_t sys_sethostname(struct hart *h, const uint64_t *a)
{
    return set_name(SYS_sethostname, a[0], (int)a[1]);
}

int64_t sys_setdomainname(struct hart *h, const uint64_t *a)
{
    return set_name(SYS_setdomainname, a[0], (int)a[1]);
}

int64_t sys_sysinfo(struct hart *h, const uint64_t *a)
{
    void *out = sys_out(a[0], sizeof(struct guest_sysinfo));
    if (!out)
        return -EFAULT;
    struct sysinfo s;
    if (sysinfo(&s) < 0)
        return -errno;
    struct guest_sysinfo g;
    memset(&g, 0, sizeof g);
    g.uptime = s.uptime;
    for (int i = 0; i < 3; i++)
        g.loads[i] = s.loads[i];
    g.totalram = s.totalram;
    g.freeram = s.freeram;
    g.sharedram = s.sharedram;
    g.bufferram = s.bufferram;
    g.totalswap = s.totalswap;
    g.freeswap = s.freeswap;
    g.procs = s.procs;
    g.totalhigh = s.totalhigh;
    g.freehigh = s.freehigh;
    g.mem_unit = s.mem_unit;
    memcpy(out, &g, sizeof g);
    return 0;
}

int64_t sys_getrandom(struct hart *h, const uint64_t *a)
{
    uint64_t n = sys_prefix(a[0], a[1], PAGE_W);
    if (a[1] && !n)
        return -EFAULT;
    return sys_ret(getrandom(g2h(a[0]), n, (unsigned)a[2]));
}

/* The value of one hwprobe key, or false when hart does not know it. */
bool sys_hwprobe_value(int64_t key, uint64_t *value)
{
    switch (key) {
    case GUEST_HWPROBE_KEY_MVENDORID:
    case GUEST_HWPROBE_KEY_MARCHID:
    case GUEST_HWPROBE_KEY_MIMPID:
    case GUEST_HWPROBE_KEY_ZICBOZ_BLOCK_SIZE: /* no Zicboz */
        *value = 0;
        return true;
    case GUEST_HWPROBE_KEY_BASE_BEHAVIOR:
        *value = GUEST_HWPROBE_BASE_BEHAVIOR_IMA;
        return true;
    case GUEST_HWPROBE_KEY_IMA_EXT_0:
        *value = GUEST_HWPROBE_IMA_FD | GUEST_HWPROBE_IMA_C |
                 GUEST_HWPROBE_EXT_ZBA | GUEST_HWPROBE_EXT_ZBB |
                 GUEST_HWPROBE_EXT_ZBS | GUEST_HWPROBE_EXT_ZICOND;
        return true;
    case GUEST_HWPROBE_KEY_CPUPERF_0:
    case GUEST_HWPROBE_KEY_MISALIGNED_SCALAR_PERF:
        *value = GUEST_HWPROBE_MISALIGNED_FAST;
        return true;
    case GUEST_HWPROBE_KEY_HIGHEST_VIRT_ADDRESS:
        *value = GUEST_SPACE_SIZE - 1;
        return true;
    default:
        return false;
    }
}

/* Keys whose values are bit sets: a pair matches a CPU when all its bits
 * are there (WHICH_CPUS); for the others the value must be equal. */
static bool hwprobe_matches(int64_t key, uint64_t want, uint64_t have)
{
    if (key == GUEST_HWPROBE_KEY_BASE_BEHAVIOR ||
        key == GUEST_HWPROBE_KEY_IMA_EXT_0 || key == GUEST_HWPROBE_KEY_CPUPERF_0)
        return (want & have) == want;
    return want == have;
}

/* Marks the CPUs hart may run on, as far as the set reaches. */
static void fill_online(uint8_t *set, uint64_t size)
{
    cpu_set_t host;
    CPU_ZERO(&host);
    if (sched_getaffinity(0, sizeof host, &host) < 0)
        CPU_SET(0, &host);
    for (uint64_t cpu = 0; cpu < size * 8 && cpu < CPU_SETSIZE; cpu++)
        if (CPU_ISSET(cpu, &host))
            set[cpu / 8] |= (uint8_t)(1u << (cpu % 8));
}

int64_t sys_riscv_hwprobe(struct hart *h, const uint64_t *a)
{
    uint64_t pairs = a[0], count = a[1], setsize = a[2], cpus = a[3];
    uint64_t flags = a[4];
    if (flags & ~(uint64_t)GUEST_HWPROBE_WHICH_CPUS)
        return -EINVAL;
    if (count > (1u << 20))
        return -EINVAL;
    char *p = sys_out(pairs, count * sizeof(struct guest_hwprobe));
    if (!p)
        return -EFAULT;
    uint8_t *set = NULL;
    if (setsize || cpus) {
        if (!(set = sys_out(cpus, setsize)))
            return -EFAULT;
    }
    if (!(flags & GUEST_HWPROBE_WHICH_CPUS)) {
        bool any = !set;
        for (uint64_t i = 0; set && i < setsize; i++)
            any |= set[i] != 0;
        if (!any)
            return -EINVAL;
        for (uint64_t i = 0; i < count; i++) {
            struct guest_hwprobe pr;
            memcpy(&pr, p + i * sizeof pr, sizeof pr);
            if (!sys_hwprobe_value(pr.key, &pr.value)) {
                pr.key = -1;
                pr.value = 0;
            }
            memcpy(p + i * sizeof pr, &pr, sizeof pr);
        }
        return 0;
    }
    /* WHICH_CPUS: reduce the set to the CPUs matching every pair; all of
     * hart's are alike, so it stays as it is or empties. An empty set
     * first stands for every online CPU that fits (all of the set). */
    if (!set)
        return -EINVAL;
    bool any = false, match = true;
    for (uint64_t i = 0; i < setsize; i++)
        any |= set[i] != 0;
    for (uint64_t i = 0; i < count && match; i++) {
        struct guest_hwprobe pr;
        uint64_t have;
        memcpy(&pr, p + i * sizeof pr, sizeof pr);
        match = sys_hwprobe_value(pr.key, &have) &&
                hwprobe_matches(pr.key, pr.value, have);
    }
    if (!any)
        fill_online(set, setsize);
    if (!match)
        memset(set, 0, setsize);
    return 0;
}

int64_t sys_riscv_flush_icache(struct hart *h, const uint64_t *a)
{
    if (a[2] & ~(uint64_t)GUEST_FLUSH_ICACHE_LOCAL)
        return -EINVAL;
    if (sys_flush_icache_hook)
        sys_flush_icache_hook(a[0], a[1]);
    return 0;
}
