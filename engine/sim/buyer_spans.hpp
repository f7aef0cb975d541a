#pragma once
// Which lead buyers each buyer funder's partnership signs. It is fixed
// model data (the funders' order and the buyers each signs per country),
// so it is worked out once per model (the executor shares it with every
// replication) and read in the hot paths: who pays for a delivery, whose
// buyer pushes a firm.
#include <cstdint>
#include <vector>

#include "model/description.hpp"

namespace score::sim {

// Lead buyers [first, last), as global buyer indices.
struct BuyerSpan {
  int first = 0, last = 0;
};

// The spans of every funder in every country. Funder j signs its country's
// buyers counted down from the last, after those of the buyer funders
// before j, so two named partnerships never share a buyer (the plan's
// partners count up from the first buyer). A funder with `plan_partners`
// signs the plan's partners instead, counted up from the first buyer.
class BuyerSpans {
 public:
  BuyerSpans() = default;
  // Global buyer indices run country by country, as in the state.
  explicit BuyerSpans(const model::Description& m);

  BuyerSpan span(std::size_t funder, int country) const {
    return spans_[funder * static_cast<std::size_t>(countries_) + static_cast<std::size_t>(country)];
  }
  // The buyer funder funding the buyer's country whose span holds the
  // buyer, or -1 (spans never overlap, so there is at most one).
  int signed_by(int buyer) const { return signer_[static_cast<std::size_t>(buyer)]; }

 private:
  int countries_ = 0;
  std::vector<BuyerSpan> spans_;      // [funder * countries + country]
  std::vector<std::int32_t> signer_;  // per global buyer
};

}  // namespace score::sim
