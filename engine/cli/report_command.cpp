// score report A.h5 [B.h5 ...] -o report.html: the runs as one
// self-contained HTML file (report/html_report.hpp), written atomically.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/compare_commands.hpp"
#include "cli/run_support.hpp"
#include "report/html_report.hpp"

namespace score::cli {

int report_command(const ReportArgs& args) {
  return guarded(
      [&] {
        std::vector<report::ReportRun> runs;
        for (const std::string& f : args.files) runs.push_back(report::load_report_run(f));
        const std::string html = report::html_report(runs, {args.confidence, report::now_utc()});
        report::write_atomically(args.output, html);
        std::cout << "wrote " << args.output << " (" << runs.size() << " run" << (runs.size() == 1 ? "" : "s")
                  << ", " << html.size() / 1024 << " KiB)\n";
        return kOk;
      },
      "score: ", kBadInput);
}

}  // namespace score::cli
