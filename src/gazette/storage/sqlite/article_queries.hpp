#pragma once
/// The SQL of the article store, in one place: the visibility rule (the same as domain::IsVisible), the
/// column lists the row readers depend on, and the list query built for each filter shape.

#include <cstdint>
#include <string>

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
    "a.created_at, a.updated_at, a.hits";
inline constexpr int kArticleColumnCount = 18;

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

}  // namespace gazette::storage::sqlite::article_sql
