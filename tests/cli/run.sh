#!/bin/sh
# hart's command line as a user meets it: --help and --version, usage errors
# (status 1), programs that cannot be found (127) or run (126), the guest's
# exit status and death by signal passed on, -E/-U/-0 and the environment
# order, stdin passthrough, options after the program left to the guest,
# and programs named relative to another directory or found through PATH.
# Guests come from tests/guest (args_env, exit42, return3, abort, sigterm,
# cat). -E/-U results are also compared with qemu-riscv64's when present.
#   tests/cli/run.sh
# The t_ functions are called through "t_$t".
# shellcheck disable=SC2317
cd "$(dirname "$0")/../.." || exit 1
repo=$(pwd)
HART=${HART:-$repo/o/asan/hart}
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:exitcode=99}"
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}"
export ASAN_OPTIONS UBSAN_OPTIONS
tests="help version usage_errors not_found cannot_run exit_status signals
stdin env_order env_edit argv0 guest_options relative_path path_lookup"
hart=$(command -v "$HART")
if [ -z "$hart" ]; then
    for t in $tests; do echo "SKIP $t: hart not built ($HART)"; done
    exit 0
fi
qemu=$(command -v "${QEMU:-qemu-riscv64}")
tests/build-guests.sh >/dev/null 2>&1
g=$repo/o/guest
# shellcheck disable=SC3045 # dash and bash have it
ulimit -c 0
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT

# run [VAR=VALUE...] -- COMMAND...: runs COMMAND with exactly that
# environment (plus the sanitizer settings), stdin from $in, in $cwd; leaves
# $w/out, $w/err and $st. A sanitizer report from hart is a failure.
run() {
    seen=
    for a; do           # drop the first "--": env would run it as a command
        shift
        if [ "$a" = -- ] && [ -z "$seen" ]; then
            seen=1
            continue
        fi
        set -- "$@" "$a"
    done
    (
        cd "${cwd:-$repo}" || exit 1
        env -i ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS" \
            "$@" < "${in:-/dev/null}" > "$w/out" 2> "$w/err"
        echo $? > "$w/st"
    ) 2> /dev/null
    st=$(cat "$w/st")
    if grep -qE 'AddressSanitizer|runtime error:' "$w/err" || [ "$st" = 99 ]; then
        fail "sanitizer report: $(head -n 5 "$w/err")"
    fi
}

