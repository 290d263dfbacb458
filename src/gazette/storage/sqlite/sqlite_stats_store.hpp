#pragma once
/// StatsStore over SQLite: daily_stats (the history), visitor_salts with the visitor_identity_batches log
/// (the current day's private state; 0002's visitor_identities and bot_identities are only read),
/// article_daily_hits (most-read rankings).

#include <cstdint>
#include <string>

#include "gazette/storage/sqlite/connection_pool.hpp"
#include "gazette/storage/stats_store.hpp"

namespace gazette::storage::sqlite {

/// Longest range TopArticles sums: a year of daily rows; longer rankings would read a large part of the
/// table on a request.
inline constexpr std::int64_t kMaxTopArticlesDays = 366;

class SqliteStatsStore final : public StatsStore {
 public:
  explicit SqliteStatsStore(ConnectionPool& pool) : pool_(pool) {}

  Result<VisitorTotals> Totals(LocalDate today) override;
  Result<std::int64_t> SumVisitors(LocalDate from, LocalDate to) override;
  Result<std::vector<DayFigures>> History(LocalDate from, LocalDate to) override;
  Status Write(const StatsBatch& batch) override;
  Result<VisitorDayState> BeginDay(LocalDate day, const VisitorSalt& fresh_salt) override;
  Result<std::vector<ArticleHits>> TopArticles(LocalDate from, LocalDate to, Timestamp now,
                                               std::int64_t limit) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
