#include "gazette/storage/sqlite/sqlite_storage.hpp"

#include <fmt/format.h>

#include <sqlite3.h>

#include <mutex>
#include <system_error>

#include "gazette/storage/embedded_sql.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"
#include "gazette/storage/sqlite/migrator.hpp"
#include "gazette/storage/sqlite/sqlite_account_store.hpp"
#include "gazette/storage/sqlite/sqlite_article_store.hpp"
#include "gazette/storage/sqlite/sqlite_catalog_store.hpp"
#include "gazette/storage/sqlite/sqlite_comment_store.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"
#include "gazette/storage/sqlite/sqlite_media_store.hpp"
#include "gazette/storage/sqlite/sqlite_panel_store.hpp"
#include "gazette/storage/sqlite/sqlite_search_store.hpp"
#include "gazette/storage/sqlite/sqlite_settings_store.hpp"
#include "gazette/storage/sqlite/sqlite_stats_store.hpp"

namespace gazette::storage {

namespace {

using sqlite::Connection;
using sqlite::ConnectionPool;
using sqlite::ScopedUse;

/// Statement keys of the storage itself, after the stores' ranges (kFirstStoreKey + 0..1899).
constexpr std::uint64_t kContentVersionKey = static_cast<std::uint64_t>(sqlite::StatementKey::kFirstStoreKey) + 1900;

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(std::filesystem::path path, int schema_version)
      : pool_(std::move(path)),
        schema_version_(schema_version),
        articles_(pool_),
        catalog_(pool_),
        stats_(pool_),
        accounts_(pool_),
        media_(pool_),
        settings_(pool_),
        comments_(pool_),
        panels_(pool_),
        search_(pool_) {}

  ConnectionPool& pool() { return pool_; }

  ArticleStore& articles() override { return articles_; }
  CatalogStore& catalog() override { return catalog_; }
  StatsStore& stats() override { return stats_; }
  AccountStore& accounts() override { return accounts_; }
  MediaStore& media() override { return media_; }
  SettingsStore& settings() override { return settings_; }
  CommentStore& comments() override { return comments_; }
  PanelStore& panels() override { return panels_; }
  SearchStore& search() override { return search_; }
  int SchemaVersion() override { return schema_version_; }

  Result<std::int64_t> ContentVersion() override {
    return sqlite::Guarded(pool_.path(), "read the content version", [&]() -> Result<std::int64_t> {
      Connection& connection = pool_.ForThisThread();
      // Nothing committed since this connection last read the row means the row is unchanged: a memory
      // load instead of a read transaction on every request. The counter is taken before the read, so a
      // commit landing in between is seen by the next call.
      Connection::ContentVersionMemo& memo = connection.content_version_memo();
      const std::optional<std::uint32_t> change = connection.wal_changes().Current();
      if (change && memo.valid && *change == memo.wal_change) return memo.version;
      ScopedUse s(connection.Cached(
          kContentVersionKey, [] { return std::string("SELECT version FROM content_version WHERE id = 1"); }));
      if (!s->Step()) return MakeError(ErrorCode::kInternal, "the content version row is missing");
      const std::int64_t version = s->Int(0);
      if (change) memo = {true, *change, version};
      return version;
    });
  }

  Status InTransaction(const std::function<Status()>& work) override {
    return sqlite::Guarded(pool_.path(), "start a transaction",
                           [&] { return pool_.ForThisThread().InTransaction(work); });
  }

 private:
  ConnectionPool pool_;
  int schema_version_;
  sqlite::SqliteArticleStore articles_;
  sqlite::SqliteCatalogStore catalog_;
  sqlite::SqliteStatsStore stats_;
  sqlite::SqliteAccountStore accounts_;
  sqlite::SqliteMediaStore media_;
  sqlite::SqliteSettingsStore settings_;
  sqlite::SqliteCommentStore comments_;
  sqlite::SqlitePanelStore panels_;
  sqlite::SqliteSearchStore search_;
};

Status CheckPath(const std::filesystem::path& path, SqliteOpenMode mode) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    if (mode == SqliteOpenMode::kExisting) {
      return MakeError(
          ErrorCode::kNotFound,
          fmt::format("{} does not exist; check the site directory, or create a site there first",
                      path.string()));
    }
    const std::filesystem::path parent = path.parent_path().empty() ? "." : path.parent_path();
    if (!std::filesystem::is_directory(parent, ec)) {
      return MakeError(
          ErrorCode::kUnavailable,
          fmt::format("cannot create {}: the directory {} does not exist", path.string(), parent.string()));
    }
    return OkStatus();
  }
  if (ec) {
    return MakeError(ErrorCode::kUnavailable,
                     fmt::format("cannot read {} ({})", path.string(), ec.message()));
  }
  if (status.type() != std::filesystem::file_type::regular) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("{} is not a Gazette database (it is not a regular file); point to the "
                                 "gazette.db file of a site",
                                 path.string()));
  }
  return OkStatus();
}

}  // namespace

namespace {

/// Process-wide SQLite settings, applied once before the first connection (sqlite3_config refuses them
/// afterwards). Memory statistics off: with them on (Debian's default), every SQLite allocation takes one
/// process-wide mutex, which the server's threads then contend for on every query.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::filesystem::path& path, SqliteOpenMode mode) {
  ConfigureSqliteOnce();
  if (Status ok = CheckPath(path, mode); !ok.ok()) return std::move(ok).error();
  return sqlite::Guarded(path, "open the database", [&]() -> Result<std::unique_ptr<Storage>> {
    auto first = std::make_unique<Connection>(path, mode == SqliteOpenMode::kCreate);
    // WAL lets readers on every thread go on while one writer commits; the mode is stored in the file.
    // This is also the first read of the file, so a file that is not a database fails here.
    // 16 KiB pages hold a whole article (about 5 KB of Markdown and HTML) without overflow pages, and
    // quarter the number of page writes; it only takes effect on a new, empty file.
    first->database().exec("PRAGMA page_size = 16384");
    first->database().exec("PRAGMA journal_mode = WAL");
    Result<int> version = sqlite::Migrate(*first, sqlite::SqliteMigrations());
    if (!version.ok()) return std::move(version).error();
    auto storage = std::make_unique<SqliteStorage>(path, *version);
    storage->pool().Adopt(std::move(first));
    return std::unique_ptr<Storage>(std::move(storage));
  });
}

}  // namespace gazette::storage
