#include "gazette/storage/sqlite/sqlite_error.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <fmt/std.h>
#include <sqlite3.h>

namespace gazette::storage::sqlite {

Error NotAGazetteDatabase(const std::filesystem::path& db, std::string_view detail) {
  return MakeError(
      ErrorCode::kInvalid,
      fmt::format("{} is not a Gazette database ({}); restore it from a backup", db.string(), detail));
}

Error ErrorFromSqlite(const SQLite::Exception& e, const std::filesystem::path& db, std::string_view doing) {
  const std::string file = db.string();
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return NotAGazetteDatabase(db, e.what());
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return MakeError(ErrorCode::kUnavailable,
                       fmt::format("{} is busy, could not {} ({}); try again", file, doing, e.what()));
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      return MakeError(
          ErrorCode::kUnavailable,
          fmt::format("could not {} in {} ({}); check that the file and its directory exist and are "
                      "writable by this user",
                      doing, file, e.what()));
    case SQLITE_FULL:
    case SQLITE_IOERR:
      return MakeError(
          ErrorCode::kUnavailable,
          fmt::format("could not {} in {} ({}); check the disk and free space", doing, file, e.what()));
    case SQLITE_CONSTRAINT:
      return MakeError(ErrorCode::kInvalid,
                       fmt::format("could not {}: {} refused it ({})", doing, file, e.what()));
    default:
      return MakeError(ErrorCode::kInternal, fmt::format("could not {} in {} ({})", doing, file, e.what()));
  }
}

}  // namespace gazette::storage::sqlite
