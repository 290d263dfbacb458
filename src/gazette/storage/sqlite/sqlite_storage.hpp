#pragma once
/// The SQLite backend of storage::Storage: WAL, foreign keys, migrations embedded in the binary,
/// prepared statements cached per connection, one connection per thread.

#include <filesystem>
#include <memory>

#include "gazette/base/result.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::storage {

enum class SqliteOpenMode {
  kCreate,    ///< create the file if missing, then migrate
  kExisting,  ///< the file must exist (kNotFound otherwise); migrate it to the current schema
};

/// Opens (and migrates) the database at path. Errors, with messages naming the file:
/// kNotFound (missing, kExisting), kInvalid (not a database, corrupt, or newer schema than this binary),
/// kUnavailable (cannot open or lock).
Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::filesystem::path& path, SqliteOpenMode mode);

}  // namespace gazette::storage
