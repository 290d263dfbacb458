#include "gazette/stats/counter_figures.hpp"

#include <array>
#include <utility>

namespace gazette::stats {
namespace {

struct RowInfo {
  CounterRow row;
  std::string_view key;
  std::string_view label;
};

constexpr std::array<RowInfo, 5> kRows = {{
    {CounterRow::kToday, "today", "Today"},
    {CounterRow::kYesterday, "yesterday", "Yesterday"},
    {CounterRow::kThisWeek, "this_week", "This week"},
    {CounterRow::kThisMonth, "this_month", "This month"},
    {CounterRow::kAll, "all", "All"},
}};

const RowInfo& InfoOf(CounterRow row) { return kRows[static_cast<std::size_t>(row)]; }

}  // namespace

std::optional<CounterRow> ParseCounterRow(std::string_view name) {
  for (const auto& info : kRows) {
    if (info.key == name) return info.row;
  }
  return std::nullopt;
}

std::string_view CounterRowKey(CounterRow row) { return InfoOf(row).key; }
std::string_view CounterRowLabel(CounterRow row) { return InfoOf(row).label; }

std::int64_t CounterFigures::Get(CounterRow row) const {
  switch (row) {
    case CounterRow::kToday:
      return today;
    case CounterRow::kYesterday:
      return yesterday;
    case CounterRow::kThisWeek:
      return this_week;
    case CounterRow::kThisMonth:
      return this_month;
    case CounterRow::kAll:
      return all;
  }
  return 0;
}

}  // namespace gazette::stats
