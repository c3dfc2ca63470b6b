/* Files through stdio and POSIX in the (empty, private) working directory:
 * write, read back, seek and tell, append, rename, remove, directories and
 * their listings, errors with their errno, temporary files. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        printf("opendir %s: %s\n", dir, strerror(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    printf("%s:", dir);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void)
{
    enum { SIZE = 200000 };
    unsigned char *data = malloc(SIZE), *back = malloc(SIZE);
    for (int i = 0; i < SIZE; i++)
        data[i] = (unsigned char)(i * 131 + (i >> 9));

    if (mkdir("dir", 0755) || mkdir("dir/sub", 0700)) {
        perror("mkdir");
        return 1;
    }
    printf("mkdir again: %d %s\n", mkdir("dir", 0755), strerror(errno));
    FILE *f = fopen("dir/data.bin", "wb");
    size_t w = fwrite(data, 1, SIZE, f);
    printf("fwrite %zu, ftell %ld, fclose %d\n", w, ftell(f), fclose(f));

    struct stat st;
    stat("dir/data.bin", &st);
    printf("size %lld regular %d dir %d\n", (long long)st.st_size, S_ISREG(st.st_mode),
           S_ISDIR(st.st_mode));

    f = fopen("dir/data.bin", "rb");
    size_t r = fread(back, 1, SIZE, f);
    printf("fread %zu equal %d eof %d\n", r, !memcmp(data, back, SIZE), feof(f) != 0);
    long offsets[] = {0, 1, 4095, 4096, 4097, 65536, 123457, SIZE - 1};
    for (unsigned i = 0; i < sizeof offsets / sizeof *offsets; i++) {
        fseek(f, offsets[i], SEEK_SET);
        int c = fgetc(f);
        printf("at %ld: %d (want %d) tell %ld\n", offsets[i], c, data[offsets[i]], ftell(f));
    }
    fseek(f, -10, SEEK_END);
    printf("SEEK_END-10 tell %ld\n", ftell(f));
    fseek(f, -5, SEEK_CUR);
    printf("SEEK_CUR-5 tell %ld getc %d\n", ftell(f), fgetc(f));
    printf("fseek past start %d\n", fseek(f, -1, SEEK_SET));
    rewind(f);
    unsigned char chunk[1000];
    unsigned long sum = 0;
    while ((r = fread(chunk, 1, sizeof chunk - 7, f)) > 0)
        for (size_t i = 0; i < r; i++)
            sum = sum * 33 + chunk[i];
    printf("chunked sum %lu\n", sum);
    fclose(f);

    /* Text, append, read-modify-write. */
    f = fopen("dir/text.txt", "w");
    for (int i = 0; i < 5; i++)
        fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
    fclose(f);
    f = fopen("dir/text.txt", "a");
    fputs("appended\n", f);
    fclose(f);
    f = fopen("dir/text.txt", "r+");
    fseek(f, 5, SEEK_SET);
    fputc('X', f);
    fseek(f, 0, SEEK_SET);
    char line[100];
    while (fgets(line, sizeof line, f))
        printf("> %s", line);
    fclose(f);
    f = fopen("dir/text.txt", "r");
    int num;
    char word[16];
    if (fscanf(f, "line %d: %15s", &num, word) == 2)
        printf("fscanf %d %s\n", num, word);
    ungetc('Q', f);
    printf("after ungetc %c\n", fgetc(f));
    fclose(f);

    /* Low-level I/O. */
    int fd = open("dir/sub/raw", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("write %zd lseek %lld\n", write(fd, "hello, world\n", 13),
           (long long)lseek(fd, 100, SEEK_SET));
    printf("write at 100: %zd\n", write(fd, "end", 3));
    close(fd);
    fd = open("dir/sub/raw", O_RDONLY);
    char buf[200];
    ssize_t got = read(fd, buf, sizeof buf);
    int zeros = 0;
    for (ssize_t i = 13; i < 100 && i < got; i++)
        zeros += buf[i] == 0;
    printf("read %zd, hole zeros %d, tail %.3s\n", got, zeros, buf + 100);
    printf("pread %zd %.5s\n", pread(fd, buf, 5, 7), buf);
    close(fd);
    truncate("dir/sub/raw", 5);
    stat("dir/sub/raw", &st);
    printf("truncated to %lld\n", (long long)st.st_size);

    list("dir");
    printf("rename %d\n", rename("dir/data.bin", "dir/sub/moved.bin"));
    printf("rename missing %d %s\n", rename("dir/nothing", "dir/x"), strerror(errno));
    list("dir");
    list("dir/sub");
    printf("open missing %p %s\n", (void *)fopen("nope/none", "r"), strerror(errno));
    printf("rmdir non-empty %d %s\n", rmdir("dir/sub"), strerror(errno));
    printf("remove %d %d %d\n", remove("dir/sub/moved.bin"), remove("dir/sub/raw"),
           remove("dir/text.txt"));
    printf("remove dirs %d %d\n", remove("dir/sub"), rmdir("dir"));
    printf("access gone %d %s\n", access("dir", F_OK), strerror(errno));
    list(".");

    FILE *t = tmpfile();
    fprintf(t, "%d %s", 12345, "tmp");
    rewind(t);
    int v;
    char s[8];
    printf("tmpfile %d", fscanf(t, "%d %7s", &v, s));
    printf(" %d %s\n", v, s);
    fclose(t);
    char *cwd = getcwd(NULL, 0);
    printf("cwd is absolute %d\n", cwd && cwd[0] == '/');
    free(cwd);
    free(data);
    free(back);
    return 0;
}
