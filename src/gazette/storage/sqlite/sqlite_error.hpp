#pragma once
/// Turns SQLite failures into Errors for people: the file, what was being done, what to do about it.
/// The raw SQLite text appears only in parentheses, as a detail for the operator.

#include <SQLiteCpp/Exception.h>

#include <filesystem>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::storage::sqlite {

/// doing: what was attempted, as a verb phrase ("read articles", "create the article 'x'").
Error ErrorFromSqlite(const SQLite::Exception& e, const std::filesystem::path& db, std::string_view doing);

/// The message for a file that is not a usable database ("... is not a Gazette database (...); restore it
/// from a backup").
Error NotAGazetteDatabase(const std::filesystem::path& db, std::string_view detail);

/// Runs body (which returns a Result) and turns an escaping SQLite::Exception into its Error.
template <typename Body>
auto Guarded(const std::filesystem::path& db, std::string_view doing, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    return ErrorFromSqlite(e, db, doing);
  }
}

}  // namespace gazette::storage::sqlite
