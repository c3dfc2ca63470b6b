/* The translator's run loop and the machinery around translated code: the
 * enter/exit routines (generated at start-up), the indirect-jump table,
 * chaining of direct branches, the interpreter fallback, and turning host
 * faults in translated code into precise guest signals.
 *
 * Locking: translation, chaining and the jump table are changed under
 * jit_lock; translated code and the fault-site index are read without it
 * (entries are published with release stores, and code is never changed
 * except for the 4-byte-aligned branch displacements chaining rewrites).
 * Dropping everything happens under the engine's write lock (core/run.c),
 * when no thread runs guest code. */
#include "jit/jit.h"

#include <asm/prctl.h>
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include "core/diag.h"
#include "jit/cache.h"
#include "jit/translate.h"
#include "mem/access.h"
#include "rv/block.h"
#include "rv/fpu.h"

bool jit_enabled;
struct jit_stats jit_stats;
static uint64_t threshold;
static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

/* The register mapping is chosen again (jit_remap) from the profile that
 * translated code takes while jit_profiling is on: over the first 20
 * million instructions, for the hot code of most programs, and once more
 * over 50 million instructions later on, for programs whose main work
 * comes after a long first phase (the crc benchmark fills and checksums a
 * buffer for 70 million instructions, then hashes it). Each step is a
 * flush of all translated code, once the guest has run the step's count
 * of instructions since the last step (seen when translated code exits to
 * the run loop or for a system call, which may be later). plan_next, plan_base and flush_does are set under
 * jit_lock; the flush reads flush_does, run_translated the other two. */
enum plan_step { PROFILE_ON, REMAP };
static const struct {
    uint64_t after;
    enum plan_step step;
} plan[] = {
    {20000000, REMAP},
    {130000000, PROFILE_ON},
    {50000000, REMAP},
};
#define PLAN_STEPS (sizeof plan / sizeof *plan)
static unsigned plan_next;
static uint64_t plan_base;
static int flush_does = -1; /* an enum plan_step, or -1 */

/* Shared routines at the start of the cache. */
static int (*enter_code)(struct hart *h, void *code);
static struct jit_routines routines;

/* Indirect-jump table: direct-mapped on the guest pc, each entry the pc
 * check of a translation (translate.h: JIT_PC_CHECK_BYTES) or lookup_miss.
 * A code pointer is one word, so a thread jumping through an entry while
 * another refills it gets the old translation or the new one, and the pc
 * check there sends a jump that is not its own to lookup_miss. */
enum { JTAB_BITS = JIT_JTAB_BITS };
static void **jtab;
uintptr_t jit_jtab_low;

static void jtab_clear(void)
{
    for (size_t i = 0; i < (size_t)1 << JTAB_BITS; i++)
        jtab[i] = (void *)routines.lookup_miss;
}

/* Points the entry for pc at translated code (the block entry, b->code). */
static void jtab_set(uint64_t pc, void *code)
{
    void **e = &jtab[pc & ((1u << JTAB_BITS) - 1)];
    __atomic_store_n(e, (char *)code - JIT_PC_CHECK_BYTES + jit_pc_check_skip(pc),
                     __ATOMIC_RELEASE);
}

/* Translated blocks in address order, for mapping a host pc back. */
struct translation {
    uintptr_t start, end;
    struct block *blk;     /* the unit translated: a block or a superblock */
    bool owns_blk;         /* a superblock, freed with the translation */
    int8_t host_reg[33];   /* where each guest register lives in the code:
                              a host register, or -1 for struct hart */
    unsigned nfaults;
    struct jit_fault_site faults[];
};
static struct translation **index_of;
static _Atomic size_t index_len;
static size_t index_cap;

/* The most instructions a fault replays (struct jit_fault_site.replay). */
#define MAX_REPLAY 64

/* Per host thread: where a fault in translated code returns to (1: to
 * raise the guest signal; JUMP_REPLAY: to run replay[] first). */
