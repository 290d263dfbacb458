#pragma once
/// Images for the media tests, made by libvips in memory (no binary fixtures), and hand-written byte
/// strings for files that must not be images.

#include <vips/vips.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "gazette/media/image_type.hpp"

namespace gazette::media::test {

inline void StartVipsForTests() {
  static const bool started = [] {
    if (VIPS_INIT("gazette-tests") != 0) throw std::runtime_error("libvips does not start");
    return true;
  }();
  (void)started;
}

/// Owns a VipsImage for the length of a helper.
struct Owned {
  VipsImage* image = nullptr;
  ~Owned() {
    if (image != nullptr) g_object_unref(image);
  }
};

/// A width x height grey pattern (x XOR y) that differs from row to row, so that encoders have real work and
/// the frames of an animation cut from it differ (encoders merge identical frames).
inline VipsImage* Pattern(int width, int height) {
  StartVipsForTests();
  Owned xyz, x, y, mixed, low;
  VipsImage* out = nullptr;
  if (vips_xyz(&xyz.image, width, height, nullptr) != 0 ||
      vips_extract_band(xyz.image, &x.image, 0, nullptr) != 0 ||
      vips_extract_band(xyz.image, &y.image, 1, nullptr) != 0 ||
      vips_eorimage(x.image, y.image, &mixed.image, nullptr) != 0 ||
      vips_andimage_const1(mixed.image, &low.image, 255, nullptr) != 0 ||
      vips_cast_uchar(low.image, &out, nullptr) != 0) {
    throw std::runtime_error("libvips cannot make a test image");
  }
  return out;
}

/// Encodes image as type, keeping its metadata (orientation included) unless told otherwise.
inline std::string Encode(VipsImage* image, ImageType type) {
  void* data = nullptr;
  std::size_t size = 0;
  int failed = -1;
  switch (type) {
    case ImageType::kJpeg:
      failed = vips_jpegsave_buffer(image, &data, &size, "Q", 90, nullptr);
      break;
    case ImageType::kPng:
      failed = vips_pngsave_buffer(image, &data, &size, nullptr);
      break;
    case ImageType::kGif:
      failed = vips_gifsave_buffer(image, &data, &size, nullptr);
      break;
    case ImageType::kWebp:
      failed = vips_webpsave_buffer(image, &data, &size, nullptr);
      break;
  }
  if (failed != 0)
    throw std::runtime_error(std::string("libvips cannot encode a test image: ") + vips_error_buffer());
  std::string bytes(static_cast<const char*>(data), size);
  g_free(data);
  return bytes;
}

/// A still image of type.
inline std::string MakeImage(ImageType type, int width, int height) {
  Owned image{Pattern(width, height)};
  return Encode(image.image, type);
}

/// A JPEG stored as width x height with an EXIF orientation tag (6: rotate 90° clockwise to display).
inline std::string MakeRotatedJpeg(int width, int height, int orientation) {
  Owned image{Pattern(width, height)};
  Owned copy;
  if (vips_copy(image.image, &copy.image, nullptr) != 0) throw std::runtime_error("libvips cannot copy");
  vips_image_set_int(copy.image, VIPS_META_ORIENTATION, orientation);
  return Encode(copy.image, ImageType::kJpeg);
}

/// An animation of frames frames, each width x height.
inline std::string MakeAnimation(ImageType type, int width, int height, int frames) {
  Owned strip{Pattern(width, height * frames)};
  Owned copy;
  if (vips_copy(strip.image, &copy.image, nullptr) != 0) throw std::runtime_error("libvips cannot copy");
  vips_image_set_int(copy.image, VIPS_META_PAGE_HEIGHT, height);
  vips_image_set_int(copy.image, VIPS_META_N_PAGES, frames);
  return Encode(copy.image, type);
}

/// Decoded size and whether metadata survived, of an encoded image.
struct Decoded {
  int width = 0;
  int height = 0;
  bool has_exif = false;
  bool has_orientation = false;
};
inline Decoded Decode(std::string_view bytes) {
  StartVipsForTests();
  Owned image{vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr)};
  if (image.image == nullptr) throw std::runtime_error("libvips cannot read a test image back");
  return Decoded{vips_image_get_width(image.image), vips_image_get_height(image.image),
                 vips_image_get_typeof(image.image, VIPS_META_EXIF_NAME) != 0,
                 vips_image_get_typeof(image.image, VIPS_META_ORIENTATION) != 0};
}

inline std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline void AppendBigEndian(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFF);
}

inline void AppendPngChunk(std::string& out, std::string_view type, std::string_view data) {
  AppendBigEndian(out, static_cast<std::uint32_t>(data.size()));
  const std::string typed = std::string(type) + std::string(data);
  out += typed;
  AppendBigEndian(out, Crc32(typed));
}

/// A well-formed PNG of under 100 bytes whose header declares width x height RGB pixels: decoding it would
/// take width * height * 3 bytes (30 GB for 100,000 x 100,000).
inline std::string PngDeclaring(std::uint32_t width, std::uint32_t height) {
  std::string png = "\x89PNG\r\n\x1A\n";
  std::string header;
  AppendBigEndian(header, width);
  AppendBigEndian(header, height);
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter, no interlace
  AppendPngChunk(png, "IHDR", header);
  // A valid zlib stream of one empty stored block: far too little data for the picture declared.
  AppendPngChunk(png, "IDAT", std::string("\x78\x01\x01\x00\x00\xFF\xFF\x00\x00\x00\x01", 11));
  AppendPngChunk(png, "IEND", "");
  return png;
}

/// A GIF of under 40 bytes whose logical screen and only frame declare width x height.
inline std::string GifDeclaring(std::uint16_t width, std::uint16_t height) {
  const auto le16 = [](std::uint16_t v) {
    return std::string{static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
  };
  std::string gif = "GIF89a" + le16(width) + le16(height) + std::string("\x80\x00\x00", 3);
  gif += std::string("\x00\x00\x00\xFF\xFF\xFF", 6);  // a two-colour global palette
  gif += "," + le16(0) + le16(0) + le16(width) + le16(height) + std::string("\x00", 1);
  gif += std::string("\x02\x02\x44\x01\x00", 5);  // LZW minimum code size 2, a few codes
  gif += ";";
  return gif;
}

}  // namespace gazette::media::test
