#include "gazette/media/thumbnailer.hpp"

#include <fmt/format.h>

#include "gazette/media/detail/vips_support.hpp"

namespace gazette::media {

namespace {

/// Encoding qualities: 82 for JPEG and 80 for WebP look like the original at these sizes for a fraction of
/// its bytes; PNG's compression level 6 is zlib's usual balance of size and time.
constexpr int kJpegQuality = 82;
constexpr int kWebpQuality = 80;
constexpr int kPngCompression = 6;

/// Scales image down to width, rotated upright; the height is free (VIPS_MAX_COORD) so only the width
/// decides.
detail::ImagePtr ScaleDown(VipsImage* image, int width) {
  VipsImage* out = nullptr;
  if (vips_thumbnail_image(image, &out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, nullptr) !=
      0) {
    return nullptr;
  }
  return detail::ImagePtr(out);
}

/// The first, largest copy comes straight from the file's bytes, so that JPEG and WebP can decode at a
/// fraction of the full size (shrink-on-load) instead of decoding every pixel.
detail::ImagePtr ScaleDownFromBytes(std::string_view bytes, int width) {
  VipsImage* out = nullptr;
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &out, width, "height",
                            VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "option_string", "fail_on=error",
                            nullptr) != 0) {
    return nullptr;
  }
  return detail::ImagePtr(out);
}

Result<std::string> Encode(VipsImage* image, ImageType type) {
  void* data = nullptr;
  std::size_t size = 0;
  int failed = -1;
  switch (type) {
    case ImageType::kJpeg:
      failed = vips_jpegsave_buffer(image, &data, &size, "Q", kJpegQuality, "strip", TRUE, "optimize_coding",
                                    TRUE, "interlace", TRUE, nullptr);
      break;
    case ImageType::kPng:
      failed =
          vips_pngsave_buffer(image, &data, &size, "strip", TRUE, "compression", kPngCompression, nullptr);
      break;
    case ImageType::kGif:
      failed = vips_gifsave_buffer(image, &data, &size, "strip", TRUE, nullptr);
      break;
    case ImageType::kWebp:
      failed = vips_webpsave_buffer(image, &data, &size, "Q", kWebpQuality, "strip", TRUE, nullptr);
      break;
  }
  const detail::GlibBuffer owned(data);
  if (failed != 0) {
    detail::ForgetError();
    return MakeError(ErrorCode::kInternal, fmt::format("a smaller copy of this {} image could not be made",
                                                       MimeOf(type).substr(6)));
  }
  return std::string(static_cast<const char*>(data), size);
}

}  // namespace

Result<std::vector<SmallerCopy>> MakeSmallerCopies(std::string_view bytes, ImageType type,
                                                   std::span<const int> widths) {
  std::vector<SmallerCopy> copies;
  if (widths.empty()) return copies;
  if (Status started = detail::StartVips(); !started.ok()) return std::move(started).error();

  // Largest first, held in memory (a few megabytes at most), then each smaller one scaled from it: the
  // original is decoded once, not once per width.
  detail::ImagePtr largest = ScaleDownFromBytes(bytes, widths.back());
  VipsImage* in_memory = largest == nullptr ? nullptr : vips_image_copy_memory(largest.get());
  if (in_memory == nullptr) {
    detail::ForgetError();
    return MakeError(ErrorCode::kInvalid, fmt::format("this {} image could not be scaled down: it is damaged",
                                                      MimeOf(type).substr(6)));
  }
  const detail::ImagePtr source(in_memory);

  copies.resize(widths.size());
  for (std::size_t i = widths.size(); i-- > 0;) {
    detail::ImagePtr scaled = i + 1 == widths.size()
                                  ? detail::ImagePtr(static_cast<VipsImage*>(g_object_ref(source.get())))
                                  : ScaleDown(source.get(), widths[i]);
    if (scaled == nullptr) {
      detail::ForgetError();
      return MakeError(ErrorCode::kInternal,
                       fmt::format("a {} pixel wide copy of this image could not be made", widths[i]));
    }
    Result<std::string> encoded = Encode(scaled.get(), type);
    if (!encoded.ok()) return std::move(encoded).error();
    copies[i] = SmallerCopy{widths[i], std::move(encoded).value()};
  }
  return copies;
}

}  // namespace gazette::media
