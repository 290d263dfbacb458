#include "gazette/domain/slug.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace gazette::domain {
namespace {

// Only the start of a title can reach the slug; cutting the input bounds the transliteration work for a
// pathological multi-megabyte title. Eight bytes per slug byte leaves room for 4-byte scripts and
// punctuation that disappears.
constexpr std::size_t kMaxTitleBytes = kMaxSlugLength * 8;

constexpr std::string_view kFallbackSlug = "article";

// Creating a transliterator parses its rules (milliseconds); a Transliterator is not safe for concurrent
// use, so each thread keeps its own. Null when ICU lacks the rules: slugs then keep only ASCII letters.
icu::Transliterator* ThreadTransliterator() {
  thread_local const std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return transliterator.get();
}

std::string ToAscii(std::string_view title) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(title.data(), static_cast<int32_t>(title.size())));  // invalid bytes become U+FFFD
  if (icu::Transliterator* transliterator = ThreadTransliterator()) transliterator->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string MakeSlug(std::string_view title) {
  if (title.size() > kMaxTitleBytes) title = title.substr(0, kMaxTitleBytes);
  const std::string ascii = ToAscii(title);

  std::string slug;
  slug.reserve(kMaxSlugLength + 1);
  bool pending_hyphen = false;
  for (const char c : ascii) {
    if (IsAsciiAlnum(c)) {
      if (pending_hyphen && !slug.empty()) slug += '-';
      pending_hyphen = false;
      slug += AsciiLower(c);
      if (slug.size() > kMaxSlugLength) break;  // one byte past the limit tells a cut word from a whole one
    } else if (c != '\'') {
      // Apostrophes join ("Europe's" -> "europes"); everything else separates words.
      pending_hyphen = true;
    }
  }

  if (slug.size() > kMaxSlugLength) {
    const std::size_t hyphen = slug.rfind('-', kMaxSlugLength);
    // A single word longer than the limit has no boundary to cut at: cut it hard.
    slug.resize(hyphen == std::string::npos || hyphen == 0 ? kMaxSlugLength : hyphen);
  }
  if (slug.empty()) return std::string(kFallbackSlug);
  return slug;
}

bool IsValidSlug(std::string_view text) {
  if (text.empty() || text.size() > kMaxSlugLength) return false;
  if (text.front() == '-' || text.back() == '-') return false;
  char previous = '\0';
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

}  // namespace gazette::domain
