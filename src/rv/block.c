/* The block cache: building decoded blocks from guest code, finding them by
 * guest pc, and dropping them all at once.
 *
 * Blocks live in an arena of large chunks and are never freed one by one: a
 * flush forgets them all. That keeps successor pointers between blocks
 * valid without bookkeeping (a block can only point at blocks of its own
 * generation) and makes invalidation trivially correct.
 *
 * Guest threads share the cache: lookups take no lock (a block is complete
 * before the release store that links it into its hash chain, and chains
 * only grow at the head), building and linking take block_lock, and
 * flushes happen under the engine's write lock, when nobody looks.
 *
 * The hash table doubles whenever it holds twice as many blocks as it has
 * chains: gcc's cc1 decodes a quarter of a million blocks, and with a fixed
 * 65536 chains block_get took 14% of its run walking them. A resize, under
 * block_lock, relinks the same blocks into a new array; a reader walking a
 * chain meanwhile may stop short, but a lookup that finds nothing looks
 * again under block_lock in the table then current. Arrays replaced stay
 * allocated until the next flush: a reader may still be reading a chain's
 * head from one. */
#include "rv/block.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "core/hart.h"
#include "mem/access.h"
#include "rv/decode.h"
#include "rv/interp.h"
#include "rv/smc.h"

enum {
    MAX_BLOCK_INSNS = 256,
    TABLE_MIN_BITS = 16,
    TABLE_MAX_BITS = 22,
    CHUNK_SIZE = 1 << 20,
    CACHE_LIMIT = 64 << 20,  /* bytes of decoded blocks before a flush */
};

struct table {
    struct table *replaced; /* the smaller array this one replaced */
    unsigned bits;
    size_t blocks;          /* linked into it; under block_lock */
    struct block *head[];   /* read and written atomically */
};

struct chunk {
    struct chunk *next;
    size_t used;
    _Alignas(16) unsigned char data[];
};

static struct table *table; /* read atomically; replaced under block_lock */
static pthread_mutex_t block_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;
static struct chunk *chunks;
static size_t cache_bytes;
struct block_stats block_stats;

static size_t hash_pc(const struct table *t, uint64_t pc)
{
    uint64_t x = pc >> 1; /* instructions start at even addresses */
    return (size_t)(x ^ (x >> t->bits) ^ (x >> 2 * t->bits)) &
           (((size_t)1 << t->bits) - 1);
}

static struct table *table_new(unsigned bits)
{
    struct table *t = calloc(1, sizeof *t + (sizeof(struct block *) << bits));
    if (t)
        t->bits = bits;
    return t;
}

/* Moves every block of t into a table twice its size, keeping the order of
 * each chain (a fresh block before a stale one of the same pc), and makes
 * that the table; t stays allocated. A failed allocation keeps t. */
static void table_grow(struct table *t)
{
    struct table *bigger = table_new(t->bits + 1);
    if (!bigger)
        return;
    bigger->replaced = t;
    bigger->blocks = t->blocks;
    for (size_t i = 0; i < (size_t)1 << t->bits; i++) {
        struct block *b = __atomic_load_n(&t->head[i], __ATOMIC_RELAXED);
        while (b) {
            struct block *next = __atomic_load_n(&b->hash_next, __ATOMIC_RELAXED);
            __atomic_store_n(&b->hash_next, NULL, __ATOMIC_RELAXED);
            struct block **at = &bigger->head[hash_pc(bigger, b->pc)];
            while (*at)
                at = &(*at)->hash_next;
            __atomic_store_n(at, b, __ATOMIC_RELEASE);
            b = next;
        }
    }
    __atomic_store_n(&table, bigger, __ATOMIC_RELEASE);
}

static void table_free_all(void)
{
    for (struct table *t = table; t;) {
        struct table *replaced = t->replaced;
        free(t);
        t = replaced;
    }
    table = NULL;
}

static void *arena_alloc(size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (!chunks || chunks->used + size > CHUNK_SIZE - sizeof(struct chunk)) {
        if (cache_bytes + CHUNK_SIZE > CACHE_LIMIT)
            return NULL;
        struct chunk *c = malloc(CHUNK_SIZE);
        if (!c)
            return NULL;
        c->next = chunks;
        c->used = 0;
        chunks = c;
        cache_bytes += CHUNK_SIZE;
    }
    void *p = chunks->data + chunks->used;
    chunks->used += size;
    return p;
}

/* Reads the instruction at pc if the guest may execute it. Its page is
 * noted as holding decoded code before it is read: a munmap racing with
 * the read then sees the note and drops the block (mem/space.c). */
static bool fetch(uint64_t pc, uint32_t *word)
{
    if (!guest_addr_ok(pc) || !(space_page_flags(pc) & PAGE_X))
        return false;
    space_note_decoded(pc);
    uint16_t low = guest_load16(pc);
    if (rv_insn_length(low) != 4) {
        *word = low;
        return true;
    }
    uint64_t high_pc = pc + 2;
    if ((high_pc & (GUEST_PAGE_SIZE - 1)) == 0 &&
        (!guest_addr_ok(high_pc) || !(space_page_flags(high_pc) & PAGE_X)))
        return false;
    space_note_decoded(high_pc);
    *word = low | (uint32_t)guest_load16(high_pc) << 16;
    return true;
}

