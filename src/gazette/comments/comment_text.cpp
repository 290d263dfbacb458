#include "gazette/comments/comment_text.hpp"

#include <vector>

#include "gazette/base/html_escape.hpp"

namespace gazette::comments {
namespace {

struct Link {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(text[i]) != prefix[i]) return false;
  }
  return true;
}

/// Characters that end a link: space and controls, the quotes and angle brackets that would end an
/// attribute or a tag, and the ones RFC 3986 never allows raw in a URL. Non-ASCII characters also end it:
/// a link is what the reader can check by eye, and an address in another script is a common disguise.
bool EndsLink(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte <= 0x20 || byte >= 0x7f) return true;
  switch (c) {
    case '"': case '\'': case '<': case '>': case '`': case '{': case '}': case '|': case '\\': case '^':
      return true;
    default:
      return false;
  }
}

/// Punctuation that ends a sentence rather than a URL when it is a link's last character.
bool IsTrailingPunctuation(char c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '*': case '_': case '~':
      return true;
    default:
      return false;
  }
}

/// Drops trailing punctuation, and a closing bracket that has no opening one inside the link: "(see
/// http://x.org/a)" links http://x.org/a, while http://x.org/wiki/A_(b) keeps its bracket.
std::size_t TrimEnd(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const char last = text[end - 1];
    if (IsTrailingPunctuation(last)) {
      --end;
      continue;
    }
    if (last == ')' || last == ']') {
      const char open = last == ')' ? '(' : '[';
      int balance = 0;
      for (std::size_t i = begin; i < end; ++i) {
        if (text[i] == open) ++balance;
        if (text[i] == last) --balance;
      }
      if (balance < 0) {
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

/// The links of text, in order, as CommentTextToHtml makes them.
std::vector<Link> FindLinks(std::string_view text) {
  std::vector<Link> links;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    std::size_t scheme = 0;
    if (StartsWithNoCase(rest, "https://")) scheme = 8;
    else if (StartsWithNoCase(rest, "http://")) scheme = 7;
    // A scheme glued to a word ("xhttp://") is not the start of a link.
    if (scheme == 0 || (i > 0 && IsAsciiAlnum(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t end = i + scheme;
    while (end < text.size() && !EndsLink(text[end])) ++end;
    end = TrimEnd(text, i, end);
    // A link needs a host: "http://" alone, or followed only by punctuation, stays text.
    if (end > i + scheme && IsAsciiAlnum(text[i + scheme])) {
      links.push_back({i, end});
      i = end;
    } else {
      i += scheme;
    }
  }
  return links;
}

bool IsBlankLine(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

/// One paragraph's lines: escaped text and links, lines joined with <br>.
void AppendParagraph(const std::vector<std::string_view>& lines, std::string& out) {
  out += "<p>";
  for (std::size_t n = 0; n < lines.size(); ++n) {
    if (n > 0) out += "<br>\n";
    const std::string_view line = lines[n];
    std::size_t done = 0;
    for (const Link& link : FindLinks(line)) {
      AppendHtmlEscaped(line.substr(done, link.begin - done), out);
      const std::string_view url = line.substr(link.begin, link.end - link.begin);
      out += "<a href=\"";
      AppendHtmlEscaped(url, out);
      out += "\" rel=\"";
      out += kCommentLinkRel;
      out += "\">";
      AppendHtmlEscaped(url, out);
      out += "</a>";
      done = link.end;
    }
    AppendHtmlEscaped(line.substr(done), out);
  }
  out += "</p>\n";
}

}  // namespace

std::string CommentTextToHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4 + 16);
  std::vector<std::string_view> paragraph;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t stop = newline == std::string_view::npos ? text.size() : newline;
    const std::string_view line = text.substr(start, stop - start);
    if (IsBlankLine(line)) {
      if (!paragraph.empty()) AppendParagraph(paragraph, out);
      paragraph.clear();
    } else {
      paragraph.push_back(line);
    }
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  if (!paragraph.empty()) AppendParagraph(paragraph, out);
  return out;
}

std::size_t CountCommentLinks(std::string_view text) {
  std::size_t count = 0;
  std::size_t start = 0;
  // Links never span lines, so counting line by line matches CommentTextToHtml.
  while (start <= text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t stop = newline == std::string_view::npos ? text.size() : newline;
    count += FindLinks(text.substr(start, stop - start)).size();
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return count;
}

}  // namespace gazette::comments
