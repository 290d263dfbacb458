#include "gazette/storage/sqlite/sqlite_catalog_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "gazette/domain/slug.hpp"
#include "gazette/storage/sqlite/catalog_checks.hpp"
#include "gazette/storage/sqlite/sqlite_error.hpp"

namespace gazette::storage::sqlite {

namespace {

using catalog_sql::CheckSlugAndName;
using catalog_sql::kMaxNameBytes;
using catalog_sql::kMaxPhotoPathBytes;
using catalog_sql::kMaxTextBytes;
using catalog_sql::RunSlugged;

enum Key : std::uint64_t {
  kListCategories = static_cast<std::uint64_t>(StatementKey::kFirstStoreKey),
  kCategoryBySlug,
  kTagBySlug,
  kAuthorBySlug,
  kInsertCategory,
  kInsertTag,
  kInsertAuthor,
  kCategoryById,
  kIsAncestor,
  kLastPosition,
  kUpdateCategory,
  kChildrenOf,
  kSetPosition,
  kCountChildren,
  kCountArticlesIn,
  kDeleteCategory,
  kListAuthors,
  kAuthorById,
  kUpdateAuthor,
};

constexpr const char* kCategoryColumns =
    "SELECT id, parent_id, slug, name, description, position FROM categories";
constexpr const char* kAuthorColumns = "SELECT id, slug, name, role, organisation, bio, photo FROM authors";

/// Most categories one reorder may list: far more than any navigation shows.
constexpr std::size_t kMaxReorderedCategories = 1000;

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

domain::Author ReadAuthor(const Statement& s) {
  domain::Author a;
  a.id = s.Int(0);
  s.ReadInto(1, a.slug);
  s.ReadInto(2, a.name);
  s.ReadInto(3, a.role);
  s.ReadInto(4, a.organisation);
  s.ReadInto(5, a.bio);
  s.ReadInto(6, a.photo);
  return a;
}

/// Runs an INSERT and returns the new row's id; a taken slug is kConflict.
Result<std::int64_t> Insert(Connection& connection, Statement& statement, std::string_view what,
                            std::string_view slug) {
  if (Status ran = RunSlugged(statement, what, slug); !ran.ok()) return std::move(ran).error();
  return connection.database().getLastInsertRowid();
}

Status CheckCategory(const domain::Category& category) {
  if (Status ok = CheckSlugAndName("category", category.slug, category.name); !ok.ok()) return ok;
  if (category.description.size() > kMaxTextBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("a category description is limited to {} bytes", kMaxTextBytes));
  }
  return OkStatus();
}

Status CheckAuthor(const domain::Author& author) {
  if (Status ok = CheckSlugAndName("author", author.slug, author.name); !ok.ok()) return ok;
  if (author.role.size() > kMaxNameBytes || author.organisation.size() > kMaxNameBytes ||
      author.bio.size() > kMaxTextBytes || author.photo.size() > kMaxPhotoPathBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("an author's role and organisation are limited to {} bytes, the bio to {} "
                                 "bytes and the photo path to {} bytes",
                                 kMaxNameBytes, kMaxTextBytes, kMaxPhotoPathBytes));
  }
  return OkStatus();
}

std::optional<domain::Category> CategoryById(Connection& connection, std::int64_t id) {
  ScopedUse s(
      connection.Cached(kCategoryById, [] { return std::string(kCategoryColumns) + " WHERE id = ?1"; }));
  s->BindInt(1, id);
  if (!s->Step()) return std::nullopt;
  return ReadCategory(*s);
}

std::int64_t CountOf(Connection& connection, std::uint64_t key, const char* sql, std::int64_t id) {
  ScopedUse s(connection.Cached(key, [sql] { return std::string(sql); }));
  s->BindInt(1, id);
  return s->Step() ? s->Int(0) : 0;
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
    ScopedUse s(
        connection.Cached(kAuthorBySlug, [] { return std::string(kAuthorColumns) + " WHERE slug = ?1"; }));
    s->BindText(1, slug);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no author '{}'", slug));
    return ReadAuthor(*s);
  });
}

