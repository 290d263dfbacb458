#pragma once
/// Normalising what an editor types before it is checked and stored: line ends (browsers send CRLF from
/// text areas) and surrounding blanks. The UTF-8 and control-character checks are base/utf8.hpp's.

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::editorial {

/// CRLF and lone CR become LF, so that the stored Markdown and the diffs of revisions do not depend on
/// the browser that sent them.
std::string NormaliseLineEnds(std::string_view text);

/// text without leading and trailing ASCII spaces, tabs and line breaks.
std::string_view TrimAscii(std::string_view text) noexcept;

}  // namespace gazette::editorial
