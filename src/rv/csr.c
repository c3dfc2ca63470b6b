/* The control and status registers a Linux user program can reach: the FP
 * ones (fflags, frm, fcsr) and the read-only counters (cycle, time,
 * instret). Any other CSR, or a write to a counter, is an illegal
 * instruction, as on a real hart running Linux.
 *
 * time counts at 10 MHz, a common RISC-V timebase (QEMU's virt board uses
 * it); cycle pretends a 1 GHz clock. Both come from the host's monotonic
 * clock, so they advance with real time and never go backwards. */
#include "rv/csr.h"

#include <time.h>
#include "rv/fpu.h"

static uint64_t monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

bool csr_read(struct hart *h, unsigned csr, uint64_t instret, uint64_t *value)
{
    switch (csr) {
    case CSR_FFLAGS: *value = fpu_read_fflags(h); return true;
    case CSR_FRM: *value = h->frm; return true;
    case CSR_FCSR: *value = h->frm << 5 | fpu_read_fflags(h); return true;
    case CSR_CYCLE: *value = monotonic_ns(); return true;
    case CSR_TIME: *value = monotonic_ns() / 100; return true;
    case CSR_INSTRET: *value = instret; return true;
    default: return false;
    }
}

bool csr_writable(unsigned csr)
{
    return csr == CSR_FFLAGS || csr == CSR_FRM || csr == CSR_FCSR;
}

void csr_write(struct hart *h, unsigned csr, uint64_t value)
{
    switch (csr) {
    case CSR_FFLAGS:
        fpu_write_fflags(h, value & 0x1f);
        break;
    case CSR_FRM:
        fpu_write_frm(h, value & 7);
        break;
    case CSR_FCSR:
        fpu_write_fflags(h, value & 0x1f);
        fpu_write_frm(h, (value >> 5) & 7);
        break;
    }
}
