#pragma once
// The open objects of a sweep results file, laid out as docs/experiments.md
// describes. SweepWriter adds the policy around it (partial name, journal,
// resume, rename); this is where the layout lives. Call only with an
// h5::Lock held; failures throw h5::Error.
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "output/hdf5_handle.hpp"
#include "sweep/point_runner.hpp"
#include "sweep/sweep.hpp"

namespace score::output::detail {

// How an unfinished file is opened: read-only to inspect it, read-write to
// go on writing it.
enum class Access { read_only, read_write };

struct SweepLayout {
  h5::Id file;
  h5::Id outcome, stats, done;
  std::vector<h5::Id> timeseries;  // SweepSpec::timeseries order
  sweep::PointShape shape;
  int points = 0;

  // Creates the file with its metadata, coordinates, design and empty (NaN)
  // variables; no point is done.
  void create(const std::filesystem::path& path, const sweep::Sweep& sweep,
              const std::string& engine_version);
  // Opens an unfinished file. Throws h5::Error if it cannot be read or is
  // shaped unlike the sweep. Read-write also gives a series stored under a
  // metric's old name its current name; read-only changes nothing.
  void open(const std::filesystem::path& path, const sweep::Sweep& sweep, Access access);

  std::string root_string(const char* name) const;
  // The sweep file's and the base scenario's SHA-256 an unfinished file was
  // started from, read without opening its variables. Throws h5::Error if it
  // cannot be read or is not a sweep results file.
  static std::pair<std::string, std::string> read_origin(const std::filesystem::path& path);
  // One point's values; the done flag is separate (mark_done).
  void write_point(const sweep::PointResult& result);
  sweep::PointResult read_point(int point) const;
  // Flushes the point's data, sets its done flag and flushes again, so a
  // flag on disk always follows the data it vouches for.
  void mark_done(int point);
  // Sets the flag only (rebuilding from the journal flushes once at the end).
  void set_done(int point);
  std::vector<std::uint8_t> done_flags() const;
  void flush();
  // Flushes and closes, reporting a failure.
  void close();

 private:
  void bind(const sweep::Sweep& sweep, Access access);
};

}  // namespace score::output::detail
