#!/bin/sh
# The translator's user-visible options: debug output (-d), perf map files
# (--perfmap), --cosim, --stats, a code cache small enough to be flushed
# over and over (--jit-cache), and option errors. Guest programs come from
# tests/guest (built by tests/build-guests.sh).
cd "$(dirname "$0")/../.." || exit 1
HART=${HART:-$(pwd)/o/asan/hart}
g=o/guest
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
if [ ! -x "$HART" ] || [ ! -x $g/primes ] || [ ! -x $g/bigcompute ]; then
    echo "SKIP jit: hart or the guest programs are not built"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

# The reference output of each program, from the interpreter.
"$HART" --jit=off $g/primes 1000 > "$work/primes.ref" 2>&1
"$HART" --jit=off $g/bigcompute > "$work/big.ref" 2>&1

# FP arithmetic in both forms: three-operand AVX (vaddsd) where the host
# has it, and two-operand SSE (HART_TEST_NO_AVX, as on a host without).
for way in avx sse; do
    env=""
    [ $way = sse ] && env="HART_TEST_NO_AVX=1"
    ok=1
    for t in fcache rv64d rv64f rounding; do
        env $env "$HART" -d out_asm --jit-threshold=1 o/guest/asm/$t again \
            > "$work/fp.out" 2>> "$work/fp.$way"
        grep -q 'checks passed' "$work/fp.out" || ok=0
    done
    vex='^  0x[0-9a-f]+:  v(add|mul|sub|div)s[sd] '
    if [ $way = sse ]; then
        grep -Eq '^  0x[0-9a-f]+:  (addsd|mulsd) ' "$work/fp.sse" || ok=0
        ! grep -Eq "$vex" "$work/fp.sse" || ok=0
    elif grep -qw avx /proc/cpuinfo; then
        grep -Eq "$vex" "$work/fp.avx" || ok=0
    fi
    if [ $ok = 1 ]; then
        pass "fp-arith-$way"
    else
        fail "fp-arith-$way" "an FP test failed in translated code, or out_asm shows the other form"
    fi
done

# -d in_asm,out_asm: guest code as the disassembler prints it, host code.
"$HART" -d in_asm,out_asm --jit-threshold=1 $g/primes 1000 > "$work/out" 2> "$work/err"
if grep -q '^IN:' "$work/err" && grep -q '^OUT: \[size=' "$work/err" &&
    grep -Eq '^  0x[0-9a-f]+:  (addi|ld|sd|jal|beq|bne|lui|auipc) ' "$work/err" &&
    cmp -s "$work/out" "$work/primes.ref"; then
    pass debug-in-out-asm
else
    fail debug-in-out-asm "no IN:/OUT: blocks on stderr, or wrong output"
fi
if grep -Eq '^  0x[0-9a-f]+:  (mov|add|cmp|jmp|jne|lea) ' "$work/err"; then
    pass debug-out-asm-host-code
else
    fail debug-out-asm-host-code "no x86-64 instructions (is libcapstone4 installed?)"
