#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

#include "output/html_escape.hpp"

namespace score::report {
namespace {

constexpr double kWidth = 640, kHeight = 250, kLeft = 64, kRight = 12, kTop = 30, kBottom = 26;

struct Frame {
  int first = 0, last = 1;   // month ordinals of the x axis
  double low = 0, high = 1;  // y axis
  double x(int ordinal) const {
    return kLeft + (kWidth - kLeft - kRight) * (ordinal - first) / std::max(1, last - first);
  }
  double y(double v) const { return kTop + (kHeight - kTop - kBottom) * (high - v) / (high - low); }
};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Axis top: 1, 2, 2.5 or 5 times a power of ten, at or above `v`.
double nice_ceiling(double v) {
  if (!(v > 0)) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(v)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (step * power >= v * (1 - 1e-12)) return step * power;
  return 10 * power;
}

Frame frame(const ChartSpec& spec, const std::vector<ChartRun>& runs) {
  Frame f{std::numeric_limits<int>::max(), std::numeric_limits<int>::min(), 0, 0};
  for (const ChartRun& r : runs) {
    const int n = static_cast<int>(r.band.p50.size());
    if (n == 0) continue;
    f.first = std::min(f.first, r.start.ordinal());
    f.last = std::max(f.last, r.start.ordinal() + n - 1);
    const int from = n > 2 * spec.skip_months ? spec.skip_months : 0;
    for (int t = from; t < n; ++t)
      for (double v : {r.band.p05[t], r.band.p50[t], r.band.p95[t]})
        if (std::isfinite(v)) f.high = std::max(f.high, v), f.low = std::min(f.low, v);
  }
  if (f.first > f.last) f.first = f.last = 0;
  f.high = nice_ceiling(f.high);
  if (f.low < 0) f.low = -nice_ceiling(-f.low);
  return f;
}

// A polyline through the finite values; a NaN month breaks it.
std::string path(const Frame& f, YearMonth start, const std::vector<double>& ys) {
  std::string d;
  bool pen = false;
  for (std::size_t t = 0; t < ys.size(); ++t) {
    if (!std::isfinite(ys[t])) {
      pen = false;
      continue;
    }
    d += (pen ? " L" : " M") + number(f.x(start.ordinal() + static_cast<int>(t))) + " " + number(f.y(ys[t]));
    pen = true;
  }
  return d;
}

// The band as one closed shape: along p95, back along p05 (months where
// either is NaN are left out).
std::string band_path(const Frame& f, const ChartRun& r) {
  std::vector<std::size_t> ok;
  for (std::size_t t = 0; t < r.band.p05.size(); ++t)
    if (std::isfinite(r.band.p05[t]) && std::isfinite(r.band.p95[t])) ok.push_back(t);
  std::string d;
  for (std::size_t i = 0; i < ok.size(); ++i)
    d += (i ? " L" : "M") + number(f.x(r.start.ordinal() + static_cast<int>(ok[i]))) + " " +
         number(f.y(r.band.p95[ok[i]]));
  for (std::size_t i = ok.size(); i-- > 0;)
    d += " L" + number(f.x(r.start.ordinal() + static_cast<int>(ok[i]))) + " " +
         number(f.y(r.band.p05[ok[i]]));
  return d.empty() ? d : d + " Z";
}

void axes(std::ostringstream& os, const Frame& f, const std::string& units) {
  os << "<g class=\"axes\" font-size=\"11\" fill=\"#444\">";
  for (int i = 0; i <= 4; ++i) {
    const double v = f.low + (f.high - f.low) * i / 4;
    os << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << number(f.y(v))
       << "\" y2=\"" << number(f.y(v)) << "\" stroke=\"#ddd\"/><text x=\"" << kLeft - 6 << "\" y=\""
       << number(f.y(v) + 4) << "\" text-anchor=\"end\">" << output::html_escape(axis_label(v, units))
       << "</text>";
  }
  const int first_year = YearMonth::from_ordinal(f.first).year,
            last_year = YearMonth::from_ordinal(f.last).year;
  const int step = std::max(1, (last_year - first_year + 1) / 8);
  for (int year = first_year + (YearMonth::from_ordinal(f.first).month == 1 ? 0 : 1); year <= last_year;
       year += step) {
    const double x = f.x(YearMonth{year, 1}.ordinal());
    os << "<line x1=\"" << number(x) << "\" x2=\"" << number(x) << "\" y1=\"" << kHeight - kBottom
       << "\" y2=\"" << kHeight - kBottom + 4 << "\" stroke=\"#888\"/><text x=\"" << number(x) << "\" y=\""
       << kHeight - kBottom + 16 << "\" text-anchor=\"middle\">" << year << "</text>";
  }
  os << "</g>";
}

void legend(std::ostringstream& os, const std::vector<ChartRun>& runs) {
  double x = kLeft;
  os << "<g class=\"legend\" font-size=\"11\">";
  for (std::size_t k = 0; k < runs.size(); ++k) {
    os << "<rect x=\"" << number(x) << "\" y=\"8\" width=\"14\" height=\"8\" fill=\"" << run_colour(k)
       << "\"/><text x=\"" << number(x + 18) << "\" y=\"16\">" << output::html_escape(runs[k].label)
       << "</text>";
    x += 30 + 6.5 * static_cast<double>(std::min<std::size_t>(runs[k].label.size(), 40));
  }
  os << "</g>";
}

}  // namespace

const char* run_colour(std::size_t index) {
  static const char* const palette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                        "#E69F00", "#56B4E9", "#000000", "#F0E442"};
  return palette[index % std::size(palette)];
}

