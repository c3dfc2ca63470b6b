# shellcheck shell=bash disable=SC2034,SC2206
# Shared machinery of the Debian-program suites (sourced by run.sh and
# full.sh; bash). A workload runs a program from a Debian trixie riscv64
# sysroot under the emulator and the same program from the amd64 sysroot of
# the same packages natively; stdout, the exit status and stderr (less the
# sysroot prefixes) must agree. Outputs are never written down in the tree:
# the amd64 build is the reference.
#
# Emulator: $DEBIAN_EMU = hart (default: $HART_DEBIAN, else $HART_REL, with
# -L and the words of $DEBIAN_HART_OPTS, e.g. --jit=off) or qemu
# (qemu-riscv64 -L, a stand-in while hart lacks something).
# The amd64 programs run in a chroot of their sysroot inside a private mount
# namespace (/dev, /proc and the work folder bound in), so what they exec and
# open is the amd64 sysroot's, as for the riscv64 side under -L. Without the
# rights for that (not root), they run through the sysroot's ld.so with
# --library-path; programs that exec others then reach the host's, so such
# a workload may differ for reasons outside the emulator: the header says
# which mode is in force.

DEB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEB_DIR=$DEB_ROOT/tests/debian
DEB_LIMIT=${DEBIAN_TIMEOUT:-60}
DEB_FILTER=${DEBIAN_ONLY:-}        # a grep -E pattern on workload names

# deb_sysroots NAME PACKAGE...: builds o/debian/NAME-riscv64 and NAME-amd64.
# Sets RV and AMD. Returns 3 (after one SKIP-worthy line in DEB_WHY) when the
# archive is unreachable and nothing is cached.
deb_sysroots() {
    local name=$1 arch rc log
    shift
    log=$(mktemp)
    for arch in riscv64 amd64; do
        "$DEB_ROOT/tools/mksysroot" -q --arch "$arch" \
            "$DEB_ROOT/o/debian/$name-$arch" "$@" > "$log" 2>&1
        rc=$?
        if [ $rc != 0 ]; then
            DEB_WHY=$(grep 'error:' "$log" | head -1 | sed 's/^mksysroot: error: //')
            [ -n "$DEB_WHY" ] || DEB_WHY=$(tail -1 "$log")
            sed 's/^/  /' "$log" > "$log.keep"; DEB_LOG=$log.keep
            rm -f "$log"
            return $rc
        fi
    done
    rm -f "$log"
    RV=$DEB_ROOT/o/debian/$name-riscv64
    AMD=$DEB_ROOT/o/debian/$name-amd64
}

# deb_setup: picks the emulator and the way amd64 programs run, makes the
# work folder. Call it after deb_sysroots and after deb_enter_namespace.
deb_setup() {
    local hart=${HART_DEBIAN:-${HART_REL:-$DEB_ROOT/o/rel/hart}}
    case ${DEBIAN_EMU:-hart} in
    hart) DEB_EMU=(env "ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:exitcode=99}"
                   "UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:exitcode=99}"
                   "$hart" ${DEBIAN_HART_OPTS:-} -U ASAN_OPTIONS -U UBSAN_OPTIONS -L "$RV")
          DEB_EMU_NAME="hart ($hart)"
          [ -x "$hart" ] || { DEB_WHY="hart not built ($hart)"; return 1; } ;;
    qemu) DEB_EMU=(qemu-riscv64 -L "$RV")
          DEB_EMU_NAME="qemu-riscv64"
          command -v qemu-riscv64 >/dev/null || { DEB_WHY="no qemu-riscv64"; return 1; } ;;
    *) DEB_WHY="DEBIAN_EMU must be hart or qemu"; return 1 ;;
    esac
    DEB_WORK=$(mktemp -d "${TMPDIR:-/tmp}/hart-debian.XXXXXX")
    mkdir -p "$DEB_WORK/data" "$DEB_WORK/tmp"
    chmod 1777 "$DEB_WORK/tmp"
    trap 'rm -rf "$DEB_WORK"' EXIT
    if [ "${DEB_IN_NS:-}" = 1 ] && deb_bind_amd64; then
        DEB_NATIVE_MODE=chroot
    else
        DEB_NATIVE_MODE=ldso
    fi
    echo "# riscv64 under $DEB_EMU_NAME; amd64 reference by $DEB_NATIVE_MODE"
    echo "# $(grep -c . "$RV/.mksysroot-packages") packages in $RV"
}

