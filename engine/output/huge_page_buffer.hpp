#pragma once
// A large zeroed array of doubles that asks the kernel for transparent huge
// pages. First touching fresh memory costs a page fault per 4 KiB page, and
// on some machines (virtual ones especially) each fault is dear: a run of 20
// history replications kept about 40 MB for its statistics, 10,000 faults,
// half of the process's. With huge pages that is a few dozen. Where huge
// pages are unavailable the buffer works the same with ordinary pages.
#include <cstddef>
#include <span>

namespace score::output {

class HugePageBuffer {
 public:
  HugePageBuffer() = default;
  // `count` doubles, all zero. Throws std::bad_alloc if the memory cannot be mapped.
  explicit HugePageBuffer(std::size_t count);
  ~HugePageBuffer();
  HugePageBuffer(HugePageBuffer&& other) noexcept;
  HugePageBuffer& operator=(HugePageBuffer&& other) noexcept;
  HugePageBuffer(const HugePageBuffer&) = delete;
  HugePageBuffer& operator=(const HugePageBuffer&) = delete;

  std::span<double> values() const { return {data_, count_}; }

 private:
  void release() noexcept;

  void* mapping_ = nullptr;  // what mmap returned, for munmap
  std::size_t mapped_bytes_ = 0;
  double* data_ = nullptr;  // aligned to a huge page within the mapping
  std::size_t count_ = 0;
};

}  // namespace score::output
