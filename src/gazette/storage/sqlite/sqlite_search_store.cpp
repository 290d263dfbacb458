#include "gazette/storage/sqlite/sqlite_search_store.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sqlite3.h>

#include <string>

#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/fts_rank.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

// Keys of this store's statements; the block is clear of every other store's.
enum Key : std::uint64_t {
  kByRelevance = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1600,
  kByDate,
  kCount,
  kByMatchesOnly,
  kCandidateCount,
  kRankFunction,
};

/// Longest page one call may ask for (as for the article lists).
constexpr std::int64_t kMaxSearchLimit = 1000;
constexpr std::int64_t kMaxCountCap = 1'000'000;
/// Longest match expression: the parser's 1,000-byte query with its quoting and operators.
constexpr std::size_t kMaxMatchBytes = 8 * 1024;

// Parameters shared by every statement: ?1 now, ?2 match, ?3 limit (or the count's cap), ?4 offset,
// ?5 category ids (a JSON array) or NULL, ?6 tag, ?7 author, ?8 country, ?9 from, ?10 before,
// ?11 kMaxCandidates. Unset
// filters are bound as NULL, so one prepared statement serves every combination; the index drives the
// loop either way (CROSS JOIN keeps it outside), and each filter is a check on a row already in hand.
constexpr const char* kFilters =
    " AND (?5 IS NULL OR a.category_id IN (SELECT value FROM json_each(?5)))"
    " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ?6))"
    " AND (?7 IS NULL OR a.author_id = ?7)"
    " AND (?8 IS NULL OR a.country = ?8)"
    " AND (?9 IS NULL OR a.publish_at >= ?9)"
    " AND (?10 IS NULL OR a.publish_at < ?10)";

// Candidates: the newest kMaxCandidates matching articles (by id, which grows as articles are written),
// taken from the index in rowid order, so that the engine stops after that many instead of walking every
// article holding a common word. Visibility and filters are then checked on the small covering index
// articles_search_filter, never on the article rows themselves.
//
// How candidates are scored for relevance:
//   kBm25         BM25 with column weights, when every match is a candidate (the common case): bm25()
//                 reads all of each word's matches to weigh rare words up, which costs little then;
//   kMatchesOnly  gazette_rank (fts_rank.hpp) when there are more matches than candidates, since BM25
//                 would then read tens of thousands of rows per word: the same column weights and
//                 saturation, without the rarity factor (every word must match anyway).
enum class Scoring { kNone, kBm25, kMatchesOnly };

std::string Candidates(Scoring scoring) {
  const char* score = scoring == Scoring::kBm25          ? "bm25(article_search, 10.0, 4.0, 1.0)"
                      : scoring == Scoring::kMatchesOnly ? "gazette_rank(article_search, 10.0, 4.0, 1.0)"
                                                         : "0";
  return fmt::format("SELECT rowid AS id, {} AS bm25 FROM article_search WHERE article_search MATCH ?2 "
                     "ORDER BY rowid DESC LIMIT ?11",
                     score);
}

/// Matching visible articles among the candidates, as m (id, bm25) joined with a (the covering index).
std::string Matching(Scoring scoring) {
  return fmt::format("FROM ({}) AS m CROSS JOIN articles a INDEXED BY articles_search_filter ON a.id = m.id "
                     "WHERE {}{}",
                     Candidates(scoring), article_sql::kVisible, kFilters);
}

// Relevance: BM25 over title (weight 10), intro (4) and body (1) - lower is better, since FTS5's bm25()
// is negative - scaled by up to 1.3 for an article published today, fading over the years (1.15 at a
// year old, 1.03 at ten), so that among equally good matches the recent one comes first without an old
// title match ever losing to a passing mention in today's news.
constexpr const char* kRelevanceScore =
    "m.bm25 * (1.0 + 0.3 / (1.0 + max(0, ?1 - a.publish_at) / 31557600.0))";

/// The page's ids, ranked, then their rows with snippet, category and author. The snippet is made from a
/// second cursor on the index positioned on each shown row, so that it is made for the page's rows only.
std::string PageSql(Scoring scoring) {
  const bool relevance = scoring != Scoring::kNone;
  const std::string inner = fmt::format(
      "SELECT a.id AS id, {} AS score, a.publish_at AS at {} ORDER BY {} LIMIT ?3 OFFSET ?4",
      relevance ? kRelevanceScore : "0", Matching(scoring),
      relevance ? "score, a.publish_at DESC, a.id DESC" : "a.publish_at DESC, a.id DESC");
  return fmt::format(
      "SELECT {}, snippet(g.article_search, -1, char(57344), char(57345), '…', {}) "
      "FROM ({}) AS p CROSS JOIN articles a ON a.id = p.id{} "
      "CROSS JOIN article_search g ON g.rowid = p.id "
      "WHERE g.article_search MATCH ?2 ORDER BY {}",
      article_sql::kSummaryColumns, kSnippetTokens, inner, article_sql::kJoinAuthorAndCategory,
      relevance ? "p.score, p.at DESC, p.id DESC" : "p.at DESC, p.id DESC");
}

std::string CountSql() {
  return fmt::format("SELECT count(*) FROM (SELECT 1 {} LIMIT ?3)", Matching(Scoring::kNone));
}

/// More than kMaxCandidates matches, visible or not? Reads at most one more than that from the index.
constexpr const char* kCandidateCountSql =
    "SELECT count(*) FROM (SELECT rowid FROM article_search WHERE article_search MATCH ?1 "
    "ORDER BY rowid DESC LIMIT ?2)";