std::string axis_label(double v, const std::string& units) {
  char buf[32];
  if (units == "share") {
    std::snprintf(buf, sizeof buf, "%.0f%%", 100 * v);
    return buf;
  }
  const double a = std::fabs(v);
  if (a >= 1e9)
    std::snprintf(buf, sizeof buf, "%.3g G", v / 1e9);
  else if (a >= 1e6)
    std::snprintf(buf, sizeof buf, "%.3g M", v / 1e6);
  else if (a >= 1e3)
    std::snprintf(buf, sizeof buf, "%.3g k", v / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string svg_chart(const ChartSpec& spec, const std::vector<ChartRun>& runs) {
  const Frame f = frame(spec, runs);
  std::ostringstream os;
  const std::string title = output::html_escape(spec.title);
  os << "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kWidth << " " << kHeight
     << "\" role=\"img\" aria-label=\"" << title << "\"><title>" << title << "</title>";
  const std::string clip = "clip-" + output::html_escape(spec.id);
  os << "<clipPath id=\"" << clip << "\"><rect x=\"" << kLeft << "\" y=\"" << kTop << "\" width=\""
     << kWidth - kLeft - kRight << "\" height=\"" << kHeight - kTop - kBottom << "\"/></clipPath>";
  axes(os, f, spec.units);
  os << "<g clip-path=\"url(#" << clip << ")\">";
  for (std::size_t k = 0; k < runs.size(); ++k)
    os << "<path class=\"band\" d=\"" << band_path(f, runs[k]) << "\" fill=\"" << run_colour(k)
       << "\" fill-opacity=\"0.16\" stroke=\"" << run_colour(k)
       << "\" stroke-opacity=\"0.5\" stroke-width=\"0.6\"" << (k % 2 ? " stroke-dasharray=\"3 2\"" : "")
       << "/>";
  for (std::size_t k = 0; k < runs.size(); ++k)
    os << "<path class=\"median\" d=\"" << path(f, runs[k].start, runs[k].band.p50)
       << "\" fill=\"none\" stroke=\"" << run_colour(k) << "\" stroke-width=\"2\"/>";
  os << "</g>";
  legend(os, runs);
  os << "</svg>";
  return os.str();
}

}  // namespace score::report
