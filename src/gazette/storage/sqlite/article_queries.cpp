#include "gazette/storage/sqlite/article_queries.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "gazette/domain/slug.hpp"
#include "gazette/storage/sqlite/connection.hpp"

namespace gazette::storage::sqlite::article_sql {

namespace {

/// Titles are headlines; a kilobyte is far beyond any real one and keeps pages and feeds sane.
constexpr std::size_t kMaxTitleBytes = 1024;

std::optional<Timestamp> OptionalTimestamp(const Statement& s, int column) {
  if (s.IsNull(column)) return std::nullopt;
  return TimestampFromUnix(s.Int(column));
}

}  // namespace

Result<domain::Article> ReadArticle(const Statement& s) {
  domain::Article a;
  a.id = s.Int(0);
  s.ReadInto(1, a.title);
  s.ReadInto(2, a.slug);
  s.ReadInto(3, a.country);
  a.category_id = s.Int(4);
  a.author_id = s.Int(5);
  s.ReadInto(6, a.intro_markdown);
  s.ReadInto(7, a.intro_html);
  s.ReadInto(8, a.body_markdown);
  s.ReadInto(9, a.body_html);
  Result<domain::ArticleState> state = domain::ParseArticleState(s.Text(10));
  if (!state.ok()) {
    return MakeError(ErrorCode::kInternal,
                     fmt::format("article {} has an unknown state '{}'", a.id, s.Text(10)));
  }
  a.state = *state;
  a.publish_at = OptionalTimestamp(s, 11);
  a.unpublish_at = OptionalTimestamp(s, 12);
  a.featured = s.Int(13) != 0;
  a.featured_order = static_cast<int>(s.Int(14));
  a.created_at = TimestampFromUnix(s.Int(15));
  a.updated_at = TimestampFromUnix(s.Int(16));
  a.hits = s.Int(17);
  a.version = s.Int(18);
  a.comments_open = s.Int(19) != 0;
  a.review_requested = s.Int(20) != 0;
  return a;
}

void BindEditableFields(Statement& s, const domain::Article& article) {
  s.BindText(1, article.title);
  s.BindText(2, article.slug);
  s.BindText(3, article.country);
  s.BindInt(4, article.category_id);
  s.BindInt(5, article.author_id);
  s.BindText(6, article.intro_markdown);
  s.BindText(7, article.intro_html);
  s.BindText(8, article.body_markdown);
  s.BindText(9, article.body_html);
  s.BindText(10, domain::ArticleStateName(article.state));
  s.BindOptionalInt(11, article.publish_at ? std::optional(ToUnix(*article.publish_at)) : std::nullopt);
  s.BindOptionalInt(12, article.unpublish_at ? std::optional(ToUnix(*article.unpublish_at)) : std::nullopt);
  s.BindInt(13, article.featured ? 1 : 0);
  s.BindInt(14, article.featured_order);
  s.BindInt(15, article.comments_open ? 1 : 0);
  s.BindInt(16, article.review_requested ? 1 : 0);
}

Error RefusedWrite(SQLite::Database& db, const SQLite::Exception& e, const domain::Article& article) {
  if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) {
    return MakeError(
        ErrorCode::kConflict,
        fmt::format("an article with the slug '{}' already exists; choose another slug", article.slug));
  }
  if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;  // NOLINT: rethrows the caught e
  // Only on this error path, so the statement is not worth caching.
  SQLite::Statement category(db, "SELECT 1 FROM categories WHERE id = ?");
  category.bind(1, static_cast<std::int64_t>(article.category_id));
  if (!category.executeStep()) {
    return MakeError(ErrorCode::kInvalid, fmt::format("category {} does not exist", article.category_id));
  }
  return MakeError(ErrorCode::kInvalid, fmt::format("author {} does not exist", article.author_id));
}

