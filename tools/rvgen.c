/* rvgen: random riscv64 test programs (src/gen/) and differential runs of
 * them under hart and a reference (qemu-riscv64). A program that behaves
 * differently is shrunk, by replacing its instruction groups with nops for
 * as long as the difference stays, and reported disassembled with both final
 * states side by side. See usage[] for the commands. */
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "gen/prog.h"
#include "gen/run.h"
#include "rv/decode.h"

static const char usage[] =
    "usage: rvgen [OPTIONS] SEED OUT.elf   write the program of SEED\n"
    "       rvgen [OPTIONS] show SEED      list the program of SEED\n"
    "       rvgen [OPTIONS] check SEED     run SEED differentially; shrink\n"
    "                                      and report a difference\n"
    "       rvgen [OPTIONS] run FIRST COUNT  run seeds FIRST.. in batches:\n"
    "                                      one PASS/FAIL line per batch\n"
    "       rvgen [OPTIONS] fuzz           random seeds until stopped\n"
    "Options:\n"
    "  -n LEN          random items per program (default 150)\n"
    "  -m CLASS=W,...  the mix: weights of item classes, others get 0 (alu\n"
    "                  calu li mem cmem amo lrsc fp fconst fcsr branch jump\n"
    "                  loop cond fence smc)\n"
    "  --fault         end in a fault (SIGILL, SIGBUS, SIGSEGV, SIGTRAP) that\n"
    "                  a handler reports with the signal frame's state\n"
    "  --repeat N      run the whole body N times (for translators)\n"
    "  --ref           (SEED OUT.elf) write the reference version\n"
    "  --hart CMD      the emulator under test (default $HART_REL, $HART,\n"
    "                  o/rel/hart)\n"
    "  --qemu CMD      the reference (default qemu-riscv64)\n"
    "  --same-image    give the reference hart's version of the programs\n"
    "                  (to compare hart with itself, e.g. --jit=off)\n"
    "  -j N            parallel runs (default 2)\n"
    "  --batch N       seeds per PASS/FAIL line (default 250)\n"
    "  --timeout S     seconds per guest run (default 10)\n"
    "  --no-shrink     report differences without shrinking them\n"
    "  --keep DIR      save shrunk differing programs in DIR (default o/random)\n"
    "  --name NAME     name of the PASS/FAIL lines (default random)\n"
    "  --seconds S     (fuzz) stop after S seconds\n"
    "  --seed S        (fuzz) first seed (default from the clock)\n";

struct config {
    struct gen_options opt;
    const char *mix;
    const char *hart, *qemu, *keep, *name;
    double timeout, seconds;
    unsigned jobs, batch;
    bool shrink, ref, same_image;
    uint64_t seed;
    bool have_seed;
};

static char workdir[256];

static void die(const char *what)
{
    fprintf(stderr, "rvgen: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f))
        die(path);
    chmod(path, 0755);
}

static void mkdir_p(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0755);
            *p = '/';
        }
    if (mkdir(path, 0755) && errno != EEXIST)
        die(path);
}

static void make_workdir(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(workdir, sizeof workdir, "%s/rvgen.XXXXXX", tmp ? tmp : "/tmp");
    if (!mkdtemp(workdir))
        die("mkdtemp");
}

static void remove_workdir(void)
{
    char path[300];
    snprintf(path, sizeof path, "%s/hart.elf", workdir);
    unlink(path);
    snprintf(path, sizeof path, "%s/ref.elf", workdir);
    unlink(path);
    rmdir(workdir);
}

/* Runs both versions of a program; returns whether the results differ. */
static bool run_pair(const struct config *cfg, const struct gen_prog *p,
                     const uint8_t *removed, struct gen_result *h,
                     struct gen_result *q)
{
    char hp[300], qp[300];
    size_t size;
    snprintf(hp, sizeof hp, "%s/hart.elf", workdir);
    snprintf(qp, sizeof qp, "%s/ref.elf", workdir);
    uint8_t *img = gen_elf(p, false, removed, &size);
    write_file(hp, img, size);
    free(img);
    img = gen_elf(p, !cfg->same_image, removed, &size);
    write_file(qp, img, size);
    free(img);
    gen_run(cfg->hart, hp, cfg->timeout, h);
    gen_run(cfg->qemu, qp, cfg->timeout, q);
    return !gen_result_equal(h, q);
}