enum { JUMP_SIGNAL = 1, JUMP_REPLAY = 2 };
static __thread struct {
    sigjmp_buf env;
    bool active, in_fallback;
    struct hart *h;
    uint64_t fb_pc;
    /* Copies, as the translation may be gone by the time they run. */
    struct block_insn replay[MAX_REPLAY];
    uint64_t replay_pc[MAX_REPLAY];
    unsigned nreplay;
} jctx;


/* A fork must not leave the child with jit_lock held by a thread that
 * does not exist there. It takes jit_lock before block_lock (main.c calls
 * block_init before jit_init), the order translate nests them in. */
static void fork_prepare(void)
{
    pthread_mutex_lock(&jit_lock);
}

static void fork_done(void)
{
    pthread_mutex_unlock(&jit_lock);
}

static const enum x64_reg callee_saved[6] = {RBX, RBP, R12, R13, R14, R15};

/* Where in the code cache R14 is not the instruction count but the value
 * jit_run's caller keeps there: in enter before the reload, and in exit
 * from the pops on. Set once, by emit_routines. */
static struct {
    uintptr_t enter_from, enter_to, exit_from, exit_to;
} r14_foreign;

void jit_interrupt_context(void *ucontext)
{
    if (!jctx.active)
        return;
    ucontext_t *uc = ucontext;
    uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    if (!jit_cache_contains(rip) ||
        (rip >= r14_foreign.enter_from && rip < r14_foreign.enter_to) ||
        (rip >= r14_foreign.exit_from && rip < r14_foreign.exit_to))
        return; /* the run loop, a fallback or jit_reload sees h->interrupt */
    uc->uc_mcontext.gregs[REG_R14] |= (greg_t)((uint64_t)1 << JIT_INTERRUPT_BIT);
}

/* The routines translated code shares, at the start of the cache:
 *   enter(h, code): save the host's callee-saved registers, set up an empty
 *     return-address stack (tr_insn.c) below them, load the guest's mapped
 *     registers, jump to code;
 *   exit: the reverse, dropping the return-address stack, returning EAX;
 *   and those of struct jit_routines. */
