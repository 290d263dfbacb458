#pragma once
/// Small readers of what back-office forms and links send: ids, trimmed text, page numbers. Each refuses
/// what it cannot read instead of guessing.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/http/form.hpp"

namespace gazette::admin {

/// A row id written plainly: 1 to 18 decimal digits, not zero. Empty for anything else.
std::optional<std::int64_t> ParseId(std::string_view text);

/// The form's field with blanks (spaces, tabs, line ends) cut from both ends; "" when absent.
std::string TrimmedField(const http::Form& form, std::string_view name);

/// A service's message ("the file is empty; choose an image") as a sentence on a page: first letter
/// upper-case (ASCII), ending with a full stop.
std::string AsSentence(std::string_view message);

/// True when text is at most max_bytes long (the stores' bounds are in bytes).
inline bool FitsIn(std::string_view text, std::size_t max_bytes) {
  return text.size() <= max_bytes;
}

}  // namespace gazette::admin
