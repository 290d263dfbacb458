#include "gazette/site/structured_data.hpp"

#include <boost/json.hpp>

#include "gazette/feeds/feed_dates.hpp"

namespace gazette::site {
namespace {

namespace json = boost::json;

json::object Organization(std::string_view name, std::string_view url) {
  return json::object{{"@type", "Organization"}, {"name", name}, {"url", url}};
}

json::object Breadcrumbs(const std::vector<Crumb>& crumbs) {
  json::array items;
  int position = 1;
  for (const auto& [name, url] : crumbs) {
    items.push_back(json::object{{"@type", "ListItem"}, {"position", position++}, {"name", name}, {"item", url}});
  }
  return json::object{{"@type", "BreadcrumbList"}, {"itemListElement", std::move(items)}};
}

std::string Document(json::value graph) {
  return ScriptSafeJson(json::serialize(json::object{{"@context", "https://schema.org"}, {"@graph", std::move(graph)}}));
}

}  // namespace

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size() + 16);
  // Runs of ordinary bytes are copied at once: a document has only a few bytes to escape, if any.
  std::size_t start = 0;
  const auto replace = [&](std::size_t at, std::size_t length, std::string_view with) {
    out.append(json.data() + start, at - start);
    out.append(with);
    start = at + length;
  };
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      replace(i, 1, "\\u003c");
    } else if (c == '>') {
      replace(i, 1, "\\u003e");
    } else if (c == '&') {
      replace(i, 1, "\\u0026");
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      // U+2028 and U+2029 end a line in older JavaScript parsers; escaped, they read the same in JSON.
      replace(i, 3, json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029");
      i += 2;
    }
  }
  out.append(json.data() + start, json.size() - start);
  return out;
}

std::string ArticleJsonLd(const ArticleData& article, std::string_view site_name, std::string_view site_url) {
  json::object news{{"@type", "NewsArticle"},
                    {"headline", article.headline},
                    {"description", article.description},
                    {"url", article.url},
                    {"mainEntityOfPage", json::object{{"@type", "WebPage"}, {"@id", article.url}}},
                    {"datePublished", feeds::FormatRfc3339(article.published)},
                    {"dateModified", feeds::FormatRfc3339(article.modified)},
                    {"author", json::object{{"@type", "Person"}, {"name", article.author_name},
                                            {"url", article.author_url}}},
                    {"publisher", Organization(site_name, site_url)}};
  if (!article.image_url.empty()) news["image"] = json::array{json::string(article.image_url)};
  return Document(json::array{std::move(news), Breadcrumbs(article.breadcrumbs)});
}

std::string BreadcrumbJsonLd(const std::vector<Crumb>& crumbs) {
  return Document(json::array{Breadcrumbs(crumbs)});
}

std::string WebSiteJsonLd(std::string_view site_name, std::string_view site_url, std::string_view description) {
  return Document(json::array{json::object{{"@type", "WebSite"},
                                           {"name", site_name},
                                           {"url", site_url},
                                           {"description", description},
                                           {"publisher", Organization(site_name, site_url)}}});
}

void AddHeadMeta(const settings::SiteSnapshot& settings, const PageMeta& meta, render::View& view) {
  render::Put(view, "og_type", meta.og_type);
  render::Put(view, "og_title", meta.title.empty() ? settings.site.name : meta.title);
  if (!meta.image_url.empty()) render::Put(view, "og_image", meta.image_url);
  render::View links = render::ListView(2 * (1 + meta.feeds.size()));
  const auto add_feeds = [&](const std::string& title, const std::string& base_path) {
    render::View rss;
    render::Put(rss, "type", render::Text(std::string("application/rss+xml")));
    render::Put(rss, "title", render::Text(title + " (RSS)"));
    render::Put(rss, "url", render::Text(base_path + "/feed/rss"));
    render::Append(links, std::move(rss));
    render::View atom;
    render::Put(atom, "type", render::Text(std::string("application/atom+xml")));
    render::Put(atom, "title", render::Text(title + " (Atom)"));
    render::Put(atom, "url", render::Text(base_path + "/feed/atom"));
    render::Append(links, std::move(atom));
  };
  add_feeds(settings.site.name, "");
  for (const auto& feed : meta.feeds) add_feeds(feed.title, feed.base_path);
  render::Put(view, "feed_links", std::move(links));
  if (!meta.json_ld.empty()) render::Put(view, "json_ld", meta.json_ld);
}

}  // namespace gazette::site
