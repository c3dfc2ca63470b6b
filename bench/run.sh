#!/bin/bash
# hart's benchmark: the same C kernels (bench/src/*.c) built for x86-64 and
# for riscv64, and real Debian programs (bench/debian.sh: the riscv64 and
# amd64 builds of the same trixie packages), each run natively, under
# qemu-riscv64 and under hart, side by side in the same session. Prints one
# table (best wall time of N runs, peak RSS), geometric means of the kernels,
# of the Debian rows and of all, the start-up cost of a static hello world,
# and the guest instructions per second of the integer loop.
#
#   bench/run.sh [-n RUNS] [--cpu] [--save] [WORKLOAD...]
#
# WORKLOADs are the names of bench/src/*.c (hello is the start-up line and is
# called "startup"), the Debian rows (xz-c, xz-d, ... gawk; "debian" for all
# of them, "kernels" for all kernels); default: all. The Debian rows need the
# sysroots of tests/debian (tools/mksysroot; the Debian archive or the
# download cache o/debcache); without them they show "n/a (no sysroot)" and
# the rest still runs. --cpu ranks runs by CPU time (user+system)
# instead of wall time: steadier when others load the machine. --save also
# writes the report to bench/RESULTS.md. Environment: HART (default o/rel/hart; a missing binary
# shows as n/a), QEMU (default qemu-riscv64), STARTUP_RUNS (default 200),
# BENCH_DEB_TIMEOUT (seconds per Debian program run, default 300),
# DEBIAN_NO_CHROOT=1 (run the amd64 programs through their ld.so even as root).
#
# Every timed run's output is compared with the native one; a run that
# prints something else or does not exit 0 is reported as WRONG/FAILED, left
# out of the means, and makes the script exit 1. Every program runs with the
# same small environment (PATH and LC_ALL=C), so start-up work and stack
# layout do not depend on who runs the benchmark. (The Debian rows use
# tests/debian's environment, DEB_ENV, and compare outputs of over 1 MB by
# size and sha256.)
set -u
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
ARGS=("$@")
cd "$(dirname "$0")/.." || exit 2

RUNS=3
SAVE=0
METRIC=wall
WANT=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) RUNS=$2; shift 2 ;;
        -n*) RUNS=${1#-n}; shift ;;
        --save) SAVE=1; shift ;;
        --cpu) METRIC=cpu; shift ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
        *) WANT+=("$1"); shift ;;
    esac
done
case "$RUNS" in ''|*[!0-9]*|0) echo "bench/run.sh: -n wants a positive number" >&2; exit 2 ;; esac