static bool emit_routines(void)
{
    uint8_t *w;
    size_t size = 1024;
    uint8_t *x = jit_cache_alloc(size, &w);
    if (!x)
        return false;
    struct x64_buf b;
    x64_init_at(&b, w, size, (uintptr_t)x);

    routines.exit = x64_here(&b);
    jit_spill(&b);
    /* The host stack as enter left it: the alignment word above the saved
     * registers (the return-address stack is simply left behind). */
    x64_load(&b, W64, false, RSP, x64_mem(JIT_STATE, HART_OFF(jit_c_rsp)));
    x64_add_ri(&b, W64, RSP, 8);
    r14_foreign.exit_from = x64_here(&b);
    for (int i = 5; i >= 0; i--)
        x64_pop_r(&b, callee_saved[i]);
    x64_ret(&b);
    r14_foreign.exit_to = x64_here(&b);

    x64_align(&b, 16);
    routines.lookup_miss = x64_here(&b);
    x64_and_ri(&b, W64, RAX, -2); /* jalr leaves bit 0 to here (tr_insn.c) */
    x64_store(&b, W64, x64_mem(JIT_STATE, HART_OFF(pc)), RAX);
    x64_store_i(&b, W64, x64_mem(JIT_STATE, HART_OFF(jit_site)), 0); /* no cache */
    x64_mov_ri(&b, RAX, JX_LOOKUP);
    x64_jmp(&b, routines.exit);

    x64_align(&b, 16);
    routines.lookup = x64_here(&b);
    x64_and_ri(&b, W64, RAX, -2); /* a return leaves the target unmasked */
    jit_emit_lookup(&b, false);

    /* A return with an empty stack pops this routine's address, which
     * enter put at the bottom; a signal handler may have overwritten the
     * slot since the pop, so it is written again. */
    x64_align(&b, 16);
    uintptr_t ras_empty = x64_here(&b);
    x64_sub_ri(&b, W64, RSP, 8);
    x64_mov_ri(&b, RCX, ras_empty);
    x64_store(&b, W64, x64_mem(RSP, 0), RCX);
    x64_jmp(&b, routines.lookup);

    x64_align(&b, 16);
    routines.ras_mismatch = x64_here(&b);
    x64_load(&b, W64, false, RSP, x64_mem(JIT_STATE, HART_OFF(jit_rsp)));
    x64_jmp(&b, routines.lookup);

    x64_align(&b, 16);
    uintptr_t enter = x64_here(&b);
    for (int i = 0; i < 6; i++)
        x64_push_r(&b, callee_saved[i]);
    x64_sub_ri(&b, W64, RSP, 8); /* 16-byte aligned from here */
    x64_lea(&b, W64, JIT_STATE, x64_mem(RDI, JIT_STATE_BIAS));
    x64_mov_rr(&b, W64, RAX, RSI);
    x64_store(&b, W64, x64_mem(JIT_STATE, HART_OFF(jit_c_rsp)), RSP);
    x64_load(&b, W64, false, RSP, x64_mem(JIT_STATE, HART_OFF(jit_ras_top)));
    x64_mov_ri(&b, RCX, ras_empty);
    x64_push_r(&b, RCX);
    x64_push_r(&b, RCX);
    x64_store(&b, W64, x64_mem(JIT_STATE, HART_OFF(jit_rsp)), RSP);
    r14_foreign.enter_from = enter;
    r14_foreign.enter_to = jit_reload(&b);
    x64_jmp_r(&b, RAX);
    if (b.overflow)
        return false;
    jit_cache_shrink_last(x, x64_offset(&b));
    enter_code = (int (*)(struct hart *, void *))enter;
    return true;
}

/* Translated code addresses guest memory through GS (translate.h); each
 * host thread sets its GS base once. A thread created by clone starts with
 * its parent's, but setting it costs one system call per thread. */
static __thread bool gs_base_set;

static int set_gs_base(void)
{
    if (gs_base_set)
        return 0;
    if (syscall(SYS_arch_prctl, ARCH_SET_GS, (unsigned long)guest_base) != 0)
        return -errno;
    gs_base_set = true;
    return 0;
}

bool jit_avx;

