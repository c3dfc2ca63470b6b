/* The initial stack of a new guest process, laid out exactly as Linux's
 * exec (fs/exec.c, then create_elf_tables in fs/binfmt_elf.c) does on
 * riscv64, from the top down:
 *   8 zero bytes; the execfn string; the environment strings; the argument
 *   strings (so argv[0]'s text is lowest and the strings are contiguous in
 *   order); alignment to 16; no platform strings (riscv has none); 16
 *   random bytes (AT_RANDOM); padding so that sp is 16-byte aligned; then
 *   upwards from sp: argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL.
 * The auxv starts with riscv's ARCH_DLINFO entries (no vDSO, so no
 * AT_SYSINFO_EHDR; cache sizes "unknown"; AT_MINSIGSTKSZ) and follows
 * with the generic ones in the kernel's order. */
#include "linux/elf.h"

#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "mem/access.h"

/* Linux's limits: one string at most 32 pages (MAX_ARG_STRLEN), all of
 * them and their pointers at most a quarter of the 8 MiB stack limit. */
#define ARG_STRLEN_MAX (32 * 4096)

/* riscv auxv types that glibc's elf.h may lack. */
#define G_AT_MINSIGSTKSZ 51
#define G_AT_L1I_CACHESIZE 40
#define G_AT_L3_CACHEGEOMETRY 47
/* The riscv64 rt_sigframe without vector state: siginfo (128) and
 * ucontext (960), as get_rt_frame_size computes it. */
#define G_MINSIGSTKSZ 1088
/* One bit per single-letter extension: RV64IMAFDC. */
#define G_HWCAP                                                                \
    (1ul << ('I' - 'A') | 1ul << ('M' - 'A') | 1ul << ('A' - 'A') |            \
     1ul << ('F' - 'A') | 1ul << ('D' - 'A') | 1ul << ('C' - 'A'))

size_t elf_stack_need(int argc, char **argv, char **envp, const char *execfn)
{
    size_t total = strlen(execfn) + 1 + 8 * 3;
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]) + 1;
        if (n > ARG_STRLEN_MAX)
            return SIZE_MAX;
        total += n + 8;
    }
    for (char **e = envp; *e; e++) {
        size_t n = strlen(*e) + 1;
        if (n > ARG_STRLEN_MAX)
            return SIZE_MAX;
        total += n + 8;
    }
    return total;
}

static uint64_t push_string(uint64_t p, const char *s)
{
    size_t n = strlen(s) + 1;
    p -= n;
    memcpy(g2h(p), s, n);
    return p;
}

static void random_bytes(uint8_t *b, size_t n)
{
    ssize_t got = getrandom(b, n, 0);
    if (got == (ssize_t)n)
        return;
    /* No entropy source: something unpredictable-ish rather than zeroes
     * (glibc uses these bytes for the stack guard and pointer mangling). */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 32 ^
                 (uint64_t)getpid() << 16;
    for (size_t i = 0; i < n; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        b[i] = (uint8_t)(x >> 56);
    }
}

void elf_build_stack(uint64_t top, const struct elf_stack_in *in,
                     struct elf_stack_out *out)
{
    int envc = 0;
    while (in->envp[envc])
        envc++;
    uint64_t p = top - 8;
    memset(g2h(p), 0, 8);
    uint64_t execfn = push_string(p, in->execfn);
    p = execfn;
    for (int i = envc; i-- > 0;)
        p = push_string(p, in->envp[i]);
    for (int i = in->argc; i-- > 0;)
        p = push_string(p, in->argv[i]);
    uint64_t strings = p; /* argv[0]'s text; the others follow in order */
    out->arg_start = strings;
    out->env_end = execfn;
    p &= ~15ull;
    p -= 16;
    uint64_t rand_addr = p;
    random_bytes(g2h(p), 16);

    uint64_t aux[64];
    size_t na = 0;
#define AUX(type, value) (aux[na++] = (type), aux[na++] = (value))
    for (int t = G_AT_L1I_CACHESIZE; t <= G_AT_L3_CACHEGEOMETRY; t++)
        AUX((uint64_t)t, 0);
    AUX(G_AT_MINSIGSTKSZ, G_MINSIGSTKSZ);
    AUX(AT_HWCAP, G_HWCAP);
    AUX(AT_PAGESZ, GUEST_PAGE_SIZE);
    AUX(AT_CLKTCK, 100);
    AUX(AT_PHDR, in->phdr);
    AUX(AT_PHENT, sizeof(Elf64_Phdr));
    AUX(AT_PHNUM, in->phnum);
    AUX(AT_BASE, in->base);
    AUX(AT_FLAGS, 0);
    AUX(AT_ENTRY, in->entry);
    AUX(AT_UID, getuid());
    AUX(AT_EUID, geteuid());
    AUX(AT_GID, getgid());
    AUX(AT_EGID, getegid());
    AUX(AT_SECURE, 0);
    AUX(AT_RANDOM, rand_addr);
    AUX(AT_EXECFN, execfn);
    AUX(AT_NULL, 0);
#undef AUX

    uint64_t items = (uint64_t)in->argc + 1 + (uint64_t)envc + 1 + 1;
    uint64_t sp = (p - na * 8 - items * 8) & ~15ull;
    uint64_t w = sp;
    guest_store64(w, (uint64_t)in->argc);
    w += 8;
    for (int i = 0; i < in->argc; i++, w += 8) {
        guest_store64(w, strings);
        strings += strlen(in->argv[i]) + 1;
    }
    guest_store64(w, 0);
    w += 8;
    out->arg_end = strings;
    for (int i = 0; i < envc; i++, w += 8) {
        guest_store64(w, strings);
        strings += strlen(in->envp[i]) + 1;
    }
    guest_store64(w, 0);
    w += 8;
    out->auxv_addr = w;
    out->auxv_len = na * 8;
    memcpy(g2h(w), aux, na * 8);
    out->sp = sp;
}