# deb_enter_namespace "$0" "$@": re-runs the calling script in a private
# mount namespace (root only), where the binds for the chroot vanish with it.
deb_enter_namespace() {
    [ "${DEB_IN_NS:-}" = 1 ] && return 0
    [ "$(id -u)" = 0 ] || return 0
    [ "${DEBIAN_NO_CHROOT:-}" = 1 ] && return 0
    command -v unshare >/dev/null || return 0
    unshare -m --propagation private true 2>/dev/null || return 0
    DEB_IN_NS=1 exec unshare -m --propagation private "$@"
}

deb_bind_amd64() {
    local d
    for d in dev proc w; do mkdir -p "$AMD/$d" || return 1; done
    mount --rbind /dev "$AMD/dev" 2>/dev/null &&
        mount --rbind /proc "$AMD/proc" 2>/dev/null &&
        mount --bind "$DEB_WORK" "$AMD/w" 2>/dev/null &&
        chroot "$AMD" /usr/bin/true 2>/dev/null
}

# The guest environment, the same on both sides.
DEB_ENV=(env -i PATH=/usr/bin:/bin HOME=/tmp TMPDIR=/tmp LC_ALL=C TZ=UTC
         TERM=dumb PYTHONHASHSEED=0 PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0
         PYTHONDONTWRITEBYTECODE=1)

# deb_rv PROG ARGS...: run /usr/bin/PROG of the riscv64 sysroot, in the
# current folder.
deb_rv() {
    local prog=$1; shift
    timeout -k 5 "$DEB_LIMIT" "${DEB_ENV[@]}" "${DEB_EMU[@]}" "$RV/usr/bin/$prog" "$@"
}

# deb_amd PROG ARGS...: run /usr/bin/PROG of the amd64 sysroot natively, in
# the work folder of the amd64 side (relative path $1 of deb_run's caller).
deb_amd() {
    local prog=$1; shift
    if [ "$DEB_NATIVE_MODE" = chroot ]; then
        # env -C, not a shell's cd, which would add PWD and OLDPWD.
        timeout -k 5 "$DEB_LIMIT" chroot "$AMD" /usr/bin/env -i \
            -C "/w/${PWD#"$DEB_WORK"/}" "${DEB_ENV[@]:2}" "/usr/bin/$prog" "$@"
    else
        local lib=$AMD/usr/lib/x86_64-linux-gnu
        timeout -k 5 "$DEB_LIMIT" "${DEB_ENV[@]}" \
            PERL5LIB="$AMD/usr/lib/x86_64-linux-gnu/perl5/5.40:$AMD/usr/share/perl5:$AMD/usr/lib/x86_64-linux-gnu/perl-base:$AMD/usr/lib/x86_64-linux-gnu/perl/5.40:$AMD/usr/share/perl/5.40" \
            "$AMD/lib64/ld-linux-x86-64.so.2" --library-path "$lib" \
            "$AMD/usr/bin/$prog" "$@"
    fi
}

# Files every workload finds in its working folder: the scripts of
# tests/debian/scripts/ in s/, and what deb_data makes.
deb_prepare() {
    cp -r "$DEB_DIR/scripts" "$DEB_WORK/data/s"
    (cd "$DEB_WORK/data" && deb_data && deb_data_extra)
}

# deb_data: generated inputs (run in the data folder by the host's shell; the
# same bytes for both sides).
deb_data() {
    local i
    # Lines of words with repeats, numbers, mixed case.
    awk 'BEGIN { srand(7); for (i = 0; i < 2000; i++) {
        n = int(rand() * 1000); w = sprintf("w%03d", n % 97)
        printf "%s %d %s%s\n", w, n, (i % 3 ? "x" : "Y"), substr("abcdefgh", 1 + n % 8) } }' > words.txt
    seq 1 5000 > nums.txt
    printf 'alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\n' > greek.txt
    printf 'k1,apple,3\nk2,banana,12\nk3,cherry,7\nk4,date,1\nk5,elder,30\n' > fruit.csv
    printf 'k1 red\nk3 dark\nk5 purple\nk6 none\n' > colors.txt
    # 1 MiB of compressible but not trivial bytes for the archivers.
    awk 'BEGIN { srand(3); for (i = 0; i < 40000; i++)
        printf "%06d %s %.6f\n", i, (rand() < 0.5 ? "heads" : "tails"), rand() }' > big.txt
    head -c 300000 /dev/zero | tr '\0' 'z' > zeros.txt
    # A tree for find and tar: files of known sizes and modes, fixed mtimes.
    for i in 1 2 3 4 5 6; do
        mkdir -p "tree/d$i/sub$((i % 3))"
        printf 'file %s\n' "$i" > "tree/d$i/a$i.c"
        head -c $((i * 700)) big.txt > "tree/d$i/sub$((i % 3))/b$i.txt"
        printf '#!/bin/sh\necho %s\n' "$i" > "tree/d$i/run$i.sh"
        chmod 755 "tree/d$i/run$i.sh"
    done
    ln -s ../d1/a1.c tree/d2/link.c
    : > tree/empty
    find tree -exec touch -h -d '2024-01-02 03:04:05 UTC' {} +
}