int jit_init(size_t cache_size, uint64_t hot)
{
    jit_avx = (x64_cpu() & X64_HAS_AVX) && !getenv("HART_TEST_NO_AVX");
    int err = set_gs_base();
    if (err)
        return err;
    err = jit_cache_init(cache_size);
    if (err)
        return err;
    /* In the low 2 GB if the kernel has room there: translated code then
     * addresses it with an absolute displacement (jit_emit_lookup). It is
     * never inside the guest's reservation, as that is mapped already.
     * HART_TEST_HIGH_JTAB (tests/jit) makes hart use the other way. */
    size_t jtab_size = ((size_t)1 << JTAB_BITS) * sizeof *jtab;
    void *low = getenv("HART_TEST_HIGH_JTAB")
                    ? MAP_FAILED
                    : mmap(NULL, jtab_size, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
    if (low != MAP_FAILED && (uintptr_t)low + jtab_size <= INT32_MAX) {
        jtab = low;
        jit_jtab_low = (uintptr_t)low;
    } else {
        if (low != MAP_FAILED)
            munmap(low, jtab_size);
        jtab = calloc((size_t)1 << JTAB_BITS, sizeof *jtab);
    }
    if (!jtab || !emit_routines())
        return -ENOMEM;
    jtab_clear();
    pthread_atfork(fork_prepare, fork_done, fork_done);
    threshold = hot;
    jit_debug_any |= jit_debug != 0;
    interp_hot_threshold = hot;
    jit_enabled = true;
    return 0;
}

void jit_fork_child(void)
{
    if (jit_enabled)
        jit_perfmap_fork_child();
    if (!jit_enabled || jit_cache_fork_child() == 0)
        return;
    /* No code cache of its own: the child interprets from now on. */
    jit_enabled = false;
    interp_hot_threshold = UINT64_MAX;
}

void jit_flush(void)
{
    if (!jit_enabled)
        return;
    /* No thread runs translated code now (the caller sees to that), but a
     * fork may: it takes jit_lock, and must not copy a flush half done
     * into its child, which would free the same translations again. */
    pthread_mutex_lock(&jit_lock);
    size_t n = atomic_load(&index_len);
    bool remap = flush_does == REMAP;
    for (size_t i = 0; i < n; i++) {
        if (remap)
            jit_profile(index_of[i]->blk);
        if (index_of[i]->owns_blk)
            free(index_of[i]->blk);
        free(index_of[i]);
    }
    atomic_store(&index_len, 0);
    if (remap && jit_remap()) /* which ends the profiling */
        jit_stats.remaps++;
    if (flush_does == PROFILE_ON)
        jit_profiling = true;
    flush_does = -1;
    if (!jit_perfmap_on() || jit_cache_renew() != 0)
        jit_cache_reset();
    emit_routines();
    jtab_clear(); /* to the new lookup_miss */
    jit_stats.flushes++;
    pthread_mutex_unlock(&jit_lock);
}

static bool add_translation(struct translation *tr)
{
    size_t n = atomic_load(&index_len);
    if (n == index_cap) {
        /* A fault handler on another thread may be searching the old
         * array right now, so it is not freed; doubling keeps what is
         * left behind smaller than the array in use. */
        size_t cap = index_cap ? index_cap * 2 : 1024;
        struct translation **bigger = malloc(cap * sizeof *bigger);
        if (!bigger)
            return false;
        if (n)
            memcpy(bigger, index_of, n * sizeof *bigger);
        index_of = bigger;
        index_cap = cap;
    }
    index_of[n] = tr;
    atomic_store_explicit(&index_len, n + 1, memory_order_release);
    return true;
}

static const struct translation *find_translation(uintptr_t host_pc)
{
    size_t lo = 0, hi = atomic_load_explicit(&index_len, memory_order_acquire);
    struct translation **idx = index_of;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (host_pc < idx[mid]->start)
            hi = mid;
        else if (host_pc >= idx[mid]->end)
            lo = mid + 1;
        else
            return idx[mid];
    }
    return NULL;
}

