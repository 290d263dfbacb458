#include "gazette/storage/sqlite/catalog_checks.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "gazette/domain/slug.hpp"

namespace gazette::storage::sqlite::catalog_sql {

Status CheckSlugAndName(std::string_view what, std::string_view slug, std::string_view name) {
  if (slug.empty() || slug.size() > domain::kMaxSlugLength) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("the {} slug must be 1 to {} bytes long", what, domain::kMaxSlugLength));
  }
  if (name.empty() || name.size() > kMaxNameBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("the {} name must be 1 to {} bytes long", what, kMaxNameBytes));
  }
  return OkStatus();
}

Status RunSlugged(Statement& statement, std::string_view what, std::string_view slug) {
  try {
    statement.Run();
  } catch (const SQLite::Exception& e) {
    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) {
      return MakeError(
          ErrorCode::kConflict,
          fmt::format("a {} with the slug '{}' already exists; choose another slug", what, slug));
    }
    throw;
  }
  return OkStatus();
}

}  // namespace gazette::storage::sqlite::catalog_sql
