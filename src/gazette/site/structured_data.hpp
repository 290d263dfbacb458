#pragma once
/// Structured data for search engines: schema.org JSON-LD (NewsArticle, BreadcrumbList, WebSite) made
/// safe to place inside <script type="application/ld+json">, and the head tags built from PageMeta
/// (Open Graph, Twitter card, feed links).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/render/view.hpp"
#include "gazette/settings/site_snapshot.hpp"
#include "gazette/site/page_meta.hpp"

namespace gazette::site {

/// json with <, > and & written as \u003c, \u003e and \u0026 (and U+2028, U+2029 as escapes), so that no
/// value can close the script element ("</script>") or open a comment ("<!--") in the HTML around it.
/// Those characters only occur inside JSON strings, where the escapes mean the same. Thread-safe.
std::string ScriptSafeJson(std::string_view json);

/// One step of a breadcrumb trail: a name and an absolute URL.
using Crumb = std::pair<std::string, std::string>;

/// What a NewsArticle says; URLs absolute.
struct ArticleData {
  std::string headline;
  std::string description;
  std::string url;
  Timestamp published{};
  Timestamp modified{};
  std::string author_name;
  std::string author_url;
  std::string image_url;  ///< empty when none
  std::vector<Crumb> breadcrumbs;  ///< Home, its category, the article
};

/// {"@context": "https://schema.org", "@graph": [NewsArticle, BreadcrumbList]}, script-safe. The publisher
/// is the site (an Organization with its name and URL).
std::string ArticleJsonLd(const ArticleData& article, std::string_view site_name, std::string_view site_url);
/// A BreadcrumbList alone (section pages), script-safe.
std::string BreadcrumbJsonLd(const std::vector<Crumb>& crumbs);
/// The front page's WebSite with its publisher, script-safe.
std::string WebSiteJsonLd(std::string_view site_name, std::string_view site_url, std::string_view description);

/// Adds the head keys of the layout: og_type, og_title, og_image, feed_links (the site's, then meta's),
/// json_ld. When adding a key, also update themes/default/templates/layouts/default.mustache.
void AddHeadMeta(const settings::SiteSnapshot& settings, const PageMeta& meta, render::View& view);

}  // namespace gazette::site
