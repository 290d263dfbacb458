#pragma once
/// CategoryDirectory: the category tree in memory (a few dozen rows), for navigation and slug lookups
/// without a query per page.

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/domain/taxonomy.hpp"
#include "gazette/render/view.hpp"
#include "gazette/storage/catalog_store.hpp"

namespace gazette::site {

/// Immutable after Load: thread-safe.
class CategoryDirectory {
 public:
  static Result<CategoryDirectory> Load(storage::CatalogStore& catalog);

  const domain::Category* FindBySlug(std::string_view slug) const;
  const domain::Category* FindById(std::int64_t id) const;
  /// Top-level categories in navigation order.
  const std::vector<const domain::Category*>& TopLevel() const { return top_level_; }
  /// Direct subcategories in navigation order.
  std::vector<const domain::Category*> ChildrenOf(std::int64_t id) const;
  /// From the top-level ancestor down to the category itself.
  std::vector<const domain::Category*> PathTo(std::int64_t id) const;

  /// The values every public page shows from this tree, {{navigation}} (the top-level categories, each
  /// with name and url), built once per tree: to pass as the site-wide view of Templates::RenderPage.
  const render::View& SiteWideView() const { return site_wide_view_; }

 private:
  std::vector<domain::Category> categories_;  ///< never resized after Load: pointers below stay valid
  std::unordered_map<std::int64_t, std::size_t> index_by_id_;
  std::vector<const domain::Category*> top_level_;
  render::View site_wide_view_;
};

}  // namespace gazette::site
