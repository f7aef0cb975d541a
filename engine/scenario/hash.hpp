#pragma once
// SHA-256 of the bytes of scenario and sweep files, as lowercase hex: what
// results files record to tie numbers to the inputs that made them, and
// what --resume compares.
#include <string>
#include <string_view>

namespace score::scenario {

// The same digest as `sha256sum`. Throws std::runtime_error if OpenSSL fails.
std::string sha256_hex(std::string_view bytes);

}  // namespace score::scenario
