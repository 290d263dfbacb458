// The tag side of SqliteCatalogStore for the back office: the tag list with counts, autocomplete, tags
// found or created by name, renaming, merging and deleting.
#include <fmt/format.h>

#include "gazette/domain/slug.hpp"
#include "gazette/storage/sqlite/catalog_checks.hpp"
#include "gazette/storage/sqlite/sqlite_catalog_store.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

using catalog_sql::CheckSlugAndName;
using catalog_sql::kMaxNameBytes;
using catalog_sql::RunSlugged;

enum Key : std::uint64_t {
  kListTags = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 700,
  kCountTags,
  kTagsWithPrefix,
  kTagIdByName,
  kTagSlugTaken,
  kInsertTag,
  kTagExists,
  kOtherTagNamed,
  kRenameTag,
  kMoveTagLinks,
  kDeleteTag,
};

enum PrefixKey : std::uint64_t {
  kListTagsStartingWith = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey) + 1100,
  kCountTagsStartingWith,
  kFindTagById,
};

/// Suffixes tried after a generated slug is taken ("cloud-2" ... "cloud-20"): twenty tags whose names
/// differ but fold to the same slug means something else is wrong.
constexpr int kMaxSlugSuffix = 20;

Status CheckTagName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a tag name must be 1 to {} bytes long", kMaxNameBytes));
  }
  // Articles list their tags as comma-separated names (in forms and in revisions).
  if (name.find(',') != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a tag name cannot hold a comma: '{}'", name.substr(0, kMaxNameBytes)));
  }
  return OkStatus();
}

Status CheckLimit(std::int64_t offset, std::int64_t limit) {
  if (offset < 0 || limit < 0 || limit > kMaxTagListLimit) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a tag list needs offset >= 0 and 0 <= limit <= {}", kMaxTagListLimit));
  }
  return OkStatus();
}

/// A LIKE pattern matching the names that start with prefix, wildcards taken literally.
std::string PrefixPattern(std::string_view prefix) {
  std::string pattern;
  for (const char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

/// base with "-n" appended, shortened first so that the whole stays within kMaxSlugLength.
std::string Suffixed(std::string_view base, int n) {
  const std::string suffix = fmt::format("-{}", n);
  std::string_view kept = base.substr(0, domain::kMaxSlugLength - suffix.size());
  while (!kept.empty() && kept.back() == '-') kept.remove_suffix(1);
  return std::string(kept) + suffix;
}

bool TagExists(Connection& connection, std::int64_t id) {
  ScopedUse s(connection.Cached(kTagExists, [] { return std::string("SELECT 1 FROM tags WHERE id = ?1"); }));
  s->BindInt(1, id);
  return s->Step();
}

bool SlugTaken(Connection& connection, std::string_view slug) {
  ScopedUse s(
      connection.Cached(kTagSlugTaken, [] { return std::string("SELECT 1 FROM tags WHERE slug = ?1"); }));
  s->BindText(1, slug);
  return s->Step();
}

/// Finds the tag named name (ignoring ASCII case) or creates it; returns its id.
Result<std::int64_t> FindOrCreate(Connection& connection, std::string_view name) {
  {
    ScopedUse s(connection.Cached(kTagIdByName, [] {
      return std::string("SELECT id FROM tags WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1");
    }));
    s->BindText(1, name);
    if (s->Step()) return s->Int(0);
  }
  const std::string base = domain::MakeSlug(name);
  std::string slug = base;
  for (int n = 2; SlugTaken(connection, slug); ++n) {
    if (n > kMaxSlugSuffix) {
      return MakeError(
          ErrorCode::kConflict,
          fmt::format("too many tags have names that make the address '{}'; rename some of them", base));
    }
    slug = Suffixed(base, n);
  }
  ScopedUse s(connection.Cached(kInsertTag,
                                [] { return std::string("INSERT INTO tags (slug, name) VALUES (?1, ?2)"); }));
  s->BindText(1, slug);
  s->BindText(2, name);
  s->Run();
  return connection.database().getLastInsertRowid();
}

}  // namespace

Result<std::vector<TagUsage>> SqliteCatalogStore::ListTags(std::int64_t offset, std::int64_t limit) {
  if (Status ok = CheckLimit(offset, limit); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "read the tags", [&]() -> Result<std::vector<TagUsage>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kListTags, [] {
      // Each count is one range of article_tags_by_tag, so the page costs its own rows only.
      return std::string(
          "SELECT g.id, g.slug, g.name, (SELECT count(*) FROM article_tags t WHERE t.tag_id = g.id) "
          "FROM tags g ORDER BY g.name COLLATE NOCASE, g.id LIMIT ?1 OFFSET ?2");
    }));
    s->BindInt(1, limit);
    s->BindInt(2, offset);
    std::vector<TagUsage> tags;
    while (s->Step()) tags.push_back({{s->Int(0), s->String(1), s->String(2)}, s->Int(3)});
    return tags;
  });
}