static uint64_t dump_word(const struct gen_result *r, size_t index)
{
    uint64_t v;
    memcpy(&v, r->out + 8 * index, 8);
    return v;
}

/* Whether the reference did what every generated program does; if not, the
 * generator (or the reference) is broken, not hart. */
static bool ref_sane(const struct gen_prog *p, const struct gen_result *q)
{
    if (q->status || q->len != GEN_DUMP_SIZE)
        return false;
    return (uint64_t)p->expect_signal ==
           dump_word(q, offsetof(struct gen_dump, sig) / 8);
}

/* Delta debugging over shrink units: removes ever smaller runs of units
 * while the two runs still end the same two ways and still differ. */
static void shrink(const struct config *cfg, const struct gen_prog *p,
                   uint8_t *removed, int hstatus, int qstatus)
{
    unsigned n = p->nunits, chunk = n > 1 ? n / 2 : 1;
    uint8_t *saved = malloc(n ? n : 1);
    for (;;) {
        bool changed = false;
        for (unsigned start = 0; start < n; start += chunk) {
            memcpy(saved, removed, n);
            bool any = false;
            for (unsigned u = start; u < start + chunk && u < n; u++)
                if (!removed[u])
                    removed[u] = 1, any = true;
            if (!any)
                continue;
            struct gen_result h, q;
            bool differ = run_pair(cfg, p, removed, &h, &q);
            if (differ && h.status == hstatus && q.status == qstatus)
                changed = true;
            else
                memcpy(removed, saved, n);
            gen_result_free(&h);
            gen_result_free(&q);
        }
        if (chunk == 1 && !changed)
            break;
        if (chunk > 1)
            chunk /= 2;
    }
    free(saved);
}

static void disasm(uint32_t word, uint64_t pc, char *buf, size_t size)
{
    struct rv_insn in;
    rv_decode(word, &in);
    rv_disasm(&in, pc, buf, size);
}

/* Lists the slots of the body that are still there (all, without removed). */
static void list_program(FILE *f, const struct gen_prog *p,
                         const uint8_t *removed, bool body_only)
{
    for (size_t i = 0; i < p->nslots; i++) {
        const struct gen_slot *s = &p->slot[i];
        if ((body_only && s->unit < 0) || (removed && s->unit >= 0 &&
                                           removed[s->unit]))
            continue;
        char text[96], hex[12];
        uint64_t pc = gen_slot_addr(p, i);
        disasm(s->word, pc, text, sizeof text);
        snprintf(hex, sizeof hex, s->len == 2 ? "    %04x" : "%08x", s->word);
        fprintf(f, "  %6llx:  %s  %s", (unsigned long long)pc, hex, text);
        if (s->ref != s->word) {
            disasm(s->ref, pc, text, sizeof text);
            fprintf(f, "    (reference runs: %s)", text);
        }
        fprintf(f, "\n");
    }
}


/* Initial value of register slot i of the dump (0-31 x, 32-63 f). */
static uint64_t initial(const struct gen_prog *p, unsigned i)
{
    uint64_t scratch = GEN_DATA_BASE + offsetof(struct gen_dump, scratch);
    if (i == 2)
        return scratch + 1024;
    if (i == 31)
        return scratch + 2048;
    return p->pool[i];
}

/* Marks in used[] (0-31 x, 32-63 f) the registers the program still
 * names. */
static void mark_used(const struct gen_prog *p, const uint8_t *removed,
                      bool *used)
{
    for (size_t i = 0; i < p->nslots; i++) {
        const struct gen_slot *s = &p->slot[i];
        if (s->unit < 0 || removed[s->unit])
            continue;
        struct rv_insn in;
        rv_decode(s->word, &in);
        const uint8_t reg[4] = {in.rd, in.rs1, in.rs2, in.rs3};
        for (int k = 0; k < 4; k++) {
            enum rv_regfile rf = rv_regfile(in.op, k);
            if (rf != RV_REG_NONE)
                used[reg[k] + (rf == RV_REG_F ? 32 : 0)] = true;
        }
    }
}

