/* Indirect jumps whose target changes every time: a bytecode interpreter
 * whose switch compiles to a jump table (jr through a loaded address), and
 * calls through a table of function pointers in rotation. Translated code
 * gives such sites no inline cache (hart --stats counts them); the results
 * must not depend on it. */
#include <stdint.h>
#include <stdio.h>

enum { OP_PUSH, OP_ADD, OP_SUB, OP_MUL, OP_DUP, OP_SWAP, OP_DROP, OP_XOR, OP_JNZ, OP_END };

static int64_t run(const uint8_t *code, int64_t arg)
{
    int64_t stack[16];
    int sp = 0;
    stack[sp++] = arg;
    for (unsigned pc = 0;;) {
        switch (code[pc++]) {
        case OP_PUSH: stack[sp++] = code[pc++]; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP: {
            int64_t t = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = t;
            break;
        }
        case OP_DROP: sp--; break;
        case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_JNZ: {
            unsigned to = code[pc++];
            if (stack[--sp])
                pc = to;
            break;
        }
        case OP_END: return stack[sp - 1];
        default: return -1;
        }
    }
}

static uint64_t f0(uint64_t x) { return x * 3 + 1; }
static uint64_t f1(uint64_t x) { return x ^ (x >> 7); }
static uint64_t f2(uint64_t x) { return x + 0x9e3779b9; }
static uint64_t f3(uint64_t x) { return x << 1 | x >> 63; }
static uint64_t f4(uint64_t x) { return ~x; }
static uint64_t (*const fns[])(uint64_t) = {f0, f1, f2, f3, f4};

int main(void)
{
    /* acc = arg; n = 40; do { acc = (acc * 3 + n) ^ 5; } while (--n); */
    static const uint8_t code[] = {
        OP_PUSH, 40,                                 /* acc n */
        OP_SWAP, OP_PUSH, 3, OP_MUL,                 /* n acc*3 */
        OP_SWAP, OP_DUP, OP_PUSH, 0, OP_ADD,         /* acc*3 n n */
        OP_SWAP, OP_PUSH, 0, OP_XOR,                 /* acc*3 n n */
        OP_DROP,                                     /* acc*3 n */
        OP_SWAP, OP_PUSH, 5, OP_XOR,                 /* n acc' */
        OP_SWAP, OP_PUSH, 1, OP_SUB,                 /* acc' n-1 */
        OP_DUP, OP_JNZ, 2,                           /* acc' n-1 */
        OP_DROP, OP_END,
    };
    int64_t total = 0;
    for (int64_t i = 0; i < 2000; i++)
        total += run(code, i);
    uint64_t x = 1;
    for (unsigned i = 0; i < 100000; i++)
        x = fns[(i * 7 + (unsigned)(x & 1)) % 5](x);
    printf("interpreter: %lld\ncalls: %llu\n", (long long)total, (unsigned long long)x);
    return 0;
}
