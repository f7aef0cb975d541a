#pragma once
// The sidecar journal of a sweep being written: every finished point's
// values, appended and fsync'ed, so that a sweep killed at any moment can be
// resumed even when its HDF5 file was left unreadable (libhdf5 1.10 has no
// journaling of its own without SWMR).
//
// File layout, native byte order (little-endian on every supported machine):
//   header: "SCORESWJ", u32 version, 64-byte sweep SHA-256 (hex), u64 points,
//           u64 values per point, u64 checksum of the preceding bytes
//   record: u32 payload bytes, payload (u64 point, values as f64), u64
//           checksum of the length and payload
// A record torn by a kill (short, or with a bad checksum) ends the journal:
// it and anything after it are cut off when the journal is opened again.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>

namespace score::output {

struct JournalHeader {
  std::string sweep_sha256;  // 64 hex digits
  std::uint64_t points = 0, values_per_point = 0;
  bool operator==(const JournalHeader&) const = default;
};

class SweepJournal {
 public:
  // Creates an empty journal, replacing any file at `path`, and syncs it
  // and its directory. Throws std::runtime_error.
  static SweepJournal create(const std::filesystem::path& path, const JournalHeader& header);

  // The header of the journal at `path`; nullopt when there is no file or
  // its header is torn (a kill while creating it: it holds nothing).
  static std::optional<JournalHeader> read_header(const std::filesystem::path& path);

  // Opens an existing journal for appending after its last intact record,
  // calling visit(point, values) for each intact record in file order.
  // nullopt when there is no journal or its header is torn (a kill while
  // creating it: it holds nothing). `header` receives what the file says;
  // the caller decides whether it fits. Throws std::runtime_error on I/O
  // failure.
  using Visitor = std::function<void(std::uint64_t point, std::span<const double> values)>;
  static std::optional<SweepJournal> open(const std::filesystem::path& path, JournalHeader& header,
                                          const Visitor& visit);

  SweepJournal(SweepJournal&& other) noexcept;
  SweepJournal& operator=(SweepJournal&& other) noexcept;
  SweepJournal(const SweepJournal&) = delete;
  SweepJournal& operator=(const SweepJournal&) = delete;
  ~SweepJournal();

  // Appends one point's record and fsyncs it. values.size() must equal the
  // header's values_per_point. Throws std::runtime_error.
  void append(std::uint64_t point, std::span<const double> values);
  // Closes the file (the journal stays on disk).
  void close();

  const std::filesystem::path& path() const { return path_; }
  const JournalHeader& header() const { return header_; }

 private:
  SweepJournal(std::filesystem::path path, int fd, JournalHeader header)
      : path_(std::move(path)), fd_(fd), header_(std::move(header)) {}
  std::filesystem::path path_;
  int fd_ = -1;
  JournalHeader header_;
};

}  // namespace score::output
