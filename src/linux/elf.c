/* Opening and checking an ELF file before anything is mapped. Everything
 * a later step relies on is proved here, with overflow-safe arithmetic, so
 * that no input file can make the loader read, map or compute outside
 * what it meant to: header fields, program header table bounds, segment
 * file ranges and addresses (within Sv39 user space), ordering, alignment
 * and the interpreter path. Messages name the first problem found. */
#include "linux/elf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mem/space.h"

#define PAGE_UP(a) (((a) + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1))
#define PAGE_DOWN(a) ((a) & ~(GUEST_PAGE_SIZE - 1))

static int fail(const struct elf_file *f, char *err, size_t errlen, int status,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int fail(const struct elf_file *f, char *err, size_t errlen, int status,
                const char *fmt, ...)
{
    char why[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    snprintf(err, errlen, "%s: %s", f->shown, why);
    return status;
}

#define MALFORMED(...) fail(f, err, errlen, 126, "truncated or malformed ELF (" __VA_ARGS__)

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_NONE: return "none";
    case EM_SPARC: return "SPARC";
    case EM_386: return "i386";
    case EM_68K: return "m68k";
    case EM_MIPS: return "MIPS";
    case EM_PARISC: return "PA-RISC";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC64";
    case EM_S390: return "S/390";
    case EM_ARM: return "ARM";
    case EM_SH: return "SuperH";
    case EM_SPARCV9: return "SPARC v9";
    case EM_IA_64: return "IA-64";
    case EM_X86_64: return "x86-64";
    case EM_AARCH64: return "AArch64";
    case EM_RISCV: return "RISC-V";
    case EM_BPF: return "BPF";
    case 258: return "LoongArch";
    default: return NULL;
    }
}

