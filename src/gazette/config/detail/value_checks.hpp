#pragma once
/// Checks shared by several configuration keys. Each returns kInvalid with a message that reads after
/// the key's name ("must be between 1 and 100 (got 0)").

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::config::detail {

/// One line of UTF-8 text, no control characters, at most max_chars code points, empty only if allowed.
Status CheckText(std::string_view text, std::size_t max_chars, bool allow_empty);

/// min <= value <= max.
Status CheckRange(std::int64_t value, std::int64_t min, std::int64_t max);

/// The shape of a BCP 47 tag: a 2-3 letter language, then subtags of 1-8 letters or digits
/// ("en", "de", "pt-BR", "sr-Latn"). ICU accepts any well-formed tag, so the shape is what matters.
Status CheckLanguageTag(std::string_view tag);

/// An IANA time zone name known to ICU ("Europe/London", "UTC").
Status CheckTimeZone(std::string_view name);

}  // namespace gazette::config::detail