/* The final states side by side: the registers that differ (marked) and
 * those the program names; fcsr; the scratch bytes that differ. */
static void print_states(FILE *f, const struct gen_prog *p,
                         const uint8_t *removed, const struct gen_result *h,
                         const struct gen_result *q)
{
    bool used[64] = {0};
    unsigned same = 0;
    mark_used(p, removed, used);
    fprintf(f, "  %-5s %-18s %-18s %-18s\n", "reg", "initial", "hart", "ref");
    for (unsigned i = 1; i < 65; i++) {
        uint64_t hv = dump_word(h, i), qv = dump_word(q, i);
        const char *name = i < 32 ? rv_xreg_name[i] : i < 64 ?
                           rv_freg_name[i - 32] : "fcsr";
        if (i == 31 || (hv == qv && i < 64 && !used[i])) {
            same += i != 31;
            continue;
        }
        char init[20] = "-";
        if (i < 64)
            snprintf(init, sizeof init, "%016llx",
                     (unsigned long long)initial(p, i));
        fprintf(f, "  %-5s %-18s %016llx   %016llx%s\n", name, init,
                (unsigned long long)hv, (unsigned long long)qv,
                hv != qv ? "   <-- differs" : "");
    }
    static const char *const sig_names[] = {"signal", "si_code", "si_addr",
                                            "pc"};
    for (unsigned i = 0; i < 4; i++) {
        size_t w = offsetof(struct gen_dump, sig) / 8 + i;
        uint64_t hv = dump_word(h, w), qv = dump_word(q, w);
        if (p->expect_signal || hv != qv)
            fprintf(f, "  %-7s %-16s %016llx   %016llx%s\n", sig_names[i], "-",
                    (unsigned long long)hv, (unsigned long long)qv,
                    hv != qv ? "   <-- differs" : "");
    }
    fprintf(f, "  (%u other registers are equal)\n", same);
    size_t base = offsetof(struct gen_dump, scratch), ndiff = 0;
    size_t end = base + GEN_SCRATCH_SIZE;
    for (size_t i = base; i < end; i++)
        ndiff += h->out[i] != q->out[i];
    fprintf(f, "  scratch buffer: %zu bytes differ\n", ndiff);
    for (size_t i = base, shown = 0; i < end && shown < 8; i++)
        if (h->out[i] != q->out[i]) {
            fprintf(f, "    offset %4zu: hart %02x, ref %02x\n", i - base,
                    h->out[i], q->out[i]);
            shown++;
        }
}

static void print_result(FILE *f, const char *who, const struct gen_result *r)
{
    char st[64];
    fprintf(f, "  %s: %s, %zu bytes of output%s", who,
            gen_status_text(r->status, st, sizeof st), r->len,
            r->err[0] ? "; stderr:\n" : "\n");
    for (const char *line = r->err; *line;) {
        size_t len = strcspn(line, "\n");
        fprintf(f, "    %.*s\n", (int)len, line);
        line += len + (line[len] == '\n');
    }
}

