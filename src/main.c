/* hart's command line: options in GNU style plus the common qemu-riscv64
 * ones (so hart can replace it in existing scripts), the guest's
 * environment, and the start of the guest. */
#include <errno.h>
#include <stdarg.h>
#include <stdnoreturn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "core/diag.h"
#include "core/disas_file.h"
#include "core/hart.h"
#include "core/run.h"
#include "jit/jit.h"
#include "linux/exec.h"
#include "linux/loader.h"
#include "linux/process.h"
#include "linux/signal.h"
#include "linux/procfs.h"
#include "linux/symbols.h"
#include "linux/syscall.h"
#include "linux/thread.h"
#include "mem/space.h"
#include "rv/block.h"
#include "rv/insn.h"

struct process proc;

static const char usage[] =
    "usage: hart [options] PROGRAM [ARGS...]\n"
    "Runs a RISC-V 64-bit Linux program (RV64GC) on this machine.\n"
    "\n"
    "Options:\n"
    "  -L DIR, --sysroot=DIR  look up the guest's absolute paths (and its ELF\n"
    "                         interpreter) in DIR first\n"
    "  -E VAR=VALUE           set VAR in the guest's environment\n"
    "  -U VAR                 remove VAR from the guest's environment\n"
    "  -0 ARGV0               give the guest this argv[0]\n"
    "  -strace, --strace      print each system call with arguments and result\n"
    "  --stats                print execution statistics at exit\n"
    "  --jit=on|off           translate hot code to x86-64 (default on); off\n"
    "                         interprets everything\n"
    "  --jit-threshold=N      translate a block after N executions (20)\n"
    "  --jit-cache=MB         size of the translated-code cache (64, at most 1024)\n"
    "  -d in_asm,out_asm      print the guest and host code of each translated\n"
    "                         block to stderr (out_asm: each guest instruction\n"
    "                         above its host code)\n"
    "  --cosim                run every translated block in the interpreter\n"
    "                         too, and stop at the first difference\n"
    "  --perfmap              write /tmp/perf-PID.map naming translated code\n"
    "                         after guest functions, for perf report\n"
    "  --disas FILE           disassemble FILE's code and exit\n"
    "  -cpu NAME              accepted for qemu compatibility; ignored\n"
    "  -h, --help             show this help and exit\n"
    "  --version              show the version and exit\n"
    "\n"
    "Environment: HART_SYSROOT or QEMU_LD_PREFIX set the sysroot (as -L);\n"
    "QEMU_STRACE set to anything turns on --strace.\n"
    "The exit status is the guest's; a guest killed by a signal makes hart die\n"
    "of the same signal. 126: the program cannot be run; 127: not found.\n";

static struct thread main_thread;
static bool print_stats;
static bool use_jit = true;
static uint64_t jit_threshold = 20, jit_cache_mb = 64;
static bool want_perfmap;

__attribute__((format(printf, 1, 2))) static noreturn void
usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hart: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'hart --help' for more information.\n");
    exit(1);
}

static uint64_t parse_number(const char *text, const char *option,
                             uint64_t min, uint64_t max)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || *end || v < min || v > max)
        usage_error("%s needs a number from %llu to %llu, not '%s'", option,
                    (unsigned long long)min, (unsigned long long)max, text);
    return v;
}

/* -d: a comma-separated list, as qemu's. */
static unsigned parse_debug(const char *list)
{
    unsigned flags = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (len == 6 && !strncmp(p, "in_asm", len))
            flags |= JIT_DEBUG_IN_ASM;
        else if (len == 7 && !strncmp(p, "out_asm", len))
            flags |= JIT_DEBUG_OUT_ASM;
        else
            usage_error("-d knows in_asm and out_asm, not '%.*s'", (int)len, p);
        p += len + (p[len] == ',');
    }
    return flags;
}

/* The guest's environment: hart's own, edited by -E and -U in order. */
struct env {
    char **vars;
    size_t n;
};