fi
# out_asm names each guest instruction above its host code: every block's
# marks are its IN: instructions, in order, each followed by host code
# (a mark can only be followed by another when fused or without code).
bad=$(awk '
    /^IN:/ { mode = "in"; nin = 0; nmark = 0; next }
    /^OUT: \[/ { mode = "out"; next }
    /^OUT \(cold\)/ {
        if (nin != nmark || nin == 0) bad++
        for (i = 1; i <= nin; i++) if (in_pc[i] != mark[i]) { bad++; break }
        if (last_mark) bad++
        mode = ""; next
    }
    mode == "in" && /^  0x/ { in_pc[++nin] = $1; next }
    mode == "out" && /^  ; 0x/ { mark[++nmark] = $2; last_mark = 1; next }
    mode == "out" && /^  0x/ { last_mark = 0 }
    END { print bad + 0 }' "$work/err")
if [ "$bad" = 0 ] && grep -q '^  ; 0x[0-9a-f]*:  ' "$work/err"; then
    pass debug-out-asm-guest-marks
else
    fail debug-out-asm-guest-marks "$bad blocks whose out_asm marks are not their IN: instructions"
fi

# Loops that work on registers the global mapping leaves in memory get a
# mapping of their own (jit/loopmap.c): bigcompute has such loops, out_asm
# says which registers each holds, --stats counts them, and the output is
# the interpreter's.
"$HART" -d out_asm --stats $g/bigcompute > "$work/out" 2> "$work/err"
loops=$(sed -n 's/.* \([0-9]*\) loops with registers of their own$/\1/p' "$work/err")
if grep -Eq '^  ; loop registers: [a-z0-9]+ in [a-z0-9]+ \([a-z0-9]+ in struct hart\)' "$work/err" &&
    [ "${loops:-0}" -gt 0 ] && cmp -s "$work/out" "$work/big.ref"; then
    pass loop-mapping
else
    fail loop-mapping "loops with their own registers: ${loops:-none}; output same: $(cmp -s "$work/out" "$work/big.ref" && echo yes || echo no)"
fi

# A branch that skips an if-then lands further on in its own unit
# (tr_branch_within): tests/asm/branch_within's loop is one unit holding
# both ways, and the load where they meet checks its base again, which
# the skipping way never checked.
"$HART" -d in_asm,out_asm $g/asm/branch_within > "$work/out" 2> "$work/err"
both=$(awk '/^IN:/ { t = 0 } /^  0x[0-9a-f]+:  ld a2,0\(a1\)/ { t++ }
    /^  0x[0-9a-f]+:  ld a3,8\(a1\)/ { t++ } t == 2 { n++; t = 0 } END { print n + 0 }' "$work/err")
checked=$(grep -A1 -E '^  ; 0x[0-9a-f]+:  ld a3,8\(a1\)' "$work/err" |
    grep -cE 'cmp +[a-z0-9]+, qword ptr \[rbp - 0x80\]')
if [ "$both" -ge 1 ] && [ "$checked" -ge 1 ] && grep -q '^all 7 checks passed' "$work/out"; then
    pass branch-within-unit
else
    fail branch-within-unit "units with both ways: $both; loads after the landing that check a1: $checked"
fi

# Idioms (jit/idiom.c) are translated as one operation: the rotates of
# tests/asm/rotate.S become rorx (BMI2) or ror, its byte assemblies one
# load, also the one whose partial values stay live (made from the load):
# its 4 bytes at offset 1 are read with one dword load.
"$HART" --jit-threshold=1 -d in_asm,out_asm $g/asm/rotate again > /dev/null 2> "$work/err"
rotates=$(grep -A4 -E '^  ; 0x[0-9a-f]+:  (or|xor|add) ' "$work/err" | grep -cE '^  0x[0-9a-f]+:  rorx? ')
"$HART" --jit-threshold=1 -d in_asm,out_asm $g/asm/byteload again > /dev/null 2> "$work/err"
loads=$(grep -A6 -E '^  ; 0x[0-9a-f]+:  lbu ' "$work/err" |
    grep -cE 'qword ptr gs|dword ptr gs|movzx +[a-z0-9]+, word ptr gs')
live=$(grep -A6 -E '^  ; 0x[0-9a-f]+:  lbu t4,2\(a0\)' "$work/err" |
    grep -cE 'dword ptr gs:\[r[a-z0-9]+ \+ 1\]')
if [ "$rotates" -ge 6 ] && [ "$loads" -ge 4 ] && [ "$live" -ge 1 ]; then
    pass idioms
else
    fail idioms "rotates $rotates (want 6 or more), loads $loads (4 or more), live-word loads $live (1 or more)"
fi

# --perfmap: /tmp/perf-PID.map with guest function names.
pid=$(sh -c 'echo $$; exec "$0" --perfmap --jit-threshold=5 "$@" > /dev/null' \
    "$HART" $g/bigcompute)
map=/tmp/perf-$pid.map
if [ -s "$map" ] && grep -Eq '^[0-9a-f]+ [0-9a-f]+ [A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+ \[riscv64\]$' "$map" &&
    grep -q ' main+0x' "$map"; then
    pass perfmap
else
    fail perfmap "$map missing or without guest symbols"
fi
rm -f "$map"

# Code in the libraries a dynamic program maps (ld.so mmaps them) is named
# from their dynamic symbols: some name in the map is one libc defines and
# the program does not.
sysroot=/usr/riscv64-linux-gnu
if [ -f $sysroot/lib/libc.so.6 ] && command -v riscv64-linux-gnu-nm > /dev/null &&
    riscv64-linux-gnu-gcc -O2 tests/guest/primes.c -o "$work/dynprimes" -lm 2> /dev/null; then
    pid=$(sh -c 'echo $$; exec "$0" --perfmap --jit-threshold=1 -L "$1" "$2" > /dev/null' \
        "$HART" $sysroot "$work/dynprimes")
    map=/tmp/perf-$pid.map
    riscv64-linux-gnu-nm -D --defined-only $sysroot/lib/libc.so.6 | awk '{ print $3 }' |
        sed 's/@.*//' | sort -u > "$work/libc.names"
    riscv64-linux-gnu-nm --defined-only "$work/dynprimes" | awk '{ print $3 }' | sort -u > "$work/prog.names"
    sed -n 's/^[0-9a-f]* [0-9a-f]* \([A-Za-z_][A-Za-z0-9_.]*\)+0x.*/\1/p' "$map" 2> /dev/null |
        sort -u > "$work/map.names"
    named=$(comm -12 "$work/libc.names" "$work/map.names" | comm -23 - "$work/prog.names" | wc -l)
    if [ "$named" -gt 0 ]; then
        pass perfmap-libraries
    else
        fail perfmap-libraries "no libc function named in $map"
    fi
    rm -f "$map"
else
    echo "SKIP perfmap-libraries: no riscv64 sysroot in $sysroot"
fi

# perf itself names translated code from the map: it reads maps only for
# anonymous memory, which the code cache must therefore look like
# (jit/cache.c). Skipped where perf is missing or may not sample.
if command -v perf > /dev/null 2>&1 &&
    perf record -q -e cpu-clock -o "$work/perf.data" true > /dev/null 2>&1; then
    perf record -q -e cpu-clock -F 2000 -o "$work/perf.data" \
        "$HART" --perfmap --jit-threshold=5 $g/bigcompute > /dev/null 2>&1
    perf report -i "$work/perf.data" --sort sym 2> /dev/null > "$work/perf.txt"
    if grep -Eq '[A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+ \[riscv64\]' "$work/perf.txt"; then
        pass perf-report-names
    else
        fail perf-report-names "perf report names no guest code" "$(grep -v '^#' "$work/perf.txt" | head -5)"
    fi
    for pid in $(perf report -i "$work/perf.data" --sort pid 2> /dev/null |
        sed -n 's/^ *[0-9.]*% *\([0-9]*\):.*/\1/p'); do
        rm -f "/tmp/perf-$pid.map"
    done
else
    echo "SKIP perf-report-names: perf is missing or cannot sample here"
fi

# A perf map cannot say that an address range changed hands, so code
# addresses are never reused, even when the cache is flushed (here because
# it is full, and by the register remap, which retranslates everything): no
# two ranges in the map overlap.
pid=$(ERR="$work/perfmap.err" sh -c 'echo $$; exec "$0" --stats --perfmap --jit-cache=1 --jit-threshold=1 "$@" > /dev/null 2> "$ERR"' \
    "$HART" $g/bigcompute)
map=/tmp/perf-$pid.map
overlaps=$(while read -r at size _; do echo "$((0x$at)) $((0x$at + 0x$size))"; done < "$map" |
    sort -n | awk 'NR > 1 && $1 < end { n++ } { if ($2 > end) end = $2 } END { print n + 0 }')
lines=$(wc -l < "$map" 2>/dev/null || echo 0)
flushes=$(sed -n 's/.*, \([0-9]*\) flushes of translated code$/\1/p' "$work/perfmap.err")
if [ "$lines" -gt 500 ] && [ "${flushes:-0}" -gt 0 ] && [ "$overlaps" = 0 ]; then
    pass perfmap-flushes
else
    fail perfmap-flushes "$lines entries, ${flushes:-no} flushes, $overlaps overlapping"
fi
rm -f "$map"

# --cosim: every translated block checked against the interpreter.
if "$HART" --cosim --jit-threshold=1 $g/bigcompute > "$work/out" 2> "$work/err" &&
    cmp -s "$work/out" "$work/big.ref"; then
    pass cosim
else
    fail cosim "status or output differs: $(head -n 3 "$work/err")"
fi
# At the default threshold the loops of primes are hot enough for a
# translation that goes round by itself (jit/loopmap.c), which cosim must
# not use: it compares one round at a time.
"$HART" --jit=off $g/primes 20000 > "$work/primes20k.ref" 2>&1
if "$HART" --cosim $g/primes 20000 > "$work/out" 2> "$work/err" &&
    cmp -s "$work/out" "$work/primes20k.ref"; then
    pass cosim-loops
else
    fail cosim-loops "status or output differs: $(head -n 3 "$work/err")"
fi

# Calls and returns through the return-address stack (tr_insn.c), all
# translated from the first run: recursion 100000 frames deep (past the
# stack's depth limit), longjmp out of many frames and C++ exceptions
# (returns that do not match the last call), callbacks through function
# pointers (qsort), and signal handlers on an alternate stack. Each must
# print what the interpreter prints.
for p in recursion setjmp cxx qsort sig_altstack; do
    [ -x $g/$p ] || { fail "ras-$p" "$g/$p not built"; continue; }
    "$HART" --jit=off $g/$p > "$work/$p.ref" 2>&1
    ref=$?
    "$HART" --jit-threshold=1 $g/$p > "$work/$p.out" 2>&1
    st=$?
    if [ $st = $ref ] && cmp -s "$work/$p.out" "$work/$p.ref"; then
        pass "ras-$p"
    else
        fail "ras-$p" "status $st (interpreter: $ref)" "$(diff "$work/$p.ref" "$work/$p.out" | head -5)"
    fi
done
# A return is a host ret: -d out_asm shows it.
"$HART" -d out_asm --jit-threshold=1 $g/recursion > /dev/null 2> "$work/err"
if grep -Eq '^  0x[0-9a-f]+:  ret *$' "$work/err" && grep -Eq '^  0x[0-9a-f]+:  call ' "$work/err"; then
    pass ras-host-call-ret
else
    fail ras-host-call-ret "no host call/ret in the translated code of recursion"
fi

# Recursion deeper than the return-address stack runs into its guard page
# (jit/ras.c), which empties the stack: 100000 frames overflow it many
# times, and the output above already matched the interpreter's.
"$HART" --stats --jit-threshold=1 $g/recursion > /dev/null 2> "$work/err"
overflows=$(sed -n 's/.*, \([0-9]*\) return-address stack overflows.*/\1/p' "$work/err")
if [ "${overflows:-0}" -ge 100 ]; then
    pass ras-overflow-guard
else
    fail ras-overflow-guard "return-address stack overflows: ${overflows:-none}"
fi

# Executable mappings that come and go unrun drop no code (mem/space.c
# notes the pages code was decoded from): mmap_exec's only flushes are its
# fence.i and the munmap of code that ran (40 more before that note).
"$HART" --stats $g/mmap_exec > "$work/out" 2> "$work/err"
flushes=$(sed -n 's/.*, \([0-9]*\) flushes of decoded blocks$/\1/p' "$work/err")
if [ "${flushes:-99}" -le 2 ] && grep -q 'replaced code: 504500' "$work/out"; then
    pass flush-only-run-code
else
    fail flush-only-run-code "cache flushes: ${flushes:-none}" "$(tail -n 2 "$work/out")"
fi

# Indirect calls (qsort's comparison function) fill their inline caches.
"$HART" --stats --jit-threshold=1 $g/qsort > "$work/out" 2> "$work/err"
filled=$(sed -n 's/.*, \([0-9]*\) inline caches filled.*/\1/p' "$work/err")
if cmp -s "$work/out" "$work/qsort.ref" && [ "${filled:-0}" -gt 0 ]; then
    pass inline-cache
else
    fail inline-cache "inline caches filled: ${filled:-none}"
fi

# An indirect jump whose target already varied in the interpreter (a
# switch's jump table, calls through a table of functions) is translated
# without an inline cache, and computes the same.
"$HART" --jit=off $g/dispatch > "$work/dispatch.ref" 2>&1
"$HART" --stats $g/dispatch > "$work/out" 2> "$work/err"
varying=$(sed -n 's/.*, \([0-9]*\) indirect jumps with varying targets.*/\1/p' "$work/err")
if cmp -s "$work/out" "$work/dispatch.ref" && [ "${varying:-0}" -gt 0 ]; then
    pass indirect-without-cache
else
    fail indirect-without-cache "indirect jumps with varying targets: ${varying:-none}; output same: $(cmp -s "$work/out" "$work/dispatch.ref" && echo yes || echo no)"
fi

# The register mapping is chosen from a profile twice: after the first 20
# million instructions and, over a later window, again (tests/guest/phases:
# its second phase uses other registers than its first).
"$HART" --jit=off $g/phases > "$work/phases.ref" 2>&1
"$HART" --stats $g/phases > "$work/out" 2> "$work/err"
remaps=$(sed -n 's/.* \([0-9]*\) register remaps.*/\1/p' "$work/err")
if cmp -s "$work/out" "$work/phases.ref" && [ "${remaps:-0}" = 2 ]; then
    pass second-remap
else
    fail second-remap "register remaps: ${remaps:-none}; output same: $(cmp -s "$work/out" "$work/phases.ref" && echo yes || echo no)"
fi

# Each thread measures the plan's steps by its own instruction count: a
# thread started after the first remap, making many system calls, takes no
# step early (tests/guest/thr_late: one flush, the first remap's).
"$HART" --jit=off $g/thr_late > "$work/late.ref" 2>&1
"$HART" --stats $g/thr_late > "$work/out" 2> "$work/err"
flushes=$(sed -n 's/.* \([0-9]*\) flushes of translated code$/\1/p' "$work/err")
if cmp -s "$work/out" "$work/late.ref" && [ "${flushes:-0}" = 1 ]; then
    pass late-thread-plan
else
    fail late-thread-plan "cache flushes: ${flushes:-none}; output same: $(cmp -s "$work/out" "$work/late.ref" && echo yes || echo no)"
fi

# The block cache's hash table grows while threads look blocks up
# (tests/guest/many_blocks: 280000 functions, each called four times): a
# block that a resize lost would be built again, so each is built once.
"$HART" --stats $g/many_blocks > "$work/out" 2> "$work/err"
built=$(sed -n 's/.* instructions retired, \([0-9]*\) blocks built .*/\1/p' "$work/err")
if "$HART" --jit=off $g/many_blocks | cmp -s - "$work/out" &&
   [ "${built:-0}" -ge 280000 ] && [ "${built:-0}" -lt 290000 ]; then
    pass many-blocks
else
    fail many-blocks "blocks built: ${built:-none} (280000 functions and a few thousand others)" \
        "output same: $("$HART" --jit=off $g/many_blocks | cmp -s - "$work/out" && echo yes || echo no)"
fi

# The jump table is addressed absolutely when it lies in the low 2 GB, and
# through struct hart otherwise (HART_TEST_HIGH_JTAB forces that): both
# ways give the interpreter's output for programs full of indirect jumps
# that miss their inline caches (qsort's and setjmp's), and -d out_asm
# shows which way was taken.
for way in low high; do
    env=""
    [ $way = high ] && env="HART_TEST_HIGH_JTAB=1"
    ok=1
    for p in qsort setjmp; do
        env $env "$HART" --jit-threshold=1 $g/$p > "$work/$p.jt" 2>&1
        "$HART" --jit=off $g/$p > "$work/$p.jtref" 2>&1
        cmp -s "$work/$p.jt" "$work/$p.jtref" || ok=0
    done
    env $env "$HART" -d out_asm --jit-threshold=1 $g/qsort > /dev/null 2> "$work/err"
    if [ $way = low ]; then
        grep -Eq 'jmp +qword ptr \[rcx\*8 \+ 0x[0-9a-f]+\]' "$work/err" || ok=0
    else
        grep -Eq 'jmp +qword ptr \[rdx \+ rcx\*8\]' "$work/err" || ok=0
    fi
    if [ $ok = 1 ]; then
        pass "jump-table-$way"
    else
        fail "jump-table-$way" "output differs from the interpreter's, or no $way-table lookup in -d out_asm"
    fi
done

# --stats reports what the engine did.
"$HART" --stats --jit-threshold=1 $g/bigcompute > /dev/null 2> "$work/err"
# Its amomaxu (a compare-and-swap loop) goes to the interpreter's body:
# listed.
if grep -q 'instructions retired' "$work/err" &&
    grep -q 'blocks translated' "$work/err" &&
    grep -q '^hart: fallbacks emitted by operation:.* amomaxu.w [0-9]' "$work/err"; then
    pass stats
else
    fail stats "no statistics on stderr"
fi

# A code cache that fills up again and again: flushes, same output. No
# test program has enough hot code for the smallest --jit-cache (1 MB),
# so the cache is made smaller still; a full cache flushes the decoded
# blocks too.
"$HART" --jit=off $g/printf_float > "$work/printf_float.ref" 2>&1
HART_TEST_JIT_CACHE_KB=384 "$HART" --stats --jit-threshold=1 $g/printf_float > "$work/out" 2> "$work/err"
flushes=$(sed -n 's/.*, \([0-9]*\) flushes of decoded blocks$/\1/p' "$work/err")
if cmp -s "$work/out" "$work/printf_float.ref" && [ "${flushes:-0}" -gt 2 ]; then
    pass small-cache-flushes
else
    fail small-cache-flushes "flushes: ${flushes:-none}; output same: $(cmp -s "$work/out" "$work/printf_float.ref" && echo yes || echo no)"
fi

# Accesses based on sp, gp or tp skip their bounds check in translated
# code, which leaves for the interpreter whenever one of them leaves the
# guest space: such exits are counted (none would mean translated code went
# on with a wild base, which could reach hart's own memory), and the final
# access through the wild base is the guest's SIGSEGV with the guest's
# address.
#   leaves_when_wild NAME PROGRAM ADDRESS
leaves_when_wild() {
    "$HART" --stats --jit-threshold=1 "$2" again > "$work/out" 2> "$work/err"
    st=$?
    wild=$(sed -n 's/.* \([0-9]*\) with sp, gp or tp outside the guest space.*/\1/p' "$work/err")
    if [ $st = 139 ] && [ "${wild:-0}" -gt 0 ] && ! grep -q 'internal error' "$work/err" &&
        grep -q "guest killed by SIGSEGV .*address $3" "$work/err"; then
        pass "$1"
    else
        fail "$1" "status $st, exits: ${wild:-none}" "$(head -n 5 "$work/err")"
    fi
}
# sp, gp and tp moved out and back in a hot loop; a load through a gp of
# -2^21 (tests/asm/wild_sp.S).
leaves_when_wild wild-sp-leaves-translated-code o/guest/asm/wild_sp 0xffffffffffe00000
# A decrement of sp is checked by the x86 carry alone: sp walking 2 MB
# below 0 (tests/asm/sp_wrap.S).
leaves_when_wild sp-wrap-leaves-translated-code o/guest/asm/sp_wrap 0xffffffffffe00010

# Option errors are usage errors (status 1), not crashes.
for bad in --jit=maybe --jit-threshold=0 --jit-cache=0 --jit-cache=1025 "-d nothing"; do
    # shellcheck disable=SC2086
    "$HART" $bad $g/primes > /dev/null 2> "$work/err"
    st=$?
    if [ $st = 1 ] && grep -q '^hart: ' "$work/err"; then
        pass "bad-option $bad"
    else
        fail "bad-option $bad" "status $st"
    fi
done
