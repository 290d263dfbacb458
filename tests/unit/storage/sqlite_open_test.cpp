// Opening SQLite files: migrations, reopening, and every kind of file that is not a usable database.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "gazette/storage/embedded_sql.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::storage {
namespace {

using ::testing::HasSubstr;

int LatestMigration() {
  return sqlite::SqliteMigrations().back().number;
}

TEST(SqliteMigrations, AreNumberedFromOneWithoutGaps) {
  const auto migrations = sqlite::SqliteMigrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].number, static_cast<int>(i + 1));
    EXPECT_FALSE(migrations[i].sql.empty());
  }
  EXPECT_EQ(migrations[0].name, "0001_initial");
}

TEST(SqliteOpen, CreatesAndMigratesAnEmptyDatabase) {
  gazette::testing::TempDir dir;
  auto storage = OpenSqliteStorage(dir / "gazette.db", SqliteOpenMode::kCreate);
  ASSERT_TRUE(storage.ok()) << storage.error().message;
  EXPECT_EQ((*storage)->SchemaVersion(), LatestMigration());

  SQLite::Database db((dir / "gazette.db").string());
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), LatestMigration());
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  for (const char* table :
       {"authors", "categories", "tags", "articles", "article_tags", "daily_stats", "visitor_salts",
        "visitor_identities", "bot_identities", "article_daily_hits", "visitor_identity_batches", "users",
        "sessions", "login_failures", "audit_log", "account_keys", "article_revisions"}) {
    EXPECT_TRUE(db.tableExists(table)) << table;
  }
  EXPECT_TRUE(db.tableExists("comments"));
}

TEST(SqliteOpen, ReopeningKeepsDataAndVersion) {
  gazette::testing::TempDir dir;
  {
    auto storage = OpenSqliteStorage(dir / "gazette.db", SqliteOpenMode::kCreate);
    ASSERT_TRUE(storage.ok());
    ASSERT_TRUE((*storage)->catalog().CreateTag({0, "kept", "Kept"}).ok());
  }
  auto again = OpenSqliteStorage(dir / "gazette.db", SqliteOpenMode::kExisting);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ((*again)->SchemaVersion(), LatestMigration());
  EXPECT_TRUE((*again)->catalog().FindTagBySlug("kept").ok());
}

TEST(SqliteOpen, MissingFileIsNotFoundWhenItMustExist) {
  gazette::testing::TempDir dir;
  auto storage = OpenSqliteStorage(dir / "nope.db", SqliteOpenMode::kExisting);
  ASSERT_FALSE(storage.ok());
  EXPECT_EQ(storage.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(storage.error().message, HasSubstr((dir / "nope.db").string()));
  EXPECT_FALSE(std::filesystem::exists(dir / "nope.db"));
}

TEST(SqliteOpen, MissingDirectoryIsUnavailable) {
  gazette::testing::TempDir dir;
  auto storage = OpenSqliteStorage(dir / "no-such-dir" / "gazette.db", SqliteOpenMode::kCreate);
  ASSERT_FALSE(storage.ok());
  EXPECT_EQ(storage.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(storage.error().message, HasSubstr("no-such-dir"));
}

TEST(SqliteOpen, RandomBytesAreInvalidWithAMessageNamingTheFile) {
  gazette::testing::TempDir dir;
  const auto path = dir / "gazette.db";
  {
    std::ofstream out(path, std::ios::binary);
    std::uint32_t x = 12345;
    for (int i = 0; i < 64 * 1024; ++i) {
      x = x * 1664525U + 1013904223U;
      out.put(static_cast<char>(x >> 24));
    }
  }
  auto storage = OpenSqliteStorage(path, SqliteOpenMode::kExisting);
  ASSERT_FALSE(storage.ok());
  EXPECT_EQ(storage.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(storage.error().message, HasSubstr(path.string() + " is not a Gazette database"));
  EXPECT_THAT(storage.error().message, HasSubstr("restore it from a backup"));
}

TEST(SqliteOpen, AnotherApplicationsDatabaseIsInvalid) {
  gazette::testing::TempDir dir;
  const auto path = dir / "other.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE things (id INTEGER PRIMARY KEY)");
  }
  auto storage = OpenSqliteStorage(path, SqliteOpenMode::kExisting);
  ASSERT_FALSE(storage.ok());
  EXPECT_EQ(storage.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(storage.error().message, HasSubstr("not a Gazette database"));
}

TEST(SqliteOpen, DirectoryInsteadOfFileIsInvalid) {
  gazette::testing::TempDir dir;
  auto storage = OpenSqliteStorage(dir.path(), SqliteOpenMode::kExisting);
  ASSERT_FALSE(storage.ok());
  EXPECT_EQ(storage.error().code, ErrorCode::kInvalid);
}

TEST(SqliteOpen, NewerSchemaThanThisBinaryIsInvalid) {
  gazette::testing::TempDir dir;
  const auto path = dir / "gazette.db";
  ASSERT_TRUE(OpenSqliteStorage(path, SqliteOpenMode::kCreate).ok());
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 999");
  }
  auto storage = OpenSqliteStorage(path, SqliteOpenMode::kExisting);
  ASSERT_FALSE(storage.ok());
  EXPECT_EQ(storage.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(storage.error().message, HasSubstr("schema version 999"));
  EXPECT_THAT(storage.error().message, HasSubstr(path.string()));
}

TEST(SqliteOpen, SchemaRejectsRowsThatBreakTheContentModel) {
  gazette::testing::TempDir dir;
  const auto path = dir / "gazette.db";
  ASSERT_TRUE(OpenSqliteStorage(path, SqliteOpenMode::kCreate).ok());
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("INSERT INTO categories (slug, name) VALUES ('c', 'C')");
  db.exec("INSERT INTO authors (slug, name) VALUES ('a', 'A')");
  const char* insert =
      "INSERT INTO articles (title, slug, country, category_id, author_id, state, created_at, updated_at) "
      "VALUES ('T', '{slug}', '{country}', {category}, 1, '{state}', 0, 0)";
  auto row = [&](const std::string& slug, const std::string& country, const std::string& category,
                 const std::string& state) {
    std::string sql = insert;
    for (auto [key, value] : {std::pair<std::string, std::string>{"{slug}", slug},
                              {"{country}", country},
                              {"{category}", category},
                              {"{state}", state}}) {
      sql.replace(sql.find(key), key.size(), value);
    }
    return sql;
  };
  EXPECT_NO_THROW(db.exec(row("ok", "GB", "1", "published")));
  EXPECT_NO_THROW(db.exec(row("no-country", "", "1", "draft")));
  EXPECT_THROW(db.exec(row("lower", "gb", "1", "draft")), SQLite::Exception);
  EXPECT_THROW(db.exec(row("three", "GBR", "1", "draft")), SQLite::Exception);
  EXPECT_THROW(db.exec(row("state", "GB", "1", "deleted")), SQLite::Exception);
  EXPECT_THROW(db.exec(row("category", "GB", "7", "draft")), SQLite::Exception);
  EXPECT_THROW(db.exec(row("ok", "GB", "1", "draft")), SQLite::Exception);
}

}  // namespace
}  // namespace gazette::storage
