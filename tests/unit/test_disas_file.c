/* Tests of disas_file (hart --disas): the exact listing of a small ELF file
 * built here byte by byte (labels, address column, raw bits, compressed
 * instructions, objdump's "..." for zeros, "$d" data, branch targets), and
 * survival of truncated and randomly damaged copies of it: each must give
 * exit status 0 or 1, and the sanitizer build checks that no byte outside
 * the file is read. tests/disasm/run.sh compares real programs with
 * objdump. */
#include <elf.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "core/disas_file.h"
#include "test.h"

static const uint8_t text[] = {
    0x13, 0x05, 0x15, 0x00, /* 10000 addi a0,a0,1 */
    0x01, 0x45,             /* 10004 c.li a0,0 */
    0x82, 0x80,             /* 10006 c.jr ra */
    0xe3, 0x0e, 0x05, 0xfe, /* 10008 beq a0,zero,10004 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 1000c: 12 zeros, "..." */
    0x78, 0x56, 0x34, 0x12, /* 10018 $d: .word */
    0xcd, 0xab, 0xef,       /* 1001c .short, then .byte */
    0x0b, 0x00, 0x00, 0x00, /* 1001f $x: custom-0, illegal */
    0x33, 0x05,             /* 10023 (truncated 4-byte instruction) */
};

static const char expected[] =
    "\n%s:     file format elf64-littleriscv\n\n"
    "\nDisassembly of section .text:\n"
    "\n0000000000010000 <main>:\n"
    "   10000:\t00150513          \taddi\ta0,a0,1\n"
    "   10004:\t4501                \taddi\ta0,zero,0\n"
    "   10006:\t8082                \tjalr\tzero,0(ra)\n"
    "   10008:\tfe050ee3          \tbeq\ta0,zero,10004 <main+0x4>\n"
    "\t...\n"
    "   10018:\t12345678          \t.word\t0x12345678\n"
    "   1001c:\tabcd                \t.short\t0xabcd\n"
    "   1001e:\tef                \t.byte\t0xef\n"
    "   1001f:\t0000000b          \t.4byte\t0xb\n"
    "   10023:\t0533                \t.byte\t0x33, 0x05\n";

static const char strtab[] = "\0main\0$d\0$x";
static const char shstrtab[] = "\0.text\0.symtab\0.strtab\0.shstrtab";

/* The file: header, .text, .symtab, .strtab, .shstrtab, section headers. */
static size_t build(uint8_t *buf)
{
    size_t off = sizeof(Elf64_Ehdr);
    size_t text_off = off;
    memcpy(buf + off, text, sizeof text);
    off += sizeof text;
    off = (off + 7) & ~(size_t)7;

    Elf64_Sym syms[4] = {{0}};
    syms[1] = (Elf64_Sym){.st_name = 1, .st_shndx = 1, .st_value = 0x10000,
                          .st_size = 12};
    syms[1].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
    syms[2] = (Elf64_Sym){.st_name = 6, .st_shndx = 1, .st_value = 0x10018};
    syms[3] = (Elf64_Sym){.st_name = 9, .st_shndx = 1, .st_value = 0x1001f};
    size_t sym_off = off;
    memcpy(buf + off, syms, sizeof syms);
    off += sizeof syms;
    size_t str_off = off;
    memcpy(buf + off, strtab, sizeof strtab);
    off += sizeof strtab;
    size_t shstr_off = off;
    memcpy(buf + off, shstrtab, sizeof shstrtab);
    off += sizeof shstrtab;
    off = (off + 7) & ~(size_t)7;

    Elf64_Shdr sh[5] = {{0}};
    sh[1] = (Elf64_Shdr){.sh_name = 1, .sh_type = SHT_PROGBITS,
                         .sh_flags = SHF_ALLOC | SHF_EXECINSTR,
                         .sh_addr = 0x10000, .sh_offset = text_off,
                         .sh_size = sizeof text};
    sh[2] = (Elf64_Shdr){.sh_name = 7, .sh_type = SHT_SYMTAB,
                         .sh_offset = sym_off, .sh_size = sizeof syms,
                         .sh_link = 3, .sh_info = 1,
                         .sh_entsize = sizeof(Elf64_Sym)};
    sh[3] = (Elf64_Shdr){.sh_name = 15, .sh_type = SHT_STRTAB,
                         .sh_offset = str_off, .sh_size = sizeof strtab};
    sh[4] = (Elf64_Shdr){.sh_name = 23, .sh_type = SHT_STRTAB,
                         .sh_offset = shstr_off, .sh_size = sizeof shstrtab};
    size_t sh_off = off;
    memcpy(buf + off, sh, sizeof sh);
    off += sizeof sh;

    Elf64_Ehdr h = {.e_type = ET_EXEC, .e_machine = EM_RISCV,
                    .e_version = EV_CURRENT, .e_entry = 0x10000,
                    .e_shoff = sh_off, .e_ehsize = sizeof h,
                    .e_shentsize = sizeof(Elf64_Shdr), .e_shnum = 5,
                    .e_shstrndx = 4};
    memcpy(h.e_ident, ELFMAG, SELFMAG);
    h.e_ident[EI_CLASS] = ELFCLASS64;
    h.e_ident[EI_DATA] = ELFDATA2LSB;
    h.e_ident[EI_VERSION] = EV_CURRENT;
    memcpy(buf, &h, sizeof h);
    return off;
}

