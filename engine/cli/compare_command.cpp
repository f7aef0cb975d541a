// score compare A.h5 B.h5 [C.h5 ...]: the runs' phase summaries side by
// side, each difference against the first run with its interval (paired
// under common random numbers, Welch otherwise) and what it means, as text,
// CSV or Markdown.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/compare_commands.hpp"
#include "cli/run_support.hpp"
#include "output/csv_export.hpp"
#include "output/results_reader.hpp"
#include "session/compare_table.hpp"

namespace score::cli {
namespace {

using session::ComparedRun;
using session::Comparison;

std::vector<ComparedRun> read_runs(const std::vector<std::string>& files) {
  std::vector<ComparedRun> runs;
  for (const std::string& f : files) {
    const output::Results r = output::read_results(f);
    runs.push_back(session::compared_run(r, r.info.scenario_name.empty() ? f : r.info.scenario_name));
  }
  return runs;
}

// The letter of run k in the text output: A, B, ... Z, then 27, 28, ...
std::string run_letter(std::size_t k) {
  return k < 26 ? std::string(1, static_cast<char>('A' + k)) : std::to_string(k + 1);
}

void print_runs(std::ostream& os, const CompareArgs& args, const std::vector<ComparedRun>& runs) {
  for (std::size_t k = 0; k < runs.size(); ++k)
    os << run_letter(k) << "  " << runs[k].label << "  (" << args.files[k] << ", " << runs[k].summaries.size()
       << " replications, seed " << (runs[k].seed ? std::to_string(*runs[k].seed) : "?") << ")\n";
  os << "means over replications, " << (args.country.empty() ? "all countries" : "country " + args.country)
     << "; differences against A: better, worse, higher or lower where the interval excludes zero (the runs "
        "differ), within noise where it does not\n";
}

void print_row(std::ostream& os, const session::ComparedRow& row, const std::vector<ComparedRun>& runs,
               std::size_t width) {
  os << "  " << session::summary_label(row.summary, row.phase == session::kProgramme) << "\n";
  for (std::size_t k = 0; k < runs.size(); ++k) {
    os << "    " << run_letter(k) << " " << std::left << std::setw(static_cast<int>(width)) << runs[k].label
       << std::right << std::setw(18) << session::readable_value(row.means[k], row.summary);
    const session::Difference& d = row.differences[k];
    const session::Judgement j = session::judge(d, row.summary);
    if (k > 0 && j == session::Judgement::identical) {
      os << "  identical";
    } else if (k > 0 && !std::isnan(d.mean)) {
      os << "  " << session::readable_difference(d.mean, row.summary);
      if (const std::string i = session::readable_interval(d, row.summary); !i.empty()) os << " " << i;
      if (const std::string r = session::readable_relative(d.relative); !r.empty()) os << "  " << r;
      os << "  " << session::judgement_name(j);
    }
    os << "\n";
  }
}

void print_text(std::ostream& os, const CompareArgs& args, const std::vector<ComparedRun>& runs,
                const Comparison& c) {
  print_runs(os, args, runs);
  for (const std::string& note : session::pairing_notes(c, runs)) os << note << "\n";
  for (const std::string& w : c.warnings) os << "warning: " << w << "\n";
  std::size_t width = 0;
  for (const ComparedRun& r : runs) width = std::max(width, r.label.size());
  for (const session::CompareTable& t : session::compare_tables(c)) {
    os << "\n" << t.title << "\n";
    for (const session::ComparedRow& row : c.rows)
      if (row.phase == t.phase) print_row(os, row, runs, width);
  }
}

// One row per phase, summary and run: exact numbers for spreadsheets.
void print_csv(std::ostream& os, const CompareArgs& args, const std::vector<ComparedRun>& runs,
               const Comparison& c) {
  using output::csv_number, output::csv_text;
  os << "phase,country,summary,run,label,file,mean,difference,low,high,relative,pairing,verdict,judgement\n";
  for (const session::ComparedRow& row : c.rows)
    for (std::size_t k = 0; k < runs.size(); ++k) {
      const session::Difference& d = row.differences[k];
      const bool other = k > 0;
      os << csv_text(row.phase) << "," << csv_text(args.country.empty() ? "ALL" : args.country) << ","
         << sim::summary_catalogue()[static_cast<std::size_t>(row.summary)].name << "," << k << ","
         << csv_text(runs[k].label) << "," << csv_text(args.files[k]) << "," << csv_number(row.means[k])
         << "," << (other ? csv_number(d.mean) : "") << "," << (other ? csv_number(d.low) : "") << ","
         << (other ? csv_number(d.high) : "") << "," << (other ? csv_number(d.relative) : "") << ","
         << (other ? session::pairing_name(d.pairing) : "") << ","
         << (other ? session::verdict_name(d.verdict) : "") << ","
         << (other ? session::judgement_name(session::judge(d, row.summary)) : "") << "\n";
    }
}

// A Markdown table cell: a | would end the cell, a line break the row.
std::string markdown_cell(std::string text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|')
      out += "\\|";
    else if (ch == '\n' || ch == '\r')
      out += ' ';
    else
      out += ch;
  }
  return out;
}

void print_markdown(std::ostream& os, const CompareArgs& args, const std::vector<ComparedRun>& runs,
                    const Comparison& c) {
  os << "Means over replications, " << (args.country.empty() ? "all countries" : "country " + args.country)
     << "; differences against " << markdown_cell(runs[0].label) << ".\n\n";
  for (const std::string& note : session::pairing_notes(c, runs)) os << "- " << markdown_cell(note) << "\n";
  for (const std::string& w : c.warnings) os << "- **warning:** " << markdown_cell(w) << "\n";
  for (const session::CompareTable& t : session::compare_tables(c)) {
    os << "\n### " << markdown_cell(t.title) << "\n\n|";
    for (const std::string& h : t.header) os << " " << markdown_cell(h) << " |";
    os << "\n|";
    for (std::size_t i = 0; i < t.header.size(); ++i) os << (i ? " ---: |" : " --- |");
    os << "\n";
    for (const auto& row : t.rows) {
      os << "|";
      for (const session::TableCell& cell : row)
        os << " " << markdown_cell(cell.detail.empty() ? cell.text : cell.text + " " + cell.detail) << " |";
      os << "\n";
    }
  }
}

}  // namespace

