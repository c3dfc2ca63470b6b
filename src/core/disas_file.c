/* `hart --disas FILE`: reads a riscv64 ELF file's section headers and
 * symbols and lists every executable section with hart's decoder, line for
 * line as GNU objdump -d -M no-aliases does (addresses, the raw bits,
 * objdump's zero skipping "...", symbol labels, data regions marked by the
 * "$d" mapping symbols), so the two can be compared. The file is untrusted:
 * every offset and size is checked before use, and anything malformed ends
 * in a one-line error, never a crash. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/disas_file.h"
#include "rv/decode.h"

/* objdump's rules for runs of zero bytes: a run this long is shown as
 * "...", and so is a shorter run than the second figure at the end of a
 * region. */
enum { SKIP_ZEROES = 8, SKIP_ZEROES_AT_END = 3 };

struct sym {
    uint64_t addr;
    const char *name;
    unsigned sec;
    int rank; /* to choose among labels at one address, as objdump does */
    char map; /* 'x' or 'd' for a mapping symbol, else 0 */
};

struct elf {
    const char *path;
    const uint8_t *data;
    size_t size;
    Elf64_Shdr *sec;
    unsigned nsec;
    const Elf64_Shdr *shstr;
    struct sym *syms; /* sorted by section, then address */
    size_t nsyms, cap;
    char **plt_names; /* "printf@plt" */
    size_t nplt;
};

static int fail(const struct elf *e, const char *why)
{
    fprintf(stderr, "hart: %s: %s\n", e->path, why);
    return 1;
}

/* Whether [off, off + len) lies inside the file. */
static bool in_file(const struct elf *e, uint64_t off, uint64_t len)
{
    return off <= e->size && len <= e->size - off;
}

