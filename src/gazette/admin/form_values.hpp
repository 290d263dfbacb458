#pragma once
/// Small helpers for what back-office forms send and what the screens say back: trimmed fields, bounds,
/// service messages as sentences.

#include <cstddef>
#include <string>
#include <string_view>

#include "gazette/http/form.hpp"

namespace gazette::admin {

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
