#include "gazette/search/search_query.hpp"

#include <fmt/format.h>

#include "gazette/base/utf8.hpp"

namespace gazette::search {
namespace {

/// Controls (NUL included) and blanks separate terms; none ever reaches the engine.
bool IsSeparator(unsigned char c) { return c <= 0x20 || c == 0x7F; }

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// The code point starting at text[i] and its length. Precondition: valid UTF-8.
char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) {
    length = 1;
    return lead;
  }
  length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  char32_t cp = lead & (0x3F >> (length - 1));
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

/// Punctuation outside ASCII (dashes, typographic quotes, ellipsis, Latin-1 signs, CJK punctuation),
/// which the tokenizer drops like ASCII punctuation.
bool IsPunctuation(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F);
}

/// True when the tokenizer will find at least one token in text: a term of punctuation alone would be
/// an empty phrase, which matches nothing and would empty the whole result.
bool HasTokenCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t cp = DecodeAt(text, i, length);
    if (cp < 0x80 ? IsAsciiAlnum(static_cast<unsigned char>(cp)) : !IsPunctuation(cp)) return true;
    i += length;
  }
  return false;
}

/// A term's FTS5 form: its quoted string, and " *" for a prefix.
std::string TermExpression(const SearchTerm& term) {
  std::string expression = QuoteFts5String(term.text);
  if (term.prefix) expression += " *";
  return expression;
}

/// Splits text into terms. A double quote opens a phrase that runs to the next one (or to the end);
/// a minus sign at the start of a term excludes it; a star at the end of a word makes it a prefix.
std::vector<SearchTerm> SplitTerms(std::string_view text) {
  std::vector<SearchTerm> terms;
  std::size_t i = 0;
  while (i < text.size()) {
    if (IsSeparator(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    SearchTerm term;
    if (text[i] == '-') {
      term.excluded = true;
      ++i;
    }
    if (i < text.size() && text[i] == '"') {
      term.phrase = true;
      const std::size_t start = i + 1;
      const std::size_t end = text.find('"', start);
      const std::size_t stop = end == std::string_view::npos ? text.size() : end;
      term.text.assign(text.substr(start, stop - start));
      i = stop == text.size() ? stop : stop + 1;
      // Controls inside a phrase become spaces: the phrase keeps its words, the engine sees no NUL.
      for (char& c : term.text) {
        if (IsSeparator(static_cast<unsigned char>(c))) c = ' ';
      }
    } else {
      const std::size_t start = i;
      while (i < text.size() && !IsSeparator(static_cast<unsigned char>(text[i])) && text[i] != '"') ++i;
      term.text.assign(text.substr(start, i - start));
      // Only a trailing star means a prefix; stars elsewhere are punctuation to the tokenizer.
      while (!term.text.empty() && term.text.back() == '*') {
        term.text.pop_back();
        term.prefix = true;
      }
      if (term.prefix && CodePointCount(term.text) < kMinPrefixChars) term.prefix = false;
    }
    if (HasTokenCharacter(term.text)) terms.push_back(std::move(term));
  }
  return terms;
}

}  // namespace

std::string QuoteFts5String(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted.push_back('"');
  for (const char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

Result<SearchQuery> ParseSearchQuery(std::string_view text) {
  if (!IsValidUtf8(text)) {
    return MakeError(ErrorCode::kInvalid,
                     "The search text is not valid UTF-8. Please type it again, or paste it as plain text.");
  }
  SearchQuery query;
  if (text.size() > kMaxQueryBytes) {
    text = TruncateUtf8(text, kMaxQueryBytes);
    query.notes.push_back(fmt::format("Your search was too long: only its first {} bytes were used.",
                                      kMaxQueryBytes));
  }
  query.terms = SplitTerms(text);
  if (query.terms.size() > kMaxTerms) {
    query.terms.resize(kMaxTerms);
    query.notes.push_back(fmt::format("Only the first {} words and phrases were used.", kMaxTerms));
  }

  std::string wanted;
  std::string unwanted;
  for (const SearchTerm& term : query.terms) {
    std::string& side = term.excluded ? unwanted : wanted;
    if (!side.empty()) side += term.excluded ? " OR " : " AND ";
    side += TermExpression(term);
  }
  if (wanted.empty()) {
    if (unwanted.empty()) return query;  // blank: nothing to search for, and nothing wrong
    return MakeError(ErrorCode::kInvalid,
                     "Add at least one word to look for: a search cannot only leave words out (-word).");
  }
  query.match = unwanted.empty() ? wanted : fmt::format("({}) NOT ({})", wanted, unwanted);
  return query;
}

}  // namespace gazette::search