Result<std::int64_t> SqliteCatalogStore::CountTags() {
  return Guarded(pool_.path(), "count the tags", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kCountTags, [] { return std::string("SELECT count(*) FROM tags"); }));
    return s->Step() ? s->Int(0) : 0;
  });
}

Result<std::vector<TagUsage>> SqliteCatalogStore::ListTagsStartingWith(std::string_view prefix,
                                                                       std::int64_t offset,
                                                                       std::int64_t limit) {
  if (Status ok = CheckLimit(offset, limit); !ok.ok()) return std::move(ok).error();
  if (prefix.size() > kMaxNameBytes) return std::vector<TagUsage>{};  // no name is that long
  const std::string pattern = PrefixPattern(prefix);
  return Guarded(pool_.path(), "read the tags", [&]() -> Result<std::vector<TagUsage>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kListTagsStartingWith, [] {
      return std::string(
          "SELECT g.id, g.slug, g.name, (SELECT count(*) FROM article_tags t WHERE t.tag_id = g.id) "
          "FROM tags g WHERE g.name LIKE ?1 ESCAPE '\\' ORDER BY g.name COLLATE NOCASE, g.id "
          "LIMIT ?2 OFFSET ?3");
    }));
    s->BindText(1, pattern);
    s->BindInt(2, limit);
    s->BindInt(3, offset);
    std::vector<TagUsage> tags;
    while (s->Step()) tags.push_back({{s->Int(0), s->String(1), s->String(2)}, s->Int(3)});
    return tags;
  });
}

Result<std::int64_t> SqliteCatalogStore::CountTagsStartingWith(std::string_view prefix) {
  if (prefix.size() > kMaxNameBytes) return std::int64_t{0};
  const std::string pattern = PrefixPattern(prefix);
  return Guarded(pool_.path(), "count the tags", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kCountTagsStartingWith, [] {
      return std::string("SELECT count(*) FROM tags WHERE name LIKE ?1 ESCAPE '\\'");
    }));
    s->BindText(1, pattern);
    return s->Step() ? s->Int(0) : 0;
  });
}

Result<domain::Tag> SqliteCatalogStore::FindTagById(std::int64_t id) {
  return Guarded(pool_.path(), "read a tag", [&]() -> Result<domain::Tag> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(
        kFindTagById, [] { return std::string("SELECT id, slug, name FROM tags WHERE id = ?1"); }));
    s->BindInt(1, id);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no tag {}", id));
    return domain::Tag{s->Int(0), s->String(1), s->String(2)};
  });
}

Result<std::vector<domain::Tag>> SqliteCatalogStore::TagsWithPrefix(std::string_view prefix,
                                                                    std::int64_t limit) {
  if (Status ok = CheckLimit(0, limit); !ok.ok()) return std::move(ok).error();
  if (prefix.size() > kMaxNameBytes) return std::vector<domain::Tag>{};  // no name is that long
  const std::string pattern = PrefixPattern(prefix);
  return Guarded(pool_.path(), "look up tags", [&]() -> Result<std::vector<domain::Tag>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kTagsWithPrefix, [] {
      return std::string(
          "SELECT id, slug, name FROM tags WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name COLLATE NOCASE, id "
          "LIMIT ?2");
    }));
    s->BindText(1, pattern);
    s->BindInt(2, limit);
    std::vector<domain::Tag> tags;
    while (s->Step()) tags.push_back({s->Int(0), s->String(1), s->String(2)});
    return tags;
  });
}

