#pragma once
/// The demo site's categories, authors and tags: created first, then referred to by id by every article.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/storage/catalog_store.hpp"

namespace gazette::demo {

/// Makes slugs unique within one run: "title", then "title-2", "title-3" ... within kMaxSlugLength.
class SlugRegistry {
 public:
  std::string Claim(std::string base);

 private:
  std::unordered_set<std::string> taken_;
};

struct DemoCatalog {
  std::unordered_map<std::string_view, std::int64_t> category_ids;  ///< by slug
  std::vector<std::int64_t> author_ids;
  std::vector<std::int64_t> tag_ids;
};

/// How many authors the demo has: enough for author pages to look like a real newsroom.
inline constexpr int kDemoAuthors = 44;

/// Creates the categories, authors and tags (call inside a transaction). Deterministic from seed.
Result<DemoCatalog> CreateDemoCatalog(storage::CatalogStore& catalog, std::uint64_t seed);

}  // namespace gazette::demo