static bool read_all(int fd, void *buf, size_t len, uint64_t off)
{
    char *p = buf;
    while (len) {
        ssize_t n = pread(fd, p, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
        off += (uint64_t)n;
    }
    return true;
}

/* Class, byte order and machine, read from whatever header bytes exist. */
static int check_ident(const struct elf_file *f, const unsigned char *h,
                       size_t n, char *err, size_t errlen)
{
    if (n < SELFMAG || memcmp(h, ELFMAG, SELFMAG))
        return fail(f, err, errlen, 126, "not an ELF file");
    if (n < 20)
        return MALFORMED("ELF header truncated)");
    unsigned cls = h[EI_CLASS], data = h[EI_DATA];
    if (cls != ELFCLASS32 && cls != ELFCLASS64)
        return MALFORMED("bad ELF class %u)", cls);
    if (data != ELFDATA2LSB && data != ELFDATA2MSB)
        return MALFORMED("bad ELF byte order %u)", data);
    unsigned m = data == ELFDATA2LSB ? h[18] | h[19] << 8 : h[18] << 8 | h[19];
    if (m != EM_RISCV) {
        const char *name = machine_name(m);
        if (name)
            return fail(f, err, errlen, 126,
                        "not a RISC-V 64-bit ELF (machine %s)", name);
        return fail(f, err, errlen, 126,
                    "not a RISC-V 64-bit ELF (machine %u)", m);
    }
    if (cls != ELFCLASS64)
        return fail(f, err, errlen, 126,
                    "not a RISC-V 64-bit ELF (32-bit RISC-V)");
    if (data != ELFDATA2LSB)
        return fail(f, err, errlen, 126,
                    "not a RISC-V 64-bit ELF (big-endian RISC-V)");
    if (n < sizeof(Elf64_Ehdr))
        return MALFORMED("ELF header truncated)");
    return 0;
}

static int check_header(struct elf_file *f, char *err, size_t errlen)
{
    const Elf64_Ehdr *e = &f->eh;
    if (e->e_type != ET_EXEC && e->e_type != ET_DYN) {
        const char *what = e->e_type == ET_REL    ? "relocatable object"
                           : e->e_type == ET_CORE ? "core dump"
                                                  : NULL;
        if (what)
            return fail(f, err, errlen, 126,
                        "not an executable ELF file (%s)", what);
        return fail(f, err, errlen, 126,
                    "not an executable ELF file (type %u)", e->e_type);
    }
    if (e->e_phentsize != sizeof(Elf64_Phdr))
        return MALFORMED("program header size %u, not %zu)", e->e_phentsize,
                         sizeof(Elf64_Phdr));
    if (e->e_phnum == 0)
        return MALFORMED("no program headers)");
    if (e->e_phnum > ELF_MAX_PHNUM)
        return MALFORMED("%u program headers, more than %zu)", e->e_phnum,
                         ELF_MAX_PHNUM);
    uint64_t bytes = (uint64_t)e->e_phnum * sizeof(Elf64_Phdr);
    if (e->e_phoff > f->size || bytes > f->size - e->e_phoff)
        return MALFORMED("program headers past the end of the file)");
    f->phnum = e->e_phnum;
    if (!read_all(f->fd, f->ph, bytes, e->e_phoff))
        return fail(f, err, errlen, 126, "cannot read program headers");
    return 0;
}

static int read_interp(struct elf_file *f, const Elf64_Phdr *p, char *err,
                       size_t errlen)
{
    if (p->p_filesz < 2 || p->p_filesz > PATH_MAX ||
        p->p_offset > f->size || p->p_filesz > f->size - p->p_offset)
        return MALFORMED("bad PT_INTERP)");
    char *s = malloc(p->p_filesz);
    if (!s)
        return fail(f, err, errlen, 126, "out of memory");
    if (!read_all(f->fd, s, p->p_filesz, p->p_offset) ||
        s[p->p_filesz - 1] != '\0' || s[0] == '\0') {
        free(s);
        return MALFORMED("bad PT_INTERP)");
    }
    f->interp = s;
    return 0;
}

static int check_load(struct elf_file *f, unsigned i, const Elf64_Phdr *prev,
                      char *err, size_t errlen)
{
    const Elf64_Phdr *p = &f->ph[i];
    if (p->p_filesz > p->p_memsz)
        return MALFORMED("segment %u: file size %#llx above memory size "
                         "%#llx)",
                         i, (unsigned long long)p->p_filesz,
                         (unsigned long long)p->p_memsz);
    if (p->p_offset > f->size || p->p_filesz > f->size - p->p_offset)
        return MALFORMED("segment %u: file range past the end of the file)",
                         i);
    if (p->p_align > 1 && (p->p_align & (p->p_align - 1)))
        return MALFORMED("segment %u: alignment %#llx not a power of two)", i,
                         (unsigned long long)p->p_align);
    if (p->p_align > ELF_MAX_ALIGN)
        return MALFORMED("segment %u: alignment %#llx too large)", i,
                         (unsigned long long)p->p_align);
    if (p->p_vaddr >= GUEST_SPACE_SIZE ||
        p->p_memsz > GUEST_SPACE_SIZE - p->p_vaddr)
        return MALFORMED("segment %u: addresses past the end of user space "
                         "%#llx)",
                         i, (unsigned long long)GUEST_SPACE_SIZE);
    if (prev && p->p_vaddr < prev->p_vaddr + prev->p_memsz)
        return MALFORMED("segment %u: overlaps or precedes segment %u)", i,
                         (unsigned)(prev - f->ph));
    return 0;
}

/* The program headers: segments, interpreter, stack, and the derived span,
 * alignment and AT_PHDR. */
static int check_segments(struct elf_file *f, char *err, size_t errlen)
{
    const Elf64_Phdr *prev = NULL;
    int r;
    f->lo = UINT64_MAX;
    f->hi = 0;
    f->align = GUEST_PAGE_SIZE;
    for (unsigned i = 0; i < f->phnum; i++) {
        const Elf64_Phdr *p = &f->ph[i];
        if (p->p_type == PT_INTERP && !f->interp &&
            (r = read_interp(f, p, err, errlen)))
            return r;
        if (p->p_type == PT_GNU_STACK)
            f->exec_stack = p->p_flags & PF_X;
        if (p->p_type != PT_LOAD || p->p_memsz == 0)
            continue;
        if ((r = check_load(f, i, prev, err, errlen)))
            return r;
        prev = p;
        if (PAGE_DOWN(p->p_vaddr) < f->lo)
            f->lo = PAGE_DOWN(p->p_vaddr);
        f->hi = PAGE_UP(p->p_vaddr + p->p_memsz);
        if (p->p_align > f->align)
            f->align = p->p_align;
        if (p->p_offset <= f->eh.e_phoff &&
            f->eh.e_phoff - p->p_offset < p->p_filesz)
            f->phdr = f->eh.e_phoff - p->p_offset + p->p_vaddr;
    }
    if (!prev)
        return MALFORMED("no loadable segments)");
    if (f->eh.e_type == ET_EXEC && f->lo < GUEST_MMAP_MIN)
        return MALFORMED("segment at %#llx, below the lowest mappable "
                         "address %#llx)",
                         (unsigned long long)f->lo,
                         (unsigned long long)GUEST_MMAP_MIN);
    if (f->eh.e_type == ET_EXEC && f->hi > GUEST_MMAP_BASE)
        return MALFORMED("segments reach %#llx, into the stack area)",
                         (unsigned long long)f->hi);
    if (f->eh.e_entry < f->lo || f->eh.e_entry >= f->hi)
        return MALFORMED("entry point %#llx outside the loadable segments)",
                         (unsigned long long)f->eh.e_entry);
    return 0;
}

static int open_error(const struct elf_file *f, int e, char *err,
                      size_t errlen)
{
    return fail(f, err, errlen, e == ENOENT || e == ENOTDIR ? 127 : 126, "%s",
                strerror(e));
}

int elf_open(struct elf_file *f, const char *path, const char *shown,
             bool need_exec, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    f->shown = shown;
    f->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (f->fd < 0)
        return open_error(f, errno, err, errlen);
    struct stat st;
    if (fstat(f->fd, &st) < 0)
        return open_error(f, errno, err, errlen);
    if (S_ISDIR(st.st_mode))
        return open_error(f, EISDIR, err, errlen);
    if (!S_ISREG(st.st_mode) ||
        (need_exec && faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) < 0))
        return open_error(f, EACCES, err, errlen);
    f->size = (uint64_t)st.st_size;
    unsigned char h[sizeof(Elf64_Ehdr)];
    size_t n = 0;
    while (n < sizeof h) {
        ssize_t got = pread(f->fd, h + n, sizeof h - n, (off_t)n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return open_error(f, errno, err, errlen);
        if (got == 0)
            break;
        n += (size_t)got;
    }
    int r = check_ident(f, h, n, err, errlen);
    if (r)
        return r;
    memcpy(&f->eh, h, sizeof f->eh);
    if ((r = check_header(f, err, errlen)) ||
        (r = check_segments(f, err, errlen)))
        return r;
    return 0;
}

void elf_close(struct elf_file *f)
{
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    free(f->interp);
    f->interp = NULL;
}