fail() { why="$why
$*"; }
want_status() { [ "$st" = "$1" ] || fail "$2: exit status $st, want $1; stderr: $(head -n 3 "$w/err")"; }
want_out() { printf '%s\n' "$1" | cmp -s - "$w/out" || fail "$2: stdout is
$(head -n 8 "$w/out")
want
$1"; }
want_err_hart() { grep -q '^hart: ' "$w/err" || fail "$1: no 'hart: ' line on stderr: $(head -n 3 "$w/err")"; }

t_help() {
    for opt in --help -h -help; do
        run -- "$hart" "$opt"
        want_status 0 "$opt"
        grep -qi '^usage: hart' "$w/out" || fail "$opt: no usage line"
        [ -s "$w/err" ] && fail "$opt: wrote to stderr"
    done
}

t_version() {
    run -- "$hart" --version
    want_status 0 --version
    grep -qE '^hart [0-9]+\.[0-9]+' "$w/out" || fail "--version: $(cat "$w/out")"
}

# main.c: every usage error exits 1 with "hart: ..." and a pointer to --help.
t_usage_errors() {
    for args in "--no-such-option $g/exit42" "" "-E" "-E NOEQUALS $g/exit42" "-0" "-U"; do
        # $args is split into words on purpose.
        # shellcheck disable=SC2086
        run -- "$hart" $args
        want_status 1 "hart $args"
        want_err_hart "hart $args"
        grep -q -- '--help' "$w/err" || fail "hart $args: no hint to --help"
        [ -s "$w/out" ] && fail "hart $args: wrote to stdout"
    done
}

t_not_found() {
    run -- "$hart" "$w/no/such/program"
    want_status 127 "missing path"
    want_err_hart "missing path"
    run PATH=/usr/bin:/bin -- "$hart" no-such-program-anywhere
    want_status 127 "missing name"
    want_err_hart "missing name"
}

t_cannot_run() {
    mkdir -p "$w/dir"
    run -- "$hart" "$w/dir"
    want_status 126 directory
    want_err_hart directory
    printf '#!/bin/sh\necho should not run\n' > "$w/script.sh"
    chmod 644 "$w/script.sh"
    run -- "$hart" "$w/script.sh"
    want_status 126 "script without exec permission"
    want_err_hart "script without exec permission"
    grep -q 'should not run' "$w/out" && fail "the script ran"
    cp "$g/exit42" "$w/noexec"
    chmod 644 "$w/noexec"
    run -- "$hart" "$w/noexec"
    want_status 126 "riscv64 program without exec permission"
    printf 'just text\n' > "$w/text"
    chmod 755 "$w/text"
    run -- "$hart" "$w/text"
    want_status 126 "executable that is not ELF"
    want_err_hart "executable that is not ELF"
}

t_exit_status() {
    for s in 0 1 42 255 256 300; do
        run -- "$hart" "$g/exit42" "$s"
        want_status $((s % 256)) "exit($s)"
        want_out "exiting with $s" "exit($s)"
    done
    run -- "$hart" "$g/exit42"
    want_status 42 "exit(42)"
    run -- "$hart" "$g/return3"
    want_status 3 "return 3 from main"
    want_out "returning 3 from main
atexit handler ran" "return 3 from main"
}

# died_of SIG COMMAND...: does COMMAND die of signal SIG (not just exit with
# 128 + SIG)? Needs python3; without it only the shell's status is checked.
died_of() {
    sig=$1
    shift
    command -v python3 > /dev/null || return 0
    r=$(env -i ASAN_OPTIONS="$ASAN_OPTIONS" UBSAN_OPTIONS="$UBSAN_OPTIONS" python3 -c '
import subprocess, sys
print(subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL).returncode)' "$@")
    [ "$r" = "-$sig" ] || fail "$*: python sees status $r, not death by signal $sig"
}

# The sh -c scripts expand in the inner shell.
# shellcheck disable=SC2016
t_signals() {
    run -- sh -c '"$0" "$1"; echo "status $?"' "$hart" "$g/abort"
    want_out "status 134" "abort() via sh -c"
    died_of 6 "$hart" "$g/abort"
    run -- sh -c '"$0" "$1"; echo "status $?"' "$hart" "$g/sigterm"
    want_out "status 143" "kill(getpid(), SIGTERM) via sh -c"
    died_of 15 "$hart" "$g/sigterm"
    for sig in 9 11 1; do
        run -- "$hart" "$g/sigterm" "$sig"
        want_status $((128 + sig)) "kill(getpid(), $sig)"
        died_of "$sig" "$hart" "$g/sigterm" "$sig"
    done
}

t_stdin() {
    printf 'one line\nsecond line\n\tthird\n' > "$w/in.txt"
    in=$w/in.txt run -- "$hart" "$g/cat"
    want_status 0 "cat"
    cmp -s "$w/in.txt" "$w/out" || fail "cat changed its input"
    grep -q '^3 lines, 28 bytes' "$w/err" || fail "cat counted: $(cat "$w/err")"
    # Binary data through read(2) with various buffer sizes, up to 1 MiB.
    for case in 1:5000 4093:1048576 65536:1048576; do
        size=${case%:*}
        head -c "${case#*:}" "$g/cxx" > "$w/in.bin"
        in=$w/in.bin run -- "$hart" "$g/cat" "$size"
        want_status 0 "cat $size"
        cmp -s "$w/in.bin" "$w/out" || fail "cat with read($size) changed its input"
    done
    in=
    # A pipe rather than a file.
    printf 'piped\n' | (env -i "$hart" "$g/cat" > "$w/out" 2> /dev/null)
    want_out "piped" "stdin from a pipe"
}

# Environment lines of args_env --exact, in order.
env_lines() { sed -n 's/^env "\(.*\)"$/\1/p' "$w/out"; }

t_env_order() {
    run A=1 Z=26 B=2 M=13 -- env
    native=$(grep -v '^[AU]BSAN_OPTIONS=\|^ASAN_OPTIONS=' "$w/out")
    run A=1 Z=26 B=2 M=13 -- "$hart" -U ASAN_OPTIONS -U UBSAN_OPTIONS "$g/args_env" --exact
    want_status 0 "args_env"
    [ "$(env_lines)" = "$native" ] || fail "environment differs from a native program's:
$(env_lines)
native:
$native"
    run -- "$hart" -U ASAN_OPTIONS -U UBSAN_OPTIONS "$g/args_env" --exact
    grep -q '^0 variables$' "$w/out" || fail "empty environment: $(tail -n 2 "$w/out")"
}

t_env_edit() {
    # Each line: hart's options, then the environment the guest must see
    # (sorted), after A=1 B=2 C=3.
    while IFS='|' read -r opts want; do
        # shellcheck disable=SC2086
        run A=1 B=2 C=3 -- "$hart" -U ASAN_OPTIONS -U UBSAN_OPTIONS $opts \
            "$g/args_env" --exact
        got=$(env_lines | sort | tr '\n' ' ')
        [ "$got" = "$want" ] || fail "options '$opts': environment '$got', want '$want'"
        [ -z "$qemu" ] && continue
        # shellcheck disable=SC2086
        run A=1 B=2 C=3 -- "$qemu" -U ASAN_OPTIONS -U UBSAN_OPTIONS $opts \
            "$g/args_env" --exact
        ref=$(env_lines | sort | tr '\n' ' ')
        [ "$got" = "$ref" ] || fail "options '$opts': hart '$got', qemu '$ref'"
    done <<'EOF'
-E D=4|A=1 B=2 C=3 D=4 
-U B|A=1 C=3 
-E A=5|A=5 B=2 C=3 
-E D=4 -U B -E A=5|A=5 C=3 D=4 
-U NOTSET|A=1 B=2 C=3 
-E X=|A=1 B=2 C=3 X= 
-E X=a=b|A=1 B=2 C=3 X=a=b 
-U A -U B -U C|
-E B=7 -U B|A=1 C=3 
EOF
}

t_argv0() {
    run -- "$hart" -0 custom-name "$g/args_env" --exact one
    want_status 0 "-0"
    grep -q '^argv\[0\] "custom-name"$' "$w/out" || fail "-0: $(grep argv "$w/out")"
    grep -q '^argv\[2\] "one"$' "$w/out" || fail "-0 moved the arguments"
    cwd=$repo run -- "$hart" o/guest/args_env --exact
    grep -q '^argv\[0\] "o/guest/args_env"$' "$w/out" ||
        fail "argv[0] is not the path as given: $(grep 'argv\[0\]' "$w/out")"
    cwd=
}

# Options after the program name belong to the guest; "--" ends hart's.
t_guest_options() {
    run -- "$hart" "$g/args_env" --exact --help -E X=1 -0 z --version
    want_status 0 "guest options"
    [ "$(grep -c '^argv\[[0-9]' "$w/out")" = 8 ] || fail "guest options: $(grep '^argv' "$w/out")"
    grep -q '^argv\[2\] "--help"$' "$w/out" || fail "guest did not get --help"
    run -- "$hart" -cpu rv64 -- "$g/args_env" --exact -x
    want_status 0 "-cpu and --"
    grep -q '^argv\[2\] "-x"$' "$w/out" || fail "after --: $(grep '^argv' "$w/out")"
}

t_relative_path() {
    cwd=$repo/o/guest/asm run -- "$hart" ../exit42 7
    want_status 7 "../exit42 from o/guest/asm"
    cwd=$repo/o run -- "$hart" guest/exit42 8
    want_status 8 "guest/exit42 from o"
    cwd=$repo/o/guest run -- "$hart" ./exit42 9
    want_status 9 "./exit42"
    cwd=$repo/o/guest run PATH=/usr/bin:/bin -- "$hart" exit42 10
    want_status 10 "exit42 in the current directory"
    # The guest's working directory is hart's.
    cwd=$repo/o/guest/asm run -- "$hart" ../args_env --exact
    grep -q '^argv\[0\] "../args_env"$' "$w/out" || fail "argv[0] from another directory"
    cwd=
}

t_path_lookup() {
    cwd=$w run PATH="/usr/bin:$g:/bin" -- "$hart" exit42 11
    want_status 11 "exit42 through PATH"
    want_out "exiting with 11" "exit42 through PATH"
    cwd=$w run PATH="$w/dir:/usr/bin" -- "$hart" exit42 12
    want_status 127 "exit42 not in PATH"
    cwd=
}

for t in $tests; do
    why=
    in=
    cwd=
    "t_$t"
    if [ -z "$why" ]; then
        echo "PASS $t"
    else
        echo "FAIL $t"
        printf '%s\n' "$why" | sed '1d; s/^/  /'
    fi
done
exit 0
