/* The program generator's frame: options, slot emission, the constant pool
 * and its pc-relative fix-ups, and the fixed parts of every program.
 *
 * A program is: a prologue that loads every integer and FP register from an
 * initial-state table of edge values and points sp and x31 into the scratch
 * buffer; the random body (items.c); an epilogue that stores every register
 * and fcsr to the dump area and writes the dump area and the scratch buffer
 * to stdout with one write system call, then exits 0. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gen/gen.h"

const char *const gen_class_name[GEN_CLASS_COUNT] = {
    "alu", "calu", "li", "mem", "cmem", "amo", "lrsc", "fp", "fconst",
    "fcsr", "branch", "jump", "loop", "cond", "fence", "smc",
};

static const unsigned default_weight[GEN_CLASS_COUNT] = {
    [GEN_ALU] = 30, [GEN_CALU] = 8, [GEN_LI] = 8, [GEN_MEM] = 12,
    [GEN_CMEM] = 5, [GEN_AMO] = 4, [GEN_LRSC] = 2, [GEN_FP] = 20,
    [GEN_FCONST] = 5, [GEN_FCSR] = 3, [GEN_BRANCH] = 4, [GEN_JUMP] = 2,
    [GEN_LOOP] = 1, [GEN_COND] = 2, [GEN_FENCE] = 1, [GEN_SMC] = 1,
};

void gen_default_options(struct gen_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->length = 150;
    opt->repeat = 1;
    memcpy(opt->weight, default_weight, sizeof opt->weight);
}

bool gen_parse_mix(struct gen_options *opt, const char *mix)
{
    memset(opt->weight, 0, sizeof opt->weight);
    while (*mix) {
        size_t len = strcspn(mix, "=,");
        int c = 0;
        while (c < GEN_CLASS_COUNT && (strlen(gen_class_name[c]) != len ||
                                       strncmp(gen_class_name[c], mix, len)))
            c++;
        if (c == GEN_CLASS_COUNT || mix[len] != '=') {
            fprintf(stderr, "rvgen: bad mix entry '%.*s' (want CLASS=WEIGHT;"
                    " classes:", (int)len, mix);
            for (int i = 0; i < GEN_CLASS_COUNT; i++)
                fprintf(stderr, " %s", gen_class_name[i]);
            fprintf(stderr, ")\n");
            return false;
        }
        char *end;
        opt->weight[c] = (unsigned)strtoul(mix + len + 1, &end, 10);
        mix = *end == ',' ? end + 1 : end;
    }
    return true;
}

uint64_t gen_rand(struct gen *g)
{
    uint64_t z = (g->rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

unsigned gen_below(struct gen *g, unsigned n)
{
    return (unsigned)(gen_rand(g) % n);
}

bool gen_chance(struct gen *g, unsigned percent)
{
    return gen_below(g, 100) < percent;
}

static size_t emit_slot(struct gen *g, uint32_t word, uint32_t ref,
                        unsigned len)
{
    struct gen_prog *p = g->p;
    if (p->nslots == p->slot_cap) {
        p->slot_cap = p->slot_cap ? 2 * p->slot_cap : 1024;
        p->slot = realloc(p->slot, p->slot_cap * sizeof *p->slot);
        if (!p->slot)
            abort();
    }
    p->slot[p->nslots] = (struct gen_slot){
        .word = word, .ref = ref, .len = (uint8_t)len, .off = g->off,
        .unit = g->unit};
    g->off += len;
    return p->nslots++;
}

size_t gen_emit(struct gen *g, uint32_t word)
{
    return emit_slot(g, word, word, 4);
}

size_t gen_emit_c(struct gen *g, uint16_t half)
{
    return emit_slot(g, half, half, 2);
}

size_t gen_emit_ref(struct gen *g, uint32_t word, uint32_t ref)
{
    return emit_slot(g, word, ref, 4);
}

void gen_patch(struct gen *g, size_t i, uint32_t word)
{
    assert((g->p->slot[i].len == 2) == (word < 0x10000 && (word & 3) != 3));
    g->p->slot[i].word = g->p->slot[i].ref = word;
}

size_t gen_pool_add(struct gen *g, uint64_t value)
{
    struct gen_prog *p = g->p;
    if (p->npool == p->pool_cap) {
        p->pool_cap = p->pool_cap ? 2 * p->pool_cap : 256;
        p->pool = realloc(p->pool, p->pool_cap * sizeof *p->pool);
        if (!p->pool)
            abort();
    }
    p->pool[p->npool] = value;
    return p->npool++;
}

static void add_fixup(struct gen *g, enum rv_op op, unsigned rd, unsigned tmp,
                      size_t pool)
{
    if (g->nfix == g->fix_cap) {
        g->fix_cap = g->fix_cap ? 2 * g->fix_cap : 256;
        g->fix = realloc(g->fix, g->fix_cap * sizeof *g->fix);
        if (!g->fix)
            abort();
    }
    /* Placeholders, re-encoded by apply_fixups once the pool's place is
     * known; they are already the right instructions and sizes. */
    size_t auipc = gen_emit(g, gen_enc(RV_AUIPC, tmp, 0, 0, 0));
    size_t second = gen_emit(g, gen_enc(op, rd, tmp, 0, 0));
    g->fix[g->nfix++] = (struct gen_fixup){
        .auipc = auipc, .second = second, .pool = pool, .op = (uint16_t)op,
        .rd = (uint8_t)rd, .tmp = (uint8_t)tmp};
}

