/* What the translator shows a person: -d in_asm (guest code of each
 * translated block), -d out_asm (the host code made from it) and --perfmap
 * (/tmp/perf-PID.map, so perf report names the guest functions that
 * translated code belongs to).
 *
 * Host code is disassembled with capstone (Debian's libcapstone4, which
 * qemu-user already depends on), loaded with dlopen only when out_asm is
 * asked for: hart itself does not link against it. Without it, out_asm
 * prints the bytes in hex. The prototypes below are capstone 4's API. */
#include "jit/jit.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "linux/symbols.h"
#include "rv/block.h"
#include "core/hart.h"
#include "rv/decode.h"
#include "jit/translate.h"

unsigned jit_debug;
static FILE *perfmap;
bool jit_debug_any;

struct cs_insn_v4 {
    unsigned int id;
    uint64_t address;
    uint16_t size;
    uint8_t bytes[16];
    char mnemonic[32];
    char op_str[160];
    void *detail;
};
enum { CS_ARCH_X86 = 3, CS_MODE_64 = 1 << 3 };
static struct {
    int (*open)(int arch, int mode, size_t *handle);
    size_t (*disasm)(size_t handle, const uint8_t *code, size_t size,
                     uint64_t address, size_t count, struct cs_insn_v4 **insn);
    void (*free)(struct cs_insn_v4 *insn, size_t count);
    size_t handle;
    bool ready, tried;
} cs;

static void capstone_load(void)
{
    cs.tried = true;
    void *lib = dlopen("libcapstone.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return;
    *(void **)&cs.open = dlsym(lib, "cs_open");
    *(void **)&cs.disasm = dlsym(lib, "cs_disasm");
    *(void **)&cs.free = dlsym(lib, "cs_free");
    cs.ready = cs.open && cs.disasm && cs.free &&
               cs.open(CS_ARCH_X86, CS_MODE_64, &cs.handle) == 0;
}

bool jit_perfmap_open(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
    perfmap = fopen(path, "w");
    jit_debug_any |= perfmap != NULL;
    return perfmap != NULL;
}

bool jit_perfmap_on(void)
{
    return perfmap != NULL;
}

void jit_perfmap_fork_child(void)
{
    if (!perfmap)
        return;
    fclose(perfmap); /* the parent's file: nothing is buffered (fflush) */
    jit_perfmap_open();
}

/* The guest instructions whose code starts at host offset off (those at
 * or before it not yet shown: an instruction with no code of its own, a
 * nop, shows with the next), as comments above that code. */
static void print_guest_marks(const struct block *b, const uint32_t *insn_at,
                              uint32_t *next, size_t off)
{
    for (; *next < b->n && insn_at[*next] <= off; ++*next) {
        const struct block_insn *bi = &b->insn[*next];
        if (bi->d.op >= RV_OP_COUNT)
            continue;
        char text[96];
        struct rv_insn d = bi->d;
        if (d.rd == RV_SINK)
            d.rd = 0;
        rv_disasm(&d, b->pc + bi->off, text, sizeof text);
        fprintf(stderr, "  ; 0x%010llx:  %s\n",
                (unsigned long long)(b->pc + bi->off), text);
    }
}

/* Host code, with the guest instructions of b named above their code when
 * insn_at (offsets from origin) is given. */
static void print_host_code(const uint8_t *code, size_t size,
                            const struct block *b, const uint32_t *insn_at,
                            const void *origin)
{
    uint32_t next = 0;
    if (!cs.tried)
        capstone_load();
    struct cs_insn_v4 *insn = NULL;
    size_t n = cs.ready ? cs.disasm(cs.handle, code, size, (uintptr_t)code,
                                    0, &insn)
                        : 0;
    for (size_t i = 0; i < n; i++) {
        if (insn_at)
            print_guest_marks(b, insn_at, &next, (size_t)(insn[i].address -
                                                          (uintptr_t)origin));
        fprintf(stderr, "  0x%012llx:  %-8s %s\n",
                (unsigned long long)insn[i].address, insn[i].mnemonic,
                insn[i].op_str);
    }
    if (n) {
        cs.free(insn, n);
        return;
    }
    for (size_t i = 0; i < size; i += 16) {
        fprintf(stderr, "  0x%012llx: ", (unsigned long long)(uintptr_t)(code + i));
        for (size_t k = i; k < size && k < i + 16; k++)
            fprintf(stderr, " %02x", code[k]);
        fputc('\n', stderr);
    }
}

/* size bytes of data at p, as .quad lines. */
static void print_data(const uint8_t *p, size_t size)
{
    for (size_t i = 0; i + 8 <= size; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, sizeof v);
        fprintf(stderr, "  0x%012llx:  %-8s 0x%llx\n",
                (unsigned long long)(uintptr_t)(p + i), ".quad",
                (unsigned long long)v);
    }
}

