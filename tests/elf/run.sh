#!/bin/sh
# The ELF loader on hostile input: tools/mkbadelf writes dozens of corrupted
# variants of a real riscv64 static program (truncations, wrong class, byte
# order and machine, header tables and segments out of the file, overlapping
# or unordered segments, sizes and addresses near 2^64, bad interpreters,
# random byte flips with a fixed seed). Each variant goes through
#   - tools/loadelf (the loader alone, sanitizer build): it must exit 0, or
#     126/127 with exactly one stderr line starting "hart: " (and must, for
#     variants marked "reject");
#   - $HART, when built: the same for rejected files; for the others, any
#     outcome but a crash (sanitizer report, exit 99, SIGABRT, or hart's
#     "internal error"), since the damaged guest may itself crash or loop.
# Then dynamic linking: a dynamic program without -L names its missing
# interpreter; with -L the cross sysroot it loads (and runs like qemu).
BUILD=${BUILD:-o/asan}
load=$BUILD/tools/loadelf
gen=$BUILD/tools/mkbadelf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset HART_SYSROOT QEMU_LD_PREFIX

good=o/guest/primes
if [ ! -f "$good" ] && command -v riscv64-linux-gnu-gcc >/dev/null 2>&1; then
    riscv64-linux-gnu-gcc -static -O2 tests/guest/primes.c -o "$work/good" -lm &&
        good=$work/good
fi
if [ ! -f "$good" ]; then
    echo "SKIP elf: no riscv64 static program (run tests/build-guests.sh)"
    exit 0
fi
for t in "$load" "$gen"; do
    if [ ! -x "$t" ]; then
        echo "FAIL elf-tools: $t is missing (make MODE=asan all)"
        exit 0
    fi
done
if ! "$gen" "$good" "$work/v" 2>"$work/gen.err"; then
    echo "FAIL elf-mkbadelf"
    sed 's/^/  /' "$work/gen.err"
    exit 0
fi
[ -x "${HART:-}" ] || HART=

# run TIMEOUT CMD...: sets $st; stderr in $work/err.
run() {
    t=$1
    shift
    timeout -s KILL "$t" "$@" >/dev/null 2>"$work/err" </dev/null
    st=$?
}

# The first reason the last run counts as a crash, or nothing.
crash_reason() {
    if grep -q -e 'Sanitizer' -e 'runtime error:' -e 'internal error' "$work/err"; then
        echo "report on stderr"
    elif [ "$st" = 99 ]; then
        echo "exit 99 (sanitizer)"
    elif [ "$st" = 134 ]; then
        echo "SIGABRT"
    fi
}

# judge NAME EXPECT STRICT: STRICT (the loader alone) allows only 0 or a
# proper refusal; otherwise any non-crash is fine for "any" variants.
judge() { # judge TEST-NAME EXPECT STRICT; locals so the caller's $name survives
    local test=$1 expect=$2 strict=$3
    why=$(crash_reason)
    lines=$(wc -l <"$work/err")
    # A refusal is one "hart: " line; but a variant hart accepts may run a
    # guest that exits 127 itself (its libc giving up on a broken header),
    # which is fine for "any" variants under hart.
    if [ -z "$why" ] && { [ "$st" = 126 ] || [ "$st" = 127 ]; } &&
        { [ "$strict" = 1 ] || [ "$expect" = reject ] ||
          head -n 1 "$work/err" | grep -q '^hart: '; }; then
        if [ "$lines" != 1 ] || ! head -n 1 "$work/err" | grep -q '^hart: '; then
            why="status $st with $lines stderr lines, not one \"hart: \" line"
        fi
    elif [ -z "$why" ] && [ "$expect" = reject ]; then
        why="accepted (status $st), should be refused"
    elif [ -z "$why" ] && [ "$strict" = 1 ] && [ "$st" != 0 ]; then
        why="status $st"
    fi
    if [ -n "$why" ]; then
        echo "FAIL $test"
        echo "  $why"
        head -n 5 "$work/err" | sed 's/^/  | /'
    else
        echo "PASS $test"
    fi
}

while read -r name expect; do
    run 20 "$load" "$work/v/$name"
    judge "elf-load-$name" "$expect" 1
    if [ -n "$HART" ]; then
        run 10 "$HART" "$work/v/$name" 30
        # A damaged guest that loops is its own business.
        [ "$st" = 137 ] && [ "$expect" = any ] && st=0
        judge "elf-hart-$name" "$expect" 0
    fi
done <"$work/v/MANIFEST"

# Dynamic linking through PT_INTERP.
sysroot=/usr/riscv64-linux-gnu
interp=/lib/ld-linux-riscv64-lp64d.so.1
if ! command -v riscv64-linux-gnu-gcc >/dev/null 2>&1 ||
    [ ! -f "$sysroot$interp" ] ||
    ! riscv64-linux-gnu-gcc -O2 tests/guest/primes.c -o "$work/dyn" -lm 2>"$work/err"; then
    echo "SKIP elf-dynamic: no riscv64 cross compiler and sysroot"
    exit 0
fi
if [ -e "$interp" ]; then
    echo "SKIP elf-interp-missing: this machine has $interp"
else
    run 20 "$load" "$work/dyn"
    want="hart: $work/dyn: cannot find interpreter $interp (use -L SYSROOT)"
    if [ "$st" = 126 ] && [ "$(cat "$work/err")" = "$want" ]; then
        echo "PASS elf-interp-missing"
    else
        echo "FAIL elf-interp-missing"
        echo "  status $st, want 126 and: $want"
        head -n 3 "$work/err" | sed 's/^/  | /'
    fi
fi
run 20 "$load" -L "$sysroot" "$work/dyn" 30
judge elf-interp-sysroot-load any 1
if [ -n "$HART" ] && command -v qemu-riscv64 >/dev/null 2>&1; then
    want=$(qemu-riscv64 -L "$sysroot" "$work/dyn" 30 2>&1)
    got=$(timeout -s KILL 60 "$HART" -L "$sysroot" "$work/dyn" 30 2>&1)
    if [ "$got" = "$want" ]; then
        echo "PASS elf-interp-sysroot-run"
    else
        echo "FAIL elf-interp-sysroot-run"
        echo "  output differs from qemu-riscv64's"
        printf '%s\n' "$got" | head -n 5 | sed 's/^/  | /'
    fi
fi
