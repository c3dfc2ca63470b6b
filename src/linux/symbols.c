/* Guest function names, from the symbol table (or, stripped, the dynamic
 * symbol table) of the program the loader mapped and of the libraries the
 * guest maps executable later, for debug output and for perf's map files.
 * Symbols are a convenience: a file without them, or with a table that
 * does not make sense, simply has no names. */
#include "linux/symbols.h"

#include <elf.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct symbol {
    uint64_t addr, size;
    const char *name;
};

static struct symbol *symbols;
static size_t nsymbols;

static const char *lookup(uint64_t pc, uint64_t *offset);

static int by_addr(const void *a, const void *b)
{
    const struct symbol *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Reads [off, off + len) of the file into a new buffer, or NULL. */
static void *read_part(int fd, uint64_t size, uint64_t off, uint64_t len)
{
    if (off > size || len > size - off || len > (64u << 20))
        return NULL;
    char *buf = malloc(len + 1);
    if (!buf)
        return NULL;
    if (pread(fd, buf, len, (off_t)off) != (ssize_t)len) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

bool symbols_wanted;

/* Guards symbols and nsymbols: libraries are added as guest threads map
 * them, while the translator looks names up (holding jit_lock, which is
 * therefore always taken first). */
static pthread_mutex_t symbols_lock = PTHREAD_MUTEX_INITIALIZER;

/* A fork must not leave the child with symbols_lock held by a thread that
 * does not exist there. Registered by the first load, which main makes
 * before jit_init registers jit_lock's: fork then takes jit_lock first. */
static void fork_prepare(void)
{
    pthread_mutex_lock(&symbols_lock);
}

static void fork_done(void)
{
    pthread_mutex_unlock(&symbols_lock);
}

static void register_atfork(void)
{
    pthread_atfork(fork_prepare, fork_done, fork_done);
}

static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;

/* The files loaded so far, by path and bias, so that one mapped twice
 * (several of its segments, or dlopen again) is read once. */
struct loaded {
    struct loaded *next;
    uint64_t bias;
    char path[];
};
static struct loaded *loaded;

static void load(const char *path, uint64_t bias);

void symbols_load(const char *path, uint64_t bias)
{
    pthread_once(&atfork_once, register_atfork);
    pthread_mutex_lock(&symbols_lock);
    load(path, bias);
    pthread_mutex_unlock(&symbols_lock);
}

void symbols_load_mapped(const char *path, uint64_t addr, uint64_t offset)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    Elf64_Ehdr eh;
    Elf64_Phdr ph;
    bool found = false;
    uint64_t bias = 0;
    if (pread(fd, &eh, sizeof eh, 0) == sizeof eh &&
        !memcmp(eh.e_ident, ELFMAG, SELFMAG) &&
        eh.e_phentsize == sizeof(Elf64_Phdr)) {
        /* The segment this mapping starts: mapped at its page, so the
         * bias is what puts that page at addr. */
        for (unsigned i = 0; i < eh.e_phnum && !found; i++) {
            if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + i * sizeof ph)) !=
                sizeof ph)
                break;
            if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X) &&
                (ph.p_offset & ~UINT64_C(4095)) == offset) {
                bias = addr - (ph.p_vaddr & ~UINT64_C(4095));
                found = true;
            }
        }
    }
    close(fd);
    if (!found)
        return;
    pthread_mutex_lock(&symbols_lock);
    bool seen = false;
    for (struct loaded *l = loaded; l && !seen; l = l->next)
        seen = l->bias == bias && !strcmp(l->path, path);
    if (!seen)
        load(path, bias);
    pthread_mutex_unlock(&symbols_lock);
}

/* Under symbols_lock. */
static void load(const char *path, uint64_t bias)
{
    size_t len = strlen(path);
    struct loaded *l = malloc(sizeof *l + len + 1);
    if (l) {
        l->bias = bias;
        memcpy(l->path, path, len + 1);
        l->next = loaded;
        loaded = l;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st;
    Elf64_Ehdr eh;
    if (fstat(fd, &st) < 0 || pread(fd, &eh, sizeof eh, 0) != sizeof eh ||
        memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_shentsize != sizeof(Elf64_Shdr)) {
        close(fd);
        return;
    }
    uint64_t size = (uint64_t)st.st_size;
    Elf64_Shdr *sh = read_part(fd, size, eh.e_shoff,
                               (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr));
    /* The full symbol table, or in a stripped file (as Debian ships) the
     * dynamic one, whose exported functions still name much of the code. */
    uint32_t table = SHT_DYNSYM;
    for (unsigned i = 0; sh && i < eh.e_shnum; i++)
        if (sh[i].sh_type == SHT_SYMTAB)
            table = SHT_SYMTAB;
    for (unsigned i = 0; sh && i < eh.e_shnum; i++) {
        if (sh[i].sh_type != table || sh[i].sh_link >= eh.e_shnum ||
            sh[i].sh_entsize != sizeof(Elf64_Sym))
            continue;
        const Elf64_Shdr *strs = &sh[sh[i].sh_link];
        Elf64_Sym *syms = read_part(fd, size, sh[i].sh_offset, sh[i].sh_size);
        char *names = read_part(fd, size, strs->sh_offset, strs->sh_size);
        size_t n = syms ? sh[i].sh_size / sizeof(Elf64_Sym) : 0;
        struct symbol *grown =
            names ? realloc(symbols, (nsymbols + n) * sizeof *symbols) : NULL;
        if (grown) {
            symbols = grown;
            for (size_t k = 0; k < n; k++) {
                if (ELF64_ST_TYPE(syms[k].st_info) != STT_FUNC ||
                    !syms[k].st_value || syms[k].st_name >= strs->sh_size)
                    continue;
                symbols[nsymbols++] = (struct symbol){
                    syms[k].st_value + bias, syms[k].st_size,
                    names + syms[k].st_name};
            }
            names = NULL; /* kept: the symbols point into it */
        }
        free(names);
        free(syms);
    }
    free(sh);
    close(fd);
    qsort(symbols, nsymbols, sizeof *symbols, by_addr);
}

const char *symbols_lookup(uint64_t pc, uint64_t *offset)
{
    pthread_mutex_lock(&symbols_lock);
    const char *name = lookup(pc, offset);
    pthread_mutex_unlock(&symbols_lock);
    return name;
}

/* Under symbols_lock. */
static const char *lookup(uint64_t pc, uint64_t *offset)
{
    size_t lo = 0, hi = nsymbols;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (symbols[mid].addr <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const struct symbol *s = &symbols[lo - 1];
    if (s->size && pc - s->addr >= s->size)
        return NULL;
    *offset = pc - s->addr;
    return s->name;
}
