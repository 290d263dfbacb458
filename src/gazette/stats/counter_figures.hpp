#pragma once
/// CounterFigures: the numbers the visitor counter block shows, and the rows it can show them in.

#include <cstdint>
#include <optional>
#include <string_view>

namespace gazette::stats {

/// When adding a row, also update config::kCounterRows and the labels in CounterRowLabel().
enum class CounterRow { kToday, kYesterday, kThisWeek, kThisMonth, kAll };

/// "today" -> kToday ...; empty for an unknown name (config has checked names already).
std::optional<CounterRow> ParseCounterRow(std::string_view name);
/// The config/API key ("this_week") and the label readers see ("This week").
std::string_view CounterRowKey(CounterRow row);
std::string_view CounterRowLabel(CounterRow row);

struct CounterFigures {
  std::int64_t today = 0;
  std::int64_t yesterday = 0;
  std::int64_t this_week = 0;   ///< from Monday (ISO 8601 weeks), today included
  std::int64_t this_month = 0;  ///< from the 1st, today included
  std::int64_t all = 0;         ///< every day stored, today and [stats] initial_total included

  std::int64_t Get(CounterRow row) const;
};

}  // namespace gazette::stats
