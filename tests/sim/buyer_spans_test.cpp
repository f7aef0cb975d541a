// The table of lead buyers each buyer funder signs, built once per model.
#include "sim/buyer_spans.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace score::sim {
namespace {

model::Funder buyer_in(std::vector<bool> countries, int buyers) {
  model::Funder f;
  f.kind = model::FunderKind::buyer;
  f.countries = std::move(countries);
  f.buyers = buyers;
  return f;
}

// Two countries of 10 and 6 buyers (global buyers 0-9 and 10-15).
model::Description two_countries() {
  model::Description m;
  m.countries.resize(2);
  m.countries[0].buyers = 10;
  m.countries[1].buyers = 6;
  return m;
}

TEST(BuyerSpans, EachFunderCountsDownAfterThoseBefore) {
  model::Description m = two_countries();
  m.funders.push_back(buyer_in({true, true}, 3));
  m.funders.push_back(model::Funder{});  // a donor: signs no buyers, takes none
  m.funders.push_back(buyer_in({false, true}, 2));
  m.funders.push_back(buyer_in({true, true}, 4));
  const BuyerSpans t(m);
  EXPECT_EQ(t.span(0, 0).first, 7);
  EXPECT_EQ(t.span(0, 0).last, 10);
  EXPECT_EQ(t.span(3, 0).first, 3) << "the funder not in country 0 takes none of its buyers";
  EXPECT_EQ(t.span(3, 0).last, 7);
  EXPECT_EQ(t.span(2, 1).first, 11);
  EXPECT_EQ(t.span(2, 1).last, 13);
  EXPECT_EQ(t.span(3, 1).first, 10) << "more signed than there are buyers: the span stops at the first";
  EXPECT_EQ(t.span(3, 1).last, 11);
  const std::vector<int> expected{-1, -1, -1, 3, 3, 3, 3, 0, 0, 0, 3, 2, 2, 0, 0, 0};
  for (int b = 0; b < 16; ++b)
    EXPECT_EQ(t.signed_by(b), expected[static_cast<std::size_t>(b)]) << "buyer " << b;
}

TEST(BuyerSpans, SignedOutBuyersLeaveLaterFundersNone) {
  model::Description m = two_countries();
  m.funders.push_back(buyer_in({false, true}, 6));
  m.funders.push_back(buyer_in({false, true}, 2));
  const BuyerSpans t(m);
  EXPECT_EQ(t.span(1, 1).first, t.span(1, 1).last) << "no buyer is left to sign";
  for (int b = 10; b < 16; ++b) EXPECT_EQ(t.signed_by(b), 0);
}

// A funder taking over the plans' partners signs the country's first buyers
// (where the plan's partners are), and the funders counting down from the
// last buyer keep their buyers as if it were not there.
TEST(BuyerSpans, AFunderTakingOverThePlanPartnersSignsTheFirstBuyers) {
  model::Description m = two_countries();
  model::Funder partners = buyer_in({true, true}, 2);
  partners.plan_partners = true;
  m.funders.push_back(partners);
  m.funders.push_back(buyer_in({true, true}, 3));
  const BuyerSpans t(m);
  EXPECT_EQ(t.span(0, 0).first, 0);
  EXPECT_EQ(t.span(0, 0).last, 2);
  EXPECT_EQ(t.span(0, 1).first, 10);
  EXPECT_EQ(t.span(0, 1).last, 12);
  EXPECT_EQ(t.span(1, 0).first, 7) << "counted down from the last buyer, as without the first funder";
  EXPECT_EQ(t.span(1, 0).last, 10);
  const std::vector<int> expected{0, 0, -1, -1, -1, -1, -1, 1, 1, 1, 0, 0, -1, 1, 1, 1};
  for (int b = 0; b < 16; ++b)
    EXPECT_EQ(t.signed_by(b), expected[static_cast<std::size_t>(b)]) << "buyer " << b;
}

}  // namespace
}  // namespace score::sim
