#include "gazette/app/stats_report.hpp"

#include <fmt/format.h>

#include <map>

#include "gazette/base/time_zone.hpp"
#include "gazette/config/config.hpp"
#include "gazette/site/views.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"

namespace gazette::app {
namespace {

/// Days shown in the table: a month, the span people compare against.
constexpr int kTableDays = 30;

/// The earliest day the CSV export asks for: before any web site existed, so that imports fit.
constexpr LocalDate kEarliestDay{1990, 1, 1};

}  // namespace

Status PrintStats(const std::filesystem::path& dir, StatsFormat format, std::ostream& out) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return MakeError(ErrorCode::kNotFound, "site directory " + dir.string() + " does not exist");
  }
  auto config = config::LoadConfig(dir, config::ProcessEnvironment());
  if (!config.ok()) return std::move(config).error();
  auto zone = TimeZone::Load(config->site.timezone);
  if (!zone.ok()) return std::move(zone).error();
  auto storage = storage::OpenSqliteStorage(config->database_path(), storage::SqliteOpenMode::kExisting);
  if (!storage.ok()) return std::move(storage).error();
  auto& stats = (*storage)->stats();
  const LocalDate today = zone->DateOf(SystemClock().Now());

  if (format == StatsFormat::kCsv) {
    auto history = stats.History(kEarliestDay, today);
    if (!history.ok()) return std::move(history).error();
    out << "date,visitors,page_views\n";
    for (const auto& day : *history) out << fmt::format("{},{},{}\n", day.day.ToIso(), day.visitors, day.page_views);
    return OkStatus();
  }

  auto totals = stats.Totals(today);
  if (!totals.ok()) return std::move(totals).error();
  LocalDate from = today;
  for (int i = 1; i < kTableDays; ++i) from = from.PreviousDay();
  auto history = stats.History(from, today);
  if (!history.ok()) return std::move(history).error();
  std::map<LocalDate, storage::DayFigures> by_day;
  for (const auto& day : *history) by_day.emplace(day.day, day);

  const std::int64_t initial = config->stats.initial_total;
  out << fmt::format("{} ({})\n\n", config->site.name, zone->name());
  out << fmt::format("{:<10} {:>16}\n", "Today", site::FormatCount(totals->today));
  out << fmt::format("{:<10} {:>16}\n", "Yesterday", site::FormatCount(totals->yesterday));
  out << fmt::format("{:<10} {:>16}", "All", site::FormatCount(totals->all + initial));
  if (initial > 0) out << fmt::format("  (of which {} before Gazette)", site::FormatCount(initial));
  out << "\n\nLast " << kTableDays << " days\n";
  out << fmt::format("{:<12} {:>12} {:>12}\n", "date", "visitors", "page views");
  for (LocalDate day = today;; day = day.PreviousDay()) {
    const auto it = by_day.find(day);
    const std::int64_t visitors = it == by_day.end() ? 0 : it->second.visitors;
    const std::int64_t views = it == by_day.end() ? 0 : it->second.page_views;
    out << fmt::format("{:<12} {:>12} {:>12}\n", day.ToIso(), site::FormatCount(visitors), site::FormatCount(views));
    if (day == from) break;
  }
  return OkStatus();
}

}  // namespace gazette::app
