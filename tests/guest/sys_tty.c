/* Terminal ioctls on a pseudo-terminal the program opens itself, so the
 * test needs no terminal of its own: grantpt/unlockpt/ptsname (TIOCGPTN,
 * TIOCSPTLCK), isatty, tcgetattr/tcsetattr (TCGETS, TCSETS*) with raw and
 * canonical modes, window size (TIOCSWINSZ, TIOCGWINSZ), FIONREAD, TCFLSH,
 * speeds, breaks (TCSBRK, TCSBRKP; TIOCSBRK and TIOCCBRK, which qemu 7.2
 * does not know, are in tests/procs/ptybreak.c), the line discipline
 * (TIOCGETD, TIOCSETD) and exclusive mode (TIOCEXCL, TIOCNXCL). The pty's number is never printed. (TIOCGPTLCK is left out:
 * qemu 7.2 does not know it.) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* pty input reaches the slave through a kernel work queue: wait (up to a
 * second) until n bytes are there, and return how many are. */
static int wait_input(int fd, int n)
{
    int avail = 0;
    for (int i = 0; i < 1000; i++) {
        if (ioctl(fd, FIONREAD, &avail) < 0 || avail >= n)
            break;
        usleep(1000);
    }
    return avail;
}

static void result(const char *what, int r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %d\n", what, r);
}

int main(void)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) {
        printf("no pty: skipped\n");
        return 0;
    }
    result("grantpt", grantpt(m));
    result("unlockpt", unlockpt(m));
    const char *name = ptsname(m);
    printf("ptsname under /dev/pts: %d\n", name && !strncmp(name, "/dev/pts/", 9));
    int s = open(name, O_RDWR | O_NOCTTY);
    printf("slave open: %d\n", s >= 0);
    printf("isatty: master %d slave %d stdin-file %d\n", isatty(m), isatty(s),
           isatty(open("/dev/null", O_RDONLY)));

    struct termios t;
    result("tcgetattr", tcgetattr(s, &t));
    printf("canonical echo: %d %d\n", !!(t.c_lflag & ICANON), !!(t.c_lflag & ECHO));
    struct termios raw = t;
    cfmakeraw(&raw);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    result("tcsetattr raw", tcsetattr(s, TCSANOW, &raw));
    struct termios back;
    tcgetattr(s, &back);
    printf("raw now: icanon %d echo %d opost %d vmin %d\n",
           !!(back.c_lflag & ICANON), !!(back.c_lflag & ECHO),
           !!(back.c_oflag & OPOST), back.c_cc[VMIN]);
    result("cfsetospeed", cfsetospeed(&back, B9600));
    result("tcsetattr drain", tcsetattr(s, TCSADRAIN, &back));
    tcgetattr(s, &back);
    printf("speed 9600: %d\n", cfgetospeed(&back) == B9600);

    write(m, "abc", 3);
    printf("available: %d\n", wait_input(s, 3));
    int avail = -1;
    result("FIONREAD", ioctl(s, FIONREAD, &avail));
    char buf[8] = {0};
    result("read raw", (int)read(s, buf, sizeof buf - 1));
    printf("got: %s\n", buf);
    write(m, "zzz", 3);
    printf("available: %d\n", wait_input(s, 3));
    result("tcflush", tcflush(s, TCIFLUSH));
    ioctl(s, FIONREAD, &avail);
    printf("available after flush: %d\n", avail);

    /* canonical mode: a line arrives whole, with echo to the master */
    result("tcsetattr canonical", tcsetattr(s, TCSAFLUSH, &t));
    write(m, "line\n", 5);
    memset(buf, 0, sizeof buf);
    result("read line", (int)read(s, buf, sizeof buf - 1));
    printf("line: %s", buf);

    struct winsize ws = {33, 101, 0, 0}, got;
    result("TIOCSWINSZ", ioctl(m, TIOCSWINSZ, &ws));
    memset(&got, 0, sizeof got);
    result("TIOCGWINSZ", ioctl(s, TIOCGWINSZ, &got));
    printf("winsize: %dx%d\n", got.ws_row, got.ws_col);
    result("TIOCGWINSZ bad ptr", ioctl(s, TIOCGWINSZ, (void *)8));
    result("tcsendbreak 0 (TCSBRK)", tcsendbreak(s, 0));
    result("tcsendbreak 1 (TCSBRKP)", tcsendbreak(s, 1));
    int disc = -1;
    result("TIOCGETD", ioctl(s, TIOCGETD, &disc));
    printf("line discipline: %d\n", disc);
    result("TIOCSETD", ioctl(s, TIOCSETD, &disc));
    result("TIOCEXCL", ioctl(s, TIOCEXCL));
    result("TIOCNXCL", ioctl(s, TIOCNXCL));
    close(s);
    close(m);
    return 0;
}
