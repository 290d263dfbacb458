#pragma once
/// ArticleListQuery: the filters, order and page of the articles list as its address carries them
/// (?state=draft&category=3&country=GB&author=2&q=budget&sort=title&page=2), read leniently (a value that
/// names nothing is no filter) and written back for page links and the redirect after a bulk action.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/storage/article_store.hpp"

namespace gazette::admin {

struct ArticleListQuery {
  std::string state;            ///< "", a state name, or "review" (drafts waiting for review)
  std::string category;         ///< "" or a category id
  std::string country;          ///< "" or a country label as typed
  std::string author;           ///< "" or an author id
  std::string text;             ///< title or slug contains
  std::string sort = "newest";  ///< "newest", "oldest", "title" or "published"
  std::int64_t page = 1;

  /// The store's filter for these values (author_id left to the caller for authors).
  storage::EditorArticleFilter Filter() const;
  /// "state=draft&q=budget" with every non-default value, without the page; empty when all are default.
  std::string Encoded() const;
};

/// Longest value kept from the address for any one filter: the store's text bound, with room for none
/// of the others to matter.
inline constexpr std::size_t kMaxListQueryValueBytes = storage::kMaxEditorFilterTextBytes;

/// Highest page number read: far beyond any archive, and small enough that its offset cannot overflow.
inline constexpr std::int64_t kMaxListPage = 1'000'000;

/// Reads the query from a lookup by name (a request's query or a form). Overlong values are cut at the
/// bound, so that the store refuses nothing the list offers.
ArticleListQuery ReadArticleListQuery(
    const std::function<std::optional<std::string_view>(std::string_view)>& lookup);

}  // namespace gazette::admin
