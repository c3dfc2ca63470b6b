/* Tests of the ELF loader (linux/loader.c, linux/elf*.c): small ELF files
 * built here byte by byte pin the layout rules (segment mapping, bss
 * zeroing, shared pages, ET_DYN bias, interpreter, initial stack and auxv
 * in Linux's order) and the error messages; real riscv64 binaries from the
 * tree and the cross toolchain check that real files load. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/hart.h"
#include "linux/loader.h"
#include "linux/process.h"
#include "mem/access.h"
#include "mem/space.h"
#include "test.h"

/* main.c defines it in hart; the tests need their own unless the library
 * one day provides it. */
__attribute__((weak)) struct process proc;

#define PG GUEST_PAGE_SIZE
#define DYN_BASE 0x2aaaaaa000ull
#define STATIC_GUEST "o/guest/primes"
#define CROSS_LDSO "/usr/riscv64-linux-gnu/lib/ld-linux-riscv64-lp64d.so.1"

static char tmpdir[64];

static const char *tmp_path(const char *name)
{
    static char buf[4][128];
    static int k;
    if (!tmpdir[0]) {
        strcpy(tmpdir, "/tmp/hart-loader-XXXXXX");
        if (!mkdtemp(tmpdir))
            abort();
    }
    char *b = buf[k++ % 4];
    snprintf(b, sizeof buf[0], "%s/%s", tmpdir, name);
    return b;
}

/* An ELF image: the header and program headers go at the front of img,
 * which the caller fills with segment contents. */
static void make_elf(const char *path, uint16_t type, uint64_t entry,
                     const Elf64_Phdr *ph, int phnum, uint8_t *img,
                     size_t size, mode_t mode)
{
    Elf64_Ehdr e;
    memset(&e, 0, sizeof e);
    memcpy(e.e_ident, ELFMAG, SELFMAG);
    e.e_ident[EI_CLASS] = ELFCLASS64;
    e.e_ident[EI_DATA] = ELFDATA2LSB;
    e.e_ident[EI_VERSION] = EV_CURRENT;
    e.e_type = type;
    e.e_machine = EM_RISCV;
    e.e_version = EV_CURRENT;
    e.e_entry = entry;
    e.e_phoff = sizeof e;
    e.e_ehsize = sizeof e;
    e.e_phentsize = sizeof(Elf64_Phdr);
    e.e_phnum = (uint16_t)phnum;
    memcpy(img, &e, sizeof e);
    memcpy(img + sizeof e, ph, (size_t)phnum * sizeof *ph);
    unlink(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0 || write(fd, img, size) != (ssize_t)size)
        abort();
    close(fd);
}

static Elf64_Phdr load(uint32_t flags, uint64_t off, uint64_t vaddr,
                       uint64_t filesz, uint64_t memsz)
{
    Elf64_Phdr p = {PT_LOAD, flags, off, vaddr, vaddr, filesz, memsz, PG};
    return p;
}

static uint8_t pattern(size_t i)
{
    return (uint8_t)(i * 7 + 1) | 1; /* never zero */
}

static void fill(uint8_t *img, size_t size)
{
    for (size_t i = 0; i < size; i++)
        img[i] = pattern(i);
}

static struct hart h;
static char err[512];
static char *envp_default[] = {(char *)"X=1", (char *)"LONGER=value", NULL};

static int exec(const char *path, int argc, char **argv)
{
    memset(&h, 0, sizeof h);
    h.x[10] = 1234; /* must be cleared */
    err[0] = '\0';
    return loader_exec(&h, path, argc, argv, envp_default, err, sizeof err);
}

static uint64_t auxv_get(uint64_t type)
{
    for (uint64_t a = proc.auxv_addr; a < proc.auxv_addr + proc.auxv_len;
         a += 16)
        if (guest_load64(a) == type)
            return guest_load64(a + 8);
    return UINT64_MAX;
}

static bool guest_str_is(uint64_t addr, const char *s)
{
    return space_strnlen(addr, 4096) == (int64_t)strlen(s) &&
           !memcmp(g2h(addr), s, strlen(s));
}

