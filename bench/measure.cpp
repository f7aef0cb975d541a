#include "measure.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "core/threads.hpp"
#include "output/results_writer.hpp"
#include "sim/graph.hpp"
#include "sim/runner.hpp"
#include "sim/simulation.hpp"

namespace score::bench {
namespace {

using clock = std::chrono::steady_clock;

double seconds_since(clock::time_point t0) {
  return std::chrono::duration<double>(clock::now() - t0).count();
}

template <class T>
std::int64_t vector_bytes(const std::vector<T>& v) {
  return static_cast<std::int64_t>(v.capacity() * sizeof(T));
}

std::int64_t graph_bytes(const sim::Graph& g) {
  // CSR: one row offset per vertex (and one more), one target per edge.
  return static_cast<std::int64_t>((boost::num_vertices(g) + 1) * sizeof(std::uint32_t) +
                                   boost::num_edges(g) * sizeof(std::uint32_t));
}

void hash_bytes(std::uint64_t& h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ull;
  }
}

}  // namespace

RunResult run_single(const model::Description& model, std::uint32_t replication, int threads,
                     ProcessTimes* profile) {
  RunResult out;
  tbb::task_arena arena(threads);
  arena.execute([&] {
    // As sim::Executor runs a single replication: its loops on a team.
    std::optional<score::threads::Team> team;
    if (const int n = score::threads::team_count(); n > 1) team.emplace(n);
    const auto t0 = clock::now();
    sim::Simulation simulation(model, replication);
    out.setup_s = seconds_since(t0);
    const auto t1 = clock::now();
    const sim::ActiveSet& active = simulation.state().active;
    while (!simulation.finished()) {
      if (profile) {
        timed_step(simulation, *profile);
      } else {
        simulation.step();
      }
      out.listed_firm_months += active.waiting.size() + active.returning.size();
    }
    if (profile) profile->setup_s += out.setup_s;
    out.step_s = seconds_since(t1);
    out.series = simulation.series();
    out.summary = simulation.summary();
    const sim::State& s = simulation.state();
    const auto n = static_cast<double>(s.firms.size());
    out.peer_degree = n > 0 ? static_cast<double>(boost::num_edges(s.networks.peers.get())) / n : 0.0;
    for (std::size_t i = 0; i < s.firms.size(); ++i) {
      ++out.final_states[static_cast<std::size_t>(s.firms.state[i])];
      out.trained += s.firms.modules_done[i] != 0 ? 1 : 0;
    }
    out.state_bytes = state_bytes(s);
  });
  return out;
}

BatchResult run_batch(const model::Description& model, int threads,
                      const std::optional<std::filesystem::path>& results, const output::RunInfo& info) {
  BatchResult out;
  out.fingerprints.assign(static_cast<std::size_t>(model.replications), 0);
  std::mutex mutex;
  double output_s = 0;
  const auto t0 = clock::now();
  // As `score run` does (cli/run_command.cpp): the file is created on a
  // thread of its own while the first replications run, and a replication
  // that finishes first waits for it.
  double create_s = 0;
  std::shared_future<std::shared_ptr<output::ResultsWriter>> creating;
  if (results)
    creating = std::async(std::launch::async, [&] {
                 const auto w0 = clock::now();
                 auto created = std::make_shared<output::ResultsWriter>(*results, info);
                 create_s = seconds_since(w0);
                 return created;
               }).share();
  sim::RunOptions options;
  options.threads = threads;
  options.on_replication = [&](int rep, const sim::Series& series, const sim::PhaseSummary& summary) {
    const std::uint64_t fp = fingerprint(series, summary);
    double spent = 0;
    if (results) {
      const std::shared_ptr<output::ResultsWriter>& writer = creating.get();
      const auto w0 = clock::now();
      writer->write(rep, series, summary);
      spent = seconds_since(w0);
    }
    std::lock_guard lock(mutex);
    out.fingerprints[static_cast<std::size_t>(rep)] = fp;
    output_s += spent;
  };
  if (!sim::run_replications(model, options)) throw std::runtime_error("replications cancelled");
  out.peak_rss_bytes = peak_rss_bytes();
  if (results) {
    std::shared_ptr<output::ResultsWriter> writer = creating.get();
    creating = {};
    const auto w0 = clock::now();
    // As `score run` does: the statistics use the batch's threads, no more.
    tbb::task_arena(threads).execute([&] { writer->finish(); });
    output_s += create_s + seconds_since(w0);
    writer.reset();
  }
  // The batch ends with its file committed, as `score run` does. Deleting
  // the file is the benchmark's own tidying, and not cheap: freeing a
  // synced 52 MB file took 12 ms here, a quarter of what output costs.
  out.wall_s = seconds_since(t0);
  if (results) {
    std::error_code ignored;
    out.file_bytes = std::filesystem::file_size(*results);  // throws if the file is missing
    std::filesystem::remove(*results, ignored);
  }
  out.output_s = output_s;
  return out;
}