Result<std::int64_t> SqliteCatalogStore::CreateCategory(const domain::Category& category) {
  if (Status ok = CheckCategory(category); !ok.ok()) return std::move(ok).error();
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
  if (Status ok = CheckAuthor(author); !ok.ok()) return std::move(ok).error();
  return Guarded(pool_.path(), "create an author", [&]() -> Result<std::int64_t> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kInsertAuthor, [] {
      return std::string(
          "INSERT INTO authors (slug, name, role, organisation, bio, photo) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    }));
    s->BindText(1, author.slug);
    s->BindText(2, author.name);
    s->BindText(3, author.role);
    s->BindText(4, author.organisation);
    s->BindText(5, author.bio);
    s->BindText(6, author.photo);
    return Insert(connection, *s, "author", author.slug);
  });
}

Status SqliteCatalogStore::UpdateCategory(const domain::Category& category) {
  if (Status ok = CheckCategory(category); !ok.ok()) return ok;
  if (category.parent_id == category.id) {
    return MakeError(ErrorCode::kInvalid, "a category cannot be placed inside itself");
  }
  return Guarded(pool_.path(), "change a category", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      const std::optional<domain::Category> current = CategoryById(connection, category.id);
      if (!current) return MakeError(ErrorCode::kNotFound, fmt::format("no category {}", category.id));
      int position = current->position;
      if (category.parent_id != current->parent_id) {
        if (category.parent_id) {
          if (!CategoryById(connection, *category.parent_id)) {
            return MakeError(ErrorCode::kNotFound, fmt::format("no parent category {}", *category.parent_id));
          }
          // Walk up from the new parent: meeting the category itself means it would sit inside its own
          // subtree, and the tree would become a loop. UNION (not UNION ALL) stops even on a damaged tree.
          ScopedUse s(connection.Cached(kIsAncestor, [] {
            return std::string(
                "WITH RECURSIVE up(id) AS (SELECT ?1 UNION SELECT c.parent_id FROM categories c "
                "JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL) SELECT 1 FROM up WHERE id = ?2");
          }));
          s->BindInt(1, *category.parent_id);
          s->BindInt(2, category.id);
          if (s->Step()) {
            return MakeError(ErrorCode::kInvalid,
                             fmt::format("'{}' cannot go inside one of its own subcategories; move that "
                                         "subcategory out first",
                                         current->name));
          }
        }
        ScopedUse s(connection.Cached(kLastPosition, [] {
          return std::string("SELECT coalesce(max(position) + 1, 0) FROM categories WHERE parent_id IS ?1");
        }));
        s->BindOptionalInt(1, category.parent_id);
        position = s->Step() ? static_cast<int>(s->Int(0)) : 0;
      }
      ScopedUse s(connection.Cached(kUpdateCategory, [] {
        return std::string(
            "UPDATE categories SET parent_id = ?2, slug = ?3, name = ?4, description = ?5, position = ?6 "
            "WHERE id = ?1");
      }));
      s->BindInt(1, category.id);
      s->BindOptionalInt(2, category.parent_id);
      s->BindText(3, category.slug);
      s->BindText(4, category.name);
      s->BindText(5, category.description);
      s->BindInt(6, position);
      return RunSlugged(*s, "category", category.slug);
    });
  });
}

Status SqliteCatalogStore::ReorderCategories(std::optional<std::int64_t> parent,
                                             std::span<const std::int64_t> ordered_ids) {
  if (ordered_ids.size() > kMaxReorderedCategories) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("at most {} categories can be ordered at once", kMaxReorderedCategories));
  }
  const std::set<std::int64_t> listed(ordered_ids.begin(), ordered_ids.end());
  if (listed.size() != ordered_ids.size()) {
    return MakeError(ErrorCode::kInvalid, "a category appears twice in the new order");
  }
  return Guarded(pool_.path(), "order categories", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      std::set<std::int64_t> children;
      {
        ScopedUse s(connection.Cached(
            kChildrenOf, [] { return std::string("SELECT id FROM categories WHERE parent_id IS ?1"); }));
        s->BindOptionalInt(1, parent);
        while (s->Step()) children.insert(s->Int(0));
      }
      if (children != listed) {
        return MakeError(
            ErrorCode::kConflict,
            "the categories at this level changed since the page was opened; reload it and order "
            "them again");
      }
      for (std::size_t i = 0; i < ordered_ids.size(); ++i) {
        ScopedUse s(connection.Cached(
            kSetPosition, [] { return std::string("UPDATE categories SET position = ?2 WHERE id = ?1"); }));
        s->BindInt(1, ordered_ids[i]);
        s->BindInt(2, static_cast<std::int64_t>(i));
        s->Run();
      }
      return OkStatus();
    });
  });
}

