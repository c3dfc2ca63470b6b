/* mkbadelf: writes corrupted variants of a valid riscv64 ELF program, for
 * tests/elf/run.sh to feed to the loader.
 *   mkbadelf GOOD OUTDIR
 * writes OUTDIR/NAME for each variant and OUTDIR/MANIFEST with one line per
 * variant, "NAME reject" when the loader must refuse it (status 126/127,
 * one line of explanation) or "NAME any" when it may also load (a benign
 * corruption, or random damage whose effect depends on where it fell).
 * Everything is deterministic: random damage uses a fixed seed. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint8_t *good;
static size_t good_size;
static Elf64_Ehdr geh;
static Elf64_Phdr gph[256];
static const char *outdir;
static FILE *manifest;
static int written;

static void emit(const char *name, const uint8_t *b, size_t n,
                 const char *expect)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", outdir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    if (fd < 0 || (n && write(fd, b, n) != (ssize_t)n)) {
        perror(path);
        exit(1);
    }
    close(fd);
    fprintf(manifest, "%s %s\n", name, expect);
    written++;
}

/* A copy of the good file, n bytes long (zero-padded if longer). */
static uint8_t *copy(size_t n)
{
    uint8_t *b = calloc(1, n ? n : 1);
    if (!b)
        exit(1);
    memcpy(b, good, n < good_size ? n : good_size);
    return b;
}

static void put(uint8_t *b, size_t off, size_t size, uint64_t v)
{
    memcpy(b + off, &v, size); /* little-endian host and file */
}

#define EH(field) offsetof(Elf64_Ehdr, field), sizeof(geh.field)
#define PH(i, field)                                                           \
    geh.e_phoff + (i) * sizeof(Elf64_Phdr) + offsetof(Elf64_Phdr, field),      \
        sizeof(gph[0].field)

/* One variant: the good file with one field changed. */
static void patch(const char *name, size_t off, size_t size, uint64_t v,
                  const char *expect)
{
    uint8_t *b = copy(good_size);
    put(b, off, size, v);
    emit(name, b, good_size, expect);
    free(b);
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int loads[256], nloads;

/* Where the file stops mattering to the loader: past this offset, a
 * truncation only drops section headers and the like. */
static uint64_t needed_size(void)
{
    uint64_t end = geh.e_phoff + (uint64_t)geh.e_phnum * sizeof(Elf64_Phdr);
    for (int i = 0; i < geh.e_phnum; i++)
        if ((gph[i].p_type == PT_LOAD || gph[i].p_type == PT_INTERP) &&
            gph[i].p_filesz && gph[i].p_offset + gph[i].p_filesz > end)
            end = gph[i].p_offset + gph[i].p_filesz;
    return end;
}

static void truncations(void)
{
    uint64_t need = needed_size();
    size_t at[64], n = 0;
    static const size_t fixed[] = {0, 1, 3, 4, 5, 16, 18, 19, 20, 40, 63, 64};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        at[n++] = fixed[i];
    for (int i = 0; i <= geh.e_phnum && n < 30; i++)
        at[n++] = geh.e_phoff + (size_t)i * sizeof(Elf64_Phdr) - (i ? 1 : 0);
    for (int k = 1; k <= 12 && n < 63; k++)
        at[n++] = good_size * (size_t)k / 13;
    at[n++] = good_size - 1;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t j = 0; j < i; j++)
            seen |= at[j] == at[i];
        if (seen || at[i] >= good_size)
            continue;
        char name[64];
        snprintf(name, sizeof name, "trunc-%zu", at[i]);
        uint8_t *b = copy(at[i]);
        emit(name, b, at[i], at[i] < need ? "reject" : "any");
        free(b);
    }
}

