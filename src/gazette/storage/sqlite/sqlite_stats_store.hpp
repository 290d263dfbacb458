#pragma once
/// StatsStore over SQLite: the daily_stats table.

#include "gazette/storage/sqlite/connection_pool.hpp"
#include "gazette/storage/stats_store.hpp"

namespace gazette::storage::sqlite {

class SqliteStatsStore final : public StatsStore {
 public:
  explicit SqliteStatsStore(ConnectionPool& pool) : pool_(pool) {}
  Result<VisitorTotals> Totals(LocalDate today) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