/* Translates blk (under jit_lock); false when the cache is full. */
static bool translate(struct block *blk)
{
    if (blk->code)
        return true;
    enum { MAX_FAULTS = 512, MAX_CODE = 64 * 1024 };
    static struct jit_fault_site faults[MAX_FAULTS];
    uint8_t *w, *cw;
    uint8_t *x = jit_cache_alloc(MAX_CODE, &w);
    uint8_t *cx = x ? jit_cache_alloc_cold(MAX_CODE, &cw) : NULL;
    if (!cx)
        return false;
    struct jit_code_space space = {
        .hot = w, .cold = cw, .hot_size = MAX_CODE, .cold_size = MAX_CODE,
        .hot_run = (uintptr_t)x, .cold_run = (uintptr_t)cx,
    };
    /* --cosim checks translations block by block against the interpreter. */
    struct block *unit = jit_cosim ? blk : jit_superblock(blk);
    if (jit_debug & JIT_DEBUG_OUT_ASM)
        space.insn_at = calloc(unit->n ? unit->n : 1, sizeof *space.insn_at);
    unsigned nfaults = 0;
    size_t used = jit_translate(unit, &space, &routines, faults, MAX_FAULTS,
                                &nfaults);
    struct translation *tr =
        used ? malloc(sizeof *tr + nfaults * sizeof *faults) : NULL;
    if (tr) { /* filled in before add_translation publishes it */
        tr->start = (uintptr_t)x;
        tr->end = (uintptr_t)x + used;
        tr->blk = unit;
        tr->owns_blk = unit != blk;
        tr->nfaults = nfaults;
        memcpy(tr->host_reg, space.host_reg, sizeof tr->host_reg);
        memcpy(tr->faults, faults, nfaults * sizeof *faults);
    }
    if (!tr || !add_translation(tr)) {
        free(tr);
        free(space.insn_at);
        if (unit != blk)
            free(unit);
        return false;
    }
    jit_cache_shrink_last(x, used);
    jit_cache_shrink_last(cx, space.cold_used);
    jit_stats.blocks++;
    jit_stats.loop_maps += space.loop_swaps > 0;
    jit_stats.host_bytes += used + space.cold_used;

    if (jit_debug_any)
        jit_debug_block(unit, x, used, cx, space.cold_used, space.insn_at,
                        space.data_tail, space.host_reg);
    free(space.insn_at);
    __atomic_store_n(&blk->code, (void *)(x + JIT_PC_CHECK_BYTES),
                     __ATOMIC_RELEASE);
    return true;
}

int jit_fallback(struct hart *h, const struct block_insn *ip, uint64_t pc,
                 uint64_t unretired)
{
    /* R14 counts the whole unit: while the instruction runs (a read of
     * instret, a fault), h->instret is what retired before it. */
    h->instret -= unretired;
    jctx.in_fallback = true;
    jctx.fb_pc = pc;
    int r = interp_one(h, ip, pc);
    jctx.in_fallback = false;
    if (r == EXIT_SIGNAL)
        return r; /* it did not retire */
    /* Only an instruction that ends the unit (unretired 1) leaves it
     * other than by a signal. */
    h->instret += unretired;
    if (r == STEP_NEXT)
        return STEP_NEXT;
    if (r == STEP_JUMP)
        return JX_STEP;
    return r;
}

/* Host register -> its slot in the signal context's gregs. */
static int greg_index(enum x64_reg r)
{
    static const int map[16] = {
        [RAX] = REG_RAX, [RCX] = REG_RCX, [RDX] = REG_RDX, [RBX] = REG_RBX,
        [RSP] = REG_RSP, [RBP] = REG_RBP, [RSI] = REG_RSI, [RDI] = REG_RDI,
        [R8] = REG_R8, [R9] = REG_R9, [R10] = REG_R10, [R11] = REG_R11,
        [R12] = REG_R12, [R13] = REG_R13, [R14] = REG_R14, [R15] = REG_R15,
    };
    return map[r];
}

bool jit_ras_overflow(const siginfo_t *info, void *ucontext)
{
    ucontext_t *uc = ucontext;
    uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    if (!jctx.active || jctx.in_fallback || !jit_cache_contains(rip) ||
        !jit_ras_guard_hit((uintptr_t)info->si_addr))
        return false;
    uc->uc_mcontext.gregs[REG_RSP] = (greg_t)jctx.h->jit_rsp;
    jit_stats.ras_overflows++;
    return true;
}

/* The FP results a fault site's unit kept in XMM registers only (struct
 * tr_fdirty), from the interrupted context; a host NaN there becomes
 * RISC-V's canonical one. */
static void restore_fp_copies(struct hart *h, const struct tr_fdirty *d,
                              const ucontext_t *uc)
{
    for (int x = 0; x < TR_FSLOTS; x++) {
        if (!(d->slots >> x & 1))
            continue;
        const uint32_t *e = uc->uc_mcontext.fpregs->_xmm[x].element;
        uint64_t v = (uint64_t)e[1] << 32 | e[0];
        bool nanfix = d->nanfix >> x & 1;
        if (d->single >> x & 1) {
            uint32_t s = (uint32_t)v;
            if (nanfix && (s & 0x7fffffff) > 0x7f800000)
                s = 0x7fc00000;
            v = 0xffffffff00000000ull | s;
        } else if (nanfix && (v & ~(1ull << 63)) > 0x7ff0000000000000ull) {
            v = 0x7ff8000000000000ull;
        }
        h->f[d->owner[x] - 1] = v;
    }
}