static void header_fields(void)
{
    patch("class-32", EI_CLASS, 1, ELFCLASS32, "reject");
    patch("class-0", EI_CLASS, 1, 0, "reject");
    patch("class-9", EI_CLASS, 1, 9, "reject");
    patch("data-msb", EI_DATA, 1, ELFDATA2MSB, "reject");
    patch("data-0", EI_DATA, 1, 0, "reject");
    patch("machine-x86-64", EH(e_machine), EM_X86_64, "reject");
    patch("machine-aarch64", EH(e_machine), EM_AARCH64, "reject");
    patch("machine-0", EH(e_machine), 0, "reject");
    patch("machine-ffff", EH(e_machine), 0xffff, "reject");
    patch("type-rel", EH(e_type), ET_REL, "reject");
    patch("type-core", EH(e_type), ET_CORE, "reject");
    patch("type-fe00", EH(e_type), 0xfe00, "reject");
    patch("phentsize-0", EH(e_phentsize), 0, "reject");
    patch("phentsize-32", EH(e_phentsize), 32, "reject");
    patch("phentsize-57", EH(e_phentsize), 57, "reject");
    patch("phnum-0", EH(e_phnum), 0, "reject");
    patch("phnum-65535", EH(e_phnum), 65535, "reject");
    patch("phnum-74", EH(e_phnum), 74, "reject");
    patch("phoff-eof", EH(e_phoff), good_size, "reject");
    patch("phoff-near-eof", EH(e_phoff), good_size - 10, "reject");
    patch("phoff-huge", EH(e_phoff), UINT64_MAX - 7, "reject");
    patch("entry-0", EH(e_entry), 0, "reject");
    patch("entry-max", EH(e_entry), UINT64_MAX, "reject");
    patch("entry-space-end", EH(e_entry), 1ull << 38, "reject");
    /* Fields the loader has no business with. */
    patch("shoff-garbage", EH(e_shoff), 0xdeadbeefdeadbeefull, "any");
    patch("shnum-ffff", EH(e_shnum), 0xffff, "any");
    patch("version-0", EH(e_version), 0, "any");
    patch("flags-garbage", EH(e_flags), 0xffffffff, "any");
    patch("ident-pad", EI_PAD, 7, 0x41414141414141ull, "any");
}

static void segment_fields(void)
{
    char name[64];
    for (int k = 0; k < nloads; k++) {
        int i = loads[k];
        const Elf64_Phdr *p = &gph[i];
#define SEG(what, field, value, expect)                                        \
    do {                                                                       \
        snprintf(name, sizeof name, "seg%d-%s", i, what);                      \
        patch(name, PH(i, field), value, expect);                              \
    } while (0)
        SEG("offset-eof", p_offset, good_size, "reject");
        SEG("offset-max", p_offset, UINT64_MAX, "reject");
        SEG("filesz-huge", p_filesz, good_size + 1, "reject");
        SEG("filesz-max", p_filesz, UINT64_MAX, "reject");
        SEG("memsz-2^63", p_memsz, 1ull << 63, "reject");
        SEG("memsz-max", p_memsz, UINT64_MAX, "reject");
        if (p->p_filesz)
            SEG("memsz-below-filesz", p_memsz, p->p_filesz - 1, "reject");
        SEG("vaddr-near-2^64", p_vaddr, 0xfffffffffffff000ull, "reject");
        SEG("vaddr-space-end", p_vaddr, (1ull << 38) - 0x1000, "reject");
        SEG("vaddr-max", p_vaddr, UINT64_MAX, "reject");
        SEG("align-3", p_align, 3, "reject");
        SEG("align-2^63", p_align, 1ull << 63, "reject");
        /* A misaligned address: loaded by reading instead of mapping; the
         * program's code then sits at the wrong place, but loading works. */
        SEG("vaddr-plus-8", p_vaddr, p->p_vaddr + 8, "any");
        SEG("flags-none", p_flags, 0, "any");
        SEG("flags-rwx", p_flags, PF_R | PF_W | PF_X, "any");
#undef SEG
    }
    if (nloads >= 2) {
        int a = loads[0], b = loads[1];
        patch("overlap-same-vaddr", PH(b, p_vaddr), gph[a].p_vaddr, "reject");
        patch("overlap-into-prev", PH(b, p_vaddr),
              gph[a].p_vaddr + gph[a].p_memsz - 8, "reject");
        /* Swap the first two PT_LOADs: not ascending. */
        uint8_t *buf = copy(good_size);
        memcpy(buf + geh.e_phoff + (size_t)a * sizeof(Elf64_Phdr), &gph[b],
               sizeof gph[b]);
        memcpy(buf + geh.e_phoff + (size_t)b * sizeof(Elf64_Phdr), &gph[a],
               sizeof gph[a]);
        emit("loads-swapped", buf, good_size, "reject");
        free(buf);
    }
    /* Every PT_LOAD turned into PT_NULL: nothing to load. */
    uint8_t *buf = copy(good_size);
    for (int k = 0; k < nloads; k++)
        put(buf, PH(loads[k], p_type), PT_NULL);
    emit("no-loads", buf, good_size, "reject");
    free(buf);
}

