#!/bin/sh
# Hand-written assembly tests: each tests/asm/NAME.S (built into
# o/guest/asm/NAME by tests/build-guests.sh) checks its own results against
# values from the ISA manual and exits 0 when all pass (see check.h). Each
# runs under $HART and under qemu-riscv64; a test passes when both exit with
# the expected status (0, or the number in NAME.status) and print the same.
# A file NAME.qemu marks a test that qemu-riscv64 cannot pass (it lacks the
# extension or disagrees with the spec; the file says why, and
# docs/qemu-divergences.md has the details): then only hart's run counts.
#   tests/asm/run.sh [NAME...]     (default: every test)
cd "$(dirname "$0")/../.." || exit 1
HART=${HART:-$(pwd)/o/asan/hart}
REF=${QEMU:-qemu-riscv64}
limit=${ASM_TIMEOUT:-30}
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}"
names=$*
if [ -z "$names" ]; then
    for src in tests/asm/*.S; do
        [ -e "$src" ] || continue
        n=${src##*/}
        names="$names ${n%.S}"
    done
fi
hart=$(command -v "$HART")
ref=$(command -v "$REF")
if [ -z "$hart" ]; then
    for n in $names; do echo "SKIP $n: hart not built ($HART)"; done
    exit 0
fi
tests/build-guests.sh >/dev/null 2>&1   # a failed build shows up as FAIL below
ulimit -c 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run EMULATOR NAME DIR: leaves DIR/out, DIR/err, DIR/status.
run() {
    mkdir -p "$3/cwd"
    prog=$(pwd)/o/guest/asm/$2
    (
        cd "$3/cwd" || exit 1
        env -i PATH=/usr/bin:/bin LANG=C ASAN_OPTIONS="$ASAN_OPTIONS" \
            UBSAN_OPTIONS="$UBSAN_OPTIONS" timeout -k 5 "$limit" "$1" \
            -U ASAN_OPTIONS -U UBSAN_OPTIONS "$prog" \
            < /dev/null > "$3/out" 2> "$3/err"
        echo $? > "$3/status"
    ) 2> /dev/null
}

for n in $names; do
    d=$work/$n
    if [ ! -x "o/guest/asm/$n" ]; then
        echo "FAIL $n"
        echo "  o/guest/asm/$n was not built (see tests/build-guests.sh)"
        continue
    fi
    want=0
    [ -e "tests/asm/$n.status" ] && want=$(cat "tests/asm/$n.status")
    compare_ref=1
    [ -e "tests/asm/$n.qemu" ] || [ -z "$ref" ] && compare_ref=0
    [ $compare_ref = 1 ] && run "$ref" "$n" "$d/ref" &
    run "$hart" "$n" "$d/hart"
    wait
    why=
    hs=$(cat "$d/hart/status")
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$d/hart/err" ||
       [ "$hs" = 99 ]; then
        why="
sanitizer report from hart:
$(head -n 15 "$d/hart/err")"
    else
        # An exit 0 without the harness' last words is no pass.
        if [ "$want" = 0 ] && ! tail -n 1 "$d/hart/out" |
                grep -qE '^all [0-9]+ checks passed$'; then
            hs="$hs without 'all N checks passed'"
        fi
        if [ "$hs" != "$want" ]; then
            why="
hart: exit status $hs, want $want
$(cat "$d/hart/out" "$d/hart/err" | head -n 5)"
        fi
        if [ $compare_ref = 1 ]; then
            rs=$(cat "$d/ref/status")
            [ "$rs" = "$want" ] || why="$why
qemu-riscv64: exit status $rs, want $want (a test or qemu bug? see tests/asm/run.sh)
$(cat "$d/ref/out" "$d/ref/err" | head -n 5)"
            cmp -s "$d/ref/out" "$d/hart/out" || why="$why
output differs (- qemu, + hart):
$(diff -u --label qemu --label hart "$d/ref/out" "$d/hart/out" | sed 1,2d | head -n 10)"
        fi
    fi
    if [ -z "$why" ]; then
        echo "PASS $n"
    else
        echo "FAIL $n"
        printf '%s\n' "$why" | sed '1d; s/^/  /'
    fi
    rm -rf "$d"
done
exit 0
