#include "gazette/media/detail/vips_support.hpp"

#include <mutex>

namespace gazette::media::detail {

Status StartVips() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] {
    // VIPS_INIT checks that the headers compiled against match the library loaded at run time.
    if (VIPS_INIT("gazette") != 0) {
      ForgetError();
      return;
    }
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    vips_block_untrusted_set(TRUE);
    started = true;
  });
  if (!started) return MakeError(ErrorCode::kInternal, "the image library (libvips) could not start");
  return OkStatus();
}

ImagePtr OpenLazily(std::string_view bytes, ImageType type, bool all_frames) {
  // The loaders take a non-const pointer but only read the buffer.
  void* data = const_cast<char*>(bytes.data());
  const std::size_t size = bytes.size();
  const int frames = all_frames ? -1 : 1;
  VipsImage* image = nullptr;
  int failed = -1;
  switch (type) {
    case ImageType::kJpeg:
      failed = vips_jpegload_buffer(data, size, &image, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                    VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case ImageType::kPng:
      failed = vips_pngload_buffer(data, size, &image, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                   VIPS_FAIL_ON_ERROR, nullptr);
      break;
    case ImageType::kGif:
      failed = vips_gifload_buffer(data, size, &image, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                   VIPS_FAIL_ON_ERROR, "n", frames, nullptr);
      break;
    case ImageType::kWebp:
      failed = vips_webpload_buffer(data, size, &image, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                    VIPS_FAIL_ON_ERROR, "n", frames, nullptr);
      break;
  }
  if (failed != 0) {
    if (image != nullptr) g_object_unref(image);
    return nullptr;
  }
  return ImagePtr(image);
}

void ForgetError() {
  vips_error_clear();
}

}  // namespace gazette::media::detail
