#pragma once
/// VisitorChart: the dashboard's chart of visitors per day, drawn on the server as inline SVG, so that it
/// shows without JavaScript and under a Content-Security-Policy that allows no inline script.

#include <cstdint>
#include <string>
#include <vector>

#include "gazette/base/time_zone.hpp"

namespace gazette::admin {

struct ChartDay {
  LocalDate day;
  std::int64_t visitors = 0;
};

/// An SVG bar chart of every day in [from, to] (days missing from `days` are drawn as zero; days outside
/// the range are ignored), with a y-axis scaled to a round maximum, the first and last dates on the x-axis,
/// a <title> per bar for tooltips, and role="img" with an aria-label summing the range up for screen
/// readers. Precondition: from <= to and the range holds at most 1,000 days (longer ranges are cut to the
/// last 1,000). The output holds only numbers and ISO dates, nothing taken from users.
std::string VisitorChartSvg(const std::vector<ChartDay>& days, LocalDate from, LocalDate to);

/// The smallest "round" number (1, 2 or 5 times a power of ten) at or above value; 1 for value <= 1.
std::int64_t RoundAxisMaximum(std::int64_t value);

/// value with its thousands grouped by commas ("53,860,060"), as the public counter shows figures.
std::string Thousands(std::int64_t value);

}  // namespace gazette::admin
