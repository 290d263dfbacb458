#include "gazette/config/detail/value_checks.hpp"

#include <fmt/format.h>

#include "gazette/base/time_zone.hpp"
#include "gazette/base/utf8.hpp"
#include "gazette/config/detail/text.hpp"
#include "gazette/config/limits.hpp"

namespace gazette::config::detail {
namespace {

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message));
}

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

Status CheckText(std::string_view text, std::size_t max_chars, bool allow_empty) {
  if (!IsValidUtf8(text)) return Invalid("must be valid UTF-8");
  if (text.empty() && !allow_empty) return Invalid("must not be empty");
  if (HasControlCharacter(text)) return Invalid("must be one line without control characters");
  const std::size_t chars = CodePointCount(text);
  if (chars > max_chars)
    return Invalid(fmt::format("must be at most {} characters long (got {})", max_chars, chars));
  return OkStatus();
}

Status CheckRange(std::int64_t value, std::int64_t min, std::int64_t max) {
  if (value < min || value > max)
    return Invalid(fmt::format("must be between {} and {} (got {})", min, max, value));
  return OkStatus();
}

Status CheckLanguageTag(std::string_view tag) {
  const auto invalid = [&] {
    return Invalid(fmt::format("must be a BCP 47 language tag such as en, de or pt-BR (got \"{}\")",
                               tag.substr(0, kMaxLanguageChars + 1)));
  };
  if (tag.size() > kMaxLanguageChars) return invalid();
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const std::size_t end = std::min(tag.find('-', start), tag.size());
    const std::string_view subtag = tag.substr(start, end - start);
    if (first) {
      if (subtag.size() < 2 || subtag.size() > 3) return invalid();
      for (const char c : subtag) {
        if (!IsAsciiLetter(c)) return invalid();
      }
    } else {
      if (subtag.empty() || subtag.size() > 8) return invalid();
      for (const char c : subtag) {
        if (!IsAsciiLetter(c) && !IsAsciiDigit(c)) return invalid();
      }
    }
    if (end == tag.size()) return OkStatus();
    start = end + 1;
    first = false;
  }
}

Status CheckTimeZone(std::string_view name) {
  const auto invalid = [&] {
    return Invalid(fmt::format("must be an IANA time zone such as Europe/London or UTC (got \"{}\")",
                               name.substr(0, kMaxTimeZoneChars + 1)));
  };
  if (name.empty() || name.size() > kMaxTimeZoneChars || HasControlCharacter(name) || !IsValidUtf8(name)) {
    return invalid();
  }
  if (!TimeZone::Load(name).ok()) return invalid();
  return OkStatus();
}

}  // namespace gazette::config::detail
