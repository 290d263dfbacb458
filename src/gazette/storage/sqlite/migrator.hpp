#pragma once
/// Brings a database to the schema of this binary by applying the embedded migrations it lacks, each in
/// its own transaction, recording the version in PRAGMA user_version.

#include <span>

#include "gazette/base/result.hpp"
#include "gazette/storage/embedded_sql.hpp"
#include "gazette/storage/sqlite/connection.hpp"

namespace gazette::storage::sqlite {

/// Marks a file as Gazette's (PRAGMA application_id, "GZET"), so that another program's SQLite file is
/// refused instead of being migrated.
inline constexpr int kApplicationId = 0x475A4554;

/// Returns the schema version after migrating. kInvalid when the file is not a Gazette database or has
/// a newer schema than `migrations` reach; other failures as ErrorFromSqlite. Not thread-safe per
/// connection; safe against other processes migrating the same file at the same time.
Result<int> Migrate(Connection& connection, std::span<const EmbeddedSql> migrations);

}  // namespace gazette::storage::sqlite
