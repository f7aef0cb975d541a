#pragma once
// How the process allocator treats memory a replication frees.

namespace score::memory {

// Asks the C library's allocator to keep freed memory for reuse instead of
// handing it back to the kernel, so that the next replication's arrays land
// on pages already touched. A history-sized replication allocates some 8 MiB
// of arrays and networks; returned to the kernel and faulted in again, it
// cost a quarter of a sweep's CPU time (some 1,000 page faults a run, each
// dear in a virtual machine). Called once per process, from the first
// simulation; the memory kept is at most the peak the process reached.
void keep_freed_memory();

}  // namespace score::memory
