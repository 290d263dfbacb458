#pragma once
/// The rules every text an editor types must follow before it is stored: valid UTF-8, no control
/// characters (which no one types on purpose and which break feeds, HTML and terminals), and line ends
/// as stored (browsers send CRLF from text areas).

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::editorial {

/// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence.
bool IsValidUtf8(std::string_view text) noexcept;

/// True when text holds a C0 control character (U+0000 to U+001F), DEL or a C1 control character
/// (U+0080 to U+009F). allow_line_breaks lets '\n' and '\t' through, for Markdown. Precondition: text is
/// valid UTF-8.
bool HasControlCharacter(std::string_view text, bool allow_line_breaks) noexcept;

/// Code points in valid UTF-8 text: what people call characters, closely enough for length limits.
std::size_t CountCodePoints(std::string_view text) noexcept;

/// CRLF and lone CR become LF, so that the stored Markdown and the diffs of revisions do not depend on
/// the browser that sent them.
std::string NormaliseLineEnds(std::string_view text);

/// text without leading and trailing ASCII spaces, tabs and line breaks.
std::string_view TrimAscii(std::string_view text) noexcept;

}  // namespace gazette::editorial
