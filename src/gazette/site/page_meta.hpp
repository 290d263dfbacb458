#pragma once
/// PageMeta: what the layout needs to know about the page it wraps (title, description, canonical and
/// pagination links).

#include <optional>
#include <string>

namespace gazette::site {

struct PageMeta {
  std::string title;           ///< the page's own title; the layout appends the site name
  std::string description;     ///< plain text for <meta name="description">
  std::string canonical_path;  ///< path and query of this page's canonical URL
  std::optional<std::string> previous_path;  ///< rel="prev"
  std::optional<std::string> next_path;      ///< rel="next"
};

}  // namespace gazette::site
