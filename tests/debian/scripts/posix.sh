# POSIX shell workout for dash and bash: loops, functions, arithmetic,
# here-documents, case, subshells, pipelines, command substitution, traps.
fib() {
    a=0 b=1 i=0
    while [ "$i" -lt "$1" ]; do
        t=$((a + b)); a=$b; b=$t; i=$((i + 1))
    done
    echo "$a"
}
echo "fib 40 = $(fib 40)"
n=0
for w in one two three four five; do
    n=$((n + ${#w}))
done
echo "letters: $n"
i=10 s=0
until [ $i -eq 0 ]; do s=$((s + i * i)); i=$((i - 1)); done
echo "squares: $s"
echo "arith: $(( (7 << 3) | 5 )) $(( -17 / 5 )) $(( -17 % 5 )) $(( 0x1f + 010 )) $(( 3 > 2 ? 9 : 8 ))"
for x in apple 42 -7 "" "a b"; do
    case $x in
    [0-9]*) echo "number $x" ;;
    -*) echo "negative $x" ;;
    "") echo "empty" ;;
    *" "*) echo "spaced '$x'" ;;
    *) echo "word $x" ;;
    esac
done
cat <<END
here-doc with $((6 * 7)) and $(echo substituted)
  indented line kept
END
cat <<'END'
quoted here-doc: $HOME $(not run)
END
(cd /; echo "subshell in $(pwd)"; exit 3)
echo "subshell exit: $?"
v=outer
( v=inner; echo "inside: $v" )
echo "after: $v"
printf '%s\n' c a b a c c | sort | uniq -c | sort -rn | head -2
echo "pipeline status: $(false | true; echo $?)"
count=$(printf 'l1\nl2\nl3\n' | wc -l)
echo "lines: $count"
printf 'x=1\ny=2\nz=3\n' > kv.tmp
total=0
while IFS='=' read -r k val; do
    total=$((total + val)); echo "key $k"
done < kv.tmp
echo "total $total"
rm -f kv.tmp
f() { return 7; }
f; echo "return: $?"
trap 'echo "trap on exit"' EXIT
set -- a "b c" d
echo "args $#: $2"
shift; echo "after shift: $1"
str="hello-world-foo"
echo "${str#*-} ${str##*-} ${str%-*} ${str%%-*} ${#str}"
unset undefined
echo "${undefined:-default} ${undefined-unset}"
printf '%5d|%-5s|%x|%o|%c\n' 42 ab 255 8 xyz
if ! grep -q nothing /dev/null; then echo "grep said no"; fi
sh_out=$(sh -c 'echo child $((1 + 2)); exit 5'); echo "$sh_out status $?"
echo background & wait
echo done
