#pragma once
/// Search snippets as safe HTML: the engine marks matches with private-use characters, the text around
/// them is escaped, and only then do the marks become <mark> elements, so that the article's own text
/// can never add markup to a results page.

#include <string>
#include <string_view>

namespace gazette::search {

/// Open and close marks the store asks the engine to put around each match (U+E000, U+E001: private-use
/// code points, which no keyboard produces and no article needs).
inline constexpr std::string_view kMatchOpen = "\xEE\x80\x80";
inline constexpr std::string_view kMatchClose = "\xEE\x80\x81";

/// The snippet text with & < > " ' escaped and kMatchOpen/kMatchClose turned into <mark> and </mark>.
/// The marks always pair up: a stray mark (in the article's own text) that would open a second <mark>
/// or close none is dropped, and a <mark> left open is closed at the end. Markdown's own markup
/// (emphasis stars, heading hashes, link brackets and their addresses) is left out, since a snippet is
/// read as plain text.
std::string SnippetHtml(std::string_view marked_text);

}  // namespace gazette::search
