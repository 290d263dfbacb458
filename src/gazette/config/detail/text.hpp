#pragma once
/// Checks on configuration text: UTF-8 validity, length in characters, control characters.
/// TOML strings are valid UTF-8 already; environment variables are arbitrary bytes.

#include <cstddef>
#include <string_view>

namespace gazette::config::detail {

/// True when text is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view text);

/// Number of code points in text. Precondition: IsValidUtf8(text).
std::size_t CodePointCount(std::string_view text);

/// True when text holds a C0 control, DEL or a C1 control (U+0080..U+009F): none belongs in a
/// one-line value, and a newline in a site name would end up in headers and feeds.
bool HasControlCharacter(std::string_view text);

/// text without leading and trailing ASCII spaces and tabs.
std::string_view TrimSpaces(std::string_view text);

}  // namespace gazette::config::detail
