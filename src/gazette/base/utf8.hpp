#pragma once
/// UTF-8 checks for text typed by people (names, e-mail addresses, passwords): validity, length in
/// characters, control characters, and cutting to a byte limit without splitting a character.

#include <cstddef>
#include <string_view>

namespace gazette {

/// True when text is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view text) noexcept;

/// Number of code points in text. Precondition: IsValidUtf8(text).
std::size_t CodePointCount(std::string_view text) noexcept;

/// True when text holds a C0 control, DEL or a C1 control (U+0080..U+009F), other than the ASCII controls
/// listed in allowed ("\n\t" for Markdown, "\t\r\n" for what a textarea sends). One-line values allow
/// none: a newline in a site name would end up in headers and feeds, and U+0085 is a line break to some.
bool HasControlCharacter(std::string_view text, std::string_view allowed = {}) noexcept;

/// The longest prefix of text of at most max_bytes that does not end inside a UTF-8 sequence.
/// Precondition: IsValidUtf8(text).
std::string_view TruncateUtf8(std::string_view text, std::size_t max_bytes) noexcept;

}  // namespace gazette
