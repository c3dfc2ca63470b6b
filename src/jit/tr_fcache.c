/* The copies of guest FP registers that a translation unit keeps in
 * XMM2-XMM15 (struct tr_fcache). FP code is chains of dependent operations;
 * reading each operand back from struct hart puts a store-to-load
 * forwarding delay on every link of the chain, while a register copy costs
 * nothing. Copies are write-through (the emitters store every result to
 * struct hart as before), so nothing outside the unit's straight-line code
 * ever needs them: side exits, faults and the interpreter find every value
 * in memory. A unit is entered with no copies, and calls into C drop them
 * all (the SysV ABI lets C clobber every XMM register). */
#include "jit/translate.h"

#define FC (&t->fc)
#define FIRST_SLOT 2 /* XMM0 and XMM1 are the emitters' scratch */

static void touch(struct tr *t, int x)
{
    FC->last_use[x] = ++FC->clock;
}

/* An XMM for f[r], with no copy in it yet: a free one, else the least
 * recently used (never one the current instruction read, which were used
 * last). */
static int take_slot(struct tr *t, int r)
{
    int pick = FIRST_SLOT;
    for (int x = FIRST_SLOT; x < TR_FSLOTS; x++) {
        if (!FC->owner[x]) {
            pick = x;
            break;
        }
        if (FC->last_use[x] < FC->last_use[pick])
            pick = x;
    }
    if (FC->owner[pick])
        FC->slot[FC->owner[pick] - 1] = 0;
    FC->owner[pick] = (uint8_t)(r + 1);
    FC->slot[r] = (uint8_t)pick;
    touch(t, pick);
    return pick;
}

enum x64_xmm tr_f_read_low(struct tr *t, int r)
{
    int x = FC->slot[r];
    if (!x) {
        x = take_slot(t, r);
        x64_movsd_xm(&t->b, (enum x64_xmm)x, FREG_MEM(r));
        FC->low32 &= ~(1u << r);
    }
    touch(t, x);
    return (enum x64_xmm)x;
}

enum x64_xmm tr_f_read(struct tr *t, int r)
{
    int x = FC->slot[r];
    if (x && (FC->low32 >> r & 1)) { /* the whole register, from memory */
        x64_movsd_xm(&t->b, (enum x64_xmm)x, FREG_MEM(r));
        FC->low32 &= ~(1u << r);
    }
    return tr_f_read_low(t, r);
}

bool tr_f_known_boxed(const struct tr *t, int r)
{
    return FC->slot[r] && (FC->low32 >> r & 1);
}

void tr_f_wrote(struct tr *t, int r, enum x64_xmm x, bool single)
{
    int s = FC->slot[r] ? FC->slot[r] : take_slot(t, r);
    if ((int)x != s)
        x64_movaps_xx(&t->b, (enum x64_xmm)s, x);
    if (single)
        FC->low32 |= 1u << r;
    else
        FC->low32 &= ~(1u << r);
    touch(t, s);
}

enum x64_xmm tr_f_slot_for(struct tr *t, int r)
{
    int s = FC->slot[r] ? FC->slot[r] : take_slot(t, r);
    FC->low32 &= ~(1u << r);
    touch(t, s);
    return (enum x64_xmm)s;
}

enum x64_xmm tr_f_slot_of(const struct tr *t, int r)
{
    return (enum x64_xmm)FC->slot[r];
}

void tr_f_forget(struct tr *t, int r)
{
    int x = FC->slot[r];
    if (x) {
        FC->owner[x] = 0;
        FC->slot[r] = 0;
    }
}

void tr_f_forget_all(struct tr *t)
{
    for (int r = 0; r < 32; r++)
        tr_f_forget(t, r);
}

void tr_f_reload(struct tr *t, const uint8_t owner[TR_FSLOTS])
{
    /* A low-32 copy reloads as the whole register: its low half is the
     * same, and the code after this only reads the low half. */
    for (int x = FIRST_SLOT; x < TR_FSLOTS; x++)
        if (owner[x])
            x64_movsd_xm(&t->b, (enum x64_xmm)x, FREG_MEM(owner[x] - 1));
}