/* The two-segment static program most tests start from: text (R+X) from
 * file offset 0 at 0x10000, data (R+W) at 0x12100 with 0x400 bytes from
 * the file and 0x3000 in memory; the file goes on with non-zero bytes
 * that must not show in the bss. */
static const char *static_prog(void)
{
    static uint8_t img[0x3000];
    const char *path = tmp_path("static");
    fill(img, sizeof img);
    Elf64_Phdr ph[3] = {
        load(PF_R | PF_X, 0, 0x10000, 0x1800, 0x1800),
        load(PF_R | PF_W, 0x2100, 0x12100, 0x400, 0x3000),
        {PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 0, 16},
    };
    make_elf(path, ET_EXEC, 0x10100, ph, 3, img, sizeof img, 0755);
    return path;
}

TEST(loader_static_segments)
{
    const char *path = static_prog();
    char *argv[] = {(char *)"prog", (char *)"a", (char *)"bc", NULL};
    CHECK_EQ(exec(path, 3, argv), 0);
    CHECK_EQ(err[0], 0);
    CHECK_EQ(h.pc, 0x10100);
    CHECK_EQ(h.x[10], 0);
    CHECK_EQ(proc.entry, 0x10100);
    CHECK_EQ(proc.load_bias, 0);
    CHECK_EQ(proc.interp_base, 0);
    CHECK_EQ(space_page_flags(0x10000), PAGE_MAPPED | PAGE_R | PAGE_X);
    CHECK_EQ(space_page_flags(0x11fff), PAGE_MAPPED | PAGE_R | PAGE_X);
    CHECK_EQ(space_page_flags(0x12000), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(0x15fff), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(space_page_flags(0x16000), 0);
    CHECK_EQ(space_page_flags(0xf000), 0);
    /* Contents from the file; the header is in the first segment. */
    CHECK_EQ(guest_load8(0x10000 + 0x1000), pattern(0x1000));
    CHECK_EQ(guest_load32(0x10000), 0x464c457f);
    CHECK_EQ(guest_load8(0x12100), pattern(0x2100));
    CHECK_EQ(guest_load8(0x124ff), pattern(0x24ff));
    /* The bss, including the rest of the last file page, is zero. */
    CHECK_EQ(guest_load8(0x12500), 0);
    CHECK_EQ(guest_load64(0x12ff8), 0);
    CHECK_EQ(guest_load64(0x150f8), 0);
    /* The break starts at the page after the bss. */
    CHECK_EQ(space_brk(0), 0x16000);
    CHECK_EQ(space_brk(0x16010), 0x16010);
    CHECK_EQ(space_page_flags(0x16000), PAGE_MAPPED | PAGE_R | PAGE_W);
}

/* Returns the name of the region holding addr. */
struct find_region {
    uint64_t addr;
    struct space_region r;
    char name[256];
    bool found;
};

static void find_cb(const struct space_region *r, void *arg)
{
    struct find_region *f = arg;
    if (r->start <= f->addr && f->addr < r->end) {
        f->r = *r;
        f->found = true;
        snprintf(f->name, sizeof f->name, "%s", r->name ? r->name : "");
    }
}

static struct find_region region_at(uint64_t addr)
{
    struct find_region f;
    memset(&f, 0, sizeof f);
    f.addr = addr;
    space_for_each(find_cb, &f);
    return f;
}

TEST(loader_stack_and_auxv)
{
    const char *path = static_prog();
    char *argv[] = {(char *)"prog", (char *)"a", (char *)"bc", NULL};
    CHECK_EQ(exec(path, 3, argv), 0);
    uint64_t sp = h.x[2];
    CHECK_EQ(sp % 16, 0);
    CHECK_EQ(guest_load64(sp), 3);
    uint64_t a0 = guest_load64(sp + 8);
    CHECK(guest_str_is(a0, "prog"));
    CHECK(guest_str_is(guest_load64(sp + 16), "a"));
    CHECK(guest_str_is(guest_load64(sp + 24), "bc"));
    CHECK_EQ(guest_load64(sp + 32), 0);
    CHECK(guest_str_is(guest_load64(sp + 40), "X=1"));
    CHECK(guest_str_is(guest_load64(sp + 48), "LONGER=value"));
    CHECK_EQ(guest_load64(sp + 56), 0);
    CHECK_EQ(proc.auxv_addr, sp + 64);
    /* Strings: argv then envp, contiguous, then execfn, then 8 zero bytes
     * at the very top. */
    CHECK_EQ(guest_load64(sp + 16), a0 + 5);
    CHECK_EQ(guest_load64(sp + 40), a0 + 5 + 2 + 3);
    uint64_t execfn = a0 + 5 + 2 + 3 + 4 + 13;
    CHECK(guest_str_is(execfn, path));
    CHECK_EQ(execfn + strlen(path) + 1, GUEST_STACK_TOP - 8);
    CHECK_EQ(guest_load64(GUEST_STACK_TOP - 8), 0);
    /* The auxv, entry by entry in Linux's order. */
    static const uint64_t order[] = {
        40, 41, 42, 43, 44, 45, 46, 47, 51, AT_HWCAP, AT_PAGESZ, AT_CLKTCK,
        AT_PHDR, AT_PHENT, AT_PHNUM, AT_BASE, AT_FLAGS, AT_ENTRY, AT_UID,
        AT_EUID, AT_GID, AT_EGID, AT_SECURE, AT_RANDOM, AT_EXECFN, AT_NULL};
    size_t n = sizeof order / sizeof order[0];
    CHECK_EQ(proc.auxv_len, n * 16);
    for (size_t i = 0; i < n; i++)
        CHECK_EQ(guest_load64(proc.auxv_addr + 16 * i), order[i]);
    CHECK_EQ(auxv_get(AT_HWCAP), 0x112d); /* IMAFDC */
    CHECK_EQ(auxv_get(AT_PAGESZ), 4096);
    CHECK_EQ(auxv_get(AT_CLKTCK), 100);
    CHECK_EQ(auxv_get(AT_PHDR), 0x10040);
    CHECK_EQ(auxv_get(AT_PHENT), 56);
    CHECK_EQ(auxv_get(AT_PHNUM), 3);
    CHECK_EQ(auxv_get(AT_BASE), 0);
    CHECK_EQ(auxv_get(AT_ENTRY), 0x10100);
    CHECK_EQ(auxv_get(AT_UID), getuid());
    CHECK_EQ(auxv_get(AT_EGID), getegid());
    CHECK_EQ(auxv_get(AT_SECURE), 0);
    CHECK_EQ(auxv_get(AT_EXECFN), execfn);
    CHECK_EQ(auxv_get(51), 1088); /* AT_MINSIGSTKSZ */
    CHECK_EQ(auxv_get(AT_NULL), 0);
    /* 16 random bytes right below the 16-aligned strings; the auxv ends
     * at most 15 bytes below them. */
    uint64_t rnd = auxv_get(AT_RANDOM);
    CHECK_EQ(rnd, (a0 & ~15ull) - 16);
    uint64_t aux_end = proc.auxv_addr + proc.auxv_len;
    CHECK(aux_end <= rnd && rnd - aux_end < 16);
    CHECK(guest_load64(rnd) != 0 || guest_load64(rnd + 8) != 0);
    /* The stack mapping and the sigreturn page. */
    struct find_region s = region_at(sp);
    CHECK(s.found && !strcmp(s.name, "[stack]"));
    CHECK_EQ(s.r.start, GUEST_STACK_TOP - (8 << 20));
    CHECK_EQ(s.r.end, GUEST_STACK_TOP);
    CHECK_EQ(s.r.flags, PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(proc.stack_top, GUEST_STACK_TOP);
    uint64_t t = proc.sigreturn_trampoline;
    CHECK(t > 0x2000000000ull && t < GUEST_MMAP_BASE && t % PG == 0);
    CHECK_EQ(guest_load32(t), 0x08b00893);
    CHECK_EQ(guest_load32(t + 4), 0x00000073);
    CHECK_EQ(space_page_flags(t), PAGE_MAPPED | PAGE_R | PAGE_X);
    CHECK(!strcmp(region_at(t).name, "[sigpage]"));
    /* The text is mapped from the file itself. */
    char real[4096];
    CHECK(realpath(path, real) != NULL);
    CHECK(!strcmp(region_at(0x10000).name, real));
}

TEST(loader_et_dyn_bias)
{
    static uint8_t img[0x3000];
    const char *path = tmp_path("dyn");
    fill(img, sizeof img);
    Elf64_Phdr ph[2] = {
        load(PF_R | PF_X, 0, 0, 0x1800, 0x1800),
        load(PF_R | PF_W, 0x2100, 0x2100, 0x400, 0x1000),
    };
    make_elf(path, ET_DYN, 0x123, ph, 2, img, sizeof img, 0755);
    char *argv[] = {(char *)"dyn", NULL};
    CHECK_EQ(exec(path, 1, argv), 0);
    CHECK_EQ(proc.load_bias, DYN_BASE);
    CHECK_EQ(h.pc, DYN_BASE + 0x123);
    CHECK_EQ(auxv_get(AT_ENTRY), DYN_BASE + 0x123);
    CHECK_EQ(auxv_get(AT_PHDR), DYN_BASE + 64);
    CHECK_EQ(auxv_get(AT_BASE), 0);
    CHECK_EQ(space_page_flags(DYN_BASE), PAGE_MAPPED | PAGE_R | PAGE_X);
    CHECK_EQ(space_page_flags(DYN_BASE + 0x2100), PAGE_MAPPED | PAGE_R | PAGE_W);
    CHECK_EQ(guest_load8(DYN_BASE + 0x24ff), pattern(0x24ff));
    CHECK_EQ(guest_load8(DYN_BASE + 0x2500), 0);
    CHECK_EQ(space_brk(0), DYN_BASE + 0x4000);
    /* A large p_align moves the base down to a multiple of it. */
    ph[0].p_align = ph[1].p_align = 1 << 24;
    make_elf(path, ET_DYN, 0x123, ph, 2, img, sizeof img, 0755);
    CHECK_EQ(exec(path, 1, argv), 0);
    CHECK_EQ(proc.load_bias, DYN_BASE & ~((1ull << 24) - 1));
}

TEST(loader_read_path_and_shared_page)
{
    static uint8_t img[0x3000];
    const char *path = tmp_path("odd");
    fill(img, sizeof img);
    /* Data whose offset and address disagree modulo the page size, and
     * text and data sharing the page at 0x11000. */
    Elf64_Phdr ph[3] = {
        load(PF_R | PF_X, 0, 0x10000, 0x1100, 0x1100),
        load(PF_R | PF_W, 0x1100, 0x11100, 0x200, 0x400),
        load(PF_R, 0x2100, 0x13200, 0x300, 0x300),
    };
    make_elf(path, ET_EXEC, 0x10080, ph, 3, img, sizeof img, 0755);
    char *argv[] = {(char *)"odd", NULL};
    CHECK_EQ(exec(path, 1, argv), 0);
    CHECK_EQ(guest_load8(0x10fff), pattern(0xfff));
    CHECK_EQ(guest_load8(0x110ff), pattern(0x10ff));
    CHECK_EQ(guest_load8(0x11100), pattern(0x1100));
    CHECK_EQ(guest_load8(0x112ff), pattern(0x12ff));
    CHECK_EQ(guest_load8(0x11300), 0);
    CHECK_EQ(guest_load8(0x114ff), 0);
    CHECK_EQ(space_page_flags(0x11000),
             PAGE_MAPPED | PAGE_R | PAGE_W | PAGE_X);
    CHECK_EQ(guest_load8(0x13200), pattern(0x2100));
    CHECK_EQ(guest_load8(0x134ff), pattern(0x23ff));
    CHECK_EQ(guest_load8(0x13500), 0);
    CHECK_EQ(space_page_flags(0x13000), PAGE_MAPPED | PAGE_R);
}

/* A minimal interpreter: one R+X segment at 0, entry 0x80. */
static void make_interp(const char *path)
{
    static uint8_t img[0x1000];
    fill(img, sizeof img);
    Elf64_Phdr ph[1] = {load(PF_R | PF_X, 0, 0, 0x1000, 0x1000)};
    make_elf(path, ET_DYN, 0x80, ph, 1, img, sizeof img, 0755);
}

static void make_dynamic_prog(const char *path, const char *interp)
{
    static uint8_t img[0x2000];
    fill(img, sizeof img);
    size_t len = strlen(interp) + 1;
    memcpy(img + 0x400, interp, len);
    Elf64_Phdr ph[3] = {
        {PT_PHDR, PF_R, 64, 0x10040, 0x10040, 3 * 56, 3 * 56, 8},
        {PT_INTERP, PF_R, 0x400, 0x10400, 0x10400, len, len, 1},
        load(PF_R | PF_X, 0, 0x10000, 0x2000, 0x2000),
    };
    make_elf(path, ET_EXEC, 0x10800, ph, 3, img, sizeof img, 0755);
}

TEST(loader_interpreter)
{
    const char *ipath = tmp_path("ld.so");
    const char *path = tmp_path("dynprog");
    make_interp(ipath);
    make_dynamic_prog(path, ipath);
    char *argv[] = {(char *)"dynprog", NULL};
    proc.sysroot = NULL;
    CHECK_EQ(exec(path, 1, argv), 0);
    uint64_t base = auxv_get(AT_BASE);
    CHECK(base > 0x3000000000ull && base < GUEST_MMAP_BASE && base % PG == 0);
    CHECK_EQ(proc.interp_base, base);
    CHECK_EQ(h.pc, base + 0x80);
    CHECK_EQ(auxv_get(AT_ENTRY), 0x10800);
    CHECK_EQ(proc.entry, 0x10800);
    CHECK_EQ(auxv_get(AT_PHDR), 0x10040);
    CHECK_EQ(space_page_flags(base), PAGE_MAPPED | PAGE_R | PAGE_X);
    CHECK_EQ(guest_load8(base + 0x100), pattern(0x100));
    /* The sigreturn page goes below the interpreter. */
    CHECK(proc.sigreturn_trampoline < base);

    /* With a sysroot, an absolute interpreter path is looked up in it. */
    make_dynamic_prog(path, "/ld.so");
    proc.sysroot = tmpdir;
    CHECK_EQ(exec(path, 1, argv), 0);
    CHECK_EQ(h.pc, auxv_get(AT_BASE) + 0x80);

    /* Missing: named, with the hint about -L. */
    make_dynamic_prog(path, "/nonexistent/ld-linux-riscv64-lp64d.so.1");
    proc.sysroot = NULL;
    CHECK_EQ(exec(path, 1, argv), 126);
    char want[512];
    snprintf(want, sizeof want,
             "%s: cannot find interpreter "
             "/nonexistent/ld-linux-riscv64-lp64d.so.1 (use -L SYSROOT)",
             path);
    CHECK(!strcmp(err, want));
    if (strcmp(err, want))
        printf("  got: %s\n", err);
    proc.sysroot = tmpdir;
    CHECK_EQ(exec(path, 1, argv), 126);
    CHECK(strstr(err, "cannot find interpreter") && strstr(err, tmpdir));
    /* Present but not an ELF file. */
    make_dynamic_prog(path, "/etc/passwd");
    proc.sysroot = NULL;
    CHECK_EQ(exec(path, 1, argv), 126);
    snprintf(want, sizeof want, "%s: interpreter /etc/passwd: not an ELF file",
             path);
    CHECK(!strcmp(err, want));
}

static void check_error(const char *path, int status, const char *why)
{
    char *argv[] = {(char *)"x", NULL};
    char want[512];
    snprintf(want, sizeof want, "%s: %s", path, why);
    int r = exec(path, 1, argv);
    CHECK_EQ(r, status);
    CHECK(!strcmp(err, want));
    if (strcmp(err, want))
        printf("  got:  %s\n  want: %s\n", err, want);
}

TEST(loader_errors)
{
    static uint8_t img[0x3000];
    /* An error must leave the running program's memory alone. */
    CHECK_EQ(space_init(), 0);
    space_reset();
    int64_t keep = space_mmap(0, PG, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    guest_store32((uint64_t)keep, 4321);

    check_error(tmp_path("missing"), 127, "No such file or directory");
    check_error("/etc/passwd/x", 127, "Not a directory");
    check_error(tmpdir, 126, "Is a directory");
    check_error("/proc/self/exe", 126, "not a RISC-V 64-bit ELF (machine x86-64)");
    const char *p = tmp_path("text");
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    CHECK_EQ(write(fd, "#!/bin/sh\necho hi\n", 18), 18);
    close(fd);
    check_error(p, 126, "not an ELF file");
    chmod(p, 0644);
    check_error(p, 126, "Permission denied");

    p = tmp_path("bad");
    fill(img, sizeof img);
    Elf64_Phdr ph[2] = {
        load(PF_R | PF_X, 0, 0x10000, 0x1000, 0x1000),
        load(PF_R | PF_W, 0x1000, 0x11000, 0x1000, 0x800),
    };
    make_elf(p, ET_EXEC, 0x10000, ph, 2, img, sizeof img, 0755);
    check_error(p, 126, "truncated or malformed ELF (segment 1: file size "
                        "0x1000 above memory size 0x800)");
    ph[1] = load(PF_R | PF_W, 0x2800, 0x12800, 0x1000, 0x1000);
    make_elf(p, ET_EXEC, 0x10000, ph, 2, img, sizeof img, 0755);
    check_error(p, 126, "truncated or malformed ELF (segment 1: file range "
                        "past the end of the file)");
    ph[1] = load(PF_R | PF_W, 0x1000, 0x10800, 0x100, 0x100);
    make_elf(p, ET_EXEC, 0x10000, ph, 2, img, sizeof img, 0755);
    check_error(p, 126, "truncated or malformed ELF (segment 1: overlaps or "
                        "precedes segment 0)");
    ph[1] = load(PF_R | PF_W, 0x1000, 0x3fffffff000ull, 0x100, 0x2000);
    make_elf(p, ET_EXEC, 0x10000, ph, 2, img, sizeof img, 0755);
    check_error(p, 126, "truncated or malformed ELF (segment 1: addresses "
                        "past the end of user space 0x4000000000)");
    ph[1] = load(PF_R | PF_W, 0x1000, 0x11000, 0x100, 0x100);
    ph[1].p_align = 0x3000;
    make_elf(p, ET_EXEC, 0x10000, ph, 2, img, sizeof img, 0755);
    check_error(p, 126, "truncated or malformed ELF (segment 1: alignment "
                        "0x3000 not a power of two)");
    ph[1].p_align = PG;
    make_elf(p, ET_EXEC, 0x20000, ph, 2, img, sizeof img, 0755);
    check_error(p, 126, "truncated or malformed ELF (entry point 0x20000 "
                        "outside the loadable segments)");
    make_elf(p, ET_REL, 0x10000, ph, 2, img, sizeof img, 0755);
    check_error(p, 126, "not an executable ELF file (relocatable object)");
    make_elf(p, ET_EXEC, 0x10000, ph, 0, img, sizeof img, 0755);
    check_error(p, 126, "truncated or malformed ELF (no program headers)");
    make_elf(p, ET_EXEC, 0x10000, ph, 2, img, 40, 0755);
    check_error(p, 126, "truncated or malformed ELF (ELF header truncated)");
    make_elf(p, ET_EXEC, 0x10000, ph, 2, img, 100, 0755);
    check_error(p, 126, "truncated or malformed ELF (program headers past the "
                        "end of the file)");
    img[EI_CLASS] = ELFCLASS32;
    make_elf(p, ET_EXEC, 0x10000, ph, 2, img, sizeof img, 0755);
    img[EI_CLASS] = ELFCLASS64;
    /* make_elf rewrote the header: corrupt the file directly. */
    fd = open(p, O_WRONLY);
    CHECK_EQ(pwrite(fd, "\1", 1, EI_CLASS), 1);
    close(fd);
    check_error(p, 126, "not a RISC-V 64-bit ELF (32-bit RISC-V)");

    /* Too many argument bytes: E2BIG, before the point of no return. */
    p = static_prog();
    char *big = malloc(200000);
    memset(big, 'a', 199999);
    big[199999] = '\0';
    char *argv[] = {(char *)"x", big, NULL};
    CHECK_EQ(exec(p, 2, argv), 126);
    CHECK(strstr(err, "Argument list too long") != NULL);
    free(big);

    CHECK_EQ(guest_load32((uint64_t)keep), 4321);
    CHECK_EQ(space_page_flags(keep), PAGE_MAPPED | PAGE_R | PAGE_W);
}

/* The headers of a file, as read from it. */
static bool read_headers(const char *path, Elf64_Ehdr *e, Elf64_Phdr *ph,
                         size_t max)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    bool ok = pread(fd, e, sizeof *e, 0) == sizeof *e && e->e_phnum <= max &&
              pread(fd, ph, e->e_phnum * sizeof *ph, (off_t)e->e_phoff) ==
                  (ssize_t)(e->e_phnum * sizeof *ph);
    close(fd);
    return ok;
}

TEST(loader_real_static_binary)
{
    Elf64_Ehdr e;
    Elf64_Phdr ph[64];
    if (!read_headers(STATIC_GUEST, &e, ph, 64)) {
        printf("  %s missing: run tests/build-guests.sh\n", STATIC_GUEST);
        CHECK(0);
        return;
    }
    char *argv[] = {(char *)"primes", (char *)"30", NULL};
    CHECK_EQ(exec(STATIC_GUEST, 2, argv), 0);
    CHECK_EQ(h.pc, e.e_entry);
    CHECK_EQ(auxv_get(AT_ENTRY), e.e_entry);
    CHECK_EQ(auxv_get(AT_PHNUM), e.e_phnum);
    /* AT_PHDR points at a copy of the program headers in memory. */
    uint64_t phdr = auxv_get(AT_PHDR);
    CHECK(space_range_ok(phdr, e.e_phnum * sizeof *ph, PAGE_R));
    if (space_range_ok(phdr, e.e_phnum * sizeof *ph, PAGE_R))
        CHECK(!memcmp(g2h(phdr), ph, e.e_phnum * sizeof *ph));
    uint64_t top = 0;
    for (int i = 0; i < e.e_phnum; i++) {
        if (ph[i].p_type != PT_LOAD)
            continue;
        int want = PAGE_MAPPED | (ph[i].p_flags & PF_R ? PAGE_R : 0) |
                   (ph[i].p_flags & PF_W ? PAGE_W : 0) |
                   (ph[i].p_flags & PF_X ? PAGE_X | PAGE_R : 0);
        CHECK_EQ(space_page_flags(ph[i].p_vaddr + ph[i].p_memsz - 1), want);
        top = ph[i].p_vaddr + ph[i].p_memsz;
    }
    CHECK_EQ(space_brk(0), (top + PG - 1) & ~(PG - 1));
}

TEST(loader_cross_ld_so_directly)
{
    Elf64_Ehdr e;
    Elf64_Phdr ph[64];
    if (!read_headers(CROSS_LDSO, &e, ph, 64)) {
        printf("  %s missing (riscv64 cross libc): nothing to check\n",
               CROSS_LDSO);
        return;
    }
    char *argv[] = {(char *)"ld.so", (char *)"--help", NULL};
    CHECK_EQ(exec(CROSS_LDSO, 2, argv), 0);
    CHECK_EQ(proc.load_bias, DYN_BASE);
    CHECK_EQ(h.pc, DYN_BASE + e.e_entry);
    CHECK_EQ(auxv_get(AT_BASE), 0);
    CHECK_EQ(space_page_flags(DYN_BASE + e.e_entry),
             PAGE_MAPPED | PAGE_R | PAGE_X);
}
