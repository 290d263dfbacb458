#pragma once
/// Connection: one SQLite connection with its prepared statements and its transaction depth. Each thread
/// has its own (see ConnectionPool), so nothing here is locked.

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "gazette/base/result.hpp"
#include "gazette/storage/sqlite/statement.hpp"
#include "gazette/storage/sqlite/wal_change_counter.hpp"

namespace gazette::storage::sqlite {

/// Keys of statements whose SQL never changes. Statements built from a shape (filters) use keys from
/// kFirstDynamicKey up, computed by their store.
enum class StatementKey : std::uint64_t {
  kBegin = 1,
  kCommit,
  kRollback,
  kSavepoint,
  kReleaseSavepoint,
  kRollbackToSavepoint,
  kFirstStoreKey = 100,
};
inline constexpr std::uint64_t kFirstDynamicKey = std::uint64_t{1} << 32;

/// Used by one thread at a time. Constructors and statements throw SQLite::Exception; InTransaction
/// turns them into Errors.
class Connection {
 public:
  /// Opens path with busy_timeout, foreign keys on and synchronous=NORMAL. create: make the file if absent.
  Connection(const std::filesystem::path& path, bool create);

  SQLite::Database& database() { return db_; }
  const std::filesystem::path& path() const { return path_; }

  /// The statement cached under key, prepared from build() the first time it is asked for.
  template <typename BuildSql>
  Statement& Cached(std::uint64_t key, BuildSql&& build) {
    auto it = statements_.find(key);
    if (it == statements_.end()) {
      const std::string sql = build();
      it = statements_.emplace(key, std::make_unique<Statement>(db_.getHandle(), sql)).first;
    }
    return *it->second;
  }
  Statement& Cached(StatementKey key, const char* sql) {
    return Cached(static_cast<std::uint64_t>(key), [sql] { return std::string(sql); });
  }

  /// Runs work in a transaction (BEGIN IMMEDIATE, so that a writer never fails half-way on a lock
  /// upgrade), or in a savepoint when one is already open on this connection. Commits when work returns
  /// ok; rolls back on an error or an exception (rethrown).
  Status InTransaction(const std::function<Status()>& work);
  bool in_transaction() const { return depth_ > 0; }

  /// The content version this connection last read, with the WAL change counter seen just before.
  struct ContentVersionMemo {
    bool valid = false;
    std::uint32_t wal_change = 0;
    std::int64_t version = 0;
  };
  ContentVersionMemo& content_version_memo() { return content_version_memo_; }
  WalChangeCounter& wal_changes() { return wal_changes_; }

 private:
  void Execute(StatementKey key, const char* sql);
  void RollBack(bool outer) noexcept;

  std::filesystem::path path_;
  SQLite::Database db_;
  std::unordered_map<std::uint64_t, std::unique_ptr<Statement>> statements_;
  int depth_ = 0;
  WalChangeCounter wal_changes_{db_.getHandle()};
  ContentVersionMemo content_version_memo_;
};

/// Busy readers and writers wait this long for a lock before reporting kUnavailable: long enough to ride
/// out a checkpoint or a batch of writes, short enough for a request to fail visibly.
inline constexpr int kBusyTimeoutMs = 5000;

}  // namespace gazette::storage::sqlite
