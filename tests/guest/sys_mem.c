/* Memory system calls: anonymous and file mappings (shared and private,
 * with an offset), mprotect, munmap, brk, mremap, madvise, msync, and
 * their error cases. Prints what the program can observe, never an
 * address. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static void map_result(const char *what, void *p)
{
    if (p == MAP_FAILED)
        printf("%s: MAP_FAILED %s\n", what, strerror(errno));
    else
        printf("%s: ok aligned=%d\n", what, ((uintptr_t)p & (PAGE - 1)) == 0);
}

static unsigned sum(const unsigned char *p, size_t n)
{
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s = s * 31 + p[i];
    return s;
}

int main(void)
{
    /* Anonymous memory is zeroed, writable, and can be protected. */
    unsigned char *a = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    map_result("mmap anon", a);
    size_t zeros = 0;
    for (size_t i = 0; i < 3 * PAGE; i++)
        zeros += a[i] == 0;
    printf("zeroed: %d\n", zeros == 3 * PAGE);
    for (size_t i = 0; i < 3 * PAGE; i++)
        a[i] = (unsigned char)(i * 7);
    printf("sum: %u\n", sum(a, 3 * PAGE));
    result("mprotect ro", mprotect(a + PAGE, PAGE, PROT_READ));
    printf("still readable: %u\n", a[PAGE + 5]);
    result("mprotect rw", mprotect(a + PAGE, PAGE, PROT_READ | PROT_WRITE));
    a[PAGE + 5] = 1;
    result("mprotect unaligned", mprotect(a + 1, PAGE, PROT_READ));
    result("munmap middle", munmap(a + PAGE, PAGE));
    /* MAP_FIXED puts a fresh zero page back in the hole */
    unsigned char *f = mmap(a + PAGE, PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("fixed at hole: %d zero: %d\n", f == a + PAGE, f[5] == 0);
    printf("neighbours kept: %u %u\n", a[5], a[2 * PAGE + 5]);
    result("munmap all", munmap(a, 3 * PAGE));

    /* A file mapping, shared: stores reach the file. */
    char path[] = "/tmp/hart-guest-mem-XXXXXX";
    int fd = mkstemp(path);
    unsigned char buf[2 * PAGE];
    for (int i = 0; i < 2 * PAGE; i++)
        buf[i] = (unsigned char)(i % 251);
    result("write file", write(fd, buf, sizeof buf));
    unsigned char *s = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
                            fd, 0);
    map_result("mmap shared", s);
    printf("file bytes: %d %d %d\n", s[0], s[300], s[PAGE + 1]);
    memcpy(s + 100, "shared!", 7);
    result("msync", msync(s, 2 * PAGE, MS_SYNC));
    char back[8] = {0};
    pread(fd, back, 7, 100);
    printf("file sees: %s\n", back);
    /* private: stores stay in memory */
    unsigned char *pv = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE,
                             fd, PAGE);
    map_result("mmap private offset", pv);
    printf("offset byte: %d\n", pv[0]);
    pv[0] = 0xee;
    unsigned char one;
    pread(fd, &one, 1, PAGE);
    printf("file unchanged: %d\n", one == (unsigned char)(PAGE % 251));
    munmap(pv, PAGE);
    munmap(s, 2 * PAGE);
    /* Mapping past the end of the file works; reading there would fault. */
    pv = mmap(NULL, 4 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    map_result("mmap beyond eof", pv);
    munmap(pv, 4 * PAGE);
    result("mmap unaligned offset",
           (long)mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 100));
    close(fd);
    unlink(path);

    /* Errors */
    map_result("mmap len 0",
               mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    map_result("mmap bad fd", mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0));
    map_result("mmap no type",
               mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0));
    result("munmap unaligned", munmap((void *)1, PAGE));

    /* brk grows and shrinks the heap */
    char *b0 = sbrk(0);
    char *b1 = sbrk(100000);
    printf("sbrk: old break returned %d\n", b0 == b1);
    memset(b1, 0x5a, 100000);
    printf("heap usable: %d\n", b1[99999] == 0x5a);
    printf("break moved: %ld\n", (long)((char *)sbrk(0) - b0));
    result("brk back", brk(b0));
    printf("break restored: %d\n", sbrk(0) == b0);

    /* mremap keeps the contents when growing and moving */
    unsigned char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int i = 0; i < 2 * PAGE; i++)
        m[i] = (unsigned char)(i ^ 0x55);
    unsigned before = sum(m, 2 * PAGE);
    unsigned char *g = mremap(m, 2 * PAGE, 64 * PAGE, MREMAP_MAYMOVE);
    map_result("mremap grow", g);
    printf("contents kept: %d tail zero: %d\n", sum(g, 2 * PAGE) == before,
           g[64 * PAGE - 1] == 0);
    g[64 * PAGE - 1] = 1;
    unsigned char *sh = mremap(g, 64 * PAGE, PAGE, 0);
    printf("mremap shrink in place: %d\n", sh == g);
    map_result("mremap bad flags", mremap(sh, PAGE, 2 * PAGE, 0x100));
    munmap(sh, PAGE);

    /* MADV_DONTNEED on private anonymous memory gives zero pages back */
    unsigned char *z = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(z, 0xff, PAGE);
    result("madvise", madvise(z, PAGE, MADV_DONTNEED));
    printf("zero after dontneed: %d\n", z[123] == 0);
    munmap(z, PAGE);

    /* A large malloc (mmap inside libc) */
    size_t big = 16u << 20;
    unsigned char *h = malloc(big);
    memset(h, 3, big);
    printf("big malloc: %d\n", h[big - 1] == 3);
    free(h);
    return 0;
}
