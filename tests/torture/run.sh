#!/bin/bash
# GCC's execution torture tests (gcc.c-torture/execute, from Debian's
# gcc-12-source package) built for riscv64 at -O0 and -O2 and run under hart
# and qemu-riscv64. A test counts when it builds and passes natively
# (x86-64, same options): every counted test must pass under hart. Prints a
# PASS/FAIL/SKIP line per test and level (the tests/check.sh format), then a
# report with hart's and qemu's counts; exits 1 if hart fails a counted test.
#   tests/torture/run.sh [-j N] [NAME...]   (NAME: a test, e.g. 20000112-1)
# Env: HART_REL or HART (the hart to test; default o/rel/hart), TORTURE_TIMEOUT
# (seconds per run, default 20); under tests/check.sh it runs only with
# TORTURE=1. Builds and native results are cached in
# o/torture/, so a rerun only runs the guests again.
#
# dg- directives: dg-options and dg-additional-options are honoured (for the
# native and the riscv64 build alike) unless they name a target; tests with
# target-specific options, dg-skip-if on every target or on non-x86 targets,
# or an effective target other than those both x86-64 and riscv64 Linux
# have, are skipped and counted. Other directives (xfail on other targets,
# stack_size, prune-output) do not apply to these two targets.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/o/torture
src=$out/src
jobs=2
timeout_s=${TORTURE_TIMEOUT:-20}
hart=${HART_REL:-${HART:-$top/o/rel/hart}}
export LC_ALL=C

# tests/check.sh runs every suite: this one only when asked (it takes long).
if [ -n "${BUILD:-}" ] && [ -z "${TORTURE:-}" ] && [ "${1:-}" != --one ]; then
    echo "SKIP torture: slow; run make check-torture, or TORTURE=1 tests/check.sh o/asan torture"
    exit 0
fi

# Worker mode: build and run one test at both levels; writes o/torture/res/.
if [ "${1:-}" = --one ]; then
    name=$2
    c=$src/$name.c
    opts=$(cat "$out/opts/$name")
    for lvl in O0 O2; do
        d=$out/build/$lvl
        res=$out/res/$name.$lvl
        native=skip rv=skip q=skip h=skip
        # The native build and run: the filter, cached with the build.
        if [ ! -e "$d/native/$name.result" ] || [ "$c" -nt "$d/native/$name.result" ]; then
            r=fail
            if gcc -w -$lvl $opts "$c" -o "$d/native/$name" -lm \
                    >/dev/null 2>&1; then
                (cd "$d/native" && timeout "$timeout_s" "./$name") \
                    >/dev/null 2>&1 </dev/null && r=pass
            else
                r=nobuild
            fi
            rm -f "$d/native/$name"
            echo $r > "$d/native/$name.result"
        fi
        native=$(cat "$d/native/$name.result")
        if [ ! -e "$d/rv/$name" ] || [ "$c" -nt "$d/rv/$name" ]; then
            riscv64-linux-gnu-gcc -static -w -$lvl $opts "$c" \
                -o "$d/rv/$name" -lm >/dev/null 2>&1 || rm -f "$d/rv/$name"
        fi
        if [ -e "$d/rv/$name" ]; then
            rv=ok
            if [ ! -e "$d/rv/$name.qemu" ] || [ "$d/rv/$name" -nt "$d/rv/$name.qemu" ]; then
                (cd "$d/rv" && timeout "$timeout_s" qemu-riscv64 "./$name") \
                    >/dev/null 2>&1 </dev/null
                echo $? > "$d/rv/$name.qemu"
            fi
            q=$(cat "$d/rv/$name.qemu")
            if [ -x "$hart" ]; then
                (cd "$d/rv" && timeout "$timeout_s" "$hart" "./$name") \
                    > "$d/rv/$name.hart-out" 2>&1 </dev/null
                h=$?
            fi
        else
            rv=nobuild
        fi
        echo "$native $rv $q $h" > "$res"
    done
    exit 0
fi

while [ $# -gt 0 ]; do
    case $1 in
    -j) jobs=$2; shift 2 ;;
    -j*) jobs=${1#-j}; shift ;;
    *) break ;;
    esac
done

tarball=/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz
if [ ! -e "$tarball" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "torture: installing gcc-12-source" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc-12-source \
            >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                gcc-12-source >/dev/null 2>&1; }
    fi
    if [ ! -e "$tarball" ]; then
        echo "SKIP torture: gcc-12-source is not installed (sudo apt-get install gcc-12-source)"
        exit 0
    fi
fi
for tool in gcc riscv64-linux-gnu-gcc qemu-riscv64; do
    command -v $tool >/dev/null || { echo "SKIP torture: $tool missing"; exit 0; }
done

