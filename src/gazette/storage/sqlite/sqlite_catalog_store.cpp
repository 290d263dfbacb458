#include "gazette/storage/sqlite/sqlite_catalog_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "gazette/domain/slug.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

enum Key : std::uint64_t {
  kListCategories = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey),
  kCategoryBySlug,
  kTagBySlug,
  kAuthorBySlug,
  kInsertCategory,
  kInsertTag,
  kInsertAuthor,
};

constexpr const char* kCategoryColumns =
    "SELECT id, parent_id, slug, name, description, position FROM categories";

/// Names and descriptions are shown in navigation and headers; these bounds keep a bad import from
/// producing pages no one can read.
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxTextBytes = 10'000;

domain::Category ReadCategory(const Statement& s) {
  domain::Category c;
  c.id = s.Int(0);
  c.parent_id = s.OptionalInt(1);
  s.ReadInto(2, c.slug);
  s.ReadInto(3, c.name);
  s.ReadInto(4, c.description);
  c.position = static_cast<int>(s.Int(5));
  return c;
}

Status CheckSlugAndName(std::string_view what, std::string_view slug, std::string_view name) {
  if (slug.empty() || slug.size() > domain::kMaxSlugLength) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("the {} slug must be 1 to {} bytes long", what, domain::kMaxSlugLength));
  }
  if (name.empty() || name.size() > kMaxNameBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("the {} name must be 1 to {} bytes long", what, kMaxNameBytes));
  }
  return OkStatus();
}

/// Runs an INSERT and maps a taken slug to kConflict.
Result<std::int64_t> Insert(Connection& connection, Statement& statement, std::string_view what,
                            std::string_view slug) {
  try {
    statement.Run();
  } catch (const SQLite::Exception& e) {
    const int code = e.getExtendedErrorCode();
    if (code == SQLITE_CONSTRAINT_UNIQUE) {
      return MakeError(
          ErrorCode::kConflict,
          fmt::format("a {} with the slug '{}' already exists; choose another slug", what, slug));
    }
    throw;
  }
  return connection.database().getLastInsertRowid();
}

}  // namespace

Result<std::vector<domain::Category>> SqliteCatalogStore::ListCategories() {
  return Guarded(pool_.path(), "read the categories", [&]() -> Result<std::vector<domain::Category>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kListCategories, [] {
      return std::string(kCategoryColumns) + " ORDER BY parent_id, position, name";
    }));
    std::vector<domain::Category> categories;
    while (s->Step()) categories.push_back(ReadCategory(*s));
    return categories;
  });
}

Result<domain::Category> SqliteCatalogStore::FindCategoryBySlug(std::string_view slug) {
  return Guarded(pool_.path(), "read a category", [&]() -> Result<domain::Category> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kCategoryBySlug,
                                  [] { return std::string(kCategoryColumns) + " WHERE slug = ?1"; }));
    s->BindText(1, slug);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no category '{}'", slug));
    return ReadCategory(*s);
  });
}

Result<domain::Tag> SqliteCatalogStore::FindTagBySlug(std::string_view slug) {
  return Guarded(pool_.path(), "read a tag", [&]() -> Result<domain::Tag> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(
        kTagBySlug, [] { return std::string("SELECT id, slug, name FROM tags WHERE slug = ?1"); }));
    s->BindText(1, slug);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no tag '{}'", slug));
    return domain::Tag{s->Int(0), s->String(1), s->String(2)};
  });
}

Result<domain::Author> SqliteCatalogStore::FindAuthorBySlug(std::string_view slug) {
  return Guarded(pool_.path(), "read an author", [&]() -> Result<domain::Author> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kAuthorBySlug, [] {
      return std::string("SELECT id, slug, name, role, organisation, bio FROM authors WHERE slug = ?1");
    }));
    s->BindText(1, slug);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no author '{}'", slug));
    return domain::Author{s->Int(0), s->String(1), s->String(2), s->String(3), s->String(4), s->String(5)};
  });
}

Result<std::int64_t> SqliteCatalogStore::CreateCategory(const domain::Category& category) {
  if (Status ok = CheckSlugAndName("category", category.slug, category.name); !ok.ok())
    return std::move(ok).error();
  if (category.description.size() > kMaxTextBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a category description is limited to {} bytes", kMaxTextBytes));
  }
  return Guarded(pool_.path(), "create a category", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kInsertCategory, [] {
      return std::string(
          "INSERT INTO categories (parent_id, slug, name, description, position) VALUES (?1, ?2, ?3, ?4, "
          "?5)");
    }));
    s->BindOptionalInt(1, category.parent_id);
    s->BindText(2, category.slug);
    s->BindText(3, category.name);
    s->BindText(4, category.description);
    s->BindInt(5, category.position);
    try {
      return Insert(connection, *s, "category", category.slug);
    } catch (const SQLite::Exception& e) {
      if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
      return MakeError(ErrorCode::kInvalid, fmt::format("the parent category {} of '{}' does not exist",
                                                        category.parent_id.value_or(0), category.slug));
    }
  });
}

Result<std::int64_t> SqliteCatalogStore::CreateTag(const domain::Tag& tag) {
  if (Status ok = CheckSlugAndName("tag", tag.slug, tag.name); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "create a tag", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(
        kInsertTag, [] { return std::string("INSERT INTO tags (slug, name) VALUES (?1, ?2)"); }));
    s->BindText(1, tag.slug);
    s->BindText(2, tag.name);
    return Insert(connection, *s, "tag", tag.slug);
  });
}

Result<std::int64_t> SqliteCatalogStore::CreateAuthor(const domain::Author& author) {
  if (Status ok = CheckSlugAndName("author", author.slug, author.name); !ok.ok())
    return std::move(ok).error();
  if (author.role.size() > kMaxNameBytes || author.organisation.size() > kMaxNameBytes ||
      author.bio.size() > kMaxTextBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("an author's role and organisation are limited to {} bytes, "
                                 "the bio to {} bytes",
                                 kMaxNameBytes, kMaxTextBytes));
  }
  return Guarded(pool_.path(), "create an author", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kInsertAuthor, [] {
      return std::string(
          "INSERT INTO authors (slug, name, role, organisation, bio) VALUES (?1, ?2, ?3, ?4, ?5)");
    }));
    s->BindText(1, author.slug);
    s->BindText(2, author.name);
    s->BindText(3, author.role);
    s->BindText(4, author.organisation);
    s->BindText(5, author.bio);
    return Insert(connection, *s, "author", author.slug);
  });
}

}  // namespace gazette::storage::sqlite
