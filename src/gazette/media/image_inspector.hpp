#pragma once
/// InspectImage: checks that uploaded bytes are a whole, undamaged image within the limits, and measures
/// it. The size in pixels is read from the header and checked before any pixel is decoded.

#include <string_view>

#include "gazette/base/result.hpp"
#include "gazette/media/image_type.hpp"
#include "gazette/media/media_limits.hpp"

namespace gazette::media {

struct ImageInfo {
  int width = 0;   ///< as displayed: EXIF orientation applied (a portrait photo stored sideways is tall)
  int height = 0;  ///< of one frame
  int frames = 1;  ///< more than 1 for an animated GIF or WebP
};

/// bytes must be of type (DetectImageType). Refuses with kInvalid, saying why in words for the uploader:
/// more bytes than limits.max_bytes; a side over limits.max_side, more pixels (all frames counted) than
/// limits.max_pixels, or more frames than limits.max_frames, all known from the header alone; a header
/// that cannot be read; then any pixel that cannot be decoded (a truncated or damaged file). Decodes in
/// strips, so memory stays far below the image's size. Thread-safe. kInternal when libvips cannot start.
Result<ImageInfo> InspectImage(std::string_view bytes, ImageType type, const MediaLimits& limits);

}  // namespace gazette::media