if [ ! -e "$src/.extracted.v2" ]; then
    mkdir -p "$src"
    echo "torture: extracting gcc.c-torture/execute" >&2
    tar -xJf "$tarball" -C "$src" --strip-components=5 --wildcards \
        'gcc-*/gcc/testsuite/gcc.c-torture/execute/*.[ch]' || exit 1
    touch "$src/.extracted.v2"
fi
mkdir -p "$out/opts" "$out/res" "$out"/build/O{0,2}/{native,rv}

# Reads the dg- directives of every test: writes its options to opts/NAME,
# or prints "SKIP NAME: why" for a test whose directives can't be honoured.
supported_targets=" int32plus int32 label_values alloca trampolines \
indirect_jumps untyped_assembly return_address fileio c99_runtime unwrapped \
stdint_types mmap int128 double64plus longlong64 "
skipped=$out/skipped
: > "$skipped"
names=()
for c in "$src"/*.c; do
    name=$(basename "$c" .c)
    if [ $# -gt 0 ]; then
        want=0
        for n in "$@"; do [ "$n" = "$name" ] && want=1; done
        [ $want = 1 ] || continue
    fi
    why=
    opts=
    while IFS= read -r line; do
        case $line in
        *dg-require-effective-target*)
            t=$(echo "$line" | sed 's/.*dg-require-effective-target *\([^ }]*\).*/\1/')
            case $supported_targets in
            *" $t "*) ;;
            *) why="needs effective target $t" ;;
            esac ;;
        *dg-skip-if*)
            case $line in
            *'*-*-*'*|*'! {'*|*'!{'*) why="dg-skip-if applies to every target" ;;
            esac ;;
        *dg-options*|*dg-additional-options*)
            if echo "$line" | grep -q 'target'; then
                why="target-specific options"
            else
                opts="$opts $(echo "$line" | sed 's/.*-options *[{" ]*\([^"}]*\).*/\1/')"
            fi ;;
        esac
    done < <(grep -o '{ *dg-[a-z-]*.*' "$c")
    if [ -n "$why" ]; then
        echo "$name: $why" >> "$skipped"
    else
        echo "$opts" > "$out/opts/$name"
        names+=("$name")
    fi
done

[ -x "$hart" ] || echo "torture: no hart at $hart: only the builds and qemu run" >&2
start=$(date +%s)
printf '%s\n' "${names[@]}" | xargs -P "$jobs" -n 1 "$0" --one
elapsed=$(( $(date +%s) - start ))

# The report.
fails=0
declare -A count
for k in counted hart_pass qemu_pass native_fail nobuild; do
    for lvl in O0 O2; do count[$k.$lvl]=0; done
done
failed_list=
for lvl in O0 O2; do
    for name in "${names[@]}"; do
        read -r native rv q h < "$out/res/$name.$lvl"
        t=torture-$lvl-$name
        if [ "$native" != pass ]; then
            count[native_fail.$lvl]=$(( count[native_fail.$lvl] + 1 ))
            echo "SKIP $t: fails natively ($native)"
            continue
        fi
        if [ "$rv" != ok ]; then
            count[nobuild.$lvl]=$(( count[nobuild.$lvl] + 1 ))
            echo "SKIP $t: does not build for riscv64"
            continue
        fi
        count[counted.$lvl]=$(( count[counted.$lvl] + 1 ))
        [ "$q" = 0 ] && count[qemu_pass.$lvl]=$(( count[qemu_pass.$lvl] + 1 ))
        if [ "$h" = skip ]; then
            echo "SKIP $t: no hart"
        elif [ "$h" = 0 ]; then
            count[hart_pass.$lvl]=$(( count[hart_pass.$lvl] + 1 ))
            echo "PASS $t"
        else
            fails=$((fails + 1))
            failed_list="$failed_list $t"
            echo "FAIL $t"
            echo "  hart exit status $h (qemu: $q); o/torture/build/$lvl/rv/$name"
            head -3 "$out/build/$lvl/rv/$name.hart-out" 2>/dev/null | sed 's/^/  /'
        fi
    done
done
nskip=$(wc -l < "$skipped")
{
echo "torture report ($elapsed s, $(( ${#names[@]} + nskip )) tests, $nskip skipped for dg- directives):"
for lvl in O0 O2; do
    echo "  -$lvl: ${count[counted.$lvl]} counted (${count[native_fail.$lvl]} fail natively," \
         "${count[nobuild.$lvl]} don't build for riscv64);" \
         "hart passes ${count[hart_pass.$lvl]}, qemu passes ${count[qemu_pass.$lvl]}"
done
[ -n "$failed_list" ] && echo "  hart failures:$failed_list"
echo "  skipped tests and why: o/torture/skipped"
} >&2
[ $fails = 0 ]
