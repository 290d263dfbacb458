#pragma once
/// SearchRequest: the search page's and the search API's query parameters (q, category, label, tag,
/// author, from, to, sort, page), checked and resolved into a query and a store filter.

#include <cstdint>
#include <string>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/http/request.hpp"
#include "gazette/search/search_query.hpp"
#include "gazette/site/site_context.hpp"
#include "gazette/storage/search_store.hpp"

namespace gazette::site {

/// Earliest and latest years accepted in from= and to=: the web began in 1991; the upper bound keeps
/// date arithmetic far from overflow.
inline constexpr int kMinSearchYear = 1990;
inline constexpr int kMaxSearchYear = 2200;
/// Results counted and paged through: beyond a thousand a reader refines the search instead, and the
/// bound keeps a word found in most articles from costing a count of all of them.
inline constexpr std::int64_t kMaxSearchResults = 1000;

struct SearchRequest {
  /// The parameters as sent (after trimming), to fill the form in again and build page links.
  std::string text;
  std::string category;
  std::string label;
  std::string tag;
  std::string author;
  std::string from;
  std::string to;
  std::string sort;  ///< "relevance" or "date"; empty for the default (relevance)

  search::SearchQuery query;
  storage::SearchFilter filter;
  storage::SearchOrder order = storage::SearchOrder::kRelevance;
  std::int64_t page = 1;

  /// "/search?q=...&category=..." with the set parameters percent-encoded, for page `page` (no page=
  /// parameter for page 1). base is "/search" or "/api/v1/search".
  std::string PathFor(std::string_view base, std::int64_t page) const;
};

/// Reads and checks the request's parameters. Errors are kInvalid with a message for the reader: a query
/// that only excludes words, text that is not UTF-8, an unknown category, tag or author, a malformed
/// label, year, sort or page, or a year range that ends before it starts. A blank q is not an error:
/// the result's query is empty().
Result<SearchRequest> ReadSearchRequest(const SiteContext& ctx, const http::Request& request);

}  // namespace gazette::site