Status CheckRequest(std::string_view match, const SearchFilter& filter) {
  if (match.empty() || match.size() > kMaxMatchBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a search expression must be 1 to {} bytes long", kMaxMatchBytes));
  }
  if (filter.category_ids.size() > kMaxSearchCategories) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a search can be limited to at most {} categories", kMaxSearchCategories));
  }
  return OkStatus();
}

/// Binds ?1, ?2 and the filters ?5..?10. json keeps the category list alive while the statement runs.
void BindCommon(Statement& s, std::string_view match, const SearchFilter& filter, Timestamp now,
                std::string& json) {
  s.BindInt(1, ToUnix(now));
  s.BindText(2, match);
  s.BindInt(11, kMaxCandidates);
  if (filter.category_ids.empty()) {
    s.BindNull(5);
  } else {
    json = fmt::format("[{}]", fmt::join(filter.category_ids, ","));
    s.BindText(5, json);
  }
  s.BindOptionalInt(6, filter.tag_id);
  s.BindOptionalInt(7, filter.author_id);
  if (filter.country) {
    s.BindText(8, *filter.country);
  } else {
    s.BindNull(8);
  }
  s.BindOptionalInt(9, filter.published_from ? std::optional(ToUnix(*filter.published_from)) : std::nullopt);
  s.BindOptionalInt(10,
                    filter.published_before ? std::optional(ToUnix(*filter.published_before)) : std::nullopt);
}

/// The engine refuses a malformed expression with a plain SQLITE_ERROR ("fts5: syntax error near ...",
/// "no such column: x" for "x:word"): the caller's input, not a failure of the database. Busy, I/O and
/// corruption errors have codes of their own and go the usual way.
template <typename T>
Result<T> RefusedOrRethrow(const SQLite::Exception& e) {
  if (e.getErrorCode() != SQLITE_ERROR) throw;  // NOLINT: rethrows the caught e
  return MakeError(ErrorCode::kInvalid, "the search could not be understood; try other words");
}

/// BM25 when every match is a candidate, else gazette_rank (registered on this connection first).
Scoring ScoringFor(Connection& connection, std::string_view match) {
  ScopedUse probe(connection.Cached(kCandidateCount, [] { return std::string(kCandidateCountSql); }));
  probe->BindText(1, match);
  probe->BindInt(2, kMaxCandidates + 1);
  const std::int64_t matches = probe->Step() ? probe->Int(0) : 0;
  if (matches <= kMaxCandidates) return Scoring::kBm25;
  // Built once per connection: registering the function is the price of caching this statement.
  connection.Cached(kRankFunction, [&connection] {
    RegisterFtsRank(connection.database().getHandle());
    return std::string("SELECT 1");
  });
  return Scoring::kMatchesOnly;
}

}  // namespace

Result<std::vector<SearchHit>> SqliteSearchStore::Search(std::string_view match, const SearchFilter& filter,
                                                         SearchOrder order, Timestamp now,
                                                         std::int64_t offset, std::int64_t limit) {
  if (Status ok = CheckRequest(match, filter); !ok.ok()) return std::move(ok).error();
  if (offset < 0 || limit < 0 || limit > kMaxSearchLimit) {
    return MakeError(ErrorCode::kInvalid, fmt::format("a search page holds 0 to {} rows", kMaxSearchLimit));
  }
  return Guarded(pool_.path(), "search the articles", [&]() -> Result<std::vector<SearchHit>> {
    Connection& connection = pool_.ForThisThread();
    Scoring scoring = Scoring::kNone;
    try {
      if (order == SearchOrder::kRelevance) scoring = ScoringFor(connection, match);
    } catch (const SQLite::Exception& e) {
      return RefusedOrRethrow<std::vector<SearchHit>>(e);
    }
    const Key key = scoring == Scoring::kBm25 ? kByRelevance : scoring == Scoring::kMatchesOnly ? kByMatchesOnly : kByDate;
    ScopedUse s(connection.Cached(key, [scoring] { return PageSql(scoring); }));
    std::string json;
    BindCommon(*s, match, filter, now, json);
    s->BindInt(3, limit);
    s->BindInt(4, offset);
    std::vector<SearchHit> hits;
    try {
      while (s->Step()) {
        SearchHit hit;
        article_sql::ReadSummary(*s, hit.article);
        s->ReadInto(article_sql::kSummaryColumnCount, hit.snippet);
        hits.push_back(std::move(hit));
      }
    } catch (const SQLite::Exception& e) {
      return RefusedOrRethrow<std::vector<SearchHit>>(e);
    }
    return hits;
  });
}

Result<std::int64_t> SqliteSearchStore::Count(std::string_view match, const SearchFilter& filter, Timestamp now,
                                              std::int64_t cap) {
  if (Status ok = CheckRequest(match, filter); !ok.ok()) return std::move(ok).error();
  if (cap < 1 || cap > kMaxCountCap) {
    return MakeError(ErrorCode::kInvalid, fmt::format("a count stops at 1 to {} rows", kMaxCountCap));
  }
  return Guarded(pool_.path(), "count the search results", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kCount, [] { return CountSql(); }));
    std::string json;
    BindCommon(*s, match, filter, now, json);
    s->BindInt(3, cap);
    try {
      return s->Step() ? s->Int(0) : 0;
    } catch (const SQLite::Exception& e) {
      return RefusedOrRethrow<std::int64_t>(e);
    }
  });
}

}  // namespace gazette::storage::sqlite
