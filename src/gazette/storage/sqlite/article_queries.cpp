#include "gazette/storage/sqlite/article_queries.hpp"

#include <fmt/format.h>

#include "gazette/storage/sqlite/connection.hpp"

namespace gazette::storage::sqlite::article_sql {

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

}  // namespace gazette::storage::sqlite::article_sql
