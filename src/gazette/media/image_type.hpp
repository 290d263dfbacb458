#pragma once
/// The image types the media library accepts, recognised by their first bytes, never by a file name: a
/// renamed program, an HTML page or an SVG (which can carry scripts) is refused whatever it is called.

#include <optional>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::media {

/// When adding a type, also update the CHECK on media.mime (a new migration), storage's list of mime
/// types, and kAcceptedTypesText.
enum class ImageType { kJpeg, kPng, kGif, kWebp };

/// For messages that refuse a file: names the accepted types.
inline constexpr std::string_view kAcceptedTypesText = "JPEG, PNG, GIF or WebP";

/// The type whose signature starts bytes: JPEG FF D8 FF; PNG 89 50 4E 47 0D 0A 1A 0A; GIF "GIF87a" or
/// "GIF89a"; WebP "RIFF" <4 bytes> "WEBP". kInvalid for anything else, with a message naming the accepted
/// types. Reads at most the first 12 bytes.
Result<ImageType> DetectImageType(std::string_view bytes);

/// "image/jpeg", "image/png", "image/gif", "image/webp".
std::string_view MimeOf(ImageType type);
/// The file name extension: "jpg", "png", "gif", "webp".
std::string_view ExtensionOf(ImageType type);

/// Inverses of the above; empty for anything else (exact, lower-case match).
std::optional<ImageType> ImageTypeFromMime(std::string_view mime);
std::optional<ImageType> ImageTypeFromExtension(std::string_view extension);

}  // namespace gazette::media
