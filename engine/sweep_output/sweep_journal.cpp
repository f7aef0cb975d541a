#include "sweep_output/sweep_journal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "output/temporary_path.hpp"

namespace score::output {
namespace {

constexpr std::array<char, 8> kMagic{'S', 'C', 'O', 'R', 'E', 'S', 'W', 'J'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kShaLength = 64;
constexpr std::size_t kHeaderBytes = kMagic.size() + 4 + kShaLength + 8 + 8 + 8;
// A record larger than this is damage, not data (2^31 bytes: far above any point).
constexpr std::uint32_t kMaxPayload = 0x7FFFFFFFu;

// FNV-1a, 64 bits: enough to tell a torn or garbled record from an intact one.
std::uint64_t checksum(const unsigned char* data, std::size_t size,
                       std::uint64_t hash = 0xCBF29CE484222325ull) {
  for (std::size_t i = 0; i < size; ++i) hash = (hash ^ data[i]) * 0x100000001B3ull;
  return hash;
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw std::runtime_error("sweep journal '" + path.string() + "': " + what + ": " + std::strerror(errno));
}

template <class T>
void put(std::vector<unsigned char>& out, const T& value) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(&value);
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

template <class T>
T get(const unsigned char* at) {
  T value;
  std::memcpy(&value, at, sizeof(T));
  return value;
}

void write_all(int fd, const std::filesystem::path& path, const std::vector<unsigned char>& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "cannot write");
    done += static_cast<std::size_t>(n);
  }
}

// Reads up to `size` bytes; fewer only at the end of the file.
std::size_t read_up_to(int fd, const std::filesystem::path& path, unsigned char* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(path, "cannot read");
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  return done;
}

std::vector<unsigned char> header_bytes(const JournalHeader& header) {
  std::array<unsigned char, kHeaderBytes> out{};
  std::size_t at = 0;
  auto put_raw = [&](const void* data, std::size_t size) {
    std::memcpy(out.data() + at, data, size);
    at += size;
  };
  put_raw(kMagic.data(), kMagic.size());
  put_raw(&kVersion, sizeof kVersion);
  std::string sha = header.sweep_sha256;
  sha.resize(kShaLength, ' ');
  put_raw(sha.data(), kShaLength);
  put_raw(&header.points, sizeof header.points);
  put_raw(&header.values_per_point, sizeof header.values_per_point);
  const std::uint64_t sum = checksum(out.data(), at);
  put_raw(&sum, sizeof sum);
  return {out.begin(), out.end()};
}

std::optional<JournalHeader> parse_header(const unsigned char* bytes) {
  if (std::memcmp(bytes, kMagic.data(), kMagic.size()) != 0) return std::nullopt;
  if (get<std::uint32_t>(bytes + 8) != kVersion) return std::nullopt;
  if (get<std::uint64_t>(bytes + kHeaderBytes - 8) != checksum(bytes, kHeaderBytes - 8)) return std::nullopt;
  JournalHeader h;
  h.sweep_sha256.assign(reinterpret_cast<const char*>(bytes + 12), kShaLength);
  h.sweep_sha256.erase(h.sweep_sha256.find_last_not_of(' ') + 1);
  h.points = get<std::uint64_t>(bytes + 12 + kShaLength);
  h.values_per_point = get<std::uint64_t>(bytes + 20 + kShaLength);
  return h;
}

// Reads records from the current offset; returns the offset just past the last intact one.
off_t read_records(int fd, const std::filesystem::path& path, const JournalHeader& header,
                   const SweepJournal::Visitor& visit) {
  off_t good = static_cast<off_t>(kHeaderBytes);
  const std::size_t expected = 8 + header.values_per_point * sizeof(double);
  std::vector<unsigned char> payload;
  std::vector<double> values(header.values_per_point);
  while (true) {
    unsigned char length_bytes[4];
    if (read_up_to(fd, path, length_bytes, 4) < 4) return good;
    const auto length = get<std::uint32_t>(length_bytes);
    if (length != expected || length > kMaxPayload) return good;
    payload.resize(length + 8);
    if (read_up_to(fd, path, payload.data(), payload.size()) < payload.size()) return good;
    const std::uint64_t sum = checksum(payload.data(), length, checksum(length_bytes, 4));
    if (get<std::uint64_t>(payload.data() + length) != sum) return good;
    const auto point = get<std::uint64_t>(payload.data());
    if (point >= header.points) return good;
    std::memcpy(values.data(), payload.data() + 8, values.size() * sizeof(double));
    visit(point, values);
    good += static_cast<off_t>(4 + payload.size());
  }
}

}  // namespace