/* Turns the first non-PT_LOAD header into a PT_INTERP. */
static void interpreters(void)
{
    int i = 0;
    while (i < geh.e_phnum && gph[i].p_type == PT_LOAD)
        i++;
    if (i == geh.e_phnum)
        return;
    static const char missing[] = "/nonexistent/ld-hart-test.so";
    size_t n = good_size + sizeof missing;
    uint8_t *b = copy(n);
    memcpy(b + good_size, missing, sizeof missing);
    put(b, PH(i, p_type), PT_INTERP);
    put(b, PH(i, p_offset), good_size);
    put(b, PH(i, p_filesz), sizeof missing);
    emit("interp-missing", b, n, "reject");
    put(b, PH(i, p_filesz), sizeof missing - 1); /* no NUL */
    emit("interp-unterminated", b, n, "reject");
    put(b, PH(i, p_filesz), 1);
    emit("interp-empty", b, n, "reject");
    put(b, PH(i, p_filesz), sizeof missing);
    put(b, PH(i, p_offset), n);
    emit("interp-offset-eof", b, n, "reject");
    put(b, PH(i, p_offset), good_size);
    put(b, PH(i, p_filesz), 1ull << 40);
    emit("interp-huge", b, n, "reject");
    free(b);
    for (i = 0; i < geh.e_phnum; i++)
        if (gph[i].p_type == PT_GNU_STACK)
            patch("gnu-stack-exec", PH(i, p_flags), PF_R | PF_W | PF_X, "any");
}

static void random_damage(void)
{
    char name[64];
    size_t headers = geh.e_phoff + (size_t)geh.e_phnum * sizeof(Elf64_Phdr);
    for (int v = 0; v < 40; v++) {
        uint8_t *b = copy(good_size);
        int flips = 1 + (int)(next_random() % 8);
        /* Half the variants hit the headers, half anywhere. */
        size_t range = v % 2 ? good_size : headers;
        for (int f = 0; f < flips; f++)
            b[next_random() % range] ^= (uint8_t)(1 + next_random() % 255);
        snprintf(name, sizeof name, "flip-%s-%02d", v % 2 ? "any" : "hdr", v);
        emit(name, b, good_size, "any");
        free(b);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mkbadelf GOOD-ELF OUTDIR\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    good_size = (size_t)ftell(f);
    rewind(f);
    good = malloc(good_size);
    if (!good || fread(good, 1, good_size, f) != good_size) {
        fprintf(stderr, "mkbadelf: cannot read %s\n", argv[1]);
        return 1;
    }
    fclose(f);
    memcpy(&geh, good, good_size < sizeof geh ? good_size : sizeof geh);
    if (good_size < sizeof geh || memcmp(geh.e_ident, ELFMAG, SELFMAG) ||
        geh.e_ident[EI_CLASS] != ELFCLASS64 || geh.e_machine != EM_RISCV ||
        geh.e_phentsize != sizeof(Elf64_Phdr) || geh.e_phnum > 256 ||
        geh.e_phoff + geh.e_phnum * sizeof(Elf64_Phdr) > good_size) {
        fprintf(stderr, "mkbadelf: %s is not a usable riscv64 ELF\n", argv[1]);
        return 1;
    }
    memcpy(gph, good + geh.e_phoff, geh.e_phnum * sizeof(Elf64_Phdr));
    for (int i = 0; i < geh.e_phnum; i++)
        if (gph[i].p_type == PT_LOAD && gph[i].p_memsz)
            loads[nloads++] = i;
    outdir = argv[2];
    if (mkdir(outdir, 0755) < 0 && errno != EEXIST) {
        perror(outdir);
        return 1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/MANIFEST", outdir);
    manifest = fopen(path, "w");
    if (!manifest) {
        perror(path);
        return 1;
    }
    emit("good", good, good_size, "any");
    emit("empty", good, 0, "reject");
    emit("magic-only", good, 4, "reject");
    truncations();
    header_fields();
    segment_fields();
    interpreters();
    random_damage();
    fclose(manifest);
    fprintf(stderr, "mkbadelf: %d files in %s\n", written, outdir);
    return 0;
}
