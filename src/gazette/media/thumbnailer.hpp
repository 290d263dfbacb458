#pragma once
/// MakeSmallerCopies: the responsive sizes of an image, in its own format, for srcset.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/media/image_type.hpp"

namespace gazette::media {

struct SmallerCopy {
  int width = 0;      ///< as asked
  std::string bytes;  ///< the encoded file
};

/// One copy of the image in bytes per width of widths (which must be ascending and each below the image's
/// displayed width: nothing is enlarged), scaled to that width with the height in proportion, EXIF
/// orientation applied, and every piece of metadata (EXIF with its camera and location data, XMP, ICC,
/// comments) left out. Still images only: an animation's copies would lose their motion (the media library
/// makes none for them). bytes must have passed InspectImage. Thread-safe. kInvalid when the image cannot
/// be decoded after all; kInternal when a copy cannot be encoded.
Result<std::vector<SmallerCopy>> MakeSmallerCopies(std::string_view bytes, ImageType type,
                                                   std::span<const int> widths);

}  // namespace gazette::media
