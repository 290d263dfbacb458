#include "gazette/storage/sqlite/sqlite_stats_store.hpp"

#include <fmt/format.h>

#include <chrono>

#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {
enum Key : std::uint64_t {
  kTotals = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 100,
};
/// daily_stats keys: 'YYYY-MM-DD' of the given day shifted by `shift` days.
std::string DayKey(LocalDate date, int shift) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{year{date.year} / month{static_cast<unsigned>(date.month)} /
                                    day{static_cast<unsigned>(date.day)}} +
                           days{shift}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

}  // namespace

Result<VisitorTotals> SqliteStatsStore::Totals(LocalDate today) {
  const std::string today_iso = DayKey(today, 0);
  const std::string yesterday_iso = DayKey(today, -1);
  return Guarded(pool_.path(), "read the visitor figures", [&]() -> Result<VisitorTotals> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kTotals, [] {
      return std::string(
          "SELECT (SELECT visitors FROM daily_stats WHERE day = ?1), "
          "(SELECT visitors FROM daily_stats WHERE day = ?2), "
          "(SELECT coalesce(sum(visitors), 0) FROM daily_stats)");
    }));
    s->BindText(1, today_iso);
    s->BindText(2, yesterday_iso);
    VisitorTotals totals;
    if (s->Step()) {
      totals.today = s->Int(0);
      totals.yesterday = s->Int(1);
      totals.all = s->Int(2);
    }
    return totals;
  });
}

}  // namespace gazette::storage::sqlite
