# The perl row of bench/run.sh: text processing over the generated prose
# and log records (gencorpus text): word frequencies in a hash, regular
# expressions with captures on the log records, substitutions, sorting.
# Usage: perl text.pl FILE; prints a summary.
use strict;
use warnings;

my (%freq, %level, %proc, $lines, $chars, $sum, $questions);
$lines = $chars = $sum = $questions = 0;
my $rewritten = '';
while (my $line = <>) {
    $lines++;
    $chars += length $line;
    if ($line =~ /^(\d+) (INFO|WARN|DEBUG|ERROR) (\w+)\[(\d+)\]: (\w+) (\w+)=(\d+) (\w+)=([\d.]+)$/) {
        $level{$2}++;
        $proc{$3} += $4;
        $sum += $7 + $9;
        next;
    }
    $questions++ if $line =~ /\?$/;
    for my $w (split /[^A-Za-z]+/, lc $line) {
        $freq{$w}++ if length $w;
    }
    if ($lines % 50 == 0) {
        (my $t = $line) =~ s/\b(\w)(\w*)\b/\U$1\E$2/g;
        $t =~ tr/aeiou/AEIOU/;
        $rewritten .= substr($t, 0, 20);
    }
}
my @top = (sort { $freq{$b} <=> $freq{$a} || $a cmp $b } keys %freq)[0 .. 9];
printf "%d lines, %d chars, %d distinct words, %d questions\n",
    $lines, $chars, scalar keys %freq, $questions;
print join(' ', map { "$_=$freq{$_}" } @top), "\n";
print join(' ', map { "$_=$level{$_}" } sort keys %level), "\n";
my @busy = (sort { $proc{$b} <=> $proc{$a} || $a cmp $b } keys %proc)[0 .. 4];
print join(' ', map { "$_=$proc{$_}" } @busy), "\n";
printf "sum %.2f, rewritten %d chars, checksum %d\n", $sum, length $rewritten,
    unpack('%32C*', $rewritten);
