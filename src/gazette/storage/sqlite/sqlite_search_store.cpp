#include "gazette/storage/sqlite/sqlite_search_store.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sqlite3.h>

#include <string>

#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

// Keys of this store's statements; the block is clear of every other store's.
enum Key : std::uint64_t {
  kByRelevance = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1600,
  kByDate,
  kCount,
};

/// Longest page one call may ask for (as for the article lists).
constexpr std::int64_t kMaxSearchLimit = 1000;
constexpr std::int64_t kMaxCountCap = 1'000'000;
/// Longest match expression: the parser's 1,000-byte query with its quoting and operators.
constexpr std::size_t kMaxMatchBytes = 8 * 1024;

// Parameters shared by every statement: ?1 now, ?2 match, ?3 limit (or the count's cap), ?4 offset,
// ?5 category ids (a JSON array) or NULL, ?6 tag, ?7 author, ?8 country, ?9 from, ?10 before. Unset
// filters are bound as NULL, so one prepared statement serves every combination; the index drives the
// loop either way (CROSS JOIN keeps it outside), and each filter is a check on a row already in hand.
constexpr const char* kFilters =
    " AND (?5 IS NULL OR a.category_id IN (SELECT value FROM json_each(?5)))"
    " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ?6))"
    " AND (?7 IS NULL OR a.author_id = ?7)"
    " AND (?8 IS NULL OR a.country = ?8)"
    " AND (?9 IS NULL OR a.publish_at >= ?9)"
    " AND (?10 IS NULL OR a.publish_at < ?10)";

/// Matching visible articles: the index first, then the article row by its key.
std::string Matching() {
  return fmt::format("FROM article_search f CROSS JOIN articles a ON a.id = f.rowid "
                     "WHERE f.article_search MATCH ?2 AND {}{}",
                     article_sql::kVisible, kFilters);
}

// Relevance: BM25 over title (weight 10), intro (4) and body (1) - lower is better, since FTS5's bm25()
// is negative - scaled by up to 1.3 for an article published today, fading over the years (1.15 at a
// year old, 1.03 at ten), so that among equally good matches the recent one comes first without an old
// title match ever losing to a passing mention in today's news.
constexpr const char* kRelevanceScore =
    "bm25(f.article_search, 10.0, 4.0, 1.0) * "
    "(1.0 + 0.3 / (1.0 + max(0, ?1 - a.publish_at) / 31557600.0))";

/// The page's ids, ranked, then their rows with snippet, category and author. The snippet is made from a
/// second cursor on the index positioned on each shown row, so that it is made for the page's rows only.
std::string PageSql(SearchOrder order) {
  const bool relevance = order == SearchOrder::kRelevance;
  const std::string inner = fmt::format(
      "SELECT f.rowid AS id, {} AS score, a.publish_at AS at {} ORDER BY {} LIMIT ?3 OFFSET ?4",
      relevance ? kRelevanceScore : "0", Matching(),
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
  return fmt::format("SELECT count(*) FROM (SELECT 1 {} LIMIT ?3)", Matching());
}

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
    const bool relevance = order == SearchOrder::kRelevance;
    ScopedUse s(connection.Cached(relevance ? kByRelevance : kByDate, [order] { return PageSql(order); }));
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
