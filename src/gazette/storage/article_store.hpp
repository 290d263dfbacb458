#pragma once
/// ArticleStore: every read and write of articles. Implemented once per backend (sqlite/, later
/// postgres/); nothing above this interface knows which. Every list is one query, joins included.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/article.hpp"

namespace gazette::storage {

/// Which visible articles a list shows. Unset members do not filter.
struct ArticleFilter {
  std::optional<std::int64_t> category_id;      ///< the category's own articles, not its subcategories'
  std::optional<std::int64_t> tag_id;
  std::optional<std::int64_t> author_id;
  std::optional<Timestamp> published_from;      ///< inclusive
  std::optional<Timestamp> published_before;    ///< exclusive
  std::vector<std::int64_t> exclude_ids;        ///< e.g. the front page's lead articles
};

/// The articles either side of one in publication order (among all visible articles).
struct ArticleNeighbours {
  std::optional<domain::ArticleSummary> older;
  std::optional<domain::ArticleSummary> newer;
};

/// Implementations are thread-safe: any thread may call any method at any time.
/// "Visible" always means domain::IsVisible at `now`; lists are ordered newest first
/// (publish_at DESC, id DESC) unless stated otherwise.
class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  /// Visible articles matching filter, rows [offset, offset + limit).
  virtual Result<std::vector<domain::ArticleSummary>> ListVisible(const ArticleFilter& filter, Timestamp now,
                                                                  std::int64_t offset,
                                                                  std::int64_t limit) = 0;

  /// Visible featured articles, by featured_order then newest first, at most limit.
  virtual Result<std::vector<domain::ArticleSummary>> ListFeatured(Timestamp now, std::int64_t limit) = 0;

  /// Number of visible articles published in [from, before): for archive pages.
  virtual Result<std::int64_t> CountVisible(Timestamp from, Timestamp before, Timestamp now) = 0;

  /// The visible article with this slug, with its category, author and tags. kNotFound otherwise.
  virtual Result<domain::ArticlePage> FindVisibleBySlug(std::string_view slug, Timestamp now) = 0;

  virtual Result<ArticleNeighbours> FindNeighbours(const domain::Article& article, Timestamp now) = 0;

  /// The first instant after now at which some article appears or disappears (a publish_at or
  /// unpublish_at in the future), so that caches can expire exactly then. Empty when none is scheduled.
  virtual Result<std::optional<Timestamp>> NextVisibilityChange(Timestamp now) = 0;

  /// Any article by id, whatever its state (for editors). kNotFound otherwise.
  virtual Result<domain::Article> FindById(std::int64_t id) = 0;

  /// Stores a new article (id and timestamps in `article` are ignored; created_at/updated_at are set to
  /// `now`) with its tags; returns the new id. kConflict when the slug is taken, kInvalid when the
  /// category or author does not exist.
  virtual Result<std::int64_t> Create(const domain::Article& article, Timestamp now) = 0;
};

}  // namespace gazette::storage
