#pragma once
// The HDF5 C API behind RAII and exceptions, for this library's own use: the
// public headers never include hdf5.h.
#include <hdf5.h>
#include <sys/types.h>

#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

namespace score::output::h5 {

// An HDF5 failure, with HDF5's own account of it. Functions of the public
// interface catch it and rethrow it as std::runtime_error naming the file.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws Error(what) as it is: the readers' way of refusing a malformed file.
[[noreturn]] inline void bad(const std::string& what) { throw Error(what); }

// Throws Error("what: <HDF5's error stack>"). Clears the stack.
[[noreturn]] void fail(std::string_view what);
// The id or status if valid; otherwise fail(what).
hid_t check(hid_t id, std::string_view what);
herr_t check(herr_t status, std::string_view what);

// Serialises every use of HDF5 in the process and, while held, keeps HDF5 from
// printing its error stack to stderr (errors become exceptions instead). One
// lock for all: the dimension-scale calls are several API calls each, and a
// library built without thread safety must never be entered twice.
class Lock {
 public:
  Lock();
  ~Lock();
  Lock(const Lock&) = delete;
  Lock& operator=(const Lock&) = delete;

 private:
  std::lock_guard<std::mutex> guard_;
  H5E_auto2_t saved_func_ = nullptr;
  void* saved_data_ = nullptr;
};

// fork(), taken under the lock above: no other thread is inside HDF5 at
// that moment, so the child's copy of the library is consistent and its
// lock free. For output/contained_read.cpp; not while holding a Lock.
pid_t fork_quiescent();

// Owns one HDF5 identifier (file, group, dataset, dataspace, type, attribute,
// property list) and releases it. Only touch it while holding a Lock.
class Id {
 public:
  Id() = default;
  explicit Id(hid_t id) : id_(id) {}
  Id(hid_t id, std::string_view what) : id_(check(id, what)) {}
  Id(Id&& other) noexcept : id_(other.id_) { other.id_ = H5I_INVALID_HID; }
  Id& operator=(Id&& other) noexcept;
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
  ~Id() { reset(); }

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }
  // Releases now, quietly (destructors, clean-up after a failure).
  void reset() noexcept;
  // Releases now and reports a failure (closing a file flushes it).
  void close(std::string_view what);

 private:
  hid_t id_ = H5I_INVALID_HID;
};

}  // namespace score::output::h5