int compare_command(const CompareArgs& args) {
  return guarded(
      [&] {
        const std::vector<ComparedRun> runs = read_runs(args.files);
        const Comparison c =
            session::compare_runs(runs, {session::compared_summaries(), args.country, args.confidence});
        std::ostringstream os;  // whole, so an error never leaves half a table
        if (args.format == CompareFormat::csv)
          print_csv(os, args, runs, c);
        else if (args.format == CompareFormat::markdown)
          print_markdown(os, args, runs, c);
        else
          print_text(os, args, runs, c);
        std::cout << os.str();
        for (const std::string& w : c.warnings)
          if (args.format == CompareFormat::csv) std::cerr << "score compare: warning: " << w << "\n";
        return kOk;
      },
      "score: ", kBadInput);
}

void add_compare_commands(CLI::App& app, int& code) {
  static CompareArgs compare;
  auto* cmp = app.add_subcommand("compare", "Compare the phase summaries of results files, with intervals");
  cmp->add_option("results", compare.files, "Results files (.h5); differences against the first")
      ->required()
      ->expected(2, CLI::detail::expected_max_vector_size);
  cmp->add_option("--country", compare.country, "One country (its id, e.g. GHA) instead of all countries");
  cmp->add_option("--confidence", compare.confidence, "Confidence of the intervals (default 0.95)")
      ->check(CLI::Range(0.5, 0.999));
  auto* csv = cmp->add_flag_callback(
      "--csv", [] { compare.format = CompareFormat::csv; }, "CSV, one row per phase, summary and run");
  cmp->add_flag_callback(
         "--markdown", [] { compare.format = CompareFormat::markdown; }, "Markdown tables")
      ->excludes(csv);
  cmp->callback([&] { code = compare_command(compare); });

  static ReportArgs report;
  auto* rep = app.add_subcommand("report", "Write one self-contained HTML report of results files");
  rep->add_option("results", report.files, "Results files (.h5); differences against the first")
      ->required()
      ->expected(1, CLI::detail::expected_max_vector_size);
  rep->add_option("-o,--output", report.output, "The HTML file to write")->required();
  rep->add_option("--confidence", report.confidence, "Confidence of the intervals (default 0.95)")
      ->check(CLI::Range(0.5, 0.999));
  rep->callback([&] { code = report_command(report); });
}

}  // namespace score::cli
