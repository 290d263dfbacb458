#include "gazette/media/media_naming.hpp"

#include <algorithm>

namespace gazette::media {

namespace {

constexpr std::size_t kHashDigits = 64;
constexpr std::size_t kDirectoryDigits = 2;

bool IsLowerHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool IsLowerHex(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return IsLowerHex(c); });
}

}  // namespace

std::string PublicName(std::string_view sha256, std::optional<int> width, ImageType type) {
  std::string name;
  name.reserve(kDirectoryDigits + 1 + sha256.size() + 6 + 5);
  name.append(sha256.substr(0, kDirectoryDigits));
  name += '/';
  name.append(sha256);
  if (width) {
    name += '-';
    name += std::to_string(*width);
  }
  name += '.';
  name.append(ExtensionOf(type));
  return name;
}

std::optional<ParsedPublicName> ParsePublicName(std::string_view name) {
  // "ab/" + 64 hex digits, at least; the longest is "-1280.webp" beyond that.
  constexpr std::size_t kPrefix = kDirectoryDigits + 1 + kHashDigits;
  if (name.size() <= kPrefix || name.size() > kPrefix + 16) return std::nullopt;
  const std::string_view directory = name.substr(0, kDirectoryDigits);
  const std::string_view hash = name.substr(kDirectoryDigits + 1, kHashDigits);
  if (name[kDirectoryDigits] != '/' || !IsLowerHex(hash) || hash.substr(0, kDirectoryDigits) != directory) {
    return std::nullopt;
  }
  std::string_view rest = name.substr(kPrefix);  // "-640.jpg" or ".jpg"

  ParsedPublicName parsed;
  parsed.sha256 = std::string(hash);
  if (rest.front() == '-') {
    const std::size_t dot = rest.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const std::string_view digits = rest.substr(1, dot - 1);
    // Compared as text with each known width, so "0640", "+640" and "640 " never match.
    const auto known = std::find_if(kSmallerWidths.begin(), kSmallerWidths.end(),
                                    [&](int width) { return digits == std::to_string(width); });
    if (known == kSmallerWidths.end()) return std::nullopt;
    parsed.width = *known;
    rest.remove_prefix(dot);
  }
  if (rest.front() != '.') return std::nullopt;
  const std::optional<ImageType> type = ImageTypeFromExtension(rest.substr(1));
  if (!type) return std::nullopt;
  parsed.type = *type;
  return parsed;
}

}  // namespace gazette::media
