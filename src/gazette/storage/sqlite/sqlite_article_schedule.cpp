// The dashboard's side of SqliteArticleStore: articles waiting for their publication time.
#include <fmt/format.h>

#include "gazette/storage/sqlite/article_queries.hpp"
#include "gazette/storage/sqlite/sqlite_article_store.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

enum Key : std::uint64_t {
  kUpcoming = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1300,
  kUpcomingOfAuthor,
};

/// The ids come from the articles_visible index (publish_at first), so the past is never read.
std::string UpcomingSql(bool of_author) {
  return fmt::format(
      "SELECT {} FROM (SELECT a.id AS id FROM articles a WHERE a.publish_at > ?1 "
      "AND a.state IN ('scheduled', 'published'){} ORDER BY a.publish_at, a.id LIMIT ?2) AS p "
      "CROSS JOIN articles a ON a.id = p.id{} ORDER BY a.publish_at, a.id",
      article_sql::kEditorRowColumns, of_author ? " AND a.author_id = ?3" : "",
      article_sql::kJoinAuthorAndCategory);
}

}  // namespace

Result<std::vector<EditorArticleRow>> SqliteArticleStore::ListUpcoming(Timestamp now,
                                                                       std::optional<std::int64_t> author_id,
                                                                       std::int64_t limit) {
  if (limit < 0 || limit > kMaxListLimit) {
    return MakeError(ErrorCode::kInvalid, fmt::format("a list holds 0 to {} articles", kMaxListLimit));
  }
  return Guarded(pool_.path(), "read the scheduled articles", [&]() -> Result<std::vector<EditorArticleRow>> {
    Connection& connection = pool_.ForThisThread();
    const bool of_author = author_id.has_value();
    ScopedUse s(connection.Cached(of_author ? kUpcomingOfAuthor : kUpcoming,
                                  [of_author] { return UpcomingSql(of_author); }));
    s->BindInt(1, ToUnix(now));
    s->BindInt(2, limit);
    if (author_id) s->BindInt(3, *author_id);
    std::vector<EditorArticleRow> rows;
    while (s->Step()) {
      Result<EditorArticleRow> row = article_sql::ReadEditorRow(*s);
      if (!row.ok()) return std::move(row).error();
      rows.push_back(std::move(row).value());
    }
    return rows;
  });
}

}  // namespace gazette::storage::sqlite
