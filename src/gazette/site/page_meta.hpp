#pragma once
/// PageMeta: what the layout needs to know about the page it wraps (title, description, canonical and
/// pagination links), and what search engines and link previews read (Open Graph, feeds, JSON-LD).

#include <optional>
#include <string>
#include <vector>

namespace gazette::site {

/// A section's feeds: base_path + "/feed/rss" and + "/feed/atom" ("" for the whole site's).
struct FeedLink {
  std::string title;
  std::string base_path;
};

struct PageMeta {
  std::string title;           ///< the page's own title; the layout appends the site name
  std::string description;     ///< plain text for <meta name="description">
  std::string canonical_path;  ///< path and query of this page's canonical URL
  std::optional<std::string> previous_path;  ///< rel="prev"
  std::optional<std::string> next_path;      ///< rel="next"
  std::string og_type = "website";           ///< Open Graph type: "article" on article pages
  std::string image_url;                     ///< absolute og:image; empty when the page has none
  std::vector<FeedLink> feeds;               ///< this page's section's feeds, besides the site's own
  std::string json_ld;                       ///< structured data, already script-safe (structured_data.hpp)
};

}  // namespace gazette::site