void gen_load_const(struct gen *g, enum rv_op op, unsigned rd, unsigned tmp,
                    uint64_t value)
{
    assert(tmp != 0);
    add_fixup(g, op, rd, tmp, gen_pool_add(g, value));
}

void gen_addr_pool(struct gen *g, unsigned tmp, size_t index)
{
    add_fixup(g, RV_ADDI, tmp, tmp, index);
}

static uint32_t pool_offset(const struct gen_prog *p)
{
    const struct gen_slot *last = &p->slot[p->nslots - 1];
    return (last->off + last->len + 7) & ~7u;
}

static void apply_fixups(struct gen *g)
{
    uint32_t pool = pool_offset(g->p);
    for (size_t i = 0; i < g->nfix; i++) {
        struct gen_fixup *f = &g->fix[i];
        int32_t delta = (int32_t)(pool + 8 * f->pool) -
                        (int32_t)g->p->slot[f->auipc].off;
        int32_t hi = (int32_t)(((uint32_t)delta + 0x800) & ~0xfffu);
        gen_patch(g, f->auipc, gen_enc(RV_AUIPC, f->tmp, 0, 0, hi));
        gen_patch(g, f->second, gen_enc(f->op, f->rd, f->tmp, 0, delta - hi));
    }
}

static bool fits12(int64_t v)
{
    return v >= -2048 && v < 2048;
}

void gen_li(struct gen *g, unsigned rd, uint64_t value)
{
    int64_t v = (int64_t)value;
    if (fits12(v)) {
        if (rd && v >= -32 && v < 32 && gen_chance(g, 30))
            gen_emit_c(g, gen_cencode(GEN_C_LI, rd, 0, 0, (int32_t)v));
        else
            gen_emit(g, gen_enc(RV_ADDI, rd, 0, 0, (int32_t)v));
    } else if (v == (int32_t)v && rd) {
        uint32_t hi = ((uint32_t)v + 0x800) & ~0xfffu;
        int32_t lo = (int32_t)((uint32_t)v - hi);
        gen_emit(g, gen_enc(RV_LUI, rd, 0, 0, (int32_t)hi));
        if (lo)
            gen_emit(g, gen_enc(RV_ADDIW, rd, rd, 0, lo));
    } else {
        gen_load_const(g, RV_LD, rd, rd ? rd : gen_xtmp(g), value);
    }
}

static void prologue(struct gen *g, uint64_t *init)
{
    size_t table = g->p->npool;
    for (int i = 0; i < 64; i++)
        gen_pool_add(g, init[i]);
    gen_addr_pool(g, GEN_BASE, table);
    for (unsigned r = 1; r < 31; r++)
        if (r != GEN_SP)
            gen_emit(g, gen_enc(RV_LD, r, GEN_BASE, 0, (int32_t)(8 * r)));
    for (unsigned r = 0; r < 32; r++)
        gen_emit(g, gen_enc(RV_FLD, r, GEN_BASE, 0, (int32_t)(256 + 8 * r)));
    uint32_t scratch = GEN_DATA_BASE + offsetof(struct gen_dump, scratch);
    gen_li(g, GEN_SP, scratch + GEN_SP_OFF);
    gen_li(g, GEN_BASE, scratch + GEN_BASE_OFF);
    gen_emit(g, gen_enc(RV_CSRRWI, 0, gen_below(g, 5), 0, 2));
}

