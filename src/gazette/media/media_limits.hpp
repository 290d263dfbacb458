#pragma once
/// MediaLimits: how large an uploaded image may be, in bytes and in pixels. The pixel bounds are checked
/// from the image's header before any pixel is decoded, so that a small file declaring a huge picture (an
/// "image bomb") is refused without the memory it would take.

#include <cstddef>
#include <cstdint>

#include "gazette/base/result.hpp"

namespace gazette::media {

struct MediaLimits {
  /// Largest upload accepted, in bytes: the server's configured upload limit ([server] max_upload_bytes).
  std::size_t max_bytes = 10 * 1024 * 1024;
  /// Most pixels in an image, all frames of an animation counted: 50 megapixels is more than any camera
  /// photo a news site publishes (a 45 MP full-frame sensor), and decodes in well under a second here.
  std::int64_t max_pixels = 50'000'000;
  /// Longest side in pixels: a panorama of 20,000 x 2,500 passes; a 1 x 50,000,000 strip, which no one
  /// publishes and some decoders handle badly, does not.
  int max_side = 20'000;
  /// Most frames of an animated GIF or WebP: each frame is decoded to check the file, and the frame table
  /// of a file with millions of tiny frames would take far more memory than its bytes suggest.
  int max_frames = 1000;
};

/// kInvalid when a bound is not positive.
Status CheckMediaLimits(const MediaLimits& limits);

}  // namespace gazette::media
