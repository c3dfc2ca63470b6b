/* Socket ioctls: interface queries on the loopback interface with a struct
 * ifreq (index, name, flags, address, netmask, MTU), SIOCGIFCONF's list
 * (its buffer pointer, the length asked for and returned; only the
 * loopback's entry is printed: the rest depends on the machine), and the
 * int-valued ones (SIOCATMARK, FIONREAD, SIOCGPGRP). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static void result(const char *what, long r)
{
    if (r < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, r);
}

static const char *addr_of(const struct sockaddr *sa)
{
    return inet_ntoa(((const struct sockaddr_in *)sa)->sin_addr);
}

int main(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct ifreq r;
    memset(&r, 0, sizeof r);
    strcpy(r.ifr_name, "lo");
    result("SIOCGIFINDEX", ioctl(s, SIOCGIFINDEX, &r));
    int lo = r.ifr_ifindex;
    printf("lo index %d\n", lo);
    memset(&r, 0, sizeof r);
    r.ifr_ifindex = lo;
    result("SIOCGIFNAME", ioctl(s, SIOCGIFNAME, &r));
    printf("name %s\n", r.ifr_name);
    result("SIOCGIFFLAGS", ioctl(s, SIOCGIFFLAGS, &r));
    printf("up %d loopback %d\n", (r.ifr_flags & IFF_UP) != 0,
           (r.ifr_flags & IFF_LOOPBACK) != 0);
    result("SIOCGIFADDR", ioctl(s, SIOCGIFADDR, &r));
    printf("addr %s\n", addr_of(&r.ifr_addr));
    result("SIOCGIFNETMASK", ioctl(s, SIOCGIFNETMASK, &r));
    printf("netmask %s\n", addr_of(&r.ifr_netmask));
    result("SIOCGIFMTU", ioctl(s, SIOCGIFMTU, &r));
    printf("mtu > 0 %d\n", r.ifr_mtu > 0);
    strcpy(r.ifr_name, "no-such-if");
    result("unknown interface", ioctl(s, SIOCGIFINDEX, &r));

    struct ifconf ic = {.ifc_len = 0, .ifc_buf = NULL};
    result("SIOCGIFCONF size", ioctl(s, SIOCGIFCONF, &ic));
    printf("multiple of ifreq %d\n", ic.ifc_len > 0 &&
                                         ic.ifc_len % sizeof(struct ifreq) == 0);
    struct ifreq list[32];
    ic.ifc_len = sizeof list;
    ic.ifc_req = list;
    result("SIOCGIFCONF", ioctl(s, SIOCGIFCONF, &ic));
    for (int i = 0; i < ic.ifc_len / (int)sizeof list[0]; i++)
        if (!strcmp(list[i].ifr_name, "lo"))
            printf("listed: lo %s\n", addr_of(&list[i].ifr_addr));
    ic.ifc_len = sizeof list[0];
    result("SIOCGIFCONF room for one", ioctl(s, SIOCGIFCONF, &ic));
    printf("len %d\n", ic.ifc_len);

    int v = -1;
    result("FIONREAD", ioctl(s, FIONREAD, &v));
    printf("queued %d\n", v);
    int t = socket(AF_INET, SOCK_STREAM, 0);
    result("SIOCATMARK", ioctl(t, SIOCATMARK, &v));
    printf("at mark %d\n", v);
    result("SIOCGIFINDEX on a pipe", ioctl(0, SIOCGIFINDEX, &r));
    close(t);
    close(s);
    return 0;
}
