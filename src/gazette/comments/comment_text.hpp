#pragma once
/// Comment text as readers see it: plain text turned into HTML with paragraphs, line breaks and clickable
/// http(s) links. Nothing else the reader typed is interpreted: every character is HTML-escaped, so no tag,
/// attribute, entity or other URL scheme typed in a comment can reach the page as markup.

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::comments {

/// The rel of every link in a comment: no search-engine credit, marked as user-generated, and no access
/// to the opening page (RFC 8288 link types; "ugc" as search engines define it).
inline constexpr std::string_view kCommentLinkRel = "nofollow ugc noopener";

/// A blank line (or a line of spaces) starts a new paragraph (<p>); a single line break is a <br>.
/// "http://" and "https://" (any letter case) followed by a host start a link that runs to the next space,
/// quote, angle bracket or other character URLs never hold raw; trailing sentence punctuation and an
/// unmatched closing bracket are left outside it. Precondition: text is valid UTF-8 with "\n" line breaks.
/// Thread-safe.
std::string CommentTextToHtml(std::string_view text);

/// How many links CommentTextToHtml makes of text.
std::size_t CountCommentLinks(std::string_view text);

}  // namespace gazette::comments
