#include "gazette/media/media_library.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <system_error>

#include "gazette/media/atomic_file.hpp"
#include "gazette/media/content_hash.hpp"
#include "gazette/media/detail/vips_support.hpp"
#include "gazette/media/display_name.hpp"
#include "gazette/media/image_inspector.hpp"
#include "gazette/media/image_type.hpp"
#include "gazette/media/media_naming.hpp"
#include "gazette/media/thumbnailer.hpp"

namespace gazette::media {

namespace {

/// The widths of the copies made for an image: those of kSmallerWidths below its width, none for an
/// animation.
std::vector<int> WidthsFor(const ImageInfo& info) {
  std::vector<int> widths;
  if (info.frames > 1) return widths;
  for (int width : kSmallerWidths) {
    if (width < info.width) widths.push_back(width);
  }
  return widths;
}

}  // namespace

MediaLibrary::MediaLibrary(storage::MediaStore& store, std::filesystem::path directory,
                           const MediaLimits& limits)
    : store_(store), directory_(std::move(directory)), limits_(limits) {}

Result<std::unique_ptr<MediaLibrary>> MediaLibrary::Open(storage::MediaStore& store,
                                                         std::filesystem::path directory,
                                                         const MediaLimits& limits) {
  if (Status ok = CheckMediaLimits(limits); !ok.ok()) return std::move(ok).error();
  // Started here, at start-up, so that a broken image library stops the server instead of every upload.
  if (Status started = detail::StartVips(); !started.ok()) return std::move(started).error();
  if (Status made = EnsureDirectory(directory); !made.ok()) return std::move(made).error();
  return std::unique_ptr<MediaLibrary>(new MediaLibrary(store, std::move(directory), limits));
}

Result<domain::MediaItem> MediaLibrary::Upload(std::string_view bytes, std::string_view original_name,
                                               std::optional<std::int64_t> user_id, Timestamp now) {
  if (bytes.empty())
    return MakeError(ErrorCode::kInvalid, "the uploaded file is empty; choose an image to upload");
  if (bytes.size() > limits_.max_bytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("this file is larger than the {} bytes an upload may have; "
                                 "make it smaller and try again",
                                 limits_.max_bytes));
  }
  Result<ImageType> type = DetectImageType(bytes);
  if (!type.ok()) return std::move(type).error();
  const std::string sha256 = Sha256Hex(bytes);

  // The same bytes again: the stored item, without decoding anything.
  if (Result<domain::MediaItem> existing = store_.FindBySha256(sha256); existing.ok()) {
    return existing;
  } else if (existing.error().code != ErrorCode::kNotFound) {
    return std::move(existing).error();
  }

  Result<ImageInfo> info = InspectImage(bytes, *type, limits_);
  if (!info.ok()) return std::move(info).error();
  const std::vector<int> widths = WidthsFor(*info);
  Result<std::vector<SmallerCopy>> copies = MakeSmallerCopies(bytes, *type, widths);
  if (!copies.ok()) return std::move(copies).error();

  domain::MediaItem item;
  item.sha256 = sha256;
  item.mime = std::string(MimeOf(*type));
  item.width = info->width;
  item.height = info->height;
  item.bytes = static_cast<std::int64_t>(bytes.size());
  item.sizes = widths;
  item.uploaded_by = user_id;
  item.uploaded_at = now;
  item.original_name = CleanDisplayName(original_name, *type);

  const std::lock_guard lock(write_mutex_);
  // Uploaded by someone else while this one was being checked.
  if (Result<domain::MediaItem> existing = store_.FindBySha256(sha256); existing.ok()) return existing;

  const std::vector<std::filesystem::path> files = FilesOf(item);
  if (Status made = EnsureDirectory(files.front().parent_path()); !made.ok()) return std::move(made).error();
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string_view file_bytes = i == 0 ? bytes : std::string_view((*copies)[i - 1].bytes);
    if (Status written = WriteFileAtomically(files[i], file_bytes); !written.ok()) {
      RemoveFiles(std::vector(files.begin(), files.begin() + static_cast<std::ptrdiff_t>(i)));
      return std::move(written).error();
    }
  }
  Result<std::int64_t> id = store_.Create(item);
  if (!id.ok()) {
    // Another server sharing the database and directory stored the same bytes: its files are these files.
    if (id.error().code == ErrorCode::kConflict) return store_.FindBySha256(sha256);
    RemoveFiles(files);
    return std::move(id).error();
  }
  item.id = *id;
  return item;
}

Result<std::filesystem::path> MediaLibrary::FileFor(std::string_view public_name) const {
  const std::optional<ParsedPublicName> parsed = ParsePublicName(public_name);
  if (!parsed) return MakeError(ErrorCode::kNotFound, "no such media file");
  // Rebuilt from the parsed parts rather than taken from the request, though they are the same.
  std::filesystem::path path = directory_ / PublicName(parsed->sha256, parsed->width, parsed->type);
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return MakeError(ErrorCode::kNotFound, "no such media file");
  }
  return path;
}

Status MediaLibrary::SetAlt(std::int64_t id, std::string_view alt) {
  return store_.UpdateAlt(id, CleanOneLineText(alt));
}

Status MediaLibrary::Delete(std::int64_t id) {
  const std::lock_guard lock(write_mutex_);
  Result<domain::MediaItem> item = store_.FindById(id);
  if (!item.ok()) return std::move(item).error();
  if (Status deleted = store_.Delete(id); !deleted.ok()) return deleted;
  // After the row: a failure above leaves the image whole; a failure here only leaves unlisted files.
  RemoveFiles(FilesOf(*item));
  return OkStatus();
}

std::vector<std::filesystem::path> MediaLibrary::FilesOf(const domain::MediaItem& item) const {
  std::vector<std::filesystem::path> files;
  const std::optional<ImageType> type = ImageTypeFromMime(item.mime);
  // Only names the library itself would parse: a hash from a row edited by hand cannot reach another path.
  if (!type || item.sha256.size() < 2 || !ParsePublicName(PublicName(item.sha256, std::nullopt, *type)))
    return files;
  files.push_back(directory_ / PublicName(item.sha256, std::nullopt, *type));
  for (int width : item.sizes) files.push_back(directory_ / PublicName(item.sha256, width, *type));
  return files;
}

void MediaLibrary::RemoveFiles(const std::vector<std::filesystem::path>& files) const {
  for (const std::filesystem::path& file : files) {
    std::error_code ignored;  // see Delete: a leftover file is harmless
    std::filesystem::remove(file, ignored);
  }
}

}  // namespace gazette::media
