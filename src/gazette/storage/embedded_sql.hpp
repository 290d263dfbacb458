#pragma once
/// SQL files embedded in the binary at build time (cmake/GazetteEmbed.cmake), so that migrations never
/// depend on files beside the executable.

#include <span>
#include <string_view>

namespace gazette::storage {

struct EmbeddedSql {
  int number = 0;         ///< NNNN of NNNN_name.sql; the files are numbered 1, 2, 3 ... without gaps
  std::string_view name;  ///< "0001_initial"
  std::string_view sql;   ///< the whole file
};

namespace sqlite {
/// The SQLite migrations, in ascending number order.
std::span<const EmbeddedSql> SqliteMigrations();
}  // namespace sqlite

}  // namespace gazette::storage
