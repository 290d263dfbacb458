// StatsStore::Totals over the SQLite daily_stats table (rows written directly: the writer comes later).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::storage {
namespace {

TEST(SqliteStatsStore, TotalsAreZeroOnAnEmptySite) {
  gazette::testing::TempDir dir;
  auto storage = OpenSqliteStorage(dir / "gazette.db", SqliteOpenMode::kCreate);
  ASSERT_TRUE(storage.ok());
  auto totals = (*storage)->stats().Totals({2026, 1, 2});
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->today, 0);
  EXPECT_EQ(totals->yesterday, 0);
  EXPECT_EQ(totals->all, 0);
}

TEST(SqliteStatsStore, TotalsReadTodayYesterdayAcrossAYearBoundaryAndTheSum) {
  gazette::testing::TempDir dir;
  auto storage = OpenSqliteStorage(dir / "gazette.db", SqliteOpenMode::kCreate);
  ASSERT_TRUE(storage.ok());
  {
    SQLite::Database db((dir / "gazette.db").string(), SQLite::OPEN_READWRITE);
    db.exec(
        "INSERT INTO daily_stats (day, visitors, page_views) VALUES "
        "('2025-12-30', 1000000000000, 1), ('2025-12-31', 20, 40), ('2026-01-01', 300, 600)");
  }
  auto totals = (*storage)->stats().Totals({2026, 1, 1});
  ASSERT_TRUE(totals.ok()) << totals.error().message;
  EXPECT_EQ(totals->today, 300);
  EXPECT_EQ(totals->yesterday, 20);
  EXPECT_EQ(totals->all, 1000000000320);
}

}  // namespace
}  // namespace gazette::storage
