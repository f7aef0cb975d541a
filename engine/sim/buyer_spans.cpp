#include "sim/buyer_spans.hpp"

#include <algorithm>

namespace score::sim {

BuyerSpans::BuyerSpans(const model::Description& m)
    : countries_(static_cast<int>(m.countries.size())), spans_(m.funders.size() * m.countries.size()) {
  int buyers = 0;
  for (const model::Country& c : m.countries) buyers += c.buyers;
  signer_.assign(static_cast<std::size_t>(buyers), -1);
  int first = 0;  // the country's first global buyer
  for (int c = 0; c < countries_; ++c) {
    const int n = m.countries[static_cast<std::size_t>(c)].buyers;
    int last = first + n;  // before the clamp to first
    for (std::size_t j = 0; j < m.funders.size(); ++j) {
      const model::Funder& f = m.funders[j];
      const int end = std::max(first, last);
      // A funder taking over the plan's partners signs them, from the first
      // buyer up, and leaves the buyers counted down from the last alone.
      const BuyerSpan span = f.plan_partners ? BuyerSpan{first, first + std::min(n, f.buyers)}
                                             : BuyerSpan{std::max(first, end - f.buyers), end};
      spans_[j * static_cast<std::size_t>(countries_) + static_cast<std::size_t>(c)] = span;
      if (f.kind != model::FunderKind::buyer || !f.funds_country(c)) continue;
      if (!f.plan_partners) last -= f.buyers;
      for (int b = span.first; b < span.last; ++b)
        if (signer_[static_cast<std::size_t>(b)] < 0)
          signer_[static_cast<std::size_t>(b)] = static_cast<std::int32_t>(j);
    }
    first += n;
  }
}

}  // namespace score::sim
