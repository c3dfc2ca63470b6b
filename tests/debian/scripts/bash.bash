# bash-only features: arrays, associative arrays, [[ ]], regex, parameter
# transformations, brace expansion, process substitution, mapfile, nameref.
set -u
arr=(zero one two three)
arr+=(four)
echo "${#arr[@]} ${arr[2]} ${arr[@]:1:2} ${!arr[*]}"
declare -A color=([apple]=red [banana]=yellow [grape]=purple)
for k in $(printf '%s\n' "${!color[@]}" | sort); do echo "$k=${color[$k]}"; done
s="The quick brown fox"
[[ $s =~ q(u+)ick\ (b[a-z]+) ]] && echo "match: ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
echo "${s^^} ${s,,} ${s// /_} ${s:4:5} ${s: -3}"
echo {a..e} {1..10..3} x{A,B}y
for ((i = 0, j = 10; i < j; i += 3, j--)); do printf '%d:%d ' $i $j; done; echo
printf -v padded '%08.3f' 3.14159; echo "$padded"
mapfile -t lines < <(printf 'l%d\n' 1 2 3)
echo "mapfile: ${#lines[@]} ${lines[-1]}"
paste -d: <(printf 'a\nb\n') <(printf 'c\nd\n'); echo "paste status $?"
sum() { local -n ref=$1; local t=0 x; for x in "${ref[@]}"; do ((t += x)); done; echo $t; }
nums=(3 5 7 11); echo "sum $(sum nums)"
read -r a b <<< "here string"; echo "$b $a"
shopt -s extglob; f="file.tar.gz"; echo "${f%%.+([a-z])}"
echo $(( 2**62 )) $(( (1<<63) - 1 )) $(( -9223372036854775807 - 1 ))
x=5; (( x *= 3, x-- )); echo "x=$x"
declare -i n=10#0099; echo "n=$n"
case "Hello" in H*o) echo "glob case";; esac
words="a,b,,c"; IFS=, read -ra parts <<< "$words"; echo "${#parts[@]} parts"
coproc CAT { cat; }; echo "to coproc" >&"${CAT[1]}"; exec {CAT[1]}>&-; read -r line <&"${CAT[0]}"; wait; echo "coproc: $line"
trap 'echo "ERR trapped"' ERR; false; trap - ERR
f() { echo "FUNCNAME=${FUNCNAME[0]} depth=${#FUNCNAME[@]}"; }; f
printf '%s\n' "${arr[@]}" | while read -r w; do echo -n "${#w}"; done; echo
echo "end $BASH_VERSINFO"
