#include "gazette/admin/visitor_chart.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace gazette::admin {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::size_t Occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

TEST(RoundAxisMaximum, PicksOneTwoOrFiveTimesAPowerOfTen) {
  EXPECT_EQ(RoundAxisMaximum(0), 1);
  EXPECT_EQ(RoundAxisMaximum(1), 1);
  EXPECT_EQ(RoundAxisMaximum(3), 5);
  EXPECT_EQ(RoundAxisMaximum(11), 20);
  EXPECT_EQ(RoundAxisMaximum(200), 200);
  EXPECT_EQ(RoundAxisMaximum(3256), 5000);
  EXPECT_EQ(RoundAxisMaximum(11622), 20000);
}

TEST(VisitorChart, DrawsOneBarPerDayOfTheRangeMissingDaysAsZero) {
  const std::vector<ChartDay> days = {{{2026, 2, 27}, 10}, {{2026, 3, 1}, 30}, {{2025, 1, 1}, 999999}};
  const std::string svg = VisitorChartSvg(days, {2026, 2, 27}, {2026, 3, 2});
  EXPECT_EQ(Occurrences(svg, "<rect "), 4u);  // 27 and 28 February, 1 and 2 March
  EXPECT_THAT(svg, HasSubstr("<title>2026-02-28: 0 visitors</title>"));
  EXPECT_THAT(svg, HasSubstr("<title>2026-03-01: 30 visitors</title>"));
  EXPECT_THAT(svg, Not(HasSubstr("999,999")));  // outside the range
  EXPECT_THAT(
      svg, HasSubstr(
               "aria-label=\"Visitors per day from 2026-02-27 to 2026-03-02: 40 in all, at most 30 a day\""));
  EXPECT_THAT(svg, HasSubstr(">50</text>"));  // the axis maximum above the peak
}

TEST(VisitorChart, TheTallestBarReachesItsValueOnTheAxis) {
  const std::string svg = VisitorChartSvg({{{2026, 1, 1}, 50}}, {2026, 1, 1}, {2026, 1, 1});
  // Plot height 168 (200 - 8 - 24): a value equal to the axis maximum fills it.
  EXPECT_THAT(svg, HasSubstr("height=\"168.0\""));
}

TEST(VisitorChart, AnEmptyHistoryIsAFlatChartNotADivisionByZero) {
  const std::string svg = VisitorChartSvg({}, {2026, 1, 1}, {2026, 3, 31});
  EXPECT_EQ(Occurrences(svg, "<rect "), 90u);
  EXPECT_THAT(svg, HasSubstr("height=\"0.0\""));
  EXPECT_THAT(svg, Not(HasSubstr("nan")));
  EXPECT_THAT(svg, Not(HasSubstr("inf")));
}

TEST(VisitorChart, LargeFiguresAreGroupedAndLongRangesCut) {
  const std::string svg = VisitorChartSvg({{{2026, 1, 1}, 53860060}}, {2020, 1, 1}, {2026, 1, 1});
  EXPECT_EQ(Occurrences(svg, "<rect "), 1000u);
  EXPECT_THAT(svg, HasSubstr("53,860,060 visitors"));
}

}  // namespace
}  // namespace gazette::admin
