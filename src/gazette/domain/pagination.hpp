#pragma once
/// Pagination of lists: parsing ?page=, and the window to query. Counting is never needed: a page asks
/// for one row more than it shows to learn whether a next page exists.

#include <cstdint>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::domain {

/// Highest page number accepted: 10 teasers a page back to 2001 is ~1,000 pages; this leaves room for
/// big archives while keeping OFFSET arithmetic far from overflow.
inline constexpr std::int64_t kMaxPageNumber = 1'000'000;

/// Parses the ?page= value: absent or empty means 1; decimal digits 1..kMaxPageNumber otherwise.
/// "abc", "-1", "0", "1.5" and "99999999999999999999" give kInvalid with a message for the reader.
Result<std::int64_t> ParsePageNumber(std::string_view text);

struct PageWindow {
  std::int64_t page = 1;
  std::int64_t page_size = 10;
  std::int64_t offset() const { return (page - 1) * page_size; }
  /// Rows to ask the store for: one more than shown, to detect a next page.
  std::int64_t limit() const { return page_size + 1; }
};

/// What a list page links to, once the store answered with up to window.limit() rows.
struct PageLinks {
  std::int64_t page = 1;
  bool has_previous = false;
  bool has_next = false;
};

PageLinks LinksFor(const PageWindow& window, std::size_t rows_returned);

}  // namespace gazette::domain
