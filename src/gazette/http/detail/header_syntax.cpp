#include "gazette/http/detail/header_syntax.hpp"

#include <strings.h>

namespace gazette::http::detail {

bool IsTokenChar(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view TrimBlanks(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool HasMediaType(std::string_view content_type, std::string_view expected) noexcept {
  return EqualsIgnoreCase(TrimBlanks(content_type.substr(0, content_type.find(';'))), expected);
}

}  // namespace gazette::http::detail
