#include "gazette/admin/visitor_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace gazette::admin {
namespace {

constexpr int kMaxDays = 1000;
// The drawing's own coordinates; the stylesheet scales it to the width of the page.
constexpr double kWidth = 720;
constexpr double kHeight = 200;
constexpr double kLeft = 56;    // room for the y-axis figures
constexpr double kBottom = 24;  // room for the dates
constexpr double kTop = 8;

}  // namespace

std::string Thousands(std::int64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  const int first = static_cast<int>(digits.size()) % 3;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && static_cast<int>(i) % 3 == first && digits[i - 1] != '-') out += ',';
    out += digits[i];
  }
  return out;
}

std::int64_t RoundAxisMaximum(std::int64_t value) {
  if (value <= 1) return 1;
  std::int64_t power = 1;
  while (true) {
    for (const std::int64_t step : {1, 2, 5}) {
      if (step * power >= value) return step * power;
    }
    power *= 10;
  }
}

std::string VisitorChartSvg(const std::vector<ChartDay>& days, LocalDate from, LocalDate to) {
  std::vector<LocalDate> range;
  for (LocalDate day = to; range.size() < kMaxDays && day >= from; day = day.PreviousDay())
    range.push_back(day);
  std::reverse(range.begin(), range.end());

  std::map<LocalDate, std::int64_t> figures;
  for (const ChartDay& day : days) figures[day.day] = std::max<std::int64_t>(0, day.visitors);
  std::int64_t peak = 0;
  std::int64_t total = 0;
  for (const LocalDate& day : range) {
    const auto found = figures.find(day);
    const std::int64_t value = found == figures.end() ? 0 : found->second;
    peak = std::max(peak, value);
    total += value;
  }
  const std::int64_t axis_max = RoundAxisMaximum(peak);
  const double plot_width = kWidth - kLeft;
  const double plot_height = kHeight - kTop - kBottom;
  const double slot = range.empty() ? plot_width : plot_width / static_cast<double>(range.size());
  const double bar = std::max(1.0, slot * 0.8);

  std::string svg = fmt::format(
      "<svg class=\"visitor-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"Visitors per day from {} to {}: {} in all, at most {} a day\">",
      kWidth, kHeight, from.ToIso(), to.ToIso(), Thousands(total), Thousands(peak));
  // Axis: the maximum, the middle and zero, with faint grid lines.
  for (const std::int64_t tick : {axis_max, axis_max / 2, std::int64_t{0}}) {
    const double y = kTop + plot_height * (1.0 - static_cast<double>(tick) / static_cast<double>(axis_max));
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>"
        "<text class=\"axis\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>",
        kLeft, y, kWidth, y, kLeft - 6, y + 4, Thousands(tick));
  }
  for (std::size_t i = 0; i < range.size(); ++i) {
    const auto found = figures.find(range[i]);
    const std::int64_t value = found == figures.end() ? 0 : found->second;
    const double height = plot_height * static_cast<double>(value) / static_cast<double>(axis_max);
    const double x = kLeft + slot * static_cast<double>(i) + (slot - bar) / 2;
    svg += fmt::format(
        "<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\">"
        "<title>{}: {} visitors</title></rect>",
        x, kTop + plot_height - height, bar, height, range[i].ToIso(), Thousands(value));
  }
  if (!range.empty()) {
    svg += fmt::format(
        "<text class=\"axis\" x=\"{}\" y=\"{}\">{}</text>"
        "<text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        kLeft, kHeight - 6, range.front().ToIso(), kWidth, kHeight - 6, range.back().ToIso());
  }
  svg += "</svg>";
  return svg;
}

}  // namespace gazette::admin
