#pragma once
// `score diff A.h5 B.h5`: do two results (or sweep results) files hold the
// same data? Provenance that differs between two runs of the same thing
// (when a file was written, the name of the sweep file) is left out, so a
// resumed sweep and an uninterrupted one compare equal.
#include <filesystem>
#include <string>
#include <vector>

namespace score::output {

// Root attributes that record how and when a file was made, not what it
// holds: `history` (creation time and engine version) and `sweep_file` (the
// name the sweep file had).
const std::vector<std::string>& provenance_attributes();

// Compares every dataset (shape, type, dimension scales, values bit for bit,
// NaN equal to the same NaN) and every attribute, of the root and of each
// dataset, except provenance_attributes() and the dimension-scale
// bookkeeping (object references, which differ between equal files). Returns
// one line per difference, sorted by object; empty when the files hold the
// same data. Reads a dataset a slab at a time: memory stays bounded for any
// file size. Throws std::runtime_error naming the file that cannot be read.
std::vector<std::string> diff_files(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace score::output
