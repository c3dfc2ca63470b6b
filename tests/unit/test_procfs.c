/* linux/procfs.c and the "#!" chain of linux/sys_exec.c: the files hart
 * builds for /proc (maps in Linux's format, cmdline and environ from the
 * guest's string areas, cpuinfo), how they are opened, the exe link with
 * a sysroot, and exec_follow_scripts on scripts written here. The names
 * start with sys_ to run after the space tests, which reset the space
 * (and with it sys_testlib's area). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux/exec.h"
#include "linux/process.h"
#include "linux/procfs.h"
#include "sys_testlib.h"
#include "test.h"

#define FDCWD ((uint64_t)(int64_t)GUEST_AT_FDCWD)

/* The generated text of a /proc file (malloc'd), or NULL. */
static char *generate(const char *leaf)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    bool ok = procfs_generate(leaf, f);
    fclose(f);
    if (!ok) {
        free(text);
        return NULL;
    }
    return text;
}

/* The maps line of the mapping that starts at addr. */
static const char *line_of(const char *maps, uint64_t addr, char *buf,
                           size_t size)
{
    char start[32];
    snprintf(start, sizeof start, "%08llx-", (unsigned long long)addr);
    const char *p = strstr(maps, start);
    if (!p)
        return "";
    snprintf(buf, size, "%.*s", (int)strcspn(p, "\n"), p);
    return buf;
}

TEST(sys_procfs_maps_format)
{
    uint64_t m = stl_area();
    CHECK_EQ(space_set_name(m, 4096, "[anon:procfs test]"), 0);
    char *maps = generate("maps");
    char buf[256];
    const char *named = line_of(maps, m, buf, sizeof buf);
    /* Linux's show_map_vma: the name from column 74 (index 73). */
    CHECK(strlen(named) > 73 && !strcmp(named + 73, "[anon:procfs test]"));
    CHECK(strstr(named, " rw-p 00000000 00:00 0 ") != NULL);
    CHECK(named[72] == ' ');
    const char *plain = line_of(maps, m + 4096, buf, sizeof buf);
    /* Unnamed: ends with the inode and a blank. */
    size_t n = strlen(plain);
    CHECK(n > 3 && !strcmp(plain + n - 3, " 0 "));
    free(maps);
    CHECK_EQ(space_set_name(m, 4096, NULL), 0);
}

TEST(sys_procfs_cmdline_environ)
{
    uint64_t m = stl_area();
    memcpy(g2h(m), "prog\0a b\0\0X=1\0Y=\0", 18);
    struct process saved = proc;
    proc.arg_start = m;
    proc.arg_end = m + 10;
    proc.env_end = m + 18;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CHECK(procfs_generate("cmdline", f));
    fclose(f);
    CHECK_EQ(len, 10);
    CHECK(!memcmp(text, "prog\0a b\0\0", 10));
    free(text);
    f = open_memstream(&text, &len);
    CHECK(procfs_generate("environ", f));
    fclose(f);
    CHECK_EQ(len, 8);
    CHECK(!memcmp(text, "X=1\0Y=\0", 8));
    free(text);
    /* Through openat, as a guest opens it. */
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/cmdline", (int)getpid());
    uint64_t p = stl_put_str(m + 100, path);
    int64_t fd = SYS4(GUEST_NR_openat, FDCWD, p, O_RDONLY, 0);
    CHECK(fd >= 0);
    CHECK_EQ(SYS3(GUEST_NR_read, fd, m + 200, 100), 10);
    CHECK(!memcmp(g2h(m + 200), "prog\0a b\0\0", 10));
    SYS1(GUEST_NR_close, fd);
    CHECK_EQ(SYS4(GUEST_NR_openat, FDCWD, p, O_WRONLY, 0), -EACCES);
    proc = saved;
}

TEST(sys_procfs_cpuinfo)
{
    char *info = generate("../cpuinfo");
    CHECK(info != NULL);
    int entries = 0;
    for (const char *p = info; (p = strstr(p, "processor\t: ")); p++)
        entries++;
    CHECK_EQ(entries, sysconf(_SC_NPROCESSORS_ONLN));
    CHECK(strstr(info, "\nisa\t\t: rv64imafdc_zicsr_zifencei_zba_zbb_zbs_zicond\n"));
    CHECK(strstr(info, "\nmmu\t\t: sv39\n"));
    free(info);
    CHECK(!strcmp(sys_proc_self("/proc/cpuinfo"), "../cpuinfo"));
    CHECK(generate("status") == NULL); /* the host's serves */
    uint64_t m = stl_area();
    uint64_t p = stl_put_str(m, "/proc/cpuinfo");
    int64_t fd = SYS4(GUEST_NR_openat, FDCWD, p, O_RDONLY, 0);
    CHECK(fd >= 0);
    CHECK(SYS3(GUEST_NR_read, fd, m + 100, 4000) > 0);
    CHECK(strstr(g2h(m + 100), "isa\t\t: rv64") != NULL);
    SYS1(GUEST_NR_close, fd);
}

