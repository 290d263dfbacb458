#pragma once
/// CatalogStore over SQLite: categories, tags and authors. The back office's tag operations are in
/// sqlite_catalog_tags.cpp.

#include "gazette/storage/catalog_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

class SqliteCatalogStore final : public CatalogStore {
 public:
  explicit SqliteCatalogStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::vector<domain::Category>> ListCategories() override;
  Result<domain::Category> FindCategoryBySlug(std::string_view slug) override;
  Result<domain::Tag> FindTagBySlug(std::string_view slug) override;
  Result<domain::Author> FindAuthorBySlug(std::string_view slug) override;

  Result<std::int64_t> CreateCategory(const domain::Category& category) override;
  Result<std::int64_t> CreateTag(const domain::Tag& tag) override;
  Result<std::int64_t> CreateAuthor(const domain::Author& author) override;

  Status UpdateCategory(const domain::Category& category) override;
  Status ReorderCategories(std::optional<std::int64_t> parent,
                           std::span<const std::int64_t> ordered_ids) override;
  Status DeleteCategory(std::int64_t id) override;

  Result<std::vector<TagUsage>> ListTags(std::int64_t offset, std::int64_t limit) override;
  Result<std::int64_t> CountTags() override;
  Result<std::vector<TagUsage>> ListTagsStartingWith(std::string_view prefix, std::int64_t offset,
                                                     std::int64_t limit) override;
  Result<std::int64_t> CountTagsStartingWith(std::string_view prefix) override;
  Result<domain::Tag> FindTagById(std::int64_t id) override;
  Result<std::vector<domain::Tag>> TagsWithPrefix(std::string_view prefix, std::int64_t limit) override;
  Result<std::vector<std::int64_t>> FindOrCreateTags(std::span<const std::string> names) override;
  Status RenameTag(std::int64_t id, std::string_view name, std::string_view slug) override;
  Status MergeTags(std::int64_t from_id, std::int64_t into_id) override;
  Status DeleteTag(std::int64_t id) override;

  Result<std::vector<domain::Author>> ListAuthors() override;
  Result<domain::Author> FindAuthorById(std::int64_t id) override;
  Status UpdateAuthor(const domain::Author& author) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