/* Writes to x0 go to a sink slot, so instruction bodies need no check. */
static void prepare(struct rv_insn *d)
{
    if (d->rd == 0 && rv_regfile(d->op, 0) == RV_REG_X)
        d->rd = RV_SINK;
}

static struct block *build(uint64_t pc)
{
    struct block_insn buf[MAX_BLOCK_INSNS];
    uint32_t n = 0, off = 0;
    for (;;) {
        struct block_insn *bi = &buf[n++];
        uint32_t word;
        memset(bi, 0, sizeof *bi);
        bi->off = (uint16_t)off;
        bi->index = (uint16_t)(n - 1);
        if (!fetch(pc + off, &word)) {
            bi->d.op = OP_FETCH_FAULT;
            bi->handler = interp_handler(OP_FETCH_FAULT);
            break;
        }
        rv_decode(word, &bi->d);
        prepare(&bi->d);
        bi->handler = interp_handler(bi->d.op);
        off += bi->d.len;
        if (rv_ends_block(bi->d.op))
            break;
        if (n == MAX_BLOCK_INSNS - 1) {
            bi = &buf[n++];
            memset(bi, 0, sizeof *bi);
            bi->off = (uint16_t)off;
            bi->index = (uint16_t)(n - 1);
            bi->d.op = OP_FALLTHROUGH;
            bi->handler = interp_handler(OP_FALLTHROUGH);
            break;
        }
    }
    /* Watch the code's pages for stores; a page already found to be
     * written often makes the block check its bytes instead. A block that
     * is only a fetch fault covers no bytes, and its pc may be anywhere,
     * outside the guest space too. */
    bool check = false;
    uint64_t last = pc + off - 1;
    for (uint64_t p = pc & ~(GUEST_PAGE_SIZE - 1); off && p <= last;
         p += GUEST_PAGE_SIZE) {
        smc_watch(p);
        check |= (space_page_flags(p) & PAGE_VOLATILE) != 0;
    }
    size_t size = sizeof(struct block) + n * sizeof(struct block_insn);
    struct block *b = arena_alloc(size + (check ? off : 0));
    if (!b)
        return NULL;
    memset(b, 0, sizeof *b);
    b->pc = pc;
    b->n = n;
    b->bytes = off;
    memcpy(b->insn, buf, n * sizeof(struct block_insn));
    if (check) {
        uint8_t *copy = (uint8_t *)b + size;
        memcpy(copy, g2h(pc), off);
        b->copy = copy;
        b->check = true;
    }
    block_stats.built++;
    block_stats.insns_decoded += n;
    return b;
}

/* A fork must not leave the child with block_lock held by a thread that
 * does not exist there, nor with a block half built. */
static void fork_prepare(void)
{
    pthread_mutex_lock(&block_lock);
}

static void fork_done(void)
{
    pthread_mutex_unlock(&block_lock);
}

static void register_atfork(void)
{
    pthread_atfork(fork_prepare, fork_done, fork_done);
}

void block_init(void)
{
    pthread_once(&atfork_once, register_atfork);
}

static struct block *lookup(uint64_t pc)
{
    const struct table *t = __atomic_load_n(&table, __ATOMIC_ACQUIRE);
    if (!t)
        return NULL;
    for (struct block *b = __atomic_load_n(&t->head[hash_pc(t, pc)], __ATOMIC_ACQUIRE);
         b; b = __atomic_load_n(&b->hash_next, __ATOMIC_ACQUIRE))
        if (b->pc == pc)
            return b;
    return NULL;
}

/* Builds the block at pc and links it at the head of its chain (where a
 * lookup finds it before any stale block with the same pc). Under
 * block_lock. */
static struct block *build_and_link(uint64_t pc)
{
    if (!table) {
        struct table *first = table_new(TABLE_MIN_BITS);
        if (!first)
            return NULL;
        __atomic_store_n(&table, first, __ATOMIC_RELEASE);
    }
    struct block *b = build(pc);
    if (b) {
        struct block **head = &table->head[hash_pc(table, pc)];
        b->hash_next = *head;
        __atomic_store_n(head, b, __ATOMIC_RELEASE);
        if (++table->blocks > (size_t)2 << table->bits &&
            table->bits < TABLE_MAX_BITS)
            table_grow(table);
    }
    return b;
}

struct block *block_recheck(struct block *b)
{
    if (!memcmp(g2h(b->pc), b->copy, b->bytes))
        return b;
    pthread_mutex_lock(&block_lock);
    struct block *fresh = build_and_link(b->pc);
    pthread_mutex_unlock(&block_lock);
    return fresh;
}

struct block *block_get(uint64_t pc)
{
    struct block *b = lookup(pc);
    if (!b) {
        block_init(); /* a no-op after the first call */
        pthread_mutex_lock(&block_lock);
        b = lookup(pc); /* built meanwhile, or missed during a resize */
        if (!b)
            b = build_and_link(pc);
        pthread_mutex_unlock(&block_lock);
        return b;
    }
    return b->check ? block_recheck(b) : b;
}

void block_flush(void)
{
    pthread_mutex_lock(&block_lock);
    while (chunks) {
        struct chunk *next = chunks->next;
        free(chunks);
        chunks = next;
    }
    cache_bytes = 0;
    table_free_all(); /* the next build makes a small one */
    block_stats.flushes++;
    pthread_mutex_unlock(&block_lock);
}
