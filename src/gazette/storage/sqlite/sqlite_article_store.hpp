#pragma once
/// ArticleStore over SQLite. Every list is one query joining author and category, driven by an index
/// that already yields publication order (checked by the EXPLAIN QUERY PLAN tests).

#include "gazette/storage/article_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

/// Longest list one call may ask for: a page of teasers or a feed is tens of rows; a thousand covers a
/// sitemap chunk while bounding the memory of one answer.
inline constexpr std::int64_t kMaxListLimit = 1000;
/// Most ids ArticleFilter::exclude_ids may hold: the front page excludes its few lead articles.
inline constexpr std::size_t kMaxExcludeIds = 64;
/// Most tags on one article: a handful is normal; more is a mistake or an attack on the tag pages.
inline constexpr std::size_t kMaxTagsPerArticle = 50;

class SqliteArticleStore final : public ArticleStore {
 public:
  explicit SqliteArticleStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::vector<domain::ArticleSummary>> ListVisible(const ArticleFilter& filter, Timestamp now,
                                                          std::int64_t offset, std::int64_t limit) override;
  Result<std::vector<domain::ArticleSummary>> ListFeatured(Timestamp now, std::int64_t limit) override;
  Result<std::int64_t> CountVisible(Timestamp from, Timestamp before, Timestamp now) override;
  Result<domain::ArticlePage> FindVisibleBySlug(std::string_view slug, Timestamp now) override;
  Result<ArticleNeighbours> FindNeighbours(const domain::Article& article, Timestamp now) override;
  Result<std::optional<Timestamp>> NextVisibilityChange(Timestamp now) override;
  Result<domain::Article> FindById(std::int64_t id) override;
  Result<std::int64_t> Create(const domain::Article& article, Timestamp now) override;

 private:
  Status Insert(Connection& connection, const domain::Article& article, Timestamp now, std::int64_t& id);
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
