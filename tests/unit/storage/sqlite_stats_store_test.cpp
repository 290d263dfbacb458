// The SQLite StatsStore beyond the backend-neutral suite: what is stored on disk (rows written or read
// directly with SQLiteCpp), the schema's guards, and atomicity under a forced failure.
#include "gazette/storage/sqlite/sqlite_stats_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <limits>

#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::storage {
namespace {

using ::testing::HasSubstr;

constexpr LocalDate kToday{2026, 1, 2};
const Timestamp kNow = TimestampFromUnix(1767355200);  // 2026-01-02 12:00:00 UTC

class SqliteStatsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenSqliteStorage(path(), SqliteOpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    storage_ = std::move(opened).value();
    db_ = std::make_unique<SQLite::Database>(path().string(), SQLite::OPEN_READWRITE);
    db_->exec("PRAGMA foreign_keys = ON");
  }

  std::filesystem::path path() const { return dir_ / "gazette.db"; }
  StatsStore& stats() { return storage_->stats(); }
  std::int64_t Count(const std::string& table) {
    return db_->execAndGet("SELECT count(*) FROM " + table).getInt64();
  }

  std::int64_t AddArticle(const std::string& slug) {
    if (category_ == 0) {
      category_ = *storage_->catalog().CreateCategory({0, std::nullopt, "news", "News", "", 0});
      author_ = *storage_->catalog().CreateAuthor({0, "ada", "Ada", "", "", "", ""});
    }
    domain::Article a;
    a.title = slug;
    a.slug = slug;
    a.category_id = category_;
    a.author_id = author_;
    a.state = domain::ArticleState::kPublished;
    a.publish_at = kNow - std::chrono::hours(24);
    auto id = storage_->articles().Create(a, kNow);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  gazette::testing::TempDir dir_;
  std::unique_ptr<Storage> storage_;
  std::unique_ptr<SQLite::Database> db_;
  std::int64_t category_ = 0;
  std::int64_t author_ = 0;
};

TEST_F(SqliteStatsStoreTest, TotalsReadTodayYesterdayAcrossAYearBoundaryAndTheSum) {
  db_->exec(
      "INSERT INTO daily_stats (day, visitors, page_views) VALUES "
      "('2025-12-30', 1000000000000, 1), ('2025-12-31', 20, 40), ('2026-01-01', 300, 600)");
  auto totals = stats().Totals({2026, 1, 1});
  ASSERT_TRUE(totals.ok()) << totals.error().message;
  EXPECT_EQ(totals->today, 300);
  EXPECT_EQ(totals->yesterday, 20);
  EXPECT_EQ(totals->all, 1000000000320);
}

TEST_F(SqliteStatsStoreTest, EachWriteAppendsOnePackedRowPerKindOfIdentity) {
  ASSERT_TRUE(stats().BeginDay(kToday, {}).ok());
  StatsBatch batch;
  batch.day = kToday;
  batch.new_visitor_hashes = {std::numeric_limits<std::uint64_t>::max(), std::uint64_t{1} << 63,
                              0x0102030405060708ull};
  batch.new_bot_hashes = {9};
  ASSERT_TRUE(stats().Write(batch).ok());
  batch.new_visitor_hashes = {5};
  batch.new_bot_hashes.clear();
  ASSERT_TRUE(stats().Write(batch).ok());

  SQLite::Statement rows(*db_, "SELECT day, kind, hex(hashes) FROM visitor_identity_batches ORDER BY id");
  std::vector<std::string> stored;
  while (rows.executeStep()) {
    EXPECT_EQ(rows.getColumn(0).getString(), "2026-01-02");
    stored.push_back(rows.getColumn(1).getString() + ":" + rows.getColumn(2).getString());
  }
  // Little-endian 8-byte integers, whatever the machine's byte order.
  EXPECT_EQ(stored, (std::vector<std::string>{
                        "visitor:FFFFFFFFFFFFFFFF00000000000000800807060504030201",
                        "bot:0900000000000000",
                        "visitor:0500000000000000",
                    }));
}

TEST_F(SqliteStatsStoreTest, TheDaysIdentitiesComeBackFromTheLogWithBitsIntact) {
  ASSERT_TRUE(stats().BeginDay(kToday, {}).ok());
  StatsBatch batch;
  batch.day = kToday;
  batch.new_visitor_hashes = {std::numeric_limits<std::uint64_t>::max(), std::uint64_t{1} << 63};
  batch.new_bot_hashes = {7};
  ASSERT_TRUE(stats().Write(batch).ok());
  batch.new_visitor_hashes = {0};
  batch.new_bot_hashes = {};
  ASSERT_TRUE(stats().Write(batch).ok());

  auto state = stats().BeginDay(kToday, {});
  ASSERT_TRUE(state.ok()) << state.error().message;
  EXPECT_EQ(state->visitor_hashes, (std::vector<std::uint64_t>{0, std::uint64_t{1} << 63,
                                                               std::numeric_limits<std::uint64_t>::max()}));
  EXPECT_EQ(state->bot_hashes, (std::vector<std::uint64_t>{7}));

  // The next day starts empty and the old day's batches are gone.
  auto next = stats().BeginDay(kToday.NextDay(), {});
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(next->visitor_hashes.empty());
  EXPECT_EQ(Count("visitor_identity_batches"), 0);
}

TEST_F(SqliteStatsStoreTest, IdentitiesStoredBeforeTheLogAreStillReadForTheirDayAndThenDeleted) {
  // Rows in 0002's one-row-per-identity tables, as a server before migration 0003 left them.
  db_->exec(
      "INSERT INTO visitor_identities (day, hash) VALUES ('2026-01-02', -1), ('2026-01-02', 5), "
      "('2026-01-01', 6)");
  db_->exec("INSERT INTO bot_identities (day, hash) VALUES ('2026-01-02', 8)");
  ASSERT_TRUE(stats().BeginDay(kToday, {}).ok());
  StatsBatch batch;
  batch.day = kToday;
  batch.new_visitor_hashes = {42};
  ASSERT_TRUE(stats().Write(batch).ok());

  auto state = stats().BeginDay(kToday, {});
  ASSERT_TRUE(state.ok()) << state.error().message;
  EXPECT_THAT(state->visitor_hashes,
              ::testing::UnorderedElementsAre(std::numeric_limits<std::uint64_t>::max(), 5u, 42u));
  EXPECT_EQ(state->bot_hashes, (std::vector<std::uint64_t>{8}));
  EXPECT_EQ(Count("visitor_identities"), 2);  // yesterday's row went at the first BeginDay

  ASSERT_TRUE(stats().BeginDay(kToday.NextDay(), {}).ok());
  EXPECT_EQ(Count("visitor_identities"), 0);
  EXPECT_EQ(Count("bot_identities"), 0);
}

TEST_F(SqliteStatsStoreTest, SchemaRejectsAnIdentityBlobThatIsNotWholeIdentities) {
  for (const char* blob : {"zeroblob(0)", "zeroblob(7)", "'text'"}) {
    EXPECT_THROW(db_->exec(std::string("INSERT INTO visitor_identity_batches (day, kind, hashes) VALUES "
                                       "('2026-01-02', 'visitor', ") +
                           blob + ")"),
                 SQLite::Exception)
        << blob;
  }
  EXPECT_THROW(db_->exec("INSERT INTO visitor_identity_batches (day, kind, hashes) VALUES "
                         "('2026-01-02', 'robot', zeroblob(8))"),
               SQLite::Exception);
}

TEST_F(SqliteStatsStoreTest, ASaltIsStoredAsSixteenBytesAndDeletedWithItsDay) {
  VisitorSalt salt;
  for (std::size_t i = 0; i < salt.size(); ++i) salt[i] = static_cast<std::uint8_t>(0xF0 + i);
  ASSERT_TRUE(stats().BeginDay({2026, 1, 1}, salt).ok());
  SQLite::Statement row(*db_, "SELECT day, salt FROM visitor_salts");
  ASSERT_TRUE(row.executeStep());
  EXPECT_EQ(row.getColumn(0).getString(), "2026-01-01");
  ASSERT_EQ(row.getColumn(1).getBytes(), 16);
  EXPECT_EQ(std::memcmp(row.getColumn(1).getBlob(), salt.data(), salt.size()), 0);
  row.reset();

  ASSERT_TRUE(stats().BeginDay(kToday, {}).ok());
  EXPECT_EQ(db_->execAndGet("SELECT group_concat(day) FROM visitor_salts").getString(), "2026-01-02");
}

TEST_F(SqliteStatsStoreTest, AWriteThatFailsMidwayLeavesNothingBehind) {
  const std::int64_t fine = AddArticle("fine");
  const std::int64_t broken = AddArticle("broken");
  ASSERT_TRUE(stats().BeginDay(kToday, {}).ok());
  // The failure comes after the day's figures, the identities and the first article's hits were written.
  db_->exec("CREATE TRIGGER fail_on_broken BEFORE INSERT ON article_daily_hits WHEN NEW.article_id = " +
            std::to_string(broken) + " BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
  StatsBatch batch;
  batch.day = kToday;
  batch.visitors = 3;
  batch.page_views = 7;
  batch.new_visitor_hashes = {1, 2, 3};
  batch.new_bot_hashes = {4};
  batch.article_hits = {{fine, 5}, {broken, 2}};

  Status written = stats().Write(batch);
  ASSERT_FALSE(written.ok());
  EXPECT_THAT(written.error().message, HasSubstr(path().string()));
  EXPECT_EQ(Count("daily_stats"), 0);
  EXPECT_EQ(Count("visitor_identity_batches"), 0);
  EXPECT_EQ(Count("article_daily_hits"), 0);
  EXPECT_EQ(db_->execAndGet("SELECT sum(hits) FROM articles").getInt64(), 0);

  // The store is usable afterwards, and the same batch goes through once the cause is gone.
  db_->exec("DROP TRIGGER fail_on_broken");
  ASSERT_TRUE(stats().Write(batch).ok());
  EXPECT_EQ(Count("visitor_identity_batches"), 2);
  EXPECT_EQ(db_->execAndGet("SELECT sum(hits) FROM articles").getInt64(), 7);
}

TEST_F(SqliteStatsStoreTest, DeletingAnArticleDeletesItsDailyHits) {
  const std::int64_t gone = AddArticle("gone");
  const std::int64_t kept = AddArticle("kept");
  StatsBatch batch;
  batch.day = kToday;
  batch.article_hits = {{gone, 5}, {kept, 1}};
  ASSERT_TRUE(stats().Write(batch).ok());
  db_->exec("DELETE FROM articles WHERE id = " + std::to_string(gone));
  EXPECT_EQ(db_->execAndGet("SELECT group_concat(article_id) FROM article_daily_hits").getString(),
            std::to_string(kept));
}

TEST_F(SqliteStatsStoreTest, TopArticlesCoversAtMostAYear) {
  const LocalDate from{2025, 1, 1};
  EXPECT_TRUE(stats().TopArticles(from, {2025, 12, 31}, kNow, 10).ok());          // 365 days
  EXPECT_TRUE(stats().TopArticles({2024, 1, 1}, {2024, 12, 31}, kNow, 10).ok());  // 366, a leap year
  auto too_long = stats().TopArticles({2024, 1, 1}, {2025, 1, 1}, kNow, 10);
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(too_long.error().message, HasSubstr("366 days"));
}

TEST_F(SqliteStatsStoreTest, SchemaRejectsMalformedSaltsDaysAndHits) {
  const std::int64_t id = AddArticle("a");
  EXPECT_THROW(db_->exec("INSERT INTO visitor_salts (day, salt) VALUES ('2026-01-02', zeroblob(15))"),
               SQLite::Exception);
  EXPECT_THROW(db_->exec("INSERT INTO visitor_salts (day, salt) VALUES ('2026-01-02', '0123456789abcdef')"),
               SQLite::Exception);
  EXPECT_THROW(db_->exec("INSERT INTO visitor_salts (day, salt) VALUES ('2026-1-2', zeroblob(16))"),
               SQLite::Exception);
  EXPECT_NO_THROW(db_->exec("INSERT INTO visitor_salts (day, salt) VALUES ('2026-01-02', zeroblob(16))"));
  EXPECT_THROW(db_->exec("INSERT INTO article_daily_hits (day, article_id, hits) VALUES ('2026-01-02', " +
                         std::to_string(id) + ", -1)"),
               SQLite::Exception);
  EXPECT_THROW(db_->exec("INSERT INTO article_daily_hits (day, article_id, hits) VALUES ('2026-01-02', " +
                         std::to_string(id + 99) + ", 1)"),
               SQLite::Exception);
  EXPECT_NO_THROW(db_->exec("INSERT INTO article_daily_hits (day, article_id, hits) VALUES ('2026-01-02', " +
                            std::to_string(id) + ", 1)"));
}

}  // namespace
}  // namespace gazette::storage