Result<std::vector<std::int64_t>> SqliteCatalogStore::FindOrCreateTags(std::span<const std::string> names) {
  if (names.size() > kMaxTagNamesAtOnce) {
    return MakeError(ErrorCode::kInvalid, fmt::format("at most {} tags at once", kMaxTagNamesAtOnce));
  }
  for (const std::string& name : names) {
    if (Status ok = CheckTagName(name); !ok.ok()) return std::move(ok).error();
  }
  return Guarded(pool_.path(), "find or create tags", [&]() -> Result<std::vector<std::int64_t>> {
    Connection& connection = pool_.ForThisThread();
    std::vector<std::int64_t> ids;
    Status status = connection.InTransaction([&]() -> Status {
      for (const std::string& name : names) {
        Result<std::int64_t> id = FindOrCreate(connection, name);
        if (!id.ok()) return std::move(id).error();
        ids.push_back(*id);
      }
      return OkStatus();
    });
    if (!status.ok()) return std::move(status).error();
    return ids;
  });
}

Status SqliteCatalogStore::RenameTag(std::int64_t id, std::string_view name, std::string_view slug) {
  if (Status ok = CheckSlugAndName("tag", slug, name); !ok.ok()) return ok;
  if (Status ok = CheckTagName(name); !ok.ok()) return ok;
  if (!domain::IsValidSlug(slug)) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("'{}' is not a usable address: use lower-case letters, digits and single "
                                 "hyphens",
                                 slug));
  }
  return Guarded(pool_.path(), "rename a tag", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      if (!TagExists(connection, id)) return MakeError(ErrorCode::kNotFound, fmt::format("no tag {}", id));
      {
        ScopedUse s(connection.Cached(kOtherTagNamed, [] {
          return std::string("SELECT 1 FROM tags WHERE name = ?1 COLLATE NOCASE AND id <> ?2");
        }));
        s->BindText(1, name);
        s->BindInt(2, id);
        if (s->Step()) {
          return MakeError(ErrorCode::kConflict,
                           fmt::format("a tag named '{}' already exists; merge the two tags instead", name));
        }
      }
      ScopedUse s(connection.Cached(
          kRenameTag, [] { return std::string("UPDATE tags SET name = ?2, slug = ?3 WHERE id = ?1"); }));
      s->BindInt(1, id);
      s->BindText(2, name);
      s->BindText(3, slug);
      return RunSlugged(*s, "tag", slug);
    });
  });
}

Status SqliteCatalogStore::MergeTags(std::int64_t from_id, std::int64_t into_id) {
  if (from_id == into_id) return MakeError(ErrorCode::kInvalid, "a tag cannot be merged into itself");
  return Guarded(pool_.path(), "merge tags", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      for (const std::int64_t id : {from_id, into_id}) {
        if (!TagExists(connection, id)) return MakeError(ErrorCode::kNotFound, fmt::format("no tag {}", id));
      }
      {
        // OR IGNORE: an article that already carries both tags keeps its one link to into_id.
        ScopedUse s(connection.Cached(kMoveTagLinks, [] {
          return std::string(
              "INSERT OR IGNORE INTO article_tags (article_id, tag_id, publish_at) "
              "SELECT article_id, ?2, publish_at FROM article_tags WHERE tag_id = ?1");
        }));
        s->BindInt(1, from_id);
        s->BindInt(2, into_id);
        s->Run();
      }
      // ON DELETE CASCADE drops the old tag's links.
      ScopedUse s(
          connection.Cached(kDeleteTag, [] { return std::string("DELETE FROM tags WHERE id = ?1"); }));
      s->BindInt(1, from_id);
      s->Run();
      return OkStatus();
    });
  });
}

Status SqliteCatalogStore::DeleteTag(std::int64_t id) {
  return Guarded(pool_.path(), "delete a tag", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kDeleteTag, [] { return std::string("DELETE FROM tags WHERE id = ?1"); }));
    s->BindInt(1, id);
    s->Run();
    if (connection.database().getChanges() == 0)
      return MakeError(ErrorCode::kNotFound, fmt::format("no tag {}", id));
    return OkStatus();
  });
}

}  // namespace gazette::storage::sqlite
