/* loader_exec: from a path to a guest ready to run. Both the program and
 * its interpreter are opened and checked first (linux/elf.c) and the
 * argument size is checked, so every "cannot run this" error comes before
 * the point of no return, where the old address space is dropped. Then,
 * as Linux does on riscv64 Sv39 without randomisation:
 *   stack        [GUEST_STACK_TOP - 8 MiB, GUEST_STACK_TOP)   "[stack]"
 *   program      ET_EXEC at its addresses; ET_DYN at ELF_ET_DYN_BASE
 *                (0x2aaaaaa000) aligned to its largest p_align
 *   break        from the page after the program's last segment "[heap]"
 *   interpreter  top-down from GUEST_MMAP_BASE (0x3ff8000000), where mmap
 *                starts, aligned to its largest p_align
 *   sigreturn    one page just below it, "[sigpage]": li a7, 139; ecall
 * and the initial stack of linux/elf_stack.c. */
#include "linux/loader.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include "linux/elf.h"
#include "linux/process.h"
#include "mem/access.h"

#define STACK_SIZE (8ull << 20) /* the default RLIMIT_STACK */

/* Finds a free range of span bytes aligned to align, top-down like mmap. */
static int64_t place(uint64_t span, uint64_t align)
{
    uint64_t len = span + align - GUEST_PAGE_SIZE;
    int64_t a = space_mmap(0, len, PROT_NONE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (a < 0)
        return a;
    space_munmap((uint64_t)a, len);
    return (int64_t)(((uint64_t)a + align - 1) & ~(align - 1));
}

static int open_interp(struct elf_file *fi, const char *ipath,
                       const char *shown, char *buf, size_t buflen, char *err,
                       size_t errlen)
{
    int r;
    if (proc.sysroot && ipath[0] == '/') {
        snprintf(buf, buflen, "%s%s", proc.sysroot, ipath);
        r = elf_open(fi, buf, shown, false, err, errlen);
        if (r != 127)
            return r;
        elf_close(fi);
    }
    r = elf_open(fi, ipath, shown, false, err, errlen);
    if (r == 127) {
        /* shown is "PROG: interpreter PATH"; name the program alone. */
        size_t prog_len = strlen(shown) - strlen(": interpreter ") -
                          strlen(ipath);
        if (proc.sysroot)
            snprintf(err, errlen,
                     "%.*s: cannot find interpreter %s (looked in %s and /)",
                     (int)prog_len, shown, ipath, proc.sysroot);
        else
            snprintf(err, errlen,
                     "%.*s: cannot find interpreter %s (use -L SYSROOT)",
                     (int)prog_len, shown, ipath);
        return 126;
    }
    return r;
}

static int map_stack(bool exec)
{
    uint64_t bottom = GUEST_STACK_TOP - STACK_SIZE;
    int prot = PROT_READ | PROT_WRITE | (exec ? PROT_EXEC : 0);
    int64_t r = space_mmap(bottom, STACK_SIZE, prot,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED |
                               MAP_GROWSDOWN,
                           -1, 0);
    return r < 0 ? (int)r : space_set_name(bottom, STACK_SIZE, "[stack]");
}

static int64_t map_sigpage(void)
{
    int64_t a = space_mmap(0, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a < 0)
        return a;
    guest_store32((uint64_t)a, 0x08b00893); /* li a7, 139 (rt_sigreturn) */
    guest_store32((uint64_t)a + 4, 0x00000073); /* ecall */
    int r = space_mprotect((uint64_t)a, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC);
    if (r == 0)
        r = space_set_name((uint64_t)a, GUEST_PAGE_SIZE, "[sigpage]");
    return r < 0 ? r : a;
}

/* The bias that puts f's segments at a free, aligned place: ET_EXEC at its
 * own addresses, an ET_DYN program at ELF_ET_DYN_BASE when it fits below
 * the mmap area, anything else where mmap would put it. */
static int choose_bias(const struct elf_file *f, bool is_interp,
                       uint64_t *bias)
{
    *bias = 0;
    if (f->eh.e_type == ET_EXEC)
        return 0;
    uint64_t span = f->hi - f->lo;
    uint64_t base = ELF_ET_DYN_BASE & ~(f->align - 1);
    if (is_interp || base + span > GUEST_MMAP_BASE) {
        int64_t a = place(span, f->align);
        if (a < 0)
            return (int)a;
        base = (uint64_t)a;
    }
    *bias = base - f->lo;
    return 0;
}

/* Everything after the point of no return. */
static int build(struct hart *h, const struct elf_file *prog,
                 const struct elf_file *interp, int argc, char **argv,
                 char **envp, const char *execfn, char *err, size_t errlen)
{
    int r;
    uint64_t bias, ibias = 0;
    int64_t sigpage;
    space_reset();
    if ((r = map_stack(prog->exec_stack)) < 0) {
        snprintf(err, errlen, "%s: cannot map the stack: %s", prog->shown,
                 strerror(-r));
        return 126;
    }
    if (choose_bias(prog, false, &bias) < 0)
        goto no_room;
    if ((r = elf_map(prog, bias, err, errlen)))
        return r;
    space_set_brk_start(prog->hi + bias);
    if (interp) {
        if (choose_bias(interp, true, &ibias) < 0)
            goto no_room;
        if (interp->lo + ibias < prog->hi + bias &&
            prog->lo + bias < interp->hi + ibias) {
            snprintf(err, errlen, "%s: overlaps the program", interp->shown);
            return 126;
        }
        if ((r = elf_map(interp, ibias, err, errlen)))
            return r;
    }
    if ((sigpage = map_sigpage()) < 0)
        goto no_room;

    struct elf_stack_in in = {
        .argc = argc,
        .argv = argv,
        .envp = envp,
        .execfn = execfn,
        .phdr = prog->phdr ? prog->phdr + bias : 0,
        .phnum = prog->phnum,
        .base = interp ? ibias : 0, /* Linux's interp_load_addr */
        .entry = prog->eh.e_entry + bias,
    };
    struct elf_stack_out out;
    elf_build_stack(GUEST_STACK_TOP, &in, &out);

    proc.entry = in.entry;
    proc.phdr = in.phdr;
    proc.phnum = in.phnum;
    proc.load_bias = bias;
    proc.interp_base = in.base;
    proc.auxv_addr = out.auxv_addr;
    proc.auxv_len = out.auxv_len;
    proc.arg_start = out.arg_start;
    proc.arg_end = out.arg_end;
    proc.env_end = out.env_end;
    proc.stack_top = GUEST_STACK_TOP;
    proc.sigreturn_trampoline = (uint64_t)sigpage;
    /* A new process starts with every register zero but sp: a0 in
     * particular, which glibc's _start takes as rtld_fini. */
    memset(h->x, 0, sizeof h->x);
    h->x[2] = out.sp;
    h->pc = interp ? interp->eh.e_entry + ibias : in.entry;
    return 0;

no_room:
    snprintf(err, errlen, "%s: not enough address space", prog->shown);
    return 126;
}

int loader_exec(struct hart *h, const char *path, int argc, char **argv,
                char **envp, char *err, size_t errlen)
{
    struct elf_file prog, interp;
    char ishown[4096 + 64], ipath[8192];
    int r = space_init();
    if (r < 0) {
        snprintf(err, errlen, "%s: cannot reserve the guest address space: %s",
                 path, strerror(-r));
        return 126;
    }
    r = elf_open(&prog, path, path, true, err, errlen);
    bool have_interp = false;
    if (r == 0 && prog.interp) {
        snprintf(ishown, sizeof ishown, "%s: interpreter %s", path,
                 prog.interp);
        r = open_interp(&interp, prog.interp, ishown, ipath, sizeof ipath, err,
                        errlen);
        have_interp = true;
    }
    const char *execfn = proc.exe_name ? proc.exe_name : path;
    if (r == 0 && elf_stack_need(argc, argv, envp, execfn) > STACK_SIZE / 4) {
        snprintf(err, errlen, "%s: %s", path, strerror(E2BIG));
        r = 126;
    }
    if (r == 0)
        r = build(h, &prog, have_interp ? &interp : NULL, argc, argv, envp,
                  execfn, err, errlen);
    if (have_interp)
        elf_close(&interp);
    elf_close(&prog);
    return r;
}