/* A loop unit's own register mapping (loopmap.c), where it differs from
 * the global one. */
static void print_loop_mapping(const int8_t host_reg[33])
{
    static const char *const host_name[16] = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    bool any = false;
    for (int r = 1; r < 32; r++) {
        if (host_reg[r] < 0 || host_reg[r] == jit_host_reg[r])
            continue;
        int was = 1;
        while (was < 32 && jit_host_reg[was] != host_reg[r])
            was++;
        fprintf(stderr, "%s %s in %s (%s in struct hart)", any ? "," : "  ; loop registers:",
                rv_xreg_name[r], host_name[host_reg[r] & 15],
                was < 32 ? rv_xreg_name[was] : "none");
        any = true;
    }
    if (any)
        fputc('\n', stderr);
}

void jit_debug_block(const struct block *b, const void *code, size_t size,
                     const void *cold, size_t cold_size,
                     const uint32_t *insn_at, size_t data_tail,
                     const int8_t host_reg[33])
{
    uint64_t off = 0;
    const char *name = symbols_lookup(b->pc, &off);
    if (perfmap) {
        if (name)
            fprintf(perfmap, "%lx %zx %s+0x%llx [riscv64]\n", (unsigned long)(uintptr_t)code,
                    size, name, (unsigned long long)off);
        else
            fprintf(perfmap, "%lx %zx guest_0x%llx [riscv64]\n",
                    (unsigned long)(uintptr_t)code, size, (unsigned long long)b->pc);
        if (name) /* the stubs, so that their samples are named too */
            fprintf(perfmap, "%lx %zx %s+0x%llx.cold [riscv64]\n",
                    (unsigned long)(uintptr_t)cold, cold_size, name,
                    (unsigned long long)off);
        else
            fprintf(perfmap, "%lx %zx guest_0x%llx.cold [riscv64]\n",
                    (unsigned long)(uintptr_t)cold, cold_size,
                    (unsigned long long)b->pc);
        fflush(perfmap);
    }
    if (jit_debug & JIT_DEBUG_IN_ASM) {
        if (name)
            fprintf(stderr, "IN: %s+0x%llx\n", name, (unsigned long long)off);
        else
            fprintf(stderr, "IN:\n");
        for (uint32_t i = 0; i < b->n; i++) {
            char text[96];
            const struct block_insn *bi = &b->insn[i];
            if (bi->d.op >= RV_OP_COUNT)
                continue;
            struct rv_insn d = bi->d;
            if (d.rd == RV_SINK)
                d.rd = 0; /* the sink is an engine detail, not the guest's */
            rv_disasm(&d, b->pc + bi->off, text, sizeof text);
            fprintf(stderr, "  0x%010llx:  %s\n",
                    (unsigned long long)(b->pc + bi->off), text);
        }
    }
    if (jit_debug & JIT_DEBUG_OUT_ASM) {
        fprintf(stderr, "OUT: [size=%zu]\n", size);
        print_loop_mapping(host_reg);
        /* A pc that needs 64 bits is kept as data before the code that
         * compares it (translate.h: jit_pc_check_skip). */
        size_t data = b->pc > INT32_MAX ? 8 : 0;
        if (size < data + data_tail)
            data = data_tail = 0;
        print_data(code, data);
        print_host_code((const uint8_t *)code + data, size - data - data_tail,
                        b, insn_at, code);
        print_data((const uint8_t *)code + size - data_tail, data_tail);
        fprintf(stderr, "OUT (cold): [size=%zu]\n", cold_size);
        print_host_code(cold, cold_size, b, NULL, cold);
    }
    if (jit_debug)
        fputc('\n', stderr);
}
