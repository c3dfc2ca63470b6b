# perl with processes: fork, wait, pipes, a loopback TCP socket, signals.
use strict; use warnings; use IO::Socket::INET; use POSIX ":sys_wait_h";
$| = 1;
pipe(my $r, my $w) or die;
my $pid = fork() // die "fork: $!";
if ($pid == 0) { close $r; print $w "from child $$\n" =~ s/\d+/PID/r; exit 3; }
close $w; my $msg = <$r>; waitpid($pid, 0);
print "pipe: $msg", "child status ", $? >> 8, "\n";
my $out = `echo backtick; exit 2`; print "qx: $out", "status ", $? >> 8, "\n";
system("sh", "-c", "echo system call") == 0 or print "system failed\n";
my $srv = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0,
    Listen => 5, Proto => 'tcp', ReuseAddr => 1) or die "listen: $!";
my $port = $srv->sockport;
$pid = fork() // die;
if ($pid == 0) {
    my $c = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Proto => 'tcp') or die;
    print $c "hello over tcp\n"; my $reply = <$c>; print "client got: $reply"; exit 0;
}
my $conn = $srv->accept; my $line = <$conn>; print $conn uc $line; close $conn;
waitpid($pid, 0); print "server got: $line";
my $got = 0; local $SIG{USR1} = sub { $got++ };
kill 'USR1', $$; kill 'USR1', $$;
print "signals: $got\n";
local $SIG{ALRM} = sub { die "alarm\n" };
my $res = eval { alarm 1; select(undef, undef, undef, 5); alarm 0; "no alarm" } // $@;
print "alarm: $res";
open(my $p, '-|', 'seq', '1', '5') or die; my @l = <$p>; close $p;
print "open pipe: ", scalar(@l), " lines, last $l[-1]";
