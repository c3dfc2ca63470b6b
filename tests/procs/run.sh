#!/bin/sh
# Processes and /proc, checked under hart against the output Linux gives
# (written out below): what qemu-riscv64 cannot be the reference for. It
# cannot run a riscv64 program that the guest execs (that takes the host's
# binfmt_misc), has no execveat, and shows the host's /proc/cpuinfo (see
# docs/qemu-divergences.md). The programs are tests/procs/*.c, built here
# for riscv64 into o/procs/:
#   child     prints what a new program sees (argv, names, mask...)
#   spawn     starts programs in the ways a guest can
#   sh        a minimal /bin/sh for a sysroot, for system()
#   procinfo  /proc/cpuinfo, the exact maps format, /proc/self/environ
#   persona   the execution domain (personality) across execve
#   ptybreak  a break on a pseudo-terminal (TIOCSBRK, TIOCCBRK)
# Each test runs in a scratch directory holding copies of them; $work in
# the output reads WORK.
#   tests/procs/run.sh [NAME...]
cd "$(dirname "$0")/../.." || exit 1
HART=${HART:-$(pwd)/o/asan/hart}
CC=riscv64-linux-gnu-gcc
out=o/procs
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}"
only=$*

tests="exe_after_chdir exec_riscv exit_status killed script initial_script bad_interpreter
posix_spawn vfork vfork_shared system system_status mask fexecve fexecve_memfd
execveat_dirfd execveat_script_cloexec exec_self exec_from_thread
missing_elf_interpreter sysroot_elf_interpreter broken_elf env_unchanged
env_unset strace strace_follows_exec stats stats_follow_exec procinfo personality_exec
pty_break ignored_signals"
skip_all() {
    for t in $tests; do echo "SKIP $t: $1"; done
    exit 0
}
[ -x "$HART" ] || skip_all "hart not built ($HART)"
command -v $CC > /dev/null || skip_all "no $CC"

