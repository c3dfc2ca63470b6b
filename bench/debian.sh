# shellcheck shell=bash disable=SC2034
# The Debian rows of bench/run.sh (sourced by it, bash): real programs of
# Debian trixie, each run three ways side by side: the riscv64 build under
# hart -L and under qemu-riscv64 -L, and the amd64 build of the same package
# version natively. The sysroots are tests/debian's (o/debian/full-riscv64
# and full-amd64, built by tools/mksysroot through tests/debian/lib.sh), and
# the amd64 programs run the way tests/debian runs them (a chroot in a
# private mount namespace when root, else the sysroot's ld.so).
#
# Inputs are made on the host in o/bench/deb/in (bench/gencorpus.c, the
# scripts of bench/debian/), never fetched; the decompression rows read what
# the amd64 compressor made of the corpus, several streams back to back. The
# sizes are chosen for about 0.25 to 0.5 s of native CPU time per row.

DEB_BENCH_ROWS=(xz-c xz-d zstd-c zstd-d gzip-c gzip-d bzip2-c bzip2-d lua python sqlite perl gawk)
DEB_BENCH_LIMIT=${BENCH_DEB_TIMEOUT:-300}  # seconds per program run
DEB_MIXED=4000000   # bytes of mixed corpus (gencorpus mixed); 1 MB of it for xz and zstd -c
DEB_TEXT=6000000    # bytes of text corpus (gencorpus text); 3.5 MB of it for gawk
DEB_SQL="-v items=7000 -v sales=40000 -v probes=4000"

# deb_bench_argv NAME: sets DEB_ARGV to what row NAME runs (a program of
# /usr/bin and its arguments, in the input folder; output on stdout).
deb_bench_argv() {
    case $1 in
    xz-c) DEB_ARGV=(xz -9 -T1 -c mixed.1m) ;;
    xz-d) DEB_ARGV=(xz -d -T1 -c mixed.xz5) ;;
    zstd-c) DEB_ARGV=(zstd -19 -T1 -q -c mixed.1m) ;;
    zstd-d) DEB_ARGV=(zstd -d -q -c mixed.zst30) ;;
    gzip-c) DEB_ARGV=(gzip -9 -c mixed.4m) ;;
    gzip-d) DEB_ARGV=(gzip -d -c mixed.gz15) ;;
    bzip2-c) DEB_ARGV=(bzip2 -9 -c mixed.4m) ;;
    bzip2-d) DEB_ARGV=(bzip2 -d -c mixed.bz2x2) ;;
    lua) DEB_ARGV=(lua5.4 cpu.lua 0.75) ;;
    python) DEB_ARGV=(python3 cpu.py 0.5) ;;
    sqlite) DEB_ARGV=(sqlite3 :memory: ".read bench.sql") ;;
    perl) DEB_ARGV=(perl text.pl text.6m) ;;
    gawk) DEB_ARGV=(gawk -f text.awk text.3m5) ;;
    *) return 1 ;;
    esac
}

# deb_bench_cmd TOOL NAME: sets CMD to the whole command line of row NAME
# under TOOL (native, qemu or hart). Call it in the input folder.
deb_bench_cmd() {
    deb_bench_argv "$2" || return 1
    local prog=${DEB_ARGV[0]} args=("${DEB_ARGV[@]:1}")
    case $1 in
    native) deb_amd_argv "$prog" "${args[@]}"; CMD=("${DEB_AMD_ARGV[@]}") ;;
    qemu) CMD=("${DEB_ENV[@]}" "$QEMU" -L "$RV" "$RV/usr/bin/$prog" "${args[@]}") ;;
    hart) CMD=("${DEB_ENV[@]}" "$HART_ABS" -L "$RV" "$RV/usr/bin/$prog" "${args[@]}") ;;
    esac
    CMD=(timeout -k 5 "$DEB_BENCH_LIMIT" "${CMD[@]}")
}

# deb_bench_native NAME ARGS...: runs an amd64 program to make an input.
deb_bench_native() {
    deb_amd_argv "$@"
    "${DEB_AMD_ARGV[@]}" </dev/null
}

