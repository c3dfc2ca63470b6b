/* Guest threads: the per-host-thread pointer to the running guest thread.
 * (clone and thread exit arrive with the Linux personality's thread
 * support.) */
#include "linux/thread.h"

__thread struct thread *current_thread;
