#pragma once
/// ArticleStore over SQLite. Every list is one query joining author and category, driven by an index
/// that already yields publication order (checked by the EXPLAIN QUERY PLAN tests). The editors' side
/// (editor list, versioned updates, bulk state changes, revisions) is in sqlite_article_editing.cpp.

#include "gazette/storage/article_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

/// Longest list one call may ask for: a page of teasers or a feed is tens of rows; a thousand covers a
/// sitemap chunk while bounding the memory of one answer.
inline constexpr std::int64_t kMaxListLimit = 1000;
/// Most ids ArticleFilter::exclude_ids may hold: the front page excludes its few lead articles.
inline constexpr std::size_t kMaxExcludeIds = 64;

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
  Status ForEachVisibleLink(Timestamp now, std::int64_t offset, std::int64_t limit,
                            const std::function<void(const ArticleLink&)>& each) override;
  Result<std::vector<ArticleFeedExtras>> FeedExtrasOf(std::span<const std::int64_t> ids) override;
  Result<std::vector<SectionChange>> ListSectionChanges(SectionKind kind, Timestamp now) override;
  Result<std::vector<DayChange>> ListDayChanges(Timestamp now, std::chrono::seconds utc_offset) override;
  using ArticleStore::Create;
  Result<std::int64_t> Create(const domain::Article& article, Timestamp now,
                              std::optional<std::int64_t> user_id) override;

  Result<std::vector<EditorArticleRow>> ListForEditors(const EditorArticleFilter& filter, std::int64_t offset,
                                                       std::int64_t limit) override;
  Result<std::int64_t> CountForEditors(const EditorArticleFilter& filter) override;
  Result<std::vector<EditorArticleRow>> ListUpcoming(Timestamp now, std::optional<std::int64_t> author_id,
                                                     std::int64_t limit) override;
  Result<std::int64_t> Update(const domain::Article& article, std::int64_t expected_version, Timestamp now,
                              std::optional<std::int64_t> user_id) override;
  Result<std::int64_t> SetState(std::span<const std::int64_t> ids, domain::ArticleState state, Timestamp now,
                                std::optional<std::int64_t> user_id) override;
  Result<std::vector<domain::TagRef>> TagsOf(std::int64_t article_id) override;
  Result<std::vector<domain::ArticleRevisionSummary>> ListRevisions(std::int64_t article_id) override;
  Result<domain::ArticleRevision> FindRevision(std::int64_t revision_id) override;

 private:
  static void ReadTagsOf(Connection& connection, std::int64_t article_id, std::vector<domain::TagRef>& out);
  Status Insert(Connection& connection, const domain::Article& article, Timestamp now, std::int64_t& id);
  /// Links the article to its tags (duplicates once). kInvalid for an unknown tag.
  static Status InsertTags(Connection& connection, std::int64_t id, std::vector<std::int64_t> tag_ids,
                           std::optional<Timestamp> publish_at);
  /// Copies the article's current row and tag names into article_revisions, and drops revisions beyond
  /// kMaxRevisionsPerArticle. Runs inside the caller's transaction.
  static void KeepRevision(Connection& connection, std::int64_t id, Timestamp now,
                           std::optional<std::int64_t> user_id);
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
