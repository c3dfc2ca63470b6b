#!/bin/sh
# Hand-written assembly tests: each tests/asm/NAME.S (built into
# o/guest/asm/NAME by tests/build-guests.sh) checks its own results against
# values from the ISA manual and exits 0 when all pass (see check.h). Each
# runs under $HART and under qemu-riscv64; a test passes when both exit with
# the expected status (0, or the number in NAME.status) and print the same.
# A file NAME.qemu marks a test that qemu-riscv64 cannot pass (it lacks the
# extension or disagrees with the spec; the file says why, and
# docs/qemu-divergences.md has the details): then only hart's run counts.
# When hart has a translator (--jit-threshold), each test also runs as
# NAME.jit: the body twice, the second time as translated code.
#   tests/asm/run.sh [NAME...]     (default: every test)
cd "$(dirname "$0")/../.." || exit 1
HART=${HART:-$(pwd)/o/asan/hart}
REF=${QEMU:-qemu-riscv64}
limit=${ASM_TIMEOUT:-30}
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}"
export ASAN_OPTIONS UBSAN_OPTIONS
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
# shellcheck disable=SC3045 # dash and bash have it
ulimit -c 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run DIR COMMAND...: runs COMMAND in DIR/cwd with a fixed environment;
# leaves DIR/out, DIR/err, DIR/status.
run() {
    dir=$1
    shift
    mkdir -p "$dir/cwd"
    (
        cd "$dir/cwd" || exit 1
        env -i PATH=/usr/bin:/bin LANG=C ASAN_OPTIONS="$ASAN_OPTIONS" \
            UBSAN_OPTIONS="$UBSAN_OPTIONS" timeout -k 5 "$limit" "$@" \
            < /dev/null > "$dir/out" 2> "$dir/err"
        echo $? > "$dir/status"
    ) 2> /dev/null
}

# verdict LABEL DIR REFDIR: judges hart's run in DIR by the expected
# status, the harness' last line and qemu's run in REFDIR; prints PASS or
# FAIL LABEL.
verdict() {
    why=
    hs=$(cat "$2/status")
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$2/err" ||
       [ "$hs" = 99 ]; then
        why="
sanitizer report from hart:
$(head -n 15 "$2/err")"
    else
        # An exit 0 without the harness' last words is no pass.
        if [ "$want" = 0 ] && ! tail -n 1 "$2/out" |
                grep -qE '^all [0-9]+ checks passed$'; then
            hs="$hs without 'all N checks passed'"
        fi
        if [ "$hs" != "$want" ]; then
            why="
hart: exit status $hs, want $want
$(cat "$2/out" "$2/err" | head -n 5)"
        fi
        if [ $compare_ref = 1 ]; then
            rs=$(cat "$3/status")
            [ "$rs" = "$want" ] || why="$why
qemu-riscv64: exit status $rs, want $want (a test or qemu bug? see tests/asm/run.sh)
$(cat "$3/out" "$3/err" | head -n 5)"
            cmp -s "$3/out" "$2/out" || why="$why
output differs (- qemu, + hart):
$(diff -u --label qemu --label hart "$3/out" "$2/out" | sed 1,2d | head -n 10)"
        fi
    fi
    if [ -z "$why" ]; then
        echo "PASS $1"
    else
        echo "FAIL $1"
        printf '%s\n' "$why" | sed '1d; s/^/  /'
    fi
}

# A hart with a translator also runs each test body twice with translation
# after one execution: the second pass checks the translated code (NAME.jit).
jit=
"$hart" --help 2>/dev/null | grep -q -- '--jit-threshold' && jit=1
nosan="-U ASAN_OPTIONS -U UBSAN_OPTIONS"

for n in $names; do
    d=$work/$n
    if [ ! -x "o/guest/asm/$n" ]; then
        echo "FAIL $n"
        echo "  o/guest/asm/$n was not built (see tests/build-guests.sh)"
        continue
    fi
    prog=$(pwd)/o/guest/asm/$n
    want=0
    [ -e "tests/asm/$n.status" ] && want=$(cat "tests/asm/$n.status")
    compare_ref=1
    [ -e "tests/asm/$n.qemu" ] || [ -z "$ref" ] && compare_ref=0
    # $nosan is split into words on purpose.
    # shellcheck disable=SC2086
    [ $compare_ref = 1 ] && run "$d/ref" "$ref" $nosan "$prog" &
    # shellcheck disable=SC2086
    run "$d/hart" "$hart" $nosan "$prog"
    wait
    verdict "$n" "$d/hart" "$d/ref"
    if [ -n "$jit" ]; then
        # shellcheck disable=SC2086
        [ $compare_ref = 1 ] && run "$d/refagain" "$ref" $nosan "$prog" again &
        # shellcheck disable=SC2086
        run "$d/jit" "$hart" --jit-threshold=1 $nosan "$prog" again
        wait
        verdict "$n.jit" "$d/jit" "$d/refagain"
    fi
    rm -rf "$d"
done
exit 0