Status CheckArticleFields(const domain::Article& article) {
  if (article.title.empty() || article.title.size() > kMaxTitleBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("an article title must be 1 to {} bytes long", kMaxTitleBytes));
  }
  if (article.slug.empty() || article.slug.size() > domain::kMaxSlugLength) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("an article slug must be 1 to {} bytes long", domain::kMaxSlugLength));
  }
  if (!domain::IsValidCountryLabel(article.country)) {
    return MakeError(ErrorCode::kInvalid, fmt::format("'{}' is not a country label: use two capital letters "
                                                      "(ISO 3166-1 alpha-2, e.g. GB) or none",
                                                      article.country.substr(0, 8)));
  }
  if (article.tag_ids.size() > kMaxTagsPerArticle) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("an article may have at most {} tags", kMaxTagsPerArticle));
  }
  return OkStatus();
}

void ReadSummary(const Statement& s, domain::ArticleSummary& out, int first) {
  out.id = s.Int(first);
  s.ReadInto(first + 1, out.title);
  s.ReadInto(first + 2, out.slug);
  s.ReadInto(first + 3, out.country);
  s.ReadInto(first + 4, out.intro_html);
  out.publish_at = TimestampFromUnix(s.Int(first + 5));
  out.updated_at = TimestampFromUnix(s.Int(first + 6));
  out.featured = s.Int(first + 7) != 0;
  out.hits = s.Int(first + 8);
  out.category.id = s.Int(first + 9);
  s.ReadInto(first + 10, out.category.slug);
  s.ReadInto(first + 11, out.category.name);
  out.author.id = s.Int(first + 12);
  s.ReadInto(first + 13, out.author.slug);
  s.ReadInto(first + 14, out.author.name);
  s.ReadInto(first + 15, out.author.role);
  s.ReadInto(first + 16, out.author.organisation);
}

ListShape ListShape::Of(const ArticleFilter& filter) {
  ListShape shape;
  shape.tag = filter.tag_id.has_value();
  shape.category = filter.category_id.has_value();
  shape.author = filter.author_id.has_value();
  shape.from = filter.published_from.has_value();
  shape.before = filter.published_before.has_value();
  shape.excluded = static_cast<std::uint32_t>(filter.exclude_ids.size());
  return shape;
}

std::uint64_t ListShape::Key() const {
  const std::uint64_t flags =
      (tag ? 1U : 0U) | (category ? 2U : 0U) | (author ? 4U : 0U) | (from ? 8U : 0U) | (before ? 16U : 0U);
  return kFirstDynamicKey | (std::uint64_t{excluded} << 8) | flags;
}

std::string ListShape::Sql() const {
  // Two levels. The inner query finds the page's ids from an index alone: the visibility rule and the
  // order are in the index, so rows skipped by OFFSET cost one index step each. The outer query then
  // reads the page's rows (at most LIMIT of them) with their category and author, and sorts that handful.
  // A tag page is driven by article_tags(tag_id, publish_at, article_id), whose copy of publish_at keeps
  // the rows in publication order.
  const char* order_column = tag ? "t.publish_at" : "a.publish_at";
  std::string inner = fmt::format("SELECT a.id AS id, {} AS at FROM ", order_column);
  inner += tag ? "article_tags t CROSS JOIN articles a ON a.id = t.article_id" : "articles a";
  inner += " WHERE ";
  inner += kVisible;
  if (tag) inner += " AND t.tag_id = ?4 AND t.publish_at <= ?1";
  if (category) inner += " AND a.category_id = ?5";
  if (author) inner += " AND a.author_id = ?6";
  if (from) inner += fmt::format(" AND {} >= ?7", order_column);
  if (before) inner += fmt::format(" AND {} < ?8", order_column);
  if (excluded > 0) {
    inner += " AND a.id NOT IN (";
    for (std::uint32_t i = 0; i < excluded; ++i) {
      if (i > 0) inner += ", ";
      inner += fmt::format("?{}", kFirstExcludedParameter + static_cast<int>(i));
    }
    inner += ")";
  }
  inner += tag ? " ORDER BY t.publish_at DESC, t.article_id DESC" : " ORDER BY a.publish_at DESC, a.id DESC";
  inner += " LIMIT ?2 OFFSET ?3";
  return fmt::format(
      "SELECT {} FROM ({}) AS p CROSS JOIN articles a ON a.id = p.id{} ORDER BY p.at DESC, p.id DESC",
      kSummaryColumns, inner, kJoinAuthorAndCategory);
}

