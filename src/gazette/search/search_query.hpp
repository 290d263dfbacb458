#pragma once
/// The readers' search language (words, "exact phrases", -excluded, prefix*) turned into a safe SQLite
/// FTS5 MATCH expression. Every term becomes a quoted FTS5 string, so the engine's own syntax (NEAR, ^,
/// column:, AND/OR/NOT, parentheses, a lone *) typed by a reader is only ever searched for as text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"

namespace gazette::search {

/// Longer queries are cut (at a character boundary) with a note rather than refused: a pasted paragraph
/// still finds something. A kilobyte is far beyond anything typed, and bounds the engine's work.
inline constexpr std::size_t kMaxQueryBytes = 1000;
/// Terms beyond this are dropped with a note: each one is another index lookup and merge.
inline constexpr std::size_t kMaxTerms = 32;
/// A prefix of one letter matches most of the index; shorter prefixes are searched as plain words.
inline constexpr std::size_t kMinPrefixChars = 2;

struct SearchTerm {
  std::string text;       ///< what the reader typed for it, without quotes, minus sign or star
  bool phrase = false;    ///< typed in double quotes: the words must appear together, in order
  bool prefix = false;    ///< typed with a trailing *: words starting with text
  bool excluded = false;  ///< typed with a leading -: articles containing it are left out
};

struct SearchQuery {
  std::vector<SearchTerm> terms;
  /// The FTS5 MATCH expression; empty when there is nothing to search for (a blank query).
  std::string match;
  /// Messages for the reader about what was changed (shortened, terms dropped).
  std::vector<std::string> notes;

  bool empty() const { return match.empty(); }
};

/// Parses what a reader typed. Never fails on syntax: unbalanced quotes close at the end, stray
/// operators and punctuation are searched as text or ignored. Errors (kInvalid, with a message for the
/// reader): text that is not valid UTF-8, and a query that only excludes words.
Result<SearchQuery> ParseSearchQuery(std::string_view text);

/// text as one FTS5 string: in double quotes, with double quotes doubled.
std::string QuoteFts5String(std::string_view text);

}  // namespace gazette::search
