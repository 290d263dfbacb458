#include "gazette/feeds/sitemap_writer.hpp"

#include "gazette/feeds/feed_dates.hpp"

namespace gazette::feeds {
namespace {

constexpr std::string_view kSitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

}  // namespace

SitemapWriter::SitemapWriter(std::string& out) : xml_(out) {
  xml_.Declaration();
  xml_.Open("urlset", {{"xmlns", kSitemapNamespace}});
}

void SitemapWriter::Add(std::string_view loc, std::optional<Timestamp> lastmod) {
  xml_.Open("url");
  xml_.Element("loc", loc);
  if (lastmod) xml_.Element("lastmod", FormatRfc3339(*lastmod));
  xml_.Close("url");
}

void SitemapWriter::Finish() { xml_.Close("urlset"); }

SitemapIndexWriter::SitemapIndexWriter(std::string& out) : xml_(out) {
  xml_.Declaration();
  xml_.Open("sitemapindex", {{"xmlns", kSitemapNamespace}});
}

void SitemapIndexWriter::Add(std::string_view loc, std::optional<Timestamp> lastmod) {
  xml_.Open("sitemap");
  xml_.Element("loc", loc);
  if (lastmod) xml_.Element("lastmod", FormatRfc3339(*lastmod));
  xml_.Close("sitemap");
}

void SitemapIndexWriter::Finish() { xml_.Close("sitemapindex"); }

NewsSitemapWriter::NewsSitemapWriter(std::string& out, std::string_view publication_name,
                                     std::string_view language)
    : xml_(out), publication_name_(publication_name), language_(language) {
  xml_.Declaration();
  xml_.Open("urlset", {{"xmlns", kSitemapNamespace},
                       {"xmlns:news", "http://www.google.com/schemas/sitemap-news/0.9"}});
}

void NewsSitemapWriter::Add(std::string_view loc, Timestamp published, std::string_view title) {
  xml_.Open("url");
  xml_.Element("loc", loc);
  xml_.Open("news:news");
  xml_.Open("news:publication");
  xml_.Element("news:name", publication_name_);
  xml_.Element("news:language", language_);
  xml_.Close("news:publication");
  xml_.Element("news:publication_date", FormatRfc3339(published));
  xml_.Element("news:title", title);
  xml_.Close("news:news");
  xml_.Close("url");
}

void NewsSitemapWriter::Finish() { xml_.Close("urlset"); }

}  // namespace gazette::feeds
