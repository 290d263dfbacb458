#pragma once
/// Small helpers to look into pages in tests by plain text search: our own templates produce the markup,
/// so a full HTML parser is not needed to find attribute values and count elements.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::testing {

/// For every occurrence of prefix in text, what follows it up to (not including) terminator.
/// ValuesAfter(html, "<a class=\"read-more\" href=\"") gives every read-more link.
inline std::vector<std::string> ValuesAfter(std::string_view text, std::string_view prefix,
                                            char terminator = '"') {
  std::vector<std::string> values;
  for (auto pos = text.find(prefix); pos != std::string_view::npos; pos = text.find(prefix, pos + 1)) {
    const auto start = pos + prefix.size();
    const auto end = text.find(terminator, start);
    if (end == std::string_view::npos) break;
    values.emplace_back(text.substr(start, end - start));
  }
  return values;
}

inline std::string FirstValueAfter(std::string_view text, std::string_view prefix, char terminator = '"') {
  auto values = ValuesAfter(text, prefix, terminator);
  return values.empty() ? std::string() : values.front();
}

inline std::size_t CountOf(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (auto pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

inline bool AllOf(std::string_view text, bool (*predicate)(char)) {
  for (char c : text) {
    if (!predicate(c)) return false;
  }
  return !text.empty();
}
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsSlugChar(char c) { return (c >= 'a' && c <= 'z') || IsDigit(c) || c == '-'; }
inline bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }

/// "/2026/01/some-title".
inline bool IsArticlePath(std::string_view path) {
  return path.size() > 9 && path[0] == '/' && AllOf(path.substr(1, 4), IsDigit) && path[5] == '/' &&
         AllOf(path.substr(6, 2), IsDigit) && path[8] == '/' && AllOf(path.substr(9), IsSlugChar);
}

/// Undoes the escaping our templates apply (&amp; &lt; &gt; &quot; &#39;).
inline std::string Unescape(std::string text) {
  const std::pair<std::string_view, std::string_view> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : entities) {
    for (auto pos = text.find(entity); pos != std::string::npos; pos = text.find(entity, pos + 1)) {
      text.replace(pos, entity.size(), plain);
    }
  }
  return text;
}

}  // namespace gazette::testing
