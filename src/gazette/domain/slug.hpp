#pragma once
/// Slugs: the readable, stable part of a URL, made from a title ("Łódź council goes digital" ->
/// "lodz-council-goes-digital"). Accents are transliterated with ICU "Any-Latin; Latin-ASCII".

#include <string>
#include <string_view>

namespace gazette::domain {

/// Longest slug we generate, in bytes: long enough for a headline, short enough for a URL.
inline constexpr std::size_t kMaxSlugLength = 80;

/// Lower-case ASCII letters and digits separated by single hyphens, at most kMaxSlugLength bytes, cut at a
/// word boundary where possible. Returns "article" when nothing usable is left (a title of only symbols).
/// Thread-safe. Invalid UTF-8 is treated as replacement characters and dropped.
std::string MakeSlug(std::string_view title);

/// True when text is already a valid slug (what MakeSlug would leave unchanged).
bool IsValidSlug(std::string_view text);

}  // namespace gazette::domain
