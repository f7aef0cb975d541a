#include "output/hdf5_handle.hpp"

#include <unistd.h>

namespace score::output::h5 {

namespace {
std::mutex& process_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Collects the outermost and innermost descriptions of the error stack: the
// API call that failed and the reason deep down ("file signature not found").
struct StackText {
  std::string outer, inner;
};
herr_t collect(unsigned n, const H5E_error2_t* error, void* data) {
  auto* text = static_cast<StackText*>(data);
  const std::string desc = error->desc ? error->desc : "";
  if (n == 0) text->outer = desc;
  text->inner = desc;
  return 0;
}
}  // namespace

void fail(std::string_view what) {
  StackText text;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect, &text);
  H5Eclear2(H5E_DEFAULT);
  std::string message(what);
  if (!text.outer.empty()) {
    message += " (HDF5: " + text.outer;
    if (text.inner != text.outer) message += ": " + text.inner;
    message += ")";
  }
  throw Error(message);
}

hid_t check(hid_t id, std::string_view what) {
  if (id < 0) fail(what);
  return id;
}

herr_t check(herr_t status, std::string_view what) {
  if (status < 0) fail(what);
  return status;
}

// The automatic printing is per thread in a thread-safe HDF5, so it is turned
// off for each use rather than once, and the caller's setting comes back after.
//
// The first lock, before HDF5 starts, also keeps HDF5 from cleaning up at
// exit. After a write fails (a full disk), HDF5 1.10 can be left holding
// half-closed datasets that its exit handler then crashes on (found by
// Faults.AFullDiskIsAnErrorAndKeepsTheOldFileIntact: the error reported,
// then a segfault in H5D_close). Every file the engine opens is closed, or
// deleted, by its owner before exit, so the handler has nothing to do.
Lock::Lock() : guard_(process_mutex()) {
  static const bool no_exit_handler = H5dont_atexit() >= 0;
  (void)no_exit_handler;
  H5Eget_auto2(H5E_DEFAULT, &saved_func_, &saved_data_);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

Lock::~Lock() {
  H5Eclear2(H5E_DEFAULT);
  H5Eset_auto2(H5E_DEFAULT, saved_func_, saved_data_);
}

pid_t fork_quiescent() {
  // Both processes release their copy of the mutex, each as the thread that took it.
  std::lock_guard<std::mutex> guard(process_mutex());
  return ::fork();
}

Id& Id::operator=(Id&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = other.id_;
    other.id_ = H5I_INVALID_HID;
  }
  return *this;
}

void Id::reset() noexcept {
  if (id_ >= 0) H5Idec_ref(id_);
  id_ = H5I_INVALID_HID;
}

void Id::close(std::string_view what) {
  const hid_t id = id_;
  id_ = H5I_INVALID_HID;
  if (id >= 0) check(H5Idec_ref(id), what);
}

}  // namespace score::output::h5
