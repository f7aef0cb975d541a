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

// For a short-lived process (one `score run`): keeps freed memory as above,
// grows the allocator's main heap once by about 80 MiB of address space and
// asks the kernel to back it with transparent huge pages where they are
// enabled ("madvise" mode), before anything big is allocated. A history
// replication and its results file touch some 25 MiB in tens of thousands
// of small blocks: in 4 KiB pages that was 5,900 page faults and a third of
// the process's CPU time. Only the pages touched are used; nothing is
// zeroed up front. A no-op outside glibc and Linux.
void back_heap_with_huge_pages();

}  // namespace score::memory
