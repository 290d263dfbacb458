#include "gazette/search/snippet_html.hpp"

#include "gazette/base/html_escape.hpp"

namespace gazette::search {
namespace {

/// At text[i] == ']' followed by "(": the length of "](address)", so that a Markdown link shows only
/// its words. Zero when there is no closing parenthesis nearby (then it is not a link).
std::size_t LinkTargetLength(std::string_view text, std::size_t i) {
  constexpr std::size_t kMaxAddress = 300;
  if (i + 1 >= text.size() || text[i + 1] != '(') return 0;
  const std::size_t close = text.find(')', i + 2);
  if (close == std::string_view::npos || close - i > kMaxAddress) return 0;
  // A match inside the address keeps it: dropping its mark would leave the rest of the snippet marked.
  const std::string_view target = text.substr(i, close - i + 1);
  if (target.find(kMatchOpen) != std::string_view::npos || target.find(kMatchClose) != std::string_view::npos) {
    return 0;
  }
  return target.size();
}

}  // namespace

std::string SnippetHtml(std::string_view marked_text) {
  std::string html;
  html.reserve(marked_text.size() + 32);
  bool open = false;
  std::size_t plain_start = 0;
  const auto flush = [&](std::size_t end) {
    AppendHtmlEscaped(marked_text.substr(plain_start, end - plain_start), html);
  };
  for (std::size_t i = 0; i < marked_text.size();) {
    const std::string_view rest = marked_text.substr(i);
    std::size_t skip = 0;
    if (rest.starts_with(kMatchOpen)) {
      flush(i);
      if (!open) html += "<mark>";
      open = true;
      skip = kMatchOpen.size();
    } else if (rest.starts_with(kMatchClose)) {
      flush(i);
      if (open) html += "</mark>";
      open = false;
      skip = kMatchClose.size();
    } else if (rest[0] == '*' || rest[0] == '#' || rest[0] == '[' || rest[0] == '`') {
      flush(i);
      skip = 1;
    } else if (rest[0] == ']') {
      flush(i);
      skip = LinkTargetLength(marked_text, i);
      if (skip == 0) skip = 1;
    }
    if (skip == 0) {
      ++i;
      continue;
    }
    i += skip;
    plain_start = i;
  }
  flush(marked_text.size());
  if (open) html += "</mark>";
  return html;
}

}  // namespace gazette::search
