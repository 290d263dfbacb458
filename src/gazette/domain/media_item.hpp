#pragma once
/// MediaItem: one image of the media library as stored: its content hash (which names its files), type,
/// size, the widths of the smaller copies made of it, and what people typed about it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gazette/base/clock.hpp"

namespace gazette::domain {

struct MediaItem {
  std::int64_t id = 0;
  std::string sha256;  ///< 64 lower-case hex digits of the SHA-256 of the original's bytes
  std::string mime;    ///< "image/jpeg", "image/png", "image/gif" or "image/webp"
  int width = 0;       ///< of the original as displayed (EXIF orientation applied)
  int height = 0;
  std::int64_t bytes = 0;  ///< size of the original file
  std::vector<int> sizes;  ///< widths of the smaller copies, ascending; empty when none was made
  std::optional<std::int64_t> uploaded_by;  ///< a user id; empty for uploads by no user (imports)
  Timestamp uploaded_at{};
  std::string original_name;  ///< the uploaded file's name, cleaned for display only; never a path
  std::string alt;            ///< text alternative for readers who cannot see the image
};

}  // namespace gazette::domain
