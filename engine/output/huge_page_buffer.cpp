#include "output/huge_page_buffer.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <utility>

namespace score::output {

namespace {
// The x86-64 and arm64 (4 KiB base page) huge page size.
constexpr std::size_t kHugePage = std::size_t{2} << 20;
}  // namespace

HugePageBuffer::HugePageBuffer(std::size_t count) : count_(count) {
  if (count == 0) return;
  // One huge page more than needed, so the data can start on a huge-page
  // boundary: only whole, aligned huge pages are backed by them.
  const std::size_t bytes = count * sizeof(double);
  mapped_bytes_ = bytes + kHugePage;
  mapping_ = ::mmap(nullptr, mapped_bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) {
    mapping_ = nullptr;
    throw std::bad_alloc();
  }
  const auto start = reinterpret_cast<std::uintptr_t>(mapping_);
  const std::uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
  data_ = reinterpret_cast<double*>(aligned);
#ifdef MADV_HUGEPAGE
  // Advice only: without huge pages (THP off, other systems) nothing changes.
  const std::size_t whole = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  ::madvise(data_, std::min(whole, start + mapped_bytes_ - aligned), MADV_HUGEPAGE);
#endif
}

HugePageBuffer::~HugePageBuffer() { release(); }

HugePageBuffer::HugePageBuffer(HugePageBuffer&& other) noexcept
    : mapping_(std::exchange(other.mapping_, nullptr)),
      mapped_bytes_(std::exchange(other.mapped_bytes_, 0)),
      data_(std::exchange(other.data_, nullptr)),
      count_(std::exchange(other.count_, 0)) {}

HugePageBuffer& HugePageBuffer::operator=(HugePageBuffer&& other) noexcept {
  if (this != &other) {
    release();
    mapping_ = std::exchange(other.mapping_, nullptr);
    mapped_bytes_ = std::exchange(other.mapped_bytes_, 0);
    data_ = std::exchange(other.data_, nullptr);
    count_ = std::exchange(other.count_, 0);
  }
  return *this;
}

void HugePageBuffer::release() noexcept {
  if (mapping_) ::munmap(mapping_, mapped_bytes_);
  mapping_ = nullptr;
  data_ = nullptr;
  count_ = 0;
}

}  // namespace score::output