EditorListShape EditorListShape::Of(const EditorArticleFilter& filter) {
  EditorListShape shape;
  shape.state = filter.state.has_value();
  shape.category = filter.category_id.has_value();
  shape.country = filter.country.has_value();
  shape.author = filter.author_id.has_value();
  shape.text = !filter.text.empty();
  shape.review = filter.review_requested_only;
  shape.sort = filter.sort;
  shape.descending = filter.descending;
  return shape;
}

std::uint64_t EditorListShape::ListKey() const {
  const std::uint64_t flags = (state ? 1U : 0U) | (category ? 2U : 0U) | (country ? 4U : 0U) |
                              (author ? 8U : 0U) | (text ? 16U : 0U) | (review ? 32U : 0U) |
                              (descending ? 64U : 0U) | (static_cast<std::uint64_t>(sort) << 8);
  // Bit 40 sets these apart from ListShape's keys, whose shape bits stay below bit 16.
  return kFirstDynamicKey | (std::uint64_t{1} << 40) | flags;
}

std::uint64_t EditorListShape::CountKey() const {
  return ListKey() | (std::uint64_t{1} << 41);
}

std::string EditorListShape::Where() const {
  // Only fixed text is put together here: every value from a filter is a bound parameter.
  std::string where = state ? "a.state = ?3" : "a.state <> 'trashed'";
  if (category) where += " AND a.category_id = ?4";
  if (country) where += " AND a.country = ?5";
  if (author) where += " AND a.author_id = ?6";
  if (text) where += " AND (a.title LIKE ?7 ESCAPE '\\' OR a.slug LIKE ?7 ESCAPE '\\')";
  if (review) where += " AND a.review_requested = 1";
  return where;
}

std::string EditorListShape::OrderBy() const {
  const char* direction = descending ? "DESC" : "ASC";
  switch (sort) {
    case EditorSort::kPublishAt:
      return fmt::format("a.publish_at {0}, a.id {0}", direction);
    case EditorSort::kTitle:
      return fmt::format("a.title COLLATE NOCASE {0}, a.id {0}", direction);
    case EditorSort::kUpdatedAt:
      break;
  }
  return fmt::format("a.updated_at {0}, a.id {0}", direction);
}

std::string EditorListShape::ListSql() const {
  // As for the public lists: the inner query finds the page's ids (from an index where the filter allows),
  // the outer one reads those few rows with their category and author.
  return fmt::format(
      "SELECT {} FROM (SELECT a.id AS id FROM articles a WHERE {} ORDER BY {} LIMIT ?1 OFFSET ?2) AS p "
      "CROSS JOIN articles a ON a.id = p.id{} ORDER BY {}",
      kEditorRowColumns, Where(), OrderBy(), kJoinAuthorAndCategory, OrderBy());
}

std::string EditorListShape::CountSql() const {
  return fmt::format("SELECT count(*) FROM articles a WHERE {}", Where());
}

Result<EditorArticleRow> ReadEditorRow(const Statement& s) {
  EditorArticleRow row;
  row.id = s.Int(0);
  s.ReadInto(1, row.title);
  s.ReadInto(2, row.slug);
  s.ReadInto(3, row.country);
  Result<domain::ArticleState> state = domain::ParseArticleState(s.Text(4));
  if (!state.ok()) {
    return MakeError(ErrorCode::kInternal,
                     fmt::format("article {} has an unknown state '{}'", row.id, s.Text(4)));
  }
  row.state = *state;
  row.version = s.Int(5);
  row.publish_at = OptionalTimestamp(s, 6);
  row.unpublish_at = OptionalTimestamp(s, 7);
  row.updated_at = TimestampFromUnix(s.Int(8));
  row.featured = s.Int(9) != 0;
  row.review_requested = s.Int(10) != 0;
  row.category.id = s.Int(11);
  s.ReadInto(12, row.category.slug);
  s.ReadInto(13, row.category.name);
  row.author.id = s.Int(14);
  s.ReadInto(15, row.author.slug);
  s.ReadInto(16, row.author.name);
  s.ReadInto(17, row.author.role);
  s.ReadInto(18, row.author.organisation);
  return row;
}

std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace gazette::storage::sqlite::article_sql
