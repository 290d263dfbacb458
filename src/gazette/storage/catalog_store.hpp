#pragma once
/// CatalogStore: categories, tags and authors. Small tables, read often, changed rarely.

#include <cstdint>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/domain/taxonomy.hpp"

namespace gazette::storage {

/// Thread-safe.
class CatalogStore {
 public:
  virtual ~CatalogStore() = default;

  /// All categories, ordered by parent, position, name (callers build the tree).
  virtual Result<std::vector<domain::Category>> ListCategories() = 0;
  virtual Result<domain::Category> FindCategoryBySlug(std::string_view slug) = 0;
  virtual Result<domain::Tag> FindTagBySlug(std::string_view slug) = 0;
  virtual Result<domain::Author> FindAuthorBySlug(std::string_view slug) = 0;

  /// Creators return the new id; kConflict when the slug is taken, kInvalid for a missing parent.
  virtual Result<std::int64_t> CreateCategory(const domain::Category& category) = 0;
  virtual Result<std::int64_t> CreateTag(const domain::Tag& tag) = 0;
  virtual Result<std::int64_t> CreateAuthor(const domain::Author& author) = 0;
};

}  // namespace gazette::storage
