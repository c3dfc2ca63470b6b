/* Random test programs for differential testing: a seed gives a complete
 * static riscv64 Linux program (no libc) that runs a random mix of RV64GC,
 * Zba, Zbb, Zbs and Zicond instructions over edge values, then writes its
 * whole final state to stdout and exits 0. The same program runs under hart
 * and under a reference (qemu-riscv64) and both outputs must be equal.
 *
 * A program is a list of instruction slots. Slots are grouped into shrink
 * units: removing a unit replaces its slots by nops of the same size, so
 * branch offsets stay valid and the program stays well-formed (memory
 * accesses keep their address set-up, loops keep their counters). */
#ifndef HART_GEN_PROG_H
#define HART_GEN_PROG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where things live in the guest. */
#define GEN_CODE_BASE 0x10000u      /* ELF headers, then code, then constants */
#define GEN_TEXT (GEN_CODE_BASE + 0x100u)  /* first instruction, the entry */
#define GEN_DATA_BASE 0x200000u     /* the dump area, then the scratch buffer */
#define GEN_SCRATCH_SIZE 4096u
#define GEN_SMC_BASE 0x300000u      /* writable, executable: code written at
                                       run time, 16-byte slots */
#define GEN_SMC_SIZE 4096u

/* What a program writes to stdout, in guest (little-endian) byte order. */
struct gen_dump {
    uint64_t x[32];     /* x31 holds the dump address, not state */
    uint64_t f[32];
    uint64_t fcsr;
    uint8_t scratch[GEN_SCRATCH_SIZE];
    /* Programs that end in a fault: the signal, si_code, si_addr and the
     * pc of the signal frame (zero in the others). */
    uint64_t sig[4];
};
#define GEN_DUMP_SIZE (65 * 8 + GEN_SCRATCH_SIZE + 32)

/* Classes of generated items; the mix gives each a weight. */
enum gen_class {
    GEN_ALU,      /* integer register-register and immediate operations */
    GEN_CALU,     /* compressed integer operations */
    GEN_LI,       /* load an edge constant into a register */
    GEN_MEM,      /* loads and stores of every width, aligned or not */
    GEN_CMEM,     /* compressed loads and stores */
    GEN_AMO,      /* atomic memory operations */
    GEN_LRSC,     /* load-reserved / store-conditional pairs */
    GEN_FP,       /* F and D arithmetic, conversions, moves, compares */
    GEN_FCONST,   /* load an FP edge value (NaNs, infinities, denormals...) */
    GEN_FCSR,     /* fcsr, frm and fflags reads and writes */
    GEN_BRANCH,   /* forward conditional branches */
    GEN_JUMP,     /* forward jal, jalr, c.j, c.jr, c.jalr */
    GEN_LOOP,     /* small counted loops */
    GEN_COND,     /* Zicond */
    GEN_FENCE,    /* fence, fence.i */
    GEN_SMC,      /* write an instruction, fence.i, run it */
    GEN_CLASS_COUNT
};
extern const char *const gen_class_name[GEN_CLASS_COUNT];

struct gen_options {
    unsigned length;                /* random items in the body */
    unsigned weight[GEN_CLASS_COUNT];
    /* Runs of the whole body (at least 1): repeating it lets a translator
     * with a low threshold translate, then run, most blocks. */
    unsigned repeat;
    /* Install a signal handler that dumps the signal frame's state, and
     * end the body with a fault (src/gen/fault.c). */
    bool fault;
};

/* Fills in the default length and mix. */
void gen_default_options(struct gen_options *opt);
/* Parses "alu=10,fp=5,..." into opt's weights (classes not named get 0,
 * so the string is the whole mix); returns false (with a
 * message on stderr) on an unknown class. */
bool gen_parse_mix(struct gen_options *opt, const char *mix);

struct gen_slot {
    uint32_t word;   /* the instruction hart runs */
    uint32_t ref;    /* the reference's: differs where the reference lacks
                        an extension and runs an equivalent sequence */
    uint8_t len;     /* 2 or 4 */
    uint32_t off;    /* byte offset from the first instruction */
    int32_t unit;    /* shrink unit, or -1 for structure (never removed) */
};

struct gen_prog {
    struct gen_slot *slot;
    size_t nslots, slot_cap;
    uint64_t *pool;               /* constants, 8-byte aligned after code */
    size_t npool, pool_cap;
    unsigned nunits;
    int expect_signal;            /* the signal a fault program raises */
    uint8_t scratch[GEN_SCRATCH_SIZE];  /* initial scratch contents */
};

/* Generates the program of a seed. */
void gen_program(uint64_t seed, const struct gen_options *opt,
                 struct gen_prog *prog);
void gen_free(struct gen_prog *prog);

/* Builds the ELF image of a program: the hart version, or (ref) the
 * reference version. Units whose entry in removed is non-zero become nops
 * (removed may be NULL). Returns a malloc'ed buffer and its size in *size. */
uint8_t *gen_elf(const struct gen_prog *prog, bool ref, const uint8_t *removed,
                 size_t *size);

/* Guest address of slot i. */
uint64_t gen_slot_addr(const struct gen_prog *prog, size_t i);

#endif
