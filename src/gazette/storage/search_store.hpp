#pragma once
/// SearchStore: full-text search over the visible articles, ranked or newest first, with the readers'
/// filters. The match expression comes from search::ParseSearchQuery, never from raw input.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/article.hpp"

namespace gazette::storage {

/// Which visible articles a search looks at. Unset (or empty) members do not filter.
struct SearchFilter {
  /// Articles in any of these categories (a category and its subcategories, resolved by the caller).
  std::vector<std::int64_t> category_ids;
  std::optional<std::int64_t> tag_id;
  std::optional<std::int64_t> author_id;
  std::optional<std::string> country;        ///< exact label, e.g. "GB"
  std::optional<Timestamp> published_from;    ///< inclusive
  std::optional<Timestamp> published_before;  ///< exclusive
};

/// Most categories one filter may name: a category and its subcategories, with room to spare.
inline constexpr std::size_t kMaxSearchCategories = 200;

enum class SearchOrder {
  kRelevance,  ///< best match first: BM25 with the title weighted above the intro above the body, and a
               ///< mild boost for recent articles; ties newest first. When more than kMaxCandidates
               ///< articles match, the same weights without BM25's rarity factor (see SqliteSearchStore)
  kNewest,     ///< publication date, newest first
};

/// Matches in snippets are put between these private-use characters (U+E000, U+E001), for
/// search::SnippetHtml to escape the text around them and turn them into <mark> elements.
inline constexpr std::string_view kSnippetMatchOpen = "\xEE\x80\x80";
inline constexpr std::string_view kSnippetMatchClose = "\xEE\x80\x81";

struct SearchHit {
  domain::ArticleSummary article;
  /// Plain text around the best matches (at most about kSnippetTokens words, "…" where cut), with each
  /// match between kSnippetMatchOpen and kSnippetMatchClose. Not escaped.
  std::string snippet;
};

/// Most matching articles one search looks at: the newest ones (by id, i.e. by when they were written).
/// Every article holding a word is found while it has fewer; for a word in tens of thousands of
/// articles, ranking and counting all of them would cost far more than a reader waits, and the newest
/// few thousand are what a news reader is after.
inline constexpr std::int64_t kMaxCandidates = 2000;

/// Words around the matches in a snippet: two lines of a results page.
inline constexpr int kSnippetTokens = 32;

/// Implementations are thread-safe. "Visible" means domain::IsVisible at `now`, as everywhere else.
class SearchStore {
 public:
  virtual ~SearchStore() = default;

  /// The visible articles matching the FTS5 expression `match` and filter among the newest
  /// kMaxCandidates matching articles, in order, rows [offset, offset + limit). kInvalid for an empty or malformed expression, a bad window (limit over
  /// 1000) or too many categories.
  virtual Result<std::vector<SearchHit>> Search(std::string_view match, const SearchFilter& filter,
                                                SearchOrder order, Timestamp now, std::int64_t offset,
                                                std::int64_t limit) = 0;

  /// How many visible articles Search would find over all pages (among the same candidates), counting no
  /// further than cap (so that a
  /// word found in most articles costs a bounded time): the answer is min(count, cap). kInvalid as for
  /// Search, or for a cap outside [1, 1,000,000].
  virtual Result<std::int64_t> Count(std::string_view match, const SearchFilter& filter, Timestamp now,
                                     std::int64_t cap) = 0;
};

}  // namespace gazette::storage