TEST(sys_procfs_exe_in_sysroot)
{
    struct process saved = proc;
    const char *dir = stl_tmpdir();
    char sub[256], prog[256];
    snprintf(sub, sizeof sub, "%s/bin", dir);
    snprintf(prog, sizeof prog, "%s/bin/prog", dir);
    CHECK(mkdir(sub, 0755) == 0);
    int fd = open(prog, O_WRONLY | O_CREAT, 0755);
    CHECK(fd >= 0 && write(fd, "sysroot prog", 12) == 12);
    close(fd);
    proc.sysroot = dir;
    proc.exe_path = prog;
    /* The guest's name for it: the sysroot's own path. */
    CHECK(!strcmp(procfs_exe_link(), "/bin/prog"));
    uint64_t m = stl_area();
    uint64_t p = stl_put_str(m, "/proc/self/exe");
    CHECK_EQ(SYS4(GUEST_NR_readlinkat, FDCWD, p, m + 100, 100), 9);
    CHECK(!memcmp(g2h(m + 100), "/bin/prog", 9));
    int64_t g = SYS4(GUEST_NR_openat, FDCWD, p, O_RDONLY, 0);
    CHECK(g >= 0);
    CHECK_EQ(SYS3(GUEST_NR_read, g, m + 200, 100), 12);
    SYS1(GUEST_NR_close, g);
    proc = saved;
    stl_rmtree(dir);
}

static void put_script(const char *path, const char *text, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    CHECK(fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    CHECK(chmod(path, mode) == 0);
}

/* Follows name with argv {"argv0", "x"}; returns the result and leaves
 * the words, joined by '|', in words. */
static int follow(const char *name, char *words, size_t size)
{
    char argv0[] = "argv0", x[] = "x";
    char *argv[] = {argv0, x, NULL};
    struct exec_chain c;
    int r = exec_follow_scripts(&c, name, 2, argv);
    words[0] = '\0';
    if (!r)
        for (int i = 0; i < c.argc; i++)
            snprintf(words + strlen(words), size - strlen(words), "%s%s",
                     i ? "|" : "", c.argv[i]);
    exec_chain_free(&c);
    return r;
}

TEST(sys_exec_scripts)
{
    const char *dir = stl_tmpdir();
    char a[256], b[256], bin[256], words[1024], line[1024];
    snprintf(bin, sizeof bin, "%s/bin", dir);
    put_script(bin, "\177ELF not really", 0755);
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    snprintf(line, sizeof line, "#! %s  one  two \t\nbody\n", bin);
    put_script(a, line, 0755);
    CHECK_EQ(follow(a, words, sizeof words), 0);
    snprintf(line, sizeof line, "%s|one  two|%s|x", bin, a);
    CHECK(!strcmp(words, line));
    /* Nested: b runs a, which runs bin. */
    snprintf(line, sizeof line, "#!%s\n", a);
    put_script(b, line, 0755);
    CHECK_EQ(follow(b, words, sizeof words), 0);
    snprintf(line, sizeof line, "%s|one  two|%s|%s|x", bin, a, b);
    CHECK(!strcmp(words, line));
    /* Not a script: nothing changes. */
    CHECK_EQ(follow(bin, words, sizeof words), 0);
    CHECK(!strcmp(words, "argv0|x"));
    /* Errors. */
    put_script(a, "#!\t \n", 0755);
    CHECK_EQ(follow(a, words, sizeof words), -ENOEXEC);
    put_script(a, "#!/no/such/file\n", 0755);
    CHECK_EQ(follow(a, words, sizeof words), -ENOENT);
    snprintf(line, sizeof line, "#!%s\n", bin);
    put_script(a, line, 0644);
    CHECK_EQ(follow(a, words, sizeof words), -EACCES);
    snprintf(line, sizeof line, "#!%s\n", b);
    put_script(a, line, 0755); /* a -> b -> a -> ... */
    CHECK_EQ(follow(a, words, sizeof words), -ELOOP);
    /* 256 bytes without a newline: the name must end inside them. */
    memset(line, 'n', sizeof line);
    memcpy(line, "#!/", 3);
    line[300] = '\0';
    put_script(a, line, 0755);
    CHECK_EQ(follow(a, words, sizeof words), -ENOEXEC);
    line[200] = ' ';
    put_script(a, line, 0755);
    CHECK_EQ(follow(a, words, sizeof words), -ENOENT); /* parsed, missing */
    CHECK_EQ(follow("/no/such/program", words, sizeof words), -ENOENT);
    stl_rmtree(dir);
}
