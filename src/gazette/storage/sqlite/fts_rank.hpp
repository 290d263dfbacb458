#pragma once
/// gazette_rank(): an FTS5 ranking function for searches whose words are in so many articles that BM25
/// is too slow. BM25 weighs each word by how rare it is, and learns that by reading every article that
/// holds it; this function scores the rows it is given from their own matches only: column-weighted,
/// saturating term counts (the shape of BM25 without its rarity factor).

struct sqlite3;

namespace gazette::storage::sqlite {

/// Name of the function in SQL: gazette_rank(fts_table, title_weight, intro_weight, body_weight, ...),
/// one weight per column (missing ones count 1). Like bm25(), lower is better (scores are negative).
inline constexpr const char* kFtsRankFunction = "gazette_rank";

/// Registers gazette_rank on db's FTS5 module. Throws SQLite::Exception when FTS5 is missing or refuses it.
void RegisterFtsRank(sqlite3* db);

}  // namespace gazette::storage::sqlite