static int read_whole(struct elf *e)
{
    int fd = open(e->path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        int err = errno;
        if (fd >= 0)
            close(fd);
        return fail(e, strerror(err));
    }
    if (!S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof(Elf64_Ehdr)) {
        close(fd);
        return fail(e, "not a riscv64 ELF file");
    }
    uint8_t *buf = malloc((size_t)st.st_size);
    size_t got = 0;
    while (buf && got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (!buf || got != (size_t)st.st_size) {
        free(buf);
        return fail(e, buf ? "short read" : "out of memory");
    }
    e->data = buf;
    e->size = got;
    return 0;
}

/* A NUL-terminated string at offset off of string table t, or NULL. */
static const char *string_at(const struct elf *e, const Elf64_Shdr *t,
                             uint64_t off)
{
    if (!t || t->sh_type == SHT_NOBITS || off >= t->sh_size ||
        !in_file(e, t->sh_offset, t->sh_size))
        return NULL;
    const char *s = (const char *)e->data + t->sh_offset + off;
    return memchr(s, 0, t->sh_size - off) ? s : NULL;
}

static int load_sections(struct elf *e)
{
    Elf64_Ehdr h;
    memcpy(&h, e->data, sizeof h);
    if (memcmp(h.e_ident, ELFMAG, SELFMAG) != 0 ||
        h.e_ident[EI_CLASS] != ELFCLASS64 ||
        h.e_ident[EI_DATA] != ELFDATA2LSB || h.e_machine != EM_RISCV)
        return fail(e, "not a riscv64 ELF file");
    if (h.e_shoff == 0)
        return fail(e, "no section headers");
    if (h.e_shentsize < sizeof(Elf64_Shdr))
        return fail(e, "bad section header size");
    uint64_t n = h.e_shnum, shstrndx = h.e_shstrndx;
    if (n == 0 || shstrndx == SHN_XINDEX) { /* the real values are in #0 */
        Elf64_Shdr s0;
        if (!in_file(e, h.e_shoff, sizeof s0))
            return fail(e, "section headers outside the file");
        memcpy(&s0, e->data + h.e_shoff, sizeof s0);
        if (n == 0)
            n = s0.sh_size;
        if (shstrndx == SHN_XINDEX)
            shstrndx = s0.sh_link;
    }
    if (n == 0 || n > e->size / h.e_shentsize ||
        !in_file(e, h.e_shoff, n * h.e_shentsize))
        return fail(e, "section headers outside the file");
    e->sec = calloc(n, sizeof *e->sec);
    if (!e->sec)
        return fail(e, "out of memory");
    e->nsec = (unsigned)n;
    for (unsigned i = 0; i < e->nsec; i++)
        memcpy(&e->sec[i], e->data + h.e_shoff + (uint64_t)i * h.e_shentsize,
               sizeof e->sec[i]);
    e->shstr = shstrndx < n ? &e->sec[shstrndx] : NULL;
    for (unsigned i = 0; i < e->nsec; i++) {
        const Elf64_Shdr *s = &e->sec[i];
        if (s->sh_type != SHT_NOBITS && s->sh_type != SHT_NULL &&
            !in_file(e, s->sh_offset, s->sh_size))
            return fail(e, "section outside the file");
        if (s->sh_size && UINT64_MAX - s->sh_addr < s->sh_size - 1)
            return fail(e, "section past the end of the address space");
    }
    return 0;
}

static bool executable(const Elf64_Shdr *s)
{
    return (s->sh_flags & SHF_EXECINSTR) && s->sh_type != SHT_NOBITS &&
           s->sh_type != SHT_NULL && s->sh_size > 0;
}

/* By section and address; of several symbols at one address, the one
 * objdump names first: functions, then global before weak before local,
 * then by name. */
static int sym_order(const void *a, const void *b)
{
    const struct sym *x = a, *y = b;
    if (x->sec != y->sec)
        return x->sec < y->sec ? -1 : 1;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    if (x->rank != y->rank)
        return y->rank - x->rank;
    return strcmp(x->name, y->name);
}

static struct sym *add_sym(struct elf *e)
{
    if (e->nsyms == e->cap) {
        size_t cap = e->cap ? 2 * e->cap : 64;
        struct sym *p = realloc(e->syms, cap * sizeof *p);
        if (!p)
            return NULL;
        e->syms = p;
        e->cap = cap;
    }
    return memset(&e->syms[e->nsyms++], 0, sizeof *e->syms);
}

static const Elf64_Shdr *section_named(const struct elf *e, const char *name,
                                       unsigned type)
{
    for (unsigned i = 0; i < e->nsec; i++) {
        const char *n = string_at(e, e->shstr, e->sec[i].sh_name);
        if (n && !strcmp(n, name) && e->sec[i].sh_type == type)
            return &e->sec[i];
    }
    return NULL;
}

/* objdump names the entries of the PLT after the functions they call
 * ("printf@plt"): on RISC-V a 32-byte header, then 16 bytes for each
 * .rela.plt entry, in order. */
static int plt_symbols(struct elf *e)
{
    const Elf64_Shdr *plt = section_named(e, ".plt", SHT_PROGBITS),
                     *rela = section_named(e, ".rela.plt", SHT_RELA);
    if (!plt || !rela || !executable(plt) || rela->sh_link >= e->nsec)
        return 0;
    const Elf64_Shdr *dynsym = &e->sec[rela->sh_link];
    if (dynsym->sh_type != SHT_DYNSYM || dynsym->sh_link >= e->nsec)
        return 0;
    size_t n = rela->sh_size / sizeof(Elf64_Rela);
    size_t nsym = dynsym->sh_size / sizeof(Elf64_Sym);
    if (n > (plt->sh_size - (plt->sh_size < 32 ? plt->sh_size : 32)) / 16)
        n = (plt->sh_size - (plt->sh_size < 32 ? plt->sh_size : 32)) / 16;
    e->plt_names = calloc(n ? n : 1, sizeof *e->plt_names);
    if (!e->plt_names)
        return fail(e, "out of memory");
    for (size_t i = 0; i < n; i++) {
        Elf64_Rela r;
        Elf64_Sym s;
        memcpy(&r, e->data + rela->sh_offset + i * sizeof r, sizeof r);
        size_t k = ELF64_R_SYM(r.r_info);
        if (k == 0 || k >= nsym)
            continue;
        memcpy(&s, e->data + dynsym->sh_offset + k * sizeof s, sizeof s);
        const char *name = string_at(e, &e->sec[dynsym->sh_link], s.st_name);
        struct sym *y;
        if (!name || !*name)
            continue;
        if (!(e->plt_names[e->nplt] = malloc(strlen(name) + 5)) ||
            !(y = add_sym(e)))
            return fail(e, "out of memory");
        strcat(strcpy(e->plt_names[e->nplt], name), "@plt");
        y->name = e->plt_names[e->nplt++];
        y->addr = plt->sh_addr + 32 + 16 * i;
        y->sec = (unsigned)(plt - e->sec);
        y->rank = 6; /* a global function */
    }
    return 0;
}

/* Labels and mapping symbols of the executable sections, from the static
 * symbol table (or the dynamic one when the file is stripped), and names
 * for the PLT entries. */
static int load_symbols(struct elf *e)
{
    const Elf64_Shdr *tab = NULL;
    for (unsigned i = 0; i < e->nsec && !tab; i++)
        if (e->sec[i].sh_type == SHT_SYMTAB)
            tab = &e->sec[i];
    for (unsigned i = 0; i < e->nsec && !tab; i++)
        if (e->sec[i].sh_type == SHT_DYNSYM)
            tab = &e->sec[i];
    if (tab && tab->sh_link >= e->nsec)
        return fail(e, "bad symbol table");
    size_t n = tab ? tab->sh_size / sizeof(Elf64_Sym) : 0;
    for (size_t i = 1; i < n; i++) {
        Elf64_Sym s;
        memcpy(&s, e->data + tab->sh_offset + i * sizeof s, sizeof s);
        int type = ELF64_ST_TYPE(s.st_info), bind = ELF64_ST_BIND(s.st_info);
        const char *name = string_at(e, &e->sec[tab->sh_link], s.st_name);
        /* ".L0 " is the assembler's name for labels it made up */
        if (!name || !*name || !strcmp(name, ".L0 ") ||
            s.st_shndx == SHN_UNDEF ||
            s.st_shndx >= e->nsec || !executable(&e->sec[s.st_shndx]) ||
            type == STT_SECTION || type == STT_FILE)
            continue;
        struct sym *y = add_sym(e);
        if (!y)
            return fail(e, "out of memory");
        y->addr = s.st_value;
        y->name = name;
        y->sec = s.st_shndx;
        y->map = name[0] == '$' && (name[1] == 'x' || name[1] == 'd') &&
                         (name[2] == 0 || name[1] == 'x')
                     ? name[1] : 0;
        y->rank = (type == STT_FUNC) * 4 +
                  (bind == STB_GLOBAL ? 2 : bind == STB_WEAK ? 1 : 0);
    }
    int rc = plt_symbols(e);
    if (e->nsyms)
        qsort(e->syms, e->nsyms, sizeof *e->syms, sym_order);
    return rc;
}

/* Symbols of section sec: [*first, *end) of e->syms. */
static void section_syms(const struct elf *e, unsigned sec, size_t *first,
                         size_t *end)
{
    size_t i = 0;
    while (i < e->nsyms && e->syms[i].sec < sec)
        i++;
    *first = i;
    while (i < e->nsyms && e->syms[i].sec == sec)
        i++;
    *end = i;
}

/* The last symbol of [first, end) at or before addr that is not a mapping
 * symbol, or NULL. */
static const struct sym *label_before(const struct elf *e, size_t first,
                                      size_t end, uint64_t addr)
{
    size_t lo = first, hi = end; /* find the first symbol past addr */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (e->syms[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo > first && e->syms[lo - 1].map)
        lo--;
    if (lo == first)
        return NULL;
    /* the preferred one of several at that address sorts first */
    size_t k = lo - 1;
    while (k > first && e->syms[k - 1].addr == e->syms[lo - 1].addr)
        k--;
    while (e->syms[k].map)
        k++;
    return &e->syms[k];
}

/* The name objdump gives an address of section sec: the last label at
 * or before it plus an offset, else the first label after it minus one,
 * else the section's name plus an offset. */
static void name_address(const struct elf *e, unsigned sec, uint64_t addr,
                         FILE *out)
{
    size_t first, end;
    section_syms(e, sec, &first, &end);
    const struct sym *y = label_before(e, first, end, addr);
    if (y) {
        fprintf(out, "%s", y->name);
        if (addr != y->addr)
            fprintf(out, "+0x%" PRIx64, addr - y->addr);
        return;
    }
    for (size_t i = first; i < end && !y; i++)
        if (!e->syms[i].map && e->syms[i].addr > addr)
            y = &e->syms[i];
    if (y) {
        fprintf(out, "%s-0x%" PRIx64, y->name, y->addr - addr);
        return;
    }
    const char *name = string_at(e, e->shstr, e->sec[sec].sh_name);
    fprintf(out, "%s", name ? name : "?");
    if (addr != e->sec[sec].sh_addr)
        fprintf(out, "+0x%" PRIx64, addr - e->sec[sec].sh_addr);
}

/* " <name+0x10>" after a branch target, as objdump annotates them. */
static void print_target(const struct elf *e, unsigned cur, uint64_t target,
                         FILE *out)
{
    unsigned sec = cur;
    for (unsigned i = 0; i < e->nsec; i++)
        if (executable(&e->sec[i]) && target >= e->sec[i].sh_addr &&
            target - e->sec[i].sh_addr < e->sec[i].sh_size)
            sec = i;
    fputs(" <", out);
    name_address(e, sec, target, out);
    fputc('>', out);
}

/* One listing line: address, raw bytes in chunks of chunk bytes (objdump
 * pads the column to eight bytes' worth), text with a tab after the
 * mnemonic. */
static void print_line(uint64_t addr, int skip, const uint8_t *p, int len,
                       int chunk, const char *text, FILE *out)
{
    char a[17];
    snprintf(a, sizeof a, "%016" PRIx64, addr);
    for (int i = skip; i < 15 && a[i] == '0'; i++)
        a[i] = ' ';
    fprintf(out, "%s:\t", a + skip);
    int pb = 0;
    for (; pb < len; pb += chunk) {
        for (int k = chunk - 1; k >= 0; k--)
            fprintf(out, "%02x", pb + k < len ? p[pb + k] : 0);
        fputc(' ', out);
    }
    if (chunk == 1) /* objdump's width for a lone data byte */
        fprintf(out, "%15s", "");
    else
        for (; pb < 8; pb += chunk)
            fprintf(out, "%*s ", 2 * chunk, "");
    const char *sp = strchr(text, ' ');
    if (sp)
        fprintf(out, "\t%.*s\t%s", (int)(sp - text), text, sp + 1);
    else
        fprintf(out, "\t%s", text);
}

/* What print_region needs to know of a section besides its bytes. */
struct listing {
    const struct elf *e;
    unsigned sec;
    int skip;                  /* leading address digits not shown */
    const struct sym **maps;   /* its mapping symbols, by address */
    size_t nmaps;
};

/* Lists bytes [start, stop) of a section (offsets from its start). */
static void print_region(const struct listing *l, uint64_t start,
                         uint64_t stop, FILE *out)
{
    const Elf64_Shdr *s = &l->e->sec[l->sec];
    const uint8_t *p = l->e->data + s->sh_offset;
    size_t k = 0; /* mapping symbols at or before the current address */
    for (size_t step = l->nmaps; step; step /= 2)
        while (k + step <= l->nmaps &&
               l->maps[k + step - 1]->addr - s->sh_addr <= start)
            k += step;
    uint64_t pos = start;
    while (pos < stop) {
        uint64_t z = pos, addr = s->sh_addr + pos;
        while (z < stop && p[z] == 0)
            z++;
        if (z - pos >= SKIP_ZEROES ||
            (z == stop && z - pos < SKIP_ZEROES_AT_END)) {
            if (z != stop) /* keep later code on a 4-byte grid */
                z = pos + ((z - pos) & ~(uint64_t)3);
            fputs("\t...\n", out);
            pos = z;
            continue;
        }
        /* The last mapping symbol says code or data; the next one ends a
         * data item. */
        while (k < l->nmaps && l->maps[k]->addr <= addr)
            k++;
        char map = k ? l->maps[k - 1]->map : 'x';
        uint64_t next_map = k < l->nmaps ? l->maps[k]->addr - s->sh_addr
                                         : s->sh_size;
        uint64_t left = s->sh_size - pos;
        char text[160];
        if (map == 'd') {
            uint64_t n = next_map - pos < 4 ? next_map - pos : 4;
            n = n == 3 ? 2 : n;
            uint32_t v = 0;
            for (uint64_t b = n; b-- > 0;)
                v = v << 8 | p[pos + b];
            snprintf(text, sizeof text, "%s 0x%0*" PRIx32,
                     n == 4 ? ".word" : n == 2 ? ".short" : ".byte",
                     (int)(2 * n), v);
            print_line(addr, l->skip, p + pos, (int)n, (int)n, text, out);
            fputc('\n', out);
            pos += n;
            continue;
        }
        uint16_t low = (uint16_t)(p[pos] | (left > 1 ? p[pos + 1] << 8 : 0));
        int len = rv_insn_length(low);
        if (len == 0) /* longer encodings, as objdump sizes them */
            len = (low & 0x3f) == 0x1f ? 6 : (low & 0x7f) == 0x3f ? 8 : 2;
        if ((uint64_t)len > left || len > 4) { /* shown as bytes */
            int n = (uint64_t)len > left ? (int)left : len;
            int used = snprintf(text, sizeof text, ".byte");
            for (int b = 0; b < n; b++)
                used += snprintf(text + used, sizeof text - (size_t)used,
                                 "%s0x%02x", b ? ", " : " ", p[pos + b]);
            print_line(addr, l->skip, p + pos, n, n == 1 ? 1 : 2, text, out);
            fputc('\n', out);
            pos += (uint64_t)n;
            continue;
        }
        uint32_t word = low;
        if (len == 4)
            word |= (uint32_t)(p[pos + 2] | p[pos + 3] << 8) << 16;
        struct rv_insn d;
        rv_decode(word, &d);
        rv_disasm(&d, addr, text, sizeof text);
        print_line(addr, l->skip, p + pos, len, len == 4 ? 4 : 2, text, out);
        int fmt = rv_opinfo[d.op].format;
        if (fmt == RV_FMT_B || fmt == RV_FMT_J)
            print_target(l->e, l->sec, addr + (uint64_t)(int64_t)d.imm, out);
        fputc('\n', out);
        pos += (uint64_t)len;
    }
}

static int print_section(const struct elf *e, unsigned sec, FILE *out)
{
    const Elf64_Shdr *s = &e->sec[sec];
    const char *name = string_at(e, e->shstr, s->sh_name);
    struct listing l = {.e = e, .sec = sec};
    fprintf(out, "\nDisassembly of section %s:\n", name ? name : "?");

    /* objdump drops leading zeros of addresses in groups of four digits,
     * keeping at least one, judging by the section's end address. */
    char a[17];
    snprintf(a, sizeof a, "%016" PRIx64, s->sh_addr + s->sh_size);
    while (a[l.skip] == '0')
        l.skip++;
    if (a[l.skip] == 0 && s->sh_addr != 0)
        l.skip = 0;
    if (l.skip)
        l.skip = (l.skip - 1) & ~3;

    size_t first, end;
    section_syms(e, sec, &first, &end);
    l.maps = calloc(end - first + 1, sizeof *l.maps);
    if (!l.maps)
        return fail(e, "out of memory");
    for (size_t i = first; i < end; i++)
        if (e->syms[i].map && e->syms[i].addr >= s->sh_addr)
            l.maps[l.nmaps++] = &e->syms[i];

    /* Each label starts a region of its own, as in objdump: zero skipping
     * and instructions restart there. */
    uint64_t pos = 0;
    size_t i = first;
    bool labelled = false;
    while (pos < s->sh_size) {
        while (i < end && (e->syms[i].map || e->syms[i].addr < s->sh_addr ||
                           e->syms[i].addr - s->sh_addr < pos))
            i++;
        if (i < end && e->syms[i].addr - s->sh_addr == pos) {
            fprintf(out, "\n%016" PRIx64 " <%s>:\n", e->syms[i].addr,
                    e->syms[i].name);
            for (uint64_t at = e->syms[i].addr;
                 i < end && e->syms[i].addr == at; i++)
                ;
            labelled = true;
        } else if (!labelled) {
            fprintf(out, "\n%016" PRIx64 " <", s->sh_addr);
            name_address(e, sec, s->sh_addr, out);
            fputs(">:\n", out);
            labelled = true;
        }
        uint64_t stop = s->sh_size;
        for (size_t j = i; j < end; j++)
            if (!e->syms[j].map && e->syms[j].addr - s->sh_addr > pos &&
                e->syms[j].addr - s->sh_addr < stop) {
                stop = e->syms[j].addr - s->sh_addr;
                break;
            }
        print_region(&l, pos, stop, out);
        pos = stop;
    }
    free(l.maps);
    return 0;
}

int disas_file(const char *path, FILE *out)
{
    struct elf e = {.path = path};
    int rc = read_whole(&e);
    if (!rc)
        rc = load_sections(&e);
    if (!rc)
        rc = load_symbols(&e);
    if (!rc) {
        fprintf(out, "\n%s:     file format elf64-littleriscv\n\n", path);
        for (unsigned i = 0; i < e.nsec && !rc; i++)
            if (executable(&e.sec[i]))
                rc = print_section(&e, i, out);
    }
    for (size_t i = 0; i < e.nplt; i++)
        free(e.plt_names[i]);
    free(e.plt_names);
    free(e.syms);
    free(e.sec);
    free((void *)e.data);
    return rc;
}