std::optional<JournalHeader> SweepJournal::read_header(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail(path, "cannot open");
  }
  std::array<unsigned char, kHeaderBytes> bytes{};
  const bool whole = read_up_to(fd, path, bytes.data(), bytes.size()) == bytes.size();
  ::close(fd);
  return whole ? parse_header(bytes.data()) : std::nullopt;
}

SweepJournal SweepJournal::create(const std::filesystem::path& path, const JournalHeader& header) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "cannot create");
  SweepJournal journal(path, fd, header);
  write_all(fd, path, header_bytes(header));
  if (::fsync(fd) != 0) fail(path, "cannot sync");
  sync_directory_of(path);
  return journal;
}

std::optional<SweepJournal> SweepJournal::open(const std::filesystem::path& path, JournalHeader& header,
                                               const Visitor& visit) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail(path, "cannot open");
  }
  SweepJournal journal(path, fd, {});
  std::array<unsigned char, kHeaderBytes> bytes{};
  const auto parsed = read_up_to(fd, path, bytes.data(), bytes.size()) == bytes.size()
                          ? parse_header(bytes.data())
                          : std::nullopt;
  if (!parsed) return std::nullopt;
  header = journal.header_ = *parsed;
  const off_t good = read_records(fd, path, header, visit);
  // Cut a torn tail so that new records follow the last intact one.
  if (::ftruncate(fd, good) != 0 || ::lseek(fd, good, SEEK_SET) < 0) fail(path, "cannot cut a torn record");
  if (::fsync(fd) != 0) fail(path, "cannot sync");
  return journal;
}

SweepJournal::SweepJournal(SweepJournal&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), header_(std::move(other.header_)) {
  other.fd_ = -1;
}

SweepJournal& SweepJournal::operator=(SweepJournal&& other) noexcept {
  if (this != &other) {
    close();
    path_ = std::move(other.path_);
    fd_ = other.fd_;
    header_ = std::move(other.header_);
    other.fd_ = -1;
  }
  return *this;
}

SweepJournal::~SweepJournal() { close(); }

void SweepJournal::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void SweepJournal::append(std::uint64_t point, std::span<const double> values) {
  if (fd_ < 0) throw std::logic_error("sweep journal: append after close");
  if (values.size() != header_.values_per_point)
    throw std::invalid_argument("sweep journal: a point has " + std::to_string(values.size()) +
                                " values, not " + std::to_string(header_.values_per_point));
  if (8 + values.size_bytes() > kMaxPayload)
    throw std::invalid_argument("sweep journal: a point too large to record");
  const auto length = static_cast<std::uint32_t>(8 + values.size_bytes());
  std::vector<unsigned char> record;
  record.reserve(4 + length + 8);
  put(record, length);
  put(record, point);
  const auto* bytes = reinterpret_cast<const unsigned char*>(values.data());
  record.insert(record.end(), bytes, bytes + values.size_bytes());
  put(record, checksum(record.data() + 4, length, checksum(record.data(), 4)));
  write_all(fd_, path_, record);
  if (::fsync(fd_) != 0) fail(path_, "cannot sync");
}

}  // namespace score::output
