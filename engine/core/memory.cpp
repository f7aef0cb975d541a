#include "core/memory.hpp"

// glibc's tuning calls; other C libraries keep their own policy.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#if __has_include(<sys/mman.h>) && __has_include(<unistd.h>)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstdint>
#include <cstdlib>

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

void back_heap_with_huge_pages() {
  keep_freed_memory();
#if defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
  // A block under the mmap threshold comes from the heap, which grows by it
  // plus the 64 MiB pad; freed, it stays (the trim threshold is 1 GiB). The
  // kernel does not extend the advice to later growth of the heap, so the
  // first growth is made large.
  constexpr std::size_t kBlock = std::size_t{16} << 20;
  const auto start = reinterpret_cast<std::uintptr_t>(sbrk(0));
  void* block = std::malloc(kBlock);
  const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  std::free(block);
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const std::uintptr_t from = (start + page - 1) / page * page;
  // Only where the heap grew in place; advice is a hint, so failure is ignored.
  if (block != nullptr && end > from + kBlock)
    madvise(reinterpret_cast<void*>(from), end - from, MADV_HUGEPAGE);
#endif
}

}  // namespace score::memory