# deb_bench_inputs: makes the input folder, unless it is newer than
# everything it is made from.
deb_bench_inputs() {
    local in=$DEB_WORK/in stamp=$DEB_WORK/in/.made f
    local from=(bench/gencorpus.c bench/debian.sh bench/debian/* "$AMD/.mksysroot")
    if [ -e "$stamp" ]; then
        for f in "${from[@]}"; do [ "$f" -nt "$stamp" ] && break; done
        [ "$f" -nt "$stamp" ] || return 0
    fi
    echo "bench/run.sh: making the inputs of the Debian rows in $in" >&2
    rm -rf "$in" && mkdir -p "$in" || return 1
    # shellcheck disable=SC2086 # DEB_SQL is a list of options
    cp bench/debian/*.lua bench/debian/*.py bench/debian/*.pl bench/debian/*.awk "$in/" &&
        $CC_NATIVE -std=c17 -O2 -Wall -Wextra -Werror bench/gencorpus.c -o "$DEB_WORK/gencorpus" -lm &&
        "$DEB_WORK/gencorpus" mixed $DEB_MIXED >"$in/mixed.4m" &&
        "$DEB_WORK/gencorpus" text $DEB_TEXT >"$in/text.6m" &&
        head -c 1000000 "$in/mixed.4m" >"$in/mixed.1m" &&
        head -c 3500000 "$in/text.6m" >"$in/text.3m5" &&
        awk $DEB_SQL -f bench/debian/mksql.awk >"$in/bench.sql" || return 1
    (
        cd "$in" || exit 1
        rep() { # rep N FILE: FILE N times over, to stdout
            local i
            for ((i = 0; i < $1; i++)); do cat "$2"; done
        }
        deb_bench_native xz -9 -T1 -c mixed.4m >x.xz && rep 5 x.xz >mixed.xz5 &&
            deb_bench_native zstd -19 -T1 -q -c mixed.4m >x.zst && rep 30 x.zst >mixed.zst30 &&
            deb_bench_native gzip -9 -c mixed.4m >x.gz && rep 15 x.gz >mixed.gz15 &&
            deb_bench_native bzip2 -9 -c mixed.4m >x.bz2 && rep 2 x.bz2 >mixed.bz2x2 &&
            rm x.xz x.zst x.gz x.bz2
    ) || { echo "bench/run.sh: could not make the Debian inputs" >&2; return 1; }
    touch "$stamp"
}

# deb_bench_setup: sysroots, native mode and inputs. Returns 1 when the
# Debian rows cannot run, with what their cells say in DEB_BENCH_NA and why
# in DEB_BENCH_WHY.
deb_bench_setup() {
    # shellcheck source=../tests/debian/lib.sh
    . tests/debian/lib.sh
    # shellcheck source=../tests/debian/workloads.sh
    . tests/debian/workloads.sh
    echo "bench/run.sh: building the Debian sysroots (tools/mksysroot)" >&2
    # shellcheck disable=SC2086
    if ! deb_sysroots full $DEB_FULL_PACKAGES; then
        DEB_BENCH_NA="n/a (no sysroot)" DEB_BENCH_WHY=$DEB_WHY
        rm -f "${DEB_LOG:-}"
        return 1
    fi
    DEB_WORK=$PWD/$OUT/deb
    mkdir -p "$DEB_WORK"
    deb_pick_native
    deb_bench_inputs || { DEB_BENCH_NA="n/a (no inputs)" DEB_BENCH_WHY="see above"; return 1; }
    HART_ABS=$HART
    case $HART in */*) HART_ABS=$(cd "$(dirname "$HART")" && pwd)/$(basename "$HART") ;; esac
}

# deb_bench_sources SYSROOT: its packages and their source versions, sorted,
# with the architecture left out of the names of cross tools.
deb_bench_sources() {
    sed -e 's/riscv64-linux-gnu/TRIPLET/; s/x86-64-linux-gnu/TRIPLET/' \
        -e 's/+b[0-9]*$//' "$1/.mksysroot-packages" | sort
}

# deb_bench_versions: the header line naming what the Debian rows run.
deb_bench_versions() {
    local p list="" same="the same versions"
    for p in xz-utils zstd gzip bzip2 lua5.4 python3.13 sqlite3 perl gawk; do
        list="$list, $(grep -m1 "^$p " "$RV/.mksysroot-packages")"
    done
    # A binNMU (+bN) rebuilds the same source version for one architecture.
    # Packages only one architecture has (libquadmath0) do not count, and a
    # cross tool's name (cpp-14-riscv64-linux-gnu) stands for its twin.
    if ! cmp -s "$RV/.mksysroot-packages" "$AMD/.mksysroot-packages"; then
        same="the same source versions"
        [ -n "$(join <(deb_bench_sources "$RV") <(deb_bench_sources "$AMD") |
            awk '$2 != $3')" ] && same="OTHER versions (see .mksysroot-packages)"
    fi
    echo "trixie ${list#, }; amd64: $same, run by $DEB_NATIVE_MODE"
}

# deb_bench_digest FILE: a large output becomes its size and sha256, so
# that a few hundred MB of decompressed data are not kept around.
deb_bench_digest() {
    local size
    size=$(stat -c %s "$1")
    [ "$size" -gt 1048576 ] || return 0
    echo "$size bytes, sha256 $(sha256sum <"$1" | cut -d' ' -f1)" >"$1.digest" && mv "$1.digest" "$1"
}
