#pragma once
/// CatalogStore over SQLite: categories, tags and authors.

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

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