void jit_host_fault(int sig, const siginfo_t *info, void *ucontext)
{
    if (!jctx.active)
        return;
    uintptr_t host = (uintptr_t)info->si_addr;
    if (!host_in_guest_space(host))
        return;
    struct hart *h = jctx.h;
    ucontext_t *uc = ucontext;
    uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    if (jctx.in_fallback) {
        h->pc = jctx.fb_pc; /* h->instret is exact already (jit_fallback) */
    } else {
        const struct translation *tr = find_translation(rip);
        if (!tr)
            return;
        const struct jit_fault_site *site = NULL;
        for (unsigned i = 0; i < tr->nfaults; i++)
            if (tr->start + tr->faults[i].host_off == rip)
                site = &tr->faults[i];
        if (!site)
            return;
        h->pc = tr->blk->pc + tr->blk->insn[site->index].off;
        uint64_t count = (uint64_t)uc->uc_mcontext.gregs[greg_index(JIT_INSTRET)];
        count &= ~((uint64_t)1 << JIT_INTERRUPT_BIT);
        h->instret = count - jit_unretired(tr->blk, site->index);
        for (int r = 1; r < 32; r++)
            if (tr->host_reg[r] >= 0)
                h->x[r] = (uint64_t)uc->uc_mcontext
                              .gregs[greg_index((enum x64_reg)tr->host_reg[r])];
        for (int r = 1; r < 32; r++) /* W results left unextended */
            if (site->sext >> r & 1)
                h->x[r] = (uint64_t)(int64_t)(int32_t)h->x[r];
        restore_fp_copies(h, &site->fdirty, uc);
        if (site->replay) {
            /* A load made of byte loads (idiom.c): they may not all fault,
             * or not first; the interpreter runs them as written. */
            unsigned n = site->replay < MAX_REPLAY ? site->replay : MAX_REPLAY;
            for (unsigned k = 0; k < n; k++) {
                jctx.replay[k] = tr->blk->insn[site->index + k];
                jctx.replay_pc[k] = tr->blk->pc + jctx.replay[k].off;
            }
            jctx.nreplay = n;
            fpu_host_signal(h, ucontext);
            siglongjmp(jctx.env, JUMP_REPLAY);
        }
    }
    uint64_t addr = host - guest_base;
    if (sig == SIGBUS) {
        h->exit_signal = SIGBUS;
        h->exit_code = BUS_ADRERR;
    } else {
        h->exit_signal = SIGSEGV;
        h->exit_code = (space_page_flags(addr) & PAGE_MAPPED) ? SEGV_ACCERR
                                                              : SEGV_MAPERR;
    }
    h->exit_addr = addr;
    /* The handler runs with a fresh MXCSR, and siglongjmp keeps it. */
    fpu_host_signal(h, ucontext);
    siglongjmp(jctx.env, JUMP_SIGNAL);
}

/* Runs the instructions a fault in translated code left to the
 * interpreter (jit_host_fault), as fallbacks do: one that faults jumps to
 * jctx.env with the guest signal. Returns -1 when they all ran, h->pc
 * then after them, else why the run loop must take over. */
