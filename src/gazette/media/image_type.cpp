#include "gazette/media/image_type.hpp"

#include <fmt/format.h>

#include <array>

namespace gazette::media {

namespace {

struct TypeNames {
  ImageType type;
  std::string_view mime;
  std::string_view extension;
};

constexpr std::array<TypeNames, 4> kTypes = {{
    {ImageType::kJpeg, "image/jpeg", "jpg"},
    {ImageType::kPng, "image/png", "png"},
    {ImageType::kGif, "image/gif", "gif"},
    {ImageType::kWebp, "image/webp", "webp"},
}};

const TypeNames& NamesOf(ImageType type) {
  for (const TypeNames& names : kTypes) {
    if (names.type == type) return names;
  }
  return kTypes[0];  // unreachable: every enumerator is in kTypes
}

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<ImageType> DetectImageType(std::string_view bytes) {
  using std::string_view_literals::operator""sv;
  if (StartsWith(bytes, "\xFF\xD8\xFF"sv)) return ImageType::kJpeg;
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n"sv)) return ImageType::kPng;
  if (StartsWith(bytes, "GIF87a"sv) || StartsWith(bytes, "GIF89a"sv)) return ImageType::kGif;
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv)
    return ImageType::kWebp;
  return MakeError(
      ErrorCode::kInvalid,
      fmt::format("this file is not an image the library accepts; upload a {} image", kAcceptedTypesText));
}

std::string_view MimeOf(ImageType type) {
  return NamesOf(type).mime;
}

std::string_view ExtensionOf(ImageType type) {
  return NamesOf(type).extension;
}

std::optional<ImageType> ImageTypeFromMime(std::string_view mime) {
  for (const TypeNames& names : kTypes) {
    if (names.mime == mime) return names.type;
  }
  return std::nullopt;
}

std::optional<ImageType> ImageTypeFromExtension(std::string_view extension) {
  for (const TypeNames& names : kTypes) {
    if (names.extension == extension) return names.type;
  }
  return std::nullopt;
}

}  // namespace gazette::media
