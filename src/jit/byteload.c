/* Loads assembled from bytes. RV64GC does not promise fast misaligned
 * accesses, so gcc reads a possibly misaligned little-endian value (a
 * memcpy into an integer: xxHash, zstd's bit reader, hash functions) one
 * byte at a time:
 *     lbu t0, 1(a5) ; lbu t1, 0(a5) ; slli t0, t0, 8 ; or t0, t0, t1 ; ...
 * 22 instructions for a doubleword, where x86 has one load.
 *
 * This finds such assemblies in a translation unit by following what each
 * register holds, as far as byte loads, left shifts by whole bytes and ors
 * (add, xor) of disjoint bytes of one base register make it: a set of
 * (offset from the base, byte position in the value) pairs. An or that
 * completes offsets off..off+N-1 at positions 0..N-1 (N = 2, 4, 8), or at
 * N-1..0 (big-endian: sqlite's page format, SHA-256's message words), is a
 * candidate: one load of N bytes (lhu, lwu, ld; then a byte swap if
 * big-endian) at its first byte load, into the or's destination, the rest
 * left out. idiom.c decides whether
 * nobody could tell: the other results dead, nothing between but
 * arithmetic that does not touch the destination.
 *
 * The N bytes may span two pages where only the first byte load's is
 * accessible: then the single load faults where the bytes would not all
 * have. Its fault site says so (replay), and the fault handler has the
 * interpreter run the instructions again one by one from the first byte
 * load, which faults exactly where the program does, if it does. */
#include <string.h>
#include "jit/translate.h"

/* What a register holds: bytes of memory at base (as of version) +
 * offset, each at a byte position of the value, and nothing else. */
struct assembly {
    bool valid;
    uint8_t base;
    uint32_t version;
    uint8_t filled;             /* bit p: position p holds a byte */
    bool sext;                  /* the bytes (positions 0..3) sign-extended
                                   from bit 31: made by slliw */
    int32_t offset[8];          /* the offset at each filled position */
    uint64_t members[TR_UNIT_WORDS];
    /* What each member instruction leaves: its bytes, in one run of
     * positions from lo, whose offsets go up or down one per position
     * from step_lo (dir +1 or -1; 0 for one byte; other: no run); made
     * into bytes of the whole load (struct tr_extract) at the end. */
    unsigned nsteps;
    struct tr_extract step[TR_MAX_EXTRACTS];
    int32_t step_lo[TR_MAX_EXTRACTS];
    int8_t step_dir[TR_MAX_EXTRACTS];
};

/* Records what the assembly a member instruction just made holds in
 * step k. */
static void fill_step(struct assembly *a, unsigned k)
{
    unsigned lo = (unsigned)__builtin_ctz(a->filled);
    unsigned hi = 8 - (unsigned)__builtin_clz((unsigned)a->filled << 24);
    struct tr_extract *e = &a->step[k];
    e->mask = a->filled;
    e->sext = a->sext;
    e->skip = 0;
    e->usable = a->filled == (uint8_t)(((1u << hi) - 1) & ~((1u << lo) - 1));
    int dir = hi - lo == 1 ? 0 : a->offset[lo + 1] - a->offset[lo];
    for (unsigned p = lo; p < hi && e->usable; p++)
        e->usable = a->offset[p] - a->offset[lo] == dir * (int32_t)(p - lo);
    a->step_lo[k] = a->offset[lo];
    a->step_dir[k] = (int8_t)(e->usable && dir >= -1 && dir <= 1 ? dir : 2);
}

/* The bytes of the whole load (n bytes from off0, big-endian or not) that
 * step k holds: byte p of it is byte p + skip of the load. */
static void finish_step(const struct assembly *a, unsigned k, unsigned n,
                        int32_t off0, bool big, struct tr_extract *e)
{
    *e = a->step[k];
    unsigned lo = (unsigned)__builtin_ctz(e->mask);
    /* Shifts move all of a step's bytes alike, so a run in a complete
     * load goes the load's way (dir is never the other one). */
    int32_t at = a->step_lo[k] - off0; /* byte of memory at position lo */
    int32_t skip = (big ? (int32_t)n - 1 - at : at) - (int32_t)lo;
    e->usable = a->step_dir[k] != 2 && skip > -8 && skip < 8;
    e->skip = (int8_t)skip;
}

static void add_member(struct assembly *a, unsigned i)
{
    a->members[i / 64] |= UINT64_C(1) << i % 64;
}

/* The load an assembly is, as RV_LD, RV_LWU or RV_LHU, or 0: positions
 * 0..N-1 filled with consecutive offsets, going up (little-endian) or
 * down (big-endian, *big set), nothing above. */
static unsigned load_op(const struct assembly *a, bool *big)
{
    unsigned n = a->filled == 0xff ? 8 : a->filled == 0x0f ? 4 : a->filled == 0x03 ? 2 : 0;
    if (n == 0)
        return 0;
    *big = a->offset[1] == a->offset[0] - 1;
    int32_t dir = *big ? -1 : 1;
    for (unsigned p = 1; p < n; p++)
        if (a->offset[p] != a->offset[0] + dir * (int32_t)p)
            return 0;
    return n == 8 ? RV_LD : n == 4 ? (a->sext ? RV_LW : RV_LWU) : RV_LHU;
}

