#include "gazette/storage/sqlite/migrator.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

int ReadIntPragma(SQLite::Database& db, const char* sql) {
  return db.execAndGet(sql).getInt();
}

Status CheckOwnership(Connection& connection) {
  SQLite::Database& db = connection.database();
  const int application_id = ReadIntPragma(db, "PRAGMA application_id");
  if (application_id == kApplicationId) return OkStatus();
  if (application_id != 0) {
    return NotAGazetteDatabase(connection.path(),
                               fmt::format("it belongs to another application, id {:#x}", application_id));
  }
  // A fresh file has no tables; one with tables and no Gazette mark is someone else's.
  const int tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  if (tables != 0 || ReadIntPragma(db, "PRAGMA user_version") != 0) {
    return NotAGazetteDatabase(connection.path(), "it holds tables of another application");
  }
  return OkStatus();
}

}  // namespace

Result<int> Migrate(Connection& connection, std::span<const EmbeddedSql> migrations) {
  const int latest = migrations.empty() ? 0 : migrations.back().number;
  std::string doing = "read the schema version";
  try {
    if (Status owned = CheckOwnership(connection); !owned.ok()) return std::move(owned).error();
    SQLite::Database& db = connection.database();
    int version = ReadIntPragma(db, "PRAGMA user_version");
    if (version > latest) {
      return MakeError(
          ErrorCode::kInvalid,
          fmt::format("{} has schema version {}, newer than this Gazette knows ({}); run a newer "
                      "Gazette, or restore a backup made by this version",
                      connection.path().string(), version, latest));
    }
    for (const EmbeddedSql& migration : migrations) {
      if (migration.number <= version) continue;
      doing = fmt::format("apply migration {}", migration.name);
      Status applied = connection.InTransaction([&]() -> Status {
        // Another process may have migrated while this one waited for the write lock.
        if (ReadIntPragma(db, "PRAGMA user_version") >= migration.number) return OkStatus();
        db.exec(std::string(migration.sql));
        db.exec(fmt::format("PRAGMA user_version = {}", migration.number));
        db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
        return OkStatus();
      });
      if (!applied.ok()) return std::move(applied).error();
      version = migration.number;
    }
    return version;
  } catch (const SQLite::Exception& e) {
    return ErrorFromSqlite(e, connection.path(), doing);
  }
}

}  // namespace gazette::storage::sqlite