static void env_unset(struct env *e, const char *name)
{
    size_t len = strcspn(name, "=");
    for (size_t i = 0; i < e->n; i++)
        if (!strncmp(e->vars[i], name, len) && e->vars[i][len] == '=') {
            memmove(&e->vars[i], &e->vars[i + 1], (e->n - i) * sizeof *e->vars);
            e->n--;
            i--;
        }
}

static void env_set(struct env *e, char *assignment)
{
    env_unset(e, assignment);
    e->vars = realloc(e->vars, (e->n + 2) * sizeof *e->vars);
    if (!e->vars) {
        perror("hart");
        exit(1);
    }
    e->vars[e->n++] = assignment;
    e->vars[e->n] = NULL;
}

static void env_init(struct env *e)
{
    extern char **environ;
    size_t n = 0;
    while (environ[n])
        n++;
    e->vars = malloc((n + 1) * sizeof *e->vars);
    if (!e->vars) {
        perror("hart");
        exit(1);
    }
    memcpy(e->vars, environ, (n + 1) * sizeof *e->vars);
    e->n = n;
}

/* A program named without a slash that is not in the current directory is
 * looked up in PATH, as a shell would. */
static const char *find_program(const char *name)
{
    if (strchr(name, '/') || access(name, F_OK) == 0)
        return name;
    const char *path = getenv("PATH");
    if (!path)
        return name;
    for (const char *p = path;; p++) {
        size_t len = strcspn(p, ":");
        char *cand;
        if (asprintf(&cand, "%.*s/%s", (int)len, p, name) < 0)
            return name;
        struct stat st;
        if (len && stat(cand, &st) == 0 && S_ISREG(st.st_mode))
            return cand;
        free(cand);
        p += len;
        if (!*p)
            return name;
    }
}

static void stats_at_exit(void)
{
    fprintf(stderr,
            "hart: %llu instructions retired, %llu blocks built "
            "(%llu instructions decoded), %llu flushes of decoded blocks\n",
            (unsigned long long)main_thread.hart.instret,
            (unsigned long long)block_stats.built,
            (unsigned long long)block_stats.insns_decoded,
            (unsigned long long)block_stats.flushes);
    if (jit_enabled)
        fprintf(stderr,
                "hart: %llu blocks translated (%llu instructions, %llu bytes), "
                "%llu fallbacks emitted, %llu chains, %llu jump-table misses, "
                "%llu indirect jumps with varying targets (no inline cache), "
                "%llu inline caches filled, %llu return-address stack "
                "overflows, %llu flushes of translated code\n",
                (unsigned long long)jit_stats.blocks,
                (unsigned long long)jit_stats.guest_insns,
                (unsigned long long)jit_stats.host_bytes,
                (unsigned long long)jit_stats.fallbacks_emitted,
                (unsigned long long)jit_stats.chains,
                (unsigned long long)jit_stats.lookups_missed,
                (unsigned long long)jit_stats.ic_skipped,
                (unsigned long long)jit_stats.inline_caches,
                (unsigned long long)jit_stats.ras_overflows,
                (unsigned long long)jit_stats.flushes);
    if (jit_enabled)
        fprintf(stderr,
                "hart: exits from translated code: %llu to chain, %llu to look "
                "up, %llu interrupts, %llu after fallbacks, %llu with sp, gp or "
                "tp outside the guest space, %llu with a rounding mode the host "
                "lacks, %llu with a loop's single not NaN-boxed, %llu to the run "
                "loop; %llu register remaps, %llu loops with registers of their "
                "own\n",
                (unsigned long long)jit_stats.exits[4],
                (unsigned long long)jit_stats.exits[5],
                (unsigned long long)jit_stats.exits[6],
                (unsigned long long)jit_stats.exits[7],
                (unsigned long long)jit_stats.exits[8],
                (unsigned long long)jit_stats.exits[9],
                (unsigned long long)jit_stats.exits[10],
                (unsigned long long)(jit_stats.exits[0] + jit_stats.exits[1] +
                                     jit_stats.exits[2] + jit_stats.exits[3]),
                (unsigned long long)jit_stats.remaps,
                (unsigned long long)jit_stats.loop_maps);
    if (jit_enabled && jit_stats.fallbacks_emitted) {
        /* Which operations the translator hands to the interpreter. */
        fputs("hart: fallbacks emitted by operation:", stderr);
        for (unsigned op = 0; op < RV_OP_COUNT; op++)
            if (jit_stats.fallback_count[op])
                fprintf(stderr, " %s %llu", rv_opinfo[op].mnemonic,
                        (unsigned long long)jit_stats.fallback_count[op]);
        fputc('\n', stderr);
    }
}