mkdir -p $out
for src in tests/procs/*.c; do
    name=$(basename "$src" .c)
    if [ ! -e "$out/$name" ] || [ "$src" -nt "$out/$name" ]; then
        $CC -static -O2 -Wall -o "$out/$name" "$src" -lpthread ||
            skip_all "cannot build $src"
    fi
done
if [ ! -e "$out/child-dyn" ] || [ tests/procs/child.c -nt "$out/child-dyn" ]; then
    $CC -O2 -o "$out/child-dyn" tests/procs/child.c || skip_all "cannot build child-dyn"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp $out/child $out/child-dyn $out/spawn $out/procinfo $out/ignsig $out/persona $out/ptybreak "$work"/
mkdir -p "$work/root/bin"
cp $out/sh "$work/root/bin/sh"
cp $out/child "$work/root/bin/child"
printf '#!%s/child -x\n' "$work" > "$work/script"
printf '#!/no/such/interpreter\n' > "$work/badscript"
head -c 300 $out/child > "$work/broken"
chmod +x "$work/script" "$work/badscript" "$work/broken"

# selected NAME: whether test NAME runs.
selected() {
    [ -z "$only" ] || printf ' %s ' "$only" | grep -q " $1 "
}

# run NAME [VAR=VALUE...] -- [HART OPTIONS] PROGRAM ARGS...
# Runs hart in $work with a small environment and the variables given;
# its stdout, with "status N" (hart's exit status) added, must be the
# expected text on stdin. $FILTER, when set, keeps only the lines it
# matches (grep -E) before comparing. Leaves hart's stderr in $work/err.
run() {
    name=$1
    shift
    expected=$(cat)
    selected "$name" || return
    vars=
    while [ "$1" != -- ]; do
        vars="$vars $1"
        shift
    done
    shift
    # $vars holds VAR=VALUE words without blanks: split on purpose.
    # shellcheck disable=SC2086
    actual=$(cd "$work" && env -i PATH=/usr/bin:/bin \
        ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS" $vars \
        timeout -k 5 60 "$HART" -U ASAN_OPTIONS -U UBSAN_OPTIONS "$@" \
        2> "$work/err"; echo "status $?")
    actual=$(printf '%s\n' "$actual" | sed "s|$work|WORK|g")
    if [ -n "$FILTER" ]; then
        actual=$(printf '%s\n' "$actual" | grep -E "$FILTER|^status ")
    fi
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:' "$work/err"; then
        echo "FAIL $name"
        echo "  sanitizer report from hart:"
        head -n 15 "$work/err" | sed 's/^/  /'
    elif [ "$actual" = "$expected" ]; then
        echo "PASS $name"
    else
        echo "FAIL $name"
        printf '%s\n' "$expected" > "$work/expected"
        printf '%s\n' "$actual" > "$work/actual"
        diff -u --label expected --label hart "$work/expected" "$work/actual" |
            sed '1,2d; s/^/  /' | head -n 20
        head -n 5 "$work/err" | sed 's/^/  stderr: /'
    fi
}

# A program run by a relative name keeps its /proc/self/exe after chdir.
FILTER='^exe ' run exe_after_chdir PC_CHDIR=1 -- ./child <<'EOF'
exe WORK/child
status 0
EOF

run exec_riscv -- ./spawn exec ./child a "b c" <<'EOF'
argc 3
argv[0] ./child
argv[1] a
argv[2] b c
exe WORK/child
execfn ./child
comm child
cmdline is argv: yes
blocked:
exec: exit 0
status 0
EOF

FILTER='^exec:' run exit_status PC_EXIT=7 -- ./spawn exec ./child <<'EOF'
exec: exit 7
status 0
EOF

FILTER='^exec:' run killed PC_KILL=15 -- ./spawn exec ./child <<'EOF'
exec: signal 15
status 0
EOF

# Linux's binfmt_script: the interpreter, its argument, the script's name
# as run, then the arguments but argv[0]; comm and AT_EXECFN are the
# script's, /proc/self/exe the interpreter.
run script -- ./spawn exec ./script a <<'EOF'
argc 4
argv[0] WORK/child
argv[1] -x
argv[2] ./script
argv[3] a
exe WORK/child
execfn ./script
comm script
cmdline is argv: yes
blocked:
exec: exit 0
status 0
EOF

run initial_script -- ./script a <<'EOF'
argc 4
argv[0] WORK/child
argv[1] -x
argv[2] ./script
argv[3] a
exe WORK/child
execfn ./script
comm script
cmdline is argv: yes
blocked:
status 0
EOF

run bad_interpreter -- ./badscript <<'EOF'
status 127
EOF

FILTER='^argv|^exe |^posix' run posix_spawn -- ./spawn posix_spawn ./child p <<'EOF'
argv[0] ./child
argv[1] p
exe WORK/child
posix_spawn: exit 0
status 0
EOF

# A vfork child runs in its parent's memory on Linux: what it writes, the
# parent sees (posix_spawn relies on it to report a failed execve).
FILTER='^vfork|^posix|^another' run vfork_shared -- ./spawn shared <<'EOF'
vfork child wrote: global 2, local 20
vfork: exit 3
posix_spawn of a missing program: ENOENT
posix_spawn of a program: 0
another thread's write meanwhile kept: yes
status 0
EOF

FILTER='^argv|^exe |^vfork' run vfork -- ./spawn vfork ./child v <<'EOF'
argv[0] ./child
argv[1] v
exe WORK/child
vfork: exit 0
status 0
EOF

# /bin/sh and the command come from the sysroot; the guest's names for
# them are the sysroot-relative ones.
run system -- -L "$work/root" ./spawn system "child y" <<'EOF'
argc 2
argv[0] child
argv[1] y
exe /bin/child
execfn /bin/child
comm child
cmdline is argv: yes
blocked:
system: exit 0
status 0
EOF

run system_status -- -L "$work/root" ./spawn system "exit 3" <<'EOF'
system: exit 3
status 0
EOF

FILTER='^blocked' run mask -- ./spawn mask ./child <<'EOF'
blocked: USR1
status 0
EOF

FILTER='^argv|^exe ' run fexecve -- ./spawn fexecve ./child f <<'EOF'
argv[0] ./child
argv[1] f
exe WORK/child
status 0
EOF

FILTER='^argv' run fexecve_memfd -- ./spawn memfd ./child m <<'EOF'
argv[0] ./child
argv[1] m
status 0
EOF

FILTER='^argv|^exe ' run execveat_dirfd -- ./spawn at . child z <<'EOF'
argv[0] child
argv[1] z
exe WORK/child
status 0
EOF

# The interpreter could not open /dev/fd/N/script once N is closed.
run execveat_script_cloexec -- ./spawn at . script <<'EOF'
at: ENOENT
status 0
EOF

run exec_self -- ./spawn self <<'EOF'
again: exe WORK/spawn argv[0] spawn-again
status 0
EOF

FILTER='^argv' run exec_from_thread -- ./spawn thread ./child t <<'EOF'
argv[0] ./child
argv[1] t
status 0
EOF

# Linux reports a missing ELF interpreter as ENOENT.
run missing_elf_interpreter -- ./spawn exec ./child-dyn <<'EOF'
execv: ENOENT
exec: exit 127
status 0
EOF

if [ -e /usr/riscv64-linux-gnu/lib/ld-linux-riscv64-lp64d.so.1 ]; then
    FILTER='^argv|^exec' run sysroot_elf_interpreter -- \
        -L /usr/riscv64-linux-gnu ./spawn exec ./child-dyn d <<'EOF'
argv[0] ./child-dyn
argv[1] d
execfn ./child-dyn
exec: exit 0
status 0
EOF
else
    echo "SKIP sysroot_elf_interpreter: no /usr/riscv64-linux-gnu"
fi

run broken_elf -- ./spawn exec ./broken <<'EOF'
execv: ENOEXEC
exec: exit 127
status 0
EOF

FILTER='^env' run env_unchanged PC_B=2 PC_A=1 PC_C= -- ./spawn exec ./child <<'EOF'
env PC_B=2
env PC_A=1
env PC_C=
status 0
EOF

# hart's -U hides a variable from the guest, also in the programs it execs.
FILTER='^env' run env_unset PC_SECRET=1 PC_SHOWN=1 -- -U PC_SECRET \
    ./spawn exec ./child <<'EOF'
env PC_SHOWN=1
status 0
EOF

# Options pass to the hart running the new program: its system calls are
# traced, its statistics printed.
FILTER='^exec:' run strace -- --strace ./spawn exec ./child <<'EOF'
exec: exit 0
status 0
EOF
if selected strace; then
    if grep -q 'execve("./child"' "$work/err" &&
       grep -q 'write(1, "argc 1' "$work/err"; then
        echo "PASS strace_follows_exec"
    else
        echo "FAIL strace_follows_exec"
        echo "  no execve line or no write by the child in:"
        head -n 5 "$work/err" | sed 's/^/  /'
    fi
fi

FILTER='^exec:' run stats -- --stats ./spawn exec ./child <<'EOF'
exec: exit 0
status 0
EOF
if selected stats; then
    n=$(grep -c 'instructions retired' "$work/err")
    if [ "$n" = 2 ]; then
        echo "PASS stats_follow_exec"
    else
        echo "FAIL stats_follow_exec"
        echo "  $n statistics reports (parent and child: 2)"
    fi
fi

run procinfo -- ./procinfo <<'EOF'
processor	: 0
hart		: 0
isa		: rv64imafdc_zicsr_zifencei_zba_zbb_zbs_zicond
mmu		: sv39
uarch		: hart,rv64gc
mvendorid	: 0x0
marchid		: 0x0
mimpid		: 0x0
hart isa	: rv64imafdc_zicsr_zifencei_zba_zbb_zbs_zicond
one entry per CPU: yes
maps: Linux's format, heap found
environ is the environment: yes
status 0
EOF

# The execution domain lasts across execve (ADDR_NO_RANDOMIZE 0x40000,
# UNAME26 0x20000).
run personality_exec -- ./persona <<'EOF'
before: 0
after execve: 0x60000
status 0
EOF

# A break on a pseudo-terminal (stdin, not a terminal, refuses one).
run pty_break -- ./ptybreak <<'EOF'
TIOCSBRK: 0
TIOCCBRK: 0
TIOCSBRK on a file: ENOTTY
status 0
EOF

# Started by a shell that ignores SIGUSR1: the guest sees it ignored.
if selected ignored_signals; then
    actual=$(cd "$work" && sh -c 'trap "" USR1; exec "$@"' sh "$HART" ./ignsig 2>&1)
    if [ "$actual" = "$(printf 'USR1 ignored\nUSR2 default')" ]; then
        echo "PASS ignored_signals"
    else
        echo "FAIL ignored_signals"
        printf '%s\n' "$actual" | sed 's/^/  /'
    fi
fi
exit 0