HART=${HART:-o/rel/hart}
QEMU=${QEMU:-qemu-riscv64}
STARTUP_RUNS=${STARTUP_RUNS:-200}
OUT=o/bench
CC_NATIVE=${CC_NATIVE:-gcc}
CC_RV=${CC_RV:-riscv64-linux-gnu-gcc}
# -ffp-contract=off: riscv64 gcc would fuse a*b+c into fmadd where x86-64
# (no FMA at the baseline) rounds twice; the outputs must match bit for bit.
KFLAGS="-O2 -static -ffp-contract=off -Wall -Wextra -Werror"
# The integer loop's iteration count, zero-padded so the calibration runs
# below parse an argument of the same length.
INT_N=300000000
INT_W=${#INT_N}
RUNENV=(env -i "PATH=$PATH" LC_ALL=C)

# The table's order; any other kernel in bench/src/ comes after these.
ALL=(int sieve fp mem calls strmap crc)
for f in bench/src/*.c; do
    n=$(basename "$f" .c)
    [ "$n" = hello ] || printf '%s\n' "${ALL[@]}" | grep -qx "$n" || ALL+=("$n")
done
. bench/debian.sh
is_deb() { printf '%s\n' "${DEB_BENCH_ROWS[@]}" | grep -qx -- "$1"; }
[ ${#WANT[@]} -eq 0 ] && WANT=("${ALL[@]}" "${DEB_BENCH_ROWS[@]}" startup)
# Groups expand in place; the table keeps the kernels first, then the
# Debian rows, in the order above.
expanded=()
for w in "${WANT[@]}"; do
    case $w in
    kernels) expanded+=("${ALL[@]}") ;;
    debian) expanded+=("${DEB_BENCH_ROWS[@]}") ;;
    *) expanded+=("$w") ;;
    esac
done
WANT=()
for w in "${ALL[@]}" "${DEB_BENCH_ROWS[@]}" startup; do
    printf '%s\n' "${expanded[@]}" | grep -qx -- "$w" && WANT+=("$w")
done
for w in "${expanded[@]}"; do
    if [ "$w" != startup ] && [ ! -e "bench/src/$w.c" ] && ! is_deb "$w"; then
        echo "bench/run.sh: no workload '$w' (have: ${ALL[*]} ${DEB_BENCH_ROWS[*]} startup," \
            "kernels, debian)" >&2
        exit 2
    fi
done
WANT_DEB=0
for w in "${WANT[@]}"; do is_deb "$w" && WANT_DEB=1; done
if [ $WANT_DEB = 1 ]; then
    # As root, re-run in a private mount namespace, where the amd64 programs
    # run chrooted in their sysroot (tests/debian/lib.sh).
    . tests/debian/lib.sh
    deb_enter_namespace "$self" "${ARGS[@]}"
fi

# --- build (only what is out of date) -------------------------------------
mkdir -p $OUT/native $OUT/rv $OUT/out
stale() { [ ! -e "$1" ] || [ "$2" -nt "$1" ] || [ bench/run.sh -nt "$1" ]; }
if stale $OUT/measure bench/measure.c; then
    $CC_NATIVE -std=c17 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror \
        bench/measure.c -o $OUT/measure || exit 2
fi
for f in bench/src/*.c; do
    n=$(basename "$f" .c)
    if stale $OUT/native/$n "$f"; then
        $CC_NATIVE $KFLAGS "$f" -o $OUT/native/$n -lm || exit 2
    fi
    if stale $OUT/rv/$n "$f"; then
        $CC_RV $KFLAGS "$f" -o $OUT/rv/$n -lm || exit 2
    fi
done

HAVE_HART=1
if [ ! -x "$HART" ] && ! command -v "$HART" >/dev/null 2>&1; then
    HAVE_HART=0
fi
TOOLS="native qemu hart"
kernel_cmd() { # kernel_cmd TOOL NAME: sets CMD to the command line to run
    case "$1" in
        native) CMD=("$OUT/native/$2") ;;
        qemu) CMD=("$QEMU" "$OUT/rv/$2") ;;
        hart) CMD=("$HART" "$OUT/rv/$2") ;;
    esac
    [ "$2" = int ] && CMD+=("$INT_N")
}

DEB_OK=0
if [ $WANT_DEB = 1 ]; then
    if deb_bench_setup; then DEB_OK=1; else echo "bench/run.sh: Debian rows: $DEB_BENCH_NA: $DEB_BENCH_WHY" >&2; fi
fi

# --- report header ---------------------------------------------------------
REPORT=$(mktemp)
trap 'rm -f "$REPORT"' EXIT
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
hart_ver=$( [ $HAVE_HART = 1 ] && "$HART" --version 2>/dev/null | head -1)
say "hart benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $cpu, $(nproc) cores, Linux $(uname -r)"
say "native:  $($CC_NATIVE --version | head -1), $KFLAGS"
say "guest:   $($CC_RV --version | head -1), same flags"
say "qemu:    $($QEMU --version | head -1)"
if [ $HAVE_HART = 1 ]; then
    say "hart:    $HART ${hart_ver:-(no --version)}, commit $(git rev-parse --short HEAD 2>/dev/null)"
else
    say "hart:    $HART not built: its column shows n/a"
fi
if [ $DEB_OK = 1 ]; then
    deb_bench_versions | fold -s -w 88 | sed 's/ *$//; 1s/^/debian:  /; 2,$s/^/         /' | tee -a "$REPORT"
elif [ $WANT_DEB = 1 ]; then
    say "debian:  $DEB_BENCH_NA: $DEB_BENCH_WHY"
fi
say "best $METRIC time of $RUNS interleaved runs; peak RSS is the largest of the runs"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
say ""

# --- measure ------------------------------------------------------------------
# best[TOOL,NAME] seconds, rss[TOOL,NAME] KiB, bad[TOOL,NAME] why it failed
declare -A best rss bad
FAILED=0
check_run() { # check_run TOOL NAME RESULT-LINE OUTPUT-FILE
    local tool=$1 name=$2 line=$3 file=$4 t wall cpu r status
    read -r wall cpu r status <<<"$line"
    if [ $METRIC = cpu ]; then t=$cpu; else t=$wall; fi
    if [ "$status" != 0 ]; then
        bad[$tool,$name]="FAILED"
        echo "!!! $name under $tool: $status" >&2
        sed 's/^/!!!   /' "$file" | head -5 >&2
        return
    fi
    if [ "$tool" != native ] && ! cmp -s "$file" "$OUT/out/$name.native"; then
        bad[$tool,$name]="WRONG"
        echo "!!! $name under $tool printed a wrong answer:" >&2
        diff "$OUT/out/$name.native" "$file" | head -8 | sed 's/^/!!!   /' >&2
        return
    fi
    if [ -z "${best[$tool,$name]:-}" ] || awk "BEGIN{exit !($t < ${best[$tool,$name]})}"; then
        best[$tool,$name]=$t
    fi
    if [ -z "${rss[$tool,$name]:-}" ] || [ "$r" -gt "${rss[$tool,$name]}" ]; then
        rss[$tool,$name]=$r
    fi
}

measure_one() { # measure_one TOOL NAME PROGRAM REPS -> measure's result line
    local tool=$1 name=$2 prog=$3 reps=$4 out=$OUT/out/$2.$1
    if is_deb "$name"; then
        # In the input folder (the amd64 side's chroot sees it as /w/in).
        (cd "$DEB_WORK/in" && deb_bench_cmd "$tool" "$name" &&
            "$DEB_ROOT/$OUT/measure" -r "$reps" -o "$DEB_ROOT/$out" "${CMD[@]}" </dev/null)
        deb_bench_digest "$out"
    else
        kernel_cmd "$tool" "$prog"
        "${RUNENV[@]}" $OUT/measure -r "$reps" -o "$out" "${CMD[@]}" </dev/null
    fi
}

run_workload() { # run_workload NAME PROGRAM REPS
    local name=$1 prog=$2 reps=$3 round tool line
    for ((round = 1; round <= RUNS; round++)); do
        for tool in $TOOLS; do
            [ $tool = hart ] && [ $HAVE_HART = 0 ] && continue
            [ -n "${bad[$tool,$name]:-}" ] && continue
            line=$(measure_one $tool "$name" "$prog" "$reps")
            check_run $tool "$name" "$line" $OUT/out/$name.$tool
            if [ $tool = native ] && [ -n "${bad[native,$name]:-}" ]; then
                is_deb "$name" || { echo "bench/run.sh: the native $name failed: fix the kernel" >&2; exit 2; }
                # A Debian row whose amd64 reference fails is not timed.
                echo "bench/run.sh: the native $name failed: row left out" >&2
                FAILED=1
                return
            fi
        done
    done
    for tool in $TOOLS; do
        [ -n "${bad[$tool,$name]:-}" ] && FAILED=1
    done
}

for w in "${WANT[@]}"; do
    if [ "$w" = startup ]; then
        run_workload startup hello "$STARTUP_RUNS"
    elif is_deb "$w" && [ $DEB_OK = 0 ]; then
        continue
    else
        [ -t 2 ] && printf '  running %s...\r' "$w" >&2
        run_workload "$w" "$w" 1
    fi
done
[ -t 2 ] && printf '                          \r' >&2

# --- table -----------------------------------------------------------------------
cell() { # cell TOOL NAME -> seconds, or why not
    if [ $1 = hart ] && [ $HAVE_HART = 0 ]; then echo n/a
    elif [ -n "${bad[$1,$2]:-}" ]; then echo "${bad[$1,$2]}"
    elif [ -z "${best[$1,$2]:-}" ]; then echo -
    else printf '%.3f' "${best[$1,$2]}"; fi
}
mb() { # mb TOOL NAME -> peak RSS in MB
    if [ -n "${rss[$1,$2]:-}" ]; then awk "BEGIN{printf \"%.0f\", ${rss[$1,$2]} / 1024}"
    else echo n/a; fi
}
ratio() { # ratio A B -> A/B, or n/a when either is not a number
    awk -v a="$1" -v b="$2" 'BEGIN{ if (a+0 > 0 && b+0 > 0) printf "%.2f", a / b; else print "n/a" }'
}
geo() { awk -v s="$1" -v n="$2" 'BEGIN{ if (n > 0) printf "%.3f", exp(s / n); else print "n/a" }'; }
# geomean LABEL WORKLOAD...: the line of geometric means over those of the
# workloads every tool got right, so that the ratios compare like with like.
geomean() {
    local label=$1 w sn=0 sq=0 sh=0 n=0 gn gq gh
    shift
    for w in "$@"; do
        [ -n "${best[native,$w]:-}" ] && [ -n "${best[qemu,$w]:-}" ] || continue
        [ -n "${bad[native,$w]:-}${bad[qemu,$w]:-}" ] && continue
        if [ $HAVE_HART = 1 ]; then
            [ -n "${bad[hart,$w]:-}" ] || [ -z "${best[hart,$w]:-}" ] && continue
            sh=$(awk "BEGIN{print $sh + log(${best[hart,$w]})}")
        fi
        sn=$(awk "BEGIN{print $sn + log(${best[native,$w]})}")
        sq=$(awk "BEGIN{print $sq + log(${best[qemu,$w]})}")
        n=$((n + 1))
    done
    [ $n -gt 0 ] || return 0
    gn=$(geo $sn $n); gq=$(geo $sq $n)
    if [ $HAVE_HART = 1 ]; then gh=$(geo $sh $n); else gh=n/a; fi
    say "$(printf "$fmt" geomean $gn $gq $gh "$(ratio $gh $gn)" "$(ratio $gq $gh)" \
        "($label: over $n of $# workloads)")"
}
fmt="%-9s %9s %9s %9s %12s %10s   %s"
say "$(printf "$fmt" workload "native s" "qemu s" "hart s" hart/native qemu/hart "peak RSS MB native/qemu/hart")"
kernels=() debs=() dashes=$(printf '%.0s-' {1..96})
for w in "${WANT[@]}"; do
    [ "$w" = startup ] && continue
    if is_deb "$w"; then
        if [ ${#debs[@]} = 0 ] && [ ${#kernels[@]} -gt 0 ]; then
            geomean kernels "${kernels[@]}"
            say "$dashes"
        fi
        debs+=("$w")
        if [ $DEB_OK = 0 ]; then
            say "$(printf '%-9s %s' "$w" "$DEB_BENCH_NA")"
            continue
        fi
    else
        kernels+=("$w")
    fi
    n=$(cell native $w); q=$(cell qemu $w); h=$(cell hart $w)
    say "$(printf "$fmt" $w $n $q $h "$(ratio $h $n)" "$(ratio $q $h)" \
        "$(mb native $w)/$(mb qemu $w)/$(mb hart $w)")"
done
if [ ${#debs[@]} = 0 ]; then
    [ ${#kernels[@]} -gt 0 ] && geomean kernels "${kernels[@]}"
elif [ $DEB_OK = 1 ]; then
    geomean debian "${debs[@]}"
    [ ${#kernels[@]} -gt 0 ] && geomean "all" "${kernels[@]}" "${debs[@]}"
fi
if [ $DEB_OK = 1 ]; then
    say ""
    say "Debian rows (in $OUT/deb/in; outputs of over 1 MB compared by size and sha256):"
    for w in "${debs[@]}"; do
        deb_bench_argv "$w"
        line="  $(printf '%-8s' "$w")"
        for a in "${DEB_ARGV[@]}"; do
            case $a in *' '*) line+=" \"$a\"" ;; *) line+=" $a" ;; esac
        done
        say "$line"
    done
    say "  inputs: $(cd "$DEB_WORK/in" && for f in mixed.1m mixed.4m text.3m5 text.6m bench.sql \
        mixed.xz5 mixed.zst30 mixed.gz15 mixed.bz2x2; do
        printf '%s %.1f MB, ' "$f" "$(awk "BEGIN{print $(stat -c %s "$f") / 1e6}")"; done |
        sed 's/, $//' | fold -s -w 88 | sed 's/ *$//; 2,$s/^/          /')"
    say "  mixed.*: generated text, tables, signals, noise and repeats; text.*: generated prose"
    say "  and log records (bench/gencorpus.c); mixed.{xz5,zst30,gz15,bz2x2}: 5, 30, 15 and 2"
    say "  copies of the amd64 compressor's output for mixed.4m."
fi

if printf '%s\n' "${WANT[@]}" | grep -qx startup; then
    ms() { # ms TOOL -> mean milliseconds per start-up
        if [ $1 = hart ] && [ $HAVE_HART = 0 ]; then echo n/a
        elif [ -n "${bad[$1,startup]:-}" ]; then echo "${bad[$1,startup]}"
        else awk "BEGIN{printf \"%.2f\", ${best[$1,startup]} * 1000 / $STARTUP_RUNS}"; fi
    }
    say ""
    say "start-up (static hello world, mean of $STARTUP_RUNS runs, ms): native $(ms native)  qemu $(ms qemu)  hart $(ms hart)"
fi

# Guest instructions per second of the integer loop. Its dynamic instruction
# count is measured, not guessed: qemu's one-instruction-per-block exec trace
# counts every retired instruction of short runs; the loop body is branch-free,
# so the count is a + b*n exactly (checked on three sizes) and extrapolates to
# INT_N (the short runs parse arguments of the same length, so start-up is
# the same). Cached in o/bench/int.icount next to the binary it describes.
int_icount() {
    local cache=$OUT/int.icount c1 c2 c3 n
    if [ -e $cache ] && [ $cache -nt $OUT/rv/int ]; then cat $cache; return; fi
    local counts=()
    for n in 1000 2000 3000; do
        "${RUNENV[@]}" $QEMU -singlestep -d exec,nochain -D $OUT/int.trace $OUT/rv/int \
            "$(printf "%0${INT_W}d" $n)" >/dev/null || return 1
        counts+=("$(grep -c '^Trace' $OUT/int.trace)")
    done
    rm -f $OUT/int.trace
    c1=${counts[0]}; c2=${counts[1]}; c3=${counts[2]}
    if [ $((c2 - c1)) -ne $((c3 - c2)) ] || [ $(( (c2 - c1) % 1000 )) -ne 0 ]; then
        echo "bench/run.sh: int's instruction count is not linear ($c1 $c2 $c3)" >&2
        return 1
    fi
    echo "$(( c1 + (c2 - c1) / 1000 * (INT_N - 1000) )) $(( (c2 - c1) / 1000 )) $c1" | tee $cache
}
if printf '%s\n' "${WANT[@]}" | grep -qx int && read -r icount per_iter _ < <(int_icount); then
    mips() {
        if [ $1 = hart ] && [ $HAVE_HART = 0 ]; then echo n/a
        elif [ -n "${bad[$1,int]:-}" ]; then echo "${bad[$1,int]}"
        else awk "BEGIN{printf \"%.0f\", $icount / ${best[$1,int]} / 1e6}"; fi
    }
    say "int loop: $icount guest instructions ($per_iter per iteration x $INT_N):" \
        "qemu $(mips qemu) MIPS, hart $(mips hart) MIPS"
    # hart counts what it retires (--stats): its count per iteration must be
    # qemu's. (Start-up counts differ by a few dozen instructions: glibc's
    # start-up reads the auxiliary vector, which is not the same.)
    if [ $HAVE_HART = 1 ]; then
        retired=()
        for n in 1000 2000; do
            retired+=("$("${RUNENV[@]}" "$HART" --stats $OUT/rv/int "$(printf "%0${INT_W}d" $n)" \
                2>&1 >/dev/null | sed -n 's/.* \([0-9][0-9]*\) instructions retired.*/\1/p')")
        done
        if [ -z "${retired[0]}" ] || [ -z "${retired[1]}" ]; then
            say "(hart --stats gave no instruction count to cross-check)"
        elif [ $((retired[1] - retired[0])) -ne $((per_iter * 1000)) ]; then
            say "!!! hart --stats counts $(awk "BEGIN{print (${retired[1]} - ${retired[0]}) / 1000}")" \
                "instructions per iteration, qemu's trace $per_iter"
            FAILED=1
        fi
    fi
fi

say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $SAVE = 1 ]; then
    {
        echo "# hart benchmark results"
        echo
        echo "Written by \`bench/run.sh --save\` (run by \`make bench\`; see bench/run.sh"
        echo "for what each column means and bench/src/ for the kernels)."
        echo
        echo '```'
        cat "$REPORT"
        echo '```'
    } >bench/RESULTS.md
    echo "(saved to bench/RESULTS.md)"
fi
[ $FAILED = 0 ] || { echo "!!! some runs FAILED or gave WRONG answers (see above)" >&2; exit 1; }
exit 0
