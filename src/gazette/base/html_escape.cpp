#include "gazette/base/html_escape.hpp"

#include <array>

namespace gazette {
namespace {

// One table look-up per byte: string_view::find_first_of runs a memchr over the specials for every
// byte of the text, which made escaping one of the costliest steps of rendering a page.
constexpr std::array<bool, 256> kIsSpecial = [] {
  std::array<bool, 256> table{};
  for (const char c : std::string_view("&<>\"'")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

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
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!kIsSpecial[static_cast<unsigned char>(text[i])]) continue;
    out.append(text.data() + start, i - start);
    out.append(EntityFor(text[i]));
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendHtmlEscaped(text, out);
  return out;
}

}  // namespace gazette
