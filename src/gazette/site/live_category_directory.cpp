#include "gazette/site/live_category_directory.hpp"

namespace gazette::site {

Result<std::unique_ptr<LiveCategoryDirectory>> LiveCategoryDirectory::Load(storage::CatalogStore& catalog) {
  auto first = CategoryDirectory::Load(catalog);
  if (!first.ok()) return std::move(first).error();
  // Moving the directory keeps its vector's storage, so the pointers inside it stay valid.
  return std::unique_ptr<LiveCategoryDirectory>(new LiveCategoryDirectory(
      catalog, std::make_shared<const CategoryDirectory>(std::move(first).value())));
}

Status LiveCategoryDirectory::Reload() {
  std::lock_guard lock(reload_mutex_);
  auto fresh = CategoryDirectory::Load(catalog_);
  if (!fresh.ok()) return std::move(fresh).error();
  current_.store(std::make_shared<const CategoryDirectory>(std::move(fresh).value()));
  return OkStatus();
}

}  // namespace gazette::site
