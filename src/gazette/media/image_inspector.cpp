#include "gazette/media/image_inspector.hpp"

#include <fmt/format.h>

#include "gazette/media/detail/vips_support.hpp"

namespace gazette::media {

namespace {

Error Unreadable(ImageType type) {
  detail::ForgetError();
  return MakeError(ErrorCode::kInvalid,
                   fmt::format("this {} file is damaged or incomplete and cannot be shown; export it again "
                               "from the original and upload the new file",
                               MimeOf(type).substr(6)));
}

}  // namespace

Result<ImageInfo> InspectImage(std::string_view bytes, ImageType type, const MediaLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("this file is larger than the {} bytes an upload may have; "
                                 "make it smaller and try again",
                                 limits.max_bytes));
  }
  if (Status started = detail::StartVips(); !started.ok()) return std::move(started).error();

  // All frames of an animation, so that the pixel bound counts each of them and each is decoded below.
  detail::ImagePtr image = detail::OpenLazily(bytes, type, /*all_frames=*/true);
  if (image == nullptr) return Unreadable(type);

  // Only the header has been read so far: no pixel memory is taken before these checks pass.
  const std::int64_t width = vips_image_get_width(image.get());
  const std::int64_t total_height = vips_image_get_height(image.get());
  const std::int64_t frames = std::max(1, vips_image_get_n_pages(image.get()));
  const std::int64_t frame_height = std::max(1, vips_image_get_page_height(image.get()));
  if (width < 1 || total_height < 1) return Unreadable(type);
  if (width > limits.max_side || frame_height > limits.max_side) {
    return MakeError(
        ErrorCode::kInvalid,
        fmt::format("this image is {} x {} pixels; a side may have at most {} pixels, so scale it "
                    "down and upload it again",
                    width, frame_height, limits.max_side));
  }
  if (frames > limits.max_frames) {
    return MakeError(ErrorCode::kInvalid, fmt::format("this animation has {} frames; at most {} are accepted",
                                                      frames, limits.max_frames));
  }
  if (width * total_height > limits.max_pixels) {
    return MakeError(
        ErrorCode::kInvalid,
        fmt::format("this image has {:.1f} megapixels{}; at most {:.1f} are accepted, so scale it "
                    "down and upload it again",
                    static_cast<double>(width * total_height) / 1e6, frames > 1 ? " in all its frames" : "",
                    static_cast<double>(limits.max_pixels) / 1e6));
  }

  // Decoding every pixel is what finds a truncated or damaged file: the header alone can look fine. The
  // average is the cheapest operation that reads them all, strip by strip.
  double average = 0;
  if (vips_avg(image.get(), &average, nullptr) != 0) return Unreadable(type);

  ImageInfo info;
  info.width = static_cast<int>(width);
  info.height = static_cast<int>(frame_height);
  info.frames = static_cast<int>(frames);
  if (vips_image_get_orientation_swap(image.get())) std::swap(info.width, info.height);
  return info;
}

}  // namespace gazette::media
