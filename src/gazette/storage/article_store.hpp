#pragma once
/// ArticleStore: every read and write of articles. Implemented once per backend (sqlite/, later
/// postgres/); nothing above this interface knows which. Every list is one query, joins included.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/article.hpp"
#include "gazette/domain/article_revision.hpp"

namespace gazette::storage {

/// Which visible articles a list shows. Unset members do not filter.
struct ArticleFilter {
  std::optional<std::int64_t> category_id;  ///< the category's own articles, not its subcategories'
  std::optional<std::int64_t> tag_id;
  std::optional<std::int64_t> author_id;
  std::optional<Timestamp> published_from;    ///< inclusive
  std::optional<Timestamp> published_before;  ///< exclusive
  std::vector<std::int64_t> exclude_ids;      ///< e.g. the front page's lead articles
};

/// The articles either side of one in publication order (among all visible articles).
struct ArticleNeighbours {
  std::optional<domain::ArticleSummary> older;
  std::optional<domain::ArticleSummary> newer;
};

/// How the editors' list is ordered. A closed set, so that no column name ever comes from input; each
/// order breaks ties by id in the same direction.
enum class EditorSort {
  kUpdatedAt,  ///< last change
  kPublishAt,  ///< publication date; articles without one (most drafts) come last when descending
  kTitle,      ///< title, ignoring ASCII case
};

/// "updated", "published" or "title" (what a list's sort links send). kInvalid otherwise.
Result<EditorSort> ParseEditorSort(std::string_view name);

/// Which articles the editors' list shows, whatever their visibility. Unset members do not filter.
struct EditorArticleFilter {
  /// Unset: every state but trashed (the bin is only shown when asked for).
  std::optional<domain::ArticleState> state;
  std::optional<std::int64_t> category_id;  ///< the category's own articles, not its subcategories'
  std::optional<std::string> country;       ///< exact label; "" for articles without one
  std::optional<std::int64_t> author_id;
  /// Title or slug contains this, ignoring ASCII case; % and _ match themselves. Empty: no filter.
  std::string text;
  bool review_requested_only = false;  ///< drafts their authors handed in for review
  EditorSort sort = EditorSort::kUpdatedAt;
  bool descending = true;
};

/// Longest text filter: a phrase from a headline.
inline constexpr std::size_t kMaxEditorFilterTextBytes = 200;

/// One row of the editors' list: enough to show, pick and act on an article without opening it.
struct EditorArticleRow {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
  std::string country;
  domain::ArticleState state = domain::ArticleState::kDraft;
  std::int64_t version = 1;
  std::optional<Timestamp> publish_at;
  std::optional<Timestamp> unpublish_at;
  Timestamp updated_at{};
  bool featured = false;
  bool review_requested = false;
  domain::ArticleCategory category;
  domain::ArticleAuthor author;
};

/// What a sitemap lists of one visible article (the slug and publication date make its address).
struct ArticleLink {
  std::int64_t id = 0;
  std::string slug;
  Timestamp publish_at{};
  Timestamp updated_at{};
};

/// What a feed adds to an article's summary: the body, and the instant of the first save that its
/// permanent feed id is made from.
struct ArticleFeedExtras {
  std::int64_t id = 0;
  std::string body_html;
  Timestamp created_at{};
};

/// The pages that list articles of one kind of section, for the sitemaps' lastmod.
enum class SectionKind { kCategory, kTag, kAuthor };

/// A section (category, tag or author, by slug) and the last change among its visible articles.
struct SectionChange {
  std::string slug;
  Timestamp last_change{};
};

/// A local calendar day (days since 1970-01-01 in the zone asked for) that has visible articles, and the
/// last change among them: archive pages' lastmod is built from these.
struct DayChange {
  std::int64_t day = 0;
  Timestamp last_change{};
};

/// Most rows ForEachVisibleLink gives per call: the sitemap protocol's limit of URLs per file.
inline constexpr std::int64_t kMaxLinkRows = 50000;
/// Most rows ListSectionChanges gives: a sitemap file's worth.
inline constexpr std::int64_t kMaxSectionRows = 50000;

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

  // ---- Feeds and sitemaps: one query each, rows streamed. ----

  /// Calls each for the visible articles in publication order, oldest first (ties by id), rows
  /// [offset, offset + limit), as they are read (one query, no list held in memory). each must not call
  /// the store. kInvalid for a negative offset or a limit outside [0, kMaxLinkRows].
  virtual Status ForEachVisibleLink(Timestamp now, std::int64_t offset, std::int64_t limit,
                                    const std::function<void(const ArticleLink&)>& each) = 0;

  /// The body and creation instant of the articles in ids (any state; unknown ids are left out), in no
  /// particular order. kInvalid for more than 1000 ids.
  virtual Result<std::vector<ArticleFeedExtras>> FeedExtrasOf(std::span<const std::int64_t> ids) = 0;

