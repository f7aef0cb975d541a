#include "output/csv_export.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "output/results_reader.hpp"
#include "output/temporary_path.hpp"
#include "sim/funder_ledger.hpp"

namespace score::output {

std::string csv_text(std::string_view text) {
  const bool formula =
      !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = formula ? "\"'" : "\"";
  for (char c : text) out += c == '"' ? std::string_view("\"\"") : std::string_view(&c, 1);
  return out += '"';
}

std::string csv_number(double value) {
  if (std::isnan(value)) return {};
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

namespace {
// One CSV table, written to a temporary name in its directory and renamed
// onto its own name by commit(); dropped if never committed.
class CsvFile {
 public:
  explicit CsvFile(std::filesystem::path path) : path_(std::move(path)), temporary_(temporary_path(path_)) {
    file_ = std::fopen(temporary_.c_str(), "wb");
    if (!file_) fail();
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  }
  ~CsvFile() {
    if (file_) std::fclose(file_);
    if (!committed_) {
      std::error_code ignored;
      std::filesystem::remove(temporary_, ignored);
    }
  }
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  CsvFile& text(std::string_view value) { return cell(csv_text(value)); }
  CsvFile& number(double value) { return cell(csv_number(value)); }
  CsvFile& integer(long value) { return cell(std::to_string(value)); }
  void end_row() {
    put("\n");
    first_ = true;
  }
  void commit() {
    std::FILE* file = file_;
    file_ = nullptr;
    const bool failed = std::ferror(file) != 0;
    if (std::fclose(file) != 0 || failed) fail();
    std::error_code error;
    std::filesystem::rename(temporary_, path_, error);
    if (error) throw std::runtime_error("cannot write '" + path_.string() + "': " + error.message());
    committed_ = true;
  }

 private:
  CsvFile& cell(std::string_view written) {
    if (!first_) put(",");
    first_ = false;
    put(written);
    return *this;
  }
  void put(std::string_view s) {
    if (std::fwrite(s.data(), 1, s.size(), file_) != s.size()) fail();
  }
  [[noreturn]] void fail() const {
    throw std::runtime_error("cannot write '" + path_.string() + "': " + std::strerror(errno));
  }

  std::filesystem::path path_, temporary_;
  std::FILE* file_ = nullptr;
  bool first_ = true, committed_ = false;
};

// The country column: an id, or ALL for the total that follows the countries.
std::string_view country_label(const RunInfo& info, std::size_t c) {
  return c < info.country_ids.size() ? std::string_view(info.country_ids[c]) : std::string_view("ALL");
}

// One table of phase summaries; `labels` name the leading column's rows
// (replication numbers or statistic names).
void write_phase_table(const std::filesystem::path& path, const Results& results, const char* leading,
                       const std::vector<sim::PhaseSummary>& summaries,
                       const std::vector<std::string>& labels) {
  const RunInfo& info = results.info;
  CsvFile csv(path);
  csv.text(leading).text("phase").text("phase_name").text("country");
  for (const auto& s : sim::summary_catalogue()) csv.text(s.name);
  csv.end_row();
  for (std::size_t r = 0; r < summaries.size(); ++r)
    for (std::size_t p = 0; p < info.phases.size(); ++p)
      for (std::size_t c = 0; c <= info.country_ids.size(); ++c) {
        csv.text(labels[r]).text(info.phases[p].id).text(info.phases[p].name).text(country_label(info, c));
        for (int s = 0; s < sim::kSummaries; ++s)
          csv.number(summaries[r].at(static_cast<int>(p), static_cast<int>(c), static_cast<sim::Summary>(s)));
        csv.end_row();
      }
  csv.commit();
}

std::vector<std::string> months(const RunInfo& info) {
  std::vector<std::string> out;
  for (int t = 0; t < info.steps; ++t) out.push_back(format_year_month(info.start.plus(t)));
  return out;
}

// Walks a metric's [time][country][axis] values with their labels.
template <class Row>
void for_each_cell(const RunInfo& info, const MetricEntry& metric, Row&& row) {
  const std::size_t countries = info.country_ids.size(),
                    length = static_cast<std::size_t>(metric.axis_length());
  for (std::size_t t = 0; t < static_cast<std::size_t>(info.steps); ++t)
    for (std::size_t c = 0; c < countries; ++c)
      for (std::size_t k = 0; k < length; ++k)
        row(t, info.country_ids[c], metric.axis.empty() ? std::string_view() : metric.axis_labels[k],
            (t * countries + c) * length + k);
}

void write_timeseries(const std::filesystem::path& path, const ResultsFile& file) {
  const Results& results = file.results();
  const auto dates = months(results.info);
  CsvFile csv(path);
  csv.text("replication").text("date").text("country").text("metric").text("axis").text("value").end_row();
  for (int r = 0; r < results.info.replications; ++r)
    for (const auto& metric : results.metrics) {
      const auto values = file.metric(metric.name, r);  // one series at a time: bounded memory
      for_each_cell(results.info, metric,
                    [&](std::size_t t, std::string_view country, std::string_view label, std::size_t i) {
                      csv.integer(r)
                          .text(dates[t])
                          .text(country)
                          .text(metric.name)
                          .text(label)
                          .number(values[i])
                          .end_row();
                    });
    }
  csv.commit();
}

void write_timeseries_stats(const std::filesystem::path& path, const ResultsFile& file) {
  const Results& results = file.results();
  const auto dates = months(results.info);
  CsvFile csv(path);
  csv.text("date").text("country").text("metric").text("axis");
  for (const char* s : statistic_names()) csv.text(s);
  csv.end_row();
  for (const auto& metric : results.metrics) {
    std::vector<std::vector<double>> stats;
    for (const Statistic s : kStoredStatistics) stats.push_back(file.metric_statistic(metric.name, s));
    for_each_cell(results.info, metric,
                  [&](std::size_t t, std::string_view country, std::string_view label, std::size_t i) {
                    csv.text(dates[t]).text(country).text(metric.name).text(label);
                    for (const auto& s : stats) csv.number(s[i]);
                    csv.end_row();
                  });
  }
  csv.commit();
}
// The funder ledger, one row per replication, phase and funder, in the
// file's order: the columns in the funder's currency, then the same in USD.
void write_funder_ledger(const std::filesystem::path& path, const Results& results) {
  const RunInfo& info = results.info;
  const auto& columns = sim::ledger_column_names();
  CsvFile csv(path);
  csv.text("replication")
      .text("phase")
      .text("phase_name")
      .text("funder")
      .text("funder_name")
      .text("currency");
  for (const char* c : columns) csv.text(c);
  for (const char* c : columns) csv.text(std::string(c) + "_usd");
  csv.end_row();
  for (std::size_t r = 0; r < results.funder_ledgers->size(); ++r) {
    const sim::FunderLedger& ledger = (*results.funder_ledgers)[r];
    for (int p = 0; p < ledger.phases; ++p)
      for (int j = 0; j < ledger.funders; ++j) {
        const FunderInfo& funder = info.funders[static_cast<std::size_t>(j)];
        const PhaseInfo& phase = info.phases[static_cast<std::size_t>(p)];
        csv.integer(static_cast<long>(r)).text(phase.id).text(phase.name);
        csv.text(funder.id).text(funder.name).text(funder.currency);
        for (int c = 0; c < sim::kLedgerColumns; ++c) csv.number(ledger.own_at(j, p, sim::LedgerColumn(c)));
        for (int c = 0; c < sim::kLedgerColumns; ++c) csv.number(ledger.usd_at(j, p, sim::LedgerColumn(c)));
        csv.end_row();
      }
  }
  csv.commit();
}
}  // namespace

std::vector<std::string> export_csv(const std::filesystem::path& results_path,
                                    const std::filesystem::path& dir) {
  const ResultsFile file(results_path);
  const Results& results = file.results();
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw std::runtime_error("cannot create '" + dir.string() + "': " + error.message());
  std::vector<std::string> replications;
  for (int r = 0; r < results.info.replications; ++r) replications.push_back(std::to_string(r));
  std::vector<std::string> written{"phase_summary.csv", "timeseries.csv"};
  write_phase_table(dir / written[0], results, "replication", results.phase_summaries, replications);
  write_timeseries(dir / written[1], file);
  if (results.has_statistics) {
    written.insert(written.end(), {"phase_summary_stats.csv", "timeseries_stats.csv"});
    write_phase_table(dir / written[2], results, "statistic", results.phase_statistics,
                      {statistic_names().begin(), statistic_names().end()});
    write_timeseries_stats(dir / written[3], file);
  }
  if (results.funder_ledgers && !results.info.funders.empty()) {
    written.emplace_back("funder_ledger.csv");
    write_funder_ledger(dir / written.back(), results);
  }
  return written;
}

}  // namespace score::output
