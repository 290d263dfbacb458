#pragma once
/// How the media library names its files on disk and in URLs: `<h2>/<sha256>.<ext>` for an original and
/// `<h2>/<sha256>-<width>.<ext>` for a smaller copy, where h2 is the hash's first two hex digits (so that no
/// directory holds more than a few hundred files). Names are made only from a hash, a known width and a
/// known extension; nothing people type ever becomes part of a path.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/media/image_type.hpp"

namespace gazette::media {

/// The widths of the smaller copies, for srcset: phone, tablet and desktop columns. Only those below an
/// image's own width are made. When changing these, existing files keep their names: add widths, never
/// remove one that pages may link to.
inline constexpr std::array<int, 3> kSmallerWidths = {320, 640, 1280};

/// The URL path under which the public site serves the library: kMediaUrlPrefix + a public name.
inline constexpr std::string_view kMediaUrlPrefix = "/media/";

/// Precondition: sha256 is 64 lower-case hex digits. width: empty for the original, else a copy's width.
std::string PublicName(std::string_view sha256, std::optional<int> width, ImageType type);

/// A public name taken apart.
struct ParsedPublicName {
  std::string sha256;
  std::optional<int> width;  ///< empty for the original
  ImageType type = ImageType::kJpeg;
};

/// Parses name only when it is exactly what PublicName makes: two lower-case hex digits, '/', the 64
/// lower-case hex digits of a hash starting with those two, optionally '-' and one of kSmallerWidths
/// written plainly (no sign, no leading zero), '.', and a known extension. Anything else — "..", a leading
/// '/', a backslash, upper-case hex, another width, a NUL byte, a query — gives nothing.
std::optional<ParsedPublicName> ParsePublicName(std::string_view name);

}  // namespace gazette::media
