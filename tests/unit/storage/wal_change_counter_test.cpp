// WalChangeCounter: read from the mapped WAL-index, it moves with every commit by any connection, and
// only then.
#include "gazette/storage/sqlite/wal_change_counter.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace gazette::storage::sqlite {
namespace {

class WalChangeCounterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (dir_.path() / "wal.db").string();
    writer_ = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    writer_->exec("PRAGMA journal_mode = WAL");
    writer_->exec("CREATE TABLE t (x INTEGER)");
    reader_ = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READWRITE);
  }

  void ReadOnce() { SQLite::Statement(*reader_, "SELECT count(*) FROM t").executeStep(); }

  gazette::testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<SQLite::Database> writer_;
  std::unique_ptr<SQLite::Database> reader_;
};

TEST_F(WalChangeCounterTest, MovesWithEveryCommitOfAnotherConnectionAndOnlyThen) {
  ReadOnce();
  WalChangeCounter counter(reader_->getHandle());
  auto last = counter.Current();
  ASSERT_TRUE(last.has_value());
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(counter.Current(), last) << "nothing was committed";
    writer_->exec("INSERT INTO t VALUES (" + std::to_string(i) + ")");
    const auto now = counter.Current();
    EXPECT_NE(now, last) << "commit " << i;
    last = now;
  }
}

TEST_F(WalChangeCounterTest, ARolledBackTransactionLeavesItAlone) {
  ReadOnce();
  WalChangeCounter counter(reader_->getHandle());
  const auto before = counter.Current();
  writer_->exec("BEGIN IMMEDIATE");
  writer_->exec("INSERT INTO t VALUES (1)");
  writer_->exec("ROLLBACK");
  EXPECT_EQ(counter.Current(), before);
}

}  // namespace
}  // namespace gazette::storage::sqlite
