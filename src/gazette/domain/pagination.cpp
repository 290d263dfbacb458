#include "gazette/domain/pagination.hpp"

#include <string>

namespace gazette::domain {
namespace {

// More digits than kMaxPageNumber has can only be out of range; checking the length first also keeps the
// arithmetic below far from overflow.
constexpr std::size_t kMaxPageDigits = 7;
static_assert(kMaxPageNumber < 10'000'000, "kMaxPageDigits must cover kMaxPageNumber");

Error BadPage() {
  return MakeError(ErrorCode::kInvalid, "The page number must be a whole number from 1 to " +
                                            std::to_string(kMaxPageNumber) + ".");
}

}  // namespace

Result<std::int64_t> ParsePageNumber(std::string_view text) {
  if (text.empty()) return std::int64_t{1};
  // Leading zeros are allowed ("007" is page 7) but count towards the length limit.
  if (text.size() > kMaxPageDigits) return BadPage();
  std::int64_t page = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return BadPage();  // no sign, no spaces, no decimal point
    page = page * 10 + (c - '0');
  }
  if (page < 1 || page > kMaxPageNumber) return BadPage();
  return page;
}

PageLinks LinksFor(const PageWindow& window, std::size_t rows_returned) {
  PageLinks links;
  links.page = window.page;
  links.has_previous = window.page > 1;
  links.has_next = rows_returned > static_cast<std::size_t>(window.page_size);
  return links;
}

}  // namespace gazette::domain