/* Shrinks (when asked) and reports a seed whose runs differ. */
static void report(FILE *f, const struct config *cfg, uint64_t seed,
                   const struct gen_prog *p, struct gen_result *h,
                   struct gen_result *q)
{
    uint8_t *removed = calloc(p->nunits ? p->nunits : 1, 1);
    int hs = h->status, qs = q->status;
    if (cfg->shrink && ref_sane(p, q)) {
        shrink(cfg, p, removed, hs, qs);
        gen_result_free(h);
        gen_result_free(q);
        run_pair(cfg, p, removed, h, q);
    }
    unsigned left = 0;
    for (unsigned u = 0; u < p->nunits; u++)
        left += !removed[u];
    char repeat[32] = "";
    if (cfg->opt.repeat > 1)
        snprintf(repeat, sizeof repeat, " --repeat %u", cfg->opt.repeat);
    fprintf(f, "  seed %llu: hart and the reference differ (rvgen -n %u%s%s%s%s "
            "%llu prog.elf)\n", (unsigned long long)seed, cfg->opt.length,
            cfg->mix ? " -m " : "", cfg->mix ? cfg->mix : "",
            cfg->opt.fault ? " --fault" : "", repeat,
            (unsigned long long)seed);
    fprintf(f, "  hart is \"%s\"; the reference is \"%s\"%s\n", cfg->hart,
            cfg->qemu, cfg->same_image ? " (on hart's version)" : "");
    if (!ref_sane(p, q))
        fprintf(f, "  the reference itself misbehaved: a generator bug?\n");
    print_result(f, "hart", h);
    print_result(f, "ref ", q);
    fprintf(f, "  %s program (%u of %u groups; prologue and epilogue not "
            "shown):\n", cfg->shrink ? "shrunk" : "whole", left, p->nunits);
    list_program(f, p, removed, true);
    if (h->len == GEN_DUMP_SIZE && q->len == GEN_DUMP_SIZE)
        print_states(f, p, removed, h, q);
    if (cfg->keep) {
        char path[512];
        size_t size;
        mkdir_p(cfg->keep);
        for (int ref = 0; ref < 2; ref++) {
            snprintf(path, sizeof path, "%s/seed-%llu%s.elf", cfg->keep,
                     (unsigned long long)seed, ref ? ".ref" : "");
            uint8_t *img = gen_elf(p, ref, removed, &size);
            write_file(path, img, size);
            free(img);
        }
        fprintf(f, "  saved as %s/seed-%llu.elf (and .ref.elf for qemu)\n",
                cfg->keep, (unsigned long long)seed);
    }
    free(removed);
}