Status SqliteCatalogStore::DeleteCategory(std::int64_t id) {
  return Guarded(pool_.path(), "delete a category", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    return connection.InTransaction([&]() -> Status {
      const std::optional<domain::Category> category = CategoryById(connection, id);
      if (!category) return MakeError(ErrorCode::kNotFound, fmt::format("no category {}", id));
      if (const std::int64_t children =
              CountOf(connection, kCountChildren, "SELECT count(*) FROM categories WHERE parent_id = ?1", id);
          children > 0) {
        return MakeError(ErrorCode::kConflict,
                         fmt::format("'{}' has {} subcategor{}; move or delete them first", category->name,
                                     children, children == 1 ? "y" : "ies"));
      }
      if (const std::int64_t articles = CountOf(connection, kCountArticlesIn,
                                                "SELECT count(*) FROM articles WHERE category_id = ?1", id);
          articles > 0) {
        return MakeError(ErrorCode::kConflict,
                         fmt::format("'{}' still holds {} article{} (the bin included); move them to another "
                                     "category first",
                                     category->name, articles, articles == 1 ? "" : "s"));
      }
      ScopedUse s(connection.Cached(kDeleteCategory,
                                    [] { return std::string("DELETE FROM categories WHERE id = ?1"); }));
      s->BindInt(1, id);
      s->Run();
      return OkStatus();
    });
  });
}

Result<std::vector<domain::Author>> SqliteCatalogStore::ListAuthors() {
  return Guarded(pool_.path(), "read the authors", [&]() -> Result<std::vector<domain::Author>> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(
        kListAuthors, [] { return std::string(kAuthorColumns) + " ORDER BY name COLLATE NOCASE, id"; }));
    std::vector<domain::Author> authors;
    while (s->Step()) authors.push_back(ReadAuthor(*s));
    return authors;
  });
}

Result<domain::Author> SqliteCatalogStore::FindAuthorById(std::int64_t id) {
  return Guarded(pool_.path(), "read an author", [&]() -> Result<domain::Author> {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(
        connection.Cached(kAuthorById, [] { return std::string(kAuthorColumns) + " WHERE id = ?1"; }));
    s->BindInt(1, id);
    if (!s->Step()) return MakeError(ErrorCode::kNotFound, fmt::format("no author {}", id));
    return ReadAuthor(*s);
  });
}

Status SqliteCatalogStore::UpdateAuthor(const domain::Author& author) {
  if (Status ok = CheckAuthor(author); !ok.ok()) return ok;
  return Guarded(pool_.path(), "change an author", [&]() -> Status {
    Connection& connection = pool_.ForThisThread();
    ScopedUse s(connection.Cached(kUpdateAuthor, [] {
      return std::string(
          "UPDATE authors SET slug = ?2, name = ?3, role = ?4, organisation = ?5, bio = ?6, photo = ?7 "
          "WHERE id = ?1");
    }));
    s->BindInt(1, author.id);
    s->BindText(2, author.slug);
    s->BindText(3, author.name);
    s->BindText(4, author.role);
    s->BindText(5, author.organisation);
    s->BindText(6, author.bio);
    s->BindText(7, author.photo);
    if (Status ran = RunSlugged(*s, "author", author.slug); !ran.ok()) return ran;
    if (connection.database().getChanges() == 0) {
      return MakeError(ErrorCode::kNotFound, fmt::format("no author {}", author.id));
    }
    return OkStatus();
  });
}

}  // namespace gazette::storage::sqlite
