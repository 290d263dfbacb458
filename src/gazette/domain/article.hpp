#pragma once
/// Article: the unit of news. Markdown source and its rendered HTML are stored side by side, so that
/// reading never renders Markdown (DESIGN.md section 2).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"

namespace gazette::domain {

/// Lifecycle of an article. Stored as the lower-case names below; when adding a state, also update
/// ArticleStateName(), ParseArticleState() and the CHECK constraint in the storage migrations.
enum class ArticleState {
  kDraft,      ///< being written; never shown to readers
  kScheduled,  ///< approved, appears by itself at publish_at
  kPublished,  ///< shown while publish_at <= now < unpublish_at
  kArchived,   ///< withdrawn from lists and pages, kept for the record
  kTrashed,    ///< deleted, recoverable by editors
};

const char* ArticleStateName(ArticleState state) noexcept;
Result<ArticleState> ParseArticleState(std::string_view name);

/// The visibility rule, decided at read time so that a scheduled article can never be missed:
/// scheduled or published, publish_at reached, unpublish_at not reached. Storage queries implement the
/// same rule in SQL; the storage test suite checks that the two agree.
bool IsVisible(ArticleState state, std::optional<Timestamp> publish_at, std::optional<Timestamp> unpublish_at,
               Timestamp now);

struct ArticleAuthor {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string role;          ///< "Director of Digital Services"
  std::string organisation;  ///< "City of Leeds"
};

struct ArticleCategory {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
};

struct TagRef {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
};

/// What a list shows: everything a teaser needs, read in one query with its author and category.
struct ArticleSummary {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
  std::string country;  ///< ISO 3166-1 alpha-2 ("GB"), or empty when the article has no country label
  std::string intro_html;
  ArticleCategory category;
  ArticleAuthor author;
  Timestamp publish_at{};
  Timestamp updated_at{};
  bool featured = false;
  std::int64_t hits = 0;
};

/// A whole article as stored.
struct Article {
  std::int64_t id = 0;
  std::string title;
  std::string slug;     ///< unique; generated from the title; stable once published
  std::string country;  ///< ISO 3166-1 alpha-2 or empty
  std::int64_t category_id = 0;
  std::int64_t author_id = 0;
  std::string intro_markdown;
  std::string intro_html;
  std::string body_markdown;
  std::string body_html;
  ArticleState state = ArticleState::kDraft;
  std::optional<Timestamp> publish_at;
  std::optional<Timestamp> unpublish_at;
  bool featured = false;
  int featured_order = 0;  ///< lower comes first among featured articles
  Timestamp created_at{};
  Timestamp updated_at{};
  std::int64_t hits = 0;
  std::vector<std::int64_t> tag_ids;
  /// Goes up by one with every stored change; a save names the version it started from, so that a
  /// stale form cannot overwrite a newer text (optimistic concurrency). New articles start at 1.
  std::int64_t version = 1;
  bool comments_open = true;
  /// A draft its author handed to the editors ("submit for review"); cleared when it is published.
  bool review_requested = false;
};

/// An article with what its page shows beside it, read without a query per part.
struct ArticlePage {
  Article article;
  ArticleCategory category;
  ArticleAuthor author;
  std::string author_bio;
  std::vector<TagRef> tags;
};

/// "GB: Title" when the article has a country label, else "Title".
std::string LabelledTitle(std::string_view country, std::string_view title);

/// True for two upper-case ASCII letters (ISO 3166-1 alpha-2 shape), or empty.
bool IsValidCountryLabel(std::string_view country);

}  // namespace gazette::domain
