#pragma once
/// Categories (nested; every article in exactly one), tags, and authors as the public site sees them.

#include <cstdint>
#include <optional>
#include <string>

namespace gazette::domain {

struct Category {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;  ///< empty for a top-level category
  std::string slug;                       ///< unique across all categories: /category/<slug>
  std::string name;
  std::string description;
  int position = 0;  ///< order among siblings in the navigation
};

struct Tag {
  std::int64_t id = 0;
  std::string slug;  ///< unique: /tag/<slug>
  std::string name;
};

struct Author {
  std::int64_t id = 0;
  std::string slug;  ///< unique: /author/<slug>
  std::string name;
  std::string role;
  std::string organisation;
  std::string bio;    ///< plain text
  std::string photo;  ///< a path under the site's media directory, or empty
};

}  // namespace gazette::domain
