#include "gazette/storage/sqlite/connection.hpp"

#include <SQLiteCpp/Exception.h>

#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {
int OpenFlags(bool create) {
  // NOMUTEX: a connection is only ever used by the thread that owns it.
  return SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX | (create ? SQLite::OPEN_CREATE : 0);
}
}  // namespace

Connection::Connection(const std::filesystem::path& path, bool create)
    : path_(path), db_(path.string(), OpenFlags(create), kBusyTimeoutMs) {
  db_.exec("PRAGMA foreign_keys = ON");
  // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the last commits.
  db_.exec("PRAGMA synchronous = NORMAL");
  // Reads come straight from the OS page cache instead of being copied into each connection's small page
  // cache: a 100,000-article database is ~500 MB, far beyond the default 2 MB cache. Address space only.
  db_.exec("PRAGMA mmap_size = 4294967296");
}

void Connection::Execute(StatementKey key, const char* sql) {
  Statement& statement = Cached(key, sql);
  ScopedUse use(statement);
  statement.Run();
}

void Connection::RollBack(bool outer) noexcept {
  try {
    if (outer) {
      Execute(StatementKey::kRollback, "ROLLBACK");
    } else {
      Execute(StatementKey::kRollbackToSavepoint, "ROLLBACK TO nested");
      Execute(StatementKey::kReleaseSavepoint, "RELEASE nested");
    }
  } catch (const SQLite::Exception&) {
    // SQLite may already have rolled back by itself (after SQLITE_FULL, for one); nothing is left to undo.
  }
}

Status Connection::InTransaction(const std::function<Status()>& work) {
  const bool outer = depth_ == 0;
  try {
    if (outer) {
      Execute(StatementKey::kBegin, "BEGIN IMMEDIATE");
    } else {
      // One name is enough: ROLLBACK TO and RELEASE act on the innermost savepoint of that name.
      Execute(StatementKey::kSavepoint, "SAVEPOINT nested");
    }
  } catch (const SQLite::Exception& e) {
    return ErrorFromSqlite(e, path_, "start a transaction");
  }

  ++depth_;
  Status status = OkStatus();
  try {
    status = work();
  } catch (...) {
    --depth_;
    RollBack(outer);
    throw;
  }
  --depth_;

  if (!status.ok()) {
    RollBack(outer);
    return status;
  }
  try {
    Execute(outer ? StatementKey::kCommit : StatementKey::kReleaseSavepoint,
            outer ? "COMMIT" : "RELEASE nested");
  } catch (const SQLite::Exception& e) {
    RollBack(outer);
    return ErrorFromSqlite(e, path_, "commit a transaction");
  }
  return status;
}

}  // namespace gazette::storage::sqlite