/* The file under test lives in memory (a memfd): thousands of damaged
 * copies are written, and a disk would make that slow. disas_file's
 * complaints go to another memfd, to be counted (and shown if it dies). */
static char path[64];
static int file_fd = -1, err_fd = -1;

static bool write_file(const uint8_t *buf, size_t len)
{
    return ftruncate(file_fd, 0) == 0 &&
           pwrite(file_fd, buf, len, 0) == (ssize_t)len;
}

/* Runs disas_file on the file, its listing into *out (if out). */
static int run(char **out)
{
    char *text_out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text_out, &len);
    fflush(stderr);
    int saved = dup(2);
    if (ftruncate(err_fd, 0) != 0 || lseek(err_fd, 0, SEEK_SET) != 0)
        CHECK(!"cannot reset the stderr memfd");
    dup2(err_fd, 2);
    int rc = disas_file(path, f);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(f);
    if (out)
        *out = text_out;
    else
        free(text_out);
    return rc;
}

/* What the last run wrote to stderr. */
static const char *errors(void)
{
    static char buf[8192];
    ssize_t n = pread(err_fd, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = 0;
    return buf;
}

static int lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static uint8_t image[4096];
static size_t image_len;

static bool setup(void)
{
    if (file_fd < 0)
        file_fd = memfd_create("hart-disas-test", MFD_CLOEXEC);
    if (err_fd < 0)
        err_fd = memfd_create("hart-disas-stderr", MFD_CLOEXEC);
    if (file_fd < 0 || err_fd < 0)
        return false;
    snprintf(path, sizeof path, "/proc/self/fd/%d", file_fd);
    image_len = build(image);
    return write_file(image, image_len);
}

TEST(disas_file_listing)
{
    if (!setup()) {
        CHECK(!"cannot make a memfd");
        return;
    }
    char *out, want[2048];
    CHECK_EQ(run(&out), 0);
    snprintf(want, sizeof want, expected, path);
    if (strcmp(out, want) != 0) {
        test_failures++;
        printf("  got:\n%s\n  want:\n%s\n", out, want);
    }
    free(out);
}

/* One damaged file: a listing, or exit status 1 and one line on stderr. */
static int try_file(const uint8_t *buf, size_t len)
{
    write_file(buf, len);
    int rc = run(NULL);
    if ((rc != 0 && rc != 1) || (rc == 1 && lines(errors()) != 1)) {
        test_failures++;
        printf("  %zu-byte file: status %d, stderr:\n%s", len, rc, errors());
    }
    return rc;
}

static void bad_input(void)
{
    /* Every truncation: a file cut inside its section headers or tables
     * is an error, never a crash. */
    for (size_t len = 0; len < image_len; len++)
        if (try_file(image, len) != 1 &&
            len < image_len - 5 * sizeof(Elf64_Shdr))
            CHECK(!"a file without all its section headers listed");
    /* Random damage to a few bytes at a time, seeded. */
    uint64_t r = 42;
    uint8_t copy[sizeof image];
    int ok = 0;
    for (int i = 0; i < 3000; i++) {
        memcpy(copy, image, image_len);
        for (int k = 0; k < 1 + i % 4; k++) {
            r = r * 6364136223846793005u + 1442695040888963407u;
            size_t at = (size_t)(r >> 33) % image_len;
            copy[at] = (uint8_t)(r >> 20);
        }
        ok += try_file(copy, image_len) == 0;
    }
    CHECK(ok > 0);    /* damage to code bytes alone still lists */
    CHECK(ok < 3000); /* and the error paths were taken */
    /* A directory and a missing file. */
    strcpy(path, "/tmp");
    CHECK_EQ(run(NULL), 1);
    strcpy(path, "/nonexistent/hart-disas");
    CHECK_EQ(run(NULL), 1);
}

/* In a child process, so that a crash (a sanitizer report) fails this
 * test with the report shown, rather than ending the whole run. */
TEST(disas_file_bad_input)
{
    if (!setup()) {
        CHECK(!"cannot make a memfd");
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        bad_input();
        fflush(stdout);
        _exit(test_failures ? 3 : 0); /* 3: failed checks, reported */
    }
    int status = 0;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        test_failures++;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 3) {
            printf("  the child died (status 0x%x); its last stderr:\n",
                   (unsigned)status);
            for (const char *s = errors(), *nl; *s; s = nl + 1) {
                nl = strchr(s, '\n');
                if (!nl)
                    nl = s + strlen(s) - 1;
                printf("    %.*s\n", (int)(nl - s), s);
            }
        }
    }
}
