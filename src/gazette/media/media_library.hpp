#pragma once
/// MediaLibrary: the back office's image uploads. Checks what was uploaded (type by content, size, pixels,
/// damage), stores the original and its smaller copies on disk named by content hash, records the image in
/// storage::MediaStore, and maps the public site's /media/<name> requests to files.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/media_item.hpp"
#include "gazette/media/media_limits.hpp"
#include "gazette/storage/media_store.hpp"

namespace gazette::media {

/// Thread-safe. Holds a reference to the store, which must outlive it.
class MediaLibrary {
 public:
  /// directory: where the files go (the site's DIR/media), created with mode 0755 when missing. kInvalid
  /// for a limit that is not positive; kUnavailable when the directory cannot be made; kInternal when the
  /// image library cannot start.
  static Result<std::unique_ptr<MediaLibrary>> Open(storage::MediaStore& store,
                                                    std::filesystem::path directory,
                                                    const MediaLimits& limits);

  /// Checks bytes (empty, larger than the limit, not JPEG/PNG/GIF/WebP by content, over the pixel bounds
  /// from the header before decoding, damaged or truncated: kInvalid with a message for the uploader, and
  /// nothing written), then stores the original as <h2>/<sha256>.<ext> and, for a still image, copies at
  /// each of kSmallerWidths below its width as <h2>/<sha256>-<width>.<ext>, and records it. Animated GIFs
  /// and WebPs get no copies: a copy would keep only the first frame. The same bytes uploaded again
  /// return the item stored first, unchanged. original_name is only displayed (CleanDisplayName).
  /// kUnavailable when the files cannot be written (none are left behind); store errors as the store's.
  Result<domain::MediaItem> Upload(std::string_view bytes, std::string_view original_name,
                                   std::optional<std::int64_t> user_id, Timestamp now);

  /// The file behind a public name (what follows /media/ in a URL), only when the name is exactly one the
  /// library makes (ParsePublicName) and that file exists as a regular file (not a link). kNotFound
  /// otherwise: "../x", "/etc/passwd", upper-case hex, an unknown width or extension, a NUL byte, a name of
  /// a deleted image. Does not read the database: one stat per call.
  Result<std::filesystem::path> FileFor(std::string_view public_name) const;

  /// Sets the alt text, put on one line (CleanOneLineText). kNotFound, or kInvalid when too long.
  Status SetAlt(std::int64_t id, std::string_view alt);

  /// Deletes the item's row, then its files. kNotFound for no such item. A file that cannot be removed is
  /// left behind (no longer listed or linked from the library) rather than failing the deletion.
  Status Delete(std::int64_t id);

  /// Every file the item has on disk: the original, then its copies.
  std::vector<std::filesystem::path> FilesOf(const domain::MediaItem& item) const;

  const std::filesystem::path& directory() const { return directory_; }
  const MediaLimits& limits() const { return limits_; }

 private:
  MediaLibrary(storage::MediaStore& store, std::filesystem::path directory, const MediaLimits& limits);

  void RemoveFiles(const std::vector<std::filesystem::path>& files) const;

  storage::MediaStore& store_;
  const std::filesystem::path directory_;
  const MediaLimits limits_;
  /// Serialises the steps that touch both files and rows (the end of Upload, Delete), so that a deletion
  /// cannot remove the files of the same image being uploaded again at that moment. Checking and scaling
  /// images happen outside it.
  std::mutex write_mutex_;
};

}  // namespace gazette::media
