#include "gazette/site/text_excerpt.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace gazette::site {
namespace {

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the entity starting at text[i] == '&'; returns the bytes consumed (0 when not an entity).
std::size_t DecodeEntity(std::string_view text, std::size_t i, std::string& out) {
  const auto end = text.find(';', i);
  if (end == std::string_view::npos || end - i > 10) return 0;
  const std::string_view name = text.substr(i + 1, end - i - 1);
  if (name == "amp") out.push_back('&');
  else if (name == "lt") out.push_back('<');
  else if (name == "gt") out.push_back('>');
  else if (name == "quot") out.push_back('"');
  else if (name == "apos") out.push_back('\'');
  else if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    std::uint32_t cp = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (ec != std::errc{} || ptr != digits.data() + digits.size()) return 0;
    AppendUtf8(out, cp);
  } else {
    return 0;
  }
  return end - i + 1;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::string ExcerptFromHtml(std::string_view html, std::size_t max_bytes) {
  std::string text;
  text.reserve(std::min(html.size(), max_bytes * 2));
  bool pending_space = false;
  for (std::size_t i = 0; i < html.size() && text.size() <= max_bytes * 2;) {
    const char c = html[i];
    if (c == '<') {
      const auto close = html.find('>', i);
      i = close == std::string_view::npos ? html.size() : close + 1;
      pending_space = true;  // block ends and <br> separate words
      continue;
    }
    if (IsSpace(c)) {
      pending_space = true;
      ++i;
      continue;
    }
    if (pending_space && !text.empty()) text.push_back(' ');
    pending_space = false;
    if (c == '&') {
      if (const auto used = DecodeEntity(html, i, text)) {
        i += used;
        continue;
      }
    }
    text.push_back(c);
    ++i;
  }
  if (text.size() <= max_bytes) return text;
  std::size_t cut = text.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
  }
  text.resize(cut);
  while (!text.empty() && (IsSpace(text.back()) || text.back() == ',' || text.back() == '.')) text.pop_back();
  text += "\u2026";
  return text;
}

}  // namespace gazette::site
