#pragma once
/// MediaStore: the rows of the media library (one per distinct image, found by id or content hash). The
/// files themselves are media::MediaLibrary's; this store never touches the disk.

#include <cstdint>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/domain/media_item.hpp"

namespace gazette::storage {

/// Bounds on what people type, so that a list of images stays readable and a row stays small.
inline constexpr std::size_t kMaxMediaOriginalNameBytes = 255;
inline constexpr std::size_t kMaxMediaAltBytes = 1000;
/// Most rows one List call returns: a page of thumbnails, with room to spare.
inline constexpr std::int64_t kMaxMediaListLimit = 1000;

/// Thread-safe.
class MediaStore {
 public:
  virtual ~MediaStore() = default;

  /// Stores item (its id is ignored) and returns the new id. kConflict when an item with the same sha256
  /// exists; kInvalid for a sha256 that is not 64 lower-case hex digits, an unknown mime, a width, height
  /// or byte count below 1, sizes not ascending and positive, or text over the bounds above.
  virtual Result<std::int64_t> Create(const domain::MediaItem& item) = 0;

  /// kNotFound when there is none.
  virtual Result<domain::MediaItem> FindById(std::int64_t id) = 0;
  virtual Result<domain::MediaItem> FindBySha256(std::string_view sha256) = 0;

  /// Items newest first (uploaded_at, then id, descending), skipping offset, at most limit. kInvalid for a
  /// negative offset or a limit outside [0, kMaxMediaListLimit].
  virtual Result<std::vector<domain::MediaItem>> List(std::int64_t offset, std::int64_t limit) = 0;

  /// Replaces the alt text. kNotFound for no such item; kInvalid over kMaxMediaAltBytes.
  virtual Status UpdateAlt(std::int64_t id, std::string_view alt) = 0;

  /// Deletes the row. kNotFound for no such item.
  virtual Status Delete(std::int64_t id) = 0;
};

}  // namespace gazette::storage
