#pragma once
/// The SQL of the article store, in one place: the visibility rule (the same as domain::IsVisible), the
/// column lists the row readers depend on, and the list query built for each filter shape.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <cstdint>
#include <string>

#include "gazette/base/result.hpp"
#include "gazette/storage/article_store.hpp"
#include "gazette/storage/sqlite/statement.hpp"

namespace gazette::storage::sqlite::article_sql {

/// Parameter ?1 is always `now`. Keep in step with domain::IsVisible.
inline constexpr const char* kVisible =
    "a.state IN ('scheduled', 'published') AND a.publish_at <= ?1 "
    "AND (a.unpublish_at IS NULL OR a.unpublish_at > ?1)";

/// Columns read by ReadSummary, from `articles a` joined with `categories c` and `authors u`.
inline constexpr const char* kSummaryColumns =
    "a.id, a.title, a.slug, a.country, a.intro_html, a.publish_at, a.updated_at, a.featured, a.hits, "
    "c.id, c.slug, c.name, u.id, u.slug, u.name, u.role, u.organisation";
inline constexpr int kSummaryColumnCount = 17;

/// Reads the kSummaryColumns of the current row, which start at column `first`.
void ReadSummary(const Statement& s, domain::ArticleSummary& out, int first = 0);

/// Columns read by ReadArticle, from `articles a`.
inline constexpr const char* kArticleColumns =
    "a.id, a.title, a.slug, a.country, a.category_id, a.author_id, a.intro_markdown, a.intro_html, "
    "a.body_markdown, a.body_html, a.state, a.publish_at, a.unpublish_at, a.featured, a.featured_order, "
    "a.created_at, a.updated_at, a.hits, a.version, a.comments_open, a.review_requested";
inline constexpr int kArticleColumnCount = 21;

/// Reads the kArticleColumns of the current row, which come first; tags are the caller's to read.
/// kInternal for a state this build does not know.
Result<domain::Article> ReadArticle(const Statement& s);

/// The columns an editor changes, in the order BindEditableFields binds them as ?1 .. ?16.
inline constexpr const char* kEditableColumns =
    "title, slug, country, category_id, author_id, intro_markdown, intro_html, body_markdown, body_html, "
    "state, publish_at, unpublish_at, featured, featured_order, comments_open, review_requested";
inline constexpr int kEditableColumnCount = 16;
void BindEditableFields(Statement& s, const domain::Article& article);

/// Why an INSERT or UPDATE of article was refused, for a UNIQUE or FOREIGN KEY violation: the slug is
/// taken (kConflict), or the category or author does not exist (kInvalid). Rethrows anything else, so
/// call it only inside the handler that caught e.
Error RefusedWrite(SQLite::Database& db, const SQLite::Exception& e, const domain::Article& article);

/// The checks Create and Update make before touching the database: title, slug, country and tag count.
Status CheckArticleFields(const domain::Article& article);

/// CROSS JOIN makes SQLite keep `articles` (or `article_tags`) as the outer loop, so that rows come in
/// index order and no sort is needed.
inline constexpr const char* kJoinAuthorAndCategory =
    " CROSS JOIN categories c ON c.id = a.category_id CROSS JOIN authors u ON u.id = a.author_id";

/// The filter's shape: which members are set and how many ids are excluded. Two filters of the same shape
/// share one prepared statement. Parameters: ?1 now, ?2 limit, ?3 offset, ?4 tag, ?5 category, ?6 author,
/// ?7 published_from, ?8 published_before, ?9... excluded ids.
struct ListShape {
  bool tag = false;
  bool category = false;
  bool author = false;
  bool from = false;
  bool before = false;
  std::uint32_t excluded = 0;

  static ListShape Of(const ArticleFilter& filter);
  /// A statement-cache key, unique per shape (>= kFirstDynamicKey).
  std::uint64_t Key() const;
  std::string Sql() const;
};
inline constexpr int kFirstExcludedParameter = 9;

/// The shape of an editors' list query: which filters are set, and the order. Parameters: ?1 limit,
/// ?2 offset, ?3 state, ?4 category, ?5 country, ?6 author, ?7 text pattern (see ContainsPattern). Only
/// the parameters of set filters appear in the SQL, and only those may be bound.
struct EditorListShape {
  bool state = false;
  bool category = false;
  bool country = false;
  bool author = false;
  bool text = false;
  bool review = false;
  EditorSort sort = EditorSort::kUpdatedAt;
  bool descending = true;

  static EditorListShape Of(const EditorArticleFilter& filter);
  /// Statement-cache keys, unique per shape and apart from ListShape's.
  std::uint64_t ListKey() const;
  std::uint64_t CountKey() const;
  std::string ListSql() const;
  std::string CountSql() const;

 private:
  std::string Where() const;
  std::string OrderBy() const;
};

/// Columns read by ReadEditorRow, from `articles a` joined with `categories c` and `authors u`.
inline constexpr const char* kEditorRowColumns =
    "a.id, a.title, a.slug, a.country, a.state, a.version, a.publish_at, a.unpublish_at, a.updated_at, "
    "a.featured, a.review_requested, c.id, c.slug, c.name, u.id, u.slug, u.name, u.role, u.organisation";
/// kInternal for a state this build does not know.
Result<EditorArticleRow> ReadEditorRow(const Statement& s);

/// text as a LIKE pattern that finds it anywhere, for LIKE ... ESCAPE '\': its %, _ and backslashes
/// match themselves.
std::string ContainsPattern(std::string_view text);

}  // namespace gazette::storage::sqlite::article_sql