DEB_PASS=0 DEB_FAIL=0

# deb_run NAME [-i STDIN] [-s] [-r STATUS] PROG ARGS...: one workload. -i
# feeds a file of the work folder to stdin (else /dev/null); -s does not
# compare stderr (for programs that print timings or addresses there); -r
# is the exit status the amd64 reference must have (default 0). The
# reference must also print something: a workload whose reference fails or
# says nothing would pass without testing anything. Each side runs in a
# fresh copy of the data folder; DEBIAN_KEEP=DIR keeps the outputs there.
deb_run() {
    local name=$1 stdin=/dev/null nostderr=0 want=0 side rc_rv rc_amd
    shift
    while [ $# -gt 0 ]; do
        case $1 in
        -i) stdin=$2; shift 2 ;;
        -s) nostderr=1; shift ;;
        -r) want=$2; shift 2 ;;
        *) break ;;
        esac
    done
    if [ -n "$DEB_FILTER" ] && ! printf '%s\n' "$name" | grep -qE "$DEB_FILTER"; then
        return 0
    fi
    for side in rv amd; do
        rm -rf "${DEB_WORK:?}/$side" "$DEB_WORK/tmp/"* 2>/dev/null
        cp -a "$DEB_WORK/data" "$DEB_WORK/$side"
    done
    local o=$DEB_WORK/out
    mkdir -p "$o"
    (cd "$DEB_WORK/rv" && deb_rv "$@" < "$stdin" > "$o/rv.out" 2> "$o/rv.err")
    rc_rv=$?
    (cd "$DEB_WORK/amd" && deb_amd "$@" < "$stdin" > "$o/amd.out" 2> "$o/amd.err")
    rc_amd=$?
    # Program paths differ only by the sysroot prefix (and /w/amd for the
    # work folder inside the chroot).
    sed -e "s|$RV||g" -e "s|$DEB_WORK/rv|WORK|g" "$o/rv.err" > "$o/rv.err2"
    sed -e "s|$AMD||g" -e "s|$DEB_WORK/amd|WORK|g" -e "s|/w/amd|WORK|g" \
        "$o/amd.err" > "$o/amd.err2"
    if [ -n "${DEBIAN_KEEP:-}" ]; then
        mkdir -p "$DEBIAN_KEEP/$name" && cp "$o"/* "$DEBIAN_KEEP/$name/"
    fi
    local why=""
    if [ "$rc_amd" != "$want" ] || [ ! -s "$o/amd.out" ]; then
        echo "FAIL debian-$name: the amd64 reference itself failed (status $rc_amd, $(wc -c < "$o/amd.out") bytes out)"
        echo "  command: $*"
        sed -n '1,6p' "$o/amd.err" | cut -c1-160 | sed 's/^/  amd64 stderr /'
        DEB_FAIL=$((DEB_FAIL + 1))
        return 0
    fi
    [ "$rc_rv" = "$rc_amd" ] || why="exit status $rc_rv, amd64 $rc_amd"
    [ "$rc_rv" = 124 ] || [ "$rc_rv" = 137 ] && why="timed out after ${DEB_LIMIT}s ($why)"
    cmp -s "$o/rv.out" "$o/amd.out" || why="${why:+$why; }stdout differs"
    if [ "$nostderr" = 0 ] && ! cmp -s "$o/rv.err2" "$o/amd.err2"; then
        why="${why:+$why; }stderr differs"
    fi
    if [ -z "$why" ]; then
        echo "PASS debian-$name"
        DEB_PASS=$((DEB_PASS + 1))
        return 0
    fi
    echo "FAIL debian-$name: $why"
    echo "  command: $*"
    if ! cmp -s "$o/rv.out" "$o/amd.out"; then
        diff -a -u "$o/amd.out" "$o/rv.out" | sed -n '3,14p' | cut -c1-160 | sed 's/^/  /'
    fi
    if [ "$nostderr" = 0 ] && ! cmp -s "$o/rv.err2" "$o/amd.err2"; then
        diff -a -u "$o/amd.err2" "$o/rv.err2" | sed -n '3,10p' | cut -c1-160 | sed 's/^/  stderr /'
    fi
    DEB_FAIL=$((DEB_FAIL + 1))
}

# deb_skip_all REASON FILE...: the archive was out of reach.
deb_skip_all() {
    echo "SKIP debian-$1: $2"
}