/* Runs one seed; returns 0 if both agree, else 1 (reporting to f if given). */
static int check_seed(const struct config *cfg, uint64_t seed, FILE *f)
{
    struct gen_prog p;
    struct gen_result h, q;
    gen_program(seed, &cfg->opt, &p);
    bool differ = run_pair(cfg, &p, NULL, &h, &q) || !ref_sane(&p, &q);
    if (differ && f)
        report(f, cfg, seed, &p, &h, &q);
    gen_result_free(&h);
    gen_result_free(&q);
    gen_free(&p);
    return differ;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One batch: a PASS line, or a FAIL line with the seeds that differ and a
 * report of the first. */
static void run_batch(const struct config *cfg, uint64_t first, uint64_t n,
                      FILE *f)
{
    char *detail;
    size_t dlen;
    FILE *d = open_memstream(&detail, &dlen);
    unsigned fails = 0;
    for (uint64_t s = first; s < first + n; s++)
        if (check_seed(cfg, s, fails ? NULL : d)) {
            if (!fails)
                fprintf(d, "  differing seeds:");
            fails++;
            fprintf(d, " %llu", (unsigned long long)s);
        }
    fclose(d);
    fprintf(f, "%s %s-%llu-%llu\n", fails ? "FAIL" : "PASS", cfg->name,
            (unsigned long long)first, (unsigned long long)(first + n - 1));
    if (fails) {
        /* The seed list went after the report: put it first. */
        char *list = strstr(detail, "  differing seeds:");
        fprintf(f, "%s\n", list);
        fprintf(f, "%.*s", (int)(list - detail), detail);
    }
    free(detail);
}

static int cmd_run(const struct config *cfg, uint64_t first, uint64_t count)
{
    uint64_t nbatch = (count + cfg->batch - 1) / cfg->batch;
    double start = now();
    char dir[300];
    snprintf(dir, sizeof dir, "%s", workdir);
    for (unsigned w = 0; w < cfg->jobs; w++) {
        pid_t pid = fork();
        if (pid < 0)
            die("fork");
        if (pid)
            continue;
        make_workdir();
        for (uint64_t b = w; b < nbatch; b += cfg->jobs) {
            char path[400], tmp[410];
            snprintf(path, sizeof path, "%s/batch-%llu", dir,
                     (unsigned long long)b);
            snprintf(tmp, sizeof tmp, "%s.tmp", path);
            FILE *f = fopen(tmp, "w");
            if (!f)
                die(tmp);
            uint64_t s = first + b * cfg->batch;
            run_batch(cfg, s, count - b * cfg->batch < cfg->batch ?
                      count - b * cfg->batch : cfg->batch, f);
            if (fclose(f) || rename(tmp, path))
                die(path);
        }
        remove_workdir();
        _exit(0);
    }
    while (wait(NULL) > 0)
        ;
    int fails = 0;
    for (uint64_t b = 0; b < nbatch; b++) {
        char path[400], line[4096];
        snprintf(path, sizeof path, "%s/batch-%llu", dir, (unsigned long long)b);
        FILE *f = fopen(path, "r");
        if (!f) {
            printf("FAIL %s-batch-%llu: no result (worker died)\n",
                   cfg->name, (unsigned long long)b);
            snprintf(path, sizeof path, "%s/batch-%llu.tmp", dir,
                     (unsigned long long)b);
            unlink(path);
            fails++;
            continue;
        }
        while (fgets(line, sizeof line, f)) {
            fails += !strncmp(line, "FAIL ", 5);
            fputs(line, stdout);
        }
        fclose(f);
        unlink(path);
    }
    double t = now() - start;
    fflush(stdout);
    fprintf(stderr, "rvgen: %llu programs in %.1f s (%.0f/s), %d of %llu "
            "batches differ\n", (unsigned long long)count, t,
            (double)count / t, fails, (unsigned long long)nbatch);
    return fails != 0;
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

struct fuzz_counts {
    _Atomic unsigned long long done, differ;
};

static int cmd_fuzz(const struct config *cfg)
{
    uint64_t base = cfg->have_seed ? cfg->seed :
                    (uint64_t)time(NULL) * 1000003u ^ (uint64_t)getpid() << 32;
    struct fuzz_counts *c = mmap(NULL, sizeof *c, PROT_READ | PROT_WRITE,
                                 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (c == MAP_FAILED)
        die("mmap");
    fprintf(stderr, "rvgen fuzz: seeds from %llu, %u jobs; reports in %s/\n",
            (unsigned long long)base, cfg->jobs, cfg->keep);
    mkdir_p(cfg->keep);
    pid_t *kids = calloc(cfg->jobs, sizeof *kids);
    for (unsigned w = 0; w < cfg->jobs; w++) {
        kids[w] = fork();
        if (kids[w] < 0)
            die("fork");
        if (kids[w])
            continue;
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        make_workdir();
        for (uint64_t s = base + w; !stop; s += cfg->jobs) {
            char path[512];
            snprintf(path, sizeof path, "%s/seed-%llu.txt", cfg->keep,
                     (unsigned long long)s);
            FILE *f = fopen(path, "w");
            if (!f)
                die(path);
            int differ = check_seed(cfg, s, f);
            fclose(f);
            if (stop) { /* the run may have been cut short */
                unlink(path);
                break;
            }
            if (differ) {
                c->differ++;
                fprintf(stderr, "\nrvgen fuzz: seed %llu differs: %s\n",
                        (unsigned long long)s, path);
            } else {
                unlink(path);
            }
            c->done++;
        }
        remove_workdir();
        _exit(0);
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    double start = now();
    while (!stop && (cfg->seconds <= 0 || now() - start < cfg->seconds)) {
        usleep(1000000);
        double t = now() - start;
        fprintf(stderr, "\rfuzz: %llu programs, %.0f programs/s, %llu "
                "divergences, %.0f s   ", c->done, (double)c->done / t,
                c->differ, t);
    }
    for (unsigned w = 0; w < cfg->jobs; w++)
        kill(kids[w], SIGTERM);
    while (wait(NULL) > 0)
        ;
    fprintf(stderr, "\nrvgen fuzz: %llu programs, %llu divergences\n",
            c->done, c->differ);
    return c->differ != 0;
}

static int cmd_write(const struct config *cfg, const char *seed,
                     const char *out)
{
    struct gen_prog p;
    size_t size;
    gen_program(strtoull(seed, NULL, 0), &cfg->opt, &p);
    uint8_t *img = gen_elf(&p, cfg->ref, NULL, &size);
    write_file(out, img, size);
    free(img);
    gen_free(&p);
    return 0;
}

static const char *default_hart(void)
{
    const char *h = getenv("HART_REL");
    if (!h || !*h)
        h = getenv("HART");
    return h && *h ? h : "o/rel/hart";
}

int main(int argc, char **argv)
{
    struct config cfg = {.qemu = "qemu-riscv64", .keep = "o/random",
                         .name = "random",
                         .timeout = 10, .jobs = 2, .batch = 250,
                         .shrink = true};
    gen_default_options(&cfg.opt);
    cfg.hart = default_hart();
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool arg = true;
        if (!strcmp(a, "-n") && v)
            cfg.opt.length = (unsigned)strtoul(v, NULL, 0);
        else if (!strcmp(a, "-m") && v) {
            cfg.mix = v;
            if (!gen_parse_mix(&cfg.opt, v))
                return 2;
        } else if (!strcmp(a, "--hart") && v)
            cfg.hart = v;
        else if (!strcmp(a, "--qemu") && v)
            cfg.qemu = v;
        else if (!strcmp(a, "-j") && v)
            cfg.jobs = (unsigned)strtoul(v, NULL, 0);
        else if (!strcmp(a, "--batch") && v)
            cfg.batch = (unsigned)strtoul(v, NULL, 0);
        else if (!strcmp(a, "--timeout") && v)
            cfg.timeout = strtod(v, NULL);
        else if (!strcmp(a, "--seconds") && v)
            cfg.seconds = strtod(v, NULL);
        else if (!strcmp(a, "--repeat") && v)
            cfg.opt.repeat = (unsigned)strtoul(v, NULL, 0);
        else if (!strcmp(a, "--name") && v)
            cfg.name = v;
        else if (!strcmp(a, "--keep") && v)
            cfg.keep = v;
        else if (!strcmp(a, "--seed") && v) {
            cfg.seed = strtoull(v, NULL, 0);
            cfg.have_seed = true;
        } else {
            arg = false;
            if (!strcmp(a, "--fault"))
                cfg.opt.fault = true;
            else if (!strcmp(a, "--ref"))
                cfg.ref = true;
            else if (!strcmp(a, "--same-image"))
                cfg.same_image = true;
            else if (!strcmp(a, "--no-shrink"))
                cfg.shrink = false;
            else {
                fputs(usage, stderr);
                return 2;
            }
        }
        i += arg;
    }
    if (!cfg.jobs || !cfg.batch) {
        fputs(usage, stderr);
        return 2;
    }
    int n = argc - i;
    const char *cmd = n ? argv[i] : "";
    int rc;
    if (!strcmp(cmd, "show") && n == 2) {
        struct gen_prog p;
        gen_program(strtoull(argv[i + 1], NULL, 0), &cfg.opt, &p);
        list_program(stdout, &p, NULL, false);
        gen_free(&p);
        return 0;
    }
    if (!strcmp(cmd, "check") && n == 2) {
        make_workdir();
        rc = check_seed(&cfg, strtoull(argv[i + 1], NULL, 0), stdout);
        printf("%s %s-%s\n", rc ? "FAIL" : "PASS", cfg.name, argv[i + 1]);
    } else if (!strcmp(cmd, "run") && n == 3) {
        make_workdir();
        rc = cmd_run(&cfg, strtoull(argv[i + 1], NULL, 0),
                     strtoull(argv[i + 2], NULL, 0));
    } else if (!strcmp(cmd, "fuzz") && n == 1) {
        make_workdir();
        rc = cmd_fuzz(&cfg);
    } else if (n == 2) {
        return cmd_write(&cfg, argv[i], argv[i + 1]);
    } else {
        fputs(usage, stderr);
        return 2;
    }
    remove_workdir();
    return rc;
}