static void epilogue(struct gen *g)
{
    gen_li(g, GEN_BASE, GEN_DATA_BASE);
    for (unsigned r = 0; r < 32; r++)
        gen_emit(g, gen_enc(RV_SD, 0, GEN_BASE, r, (int32_t)(8 * r)));
    for (unsigned r = 0; r < 32; r++)
        gen_emit(g, gen_enc(RV_FSD, 0, GEN_BASE, r, (int32_t)(256 + 8 * r)));
    gen_emit(g, gen_enc(RV_CSRRS, 1, 0, 0, 3));
    gen_emit(g, gen_enc(RV_SD, 0, GEN_BASE, 1, 512));
    gen_li(g, 10, 1);                            /* write(1, dump, size) */
    gen_emit(g, gen_enc(RV_ADDI, 11, GEN_BASE, 0, 0));
    gen_li(g, 12, GEN_DUMP_SIZE);
    gen_li(g, 17, 64);
    gen_emit(g, gen_enc(RV_ECALL, 0, 0, 0, 0));
    gen_li(g, 10, 0);                            /* exit(0) */
    gen_li(g, 17, 93);
    gen_emit(g, gen_enc(RV_ECALL, 0, 0, 0, 0));
}

void gen_program(uint64_t seed, const struct gen_options *opt,
                 struct gen_prog *prog)
{
    memset(prog, 0, sizeof *prog);
    struct gen g = {.p = prog, .opt = opt, .rng = seed, .unit = -1,
                    .avoid = -1};
    for (int c = 0; c < GEN_CLASS_COUNT; c++)
        g.total_weight += opt->weight[c];

    uint64_t init[64];
    init[0] = 0;
    for (int r = 1; r < 32; r++)
        init[r] = r == GEN_LOOP_REG ? 0 : gen_edge_int(&g);
    for (int r = 0; r < 32; r++)
        init[32 + r] = gen_edge_fp(&g);
    for (size_t i = 0; i < GEN_SCRATCH_SIZE; i += 8) {
        uint64_t v = gen_chance(&g, 50) ? gen_rand(&g) :
                     gen_chance(&g, 50) ? gen_edge_int(&g) : gen_edge_fp(&g);
        memcpy(prog->scratch + i, &v, 8);
    }

    if (opt->fault)
        gen_fault_setup(&g);
    prologue(&g, init);
    /* The repeat counter lives in the dump area (its x31 slot, written last
     * by the epilogue), reached from sp, which the body leaves as it was. */
    int32_t counter = 8 * 31 - (int32_t)offsetof(struct gen_dump, scratch) -
                      GEN_SP_OFF;
    uint32_t body = g.off;
    if (opt->repeat > 1) {
        gen_li(&g, GEN_LOOP_REG, opt->repeat);
        gen_emit(&g, gen_enc(RV_SD, 0, GEN_SP, GEN_LOOP_REG, counter));
        body = g.off;
    }
    if (g.total_weight)
        for (unsigned i = 0; i < opt->length; i++)
            gen_item(&g);
    g.unit = -1;
    if (opt->fault && opt->repeat > 1)
        gen_fault(&g, true, counter);
    if (opt->repeat > 1) {
        gen_emit(&g, gen_enc(RV_LD, GEN_LOOP_REG, GEN_SP, 0, counter));
        gen_emit(&g, gen_enc(RV_ADDI, GEN_LOOP_REG, GEN_LOOP_REG, 0, -1));
        gen_emit(&g, gen_enc(RV_SD, 0, GEN_SP, GEN_LOOP_REG, counter));
        gen_emit(&g, gen_enc(RV_BGE, 0, 0, GEN_LOOP_REG, 8));
        gen_emit(&g, gen_enc(RV_JAL, 0, 0, 0, (int32_t)body - (int32_t)g.off));
    }
    if (opt->fault && opt->repeat <= 1)
        gen_fault(&g, false, 0);
    epilogue(&g);
    if (opt->fault)
        gen_fault_handler(&g);
    apply_fixups(&g);
    free(g.fix);
}

void gen_free(struct gen_prog *prog)
{
    free(prog->slot);
    free(prog->pool);
    memset(prog, 0, sizeof *prog);
}

uint64_t gen_slot_addr(const struct gen_prog *prog, size_t i)
{
    return GEN_TEXT + prog->slot[i].off;
}
