#include "gazette/base/html_escape.hpp"

namespace gazette {
namespace {

constexpr std::string_view kSpecials = "&<>\"'";

std::string_view EntityFor(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return {};
  }
}

}  // namespace

void AppendHtmlEscaped(std::string_view text, std::string& out) {
  // Copy runs of ordinary bytes at once: most text has few or no specials.
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t special = text.find_first_of(kSpecials, start);
    if (special == std::string_view::npos) {
      out.append(text.substr(start));
      return;
    }
    out.append(text.substr(start, special - start));
    out.append(EntityFor(text[special]));
    start = special + 1;
  }
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendHtmlEscaped(text, out);
  return out;
}

}  // namespace gazette
