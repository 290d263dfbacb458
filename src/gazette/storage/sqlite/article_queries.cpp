#include "gazette/storage/sqlite/article_queries.hpp"

#include <fmt/format.h>

#include "gazette/storage/sqlite/connection.hpp"

namespace gazette::storage::sqlite::article_sql {

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
  const std::uint64_t flags = (tag ? 1U : 0U) | (category ? 2U : 0U) | (author ? 4U : 0U) | (from ? 8U : 0U) |
                              (before ? 16U : 0U);
  return kFirstDynamicKey | (std::uint64_t{excluded} << 8) | flags;
}

std::string ListShape::Sql() const {
  // A tag page is driven by article_tags(tag_id, publish_at, article_id), whose copy of publish_at keeps
  // the rows in publication order; every other list by an articles index on (..., publish_at).
  const char* order_column = tag ? "t.publish_at" : "a.publish_at";
  std::string sql = fmt::format("SELECT {} FROM ", kSummaryColumns);
  sql += tag ? "article_tags t CROSS JOIN articles a ON a.id = t.article_id" : "articles a";
  sql += kJoinAuthorAndCategory;
  sql += " WHERE ";
  sql += kVisible;
  if (tag) sql += " AND t.tag_id = ?4 AND t.publish_at <= ?1";
  if (category) sql += " AND a.category_id = ?5";
  if (author) sql += " AND a.author_id = ?6";
  if (from) sql += fmt::format(" AND {} >= ?7", order_column);
  if (before) sql += fmt::format(" AND {} < ?8", order_column);
  if (excluded > 0) {
    sql += " AND a.id NOT IN (";
    for (std::uint32_t i = 0; i < excluded; ++i) {
      if (i > 0) sql += ", ";
      sql += fmt::format("?{}", kFirstExcludedParameter + static_cast<int>(i));
    }
    sql += ")";
  }
  sql += tag ? " ORDER BY t.publish_at DESC, t.article_id DESC" : " ORDER BY a.publish_at DESC, a.id DESC";
  sql += " LIMIT ?2 OFFSET ?3";
  return sql;
}

}  // namespace gazette::storage::sqlite::article_sql