static int run_replay(struct hart *h)
{
    for (unsigned k = 0; k < jctx.nreplay; k++) {
        jctx.active = true;
        jctx.in_fallback = true;
        jctx.fb_pc = jctx.replay_pc[k];
        int r = interp_one(h, &jctx.replay[k], jctx.replay_pc[k]);
        jctx.in_fallback = false;
        jctx.active = false;
        if (r != STEP_NEXT) /* not for loads and arithmetic */
            return r == EXIT_SIGNAL ? EXIT_SIGNAL : EXIT_FLUSH;
        h->instret++;
        h->pc = jctx.replay_pc[k] + jctx.replay[k].d.len;
    }
    jctx.nreplay = 0;
    return -1;
}

/* Points the rel32 at run address site (4-byte aligned: tr_align_rel32) at
 * target, in one store, as other threads may be running it. */
static void patch_rel32(uintptr_t site, uintptr_t target)
{
    int64_t d = (int64_t)(target - (site + 4));
    if (d != (int32_t)d)
        abort(); /* the cache is smaller than 2 GB */
    uint32_t *w = (uint32_t *)(void *)jit_cache_writable((void *)site);
    __atomic_store_n(w, (uint32_t)d, __ATOMIC_RELEASE);
}

/* Fills the empty inline cache whose constant is at run address at
 * (tr_insn.c) with pc and its code. A thread running it meanwhile sees
 * either the empty cache or a complete one: the hit jump is set before the
 * constant, and the miss branch leaves the fill stub for the lookup last. */
static void fill_inline_cache(uintptr_t at, uint64_t pc, void *code)
{
    uint64_t *constant = (uint64_t *)(void *)jit_cache_writable((void *)at);
    if (__atomic_load_n(constant, __ATOMIC_ACQUIRE) != JIT_IC_EMPTY)
        return; /* filled by another thread: the first target stays */
    const uint8_t *hit_op = jit_cache_writable((void *)(at + JIT_IC_HIT - 1));
    bool call = *hit_op == 0xE8;
    patch_rel32(at + JIT_IC_HIT, (uintptr_t)code);
    __atomic_store_n(constant, pc, __ATOMIC_RELEASE);
    patch_rel32(at + JIT_IC_MISS,
                at + (call ? JIT_IC_LOOKUP_CALL : JIT_IC_LOOKUP));
    jit_stats.inline_caches++;
}

/* Whether this thread has run the next plan step's instructions since the
 * last step (read without jit_lock, then again under it). Each thread
 * counts its own: one that has run fewer than plan_base takes no step. */
static bool plan_step_due(const struct hart *h)
{
    unsigned next = __atomic_load_n(&plan_next, __ATOMIC_RELAXED);
    int64_t since = (int64_t)(h->instret - __atomic_load_n(&plan_base, __ATOMIC_RELAXED));
    return next < PLAN_STEPS && since > (int64_t)plan[next].after;
}

/* Sets up the due step for the flush that the caller's EXIT_FLUSH makes. */
static enum interp_exit take_plan_step(const struct hart *h)
{
    pthread_mutex_lock(&jit_lock);
    if (plan_step_due(h)) {
        flush_does = (int)plan[plan_next].step;
        __atomic_store_n(&plan_base, h->instret, __ATOMIC_RELAXED);
        __atomic_store_n(&plan_next, plan_next + 1, __ATOMIC_RELAXED);
    }
    pthread_mutex_unlock(&jit_lock);
    return EXIT_FLUSH;
}

/* Enters translated code for the block at h->pc until something needs the
 * run loop or untranslated code is reached (then returns EXIT_HOT's
 * opposite: -1, with *at the block at h->pc if it was looked up, else
 * NULL; -2 when the block at h->pc must run in the interpreter even
 * though it is translated). */