/* The union of two assemblies of disjoint bytes of one base, or invalid. */
static struct assembly join(const struct assembly *a, const struct assembly *b)
{
    struct assembly r;
    r.valid = false;
    if (!a->valid || !b->valid || a->base != b->base ||
        a->version != b->version || (a->filled & b->filled))
        return r;
    /* A sign-extended word joins only bytes below bit 31 (no carry, no
     * upper half): the result is the word of both, sign-extended. */
    if ((a->sext && (b->filled & 0xf8)) || (b->sext && (a->filled & 0xf8)))
        return r;
    if (a->nsteps + b->nsteps + 1 > TR_MAX_EXTRACTS)
        return r;
    r = *a;
    r.filled |= b->filled;
    r.sext |= b->sext;
    for (unsigned p = 0; p < 8; p++)
        if (b->filled >> p & 1)
            r.offset[p] = b->offset[p];
    for (unsigned w = 0; w < TR_UNIT_WORDS; w++)
        r.members[w] |= b->members[w];
    for (unsigned k = 0; k < b->nsteps; k++) {
        r.step[r.nsteps] = b->step[k];
        r.step_lo[r.nsteps] = b->step_lo[k];
        r.step_dir[r.nsteps++] = b->step_dir[k];
    }
    return r;
}

/* shifted left by k bits: whole bytes, none shifted out (of 64 bits, or
 * of 32 for slliw, whose result is sign-extended from bit 31) */
static struct assembly shift(const struct assembly *a, int32_t k, bool word)
{
    struct assembly r;
    r.valid = false;
    unsigned width = word ? 4 : 8;
    if (!a->valid || a->sext || k <= 0 || k % 8 || k >= 8 * (int32_t)width ||
        (a->filled >> (width - k / 8)) || a->nsteps + 1 > TR_MAX_EXTRACTS)
        return r;
    r = *a;
    r.filled = (uint8_t)(a->filled << (k / 8));
    r.sext = word && (r.filled & 0x08);
    for (int p = 7; p >= 0; p--)
        r.offset[p] = p >= k / 8 ? a->offset[p - k / 8] : 0;
    return r;
}

unsigned jit_byte_load_candidates(const struct block *blk,
                                  struct tr_idiom *out, unsigned max)
{
    /* Units without two byte loads have nothing to find. */
    unsigned bytes = 0;
    for (unsigned i = 0; i < blk->n; i++)
        bytes += blk->insn[i].d.op == RV_LBU;
    if (bytes < 2)
        return 0;
    /* (Only valid is set where it is false: these are large.) */
    struct assembly held[33], now;
    uint32_t version[33] = {0};
    for (int r = 0; r < 33; r++)
        held[r].valid = false;
    unsigned n = 0;
    for (unsigned i = 0; i < blk->n && n < max; i++) {
        const struct rv_insn *d = &blk->insn[i].d;
        if (jit_x_dest(d) < 0)
            continue;
        now.valid = false;
        if (d->op == RV_LBU && d->rs1 != 0) {
            now.valid = true;
            now.base = d->rs1;
            now.version = version[d->rs1];
            now.filled = 1;
            now.sext = false;
            now.offset[0] = d->imm;
            memset(now.members, 0, sizeof now.members);
            now.nsteps = 0;
        } else if ((d->op == RV_SLLI || d->op == RV_SLLIW) && held[d->rs1].valid) {
            now = shift(&held[d->rs1], d->imm, d->op == RV_SLLIW);
        } else if ((d->op == RV_OR || d->op == RV_ADD || d->op == RV_XOR) &&
                   held[d->rs1].valid && held[d->rs2].valid) {
            now = join(&held[d->rs1], &held[d->rs2]);
        }
        if (now.valid) {
            add_member(&now, i);
            if (now.nsteps == TR_MAX_EXTRACTS)
                now.valid = false; /* cannot happen: checked before */
        }
        bool big = false;
        if (now.valid) {
            now.step[now.nsteps] = (struct tr_extract){.index = (uint8_t)i};
            fill_step(&now, now.nsteps++);
            unsigned op = load_op(&now, &big);
            if (op) {
                unsigned size = op == RV_LD ? 8 : op == RV_LHU ? 2 : 4;
                int32_t off0 = big ? now.offset[size - 1] : now.offset[0];
                unsigned first = 0;
                while (!(now.members[first / 64] >> first % 64 & 1))
                    first++;
                out[n] = (struct tr_idiom){.at = first, .last = i,
                                           .replay = true};
                memcpy(out[n].members, now.members, sizeof now.members);
                out[n].insn = *d;
                out[n].insn.op = (uint16_t)op;
                out[n].insn.rs1 = now.base;
                out[n].insn.rs2 = 0;
                out[n].insn.imm = off0;
                out[n].insn.rm = big; /* byte-swapped after the load */
                out[n].nextracts = now.nsteps;
                for (unsigned k = 0; k < now.nsteps; k++)
                    finish_step(&now, k, size, off0, big, &out[n].extracts[k]);
                n++;
            }
        }
        if (now.valid)
            held[d->rd] = now;
        else
            held[d->rd].valid = false;
        version[d->rd]++;
    }
    return n;
}
