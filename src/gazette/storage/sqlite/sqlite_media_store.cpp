#include "gazette/storage/sqlite/sqlite_media_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

// Keys of this store's statements; the block is clear of every other store's.
enum Key : std::uint64_t {
  kInsert = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 900,
  kById,
  kBySha256,
  kList,
  kUpdateAlt,
  kDelete,
};

constexpr const char* kColumns =
    "SELECT id, sha256, mime, width, height, bytes, sizes, uploaded_by, uploaded_at, original_name, alt "
    "FROM media";

/// The types the media table accepts, as its CHECK does: when adding one here, also change that CHECK in a
/// new migration and add the type to media::ImageType.
constexpr std::array<std::string_view, 4> kMimes = {"image/jpeg", "image/png", "image/gif", "image/webp"};

/// Widths as stored: "320,640,1280" ('' for none).
std::string JoinSizes(const std::vector<int>& sizes) {
  std::string out;
  for (int width : sizes) {
    if (!out.empty()) out += ',';
    out += std::to_string(width);
  }
  return out;
}

std::vector<int> SplitSizes(std::string_view text) {
  std::vector<int> sizes;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    int width = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), width);
    // The column's CHECK allows only digits and commas; anything odd is skipped rather than shown.
    if (ec == std::errc() && end == part.data() + part.size() && width > 0) sizes.push_back(width);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return sizes;
}

domain::MediaItem ReadItem(const Statement& s) {
  domain::MediaItem item;
  item.id = s.Int(0);
  s.ReadInto(1, item.sha256);
  s.ReadInto(2, item.mime);
  item.width = static_cast<int>(s.Int(3));
  item.height = static_cast<int>(s.Int(4));
  item.bytes = s.Int(5);
  item.sizes = SplitSizes(s.Text(6));
  item.uploaded_by = s.OptionalInt(7);
  item.uploaded_at = TimestampFromUnix(s.Int(8));
  s.ReadInto(9, item.original_name);
  s.ReadInto(10, item.alt);
  return item;
}

bool IsSha256Hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Status CheckAlt(std::string_view alt) {
  if (alt.size() > kMaxMediaAltBytes) {
    return MakeError(
        ErrorCode::kInvalid,
        fmt::format("the text alternative of an image is limited to {} bytes", kMaxMediaAltBytes));
  }
  return OkStatus();
}

Status CheckItem(const domain::MediaItem& item) {
  if (!IsSha256Hex(item.sha256)) {
    return MakeError(ErrorCode::kInvalid, "an image's hash must be 64 lower-case hexadecimal digits");
  }
  if (std::find(kMimes.begin(), kMimes.end(), item.mime) == kMimes.end()) {
    return MakeError(
        ErrorCode::kInvalid,
        fmt::format("'{}' is not an image type of the library (JPEG, PNG, GIF or WebP)", item.mime));
  }
  if (item.width < 1 || item.height < 1 || item.bytes < 1) {
    return MakeError(ErrorCode::kInvalid, "an image needs a width, a height and a size of at least 1");
  }
  int previous = 0;
  for (int width : item.sizes) {
    if (width <= previous) {
      return MakeError(ErrorCode::kInvalid,
                       "the widths of an image's smaller copies must be positive and ascending");
    }
    previous = width;
  }
  if (item.original_name.size() > kMaxMediaOriginalNameBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("an image's file name is limited to {} bytes", kMaxMediaOriginalNameBytes));
  }
  return CheckAlt(item.alt);
}

}  // namespace

Result<std::int64_t> SqliteMediaStore::Create(const domain::MediaItem& item) {
  if (Status ok = CheckItem(item); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "store an image", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kInsert, [] {
      return std::string(
          "INSERT INTO media (sha256, mime, width, height, bytes, sizes, uploaded_by, uploaded_at, "
          "original_name, alt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    }));
    const std::string sizes = JoinSizes(item.sizes);
    s->BindText(1, item.sha256);
    s->BindText(2, item.mime);
    s->BindInt(3, item.width);
    s->BindInt(4, item.height);
    s->BindInt(5, item.bytes);
    s->BindText(6, sizes);
    s->BindOptionalInt(7, item.uploaded_by);
    s->BindInt(8, ToUnix(item.uploaded_at));
    s->BindText(9, item.original_name);
    s->BindText(10, item.alt);
    try {
      s->Run();
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_UNIQUE) throw;
      return MakeError(ErrorCode::kConflict, "this image is already in the media library");
    }
    return connection.database().getLastInsertRowid();
  });
}

Result<domain::MediaItem> SqliteMediaStore::FindById(std::int64_t id) {
  return Guarded(pool_.path(), "read an image", [&]() -> Result<domain::MediaItem> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kById, [] { return std::string(kColumns) + " WHERE id = ?1"; }));
    s->BindInt(1, id);
    if (!s->Step())
      return MakeError(ErrorCode::kNotFound, fmt::format("no image {} in the media library", id));
    return ReadItem(*s);
  });
}

Result<domain::MediaItem> SqliteMediaStore::FindBySha256(std::string_view sha256) {
  return Guarded(pool_.path(), "read an image", [&]() -> Result<domain::MediaItem> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kBySha256, [] { return std::string(kColumns) + " WHERE sha256 = ?1"; }));
    s->BindText(1, sha256);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, "no such image in the media library");
    return ReadItem(*s);
  });
}

Result<std::vector<domain::MediaItem>> SqliteMediaStore::List(std::int64_t offset, std::int64_t limit) {
  if (offset < 0 || limit < 0 || limit > kMaxMediaListLimit) {
    return MakeError(
        ErrorCode::kInvalid,
        fmt::format("a list of images needs offset >= 0 and 0 <= limit <= {}", kMaxMediaListLimit));
  }
  return Guarded(pool_.path(), "list the images", [&]() -> Result<std::vector<domain::MediaItem>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kList, [] {
      return std::string(kColumns) + " ORDER BY uploaded_at DESC, id DESC LIMIT ?1 OFFSET ?2";
    }));
    s->BindInt(1, limit);
    s->BindInt(2, offset);
    std::vector<domain::MediaItem> items;
    while (s->Step()) items.push_back(ReadItem(*s));
    return items;
  });
}

Status SqliteMediaStore::UpdateAlt(std::int64_t id, std::string_view alt) {
  if (Status ok = CheckAlt(alt); !ok.ok()) return ok;
  return Guarded(pool_.path(), "change an image's text alternative", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(
        connection.Cached(kUpdateAlt, [] { return std::string("UPDATE media SET alt = ?2 WHERE id = ?1"); }));
    s->BindInt(1, id);
    s->BindText(2, alt);
    s->Run();
    if (connection.database().getChanges() == 0) {
      return MakeError(ErrorCode::kNotFound, fmt::format("no image {} in the media library", id));
    }
    return OkStatus();
  });
}

Status SqliteMediaStore::Delete(std::int64_t id) {
  return Guarded(pool_.path(), "delete an image", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kDelete, [] { return std::string("DELETE FROM media WHERE id = ?1"); }));
    s->BindInt(1, id);
    s->Run();
    if (connection.database().getChanges() == 0) {
      return MakeError(ErrorCode::kNotFound, fmt::format("no image {} in the media library", id));
    }
    return OkStatus();
  });
}

}  // namespace gazette::storage::sqlite
