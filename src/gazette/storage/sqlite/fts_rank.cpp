#include "gazette/storage/sqlite/fts_rank.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <array>

namespace gazette::storage::sqlite {
namespace {

/// BM25's k1: how fast repeated matches stop adding to a column's score.
constexpr double kSaturation = 1.2;
constexpr int kMaxColumns = 16;

void Rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc, sqlite3_value** argv) {
  int instances = 0;
  if (api->xInstCount(fts, &instances) != SQLITE_OK) {
    sqlite3_result_error(result, "gazette_rank: cannot read the matches", -1);
    return;
  }
  std::array<int, kMaxColumns> hits{};
  for (int i = 0; i < instances; ++i) {
    int phrase = 0;
    int column = 0;
    int offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && column >= 0 && column < kMaxColumns) {
      ++hits[static_cast<std::size_t>(column)];
    }
  }
  double score = 0;
  const int columns = api->xColumnCount(fts);
  for (int column = 0; column < columns && column < kMaxColumns; ++column) {
    const int count = hits[static_cast<std::size_t>(column)];
    if (count == 0) continue;
    const double weight = column < argc ? sqlite3_value_double(argv[column]) : 1.0;
    score += weight * count * (kSaturation + 1) / (count + kSaturation);
  }
  sqlite3_result_double(result, -score);
}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK) {
    throw SQLite::Exception(db, sqlite3_errcode(db));
  }
  sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(statement);
  sqlite3_finalize(statement);
  return api;
}

}  // namespace

void RegisterFtsRank(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr || api->iVersion < 2) throw SQLite::Exception("this SQLite has no usable FTS5 module");
  if (api->xCreateFunction(api, kFtsRankFunction, nullptr, &Rank, nullptr) != SQLITE_OK) {
    throw SQLite::Exception("FTS5 refused the gazette_rank function");
  }
}

}  // namespace gazette::storage::sqlite