/* Matches "-name", "--name" (when long_ok) and "--name=VALUE"; returns the
 * value (from the next argument if needed) for options that take one. */
static bool opt(char **argv, int *i, const char *name, bool takes_value,
                const char **value)
{
    const char *a = argv[*i];
    if (a[1] == '-')
        a++;
    a++;
    size_t len = strlen(name);
    if (strncmp(a, name, len))
        return false;
    if (!takes_value)
        return a[len] == '\0';
    if (a[len] == '=' && argv[*i][1] == '-') {
        *value = a + len + 1;
        return true;
    }
    if (a[len] != '\0')
        return false;
    if (!argv[*i + 1])
        usage_error("option '%s' needs an argument", argv[*i]);
    *value = argv[++*i];
    return true;
}

/* Static, so that what the guest's environment is built from stays
 * reachable for as long as the process lives. */
static struct env env;

int main(int argc, char **argv)
{
    const char *argv0 = NULL, *value;
    diag_init();
    env_init(&env);
    proc.sysroot = getenv("HART_SYSROOT");
    if (!proc.sysroot)
        proc.sysroot = getenv("QEMU_LD_PREFIX");
    proc.strace = getenv("QEMU_STRACE") != NULL;

    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        /* Options but -E, -U and -0 hold for the programs the guest
         * execs too (linux/exec.h). */
        int first = i;
        bool keep = true;
        if (opt(argv, &i, "L", true, &value) ||
            opt(argv, &i, "sysroot", true, &value)) {
            proc.sysroot = value;
        } else if (opt(argv, &i, "E", true, &value)) {
            if (!strchr(value, '='))
                usage_error("-E needs VAR=VALUE, not '%s'", value);
            env_set(&env, (char *)value);
            keep = false;
        } else if (opt(argv, &i, "U", true, &value)) {
            env_unset(&env, value);
            exec_keep_unset(value);
            keep = false;
        } else if (opt(argv, &i, "0", true, &value)) {
            argv0 = value;
            keep = false;
        } else if (opt(argv, &i, "strace", false, NULL)) {
            proc.strace = true;
        } else if (opt(argv, &i, "stats", false, NULL)) {
            print_stats = true;
        } else if (opt(argv, &i, "jit", true, &value)) {
            if (strcmp(value, "on") && strcmp(value, "off"))
                usage_error("--jit takes on or off, not '%s'", value);
            use_jit = !strcmp(value, "on");
        } else if (opt(argv, &i, "jit-threshold", true, &value)) {
            jit_threshold = parse_number(value, "--jit-threshold", 1, 1u << 30);
        } else if (opt(argv, &i, "jit-cache", true, &value)) {
            jit_cache_mb = parse_number(value, "--jit-cache", 1, 1024);
        } else if (opt(argv, &i, "d", true, &value)) {
            jit_debug = parse_debug(value);
        } else if (opt(argv, &i, "cosim", false, NULL)) {
            jit_cosim = true;
        } else if (opt(argv, &i, "perfmap", false, NULL)) {
            want_perfmap = true;
        } else if (opt(argv, &i, "cpu", true, &value)) {
            /* hart implements one CPU: RV64GC with Zba, Zbb, Zbs, Zicond. */
        } else if (opt(argv, &i, "disas", true, &value)) {
            return disas_file(value, stdout);
        } else if (opt(argv, &i, "h", false, NULL) ||
                   opt(argv, &i, "help", false, NULL)) {
            fputs(usage, stdout);
            return 0;
        } else if (opt(argv, &i, "version", false, NULL)) {
            printf("hart %s\n", HART_VERSION);
            return 0;
        } else {
            usage_error("unknown option '%s'", argv[i]);
        }
        if (keep)
            exec_keep_option(&argv[first], i - first + 1);
    }
    if (i >= argc)
        usage_error("%s", "no program to run");

    const char *name = find_program(argv[i]);
    char **guest_argv = &argv[i];
    int guest_argc = argc - i;
    if (argv0)
        guest_argv[0] = (char *)argv0;
    /* A "#!" script runs its interpreter, and names are looked up in the
     * sysroot first, as when the guest execs them. Errors about the
     * program itself are the loader's to explain. */
    static struct exec_chain chain; /* argv lives as long as the guest */
    const char *path = name;
    int err = exec_follow_scripts(&chain, name, guest_argc, guest_argv);
    if (!err) {
        path = chain.path;
        guest_argc = chain.argc;
        guest_argv = chain.argv;
    } else if (chain.depth) {
        if (chain.failed != name)
            fprintf(stderr, "hart: %s: interpreter %s: %s\n", name,
                    chain.failed, strerror(-err));
        else
            fprintf(stderr, "hart: %s: %s\n", name, strerror(-err));
        return err == -ENOENT ? 127 : 126;
    } else {
        exec_chain_free(&chain); /* the loader explains the failure */
    }
    proc.exe_path = path;
    proc.exe_name = name;

    err = space_init();
    if (err < 0) {
        fprintf(stderr, "hart: cannot reserve the guest address space: %s\n",
                strerror(-err));
        return 1;
    }
    block_init(); /* before jit_init: the order fork takes their locks */
    space_code_changed = run_code_changed;
    sys_flush_icache_hook = run_code_changed;
    char msg[512];
    main_thread.tid = gettid();
    current_thread = &main_thread;
    /* The signal mask survives execve: the guest starts with hart's. */
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &main_thread.blocked, 8);
    int status = loader_exec(&main_thread.hart, path, guest_argc, guest_argv,
                             env.vars, msg, sizeof msg);
    if (status) {
        fprintf(stderr, "hart: %s\n", msg);
        return status;
    }
    if (want_perfmap || jit_debug) { /* only they use names: spare start-up */
        symbols_wanted = true;
        symbols_load(path, proc.load_bias);
    }
    /* The name ps shows, which Linux takes from the name run. */
    prctl(PR_SET_NAME, strrchr(name, '/') ? strrchr(name, '/') + 1 : name);
    procfs_exe_link(); /* made absolute before the guest can chdir */
    if (want_perfmap && !jit_perfmap_open())
        fprintf(stderr, "hart: cannot write /tmp/perf-%d.map: %s\n",
                (int)getpid(), strerror(errno));
    if (use_jit) {
        size_t cache = jit_cache_mb << 20;
        /* tests/jit fills a cache smaller than --jit-cache offers, for
         * want of a test program with megabytes of hot code. */
        const char *test_kb = getenv("HART_TEST_JIT_CACHE_KB");
        unsigned long kb = test_kb ? strtoul(test_kb, NULL, 10) : 0;
        if (kb >= 256) /* room for a unit's code in each half */
            cache = kb << 10;
        err = jit_init(cache, jit_threshold);
        if (err < 0) {
            fprintf(stderr, "hart: cannot set up the code cache (%s); "
                            "interpreting only\n", strerror(-err));
        }
    }
    if (print_stats) {
        atexit(stats_at_exit);
        run_last_words = stats_at_exit; /* also when the guest dies of a signal */
    }
    signal_init();
    run_install_fault_handlers();
    run_guest(&main_thread.hart);
}
