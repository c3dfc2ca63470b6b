/* Noticing stores to guest code that skip fence.i, and to pages being
 * tracked (see smc.c). */
#ifndef HART_RV_SMC_H
#define HART_RV_SMC_H

#include <stdbool.h>
#include <stdint.h>

/* Set when watched code was written to: decoded and translated code must
 * be dropped before the engine resumes. Cleared by the run loop. */
extern _Atomic int smc_stale;

/* Code was decoded from the page holding addr: watch it for writes. */
void smc_watch(uint64_t addr);

/* From a host fault handler: a write to guest address addr faulted. True
 * when it was a watched page, now writable again (retry the access). */
bool smc_host_fault(uint64_t addr);

/* hart itself (a system call) is about to write guest memory. */
void smc_before_host_write(uint64_t addr, uint64_t len);

/* Write-protects the host pages of [addr, addr + len), a mapping the guest
 * may write (flags: its PAGE_* protection), so that the first write to each page (by the guest, or by
 * hart through smc_before_host_write) calls written(page) and makes the
 * page writable again. written runs in signal handlers: it must be
 * async-signal-safe. One written function per process. */
void smc_track_writes(uint64_t addr, uint64_t len, int flags,
                      void (*written)(uint64_t page));

#endif
