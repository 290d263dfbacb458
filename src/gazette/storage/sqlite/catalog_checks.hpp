#pragma once
/// Checks and helpers shared by the parts of the SQLite catalog store: field bounds, and an INSERT or
/// UPDATE whose taken slug becomes kConflict.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gazette/base/result.hpp"
#include "gazette/storage/sqlite/connection.hpp"

namespace gazette::storage::sqlite::catalog_sql {

/// Names and descriptions are shown in navigation and headers; these bounds keep a bad import from
/// producing pages no one can read.
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxTextBytes = 10'000;
/// A photo is a path under the site's media directory.
inline constexpr std::size_t kMaxPhotoPathBytes = 500;

/// kInvalid unless slug is 1 to kMaxSlugLength bytes and name 1 to kMaxNameBytes bytes.
Status CheckSlugAndName(std::string_view what, std::string_view slug, std::string_view name);

/// Runs statement (an INSERT or UPDATE) and maps a taken slug to kConflict naming `what`. Other failures
/// throw SQLite::Exception.
Status RunSlugged(Statement& statement, std::string_view what, std::string_view slug);

}  // namespace gazette::storage::sqlite::catalog_sql