double plain_write_s(const std::filesystem::path& file, std::uintmax_t bytes) {
  const std::vector<char> block(std::size_t{2} << 20, 1);
  const auto t0 = clock::now();
  const int fd = ::open(file.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot create '" + file.string() + "'");
  for (std::uintmax_t left = bytes; left > 0;) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uintmax_t>(left, block.size()));
    const ssize_t wrote = ::write(fd, block.data(), n);
    if (wrote <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write '" + file.string() + "'");
    }
    left -= static_cast<std::uintmax_t>(wrote);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  const double spent = seconds_since(t0);  // before the removal, as for a batch's file
  std::filesystem::remove(file);
  if (!synced) throw std::runtime_error("cannot sync '" + file.string() + "'");
  return spent;
}

output::RunInfo run_info_for(const model::Description& model, const std::string& scenario_text) {
  output::RunInfo info = output::run_shape(model);
  info.scenario_toml = scenario_text.empty()
                           ? "# synthetic scenario built by score-bench: " + model.name + "\n"
                           : scenario_text;
  info.engine_version = "bench";
  return info;
}

double write_results_once(const std::filesystem::path& file, const output::RunInfo& info,
                          const sim::Series& series, const sim::PhaseSummary& summary) {
  output::RunInfo one = info;
  one.replications = 1;
  const auto t0 = clock::now();
  {
    output::ResultsWriter writer(file, one);
    writer.write(0, series, summary);
    writer.finish();
  }
  const double spent = seconds_since(t0);
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
  return spent;
}

std::uint64_t fingerprint(const sim::Series& series, const sim::PhaseSummary& summary) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (int k = 0; k < sim::kMetrics; ++k) {
    const auto v = series.values(static_cast<sim::Metric>(k));
    hash_bytes(h, v.data(), v.size() * sizeof(double));
  }
  hash_bytes(h, summary.values().data(), summary.values().size() * sizeof(double));
  return h;
}

bool bit_identical(const sim::Series& a, const sim::Series& b) {
  if (a.steps() != b.steps() || a.countries() != b.countries()) return false;
  for (int k = 0; k < sim::kMetrics; ++k) {
    const auto x = a.values(static_cast<sim::Metric>(k)), y = b.values(static_cast<sim::Metric>(k));
    if (x.size() != y.size() || std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) != 0) return false;
  }
  return true;
}

std::int64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;  // Linux: KiB
}

std::int64_t current_rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<std::int64_t>(sysconf(_SC_PAGESIZE));
}

double model_bytes(const RunResult& run) {
  return static_cast<double>(run.state_bytes) + 8.0 * static_cast<double>(run.listed_firm_months);
}

std::int64_t state_bytes(const sim::State& s) {
  const sim::Firms& f = s.firms;
  std::int64_t bytes = vector_bytes(f.country) + vector_bytes(f.manufacturing) + vector_bytes(f.employees) +
                       vector_bytes(f.fee_capacity_usd) + vector_bytes(f.state) + vector_bytes(f.since) +
                       vector_bytes(f.modules_done) + vector_bytes(f.module) + vector_bytes(f.provider) +
                       vector_bytes(f.adopted) + vector_bytes(f.savings_usd) + vector_bytes(f.buyer) +
                       vector_bytes(f.association) + vector_bytes(f.csr) + vector_bytes(f.fees_paid_usd);
  for (const auto& v : f.improvement) bytes += vector_bytes(v);
  bytes += graph_bytes(s.networks.peers) + graph_bytes(s.networks.buyer_suppliers) +
           graph_bytes(s.networks.association_members);
  return bytes;
}

StreamResult stream_triad(int threads, std::size_t array_bytes, int trials) {
  const std::size_t n = array_bytes / sizeof(double);
  // new[] without initialisation: each thread first-touches its own slice.
  std::unique_ptr<double[]> a(new double[n]), b(new double[n]), c(new double[n]);
  tbb::task_arena arena(threads);
  const std::size_t grain = std::max<std::size_t>(1, n / static_cast<std::size_t>(threads));
  auto each_slice = [&](auto&& body) {
    arena.execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(0, n, grain), [&](const auto& r) { body(r.begin(), r.end()); },
          tbb::static_partitioner());
    });
  };
  each_slice([&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i < hi; ++i) {
      a[i] = 1.0;
      b[i] = 2.0;
      c[i] = 0.5;
    }
  });
  const double q = 3.0;
  double best = 1e300;
  for (int t = 0; t < trials; ++t) {
    const auto t0 = clock::now();
    each_slice([&](std::size_t lo, std::size_t hi) {
      double* __restrict x = a.get();
      const double* __restrict y = b.get();
      const double* __restrict z = c.get();
      for (std::size_t i = lo; i < hi; ++i) x[i] = y[i] + q * z[i];
    });
    best = std::min(best, seconds_since(t0));
  }
  // Keep the kernel's result observable.
  volatile double sink = a[n / 2];
  (void)sink;
  StreamResult r;
  r.triad_bytes_per_s = 3.0 * sizeof(double) * static_cast<double>(n) / best;
  r.array_bytes = n * sizeof(double);
  r.threads = threads;
  return r;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t k = values.size() / 2;
  return values.size() % 2 ? values[k] : 0.5 * (values[k - 1] + values[k]);
}

}  // namespace score::bench
