#include "core/memory.hpp"

// glibc's tuning calls; other C libraries keep their own policy.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

namespace score::memory {

void keep_freed_memory() {
#if defined(M_TOP_PAD) && defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
  // Blocks up to 32 MiB (glibc's largest threshold) come from the heap, not
  // from mmap, whose pages are zeroed and faulted in anew on every call.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  // Freed memory at the top of a heap stays until 1 GiB of it is free.
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  // Grow heaps in steps of 64 MiB: fewer system calls on the way up.
  mallopt(M_TOP_PAD, 64 << 20);
#endif
}

}  // namespace score::memory
