#include "gazette/site/category_directory.hpp"

#include <unordered_set>

#include "gazette/site/urls.hpp"

namespace gazette::site {

Result<CategoryDirectory> CategoryDirectory::Load(storage::CatalogStore& catalog) {
  auto rows = catalog.ListCategories();
  if (!rows.ok()) return std::move(rows).error();
  CategoryDirectory directory;
  directory.categories_ = std::move(rows).value();
  for (std::size_t i = 0; i < directory.categories_.size(); ++i) {
    directory.index_by_id_.emplace(directory.categories_[i].id, i);
  }
  for (const auto& category : directory.categories_) {
    if (!category.parent_id) directory.top_level_.push_back(&category);
  }
  render::View navigation = render::ListView(directory.top_level_.size());
  for (const auto* category : directory.top_level_) {
    render::View item;
    render::Put(item, "name", category->name);
    render::Put(item, "url", render::Text(CategoryPath(category->slug)));
    render::Append(navigation, std::move(item));
  }
  render::Put(directory.site_wide_view_, "navigation", std::move(navigation));
  return directory;
}

const domain::Category* CategoryDirectory::FindBySlug(std::string_view slug) const {
  for (const auto& category : categories_) {
    if (category.slug == slug) return &category;
  }
  return nullptr;
}

const domain::Category* CategoryDirectory::FindById(std::int64_t id) const {
  auto it = index_by_id_.find(id);
  return it == index_by_id_.end() ? nullptr : &categories_[it->second];
}

std::vector<const domain::Category*> CategoryDirectory::ChildrenOf(std::int64_t id) const {
  std::vector<const domain::Category*> children;
  for (const auto& category : categories_) {
    if (category.parent_id == id) children.push_back(&category);
  }
  return children;
}

std::vector<const domain::Category*> CategoryDirectory::PathTo(std::int64_t id) const {
  std::vector<const domain::Category*> path;
  std::unordered_set<std::int64_t> seen;  // a corrupt parent cycle must not loop forever
  for (const auto* category = FindById(id); category && seen.insert(category->id).second;
       category = category->parent_id ? FindById(*category->parent_id) : nullptr) {
    path.insert(path.begin(), category);
  }
  return path;
}

}  // namespace gazette::site