  /// Every section of kind with visible articles, by slug, with the last change among those articles;
  /// at most kMaxSectionRows.
  virtual Result<std::vector<SectionChange>> ListSectionChanges(SectionKind kind, Timestamp now) = 0;

  /// The days with visible articles, days counted in a zone utc_offset ahead of UTC, oldest first.
  virtual Result<std::vector<DayChange>> ListDayChanges(Timestamp now, std::chrono::seconds utc_offset) = 0;

  /// Any article by id, whatever its state (for editors). kNotFound otherwise.
  virtual Result<domain::Article> FindById(std::int64_t id) = 0;

  /// Stores a new article (id and timestamps in `article` are ignored; created_at/updated_at are set to
  /// `now`) with its tags; returns the new id. kConflict when the slug is taken, kInvalid when the
  /// category or author does not exist.
  /// Also keeps the article's first revision (version 1), saved by user_id (empty for imports and the
  /// command line). The article's version, comments_open and review_requested are taken from `article`.
  virtual Result<std::int64_t> Create(const domain::Article& article, Timestamp now,
                                      std::optional<std::int64_t> user_id) = 0;
  Result<std::int64_t> Create(const domain::Article& article, Timestamp now) {
    return Create(article, now, std::nullopt);
  }

  // ---- The editors' side: every state, optimistic concurrency, revisions. ----

  /// Articles of any state matching filter in its order, rows [offset, offset + limit). kInvalid for a
  /// bad window or a text filter longer than kMaxEditorFilterTextBytes.
  virtual Result<std::vector<EditorArticleRow>> ListForEditors(const EditorArticleFilter& filter,
                                                               std::int64_t offset, std::int64_t limit) = 0;
  /// How many articles ListForEditors would show over all pages.
  virtual Result<std::int64_t> CountForEditors(const EditorArticleFilter& filter) = 0;

  /// Articles that will appear by themselves later: scheduled or published with publish_at after now,
  /// soonest first (ties by id), at most limit; only those of author_id when given. For the dashboard's
  /// "scheduled" list, which the editors' list cannot give in that order without reading past articles.
  /// kInvalid for a limit outside [0, 1000].
  virtual Result<std::vector<EditorArticleRow>> ListUpcoming(Timestamp now,
                                                             std::optional<std::int64_t> author_id,
                                                             std::int64_t limit) = 0;

  /// Replaces the editable fields of article `article.id` (title, slug, country, category, author, Markdown
  /// and HTML, state, publish_at, unpublish_at, featured, featured_order, comments_open, review_requested,
  /// tags) when its stored version is still expected_version; sets updated_at to now, raises the version
  /// by one and keeps a revision saved by user_id, all in one transaction. created_at and hits are kept.
  /// Returns the new version. kConflict, with nothing written, when the stored version differs (the
  /// message says when the article was changed) or the slug is taken; kNotFound for an unknown id;
  /// kInvalid as for Create.
  virtual Result<std::int64_t> Update(const domain::Article& article, std::int64_t expected_version,
                                      Timestamp now, std::optional<std::int64_t> user_id) = 0;

  /// Moves every article in ids to state in one transaction (bulk publish, archive, trash, back to
  /// draft); each one that changes gets a new version, updated_at = now and a revision. Publishing sets
  /// publish_at to now when it is empty or still to come, and clears review_requested. Returns how many
  /// changed (articles already in that state are left alone). kNotFound, with nothing written, when an
  /// id is unknown; kInvalid for more than kMaxBulkIds ids.
  virtual Result<std::int64_t> SetState(std::span<const std::int64_t> ids, domain::ArticleState state,
                                        Timestamp now, std::optional<std::int64_t> user_id) = 0;

  /// The tags of any article, by name. Empty for an unknown article.
  virtual Result<std::vector<domain::TagRef>> TagsOf(std::int64_t article_id) = 0;

  /// An article's revisions, newest first (at most kMaxRevisionsPerArticle are kept).
  virtual Result<std::vector<domain::ArticleRevisionSummary>> ListRevisions(std::int64_t article_id) = 0;
  /// One revision in full. kNotFound otherwise.
  virtual Result<domain::ArticleRevision> FindRevision(std::int64_t revision_id) = 0;
};

/// Most tags on one article: a handful is normal; more is a mistake or an attack on the tag pages.
inline constexpr std::size_t kMaxTagsPerArticle = 50;
/// Most articles one bulk action may change: a page of the editors' list, with room to spare.
inline constexpr std::size_t kMaxBulkIds = 500;
/// Revisions kept per article; older ones are dropped as new ones are saved. Each holds a full copy of
/// the Markdown, so the bound keeps a much-edited article from growing the database without end.
inline constexpr std::int64_t kMaxRevisionsPerArticle = 200;

}  // namespace gazette::storage
