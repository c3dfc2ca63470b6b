/* --cosim: every translated block also runs in the interpreter, from the
 * same state, and hart stops at the first difference, printing both.
 *
 * For each block: the interpreter runs it first, one instruction at a time
 * (interp_one), while the old contents of every location it stores to are
 * kept; then memory is put back as it was, the registers too, and the
 * translated code runs the same block alone (cosim turns chaining off).
 * Registers, pc, fflags, the retired count, the reservation and the stored
 * locations must then agree. Blocks that read the cycle or time counters
 * are not compared (their values differ by nature), nor blocks that fault
 * in the interpreter (the fault is then the interpreter's to deliver). */
#include "jit/jit.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdnoreturn.h>
#include <stdlib.h>
#include <string.h>
#include "jit/translate.h"
#include "mem/access.h"
#include "rv/block.h"
#include "rv/decode.h"
#include "rv/fpu.h"

bool jit_cosim;

struct state {
    uint64_t x[33], f[32], pc, instret, resv_addr, resv_value;
    uint32_t fflags, frm;
    bool resv_valid;
};

static void save(struct hart *h, struct state *s)
{
    memcpy(s->x, h->x, sizeof s->x);
    memcpy(s->f, h->f, sizeof s->f);
    s->pc = h->pc;
    s->instret = h->instret;
    s->fflags = fpu_read_fflags(h);
    s->frm = h->frm;
    s->resv_addr = h->resv_addr;
    s->resv_value = h->resv_value;
    s->resv_valid = h->resv_valid;
}

static void restore(struct hart *h, const struct state *s)
{
    memcpy(h->x, s->x, sizeof s->x);
    memcpy(h->f, s->f, sizeof s->f);
    h->pc = s->pc;
    h->instret = s->instret;
    fpu_write_fflags(h, s->fflags);
    fpu_write_frm(h, s->frm);
    h->resv_addr = s->resv_addr;
    h->resv_value = s->resv_value;
    h->resv_valid = s->resv_valid;
}

enum { MAX_STORES = 512 };
struct journal {
    unsigned n;
    uint64_t addr[MAX_STORES];
    uint64_t old[MAX_STORES], now[MAX_STORES];
};

static bool writes_memory(const struct rv_insn *d)
{
    const struct rv_opinfo *info = &rv_opinfo[d->op];
    return info->format == RV_FMT_S || info->format == RV_FMT_AMO;
}

static bool reads_counters(const struct block *b)
{
    for (unsigned i = 0; i < b->n; i++) {
        const struct rv_insn *d = &b->insn[i].d;
        if (d->op < RV_OP_COUNT &&
            (rv_opinfo[d->op].format == RV_FMT_CSR ||
             rv_opinfo[d->op].format == RV_FMT_CSRI) &&
            ((unsigned)d->imm & 0xfff) >= 0xc00)
            return true;
    }
    return false;
}

/* Runs b in the interpreter, noting what each store overwrites. The
 * result: jit_fallback's for the instruction that ended the block. */
static int interpret(struct hart *h, struct block *b, struct journal *j)
{
    j->n = 0;
    h->instret += b->n; /* as entering a block does */
    for (unsigned i = 0; i < b->n; i++) {
        const struct block_insn *ip = &b->insn[i];
        if (ip->d.op < RV_OP_COUNT && writes_memory(&ip->d)) {
            const struct rv_opinfo *info = &rv_opinfo[ip->d.op];
            uint64_t a = h->x[ip->d.rs1] +
                         (info->format == RV_FMT_S ? (uint64_t)(int64_t)ip->d.imm : 0);
            if (j->n < MAX_STORES && space_range_ok(a, 8, PAGE_R)) {
                j->addr[j->n] = a;
                j->old[j->n] = guest_load64(a);
                j->n++;
            }
        }
        int r = jit_fallback(h, ip, b->pc + ip->off, jit_unretired(b, i));
        if (r != STEP_NEXT)
            return r;
    }
    return STEP_JUMP;
}

static void print_state(const char *who, const struct state *s,
                        const struct state *other)
{
    fprintf(stderr, "  %s: pc 0x%llx instret %llu fflags 0x%x resv %d@0x%llx\n",
            who, (unsigned long long)s->pc, (unsigned long long)s->instret,
            s->fflags, s->resv_valid, (unsigned long long)s->resv_addr);
    for (int r = 1; r < 32; r++)
        if (s->x[r] != other->x[r])
            fprintf(stderr, "    %-4s 0x%016llx\n", rv_xreg_name[r],
                    (unsigned long long)s->x[r]);
    for (int r = 0; r < 32; r++)
        if (s->f[r] != other->f[r])
            fprintf(stderr, "    %-4s 0x%016llx\n", rv_freg_name[r],
                    (unsigned long long)s->f[r]);
}

static noreturn void diverged(const struct block *b, const struct state *start,
                              const struct state *interp,
                              const struct state *jit, const char *what)
{
    fprintf(stderr, "hart: cosim: translated code and interpreter differ (%s) "
                    "in the block at 0x%llx:\n", what,
            (unsigned long long)b->pc);
    for (unsigned i = 0; i < b->n; i++) {
        struct rv_insn d = b->insn[i].d;
        if (d.op >= RV_OP_COUNT)
            continue;
        if (d.rd == RV_SINK)
            d.rd = 0;
        char text[96];
        rv_disasm(&d, b->pc + b->insn[i].off, text, sizeof text);
        fprintf(stderr, "    0x%llx: %s\n",
                (unsigned long long)(b->pc + b->insn[i].off), text);
    }
    print_state("before", start, start);
    print_state("interpreter", interp, jit);
    print_state("translated", jit, interp);
    exit(125);
}

/* Runs translated block b, checked against the interpreter; returns what
 * the translated code returned. */
int jit_cosim_block(struct hart *h, struct block *b,
                    int (*enter)(struct hart *, void *))
{
    if (reads_counters(b) || atomic_load(&h->interrupt))
        return enter(h, b->code);
    struct state start, interp, jit;
    struct journal j;
    save(h, &start);
    int ri = interpret(h, b, &j);
    if (ri == EXIT_SIGNAL) {
        /* The interpreter's fault stands; nothing to compare. */
        return EXIT_SIGNAL;
    }
    save(h, &interp);
    for (unsigned k = 0; k < j.n; k++)
        j.now[k] = guest_load64(j.addr[k]);
    for (unsigned k = j.n; k-- > 0;)
        guest_store64(j.addr[k], j.old[k]);
    restore(h, &start);

    int rj = enter(h, b->code);
    save(h, &jit);
    bool jumped_i = ri == STEP_JUMP || ri >= JX_CHAIN, jumped_j = rj >= JX_CHAIN;
    if (jumped_i != jumped_j || (!jumped_i && ri != rj))
        diverged(b, &start, &interp, &jit, "exit");
    if (memcmp(interp.x + 1, jit.x + 1, 31 * sizeof *jit.x) ||
        memcmp(interp.f, jit.f, sizeof jit.f))
        diverged(b, &start, &interp, &jit, "registers");
    if (interp.pc != jit.pc || interp.instret != jit.instret ||
        interp.fflags != jit.fflags || interp.resv_valid != jit.resv_valid)
        diverged(b, &start, &interp, &jit, "pc, count, flags or reservation");
    for (unsigned k = 0; k < j.n; k++)
        if (guest_load64(j.addr[k]) != j.now[k])
            diverged(b, &start, &interp, &jit, "memory");
    return rj;
}