static int run_translated(struct hart *h, struct block *b, struct block **at)
{
    *at = NULL;
    for (;;) {
        if (!jit_may_enter(h))
            return -1; /* translated code relies on it */
        jctx.active = true;
        atomic_store(&h->jit_running, 1);
        int why = jit_cosim ? jit_cosim_block(h, b, enter_code)
                            : enter_code(h, b->code);
        atomic_store(&h->jit_running, 0);
        jctx.active = false;
        jit_stats.exits[why >= JX_CHAIN ? 4 + (why - JX_CHAIN) % 7 : why % 4]++;
        switch (why) {
        case JX_CHAIN:
        case JX_LOOKUP:
        case JX_STEP: {
            struct block *next = block_get(h->pc);
            if (!next)
                return EXIT_FLUSH;
            if (!next->code) {
                if (next->count < threshold || next->check) {
                    *at = next->check ? NULL : next;
                    return -1;
                }
                pthread_mutex_lock(&jit_lock);
                bool ok = translate(next);
                pthread_mutex_unlock(&jit_lock);
                if (!ok)
                    return EXIT_FLUSH;
            }
            if (jit_cosim) { /* one block at a time: no chaining */
                b = next;
                break;
            }
            pthread_mutex_lock(&jit_lock);
            if (why == JX_CHAIN) {
                patch_rel32(h->jit_site, (uintptr_t)next->code);
                jit_stats.chains++;
            } else {
                jtab_set(h->pc, next->code);
                if (why == JX_LOOKUP && h->jit_site)
                    fill_inline_cache(h->jit_site, h->pc, next->code);
                jit_stats.lookups_missed++;
            }
            pthread_mutex_unlock(&jit_lock);
            b = next;
            break;
        }
        case JX_INTERRUPT:
            return EXIT_INTERRUPT;
        case JX_UNBOUNDED:
        case JX_FRM:
            return -1;
        case JX_UNBOXED:
            return -2;
        default:
            return why;
        }
        if (plan_step_due(h))
            return take_plan_step(h);
    }
}

enum interp_exit jit_run(struct hart *h)
{
    if (set_gs_base() != 0) { /* jit_init managed it on the first thread */
        static const char msg[] = "hart: cannot set the GS base\n";
        (void)!write(diag_fd, msg, sizeof msg - 1);
        abort();
    }
    h->jit_limit = GUEST_SPACE_SIZE;
    h->jit_nan_s = 0x7fc00000;
    h->jit_nan_d = 0x7ff8000000000000ull;
    h->jit_table = jtab;
    h->jit_ras_top = jit_ras_top();
    if (!h->jit_ras_top) /* no memory for it: interpret */
        return interp_run(h);
    jctx.h = h;
    int jumped = sigsetjmp(jctx.env, 0);
    if (jumped) {
        atomic_store(&h->jit_running, 0);
        jctx.active = false;
        jctx.in_fallback = false;
        if (jumped != JUMP_REPLAY)
            return EXIT_SIGNAL;
        int why = run_replay(h);
        if (why >= 0)
            return (enum interp_exit)why;
    }
    if (plan_step_due(h)) /* also after system calls, which return here */
        return take_plan_step(h);
    /* The block at h->pc when the interpreter or translated code handed it
     * over (no flush can come between: that returns to the caller). */
    struct block *at = NULL;
    for (;;) {
        struct block *b = at ? at : block_get(h->pc);
        at = NULL;
        if (!b)
            return EXIT_FLUSH;
        if (!b->code && b->count >= threshold && !b->check) {
            pthread_mutex_lock(&jit_lock);
            bool ok = translate(b);
            pthread_mutex_unlock(&jit_lock);
            if (!ok)
                return EXIT_FLUSH;
        }
        if (b->code && jit_may_enter(h)) {
            int why = run_translated(h, b, &at);
            if (why >= 0)
                return (enum interp_exit)why;
            if (why == -1)
                continue; /* untranslated code: interpret it */
            /* Translated code that cannot run now (JX_UNBOXED): the block
             * at h->pc once in the interpreter, which goes on from there. */
            b = block_get(h->pc);
            if (!b)
                return EXIT_FLUSH;
        }
        at = b;
        enum interp_exit why = interp_run_at(h, &at);
        if (why != EXIT_HOT)
            return why;
    }
}
