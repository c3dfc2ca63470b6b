/* User-mode CSRs: what csrr/csrw and friends can see. */
#ifndef HART_RV_CSR_H
#define HART_RV_CSR_H

#include <stdbool.h>
#include <stdint.h>
#include "core/hart.h"

/* The user-mode CSRs hart has. */
enum {
    CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003,
    CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02,
};

/* Reads csr; false when it does not exist in user mode (illegal).
 * instret is the exact retired-instruction count at this instruction. */
bool csr_read(struct hart *h, unsigned csr, uint64_t instret, uint64_t *value);

/* Whether csr may be written (else writing it is illegal). */
bool csr_writable(unsigned csr);

/* Writes a writable csr; bits outside the field are ignored. */
void csr_write(struct hart *h, unsigned csr, uint64_t value);

#endif
